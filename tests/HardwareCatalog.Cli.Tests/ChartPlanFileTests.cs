using System;
using System.Buffers.Binary;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using HardwareCatalog.Planning;
using HardwareCatalog.Testing;
using HardwareCatalog.Units;
using Xunit;
using static HardwareCatalog.Cli.Tests.PlanFileTexts;

namespace HardwareCatalog.Cli.Tests
{
    /// <summary><c>hwcat chart memory|serving|roofline FILE</c>: charts of plans from plan catalog files.</summary>
    public class ChartPlanFileTests
    {
        /// <summary>Two training plans and two serving plans in one file.</summary>
        private const string TwoOfEachKind = PlanFileTexts.SeveralPlans + "\n" + """
            - kind: serving
              id: llama-70b-tp8
              model: llama-3.1-70b
              system: dgx-h100
              gpus: 8
              tensor: 8
              weightFormat: bf16
              concurrency: 32
              inputTokens: 7168
              outputTokens: 1024
              bandwidthEfficiency: 0.8
            """;

        /// <summary>A serving plan over memory: DeepSeek-V3's 671 B parameters in BF16 (1.34 TB) on one DGX H100 (8 × 80 GB).</summary>
        private const string OverMemoryServing = """
            kind: serving
            id: too-big-serving
            model: deepseek-v3
            system: dgx-h100
            gpus: 8
            tensor: 8
            weightFormat: bf16
            concurrency: 64
            inputTokens: 7168
            outputTokens: 1024
            bandwidthEfficiency: 0.8
            """;

