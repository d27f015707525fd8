using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using HardwareCatalog.Generators.Building;
using HardwareCatalog.Generators.Emitting;
using HardwareCatalog.Generators.Model;
using HardwareCatalog.Planning;
using Microsoft.CodeAnalysis;
using Xunit;

namespace HardwareCatalog.Generators.Tests
{
    /// <summary>
    /// <c>kind: training</c> plan files: every check located at the key that causes it, with its severity; a good plan
    /// compiles to a <c>TrainingPlans</c> member whose run-time Memory, Step and Validate() equal what the build computed.
    /// </summary>
    public class TrainingPlanFileTests
    {
        private const string PlanPath = "/p/catalogs/plan.yaml";

        private const string Plan = Catalogs.Plan;

        private static CatalogFile[] Fixtures(string plan, string model = Catalogs.Shaped) => new[]
        {
            new CatalogFile("/p/catalogs/h100.yaml", Catalogs.Hopper),
            new CatalogFile("/p/catalogs/node.yaml", Catalogs.System),
            new CatalogFile("/p/catalogs/model.yaml", model),
            new CatalogFile(PlanPath, plan),
        };

        private static GeneratorResult Run(string plan, string model = Catalogs.Shaped, string source = "") => GeneratorHarness.Run(Fixtures(plan, model), source);

        /// <summary>The plan file's diagnostics, "line,column: id severity".</summary>
        private static string[] PlanDiagnostics(GeneratorResult result) => PlanFiles.Diagnostics(result, PlanPath);

        [Fact]
        public void A_good_plan_on_a_user_model_and_system_compiles_to_a_training_plan()
        {
            GeneratorResult result = Run(Plan, source: """
                using HardwareCatalog;
                class Use
                {
                    HardwareCatalog.Planning.TrainingPlan plan = TrainingPlans.TestPlan;
                    HardwareCatalog.Planning.TrainingPlan? found = TrainingPlans.Find("test-plan");
                    int count = TrainingPlans.All.Count;
                }
                """);

            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Empty(result.CompilationDiagnostics);
            Assert.Contains("TrainingPlans.TestPlan.g.cs", result.HintNames);
            Assert.Contains("TrainingPlans.g.cs", result.HintNames);
        }

        [Fact]
        public void Without_plans_there_is_no_training_plans_class()
        {
            GeneratorResult result = GeneratorHarness.Run(Fixtures(Catalogs.Derived));

            Assert.DoesNotContain(result.HintNames, h => h.StartsWith("TrainingPlans", StringComparison.Ordinal));
        }

        [Fact]
        public void The_emitted_plan_answers_what_the_build_computed()
        {
            TrainingPlanOutput output = Evaluate(Fixtures(Plan));
            TrainingPlan plan = Load(Run(Plan), "TestPlan");

            AssertSame(output, plan);
            // The plan's own figures: 0.5 of test-h100's dense BF16 peak (989.4 TFLOP/s), 8B parameters over TP 8.
            Assert.Equal(0.5 * 989.4e12, output.PerGpu);
            Assert.Equal(16, output.GpuCount);
            Assert.True(output.StepSeconds > 0);
            Assert.True(plan.Step!.DataParallelExposed > TimeSpan.Zero, "overlapDataParallel: false exposes the gradient reduction");
        }

        [Fact]
        public void A_system_without_a_scale_out_network_is_one_domain_at_its_scale_up_rate()
        {
            // The data-parallel group spans 16 GPUs, more than the domain of 8: without scaleOut it still takes NVLink's
            // 450 GB/s per direction (900 GB/s both ways), as TrainingNetwork.Of reads such a system.
            string system = Catalogs.System.Replace("scaleOut:\n  link: infiniband\n  bandwidth: 400 Gb/s\n  direction: each\n", "");
            Assert.NotEqual(Catalogs.System, system);
            CatalogFile[] files = Fixtures(Plan).Select(f => f.Path == "/p/catalogs/node.yaml" ? f with { Text = system } : f).ToArray();

            TrainingPlanOutput output = Evaluate(files);
            TrainingPlan plan = Load(GeneratorHarness.Run(files), "TestPlan");

            Assert.Null(plan.System.ScaleOut);
            AssertSame(output, plan);
            Assert.True(output.StepSeconds < Evaluate(Fixtures(Plan)).StepSeconds, "NVLink is faster than one 400 Gb/s NIC");
        }

