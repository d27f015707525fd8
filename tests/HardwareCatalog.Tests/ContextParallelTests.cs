using System;
using System.Linq;
using HardwareCatalog.Planning;
using Xunit;

namespace HardwareCatalog.Tests
{
    /// <summary>Context parallelism: memory, traffic and checks, against the Llama 3 paper's long-context layout.</summary>
    public class ContextParallelTests
    {
        // Llama 3 paper (arXiv:2407.21783), table 4, the 128K phase: TP 8, CP 16, PP 16, DP 8 on 16,384 H100, 16 sequences of
        // 131,072 tokens per data-parallel rank. Micro-batch 1, sequence parallelism and selective recomputation assumed.
        private const int LongSequence = 131_072;

        private static TrainingSettings LongContext(int context = 16, int data = 8, ActivationRecomputation recomputation = ActivationRecomputation.Selective,
            int sequenceLength = LongSequence) => new(
            new ParallelLayout(tensor: 8, pipeline: 16, data: data, context: context, sequenceParallel: true), microBatch: 1, sequenceLength: sequenceLength,
            globalBatch: 16 * data, PrecisionRecipe.Bf16Mixed, ZeroStage.Gradients, recomputation);

        [Fact]
        public void The_gpu_count_is_t_p_c_d()
        {
            Assert.Equal(8 * 16 * 16 * 8, new ParallelLayout(tensor: 8, pipeline: 16, data: 8, context: 16).GpuCount);
            Assert.Equal("TP 8, PP 16, DP 8, CP 16", new ParallelLayout(tensor: 8, pipeline: 16, data: 8, context: 16).ToString());
            Assert.NotEqual(new ParallelLayout(context: 2), new ParallelLayout(data: 2));
            Assert.Throws<ArgumentOutOfRangeException>(() => new ParallelLayout(context: 0));
        }

        [Fact]
        public void A_gpu_holds_the_activations_of_s_over_c_tokens()
        {
            // Without the softmax terms (selective recomputation) every activation grows with the tokens a GPU holds: the
            // layers' activations at s = 128K over c = 16 are those of s = 8K without context parallelism. The ZeRO shards
            // differ (d·c = 128 against d = 8), so compare activations only.
            TrainingMemory split = TrainingMemoryModel.PerGpu(Models.Llama31_405B, LongContext());
            TrainingMemory whole = TrainingMemoryModel.PerGpu(Models.Llama31_405B, LongContext(context: 1, data: 8, sequenceLength: LongSequence / 16));
            Assert.Equal(whole.Activations.Bytes, split.Activations.Bytes, 1e-6 * whole.Activations.Bytes);
        }

        [Fact]
        public void Without_recomputation_each_gpus_queries_still_attend_every_key()
        {
            // Korthikanti et al. 2022, section 4.1: the softmax output, its mask and the dropout output are 5·a·s²·b bytes per
            // layer, split over t. With c ranks each holds s/c queries against all s keys: 5·a·(s/c)·s·b/t. Llama 3.1 405B:
            // a = 128 heads; the first stage holds ⌈126/16⌉ = 8 layers and min(p, m) = 16 micro-batches in flight.
            const double s = 8192, c = 4, a = 128, t = 8;
            var none = new TrainingSettings(new ParallelLayout(tensor: 8, pipeline: 16, data: 8, context: 4, sequenceParallel: true), 1, 8192, 128,
                PrecisionRecipe.Bf16Mixed, ZeroStage.Gradients, ActivationRecomputation.None);
            var selective = new TrainingSettings(none.Layout, 1, 8192, 128, PrecisionRecipe.Bf16Mixed, ZeroStage.Gradients, ActivationRecomputation.Selective);

            double scores = TrainingMemoryModel.PerGpu(Models.Llama31_405B, none).Activations.Bytes
                - TrainingMemoryModel.PerGpu(Models.Llama31_405B, selective).Activations.Bytes;
            Assert.Equal(5 * a * (s / c) * s * 1 / t * 8 * 16, scores, 1e-6 * scores);
        }

        [Fact]
        public void The_llama_3_long_context_layout_fits_and_shards_the_states_over_d_times_c()
        {
            TrainingMemory memory = TrainingMemoryModel.PerGpu(Models.Llama31_405B, LongContext());

            // ZeRO-2 shards gradients and optimizer states over the d·c = 8 · 16 = 128 ranks of the data-parallel group with
            // context; the BF16 weights stay whole: 2 bytes for each of the stage's parameters.
            double parameters = memory.Parameters.Bytes / 2;
            Assert.Equal(parameters * (4.0 + 12) / 128, memory.Gradients.Bytes + memory.OptimizerStates.Bytes, 1e-6 * memory.Gradients.Bytes);

            Assert.True(MemoryFit.Of(memory, Gpus.H100Sxm).Fits, memory.ToString());
            Assert.DoesNotContain(new TrainingPlan(Models.Llama31_405B, Systems.DgxH100, 16384, LongContext()).Validate(), c => c.Severity == PlanCheckSeverity.Error);
        }

        [Fact]
        public void Ring_attention_traffic_is_three_kv_collectives_per_layer_and_micro_batch()
        {
            // Each layer all-gathers the sequence's K and V for this rank's heads in the forward pass, and all-gathers them
            // again and reduce-scatters their gradients in the backward pass: 3 collectives of b·s·2·kv·d/t·2 bytes, each
            // moving (c−1)/c of it. Llama 3.1 405B: 8 KV heads of 128, t = 8. The CP group spans t·c = 128 GPUs, more than a
            // DGX H100's 8, so it runs at the scale-out rate: 400 Gb/s = 50 GB/s each way (catalogs/systems/dgx-h100.yaml).
            // 126/16 layers per stage, m = 128 / (1 · 8) = 16 micro-batches.
            StepTimeBreakdown step = StepTime.Estimate(Models.Llama31_405B, LongContext(), Achieved.FromEfficiency(Gpus.H100Sxm.Dense.Bf16, 0.4),
                TrainingNetwork.Of(Systems.DgxH100, 1.0));

            double kv = 1.0 * LongSequence * 2 * 8 * 128 / 8 * 2;
            Assert.Equal(kv * 15 / 16 / 50e9 * 3 * (126 / 16.0) * 16, step.ContextParallel.TotalSeconds, 3);
            Assert.True(step.Total >= step.Compute + step.ContextParallel);
        }

        [Fact]
        public void A_sequence_that_does_not_split_into_2c_chunks_is_hwc209()
        {
            // 2 · 16 = 32 chunks: 131,080 tokens is not a multiple of 32.
            PlanCheck check = new TrainingPlan(Models.Llama31_405B, Systems.DgxH100, 16384, LongContext(sequenceLength: LongSequence + 8))
                .Validate().Single(c => c.Id == "HWC209");
            Assert.Equal(("context", PlanCheckSeverity.Error), (check.Field, check.Severity));
            Assert.Contains("131,080", check.Message);
        }
    }
}
