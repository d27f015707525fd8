using System;
using System.IO;
using System.Linq;
using HardwareCatalog.Generators.Building;
using HardwareCatalog.Generators.Emitting;
using HardwareCatalog.Generators.Model;
using HardwareCatalog.Planning;
using Microsoft.CodeAnalysis;
using Xunit;

namespace HardwareCatalog.Generators.Tests
{
    /// <summary>
    /// <c>kind: serving</c> plan files: every check (HWC221–230) located at the key that causes it, with its severity; a
    /// good plan compiles to a <c>ServingPlans</c> member whose run-time Memory, MaxConcurrency, TimeToFirstToken, Decode
    /// and Validate() equal what the build computed.
    /// </summary>
    public class ServingPlanFileTests
    {
        private const string PlanPath = "/p/catalogs/serving.yaml";

        private const string Plan = Catalogs.Serving;

        private static CatalogFile[] Fixtures(string plan, string model = Catalogs.Shaped, string gpu = Catalogs.Hopper) => new[]
        {
            new CatalogFile("/p/catalogs/h100.yaml", gpu),
            new CatalogFile("/p/catalogs/node.yaml", Catalogs.System),
            new CatalogFile("/p/catalogs/model.yaml", model),
            new CatalogFile(PlanPath, plan),
        };

        private static GeneratorResult Run(string plan, string model = Catalogs.Shaped, string gpu = Catalogs.Hopper, string source = "")
            => GeneratorHarness.Run(Fixtures(plan, model, gpu), source);

        private static string[] PlanDiagnostics(GeneratorResult result) => PlanFiles.Diagnostics(result, PlanPath);

        private static ServingPlanOutput Evaluate(CatalogFile[] files) => PlanFiles.Resolve(files).ServingPlans.Single();

        private static ServingPlan Load(GeneratorResult result, string identifier) => PlanFiles.Load<ServingPlan>(result, "ServingPlans", identifier);

        [Fact]
        public void A_good_plan_compiles_to_a_serving_plan_beside_the_index()
        {
            GeneratorResult result = Run(Plan, source: """
                using HardwareCatalog;
                class Use
                {
                    HardwareCatalog.Planning.ServingPlan plan = ServingPlans.TestServing;
                    HardwareCatalog.Planning.ServingPlan? found = ServingPlans.Find("test-serving");
                    int count = ServingPlans.All.Count;
                }
                """);

            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Empty(result.CompilationDiagnostics);
            Assert.Contains("ServingPlans.TestServing.g.cs", result.HintNames);
            Assert.Contains("ServingPlans.g.cs", result.HintNames);
        }

        [Fact]
        public void Without_serving_plans_there_is_no_serving_plans_class()
        {
            GeneratorResult result = GeneratorHarness.Run(Fixtures(Catalogs.Plan));

            Assert.Contains("TrainingPlans.g.cs", result.HintNames);
            Assert.DoesNotContain(result.HintNames, h => h.StartsWith("ServingPlans", StringComparison.Ordinal));
        }