        [Fact]
        public void A_gpu_without_a_memory_figure_leaves_the_memory_unchecked_and_says_so()
        {
            CatalogFile[] files = Fixtures(Plan).Select(f => f.Path == "/p/catalogs/h100.yaml" ? f with { Text = Catalogs.Hopper.Replace("memory: 80 GB\n", "") } : f).ToArray();
            Assert.NotEqual(Catalogs.Hopper, files[0].Text);

            GeneratorResult result = GeneratorHarness.Run(files);

            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Contains("not checked: the catalog gives no memory for <c>test-h100</c>.", result.Source("TrainingPlans.TestPlan.g.cs"));
            Assert.Null(Evaluate(files).CapacityBytes);
        }

        [Fact]
        public void The_plans_documentation_shows_the_runtimes_figures()
        {
            TrainingPlan plan = Load(Run(Plan), "TestPlan");
            string code = Run(Plan).Source("TrainingPlans.TestPlan.g.cs");

            // Formatted from the run-time answers, so the doc and the runtime agree to the digits shown.
            StepTimeBreakdown step = plan.Step!;
            Assert.Contains($"Memory per GPU: {TrainingPlanEmitter.Gib(plan.Memory.Total.Bytes)}; it fits the nominal memory (no usable figure is published)", code);
            Assert.Contains($"Step time: {TrainingPlanEmitter.Seconds(step.Total.TotalSeconds)} s at 494.7 TFLOP/s per GPU (50.0% of the BF16 dense peak)", code);
            Assert.Contains($"MFU: {TrainingPlanEmitter.Percent(step.Mfu(Units.FlopRate.FromTera(989.4)))} of the BF16 dense peak (989.4 TFLOP/s)", code);
            Assert.Contains($"{step.TokensPerSecond.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} tokens/s", code);
        }

        // ------------------------------------------------------------------ the sample plans, on the built-in catalog

        private static readonly Lazy<CatalogFile[]> s_builtIns = PlanFiles.BuiltIns;

        public static IEnumerable<object[]> SamplePlans() => new[]
        {
            new object[] { "llama-3.1-405b-plan.yaml", "Llama3_1_405b8k" },
            new object[] { "deepseek-v3-plan.yaml", "DeepseekV3H800" },
        };

        [Theory]
        [MemberData(nameof(SamplePlans))]
        public void The_sample_plans_build_and_equal_the_runtimes_evaluation(string file, string identifier)
        {
            string path = Path.Combine(DiagnosticTests.RepositoryRoot(), "samples", "TrainingCost", "catalogs", file);
            CatalogFile[] files = s_builtIns.Value.Append(new CatalogFile(path, File.ReadAllText(path))).ToArray();
            GeneratorResult result = GeneratorHarness.Run(files);

            // Both published layouts split their layers unevenly (126 over 16 stages, 61 over 16): HWC204, a warning.
            Diagnostic warning = Assert.Single(result.GeneratorDiagnostics);
            Assert.Equal(("HWC204", DiagnosticSeverity.Warning, path), (warning.Id, warning.Severity, warning.Location.GetLineSpan().Path));
            Assert.Equal("pipeline: 16", File.ReadAllLines(path)[warning.Location.GetLineSpan().StartLinePosition.Line].Split('#')[0].Trim());
            Assert.Empty(result.CompilationDiagnostics);

            TrainingPlan plan = Load(result, identifier);
            AssertSame(Evaluate(files), plan);

            // The run-time validation finds the same, with the same message.
            PlanCheck check = Assert.Single(plan.Validate());
            Assert.Equal((warning.Id, warning.GetMessage()), (check.Id, check.Message));
            Assert.True(plan.Fit.Fits);
        }

        [Fact]
        public void The_llama_sample_uses_the_measured_rate_and_the_deepseek_sample_its_efficiency()
        {
            string samples = Path.Combine(DiagnosticTests.RepositoryRoot(), "samples", "TrainingCost", "catalogs");
            TrainingPlanOutput llama = Evaluate(s_builtIns.Value.Append(new CatalogFile("/s/l.yaml", File.ReadAllText(Path.Combine(samples, "llama-3.1-405b-plan.yaml")))).ToArray());
            TrainingPlanOutput deepseek = Evaluate(s_builtIns.Value.Append(new CatalogFile("/s/d.yaml", File.ReadAllText(Path.Combine(samples, "deepseek-v3-plan.yaml")))).ToArray());

            // catalogs/gpus/h100-sxm.yaml, measured.matmul.bf16: 794.5 TFLOP/s; h800-sxm's dense FP8 peak 1978.9 TFLOP/s × 0.709.
            Assert.Equal((794.5e12, true), (llama.PerGpu, llama.RateMeasured));
            Assert.Equal((1978.9e12 * 0.709, false), (deepseek.PerGpu, deepseek.RateMeasured));
        }

