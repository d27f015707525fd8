using System.Linq;
using HardwareCatalog.Units;
using Xunit;

namespace HardwareCatalog.Tests
{
    /// <summary>The built-in catalog as users see it, through the generated types.</summary>
    public class BuiltInCatalogTests
    {
        [Fact]
        public void Typed_members_carry_the_datasheet_values()
        {
            Assert.Equal("1978.9 TFLOP/s", Gpus.H800Sxm.Dense.Fp8.ToString());
            Assert.Equal(FlopRate.FromTera(989.4), Gpus.H100Sxm.Dense.Bf16);
            Assert.Equal(FlopRate.FromTera(312), Gpus.A100Sxm80GB.Dense.Bf16);
            Assert.Equal(DataSize.Parse("80 GiB"), Gpus.H800Sxm.Memory);
            Assert.Equal(Bandwidth.Parse("3.35 TB/s"), Gpus.H800Sxm.MemoryBandwidth);
            Assert.Equal(Power.FromWatts(700), Gpus.H800Sxm.Tdp);
        }

        [Fact]
        public void The_h800_differs_from_the_h100_in_nvlink_only_for_tensor_work()
        {
            Assert.Equal(Bandwidth.Parse("400 GB/s"), Gpus.H800Sxm.Interconnect.NvLink);
            Assert.Equal(Bandwidth.Parse("900 GB/s"), Gpus.H100Sxm.Interconnect.NvLink);
            foreach (Precision p in new[] { Precision.Tf32, Precision.Bf16, Precision.Fp16, Precision.Fp8, Precision.Int8 })
            {
                Assert.Equal(Gpus.H100Sxm.Peak(p), Gpus.H800Sxm.Peak(p));
            }
        }

        [Fact]
        public void Every_issue_sku_is_in_the_catalog()
        {
            string[] ids =
            {
                "a100-sxm-40gb", "a100-sxm-80gb", "a100-pcie-80gb", "a800-sxm-80gb", "h100-sxm", "h100-pcie", "h100-nvl",
                "h800-sxm", "h800-pcie", "h20", "h200-sxm", "h200-nvl", "b100", "b200", "gb200", "b300", "gb300", "l40s",
                "mi300x", "mi325x", "mi355x", "gaudi3", "tpu-v5p", "tpu-v6e",
                // Added later, from AMD's CDNA white papers, Google's Cloud TPU documentation and AWS's Neuron documentation.
                "mi250x", "mi300a", "tpu-v4", "tpu-v5e", "tpu-v7", "trainium", "trainium2", "inferentia2",
                "gaudi2", "mi350x",
                // NVIDIA parts whose datasheets could be read only through resellers, press and third-party tables: every such
                // value is marked secondary in its file (only the V100's are from NVIDIA's own text).
                "a10", "a40", "gb10", "l20", "l4", "l40", "v100-sxm2-32gb",
                "a30", "gh200-96gb", "gh200-144gb", "rtx-4090", "rtx-5090", "rtx-6000-ada",
            };

            Assert.Equal(ids.OrderBy(i => i, System.StringComparer.Ordinal), Gpus.All.Select(g => g.Id));
            Assert.All(ids, id => Assert.Same(Gpus.All.Single(g => g.Id == id), Gpus.Find(id)));
            Assert.Null(Gpus.Find("h900"));
        }

        [Fact]
        public void Trainium_chips_give_their_neuronlink_bandwidth()
        {
            // AWS Neuron, Trainium2 architecture page: NeuronLink-v3 at 1.28 TB/sec per chip; its comparison table gives
            // Trainium (Trn1) 384 GB/sec per chip.
            Assert.Equal(Bandwidth.Parse("1.28 TB/s"), Gpus.Trainium2.Interconnect.NeuronLink);
            Assert.Equal(Bandwidth.FromBytesPerSecond(384e9), Gpus.Trainium.Interconnect.NeuronLink);
            Assert.Null(Gpus.H100Sxm.Interconnect.NeuronLink);
        }

        [Fact]
        public void Measured_and_usable_figures_stay_within_their_peaks_and_name_a_source()
        {
            Assert.All(Gpus.All, g =>
            {
                if (g.UsableMemory is { } usable) Assert.True(usable <= g.Memory!.Value, $"{g.Id}: usable {usable} > {g.Memory}");
                foreach (Precision p in g.MeasuredPrecisions)
                {
                    Achieved<FlopRate> measured = g.MeasuredMatmul(p)!.Value;
                    Assert.True(measured.Value <= g.Peak(p), $"{g.Id} {p}: measured {measured.Value} > peak {g.Peak(p)}");
                    Assert.False(string.IsNullOrEmpty(measured.Source), $"{g.Id} {p}: no source");
                }
            });
        }