        [Fact]
        public void The_emitted_plan_answers_what_the_build_computed()
        {
            ServingPlanOutput output = Evaluate(Fixtures(Plan));
            ServingPlan plan = Load(Run(Plan), "TestServing");

            AssertSame(output, plan);
            Assert.Empty(plan.Validate());

            // The plan's own figures. Rates: 0.6 of test-h100's dense FP8 peak (1978.9 TFLOP/s) and 0.8 of its 3.35 TB/s.
            Assert.Equal((0.6 * 1978.9e12, false), (output.FlopRate, output.FlopRateMeasured));
            Assert.Equal((0.8 * 3.35e12, false), (output.Bandwidth, output.BandwidthMeasured));

            // Weights: Llama 3.1 8B's shape (config.json) has 8,030,261,248 parameters, of which the untied input and output
            // embeddings are 2 × 128,256 × 4,096 = 1,050,673,152 and stay in 16 bits; the rest is FP8 with an FP32 scale per
            // 128 × 128 block (8 + 32/16,384 bits); all over TP 2.
            const double parameters = 8_030_261_248, embeddings = 2.0 * 128_256 * 4_096;
            Assert.Equal(((parameters - embeddings) * (8 + 32.0 / 16_384) / 8 + embeddings * 2) / 2, output.DenseWeightBytes, 1e-9 * output.DenseWeightBytes);
            Assert.Equal(0, output.ExpertWeightBytes);

            // KV cache: 16 sequences of 2,048 + 512 tokens (within the 4,096-token window of the local layers), 32 layers of
            // 2 × 8 key/value heads × 128 in FP8 (1 byte), the 8 heads split over TP 2.
            Assert.Equal(16.0 * 32 * (2048 + 512) * (2 * 8 * 128) * 1 / 2, output.KvCacheBytes);
            Assert.Equal(2L, output.GpuCount);
        }

        [Fact]
        public void The_plans_documentation_shows_the_runtimes_figures()
        {
            ServingPlan plan = Load(Run(Plan), "TestServing");
            string code = Run(Plan).Source("ServingPlans.TestServing.g.cs");

            // Formatted from the run-time answers, so the doc and the runtime agree to the digits shown.
            ServingMemory memory = plan.Memory;
            ServingDecode decode = plan.Decode!;
            Assert.Contains($"Memory per GPU: {ServingPlanEmitter.Gib(memory.Total.Bytes)} (dense weights {ServingPlanEmitter.Gib(memory.DenseWeights.Bytes)}, "
                + $"KV cache {ServingPlanEmitter.Gib(memory.KvCache.Bytes)}, workspace {ServingPlanEmitter.Gib(memory.Workspace.Bytes)}); "
                + $"it fits the nominal memory (no usable figure is published) of <c>test-h100</c>, {ServingPlanEmitter.Gib(memory.Available.Bytes)}, with {ServingPlanEmitter.Gib(memory.Left.Bytes)} left.", code);
            Assert.Contains($"At 2,560 tokens of context the plan holds {plan.MaxConcurrency(2560).ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} sequences.", code);
            Assert.Contains("Rates per GPU: 1187.3 TFLOP/s (60.0% of the FP8 dense peak), 2.68 TB/s (80.0% of the datasheet memory bandwidth).", code);
            Assert.Contains($"Time to first token: {ServingPlanEmitter.Milliseconds(plan.TimeToFirstToken!.Value.TotalSeconds)} ms; "
                + $"time per output token: {ServingPlanEmitter.Milliseconds(decode.TimePerOutputToken.TotalSeconds)} ms; "
                + $"{decode.OutputTokensPerSecond.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} output tokens/s", code);
        }

        [Fact]
        public void A_gpu_without_a_memory_figure_leaves_the_memory_unchecked_and_says_so()
        {
            string gpu = Catalogs.Hopper.Replace("memory: 80 GB\n", "");
            Assert.NotEqual(Catalogs.Hopper, gpu);

            GeneratorResult result = Run(Plan, gpu: gpu);

            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Contains("not checked: the catalog gives no memory for <c>test-h100</c>.", result.Source("ServingPlans.TestServing.g.cs"));
            Assert.Null(Evaluate(Fixtures(Plan, gpu: gpu)).CapacityBytes);
        }

        // ------------------------------------------------------------------ the sample plan, on the built-in catalog

