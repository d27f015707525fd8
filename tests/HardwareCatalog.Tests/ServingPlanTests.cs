using System;
using System.Linq;
using HardwareCatalog.Planning;
using HardwareCatalog.Units;
using Xunit;

namespace HardwareCatalog.Tests
{
    /// <summary>Serving plans: formats, memory, the decode and prefill bounds, checks, against published figures.</summary>
    public class ServingPlanTests
    {
        private static Achieved<Bandwidth> PeakBandwidth(Accelerator gpu) => Achieved.FromEfficiency(gpu.MemoryBandwidth!.Value, 1.0);

        private static Achieved<FlopRate> PeakRate(Accelerator gpu, Precision precision) => Achieved.FromEfficiency(gpu.Peak(precision), 1.0);

        [Fact]
        public void Formats_count_their_scales_in_the_bits_per_parameter()
        {
            // OCP MX v1.0: 32 FP4 elements share one 8-bit E8M0 scale. NVFP4: 16 elements share one E4M3 scale. AWQ/GPTQ
            // group 128: an FP16 scale and a 4-bit zero point per group. DeepSeek-V3: one FP32 scale per 128×128 block.
            Assert.Equal(4 + 8.0 / 32, WeightFormat.Mxfp4.BitsPerParameter);
            Assert.Equal(4 + 8.0 / 16, WeightFormat.Nvfp4.BitsPerParameter);
            Assert.Equal(4 + (16 + 4) / 128.0, WeightFormat.Int4WeightOnly.BitsPerParameter);
            Assert.Equal(8 + 32 / (128.0 * 128), WeightFormat.Fp8.BitsPerParameter);
            Assert.Equal(2, WeightFormat.Bf16.BytesPerParameter);
            Assert.Equal(Precision.Bf16, WeightFormat.Int4WeightOnly.Compute);
            Assert.True(WeightFormat.Int4WeightOnly.WeightOnly);
            Assert.Same(WeightFormat.Nvfp4, WeightFormat.Find("nvfp4"));
            Assert.Null(WeightFormat.Find("NVFP4"));
            Assert.Equal(WeightFormat.All.Count, WeightFormat.All.Select(f => f.Key).Distinct().Count());

            // The built-in formats are the table's rows, in its order, each with its compute precision resolved.
            Assert.Equal(WeightFormatTable.Rows.Select(r => r.Key), WeightFormat.All.Select(f => f.Key));
            Assert.Equal(WeightFormatTable.Rows.Select(r => r.ComputeKey), WeightFormat.All.Select(f => PrecisionTable.Keys[(int)f.Compute]));
        }

        [Fact]
        public void Llama_70b_in_bf16_does_not_fit_one_h100_and_fits_two()
        {
            // Llama 3.1 70B: every weight in BF16, 2 bytes. One H100: 81,559 MiB usable. Two with TP 2: half each.
            double weights = Models.Llama31_70B.DerivedParameters!.Value.Count * 2;
            var workload = new ServingWorkload(8, 7168, 1024);
            var one = new ServingPlan(Models.Llama31_70B, Systems.DgxH100, 1, default, WeightFormat.Bf16, Precision.Bf16, workload);
            var two = new ServingPlan(Models.Llama31_70B, Systems.DgxH100, 2, new ServingLayout(tensor: 2), WeightFormat.Bf16, Precision.Bf16, workload);

            Assert.Equal(weights, one.Memory.DenseWeights.Bytes, 1e-9 * weights);
            Assert.Equal(weights / 2, two.Memory.DenseWeights.Bytes, 1e-9 * weights);
            PlanCheck check = one.Validate().Single(c => c.Severity == PlanCheckSeverity.Error);
            Assert.Equal(("HWC226", "system"), (check.Id, check.Field));
            Assert.True(two.Memory.Fits);

            // KV: 80 layers × 8 KV heads × 128 × 2 (K, V) × 2 bytes = 327,680 B per token, split over 2 ranks' heads; 8
            // sequences of 8,192 tokens.
            Assert.Equal(8.0 * 8192 * 80 * 8 * 128 * 2 * 2 / 2, two.Memory.KvCache.Bytes, 1);
        }