        [Fact]
        public void Every_source_is_an_absolute_https_url()
        {
            // That each entry has a non-empty vendor and at least one source is HWC102/HWC105 at build time
            // (CatalogRuleTests); what a source says is not checked there.
            var own = Gpus.All.SelectMany(g => g.ValueSources.Where(v => v.Url is not null).Select(v => (g.Id, Source: v.Url!)));
            Assert.All(Gpus.All.SelectMany(g => g.Sources.Select(s => (g.Id, Source: s))).Concat(own), e =>
                Assert.True(System.Uri.TryCreate(e.Source, System.UriKind.Absolute, out System.Uri? uri) && uri.Scheme == "https" && uri.Host.Contains('.'), $"{e.Id}: '{e.Source}'"));
        }

        [Fact]
        public void Sparse_peaks_are_never_below_dense_ones()
            => Assert.All(Gpus.All, g => Assert.All(g.SparsePrecisions, p => Assert.True(g.PeakSparse(p) > g.Peak(p), $"{g.Id} {p}")));

        [Fact]
        public void Blackwell_carries_the_fp6_and_fp4_peaks_of_its_datasheet()
        {
            // That Ampere has no FP8 and Hopper no FP6/FP4 is HWC114 at build time (CatalogRuleTests); what Blackwell has is data.
            // HGX B200 datasheet: FP4 144 PFLOPS sparse / 72 PFLOPS dense for 8 GPUs; FP8 and FP6 72 PFLOPS with sparsity.
            Assert.Equal(FlopRate.FromTera(72_000.0 / 8), Gpus.B200.Dense.Fp4);
            Assert.Equal(FlopRate.FromTera(72_000.0 / 8 / 2), Gpus.B200.Dense.Fp6);
            Assert.Equal(FlopRate.FromTera(72_000.0 / 8 / 2), Gpus.B200.Dense.Fp8);
        }

        [Fact]
        public void Peak_of_an_unsupported_precision_names_the_sku_and_what_it_supports()
        {
            // Found by id, as a SKU known only at run time: with Gpus.A100Sxm80GB the same calls are HWC001 at compile time.
            Accelerator gpu = Gpus.Find("a100-sxm-80gb")!;
            PrecisionNotSupportedException error = Assert.Throws<PrecisionNotSupportedException>(() => gpu.Peak(Precision.Fp8));

            Assert.Equal("'a100-sxm-80gb' does not support FP8; it supports: FP64, FP64 Tensor, FP32, TF32, BF16, FP16, INT8, INT4.", error.Message);
            Assert.Equal(Precision.Fp8, error.Precision);
            Assert.False(gpu.TryGetPeak(Precision.Fp8, out _));
            Assert.Throws<PrecisionNotSupportedException>(() => Gpus.Find("h100-sxm")!.PeakSparse(Precision.Fp64));
        }

        [Fact]
        public void The_sparse_peak_of_a_two_four_sku_is_twice_dense()
        {
            Assert.Equal(Gpus.H100Sxm.Dense.Fp16 * 2, Gpus.H100Sxm.Sparse.Fp16);
            // H100 datasheet: FP16 Tensor Core 1,979 TFLOP/s* with sparsity, i.e. twice the dense 989.4.
            Assert.Equal(FlopRate.FromTera(989.4 * 2), Gpus.H100Sxm.PeakSparse(Precision.Fp16));
        }

        [Fact]
        public void Generated_types_carry_their_supported_precisions_in_metadata()
        {
            // The analyzers read the attribute of each typed entry, the runtime reads the peak table: they must agree
            // for every SKU. Gpus.All hands out base instances, so the typed classes are found by their namespace.
            var typed = typeof(Gpus).Assembly.GetTypes()
                .Where(t => t.Namespace == "HardwareCatalog.Accelerators" && t.IsSubclassOf(typeof(Accelerator)))
                .ToList();
            Assert.Equal(Gpus.All.Count, typed.Count);
            Assert.All(typed, type =>
            {
                var attribute = (SupportedPrecisionsAttribute)System.Attribute.GetCustomAttribute(type, typeof(SupportedPrecisionsAttribute))!;
                var instance = (Accelerator)type.GetField("Instance")!.GetValue(null)!;
                Assert.NotNull(attribute);
                Assert.Equal(instance.SupportedPrecisions, attribute.Dense);
                Assert.Equal(instance.SparsePrecisions, attribute.Sparse);
            });
        }
    }
}