        [Fact]
        public void The_sample_plan_builds_without_a_diagnostic_and_equals_the_runtimes_evaluation()
        {
            string path = Path.Combine(DiagnosticTests.RepositoryRoot(), "samples", "TrainingCost", "catalogs", "deepseek-v3-h200-serving.yaml");
            CatalogFile[] files = PlanFiles.BuiltIns.Value.Append(new CatalogFile(path, File.ReadAllText(path))).ToArray();
            GeneratorResult result = GeneratorHarness.Run(files);

            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Empty(result.CompilationDiagnostics);
            ServingPlanOutput output = Evaluate(files);
            ServingPlan plan = Load(result, "DeepseekV3H200");
            AssertSame(output, plan);
            Assert.Empty(plan.Validate());
            Assert.True(plan.Memory.Fits);

            // catalogs/gpus/h200-sxm.yaml: measured.matmul.fp8 1453.4 TFLOP/s; memoryBandwidth 4.8 TB/s, taken whole (1.0).
            Assert.Equal((1453.4e12, true), (output.FlopRate, output.FlopRateMeasured));
            Assert.Equal((4.8e12, false), (output.Bandwidth, output.BandwidthMeasured));
        }

        [Theory]
        // DeepSeek-V3's 256 routed experts do not split over 3 GPUs ("expert: 3" written on line 9, before "tensor").
        [InlineData("tensor: 8 ", "expert: 3\ntensor: 8 ", "9,9: HWC224 Error")]
        // Expert parallelism 16 over one replica of TP 8: it must divide the 8 GPUs of the stage.
        [InlineData("tensor: 8 ", "expert: 16\ntensor: 8 ", "9,9: HWC224 Error")]
        // The H200 has no FP4 tensor cores: NVFP4 weights cannot compute there.
        [InlineData("weightFormat: fp8 ", "weightFormat: nvfp4 ", "10,15: HWC225 Error")]
        // MLA keeps 61 layers × (512 + 64) × 2 bytes = 70,272 bytes of BF16 latent per token, whole on every GPU:
        // 1,024 sequences × 8,192 tokens × 70,272 B ≈ 589 GB per GPU, far beyond the H200's 141 GiB.
        [InlineData("concurrency: 64", "concurrency: 1024", "12,14: HWC227 Error")]
        public void The_sample_plans_checks_on_a_mixture_of_experts_model_are_located(string from, string to, string expected)
        {
            string path = Path.Combine(DiagnosticTests.RepositoryRoot(), "samples", "TrainingCost", "catalogs", "deepseek-v3-h200-serving.yaml");
            string text = File.ReadAllText(path);
            string bad = text.Replace(from, to);
            Assert.NotEqual(text, bad);

            GeneratorResult result = GeneratorHarness.Run(PlanFiles.BuiltIns.Value.Append(new CatalogFile(PlanPath, bad)).ToArray());

            Assert.Equal(new[] { expected }, PlanDiagnostics(result));
        }

        // ------------------------------------------------------------------ every check, located

        [Theory]
        // 2 GPUs given, tensor × pipeline × replicas = 2 × 1 × 1.
        [InlineData("gpus: 2", "gpus: 3", "5,7: HWC221 Error")]
        // 32 heads do not split over 64 ranks (8 key/value heads replicate evenly: 64 / 8).
        [InlineData("gpus: 2\ntensor: 2", "gpus: 64\ntensor: 64", "6,9: HWC222 Error")]
        // A dense model has no experts to split.
        [InlineData("tensor: 2", "tensor: 2\nexpert: 2", "7,9: HWC224 Error")]
        // Redundant experts without expert parallelism, on a dense model: the key the check names is left to its default.
        [InlineData("tensor: 2", "tensor: 2\nredundantExperts: 2", "2,5: HWC224 Error")]
        // test-h100 publishes no FP4 peak, which NVFP4 computes in; nor an FP16 one.
        [InlineData("weightFormat: fp8", "weightFormat: nvfp4", "7,15: HWC225 Error")]
        [InlineData("weightFormat: fp8", "weightFormat: fp16", "7,15: HWC225 Error")]
        // 4,096 sequences × 32 layers × 2,560 tokens × 2,048 elements × 1 byte / 2 = 320 GiB per GPU, more than 80 GB.
        [InlineData("concurrency: 16", "concurrency: 4096", "9,14: HWC227 Error")]
        // Neither a measured memory bandwidth for test-h100 nor bandwidthEfficiency: no times, a warning at the system.
        [InlineData("bandwidthEfficiency: 0.8\n", "", "4,9: HWC229 Warning")]
        // Nor a measured FP8 matmul rate without computeEfficiency.
        [InlineData("computeEfficiency: 0.6\n", "", "4,9: HWC229 Warning")]
        // 32 layers over 64 stages: some would hold none.
        [InlineData("gpus: 2\ntensor: 2", "gpus: 128\ntensor: 2\npipeline: 64", "7,11: HWC230 Error")]
        public void Each_check_is_reported_at_its_key(string from, string to, string expected)
        {
            string plan = Plan.Replace(from, to);
            Assert.NotEqual(Plan, plan);

            GeneratorResult result = Run(plan);

            Assert.Equal(new[] { expected }, PlanDiagnostics(result));
            Assert.Empty(result.CompilationDiagnostics);
            // A plan with an error is not emitted; one with only warnings is.
            Assert.Equal(!expected.EndsWith("Error", StringComparison.Ordinal), result.HintNames.Contains("ServingPlans.TestServing.g.cs"));
        }

