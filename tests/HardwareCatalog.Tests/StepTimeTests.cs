using System;
using HardwareCatalog.Planning;
using HardwareCatalog.Units;
using Xunit;

namespace HardwareCatalog.Tests
{
    /// <summary>The step-time model against Megatron-LM's end-to-end estimate and its own terms' arithmetic.</summary>
    public class StepTimeTests
    {
        // GPT-3 175B (Brown et al. 2020): 96 layers, h = 12288, s = 2048; GPT-2's vocabulary of 50,257; batch 1,536.
        private const double L = 96, H = 12288, S = 2048, V = 50257;

        // A network so fast that communication rounds to nothing: isolates compute and the bubble.
        private static readonly TrainingNetwork Instant = new(
            Achieved.FromEfficiency(Bandwidth.FromBytesPerSecond(1e30), 1), Achieved.FromEfficiency(Bandwidth.FromBytesPerSecond(1e30), 1), 8);

        private static TrainingSettings Gpt3(int tensor, int pipeline, int data, int virtualStages = 1)
            => new(new ParallelLayout(tensor: tensor, pipeline: pipeline, data: data, virtualStages: virtualStages), microBatch: 1, sequenceLength: 2048,
                globalBatch: 1536, PrecisionRecipe.Bf16Mixed, ZeroStage.OptimizerStates, ActivationRecomputation.Full);

        [Fact]
        public void Gpt3_on_1024_a100_at_140_tflops_agrees_with_megatrons_34_days()
        {
            // Narayanan et al. 2021, section 5.1: end-to-end time ≈ 8·T·P / (n·X); GPT-3 175B, T = 300B tokens, n = 1,024
            // A100, X = 140 TFLOP/s: 8 · 300e9 · 175e9 / (1024 · 140e12) s = 33.9 days ("around 34 days"). The plan counts
            // equation (3) instead of 8·P: per token 96·l·h²·(1 + s/(6h) + V/(16·l·h)), with 12·l·h² = 173.9B weights.
            Achieved<FlopRate> x = Achieved.Measured(FlopRate.FromTera(140), "https://arxiv.org/abs/2104.04473", null);
            StepTimeBreakdown step = StepTime.Estimate(Models.Gpt3, Gpt3(tensor: 8, pipeline: 1, data: 128), x, Instant);

            double perToken = 96 * L * H * H * (1 + S / (6 * H) + V / (16 * L * H));
            double planDays = 300e9 * perToken / (1024 * 140e12) / 86400;
            double megatronDays = 8 * 300e9 * 175e9 / (1024 * 140e12) / 86400;

            Assert.Equal(planDays, step.TimeFor(Tokens.FromBillions(300)).TotalDays, 3);
            Assert.Equal(33.9, megatronDays, 1);
            // The two agree up to equation (3)'s attention and output-layer terms and 12·l·h² against 175B: 1.0304 · 0.9939.
            Assert.Equal(megatronDays * (perToken / (8 * 175e9)), step.TimeFor(Tokens.FromBillions(300)).TotalDays, 3);
            Assert.Equal(TimeSpan.Zero, step.PipelineBubble);

            // GPU-hours: 1,024 GPUs for the run's days; cost at $2 per GPU-hour.
            Assert.Equal(1024 * planDays * 24, step.GpuHoursFor(Tokens.FromBillions(300)).Hours, 1);
            Assert.Equal(1024 * planDays * 24 * 2, step.CostFor(Tokens.FromBillions(300), GpuHourPrice.Usd(2)).Usd, 0);
        }

        [Fact]
        public void The_bubble_is_p_minus_1_over_v_m_of_the_compute()
        {
            // Narayanan et al. 2021, section 2.2.2: (p−1)/(v·m). p = 8, v = 3, d = 16: m = 1536 / (1 · 16) = 96 micro-batches.
            Achieved<FlopRate> x = Achieved.FromEfficiency(Gpus.A100Sxm80GB.Dense.Bf16, 0.5);
            StepTimeBreakdown step = StepTime.Estimate(Models.Gpt3, Gpt3(tensor: 8, pipeline: 8, data: 16, virtualStages: 3), x, Instant);

            Assert.Equal(step.Compute.TotalSeconds * 7 / (3.0 * 96), step.PipelineBubble.TotalSeconds, 6);
        }

        [Fact]
        public void Tensor_parallel_traffic_is_six_all_reduces_per_layer_and_micro_batch_with_full_recomputation()
        {
            // catalogs/systems/dgx-h100.yaml: NVLink 450 GB/s each way, 8 GPUs. One layer's activation: b·s·h·2 bytes (BF16)
            // = 1 · 2048 · 12288 · 2; an all-reduce over 8 moves 2·7/8 of it. Forward 2, backward 2, recomputed forward 2:
            // 6 per layer, 96 layers on one stage, m = 1536 / 128 = 12 micro-batches.
            TrainingNetwork dgx = TrainingNetwork.Of(Systems.DgxH100, 1.0);
            Achieved<FlopRate> x = Achieved.FromEfficiency(Gpus.H100Sxm.Dense.Bf16, 0.4);
            StepTimeBreakdown step = StepTime.Estimate(Models.Gpt3, Gpt3(tensor: 8, pipeline: 1, data: 128), x, dgx);

            double allReduce = 2048.0 * 12288 * 2 * (2 * 7.0 / 8) / 450e9;
            Assert.Equal(allReduce * 6 * 96 * 12, step.TensorParallel.TotalSeconds, 4);
        }

        [Fact]
        public void Mfu_counts_the_model_flops_without_recomputation()
        {
            // PaLM's MFU (Chowdhery et al. 2022, appendix B): model FLOPs per second over the peak; recomputed work does not count.
            Achieved<FlopRate> x = Achieved.FromEfficiency(Gpus.H100Sxm.Dense.Bf16, 0.5);
            StepTimeBreakdown step = StepTime.Estimate(Models.Gpt3, Gpt3(tensor: 8, pipeline: 1, data: 128), x, Instant);

            // With instant communication and no bubble the GPUs run the hardware FLOPs at 50% of the peak; MFU is that times
            // model/hardware FLOPs = 72·(…V/(12lh)) / 96·(…V/(16lh)) per equation (3) with and without recomputation.
            double model = 72 * L * H * H * (1 + S / (6 * H) + V / (12 * L * H));
            double hardware = 96 * L * H * H * (1 + S / (6 * H) + V / (16 * L * H));
            Assert.Equal(0.5 * model / hardware, step.Mfu(Gpus.H100Sxm.Dense.Bf16), 3);
        }
    }
}
