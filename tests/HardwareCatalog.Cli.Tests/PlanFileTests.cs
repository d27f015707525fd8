using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using HardwareCatalog.Planning;
using HardwareCatalog.Testing;
using HardwareCatalog.Units;
using Xunit;
using static HardwareCatalog.Cli.Tests.PlanFileTexts;

namespace HardwareCatalog.Cli.Tests
{
    /// <summary><c>hwcat train FILE</c> and <c>hwcat serve FILE</c>: plans from plan catalog files.</summary>
    public class PlanFileTests
    {
        [Fact]
        public void Train_of_the_llama_405b_sample_gives_the_figures_of_the_plan_the_emitter_builds()
        {
            Hwcat.Result result = Hwcat.Run("train", Llama405BPlan, "--tokens", "15T", "--price", "2", "--format", "json");

            Assert.Equal(0, result.ExitCode);
            // The emitted TrainingPlans.Llama3_1_405b8k (docs/dsl.md, "Training plans"), from the values of the sample file.
            var plan = new TrainingPlan(Models.Find("llama-3.1-405b")!, Systems.Find("dgx-h100")!, 16384,
                new TrainingSettings(new ParallelLayout(tensor: 8, pipeline: 16, data: 128, expert: 1, virtualStages: 1, sequenceParallel: true, context: 1),
                    microBatch: 1, sequenceLength: 8192, globalBatch: 2048, recipe: PrecisionRecipe.Bf16Mixed, zero: ZeroStage.Gradients,
                    recomputation: ActivationRecomputation.Selective, stateLayout: null, activationStorage: ActivationStorage.Korthikanti),
                perGpu: null, networkEfficiency: 1d, overlapDataParallel: true, id: "llama-3.1-405b-8k");
            AssertTrainingFigures(plan, result.Json(), Tokens.FromTrillions(15), 2);
            Assert.True(result.Json().GetProperty("plan").GetProperty("perGpuMeasured").GetBoolean());
        }

        [Fact]
        public void Train_of_the_deepseek_v3_sample_gives_the_figures_of_the_plan_the_emitter_builds()
        {
            Hwcat.Result result = Hwcat.Run("train", DeepSeekV3Plan, "--tokens", "14.8T", "--price", "2", "--format", "json");

            Assert.Equal(0, result.ExitCode);
            // The sample file: PP 16, DP 128, EP 64 on 2,048 H800, FP8 recipe, ZeRO 1, selective recomputation, DeepSeek-V3's
            // activation storage, 70.9 % of the FP8 dense peak; the state layout is the recipe's (the emitter writes null).
            AcceleratorSystem system = Systems.Find("hgx-h800")!;
            var plan = new TrainingPlan(Models.Find("deepseek-v3")!, system, 2048,
                new TrainingSettings(new ParallelLayout(tensor: 1, pipeline: 16, data: 128, expert: 64, virtualStages: 1, sequenceParallel: false, context: 1),
                    microBatch: 1, sequenceLength: 4096, globalBatch: 15360, recipe: PrecisionRecipe.Fp8DeepSeekV3, zero: ZeroStage.OptimizerStates,
                    recomputation: ActivationRecomputation.Selective, stateLayout: null, activationStorage: ActivationStorage.DeepSeekV3),
                perGpu: Achieved.FromEfficiency(system.Gpu.Peak(Precision.Fp8), 0.709), networkEfficiency: 1d, overlapDataParallel: true, id: "deepseek-v3-h800");
            JsonElement json = result.Json();
            AssertTrainingFigures(plan, json, Tokens.FromTrillions(14.8), 2);
            Assert.Equal(system.Gpu.Peak(Precision.Fp8).FlopsPerSecond * 0.709, Hwcat.Quantity(json.GetProperty("plan").GetProperty("perGpu"), "FLOP/s"));

            // The file's warning (61 layers over 16 stages) is printed located at its key, as the build reports it, and not again without a location.
            string[] lines = Lines(result.Errors);
            Assert.Contains(lines, l => l.EndsWith("deepseek-v3-plan.yaml(9,11): warning HWC204: " + plan.Validate().Single(c => c.Id == "HWC204").Message, StringComparison.Ordinal));
            Assert.DoesNotContain(lines, l => l.StartsWith("warning HWC204", StringComparison.Ordinal));
        }

