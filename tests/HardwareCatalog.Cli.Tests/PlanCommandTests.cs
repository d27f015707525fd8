using System;
using System.Buffers.Binary;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Xml.Linq;
using HardwareCatalog.Planning;
using HardwareCatalog.Units;
using Xunit;

namespace HardwareCatalog.Cli.Tests
{
    public class PlanCommandTests
    {
        [Fact]
        public void Train_of_a_plan_over_memory_prints_HWC208_and_exits_1()
        {
            Hwcat.Result result = Hwcat.Run("train", "--model", "llama-3.1-70b", "--system", "dgx-h100", "--gpus", "8", "--format", "json");

            Assert.Equal(1, result.ExitCode);
            Assert.Contains("error HWC208: ", result.Errors);
            // The same plan through the API: the CLI's defaults are micro-batch 1, 4096 tokens, global batch micro-batch × data.
            var plan = new TrainingPlan(Models.Llama31_70B, Systems.DgxH100, 8, new TrainingSettings(new ParallelLayout(data: 8), 1, 4096, 8, PrecisionRecipe.Bf16Mixed));
            JsonElement json = result.Json();
            Assert.Equal(plan.Memory.Total.Bytes, Hwcat.Quantity(json.GetProperty("memory").EnumerateArray().Single(r => r.GetProperty("part").GetString() == "total").GetProperty("total"), "B"));
            Assert.False(json.GetProperty("fit").GetProperty("fits").GetBoolean());
            Assert.Equal(plan.Fit.Overflow.Bytes, Hwcat.Quantity(json.GetProperty("fit").GetProperty("overflow"), "B"));
            Assert.Equal(plan.Validate().Select(c => c.Id), json.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        }

        [Fact]
        public void Train_prints_memory_terms_step_throughput_mfu_time_and_cost_as_the_plan_computes_them()
        {
            Hwcat.Result result = Hwcat.Run("train", "--model", "llama-3.1-70b", "--system", "dgx-h100", "--gpus", "64", "--tensor", "8", "--pipeline", "4",
                "--global-batch", "64", "--recompute", "selective", "--tokens", "1T", "--price", "2", "--format", "json");

            Assert.Equal(0, result.ExitCode);
            var plan = new TrainingPlan(Models.Llama31_70B, Systems.DgxH100, 64,
                new TrainingSettings(new ParallelLayout(tensor: 8, pipeline: 4, data: 2), 1, 4096, 64, PrecisionRecipe.Bf16Mixed, recomputation: ActivationRecomputation.Selective));
            JsonElement json = result.Json();
            JsonElement layers = json.GetProperty("memory").EnumerateArray().Single(r => r.GetProperty("part").GetString() == "layers");
            Assert.Equal(plan.Memory.Layers.Activations.Bytes, Hwcat.Quantity(layers.GetProperty("activations"), "B"));
            Assert.Equal(plan.Memory.Layers.OptimizerStates.Bytes, Hwcat.Quantity(layers.GetProperty("optimizerStates"), "B"));
            Assert.True(json.GetProperty("fit").GetProperty("fits").GetBoolean());

            StepTimeBreakdown step = plan.Step!;
            JsonElement printed = json.GetProperty("step");
            Assert.Equal(step.Total.TotalSeconds, Hwcat.Quantity(printed.GetProperty("total"), "s"));
            Assert.Equal(step.TensorParallel.TotalSeconds, Hwcat.Quantity(printed.GetProperty("tensorParallel"), "s"));
            Assert.Equal(step.TokensPerSecond, Hwcat.Quantity(printed.GetProperty("tokensPerSecond"), "tokens/s"));
            Assert.Equal(step.Mfu(Gpus.H100Sxm.Dense.Bf16), printed.GetProperty("mfu").GetDouble());

            TimeSpan time = step.TimeFor(Tokens.FromTrillions(1));
            Assert.Equal(time.TotalSeconds, Hwcat.Quantity(json.GetProperty("run").GetProperty("time"), "s"));
            // Cost = GPUs × hours × $2 per GPU-hour.
            Assert.Equal(64 * time.TotalHours * 2, Hwcat.Quantity(json.GetProperty("run").GetProperty("cost"), "USD"), 6);
            Assert.Equal("", result.Errors);
        }

        [Fact]
        public void Serve_prints_memory_concurrency_latency_throughput_and_cost_as_the_plan_computes_them()
        {
            Hwcat.Result result = Hwcat.Run("serve", "--model", "llama-3.1-70b", "--system", "dgx-h100", "--tensor", "4", "--weights", "fp8",
                "--concurrency", "64", "--bandwidth-efficiency", "0.8", "--price", "2", "--format", "json");

            Assert.Equal(0, result.ExitCode);
            var plan = new ServingPlan(Models.Llama31_70B, Systems.DgxH100, 4, new ServingLayout(tensor: 4), WeightFormat.Fp8, Precision.Bf16,
                new ServingWorkload(64, 7168, 1024), memoryBandwidth: Achieved.FromEfficiency(Gpus.H100Sxm.MemoryBandwidth, 0.8));
            JsonElement json = result.Json();
            Assert.Equal(plan.Memory.KvCache.Bytes, Hwcat.Quantity(json.GetProperty("memory").GetProperty("kvCache"), "B"));
            Assert.Equal(plan.Memory.Left.Bytes, Hwcat.Quantity(json.GetProperty("memory").GetProperty("left"), "B"));
            Hwcat.AssertServingPerformance(plan, json.GetProperty("performance"), context: 7168 + 1024, usdPerGpuHour: 2);
        }

        [Fact]
        public void Serve_of_a_model_that_cannot_fit_reports_its_error_checks_and_exits_1()
        {
            Hwcat.Result result = Hwcat.Run("serve", "--model", "llama-3.1-405b", "--system", "dgx-h100", "--format", "json");

            var plan = new ServingPlan(Models.Llama31_405B, Systems.DgxH100, 1, new ServingLayout(), WeightFormat.Bf16, Precision.Bf16, new ServingWorkload(1, 7168, 1024));
            string[] errors = plan.Validate().Where(c => c.Severity == PlanCheckSeverity.Error).Select(c => c.Id).ToArray();
            Assert.NotEmpty(errors);
            Assert.Equal(1, result.ExitCode);
            foreach (string id in errors) Assert.Contains($"error {id}: ", result.Errors);
        }

        [Theory]
        [InlineData("train")]
        [InlineData("serve")]
        [InlineData("search")]
        public void A_model_without_a_shape_gets_a_message_instead_of_an_empty_plan(string command)
        {
            // The catalog's models given only by their parameter count: the runtime's FLOPs model refuses them.
            ModelSpec[] shapeless = Models.All.Where(m => Throws(() => ModelFlops.ForwardPerToken(m, 1))).ToArray();
            Assert.NotEmpty(shapeless);

            string[] size = command == "search" ? new[] { "--gpus", "8", "--global-batch", "8" } : new[] { "--gpus", "8" };
            Hwcat.Result result = Hwcat.Run(new[] { command, "--model", shapeless[0].Id, "--system", "dgx-h100" }.Concat(size).ToArray());

            Assert.Equal(HwcatApp.UsageError, result.ExitCode);
            Assert.Contains($"'{shapeless[0].Id}' does not give the shape", result.Errors);
            Assert.Equal("", result.Output);
        }

        private static bool Throws(Action action)
        {
            try
            {
                action();
                return false;
            }
            catch (InvalidOperationException)
            {
                return true;
            }
        }

        [Fact]
        public void Search_prints_the_search_result_best_first()
        {
            Hwcat.Result result = Hwcat.Run("search", "--model", "llama-3.1-70b", "--system", "dgx-h100", "--gpus", "1024", "--global-batch", "1024",
                "--sequence-length", "8192", "--top", "3", "--format", "json");

            Assert.Equal(0, result.ExitCode);
            Assert.Contains("Searching layouts of llama-3.1-70b on 1024 × h100-sxm", result.Status);
            Assert.Contains("100%", result.Status);
            TrainingSearchResult expected = TrainingSearch.Run(new TrainingSearchSpace(Models.Llama31_70B, Systems.DgxH100, 1024, 8192, 1024, PrecisionRecipe.Bf16Mixed), 3);
            JsonElement json = result.Json();
            Assert.Equal(expected.Evaluated, json.GetProperty("search").GetProperty("evaluated").GetInt64());
            Assert.Equal(expected.Fitting, json.GetProperty("search").GetProperty("fitting").GetInt64());
            JsonElement[] plans = json.GetProperty("plans").EnumerateArray().ToArray();
            Assert.Equal(expected.Best.Count, plans.Length);
            for (int i = 0; i < plans.Length; i++)
            {
                TrainingPlan plan = expected.Best[i];
                Assert.Equal(plan.Settings.Layout.Tensor, plans[i].GetProperty("tensor").GetInt32());
                Assert.Equal(plan.Settings.Layout.Pipeline, plans[i].GetProperty("pipeline").GetInt32());
                Assert.Equal(plan.Settings.Layout.Data, plans[i].GetProperty("data").GetInt32());
                Assert.Equal((int)plan.Settings.Zero, plans[i].GetProperty("zero").GetInt32());
                Assert.Equal(plan.Step!.Total.TotalSeconds, Hwcat.Quantity(plans[i].GetProperty("stepTime"), "s"));
            }
        }

        [Fact]
        public void Chart_roofline_writes_an_svg_of_the_requested_size()
        {
            string path = TempFile(".svg");
            Hwcat.Result result = Hwcat.Run("chart", "roofline", "--gpu", "h100-sxm", "--gpu", "b200", "--model", "llama-3.1-70b", "--system", "dgx-h100",
                "--tensor", "4", "--weights", "fp8", "--concurrency", "64", "--bandwidth-efficiency", "0.8", "--out", path, "--width", "720", "--height", "480");

            Assert.Equal(0, result.ExitCode);
            XElement svg = XDocument.Load(path).Root!;
            Assert.Equal("svg", svg.Name.LocalName);
            Assert.Equal("720", svg.Attribute("width")!.Value);
            Assert.Equal("480", svg.Attribute("height")!.Value);
            // A legend entry per roof: B200 has TF32, BF16, FP8 and FP4; H100 SXM has no FP4.
            string text = File.ReadAllText(path);
            Assert.Contains("b200 FP4", text);
            Assert.DoesNotContain("h100-sxm FP4", text);
            Assert.Contains("decode:", text);
            Assert.Contains("prefill:", text);
            File.Delete(path);
        }

        [Theory]
        [InlineData("memory", 640, 480)]
        [InlineData("serving", 1200, 700)]
        public void Chart_writes_a_png_whose_header_has_the_requested_size(string chart, int width, int height)
        {
            string path = TempFile(".png");
            string[] plan = chart == "memory"
                ? new[] { "--model", "llama-3.1-70b", "--system", "dgx-h100", "--gpus", "64", "--tensor", "8", "--pipeline", "4", "--global-batch", "64" }
                : new[] { "--model", "llama-3.1-70b", "--system", "dgx-h100", "--tensor", "4", "--weights", "fp8", "--bandwidth-efficiency", "0.8" };
            Hwcat.Result result = Hwcat.Run(new[] { "chart", chart }.Concat(plan).Concat(new[] { "--out", path, "--width", width.ToString(), "--height", height.ToString() }).ToArray());

            Assert.Equal(0, result.ExitCode);
            byte[] png = File.ReadAllBytes(path);
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
            Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
            Assert.Equal(width, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
            Assert.Equal(height, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
            File.Delete(path);
        }

        private static string TempFile(string extension)
        {
            return Path.Combine(Path.GetTempPath(), "hwcat-test-" + Guid.NewGuid().ToString("N") + extension);
        }
    }
}
