using System;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using HardwareCatalog.Estimation;
using HardwareCatalog.Units;
using Xunit;

namespace HardwareCatalog.Tests
{
    /// <summary>Each estimator against worked examples from the papers, and the relations that must hold between them.</summary>
    public class EstimatorTests
    {
        [Fact]
        public void Megatron_175b_on_1024_a100_at_140_tflops_takes_about_34_days()
        {
            // Narayanan et al. 2021, section 5.1: GPT-3 175B, 300B tokens, 1,024 A100s at 140 TFLOP/s each: ~34 days.
            Flops compute = Training.Compute(Parameters.FromBillions(175), Tokens.FromBillions(300), ComputeRule.EightTP);
            TimeSpan time = Training.Duration(compute, 1024, FlopRate.FromTera(140));

            Assert.Equal(8 * 175e9 * 300e9 / (1024 * 140e12) / 86400, time.TotalDays, 9);
            Assert.Equal(34, time.TotalDays, 0); // the paper's rounded figure
        }

        [Fact]
        public void Llama_3_1_405b_is_about_3_8e25_flops()
        {
            // Llama 3 paper (arXiv:2407.21783): 405B parameters, 15.6T tokens, a 3.8e25 FLOP budget.
            Flops compute = Training.Compute(Models.Llama31_405B.TotalParameters, Models.Llama31_405B.Training.Tokens!.Value);

            Assert.Equal(6 * 405e9 * 15.6e12, compute.Count, 6 * 405e9 * 15.6e12 * 1e-12);
            Assert.Equal(3.8e25, compute.Count, 0.05e25);
        }

        [Fact]
        public void Gpt3_is_about_3_14e23_flops()
        {
            Flops compute = Training.Compute(Models.Gpt3.TotalParameters, Models.Gpt3.Training!.Tokens!.Value);

            // Brown et al. 2020 (arXiv:2005.14165), table 2.1: 175B parameters, 300B tokens; table D.1: 3.14e23 FLOPs
            // (6·N·D with N = 174.6B), so ours with N = 175B is 175 / 174.6 of it.
            Assert.Equal(6 * 175e9 * 300e9, compute.Count, 6 * 175e9 * 300e9 * 1e-12);
            Assert.InRange(compute.Count / 3.14e23, 0.99, 1.01);
        }

        [Fact]
        public void DeepSeek_v3_caches_70272_bytes_per_token_in_bf16()
        {
            // DeepSeek-V3 config.json: 61 layers, kv_lora_rank 512, qk_rope_head_dim 64; MLA caches the latent and the
            // RoPE key per layer (DeepSeek-V2, arXiv:2405.04434, §2.1.3), 2 bytes each in BF16.
            Assert.Equal(61 * (512 + 64) * 2, KvCache.BytesPerToken(Models.DeepSeekV3, Precision.Bf16).Bytes);
        }

        [Fact]
        public void Llama_2_7b_caches_512_kib_per_token_in_bf16()
        {
            // Llama 2 7B config.json: 32 layers, 32 heads (MHA, so 32 KV heads), head dim 4096 / 32 = 128; K and V, 2 bytes each.
            DataSize perToken = KvCache.BytesPerToken(Models.Llama2_7B, Precision.Bf16);

            Assert.Equal(2 * 32 * 32 * (4096 / 32) * 2, perToken.Bytes);
            Assert.Equal("512 KiB", perToken.ToString());
        }

        [Theory]
        [InlineData(AttentionKind.Mha, 2.0 * 80 * 64 * 128 * 2)]
        [InlineData(AttentionKind.Gqa, 2.0 * 80 * 8 * 128 * 2)]
        [InlineData(AttentionKind.Mqa, 2.0 * 80 * 1 * 128 * 2)]
        public void Kv_cache_follows_the_number_of_kv_heads(AttentionKind kind, double expected)
        {
            var attention = new AttentionSpec(kind, heads: 64, headDim: 128, kvHeads: kind == AttentionKind.Mha ? 64 : 8);

            Assert.Equal(expected, KvCache.BytesPerToken(80, attention, Precision.Bf16).Bytes);
        }

        [Fact]
        public void Kv_cache_scales_with_context_and_batch()
            => Assert.Equal(61 * (512 + 64) * 2.0 * 4096 * 8, KvCache.Bytes(Models.DeepSeekV3, Precision.Bf16, contextTokens: 4096, batch: 8).Bytes);

        [Fact]
        public void Kv_cache_of_a_model_without_attention_shape_explains_why_it_cannot()
        {
            var error = Assert.Throws<InvalidOperationException>(() => KvCache.BytesPerToken(Models.Gpt4, Precision.Bf16));
            Assert.Contains("gpt-4", error.Message);
        }