        [Fact]
        public void Train_of_a_file_prints_what_the_options_print_for_the_same_plan_in_every_format()
        {
            foreach (string format in new[] { "table", "markdown", "csv", "json" })
            {
                Hwcat.Result fromFile = Hwcat.Run("train", Llama405BPlan, "--tokens", "15T", "--price", "2", "--format", format);
                Hwcat.Result fromOptions = Hwcat.Run(Llama405BOptions.Concat(new[] { "--tokens", "15T", "--price", "2", "--format", format }).Prepend("train").ToArray());

                Assert.Equal(0, fromFile.ExitCode);
                Assert.Equal(fromOptions.ExitCode, fromFile.ExitCode);
                Assert.Equal(fromOptions.Output, fromFile.Output);
                Assert.NotEqual("", fromFile.Output);
            }
        }

        [Fact]
        public void Serve_of_the_deepseek_v3_sample_gives_the_figures_of_the_plan_the_emitter_builds_and_what_the_options_print()
        {
            Hwcat.Result result = Hwcat.Run("serve", DeepSeekV3Serving, "--price", "2", "--format", "json");

            Assert.Equal(0, result.ExitCode);
            // The emitted ServingPlans.DeepseekV3H200 (docs/dsl.md, "Serving plans"): bandwidthEfficiency 1.0 of the datasheet bandwidth, no compute share.
            AcceleratorSystem system = Systems.Find("hgx-h200")!;
            var plan = new ServingPlan(model: Models.Find("deepseek-v3")!, system: system, gpus: 8,
                layout: new ServingLayout(tensor: 8, pipeline: 1, expert: 1, replicas: 1, redundantExperts: 0),
                weights: WeightFormat.Find("fp8")!, kvCache: Precision.Bf16,
                workload: new ServingWorkload(concurrency: 64, inputTokens: 7168, outputTokens: 1024, prefixHitRate: 0d, draftTokens: 0, acceptance: 0d),
                compute: null, memoryBandwidth: Achieved.FromEfficiency(system.Gpu.MemoryBandwidth!.Value, 1d),
                networkEfficiency: 1d, prefillChunk: 8192, id: "deepseek-v3-h200");
            JsonElement json = result.Json();
            Assert.Equal(plan.Memory.Total.Bytes, Hwcat.Quantity(json.GetProperty("memory").GetProperty("total"), "B"));
            Assert.Equal(plan.Memory.KvCache.Bytes, Hwcat.Quantity(json.GetProperty("memory").GetProperty("kvCache"), "B"));
            Hwcat.AssertServingPerformance(plan, json.GetProperty("performance"), context: 7168 + 1024, usdPerGpuHour: 2);

            foreach (string format in new[] { "table", "markdown", "csv", "json" })
            {
                Hwcat.Result fromFile = Hwcat.Run("serve", DeepSeekV3Serving, "--price", "2", "--format", format);
                Hwcat.Result fromOptions = Hwcat.Run(DeepSeekV3ServingOptions.Concat(new[] { "--price", "2", "--format", format }).Prepend("serve").ToArray());
                Assert.Equal(fromOptions.ExitCode, fromFile.ExitCode);
                Assert.Equal(fromOptions.Output, fromFile.Output);
            }
        }

        [Fact]
        public void A_bad_plan_file_prints_the_lines_validate_prints_for_it_and_exits_1()
        {
            using var folder = new TempCatalog();
            string file = folder.Write("too-big.yaml", OverMemoryTraining);

            Hwcat.Result train = Hwcat.Run("train", file, "--format", "json");
            Hwcat.Result validate = Hwcat.Run("validate", file);

            Assert.Equal(1, train.ExitCode);
            Assert.Equal(1, validate.ExitCode);
            string[] expected = Lines(validate.Raw);
            Assert.Contains(expected, l => l.Contains("too-big.yaml(", StringComparison.Ordinal) && l.Contains("): error HWC208: ", StringComparison.Ordinal));
            Assert.Equal(expected, Lines(train.Errors));
            Assert.Equal("", train.Output);
        }