        [Fact]
        public void A_decode_step_reads_every_expert_the_batch_touches_not_the_active_count()
        {
            // DeepSeek-V3, 256 routed experts, 8 active: a batch of 64 tokens reaches 256·(1 − (1 − 8/256)^64) = 222.4
            // distinct experts per MoE layer (uniform routing; Huang et al. 2025, MoESD, arXiv:2505.19645, section 3.2,
            // equations 6–8, which tabulate 222.4 for this case); at batch 1 exactly the 8 active ones.
            var workload = new ServingWorkload(64, 1000, 1000);
            var plan = new ServingPlan(Models.DeepSeekV3, Systems.HgxH200, 8, new ServingLayout(tensor: 8), WeightFormat.Fp8, Precision.Bf16, workload,
                PeakRate(Gpus.H200Sxm, Precision.Fp8), PeakBandwidth(Gpus.H200Sxm));

            ServingDecode decode = plan.Decode!;
            Assert.Equal(256 * (1 - Math.Pow(1 - 8 / 256.0, 64)), decode.ExpertsTouched, 6);
            Assert.Equal(222.4, decode.ExpertsTouched, 1);
            ServingDecode single = new ServingPlan(Models.DeepSeekV3, Systems.HgxH200, 8, new ServingLayout(tensor: 8), WeightFormat.Fp8, Precision.Bf16,
                workload.WithConcurrency(1), PeakRate(Gpus.H200Sxm, Precision.Fp8), PeakBandwidth(Gpus.H200Sxm)).Decode!;
            Assert.Equal(8, single.ExpertsTouched, 9);

            // Per GPU the routed experts read are 58 MoE layers × 222.4 experts × 3·7168·2048 weights / 8 ranks, in FP8.
            double expert = 3.0 * 7168 * 2048;
            double experts = 58 * decode.ExpertsTouched * expert / 8 * WeightFormat.Fp8.BytesPerParameter;
            Assert.Equal(plan.Memory.DenseWeights.Bytes + experts, decode.WeightsRead.Bytes, 1e-6 * decode.WeightsRead.Bytes);
        }

        [Fact]
        public void Deepseeks_disclosed_decode_layout_fits_and_its_bound_is_not_below_the_measured_throughput()
        {
            // DeepSeek open-infra-index, day 6 (February 2025): decode on 18 nodes, EP 144 with attention data parallel 144:
            // 2 routed + 1 shared expert per GPU = 288 = 256 + 32 redundant; FP8 matmuls; about 14.8k output tokens/s per
            // node at 20–22 tokens/s per user (about 1,850 per GPU / 21 = 88 sequences per GPU) with an average KV length of
            // 4,989 tokens. The bound takes the H800's peak FP8 rate and bandwidth: a roofline, not a prediction.
            var layout = new ServingLayout(expert: 144, replicas: 144, redundantExperts: 32);
            var workload = new ServingWorkload(88 * 144, 4000, 2000);
            var plan = new ServingPlan(Models.DeepSeekV3, Systems.HgxH800, 144, layout, WeightFormat.Fp8, Precision.Bf16, workload,
                PeakRate(Gpus.H800Sxm, Precision.Fp8), PeakBandwidth(Gpus.H800Sxm));

            Assert.DoesNotContain(plan.Validate(), c => c.Severity == PlanCheckSeverity.Error);
            Assert.True(plan.Memory.Fits);
            Assert.Equal(2, plan.Decode!.ExpertsHeld);
            Assert.True(plan.Decode.OutputTokensPerSecondPerGpu >= 14_800 / 8.0, $"{plan.Decode.OutputTokensPerSecondPerGpu:N0} tokens/s per GPU");
        }

