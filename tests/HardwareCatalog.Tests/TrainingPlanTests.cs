using System;
using System.Collections.Generic;
using System.Linq;
using HardwareCatalog.Planning;
using HardwareCatalog.Units;
using Xunit;

namespace HardwareCatalog.Tests
{
    /// <summary>A plan's checks: one validation call, stable ids, the field each concerns.</summary>
    public class TrainingPlanTests
    {
        // Llama 3 paper, table 4 (8K phase): TP 8, PP 16, DP 128 on 16,384 H100, 16 sequences of 8,192 per DP rank.
        private static TrainingSettings Llama405b(int tensor = 8, int pipeline = 16, int data = 128) => new(
            new ParallelLayout(tensor: tensor, pipeline: pipeline, data: data, sequenceParallel: true), microBatch: 1, sequenceLength: 8192,
            globalBatch: 16 * data, PrecisionRecipe.Bf16Mixed, ZeroStage.Gradients, ActivationRecomputation.Selective);

        [Fact]
        public void The_published_llama_layout_runs_its_126_layers_on_uneven_stages()
        {
            // 126 layers over 16 stages: the paper itself balances them by hand (section 3.3.2); no check is an error.
            PlanCheck check = Assert.Single(new TrainingPlan(Models.Llama31_405B, Systems.DgxH100, 16384, Llama405b()).Validate());
            Assert.Equal(("HWC204", PlanCheckSeverity.Warning), (check.Id, check.Severity));
        }

        private static PlanCheck[] Errors(TrainingPlan plan) => plan.Validate().Where(c => c.Severity == PlanCheckSeverity.Error).ToArray();

        [Fact]
        public void Deepseek_v3s_layout_runs_with_uneven_stages_a_warning()
        {
            // Report section 3.2: PP 16, EP 64, ZeRO-1, 2,048 H800; 61 layers do not split into 16 equal stages.
            var settings = new TrainingSettings(new ParallelLayout(pipeline: 16, data: 128, expert: 64), 1, 4096, 15360,
                PrecisionRecipe.Fp8DeepSeekV3, ZeroStage.OptimizerStates, ActivationRecomputation.Selective, activationStorage: ActivationStorage.DeepSeekV3);

            // No matmul rate is measured on an H800 (HWC211); the H100 SXM's measured FP8 rate stands in, as in the main job.
            PlanCheck check = Assert.Single(new TrainingPlan(Models.DeepSeekV3, Systems.HgxH800, 2048, settings, Gpus.H100Sxm.MeasuredMatmul(Precision.Fp8)).Validate());
            Assert.Equal(("HWC204", PlanCheckSeverity.Warning, "pipeline"), (check.Id, check.Severity, check.Field));
            Assert.Contains("61 layers", check.Message);

            PlanCheck noRate = new TrainingPlan(Models.DeepSeekV3, Systems.HgxH800, 2048, settings).Validate().Single(c => c.Id == "HWC211");
            Assert.Equal(("computeEfficiency", PlanCheckSeverity.Warning), (noRate.Field, noRate.Severity));
            Assert.Null(new TrainingPlan(Models.DeepSeekV3, Systems.HgxH800, 2048, settings).Step);
        }

        [Fact]
        public void A_plan_answers_memory_and_time_from_the_catalogs_measured_rate()
        {
            // No rate given: the H100 SXM's measured BF16 matmul rate (catalogs/gpus/h100-sxm.yaml), never its peak.
            var plan = new TrainingPlan(Models.Llama31_405B, Systems.DgxH100, 16384, Llama405b());
            Assert.Equal(Gpus.H100Sxm.MeasuredMatmul(Precision.Bf16)!.Value.Value, plan.PerGpu!.Value.Value);
            StepTimeBreakdown expected = StepTime.Estimate(Models.Llama31_405B, Llama405b(), plan.PerGpu.Value, TrainingNetwork.Of(Systems.DgxH100, 1.0));
            Assert.Equal(expected.Total, plan.Step!.Total);
            Assert.Equal(TrainingMemoryModel.Peak(Models.Llama31_405B, Llama405b()).Total, plan.Memory.Total);
            Assert.True(plan.Fit.Fits);
        }