        [Fact]
        public void Effective_throughput_of_deepseek_v3_is_about_458_tflops()
        {
            // DeepSeek-V3 report (arXiv:2412.19437): 37B active parameters, 14.8T tokens, 2,048 H800 (§3.1);
            // 2,664K GPU-hours / 2,048 GPUs = 54.2 days of pre-training (§1 and Table 1), taken as 54 days.
            Flops compute = Training.Compute(Models.DeepSeekV3.ActiveParameters, Tokens.FromTrillions(14.8), ComputeRule.EightTP);
            FlopRate x = Training.EffectiveThroughputPerGpu(compute, gpus: 2048, TimeSpan.FromDays(54));

            Assert.Equal(8 * 37e9 * 14.8e12 / (2048 * 54 * 86400.0) / 1e12, x.TeraFlopsPerSecond, 9);
        }

        [Fact]
        public void Mfu_is_against_the_dense_peak_of_the_precision()
        {
            // H100 SXM dense peaks (NVIDIA H100 datasheet, the figures without the sparsity asterisk): BF16 989.4, FP8 1,978.9 TFLOP/s.
            FlopRate achieved = FlopRate.FromTera(989.4 / 2);

            Assert.Equal(989.4 / 2 / 989.4, Training.Mfu(achieved, Gpus.H100Sxm, Precision.Bf16), 10);
            Assert.Equal(989.4 / 2 / 1978.9, Training.Mfu(achieved, Gpus.H100Sxm, Precision.Fp8), 10);
            // By id, so the pair is known only at run time; Training.Mfu(achieved, Gpus.A100Sxm80GB, Precision.Fp8) is HWC001.
            Assert.Throws<PrecisionNotSupportedException>(() => Training.Mfu(achieved, Gpus.Find("a100-sxm-80gb")!, Precision.Fp8));
        }

        [Fact]
        public void Gpu_hours_and_money_follow_from_compute_and_throughput()
        {
            // 3.6e18 FLOPs at 1 TFLOP/s is 3.6e6 GPU-seconds: 1,000 GPU-hours, $2,000 at $2 per GPU-hour.
            GpuHours hours = Training.GpuHoursFor(Flops.FromCount(3.6e18), FlopRate.FromTera(1));

            Assert.Equal(3.6e18 / 1e12 / 3600, hours.Hours, 9);
            Assert.Equal(3.6e18 / 1e12 / 3600 * 2, (hours * GpuHourPrice.Usd(2)).Usd, 9);
        }

        [Fact]
        public void Weights_and_training_state_follow_bytes_per_element()
        {
            // DeepSeek-V3 report: 671B total parameters; bytes per element FP8 1, BF16 2, FP4 1/2, FP6 3/4.
            Assert.Equal(671e9 * 1, Memory.Weights(Models.DeepSeekV3, Precision.Fp8).Bytes);
            Assert.Equal(671e9 * 2, Memory.Weights(Models.DeepSeekV3, Precision.Bf16).Bytes);
            Assert.Equal(671e9 * 4 / 8, Memory.Weights(Models.DeepSeekV3, Precision.Fp4).Bytes);
            Assert.Equal(671e9 * 6 / 8, Memory.Weights(Models.DeepSeekV3, Precision.Fp6).Bytes);
            // ZeRO (arXiv:1910.02054) §3.1: mixed-precision Adam keeps (2 + 2 + K)·Ψ bytes with K = 12; Llama 2 7B, Ψ = 7B.
            Assert.Equal(7e9 * (2 + 2 + 12), Memory.TrainingState(Models.Llama2_7B).Bytes);
        }

        // The two Inference estimators are obsolete (ServingPlan replaces them); their behaviour is kept and tested here.
#pragma warning disable CS0618
        [Fact]
        public void Gpus_to_hold_deepseek_v3()
        {
            // 671B parameters (DeepSeek-V3 report) over the catalog's memory: H100 SXM 80 GiB and H200 SXM 141 GiB (NVIDIA's
            // "80GB"/"141GB" of HBM are GiB: nvidia-smi reports 81,559 and 143,771 MiB, more than 80e9 and 141e9 bytes), HGX
            // B200 180 GB per GPU (no usable total published, so the datasheet's figure stays decimal).
            const double gib = 1024d * 1024 * 1024;
            Assert.Equal(Math.Ceiling(671e9 * 1 / (80 * gib)), Inference.GpusToHold(Models.DeepSeekV3, Gpus.H100Sxm, Precision.Fp8));
            Assert.Equal(Math.Ceiling(671e9 * 2 / (80 * gib)), Inference.GpusToHold(Models.DeepSeekV3, Gpus.H100Sxm, Precision.Bf16));
            Assert.Equal(Math.Ceiling(671e9 * 1 / (141 * gib)), Inference.GpusToHold(Models.DeepSeekV3, Gpus.H200Sxm, Precision.Fp8));
            Assert.Equal(Math.Ceiling(671e9 * 1 / 180e9), Inference.GpusToHold(Models.DeepSeekV3, Gpus.B200, Precision.Fp8));
            Assert.Equal(Math.Ceiling((671e9 * 1 + 100e9) / (80 * gib)), Inference.GpusToHold(Models.DeepSeekV3, Gpus.H100Sxm, Precision.Fp8, kvBudget: DataSize.FromGigabytes(100)));
        }