        // ------------------------------------------------------------------ every check, located

        [Theory]
        // 8 × 1 × 1 × 2 = 16 GPUs, not 24.
        [InlineData("gpus: 16", "gpus: 24", "5,7: HWC201 Error")]
        // 32 heads do not split over 64 ranks (8 key/value heads replicate evenly: 64 / 8).
        [InlineData("gpus: 16\ntensor: 8", "gpus: 128\ntensor: 64", "6,9: HWC202 Error")]
        // 32 layers over 3 stages: uneven, a warning; over 64 stages some hold none, an error.
        [InlineData("data: 2", "data: 2\npipeline: 3", "8,11: HWC204 Warning", "gpus: 16", "gpus: 48")]
        [InlineData("data: 2", "data: 2\npipeline: 64", "8,11: HWC204 Error", "gpus: 16", "gpus: 1024")]
        // A dense model has no experts to split.
        [InlineData("data: 2", "data: 2\nexpert: 2", "8,9: HWC205 Error")]
        // 7 sequences over 1 × 2.
        [InlineData("globalBatch: 8", "globalBatch: 7", "9,14: HWC206 Error")]
        // test-h100 publishes no FP16 peak.
        [InlineData("recipe: bf16-mixed", "recipe: fp16-mixed", "11,9: HWC207 Error")]
        // 8B × 18 bytes on one GPU is 144 GB, more than 80 GB.
        [InlineData("gpus: 16\ntensor: 8\ndata: 2", "gpus: 1\ntensor: 1\ndata: 1", "4,9: HWC208 Error")]
        // 4,096 tokens do not split into 2 × 3 chunks.
        [InlineData("data: 2", "data: 2\ncontext: 3", "8,10: HWC209 Error", "gpus: 16", "gpus: 48")]
        // DeepSeek-V3's storage needs MLA's latents.
        [InlineData("recomputation: selective", "recomputation: selective\nactivationStorage: deepseek-v3", "13,20: HWC210 Error")]
        // Neither a measured BF16 rate for test-h100 nor computeEfficiency: no step time, a warning at the system.
        [InlineData("computeEfficiency: 0.5\n", "", "4,9: HWC211 Warning")]
        public void Each_check_is_reported_at_its_key(string from, string to, string expected, string alsoFrom = "", string alsoTo = "")
        {
            string plan = Plan.Replace(from, to);
            if (alsoFrom.Length > 0) plan = plan.Replace(alsoFrom, alsoTo);
            Assert.NotEqual(Plan, plan);

            GeneratorResult result = Run(plan);

            Assert.Equal(new[] { expected }, PlanDiagnostics(result));
            Assert.Empty(result.CompilationDiagnostics);
            // A plan with an error is not emitted; one with only warnings is.
            Assert.Equal(!expected.EndsWith("Error", StringComparison.Ordinal), result.HintNames.Contains("TrainingPlans.TestPlan.g.cs"));
        }

        [Fact]
        public void Key_value_heads_that_neither_split_nor_replicate_are_hwc203_at_tensor()
        {
            // 24 heads over 4 ranks split evenly; 6 key/value heads neither split over 4 nor replicate 4 / 6 times.
            string model = Catalogs.Shaped.Replace("heads: 32", "heads: 24").Replace("kvHeads: 8", "kvHeads: 6");
            GeneratorResult result = Run(Plan.Replace("gpus: 16\ntensor: 8", "gpus: 8\ntensor: 4"), model);

            Assert.Equal(new[] { "6,9: HWC203 Error" }, PlanDiagnostics(result));
        }