        [Fact]
        public void A_gpu_count_that_is_not_the_product_of_the_parallel_sizes_is_hwc201()
        {
            PlanCheck check = Assert.Single(Errors(new TrainingPlan(Models.Llama31_405B, Systems.DgxH100, 16000, Llama405b())));
            Assert.Equal(("HWC201", "gpus"), (check.Id, check.Field));
            Assert.Contains("8 × 16 × 1 × 128 = 16,384", check.Message); // t × p × c × d
        }

        [Fact]
        public void Heads_that_tensor_parallelism_does_not_divide_are_hwc202_and_hwc203()
        {
            // Llama 3.1 405B: 128 query heads and 8 key/value heads; 7 divides neither, nor does 8 divide 7.
            var checks = new TrainingPlan(Models.Llama31_405B, Systems.DgxH100, 7 * 16 * 128, Llama405b(tensor: 7)).Validate();
            Assert.Equal(new[] { "HWC202", "HWC203" }, checks.Where(c => c.Id is "HWC202" or "HWC203").Select(c => c.Id));
            Assert.All(checks.Where(c => c.Id is "HWC202" or "HWC203"), c => Assert.Equal("tensor", c.Field));
        }

        [Fact]
        public void Experts_that_expert_parallelism_does_not_divide_are_hwc205()
        {
            // Mixtral 8x22B: 8 routed experts over 3 expert-parallel ranks.
            var settings = new TrainingSettings(new ParallelLayout(tensor: 8, data: 12, expert: 3), 1, 4096, 12, PrecisionRecipe.Bf16Mixed, ZeroStage.OptimizerStates);
            PlanCheck check = new TrainingPlan(Models.Mixtral8x22B, Systems.DgxH100, 96, settings).Validate().Single(c => c.Id == "HWC205");
            Assert.Equal("expert", check.Field);
        }

        [Fact]
        public void An_fp8_recipe_on_an_a100_is_hwc207_as_hwc001_is_in_code()
        {
            AcceleratorSystem a100 = AcceleratorSystem.Create("test-a100-node", "Test A100 node", "NVIDIA", Gpus.A100Sxm80GB, 8,
                new Fabric("nvlink", Bandwidth.Parse("600 GB/s"), FabricDirection.Both, 8), null, null, null, new string[0], false, null);
            var settings = new TrainingSettings(new ParallelLayout(tensor: 8, pipeline: 16, data: 8), 1, 8192, 8, PrecisionRecipe.Fp8DeepSeekV3, ZeroStage.OptimizerStates);

            IReadOnlyList<PlanCheck> checks = new TrainingPlan(Models.Llama31_405B, a100, 1024, settings).Validate();
            PlanCheck check = checks.Single(c => c.Id == "HWC207");
            Assert.DoesNotContain(checks, c => c.Id == "HWC211"); // no FP8 rate is HWC207's matter, as in a plan file
            Assert.Equal(("recipe", PlanCheckSeverity.Error), (check.Field, check.Severity));
            Assert.Contains("FP8", check.Message);
        }

        [Fact]
        public void A_plan_over_usable_memory_is_hwc208_and_names_its_largest_terms()
        {
            // Without tensor parallelism each GPU holds 8x the weights and activations of the published layout.
            PlanCheck check = Assert.Single(Errors(new TrainingPlan(Models.Llama31_405B, Systems.DgxH100, 16 * 1024, Llama405b(tensor: 1, data: 1024))));
            Assert.Equal(("HWC208", "system"), (check.Id, check.Field)); // the GPU the plan does not fit
            Assert.Contains("its usable memory", check.Message);
            Assert.Contains("Largest terms:", check.Message);
            Assert.Contains("79.6 GiB", check.Message); // 81,559 MiB = 79.65 GiB usable on an H100 SXM
        }