        [Fact]
        public void Deepseeks_disclosed_costs_follow_from_its_throughputs()
        {
            // $2 per H800-hour, 8 GPUs per node: 73.7k input tokens/s per node while prefilling (cache hits included) and
            // 14.8k output tokens/s per node while decoding: $16 per node-hour over the tokens of an hour, per million.
            Assert.Equal(16 / (73_700 * 3600.0) * 1e6, ServingPlan.CostPerMillionTokens(GpuHourPrice.Usd(2), 8, 73_700).Usd, 9);
            Assert.Equal(0.0603, ServingPlan.CostPerMillionTokens(GpuHourPrice.Usd(2), 8, 73_700).Usd, 4);
            Assert.Equal(0.3003, ServingPlan.CostPerMillionTokens(GpuHourPrice.Usd(2), 8, 14_800).Usd, 4);
        }

        [Fact]
        public void Nvidias_r1_nim_figure_is_within_the_bound_of_an_hgx_h200()
        {
            // NVIDIA (January 2025): DeepSeek-R1 NIM "up to 3,872 tokens per second on a single NVIDIA HGX H200 system";
            // FP8, TP 8; 1,024 input and 1,024 output tokens as NVIDIA's H200 benchmarks of the time. The bound reaches it
            // at some concurrency that fits.
            var plan = new ServingPlan(Models.DeepSeekR1, Systems.HgxH200, 8, new ServingLayout(tensor: 8), WeightFormat.Fp8, Precision.Fp8,
                new ServingWorkload(1, 1024, 1024), PeakRate(Gpus.H200Sxm, Precision.Fp8), PeakBandwidth(Gpus.H200Sxm));
            ServingPoint[] sweep = plan.Sweep(Enumerable.Range(1, 512)).ToArray();
            ServingPoint first = sweep.First(p => p.Fits && p.OutputTokensPerSecondPerGpu * 8 >= 3872);
            Assert.InRange(first.Concurrency, 2, 512);
            Assert.True(sweep.Single(p => p.Concurrency == 1).OutputTokensPerSecondPerGpu * 8 < 3872, "one sequence alone does not reach it");
        }

        [Fact]
        public void The_sweep_trades_latency_for_throughput_and_the_pareto_set_keeps_the_undominated_points()
        {
            var plan = new ServingPlan(Models.Llama31_70B, Systems.DgxH100, 8, new ServingLayout(tensor: 8), WeightFormat.Fp8, Precision.Fp8,
                new ServingWorkload(1, 2048, 512), PeakRate(Gpus.H100Sxm, Precision.Fp8), PeakBandwidth(Gpus.H100Sxm));
            ServingPoint[] sweep = plan.Sweep(new[] { 1, 2, 4, 8, 16, 32, 64, 128, 256 }).ToArray();

            for (int i = 1; i < sweep.Length; i++)
            {
                Assert.True(sweep[i].TimePerOutputToken >= sweep[i - 1].TimePerOutputToken);
                Assert.True(sweep[i].OutputTokensPerSecondPerGpu >= sweep[i - 1].OutputTokensPerSecondPerGpu);
            }

            // Every point here is on the frontier: more concurrency is slower per token and faster in all.
            Assert.Equal(sweep.Where(p => p.Fits).Select(p => p.Concurrency), ServingPlan.Pareto(sweep).Select(p => p.Concurrency));
        }

        [Fact]
        public void Speculative_decoding_gains_the_expected_accepted_tokens_per_step()
        {
            // Leviathan et al. 2023 (arXiv:2211.17192), equation 1: (1 − a^(k+1)) / (1 − a) tokens per step. DeepSeek-V3's MTP
            // (report section 5.4.3): one drafted token accepted 85–90% of the time: 1 + 0.85 = 1.85 tokens per step.
            var plan = new ServingPlan(Models.DeepSeekV3, Systems.HgxH200, 8, new ServingLayout(tensor: 8), WeightFormat.Fp8, Precision.Bf16,
                new ServingWorkload(16, 1000, 1000, draftTokens: 1, acceptance: 0.85), PeakRate(Gpus.H200Sxm, Precision.Fp8), PeakBandwidth(Gpus.H200Sxm));
            Assert.Equal((1 - Math.Pow(0.85, 2)) / (1 - 0.85), plan.Decode!.TokensPerStep, 12);
            Assert.Equal(plan.Decode.Step.TotalSeconds / 1.85, plan.Decode.TimePerOutputToken.TotalSeconds, 6);
        }

