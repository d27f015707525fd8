using System;
using System.Linq;
using Xunit;

namespace HardwareCatalog.Catalogs.Tests
{
    /// <summary>
    /// The run-time mapping of resolved entries against the generator's output: every built-in entry, run through the
    /// pipeline and mapped at run time, equals the object the generated code creates, value by value.
    /// </summary>
    public class CatalogMappingTests
    {
        private static readonly CatalogCheckResult s_builtIn = CatalogCheck.Run(CatalogFiles.BuiltIn);

        [Fact]
        public void The_built_in_catalog_passes_the_pipeline_with_no_diagnostic()
            => Assert.Empty(s_builtIn.Diagnostics.Select(d => d.Id + ": " + d.Message));

        [Fact]
        public void Every_built_in_gpu_mapped_at_run_time_equals_the_generated_one()
        {
            Assert.Equal(Gpus.All.Select(g => g.Id).OrderBy(id => id, StringComparer.Ordinal), s_builtIn.Gpus.Select(g => g.Id).OrderBy(id => id, StringComparer.Ordinal));
            foreach (var entry in s_builtIn.Gpus)
            {
                Accelerator mapped = CatalogMapping.Gpu(entry);
                Accelerator generated = Gpus.Find(entry.Id)!;
                Equality.Same(typeof(Accelerator), generated, mapped, entry.Id);
                foreach (Precision precision in PrecisionFacts.All)
                {
                    Assert.Equal(generated.TryGetPeak(precision, out var a) ? a : default, mapped.TryGetPeak(precision, out var b) ? b : default);
                    Assert.Equal(generated.SupportsSparse(precision) ? generated.PeakSparse(precision) : default, mapped.SupportsSparse(precision) ? mapped.PeakSparse(precision) : default);
                    Equality.Same(typeof(Achieved<Units.FlopRate>?), generated.MeasuredMatmul(precision), mapped.MeasuredMatmul(precision), $"{entry.Id} measured {precision}");
                }
            }
        }

        [Fact]
        public void Every_built_in_model_mapped_at_run_time_equals_the_generated_one()
        {
            Assert.Equal(Models.All.Count, s_builtIn.Resolved.Models.Count);
            foreach (var entry in s_builtIn.Resolved.Models)
            {
                ModelSpec mapped = CatalogMapping.Model(entry, Gpus.Find);
                Equality.Same(typeof(ModelSpec), Models.Find(entry.Id)!, mapped, entry.Id);
            }
        }

        [Fact]
        public void Every_built_in_system_mapped_at_run_time_equals_the_generated_one()
        {
            Assert.Equal(Systems.All.Count, s_builtIn.Resolved.Systems.Count);
            foreach (var entry in s_builtIn.Resolved.Systems)
            {
                AcceleratorSystem mapped = CatalogMapping.System(entry, Gpus.Find(entry.GpuId)!);
                Equality.Same(typeof(AcceleratorSystem), Systems.Find(entry.Id)!, mapped, entry.Id);
            }
        }

        [Fact]
        public void The_comparison_tells_entries_apart()
        {
            // The check above can fail: two different entries differ in it.
            Assert.ThrowsAny<Exception>(() => Equality.Same(typeof(Accelerator), Gpus.H100Sxm, Gpus.H200Sxm, "h100-sxm vs h200-sxm"));
            Assert.ThrowsAny<Exception>(() => Equality.Same(typeof(ModelSpec), Models.Find("llama-3.1-70b")!, Models.Find("llama-3.1-8b")!, "llama"));
        }
    }
}