        [Fact]
        public void A_global_batch_that_is_not_whole_micro_batches_per_rank_is_hwc206()
        {
            // 2,000 sequences over 128 data-parallel ranks of micro-batch 1: 2,000 / 128 = 15.6 micro-batches per rank.
            var settings = new TrainingSettings(Llama405b().Layout, 1, 8192, 2000, PrecisionRecipe.Bf16Mixed, ZeroStage.Gradients, ActivationRecomputation.Selective);
            PlanCheck check = Assert.Single(Errors(new TrainingPlan(Models.Llama31_405B, Systems.DgxH100, 16384, settings)));
            Assert.Equal(("HWC206", "globalBatch"), (check.Id, check.Field));
            Assert.Contains("1 × 128 = 128", check.Message);
        }

        [Fact]
        public void Deepseek_v3_activation_storage_on_a_model_without_mla_is_hwc210()
        {
            var settings = new TrainingSettings(Llama405b().Layout, 1, 8192, 2048, PrecisionRecipe.Bf16Mixed, ZeroStage.Gradients, ActivationRecomputation.Selective,
                activationStorage: ActivationStorage.DeepSeekV3);
            PlanCheck check = Assert.Single(Errors(new TrainingPlan(Models.Llama31_405B, Systems.DgxH100, 16384, settings)));
            Assert.Equal(("HWC210", "activationStorage"), (check.Id, check.Field));
        }

        [Fact]
        public void Expert_parallelism_on_a_dense_model_is_hwc205()
        {
            var settings = new TrainingSettings(new ParallelLayout(tensor: 8, pipeline: 16, data: 128, expert: 8, sequenceParallel: true), 1, 8192, 2048,
                PrecisionRecipe.Bf16Mixed, ZeroStage.Gradients, ActivationRecomputation.Selective);
            PlanCheck check = Assert.Single(Errors(new TrainingPlan(Models.Llama31_405B, Systems.DgxH100, 16384, settings)));
            Assert.Equal(("HWC205", "expert"), (check.Id, check.Field));
            Assert.Contains("dense model", check.Message);
        }

        [Fact]
        public void A_gpu_without_a_memory_figure_is_not_memory_checked_and_does_not_throw()
        {
            // Every slot absent (NaN) but the dense BF16 peak: no memory, no usable memory.
            double[] values = Enumerable.Repeat(double.NaN, AcceleratorLayout.Length).ToArray();
            values[AcceleratorLayout.Dense + (int)Precision.Bf16] = 989.4e12;
            Accelerator bare = Accelerator.Create("test-bare", "Test GPU without memory", "Test", "Hopper", null, null, new string[0], false, values);
            AcceleratorSystem node = AcceleratorSystem.Create("test-bare-node", "Test node", "Test", bare, 8,
                new Fabric("nvlink", Bandwidth.Parse("900 GB/s"), FabricDirection.Both, 8), null, null, null, new string[0], false, null);

            var training = new TrainingPlan(Models.Llama31_405B, node, 16384, Llama405b(), Achieved.FromEfficiency(bare.Peak(Precision.Bf16), 0.4));
            Assert.DoesNotContain(training.Validate(), c => c.Id == "HWC208");
            var serving = new ServingPlan(Models.Llama31_8B, node, 1, default, WeightFormat.Bf16, Precision.Bf16, new ServingWorkload(1, 1024, 1024));
            Assert.DoesNotContain(serving.Validate(), c => c.Id is "HWC226" or "HWC227");
        }

        [Fact]
        public void A_model_without_its_full_shape_cannot_make_a_plan()
        {
            // GPT-4's shape is not published (an estimate with a parameter count only); a plan file reports HWC128.
            Assert.Contains("gpt-4", Assert.Throws<ArgumentException>(() => new TrainingPlan(Models.Gpt4, Systems.DgxH100, 8, Llama405b())).Message);
            Assert.Contains("gpt-4", Assert.Throws<ArgumentException>(() => new ServingPlan(Models.Gpt4, Systems.DgxH100, 8, new ServingLayout(tensor: 8),
                WeightFormat.Bf16, Precision.Bf16, new ServingWorkload(1, 1024, 1024))).Message);
        }
    }
}