        [Fact]
        public void A_plan_file_with_other_options_is_a_usage_error_naming_them()
        {
            Hwcat.Result train = Hwcat.Run("train", Llama405BPlan, "--tensor", "4", "--zero", "1", "--price", "2");
            Hwcat.Result serve = Hwcat.Run("serve", DeepSeekV3Serving, "--concurrency=8");
            Hwcat.Result serveTokens = Hwcat.Run("serve", DeepSeekV3Serving, "--model", "deepseek-v3");

            Assert.Equal(2, train.ExitCode);
            Assert.Contains("error: --tensor, --zero: the plan file gives the plan", train.Errors);
            Assert.Equal("", train.Output);
            Assert.Equal(2, serve.ExitCode);
            Assert.Contains("error: --concurrency: the plan file gives the plan", serve.Errors);
            Assert.Equal(2, serveTokens.ExitCode);
            Assert.Contains("error: --model: ", serveTokens.Errors);
        }

        [Fact]
        public void A_file_with_several_plans_needs_id_and_id_picks_one()
        {
            using var folder = new TempCatalog();
            string file = folder.Write("plans.yaml", SeveralPlans);

            Hwcat.Result none = Hwcat.Run("train", file);
            Assert.Equal(2, none.ExitCode);
            Assert.Contains("holds 2 training plans; choose one with --id: llama-70b-tp8-pp4, llama-70b-tp8-pp2", none.Errors);

            Hwcat.Result picked = Hwcat.Run("train", file, "--id", "llama-70b-tp8-pp2", "--format", "json");
            Assert.Equal(0, picked.ExitCode);
            var plan = new TrainingPlan(Models.Llama31_70B, Systems.DgxH100, 64,
                new TrainingSettings(new ParallelLayout(tensor: 8, pipeline: 2, data: 4), 1, 4096, 64, PrecisionRecipe.Bf16Mixed, recomputation: ActivationRecomputation.Full));
            JsonElement json = picked.Json();
            Assert.Equal(2, json.GetProperty("plan").GetProperty("pipeline").GetInt32());
            Assert.Equal("full", json.GetProperty("plan").GetProperty("recompute").GetString());
            Assert.Equal(plan.Step!.Total.TotalSeconds, Hwcat.Quantity(json.GetProperty("step").GetProperty("total"), "s"));

            Hwcat.Result unknown = Hwcat.Run("train", file, "--id", "llama-70b-tp8-pp8");
            Assert.Equal(2, unknown.ExitCode);
            Assert.Contains("--id: ", unknown.Errors);
            Assert.Contains("holds no training plan 'llama-70b-tp8-pp8'; its training plans: llama-70b-tp8-pp4, llama-70b-tp8-pp2", unknown.Errors);

            // The one serving plan of the file needs no --id.
            Hwcat.Result serve = Hwcat.Run("serve", file, "--format", "json");
            Assert.Equal(0, serve.ExitCode);
            Assert.Equal(4, serve.Json().GetProperty("plan").GetProperty("gpus").GetInt32());
        }

        [Fact]
        public void A_file_without_a_plan_of_the_kind_and_id_without_a_file_are_usage_errors()
        {
            Hwcat.Result train = Hwcat.Run("train", DeepSeekV3Serving);
            Assert.Equal(2, train.ExitCode);
            Assert.Contains("holds no training plan (an entry of kind: training); it holds a serving plan: use hwcat serve or hwcat chart serving|roofline", train.Errors);

            Hwcat.Result serve = Hwcat.Run("serve", Llama405BPlan);
            Assert.Equal(2, serve.ExitCode);
            Assert.Contains("holds no serving plan (an entry of kind: serving); it holds a training plan: use hwcat train or hwcat chart memory", serve.Errors);

            using var folder = new TempCatalog();
            Hwcat.Result gpuFile = Hwcat.Run("train", folder.Write("gpu.yaml", UserCatalogTexts.DerivedGpu));
            Assert.Equal(2, gpuFile.ExitCode);
            Assert.Contains("holds no training plan", gpuFile.Errors);

            Hwcat.Result id = Hwcat.Run("train", "--model", "llama-3.1-70b", "--system", "dgx-h100", "--id", "x");
            Assert.Equal(2, id.ExitCode);
            Assert.Contains("error: --id picks a plan of a plan file; give the file", id.Errors);

            Hwcat.Result missing = Hwcat.Run("train", "no-such-plan.yaml");
            Assert.Equal(2, missing.ExitCode);
            Assert.Contains("error: train: no such file or directory: 'no-such-plan.yaml'", missing.Errors);
        }