        [Fact]
        public void Key_value_heads_that_neither_split_nor_replicate_are_hwc223_at_tensor()
        {
            // 24 heads over 4 ranks split evenly; 6 key/value heads neither split over 4 nor replicate 4 / 6 times.
            string model = Catalogs.Shaped.Replace("heads: 32", "heads: 24").Replace("kvHeads: 8", "kvHeads: 6");
            GeneratorResult result = Run(Plan.Replace("gpus: 2\ntensor: 2", "gpus: 4\ntensor: 4"), model);

            Assert.Equal(new[] { "6,9: HWC223 Error" }, PlanDiagnostics(result));
        }

        [Fact]
        public void Weights_beyond_the_gpus_memory_are_hwc226_at_system()
        {
            // About 8 GB of weights over 2 GPUs: 4 GB each, beyond a 4 GB GPU before any KV cache.
            GeneratorResult result = Run(Plan, gpu: Catalogs.Hopper.Replace("memory: 80 GB", "memory: 4 GB"));

            Assert.Equal(new[] { "4,9: HWC226 Error" }, PlanDiagnostics(result));
            Assert.Contains("than the 3.7 GiB of its nominal memory (no usable figure is published) on 'test-h100'", result.GeneratorDiagnostics.Single().GetMessage());
        }

        [Fact]
        public void A_request_beyond_the_context_window_is_hwc228_at_input_tokens()
        {
            // 8,000 + 512 = 8,512 tokens, beyond an 8,192-token window.
            string model = Catalogs.Shaped.Replace("hiddenSize: 4096", "hiddenSize: 4096\ncontextWindow: 8192");
            GeneratorResult result = Run(Plan.Replace("inputTokens: 2048", "inputTokens: 8000"), model);

            Assert.Equal(new[] { "10,14: HWC228 Error" }, PlanDiagnostics(result));
        }

        [Fact]
        public void A_bandwidth_efficiency_without_a_datasheet_bandwidth_is_hwc229_at_that_key()
        {
            GeneratorResult result = Run(Plan, gpu: Catalogs.Hopper.Replace("memoryBandwidth: 3.35 TB/s\n", ""));

            Assert.Equal(new[] { "13,22: HWC229 Warning" }, PlanDiagnostics(result));
            Assert.Contains("No latency or throughput (HWC229)", result.Source("ServingPlans.TestServing.g.cs"));
            ServingPlan plan = Load(result, "TestServing");
            Assert.Null(plan.MemoryBandwidth);
            Assert.Null(plan.Decode);
            // The run-time validation finds the same, with the same message.
            PlanCheck check = Assert.Single(plan.Validate());
            Assert.Equal(("HWC229", result.GeneratorDiagnostics.Single().GetMessage()), (check.Id, check.Message));
        }