        [Fact]
        public void The_checks_messages_are_the_runtimes()
        {
            GeneratorResult result = Run(Plan.Replace("gpus: 16", "gpus: 24"));

            Assert.Equal("The plan has 24 GPUs, but tensor × pipeline × context × data parallelism is 8 × 1 × 1 × 2 = 16", result.GeneratorDiagnostics.Single().GetMessage());
            Assert.EndsWith("docs/diagnostics/HWC201.md", result.GeneratorDiagnostics.Single().Descriptor.HelpLinkUri);
        }

        [Fact]
        public void A_plan_that_does_not_fit_names_its_largest_terms()
        {
            GeneratorResult result = Run(Plan.Replace("gpus: 16\ntensor: 8\ndata: 2", "gpus: 1\ntensor: 1\ndata: 1"));

            string message = result.GeneratorDiagnostics.Single().GetMessage();
            Assert.Contains("on 'test-h100', ", message);
            Assert.Contains("than its nominal memory (no usable figure is published)", message);
            Assert.Contains("Largest terms: Layers OptimizerStates", message);
        }

        [Theory]
        [InlineData("data: 2", "data: 2\nvirtualStages: 2", "8,16: HWC128 Error")]   // no pipeline to interleave
        [InlineData("data: 2", "data: 4\nexpert: 3", "8,9: HWC128 Error", "gpus: 16", "gpus: 32")]  // 3 does not divide 4
        [InlineData("recomputation: selective", "recomputation: selective\nzero: 4", "13,7: HWC128 Error")]
        [InlineData("computeEfficiency: 0.5", "computeEfficiency: 1.5", "13,20: HWC128 Error")]
        [InlineData("networkEfficiency: 0.8", "networkEfficiency: 0", "14,20: HWC128 Error")]
        [InlineData("tensor: 8", "tensor: 0", "6,9: HWC128 Error")]
        // 8 × 65,536 × 4,096 × 2 = 4,294,967,296 GPUs: more than an int holds.
        [InlineData("data: 2", "data: 2\npipeline: 65536\nvirtualStages: 4096", "5,7: HWC128 Error")]
        [InlineData("computeEfficiency: 0.5", "computeEfficiency: high", "13,20: HWC105 Error")]
        [InlineData("recipe: bf16-mixed", "recipe: bf16", "11,9: HWC105 Error")]
        [InlineData("recomputation: selective", "recomputation: some", "12,16: HWC105 Error")]
        [InlineData("tensor: 8", "tensr: 8", "6,1: HWC104 Error")]
        [InlineData("model: test-shaped", "model: test-shapd", "3,8: HWC109 Error")]
        [InlineData("system: test-node", "system: test-nod", "4,9: HWC109 Error")]
        [InlineData("system: test-node", "system: test-h100", "4,9: HWC109 Error")]
        [InlineData("microBatch: 1\n", "", "1,1: HWC102 Error")]
        [InlineData("kind: training", "kind: trainig", "1,7: HWC111 Error")]
        public void Bad_values_are_reported_at_their_key(string from, string to, string expected, string alsoFrom = "", string alsoTo = "")
        {
            string plan = Plan.Replace(from, to);
            if (alsoFrom.Length > 0) plan = plan.Replace(alsoFrom, alsoTo);
            Assert.NotEqual(Plan, plan);

            GeneratorResult result = Run(plan);

            Assert.Equal(new[] { expected }, PlanDiagnostics(result));
            Assert.DoesNotContain("TrainingPlans.TestPlan.g.cs", result.HintNames);
        }

        [Fact]
        public void An_unknown_reference_suggests_the_closest_id_and_an_unknown_key_the_closest_key()
        {
            Assert.Contains("did you mean 'test-shaped'?", Run(Plan.Replace("model: test-shaped", "model: test-shapd")).GeneratorDiagnostics.Single().GetMessage());
            Assert.Contains("did you mean 'tensor'?", Run(Plan.Replace("tensor: 8", "tensr: 8")).GeneratorDiagnostics.Single().GetMessage());
            Assert.Contains("did you mean 'bf16-mixed'?", Run(Plan.Replace("recipe: bf16-mixed", "recipe: bf16-mixd")).GeneratorDiagnostics.Single().GetMessage());
        }

        [Fact]
        public void A_model_with_absurdly_many_layers_is_refused_before_it_is_evaluated()
        {
            GeneratorResult result = Run(Plan, Catalogs.Shaped.Replace("layers: 32", "layers: 2000000000"));

            Assert.Equal(new[] { "3,8: HWC128 Error" }, PlanDiagnostics(result));
        }