        [Theory]
        [InlineData("memory", ".png", 640, 480)]
        [InlineData("memory", ".svg", 720, 540)]
        [InlineData("serving", ".png", 1200, 700)]
        [InlineData("serving", ".svg", 900, 500)]
        [InlineData("roofline", ".png", 1000, 650)]
        [InlineData("roofline", ".svg", 800, 600)]
        public void A_plan_file_gives_a_chart_of_the_requested_size(string chart, string extension, int width, int height)
        {
            using var folder = new TempCatalog();
            string path = Path.Combine(folder.Root, "chart" + extension);
            string plan = chart == "memory" ? Llama405BPlan : DeepSeekV3Serving;

            Hwcat.Result result = Hwcat.Run("chart", chart, plan, "--out", path, "--width", width.ToString(CultureInfo.InvariantCulture), "--height", height.ToString(CultureInfo.InvariantCulture));

            Assert.Equal(0, result.ExitCode);
            Assert.True(File.Exists(path), result.Errors);
            Assert.Contains($"wrote {path} ({width} × {height})", result.Errors);
            if (extension == ".png")
            {
                byte[] png = File.ReadAllBytes(path);
                Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
                Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
                Assert.Equal(width, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
                Assert.Equal(height, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
            }
            else
            {
                XElement svg = XDocument.Load(path).Root!;
                Assert.Equal("svg", svg.Name.LocalName);
                Assert.Equal(width.ToString(CultureInfo.InvariantCulture), svg.Attribute("width")!.Value);
                Assert.Equal(height.ToString(CultureInfo.InvariantCulture), svg.Attribute("height")!.Value);
            }
        }

        [Fact]
        public void Chart_memory_of_a_file_draws_the_plan_the_options_give_under_a_title_with_the_plan_id()
        {
            // The emitted TrainingPlans.Llama3_1_405b8k (docs/dsl.md, "Training plans"), from the values of the sample file.
            var plan = new TrainingPlan(Models.Find("llama-3.1-405b")!, Systems.Find("dgx-h100")!, 16384,
                new TrainingSettings(new ParallelLayout(tensor: 8, pipeline: 16, data: 128, expert: 1, virtualStages: 1, sequenceParallel: true, context: 1),
                    microBatch: 1, sequenceLength: 8192, globalBatch: 2048, recipe: PrecisionRecipe.Bf16Mixed, zero: ZeroStage.Gradients,
                    recomputation: ActivationRecomputation.Selective, stateLayout: null, activationStorage: ActivationStorage.Korthikanti),
                perGpu: null, networkEfficiency: 1d, overlapDataParallel: true, id: "llama-3.1-405b-8k");
            string fit = plan.Fit.Fits ? "fits" : "overflows by " + plan.Fit.Overflow;
            string optionsTitle = $"{plan.Model.Name}: memory per GPU ({fit})";

            (string fromFile, string fromOptions) = FileAndOptionsSvgs("memory", Llama405BPlan, Llama405BOptions);

            string fileTitle = $"llama-3.1-405b-8k ({plan.Model.Name}): memory per GPU ({fit})";
            Assert.DoesNotContain("llama-3.1-405b-8k", fromOptions);
            // Each term of the legend in GiB (the chart's unit: bytes / 1024³), from the plan the emitter builds.
            foreach ((string term, DataSize size) in new[]
                     {
                         ("Parameters", plan.Memory.Terms.Parameters), ("Gradients", plan.Memory.Terms.Gradients),
                         ("OptimizerStates", plan.Memory.Terms.OptimizerStates), ("Activations", plan.Memory.Terms.Activations),
                     })
            {
                Assert.Contains($"{term}: {Gib(size)}", Texts(fromFile));
            }

            Assert.Contains($"Usable memory: {Gib(plan.Fit.Available)}", Texts(fromFile));
            // The same plan: apart from the title, the file's chart is the options' chart to the byte.
            Assert.Equal(WithoutTitle(fromOptions, optionsTitle), WithoutTitle(fromFile, fileTitle));
        }

        [Fact]
        public void Chart_serving_of_a_file_draws_the_plan_the_options_give_under_a_title_with_the_plan_id()
        {
            const string optionsTitle = "Throughput against interactivity over concurrency (labels: sequences in flight)";
            const string fileTitle = "deepseek-v3-h200: throughput against interactivity (labels: sequences in flight)";

            (string fromFile, string fromOptions) = FileAndOptionsSvgs("serving", DeepSeekV3Serving, DeepSeekV3ServingOptions);

            // The legend names the file's deployment: DeepSeek-V3, FP8 weights, 8 × H200 SXM at TP 8.
            var layout = new ServingLayout(tensor: 8, pipeline: 1, expert: 1, replicas: 1, redundantExperts: 0);
            Assert.Contains(Texts(fromFile), t => t == $"{Models.Find("deepseek-v3")!.Name}, fp8, 8 × h200-sxm ({layout})");
            Assert.Equal(WithoutTitle(fromOptions, optionsTitle), WithoutTitle(fromFile, fileTitle));
        }

        [Fact]
        public void Chart_roofline_of_a_file_draws_the_plans_points_on_its_gpu_under_a_title_with_the_plan_id()
        {
            string plan = $"{Models.Find("deepseek-v3")!.Name}, fp8, concurrency 64";

            (string fromFile, string fromOptions) = FileAndOptionsSvgs("roofline", DeepSeekV3Serving, DeepSeekV3ServingOptions);

            // Without --gpu, the plan's GPU: the H200 SXM's roofs, and the plan's two operating points.
            string[] texts = Texts(fromFile);
            Assert.Contains(texts, t => t.StartsWith("h200-sxm FP8 (", StringComparison.Ordinal));
            Assert.Contains(texts, t => t.StartsWith("decode: ", StringComparison.Ordinal));
            Assert.Contains(texts, t => t.StartsWith("prefill: ", StringComparison.Ordinal));
            Assert.Equal(WithoutTitle(fromOptions, $"Roofline: {plan}"), WithoutTitle(fromFile, $"Roofline: deepseek-v3-h200 ({plan})"));
        }

        [Fact]
        public void Chart_roofline_of_a_file_takes_the_charts_own_gpu_and_precision_options()
        {
            using var folder = new TempCatalog();
            string path = Path.Combine(folder.Root, "roofline.svg");

            Hwcat.Result result = Hwcat.Run("chart", "roofline", DeepSeekV3Serving, "--gpu", "b200", "--precision", "fp4", "--out", path);

            Assert.Equal(0, result.ExitCode);
            string[] texts = Texts(File.ReadAllText(path));
            Assert.Contains(texts, t => t.StartsWith("b200 FP4 (", StringComparison.Ordinal));
            Assert.DoesNotContain(texts, t => t.Contains("h200-sxm", StringComparison.Ordinal));
            Assert.DoesNotContain(texts, t => t.StartsWith("b200 FP8", StringComparison.Ordinal));
            Assert.Contains(texts, t => t.StartsWith("decode: ", StringComparison.Ordinal));
        }

        [Theory]
        [InlineData("memory")]
        [InlineData("serving")]
        [InlineData("roofline")]
        public void A_bad_plan_file_prints_the_lines_validate_prints_for_it_exits_1_and_draws_nothing(string chart)
        {
            using var folder = new TempCatalog();
            string file = folder.Write("too-big.yaml", chart == "memory" ? OverMemoryTraining : OverMemoryServing);
            string path = Path.Combine(folder.Root, "chart.svg");

            Hwcat.Result result = Hwcat.Run("chart", chart, file, "--out", path);
            Hwcat.Result validate = Hwcat.Run("validate", file);

            Assert.Equal(1, validate.ExitCode);
            Assert.Equal(1, result.ExitCode);
            string[] expected = Lines(validate.Raw);
            Assert.Contains(expected, l => l.Contains("too-big.yaml(", StringComparison.Ordinal) && l.Contains("): error HWC2", StringComparison.Ordinal));
            Assert.Equal(expected, Lines(result.Errors));
            Assert.False(File.Exists(path));
        }

        [Theory]
        [InlineData("memory", "--tensor,4,--zero,1,--width,640", "--tensor, --zero", "--catalog, --out, --width, --height, --id")]
        [InlineData("serving", "--max-concurrency,16,--concurrency=8", "--concurrency", "--catalog, --out, --width, --height, --max-concurrency, --id")]
        [InlineData("roofline", "--gpu,b200,-m,deepseek-v3,--precision,fp8", "-m", "--catalog, --out, --width, --height, --gpu, --precision, --id")]
        public void An_option_that_gives_the_plan_is_refused_with_a_file_in_one_line(string chart, string options, string named, string allowed)
        {
            using var folder = new TempCatalog();
            string path = Path.Combine(folder.Root, "chart.svg");
            string file = chart == "memory" ? Llama405BPlan : DeepSeekV3Serving;

            Hwcat.Result result = Hwcat.Run(new[] { "chart", chart, file }.Concat(options.Split(',')).Concat(new[] { "--out", path }).ToArray());

            Assert.Equal(2, result.ExitCode);
            Assert.Equal($"error: {named}: the plan file gives the plan; with a file, chart {chart} takes only {allowed}", Assert.Single(Lines(result.Errors)));
            Assert.False(File.Exists(path));
        }

        [Fact]
        public void A_file_with_several_plans_of_the_kind_needs_id_and_id_picks_one()
        {
            using var folder = new TempCatalog();
            string file = folder.Write("plans.yaml", TwoOfEachKind);
            string path = Path.Combine(folder.Root, "chart.svg");

            Hwcat.Result memory = Hwcat.Run("chart", "memory", file, "--out", path);
            Assert.Equal(2, memory.ExitCode);
            Assert.Contains("holds 2 training plans; choose one with --id: llama-70b-tp8-pp4, llama-70b-tp8-pp2", memory.Errors);
            foreach (string chart in new[] { "serving", "roofline" })
            {
                Hwcat.Result serving = Hwcat.Run("chart", chart, file, "--out", path);
                Assert.Equal(2, serving.ExitCode);
                Assert.Contains("holds 2 serving plans; choose one with --id: llama-70b-tp4, llama-70b-tp8", serving.Errors);
            }

            Assert.False(File.Exists(path));

            // --id picks the second plan: full recomputation, so its activations, not the first plan's (selective), are drawn.
            Hwcat.Result picked = Hwcat.Run("chart", "memory", file, "--id", "llama-70b-tp8-pp2", "--out", path);
            Assert.Equal(0, picked.ExitCode);
            string svg = File.ReadAllText(path);
            var second = new TrainingPlan(Models.Llama31_70B, Systems.DgxH100, 64,
                new TrainingSettings(new ParallelLayout(tensor: 8, pipeline: 2, data: 4), 1, 4096, 64, PrecisionRecipe.Bf16Mixed, recomputation: ActivationRecomputation.Full));
            var first = new TrainingPlan(Models.Llama31_70B, Systems.DgxH100, 64,
                new TrainingSettings(new ParallelLayout(tensor: 8, pipeline: 4, data: 2), 1, 4096, 64, PrecisionRecipe.Bf16Mixed, recomputation: ActivationRecomputation.Selective));
            Assert.NotEqual(Gib(first.Memory.Terms.Activations), Gib(second.Memory.Terms.Activations));
            Assert.Contains($"Activations: {Gib(second.Memory.Terms.Activations)}", Texts(svg));
            Assert.Contains(Texts(svg), t => t.StartsWith($"llama-70b-tp8-pp2 ({second.Model.Name}): memory per GPU (", StringComparison.Ordinal));

            Hwcat.Result unknown = Hwcat.Run("chart", "serving", file, "--id", "llama-70b-tp2", "--out", path);
            Assert.Equal(2, unknown.ExitCode);
            Assert.Contains("--id: ", unknown.Errors);
            Assert.Contains("holds no serving plan 'llama-70b-tp2'; its serving plans: llama-70b-tp4, llama-70b-tp8", unknown.Errors);
        }

        [Fact]
        public void A_file_without_a_plan_of_the_kind_and_id_without_a_file_are_usage_errors()
        {
            using var folder = new TempCatalog();
            string path = Path.Combine(folder.Root, "chart.svg");

            Hwcat.Result memory = Hwcat.Run("chart", "memory", DeepSeekV3Serving, "--out", path);
            Assert.Equal(2, memory.ExitCode);
            Assert.Contains("holds no training plan (an entry of kind: training); it holds a serving plan", memory.Errors);

            foreach (string chart in new[] { "serving", "roofline" })
            {
                Hwcat.Result serving = Hwcat.Run("chart", chart, Llama405BPlan, "--out", path);
                Assert.Equal(2, serving.ExitCode);
                Assert.Contains("holds no serving plan (an entry of kind: serving); it holds a training plan", serving.Errors);
            }

            Hwcat.Result gpuFile = Hwcat.Run("chart", "memory", folder.Write("gpu.yaml", UserCatalogTexts.DerivedGpu), "--out", path);
            Assert.Equal(2, gpuFile.ExitCode);
            Assert.Contains("holds no training plan", gpuFile.Errors);

            Hwcat.Result id = Hwcat.Run("chart", "memory", "--model", "llama-3.1-70b", "--system", "dgx-h100", "--tensor", "8", "--id", "x", "--out", path);
            Assert.Equal(2, id.ExitCode);
            Assert.Contains("error: --id picks a plan of a plan file; give the file", id.Errors);

            Hwcat.Result missing = Hwcat.Run("chart", "serving", "no-such-plan.yaml", "--out", path);
            Assert.Equal(2, missing.ExitCode);
            Assert.Contains("error: chart serving: no such file or directory: 'no-such-plan.yaml'", missing.Errors);
            Assert.False(File.Exists(path));
        }

        [Fact]
        public void The_catalog_files_are_checked_with_the_plan_file_in_one_run()
        {
            using var folder = new TempCatalog();
            // llama-3.1-70b under another id, from a --catalog file: the plan resolves against it as a build would.
            string catalog = folder.Write("catalog/models.yaml", UserCatalogTexts.DerivedModel);
            string file = folder.Write("plan.yaml", TwoOfEachKind.Replace("model: llama-3.1-70b", "model: acme-70b"));
            string path = Path.Combine(folder.Root, "chart.svg");

            Hwcat.Result alone = Hwcat.Run("chart", "serving", file, "--id", "llama-70b-tp4", "--out", path);
            Assert.Equal(1, alone.ExitCode);
            Assert.Contains("plan.yaml(", alone.Errors);
            Assert.False(File.Exists(path));

            Hwcat.Result withCatalog = Hwcat.Run("chart", "serving", file, "--id", "llama-70b-tp4", "--catalog", Path.GetDirectoryName(catalog)!, "--out", path);
            Assert.Equal(0, withCatalog.ExitCode);
            string svg = File.ReadAllText(path);
            Assert.Contains("llama-70b-tp4: throughput against interactivity (labels: sequences in flight)", Texts(svg));
            Assert.Contains(Texts(svg), t => t.StartsWith("Acme 70B, fp8, 4 × h100-sxm (", StringComparison.Ordinal));
        }

        /// <summary>The SVG chart of the plan file and of the options that give the same plan, both at the default size.</summary>
        private static (string FromFile, string FromOptions) FileAndOptionsSvgs(string chart, string file, string[] options)
        {
            using var folder = new TempCatalog();
            string filePath = Path.Combine(folder.Root, "file.svg");
            string optionsPath = Path.Combine(folder.Root, "options.svg");

            Hwcat.Result fromFile = Hwcat.Run("chart", chart, file, "--out", filePath);
            Hwcat.Result fromOptions = Hwcat.Run(new[] { "chart", chart }.Concat(options).Concat(new[] { "--out", optionsPath }).ToArray());

            Assert.Equal(0, fromFile.ExitCode);
            Assert.Equal(0, fromOptions.ExitCode);
            return (File.ReadAllText(filePath), File.ReadAllText(optionsPath));
        }

        /// <summary>The SVG's text elements, each as the text it draws.</summary>
        private static string[] Texts(string svg)
            => XDocument.Parse(svg).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ToArray();

        /// <summary>
        /// The SVG without its one text element that draws <paramref name="title"/> (ScottPlot places each glyph, so the title's
        /// width moves nothing else), its clip-path ids numbered in order of appearance: ScottPlot numbers them from a counter
        /// shared by every plot of the process.
        /// </summary>
        private static string WithoutTitle(string svg, string title)
        {
            XDocument document = XDocument.Parse(svg);
            Assert.Single(document.Descendants(), e => e.Name.LocalName == "text" && e.Value.Trim() == title).Remove();
            var ids = new System.Collections.Generic.Dictionary<string, int>(StringComparer.Ordinal);
            return Regex.Replace(document.ToString(), @"\bcl_[0-9a-f]+\b", m => "clip" + (ids.TryGetValue(m.Value, out int n) ? n : ids[m.Value] = ids.Count));
        }

        /// <summary>A size as the memory chart's legend prints it: bytes / 1024³, two decimals.</summary>
        private static string Gib(DataSize size) => (size.Bytes / (1024d * 1024 * 1024)).ToString("N2", CultureInfo.InvariantCulture) + " GiB";

        private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