        [Theory]
        [InlineData("gpus: 2", "gpus: 3")]
        [InlineData("concurrency: 16", "concurrency: 4096")]
        [InlineData("weightFormat: fp8", "weightFormat: nvfp4")]
        public void The_checks_messages_are_the_runtimes(string from, string to)
        {
            Diagnostic diagnostic = Run(Plan.Replace(from, to)).GeneratorDiagnostics.Single();

            // The emitted good plan with the same one change, as a C# user would make it at run time.
            ServingPlan good = Load(Run(Plan), "TestServing");
            int gpus = to == "gpus: 3" ? 3 : good.Gpus;
            ServingWorkload workload = to == "concurrency: 4096" ? good.Workload.WithConcurrency(4096) : good.Workload;
            WeightFormat weights = to == "weightFormat: nvfp4" ? WeightFormat.Nvfp4 : good.Weights;
            var bad = new ServingPlan(good.Model, good.System, gpus, good.Layout, weights, good.KvCache, workload,
                good.Compute, good.MemoryBandwidth, good.NetworkEfficiency, good.PrefillChunk, good.Id);

            PlanCheck check = Assert.Single(bad.Validate());
            Assert.Equal((diagnostic.Id, diagnostic.GetMessage()), (check.Id, check.Message));
            Assert.EndsWith($"docs/diagnostics/{diagnostic.Id}.md", diagnostic.Descriptor.HelpLinkUri);
        }

        [Theory]
        [InlineData("tensor: 2", "tensor: 0", "6,9: HWC128 Error")]
        [InlineData("concurrency: 16", "concurrency: 0", "9,14: HWC128 Error")]
        [InlineData("tensor: 2", "tensor: 2\nprefillChunk: 0", "7,15: HWC128 Error")]
        [InlineData("tensor: 2", "tensor: 2\nprefixHitRate: 1", "7,16: HWC128 Error")]
        [InlineData("tensor: 2", "tensor: 2\nacceptance: 1.5", "7,13: HWC128 Error")]
        [InlineData("computeEfficiency: 0.6", "computeEfficiency: 1.5", "12,20: HWC128 Error")]
        [InlineData("bandwidthEfficiency: 0.8", "bandwidthEfficiency: 0", "13,22: HWC128 Error")]
        [InlineData("networkEfficiency: 0.9", "networkEfficiency: 2", "14,20: HWC128 Error")]
        // 65,536 × 65,536 × 1 = 4,294,967,296 GPUs: more than an int holds.
        [InlineData("gpus: 2\ntensor: 2", "gpus: 2\ntensor: 65536\npipeline: 65536", "5,7: HWC128 Error")]
        [InlineData("weightFormat: fp8", "weightFormat: fp9", "7,15: HWC105 Error")]
        [InlineData("kvCache: fp8", "kvCache: int8", "8,10: HWC105 Error")]
        [InlineData("computeEfficiency: 0.6", "computeEfficiency: high", "12,20: HWC105 Error")]
        [InlineData("tensor: 2", "tensr: 2", "6,1: HWC104 Error")]
        [InlineData("model: test-shaped", "model: test-shapd", "3,8: HWC109 Error")]
        [InlineData("system: test-node", "system: test-h100", "4,9: HWC109 Error")]
        [InlineData("outputTokens: 512\n", "", "1,1: HWC102 Error")]
        [InlineData("weightFormat: fp8\n", "", "1,1: HWC102 Error")]
        public void Bad_values_are_reported_at_their_key(string from, string to, string expected)
        {
            string plan = Plan.Replace(from, to);
            Assert.NotEqual(Plan, plan);

            GeneratorResult result = Run(plan);

            Assert.Equal(new[] { expected }, PlanDiagnostics(result));
            Assert.DoesNotContain("ServingPlans.TestServing.g.cs", result.HintNames);
        }