        [Fact]
        public void A_plan_file_may_name_a_model_of_a_catalog_file()
        {
            using var folder = new TempCatalog();
            // llama-3.1-70b under another id, from a --catalog file: the plan resolves against it as a build would.
            string catalog = folder.Write("catalog/models.yaml", UserCatalogTexts.DerivedModel);
            string file = folder.Write("plan.yaml", SeveralPlans.Replace("model: llama-3.1-70b", "model: acme-70b"));

            Hwcat.Result alone = Hwcat.Run("train", file, "--id", "llama-70b-tp8-pp4");
            Assert.Equal(1, alone.ExitCode);
            Assert.Contains("plan.yaml(", alone.Errors);

            Hwcat.Result withCatalog = Hwcat.Run("train", file, "--id", "llama-70b-tp8-pp4", "--catalog", Path.GetDirectoryName(catalog)!, "--format", "json");
            Hwcat.Result builtIn = Hwcat.Run("train", "--model", "llama-3.1-70b", "--system", "dgx-h100", "--gpus", "64", "--tensor", "8", "--pipeline", "4",
                "--global-batch", "64", "--recompute", "selective", "--format", "json");
            Assert.Equal(0, withCatalog.ExitCode);
            Assert.Equal("acme-70b", withCatalog.Json().GetProperty("plan").GetProperty("model").GetString());
            Assert.Equal(builtIn.Json().GetProperty("step").ToString(), withCatalog.Json().GetProperty("step").ToString());
        }

        private static void AssertTrainingFigures(TrainingPlan plan, JsonElement json, Tokens tokens, double price)
        {
            JsonElement total = json.GetProperty("memory").EnumerateArray().Single(r => r.GetProperty("part").GetString() == "total");
            Assert.Equal(plan.Memory.Total.Bytes, Hwcat.Quantity(total.GetProperty("total"), "B"));
            Assert.Equal(plan.Memory.Terms.Activations.Bytes, Hwcat.Quantity(total.GetProperty("activations"), "B"));
            Assert.Equal(plan.Memory.Terms.OptimizerStates.Bytes, Hwcat.Quantity(total.GetProperty("optimizerStates"), "B"));
            Assert.Equal(plan.Fit.Fits, json.GetProperty("fit").GetProperty("fits").GetBoolean());
            StepTimeBreakdown step = plan.Step!;
            JsonElement printed = json.GetProperty("step");
            Assert.Equal(step.Total.TotalSeconds, Hwcat.Quantity(printed.GetProperty("total"), "s"));
            Assert.Equal(step.ExpertParallel.TotalSeconds, Hwcat.Quantity(printed.GetProperty("expertParallel"), "s"));
            Assert.Equal(step.PipelineBubble.TotalSeconds, Hwcat.Quantity(printed.GetProperty("pipelineBubble"), "s"));
            Assert.Equal(step.TokensPerSecond, Hwcat.Quantity(printed.GetProperty("tokensPerSecond"), "tokens/s"));
            Assert.Equal(step.Mfu(plan.System.Gpu.Peak(plan.Settings.Recipe.Compute)), printed.GetProperty("mfu").GetDouble());
            TimeSpan time = step.TimeFor(tokens);
            Assert.Equal(time.TotalSeconds, Hwcat.Quantity(json.GetProperty("run").GetProperty("time"), "s"));
            // Cost = GPUs × hours × price per GPU-hour.
            Assert.Equal(plan.Gpus * time.TotalHours * price, Hwcat.Quantity(json.GetProperty("run").GetProperty("cost"), "USD"), 6);
        }

        private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