        [Fact]
        public void Prefill_counts_only_the_uncached_tokens_and_their_attention_over_the_whole_prompt()
        {
            // Llama 3.1 8B on one H100: forward FLOPs of n new tokens = 2·matmul weights·n + the causal attention core. With
            // half the prompt cached, the matmul part halves; the attention core of the second half still attends the first.
            var cold = new ServingPlan(Models.Llama31_8B, Systems.DgxH100, 1, default, WeightFormat.Bf16, Precision.Bf16, new ServingWorkload(1, 8192, 1),
                PeakRate(Gpus.H100Sxm, Precision.Bf16), PeakBandwidth(Gpus.H100Sxm));
            var warm = new ServingPlan(Models.Llama31_8B, Systems.DgxH100, 1, default, WeightFormat.Bf16, Precision.Bf16, new ServingWorkload(1, 8192, 1, prefixHitRate: 0.5),
                PeakRate(Gpus.H100Sxm, Precision.Bf16), PeakBandwidth(Gpus.H100Sxm));

            // Attention core per (query, key) pair: 2 · 32 heads · (128 + 128) per layer, 32 layers; Σ i over 1..8192.
            double perPair = 2.0 * 32 * 256 * 32;
            double matmul = ModelFlops.ForwardPerToken(Models.Llama31_8B, 1).Count - perPair;
            double coldFlops = 2 * 0 + matmul * 8192 + perPair * 8192.0 * 8193 / 2;
            double warmFlops = matmul * 4096 + perPair * (8192.0 * 8193 / 2 - 4096.0 * 4097 / 2);
            double peak = Gpus.H100Sxm.Peak(Precision.Bf16).FlopsPerSecond;
            Assert.Equal(coldFlops / peak, cold.TimeToFirstToken!.Value.TotalSeconds, 4);
            Assert.Equal(warmFlops / peak, warm.TimeToFirstToken!.Value.TotalSeconds, 4);
        }

        [Fact]
        public void Mla_decodes_with_absorbed_up_projections()
        {
            // DeepSeek-V3 decode: the query meets the 512-wide latent and the 64-wide RoPE key: 2·128·(512 + 64) FLOPs per key
            // for the scores and 2·128·512 for the values, per layer (61) and key, instead of 2·128·(192 + 128).
            var plan = new ServingPlan(Models.DeepSeekV3, Systems.HgxH200, 8, new ServingLayout(tensor: 8), WeightFormat.Fp8, Precision.Bf16,
                new ServingWorkload(1, 4000, 2000), PeakRate(Gpus.H200Sxm, Precision.Fp8), PeakBandwidth(Gpus.H200Sxm));
            double context = 4000 + 2000 / 2.0;
            double matmul = ModelFlops.ForwardPerToken(Models.DeepSeekV3, 1).Count - ModelFlops.AttentionCorePerToken(Models.DeepSeekV3, 1).Count; // 2 per weight
            double attention = 2.0 * 128 * (2 * 512 + 64) * 61 * context;
            double expected = (matmul + attention) / (8 * Gpus.H200Sxm.Peak(Precision.Fp8).FlopsPerSecond);
            Assert.Equal(expected, plan.Decode!.ComputeTime.TotalSeconds, 6);
        }