        [Fact]
        public void A_model_without_its_full_shape_cannot_be_planned()
        {
            // Catalogs.Mla has no vocabulary size, FFN width or activation.
            GeneratorResult result = Run(Plan.Replace("model: test-shaped", "model: test-mla"), Catalogs.Mla);

            Assert.Equal(new[] { "3,8: HWC128 Error" }, PlanDiagnostics(result));
            Assert.Contains("does not give the shape a plan needs", result.GeneratorDiagnostics.Single(d => d.Id == "HWC128").GetMessage());
        }

        // ------------------------------------------------------------------ the generator's recipe table is the runtime's

        [Fact]
        public void The_recipe_and_state_layout_tables_are_the_runtimes()
        {
            Assert.Equal(Schema.CatalogSchema.Recipes, TrainingRecipes.Recipes.Select(r => r.Key));
            Assert.Equal(Schema.CatalogSchema.StateLayouts, TrainingRecipes.StateLayouts.Select(r => r.Key));
            foreach (RecipeRow row in TrainingRecipes.Recipes)
            {
                var recipe = (PrecisionRecipe)typeof(PrecisionRecipe).GetProperty(row.RuntimeName)!.GetValue(null)!;
                Assert.Equal(row.Name, recipe.Name);
                Assert.Equal(row.Compute, recipe.Compute.CatalogKey());
                Assert.Equal(row.Activations, recipe.Activations.CatalogKey());
                Assert.Equal(TrainingRecipes.StateLayout(row.State)!.RuntimeName, StateLayoutName(recipe.State));
            }

            foreach (StateLayoutRow row in TrainingRecipes.StateLayouts)
            {
                var layout = (OptimizerStateLayout)typeof(OptimizerStateLayout).GetProperty(row.RuntimeName)!.GetValue(null)!;
                Assert.Equal((row.WeightBytes, row.GradientBytes, row.MasterWeightBytes, row.MomentBytes),
                    (layout.WeightBytes, layout.GradientBytes, layout.MasterWeightBytes, layout.MomentBytes));
            }
        }

        private static string StateLayoutName(OptimizerStateLayout layout) => typeof(OptimizerStateLayout)
            .GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Single(p => p.PropertyType == typeof(OptimizerStateLayout) && ((OptimizerStateLayout)p.GetValue(null)!).Equals(layout)).Name;

        // ------------------------------------------------------------------ helpers

        /// <summary>The build's evaluation of the one plan among <paramref name="files"/>, through the stages the generator runs.</summary>
        private static TrainingPlanOutput Evaluate(CatalogFile[] files) => PlanFiles.Resolve(files).Plans.Single();

        /// <summary>Compiles the generated code, loads it, and returns <c>TrainingPlans.&lt;identifier&gt;</c>: the plan a user's code gets.</summary>
        private static TrainingPlan Load(GeneratorResult result, string identifier) => PlanFiles.Load<TrainingPlan>(result, "TrainingPlans", identifier);

        /// <summary>The emitted plan's run-time answers against the build's: the same model, so equal up to summation order.</summary>
        private static void AssertSame(TrainingPlanOutput output, TrainingPlan plan)
        {
            Assert.Equal(output.Plan.Id, plan.Id);
            Assert.Equal(output.PeakStage, plan.Memory.Stage);
            Assert.Equal(output.PeakBytes, plan.Memory.Total.Bytes, 1e-12 * output.PeakBytes);
            if (output.CapacityBytes is double capacity)
            {
                Assert.Equal(capacity, plan.Fit.Available.Bytes);
                Assert.Equal(output.NominalMemory, plan.Fit.AgainstNominalMemory);
            }
            Assert.Equal(output.PerGpu, plan.PerGpu?.Value.FlopsPerSecond);
            StepTimeBreakdown step = plan.Step!;
            // TimeSpan keeps 100 ns ticks.
            Assert.Equal(output.StepSeconds!.Value, step.Total.TotalSeconds, 1e-7);
            Assert.Equal(output.ComputeSeconds, step.Compute.TotalSeconds, 1e-7);
            Assert.Equal(output.BubbleSeconds, step.PipelineBubble.TotalSeconds, 1e-7);
            Assert.Equal(output.ModelFlops, step.ModelFlops.Count, 1e-12 * output.ModelFlops);
            Assert.Equal(output.GpuCount, step.Gpus);
        }
    }
}