        [Fact]
        public void An_unknown_weight_format_or_cache_precision_suggests_the_closest()
        {
            Assert.Contains("did you mean 'nvfp4'?", Run(Plan.Replace("weightFormat: fp8", "weightFormat: nvfp")).GeneratorDiagnostics.Single().GetMessage());
            Assert.Contains("did you mean 'bf16'?", Run(Plan.Replace("kvCache: fp8", "kvCache: bf1")).GeneratorDiagnostics.Single().GetMessage());
        }

        [Fact]
        public void A_model_without_its_full_shape_cannot_be_planned()
        {
            // Catalogs.Mla has no vocabulary size, FFN width or activation.
            GeneratorResult result = Run(Plan.Replace("model: test-shaped", "model: test-mla"), Catalogs.Mla);

            Assert.Equal(new[] { "3,8: HWC128 Error" }, PlanDiagnostics(result));
            Assert.Contains("its memory, latency and throughput cannot be modelled", result.GeneratorDiagnostics.Single(d => d.Id == "HWC128").GetMessage());
        }

        [Fact]
        public void The_plan_keys_weight_formats_and_cache_precisions_are_the_runtimes()
        {
            Assert.Equal(WeightFormat.All.Select(f => f.Key), ServingBuilder.WeightFormats);
            // The runtime stores a KV cache in any precision but the integer ones.
            Assert.Equal(Enum.GetValues<Precision>().Where(p => !p.IsInteger()).Select(p => p.CatalogKey()), ServingBuilder.KvCachePrecisions);

            Assert.Contains("bf16", ServingBuilder.KvCachePrecisions);
            Assert.DoesNotContain("int8", ServingBuilder.KvCachePrecisions);
        }

        // ------------------------------------------------------------------ helpers

        /// <summary>The emitted plan's run-time answers against the build's: the same model, so equal up to summation order.</summary>
        private static void AssertSame(ServingPlanOutput output, ServingPlan plan)
        {
            Assert.Equal(output.Plan.Id, plan.Id);
            ServingMemory memory = plan.Memory;
            Assert.Equal(output.DenseWeightBytes, memory.DenseWeights.Bytes, 1e-12 * output.DenseWeightBytes);
            Assert.Equal(output.ExpertWeightBytes, memory.ExpertWeights.Bytes, 1e-12 * (1 + output.ExpertWeightBytes));
            Assert.Equal(output.KvCacheBytes, memory.KvCache.Bytes, 1e-12 * output.KvCacheBytes);
            Assert.Equal(output.WorkspaceBytes, memory.Workspace.Bytes, 1e-12 * output.WorkspaceBytes);
            Assert.Equal(output.CapacityBytes, memory.Available.Bytes);
            Assert.Equal(output.NominalMemory, memory.AgainstNominalMemory);
            Assert.Equal(output.MaxConcurrency, plan.MaxConcurrency(output.Plan.InputTokens + output.Plan.OutputTokens));
            Assert.Equal(output.FlopRate, plan.Compute?.Value.FlopsPerSecond);
            Assert.Equal(output.Bandwidth, plan.MemoryBandwidth?.Value.BytesPerSecond);

            // TimeSpan keeps 100 ns ticks.
            Assert.Equal(output.TimeToFirstToken!.Value, plan.TimeToFirstToken!.Value.TotalSeconds, 1e-7);
            ServingDecode decode = plan.Decode!;
            Assert.Equal(output.TimePerOutputToken!.Value, decode.TimePerOutputToken.TotalSeconds, 1e-7);
            Assert.Equal(output.OutputTokensPerSecond!.Value, decode.OutputTokensPerSecond, 1e-9 * output.OutputTokensPerSecond.Value);
            Assert.Equal(output.GpuCount, plan.Gpus);
        }
    }
}