        [Fact]
        public void Decode_is_bounded_by_memory_bandwidth_over_bytes_read_per_token()
        {
            // Llama 2 7B in BF16 on one H100 SXM (3.35 TB/s, H100 datasheet), batch 1: 7B x 2 bytes read per token.
            double bound = Inference.DecodeTokensPerSecondBound(Models.Llama2_7B, Gpus.H100Sxm, Precision.Bf16);
            Assert.Equal(3.35e12 / (7e9 * 2), bound, 9);

            // MoE reads only the active experts: DeepSeek-V3's 37B, not 671B, at 1 byte in FP8, over 8 H200 SXM at 4.8 TB/s.
            double moe = Inference.DecodeTokensPerSecondBound(Models.DeepSeekV3, Gpus.H200Sxm, Precision.Fp8, gpus: 8);
            Assert.Equal(4.8e12 * 8 / (37e9 * 1), moe, 9);

            // A long context adds the KV cache to every step.
            Assert.True(Inference.DecodeTokensPerSecondBound(Models.Llama2_7B, Gpus.H100Sxm, Precision.Bf16, contextTokens: 4096) < bound);
        }
#pragma warning restore CS0618

        [Property(MaxTest = 300)]
        public Property Duration_times_gpus_times_throughput_is_the_compute(PositiveInt gpus, PositiveInt teraFlops, PositiveInt billions)
        {
            Flops compute = Training.Compute(Parameters.FromBillions(billions.Get % 2000 + 1), Tokens.FromTrillions(1));
            int n = gpus.Get % 50_000 + 1;
            FlopRate perGpu = FlopRate.FromTera(teraFlops.Get % 3000 + 1);
            TimeSpan t = Training.Duration(compute, n, perGpu);
            double back = (perGpu * n * t).Count;
            return (Math.Abs(back - compute.Count) <= compute.Count * 1e-9 + perGpu.FlopsPerSecond * n * 1e-7).Label($"{back:E6} vs {compute.Count:E6}");
        }

        [Property(MaxTest = 300)]
        public Property Gpus_for_deadline_is_the_least_count_that_meets_it(PositiveInt billions, PositiveInt days, PositiveInt teraFlops)
        {
            Flops compute = Training.Compute(Parameters.FromBillions(billions.Get % 1000 + 1), Tokens.FromTrillions(2), ComputeRule.EightTP);
            TimeSpan deadline = TimeSpan.FromDays(days.Get % 365 + 1);
            FlopRate perGpu = FlopRate.FromTera(teraFlops.Get % 2000 + 1);
            int n = Training.GpusForDeadline(compute, deadline, perGpu);

            bool meets = compute.Count / (perGpu.FlopsPerSecond * n) <= deadline.TotalSeconds;
            bool fewerMiss = n == 1 || compute.Count / (perGpu.FlopsPerSecond * (n - 1)) > deadline.TotalSeconds;
            return (meets && fewerMiss).Label($"n = {n}");
        }

        [Fact]
        public void Invalid_arguments_are_rejected_with_the_parameter_name()
        {
            Flops compute = Flops.FromCount(1e20);
            Assert.Equal("gpus", Assert.Throws<ArgumentOutOfRangeException>(() => Training.Duration(compute, 0, FlopRate.FromTera(1))).ParamName);
            Assert.Equal("perGpu", Assert.Throws<ArgumentOutOfRangeException>(() => Training.GpusForDeadline(compute, TimeSpan.FromDays(1), FlopRate.Zero)).ParamName);
            Assert.Equal("deadline", Assert.Throws<ArgumentOutOfRangeException>(() => Training.GpusForDeadline(compute, TimeSpan.Zero, FlopRate.FromTera(1))).ParamName);
        }
    }
}