        [Fact]
        public void Every_serving_check_has_its_id_and_field()
        {
            var w = new ServingWorkload(8, 1024, 1024);
            PlanCheck Only(ServingPlan plan) => Assert.Single(plan.Validate(), c => c.Severity == PlanCheckSeverity.Error);

            Assert.Equal(("HWC221", "gpus"), Field(Only(new ServingPlan(Models.Llama31_70B, Systems.DgxH100, 6, new ServingLayout(tensor: 8), WeightFormat.Bf16, Precision.Bf16, w))));
            // 64 heads and 8 KV heads: t = 3 splits neither.
            PlanCheck[] three = new ServingPlan(Models.Llama31_70B, Systems.DgxH100, 3, new ServingLayout(tensor: 3), WeightFormat.Bf16, Precision.Bf16, w).Validate().ToArray();
            Assert.Equal(new[] { "HWC222", "HWC223" }, three.Where(c => c.Severity == PlanCheckSeverity.Error).Select(c => c.Id));
            Assert.Equal(("HWC224", "expert"), Field(Only(new ServingPlan(Models.DeepSeekV3, Systems.HgxH200, 8, new ServingLayout(tensor: 8, expert: 24), WeightFormat.Fp8, Precision.Bf16, w))));
            Assert.Equal(("HWC224", "expert"), Field(Only(new ServingPlan(Models.Llama31_70B, Systems.DgxH100, 8, new ServingLayout(tensor: 8, expert: 8), WeightFormat.Bf16, Precision.Bf16, w))));
            // NVFP4 computes in FP4, which Hopper lacks; FP8 on an A100.
            PlanCheck nvfp4 = Only(new ServingPlan(Models.Llama31_70B, Systems.DgxH100, 8, new ServingLayout(tensor: 8), WeightFormat.Nvfp4, Precision.Bf16, w));
            Assert.Equal(("HWC225", "weightFormat"), Field(nvfp4));
            Assert.Contains("FP4", nvfp4.Message);

            // HWC229 then speaks of the bandwidth only: the FP4 rate's absence is HWC225's matter, as in a plan file.
            PlanCheck nvfp4Rate = new ServingPlan(Models.Llama31_70B, Systems.DgxH100, 8, new ServingLayout(tensor: 8), WeightFormat.Nvfp4, Precision.Bf16, w)
                .Validate().Single(c => c.Id == "HWC229");
            Assert.Equal("bandwidthEfficiency", nvfp4Rate.Field);
            // Llama 3.1 70B: 64K of 128K context; 16 sequences of 128K need far more KV than two H100 hold.
            Assert.Equal(("HWC227", "concurrency"), Field(Only(new ServingPlan(Models.Llama31_70B, Systems.DgxH100, 2, new ServingLayout(tensor: 2), WeightFormat.Bf16, Precision.Bf16,
                new ServingWorkload(16, 100_000, 20_000)))));
            Assert.Equal(("HWC228", "inputTokens"), Field(Only(new ServingPlan(Models.Llama31_70B, Systems.DgxH100, 8, new ServingLayout(tensor: 8), WeightFormat.Bf16, Precision.Bf16,
                new ServingWorkload(1, 130_000, 2_000)))));
            Assert.Equal(("HWC230", "pipeline"), Field(Only(new ServingPlan(Models.Llama31_8B, Systems.DgxH100, 64, new ServingLayout(pipeline: 64), WeightFormat.Bf16, Precision.Bf16, w))));

            // No measured bandwidth in the catalog: the times are not modelled, a warning.
            PlanCheck noRate = new ServingPlan(Models.Llama31_8B, Systems.DgxH100, 1, default, WeightFormat.Bf16, Precision.Bf16, w).Validate().Single();
            Assert.Equal(("HWC229", PlanCheckSeverity.Warning), (noRate.Id, noRate.Severity));
        }

        [Fact]
        public void Capacity_answers_the_largest_concurrency_and_the_longest_context()
        {
            var plan = new ServingPlan(Models.Llama31_70B, Systems.DgxH100, 8, new ServingLayout(tensor: 8), WeightFormat.Bf16, Precision.Bf16, new ServingWorkload(64, 7168, 1024));
            ServingMemory memory = plan.Memory;
            double free = memory.Available.Bytes - memory.DenseWeights.Bytes - memory.Workspace.Bytes;
            double perSequence = 8192.0 * 80 * 8 * 128 * 2 * 2 / 8; // 327,680 B per token over 8 ranks
            Assert.Equal((int)Math.Floor(free / perSequence), plan.MaxConcurrency(8192));
            Assert.Equal(Math.Floor(free / (64 * 80 * 8 * 128 * 2 * 2 / 8.0)), plan.MaxContext, 0);
        }

        private static (string, string) Field(PlanCheck check) => (check.Id, check.Field);
    }
}
