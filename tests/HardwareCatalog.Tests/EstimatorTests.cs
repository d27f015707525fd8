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

            Assert.Equal(34, time.TotalDays, 0);
            Assert.InRange(time.TotalDays, 33.5, 34.5);
        }

        [Fact]
        public void Llama_3_1_405b_is_about_3_8e25_flops()
        {
            Flops compute = Training.Compute(Models.Llama31_405B.TotalParameters, Models.Llama31_405B.Training.Tokens!.Value);

            Assert.Equal(3.79e25, compute.Count, 0.01e25);
        }

        [Fact]
        public void Gpt3_is_about_3_14e23_flops()
        {
            Flops compute = Training.Compute(Models.Gpt3.TotalParameters, Models.Gpt3.Training!.Tokens!.Value);

            // Brown et al. 2020, table D.1: 3.14e23 FLOPs (6·N·D with N = 174.6B).
            Assert.InRange(compute.Count / 3.14e23, 0.99, 1.01);
        }

        [Fact]
        public void DeepSeek_v3_caches_70272_bytes_per_token_in_bf16()
            => Assert.Equal(70_272, KvCache.BytesPerToken(Models.DeepSeekV3, Precision.Bf16).Bytes);

        [Fact]
        public void Llama_2_7b_caches_512_kib_per_token_in_bf16()
        {
            DataSize perToken = KvCache.BytesPerToken(Models.Llama2_7B, Precision.Bf16);

            Assert.Equal(512 * 1024, perToken.Bytes);
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
            => Assert.Equal(70_272.0 * 4096 * 8, KvCache.Bytes(Models.DeepSeekV3, Precision.Bf16, contextTokens: 4096, batch: 8).Bytes);

        [Fact]
        public void Kv_cache_of_a_model_without_attention_shape_explains_why_it_cannot()
        {
            var error = Assert.Throws<InvalidOperationException>(() => KvCache.BytesPerToken(Models.Gpt4, Precision.Bf16));
            Assert.Contains("gpt-4", error.Message);
        }

        [Fact]
        public void Effective_throughput_of_deepseek_v3_is_about_458_tflops()
        {
            Flops compute = Training.Compute(Models.DeepSeekV3.ActiveParameters, Tokens.FromTrillions(14.8), ComputeRule.EightTP);
            FlopRate x = Training.EffectiveThroughputPerGpu(compute, gpus: 2048, TimeSpan.FromDays(54));

            Assert.Equal(458, x.TeraFlopsPerSecond, 0);
        }

        [Fact]
        public void Mfu_is_against_the_dense_peak_of_the_precision()
        {
            FlopRate achieved = FlopRate.FromTera(494.7);

            Assert.Equal(0.5, Training.Mfu(achieved, Gpus.H100Sxm, Precision.Bf16), 10);
            Assert.Equal(0.25, Training.Mfu(achieved, Gpus.H100Sxm, Precision.Fp8), 3);
            // By id, so the pair is known only at run time; Training.Mfu(achieved, Gpus.A100Sxm80GB, Precision.Fp8) is HWC001.
            Assert.Throws<PrecisionNotSupportedException>(() => Training.Mfu(achieved, Gpus.Find("a100-sxm-80gb")!, Precision.Fp8));
        }

        [Fact]
        public void Gpu_hours_and_money_follow_from_compute_and_throughput()
        {
            GpuHours hours = Training.GpuHoursFor(Flops.FromCount(3600e12 * 1000), FlopRate.FromTera(1));

            Assert.Equal(1000, hours.Hours, 9);
            Assert.Equal(2000, (hours * GpuHourPrice.Usd(2)).Usd, 9);
        }

        [Fact]
        public void Weights_and_training_state_follow_bytes_per_element()
        {
            Assert.Equal(671e9, Memory.Weights(Models.DeepSeekV3, Precision.Fp8).Bytes);
            Assert.Equal(1342e9, Memory.Weights(Models.DeepSeekV3, Precision.Bf16).Bytes);
            Assert.Equal(335.5e9, Memory.Weights(Models.DeepSeekV3, Precision.Fp4).Bytes);
            Assert.Equal(503.25e9, Memory.Weights(Models.DeepSeekV3, Precision.Fp6).Bytes);
            Assert.Equal(7e9 * 16, Memory.TrainingState(Models.Llama2_7B).Bytes);
        }

        [Fact]
        public void Gpus_to_hold_deepseek_v3()
        {
            Assert.Equal(9, Inference.GpusToHold(Models.DeepSeekV3, Gpus.H100Sxm, Precision.Fp8));
            Assert.Equal(17, Inference.GpusToHold(Models.DeepSeekV3, Gpus.H100Sxm, Precision.Bf16));
            Assert.Equal(5, Inference.GpusToHold(Models.DeepSeekV3, Gpus.H200Sxm, Precision.Fp8));
            Assert.Equal(4, Inference.GpusToHold(Models.DeepSeekV3, Gpus.B200, Precision.Fp8));
            Assert.Equal(10, Inference.GpusToHold(Models.DeepSeekV3, Gpus.H100Sxm, Precision.Fp8, kvBudget: DataSize.FromGigabytes(100)));
        }

        [Fact]
        public void Decode_is_bounded_by_memory_bandwidth_over_bytes_read_per_token()
        {
            // Llama 2 7B in BF16 on one H100 SXM, batch 1: 3.35 TB/s / 14 GB = 239 tokens/s at most.
            double bound = Inference.DecodeTokensPerSecondBound(Models.Llama2_7B, Gpus.H100Sxm, Precision.Bf16);
            Assert.Equal(3.35e12 / 14e9, bound, 9);

            // MoE reads only the active experts: DeepSeek-V3's 37B, not 671B.
            double moe = Inference.DecodeTokensPerSecondBound(Models.DeepSeekV3, Gpus.H200Sxm, Precision.Fp8, gpus: 8);
            Assert.Equal(4.8e12 * 8 / 37e9, moe, 9);

            // A long context adds the KV cache to every step.
            Assert.True(Inference.DecodeTokensPerSecondBound(Models.Llama2_7B, Gpus.H100Sxm, Precision.Bf16, contextTokens: 4096) < bound);
        }

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
