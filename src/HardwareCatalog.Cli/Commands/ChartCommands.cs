using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.IO;
using System.Linq;
using System.Threading;
using HardwareCatalog.Cli.Catalogs;
using HardwareCatalog.Cli.Output;
using HardwareCatalog.Planning;
using HardwareCatalog.Units;
using ScottPlot;
using Color = ScottPlot.Color;
using Spectre.Console.Cli;

namespace HardwareCatalog.Cli.Commands
{
    /// <summary>The file a chart goes to and its size; the extension picks SVG or PNG.</summary>
    public interface IChartFile
    {
        string Out { get; }

        int Width { get; }

        int Height { get; }
    }

    /// <summary>Writes a ScottPlot plot as SVG or PNG, by the file's extension.</summary>
    public static class ChartFile
    {
        public static void Save(Plot plot, IChartFile file, CliOutput output)
        {
            if (string.IsNullOrWhiteSpace(file.Out)) throw new CliException("--out FILE.svg or FILE.png is required");
            if (file.Width is < 100 or > 10_000 || file.Height is < 100 or > 10_000) throw new CliException("--width and --height are between 100 and 10000 pixels");
            string extension = Path.GetExtension(file.Out).ToLowerInvariant();
            if (extension is not (".svg" or ".png")) throw new CliException($"--out: '{file.Out}' must end in .svg or .png");
            string path = Path.GetFullPath(file.Out);
            string? directory = Path.GetDirectoryName(path);
            if (directory is not null && !Directory.Exists(directory)) throw new CliException($"--out: the folder '{directory}' does not exist");
            try
            {
                if (extension == ".svg") plot.SaveSvg(path, file.Width, file.Height);
                else plot.SavePng(path, file.Width, file.Height);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliException($"--out: cannot write '{file.Out}': {e.Message}");
            }

            output.Note($"wrote {path} ({file.Width} × {file.Height})");
        }

        /// <summary>Log-10 axes: ScottPlot plots the logarithms, the ticks print the powers of ten.</summary>
        public static void LogAxis(IAxis axis, Func<double, string> label)
        {
            axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
            {
                MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
                IntegerTicksOnly = true,
                LabelFormatter = y => label(Math.Pow(10, y)),
            };
        }
    }

    public sealed class RooflineSettings : ServePlanSettings, IChartFile
    {
        [CommandOption("-o|--out <FILE>")]
        [Description("The chart file: .svg or .png.")]
        public string Out { get; set; } = "";

        [CommandOption("--width <PIXELS>")]
        [DefaultValue(1000)]
        public int Width { get; set; } = 1000;

        [CommandOption("--height <PIXELS>")]
        [DefaultValue(650)]
        public int Height { get; set; } = 650;

        [CommandOption("--gpu <ID>")]
        [Description("A GPU to draw (repeatable; default: the serving plan's GPU).")]
        public string[] GpuIds { get; set; } = Array.Empty<string>();

        [CommandOption("--precision <PRECISION>")]
        [Description("A compute roof to draw (repeatable; default: every dense tensor precision the GPU has among tf32, bf16, fp8, fp4).")]
        public string[] Precisions { get; set; } = Array.Empty<string>();
    }

    /// <summary>
    /// <c>hwcat chart roofline</c>: each GPU's compute roofs (dense peak per precision) and bandwidth slope over arithmetic
    /// intensity (FLOP per byte of memory traffic), and a serving plan's prefill and decode operating points when a model is given.
    /// </summary>
    public sealed class RooflineCommand : Command<RooflineSettings>
    {
        private readonly CliOutput _output;

        public RooflineCommand(CliOutput output) => _output = output;

        public override int Execute(CommandContext context, RooflineSettings settings, CancellationToken cancellationToken)
        {
            PlanFromFile<ServingPlan>? file = settings.File is null ? null : PlanFiles.Serving(settings, context.Arguments, PlanFiles.RooflineOptions, "chart roofline", _output);
            settings.RequireFileForId();
            ServingPlan? plan = file?.Plan ?? (settings.HasPlan ? settings.Plan() : null);
            List<Accelerator> gpus = settings.GpuIds.Select(CatalogLookup.Gpu).ToList();
            if (gpus.Count == 0 && plan is not null) gpus.Add(plan.System.Gpu);
            if (gpus.Count == 0) throw new CliException("give at least one --gpu, or a serving plan (--model, --system)");
            Precision[] wanted = settings.Precisions.Length > 0
                ? settings.Precisions.Select(p => OptionText.Precision(p, "--precision")).ToArray()
                : new[] { Precision.Tf32, Precision.Bf16, Precision.Fp8, Precision.Fp4 };

            var plot = new Plot();
            var palette = new ScottPlot.Palettes.Category10();
            double minIntensity = 0.1, maxIntensity = 1e5;
            for (int g = 0; g < gpus.Count; g++)
            {
                Accelerator gpu = gpus[g];
                if (gpu.MemoryBandwidth is not { } bandwidth) throw new CliException($"'{gpu.Id}' has no published memory bandwidth, so it has no roofline");
                Color color = palette.GetColor(g);
                Precision[] roofs = wanted.Where(gpu.Supports).ToArray();
                if (roofs.Length == 0) throw new CliException($"'{gpu.Id}' has none of the precisions asked for ({string.Join(", ", wanted.Select(p => p.CatalogKey()))})");
                foreach (Precision precision in roofs)
                {
                    double peak = gpu.Peak(precision).FlopsPerSecond;
                    double ridge = peak / bandwidth.BytesPerSecond;
                    var line = plot.Add.ScatterLine(
                        new[] { Math.Log10(minIntensity), Math.Log10(ridge), Math.Log10(maxIntensity) },
                        new[] { Math.Log10(minIntensity * bandwidth.BytesPerSecond), Math.Log10(peak), Math.Log10(peak) });
                    line.Color = color;
                    line.LineWidth = 2;
                    line.LegendText = $"{gpu.Id} {precision.DisplayName()} ({Field.Of(gpu.Peak(precision)).Display}, {Field.Of(bandwidth).Display})";
                }
            }

            if (plan is not null)
            {
                foreach ((string name, double intensity, double rate) in OperatingPoints(plan))
                {
                    var marker = plot.Add.Marker(Math.Log10(intensity), Math.Log10(rate));
                    marker.MarkerSize = 12;
                    marker.LegendText = $"{name}: {intensity.ToString("#,0.#", System.Globalization.CultureInfo.InvariantCulture)} FLOP/B, {Field.Of(FlopRate.FromFlopsPerSecond(rate)).Display}";
                }
            }

            string? planText = plan is null ? null : $"{plan.Model.Name}, {plan.Weights.Key}, concurrency {plan.Workload.Concurrency}";
            plot.Title(plan is null ? "Roofline" : file is null ? $"Roofline: {planText}" : $"Roofline: {plan.Id} ({planText})");
            plot.XLabel("Arithmetic intensity (FLOP per byte of memory traffic)");
            plot.YLabel("Throughput per GPU (FLOP/s)");
            ChartFile.LogAxis(plot.Axes.Bottom, x => x.ToString("#,0.##", System.Globalization.CultureInfo.InvariantCulture));
            ChartFile.LogAxis(plot.Axes.Left, y => FlopRate.FromFlopsPerSecond(y).ToString());
            plot.ShowLegend(Alignment.LowerRight);
            ChartFile.Save(plot, settings, _output);
            return 0;
        }

        /// <summary>
        /// A serving plan's operating points per GPU. Decode: one step's FLOPs (output tokens/s per GPU × step time × forward
        /// FLOPs per token at the full context) over the bytes one GPU reads in it (weights and KV cache). Prefill: a request's
        /// forward FLOPs over the GPU's weights, read once per request (docs/cli.md).
        /// </summary>
        public static IEnumerable<(string Name, double Intensity, double FlopsPerSecond)> OperatingPoints(ServingPlan plan)
        {
            int input = plan.Workload.InputTokens, context = input + plan.Workload.OutputTokens;
            if (plan.Decode is { } decode && decode.Step.TotalSeconds > 0)
            {
                double flopsPerToken = ModelFlops.ForwardPerToken(plan.Model, context).Count;
                double flopsPerSecond = decode.OutputTokensPerSecondPerGpu * flopsPerToken;
                double bytes = decode.WeightsRead.Bytes + decode.KvCacheRead.Bytes;
                if (bytes > 0) yield return ("decode", flopsPerSecond * decode.Step.TotalSeconds / bytes, flopsPerSecond);
            }

            if (plan.InputTokensPerSecond is double inputRate)
            {
                double flopsPerToken = ModelFlops.ForwardPerToken(plan.Model, input).Count;
                double flopsPerSecond = inputRate / plan.Gpus * flopsPerToken;
                ServingMemory memory = plan.Memory;
                double weights = memory.DenseWeights.Bytes + memory.ExpertWeights.Bytes;
                int gpusPerReplica = plan.Layout.Tensor * plan.Layout.Pipeline;
                if (weights > 0) yield return ("prefill", flopsPerToken * input / gpusPerReplica / weights, flopsPerSecond);
            }
        }
    }

    public sealed class MemoryChartSettings : TrainPlanSettings, IChartFile
    {
        [CommandOption("-o|--out <FILE>")]
        [Description("The chart file: .svg or .png.")]
        public string Out { get; set; } = "";

        [CommandOption("--width <PIXELS>")]
        [DefaultValue(800)]
        public int Width { get; set; } = 800;

        [CommandOption("--height <PIXELS>")]
        [DefaultValue(600)]
        public int Height { get; set; } = 600;
    }

    /// <summary><c>hwcat chart memory</c>: a training plan's memory per GPU as a bar stacked by term, against usable memory.</summary>
    public sealed class MemoryChartCommand : Command<MemoryChartSettings>
    {
        private readonly CliOutput _output;

        public MemoryChartCommand(CliOutput output) => _output = output;

        public override int Execute(CommandContext context, MemoryChartSettings settings, CancellationToken cancellationToken)
        {
            PlanFromFile<TrainingPlan>? file = settings.File is null ? null : PlanFiles.Training(settings, context.Arguments, PlanFiles.MemoryChartOptions, "chart memory", _output);
            settings.RequireFileForId();
            TrainingPlan plan = file?.Plan ?? settings.Plan();
            TrainingMemory memory = TrainCommand.TryEvaluateValue(() => plan.Memory)
                ?? throw new CliException($"the plan's memory cannot be evaluated: {string.Join("; ", plan.Validate().Select(c => c.ToString()))}");
            MemoryFit fit = plan.Fit;
            const double gib = 1024d * 1024 * 1024;
            var palette = new ScottPlot.Palettes.Category10();
            var plot = new Plot();
            double bottom = 0;
            int i = 0;
            foreach (TrainingMemoryTerm term in new[] { TrainingMemoryTerm.Parameters, TrainingMemoryTerm.Gradients, TrainingMemoryTerm.OptimizerStates, TrainingMemoryTerm.Activations })
            {
                double size = memory[term].Bytes / gib;
                Color color = palette.GetColor(i++);
                plot.Add.Bars(new[] { new Bar { Position = 0, ValueBase = bottom, Value = bottom + size, FillColor = color, Size = 0.5 } });
                plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"{term}: {Gib(memory[term])}", FillColor = color });
                bottom += size;
            }

            var line = plot.Add.HorizontalLine(fit.Available.Bytes / gib);
            line.LineWidth = 2;
            line.LinePattern = LinePattern.Dashed;
            line.Color = Colors.Black;
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"{(fit.AgainstNominalMemory ? "Nominal" : "Usable")} memory: {Gib(fit.Available)}", LineColor = Colors.Black, LineWidth = 2 });
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(new[] { 0.0 }, new[] { $"{plan.System.Gpu.Id}, {plan.Settings.Layout}" });
            plot.Axes.SetLimitsY(0, Math.Max(bottom, fit.Available.Bytes / gib) * 1.15);
            plot.Axes.SetLimitsX(-1, 1);
            string named = file is null ? plan.Model.Name : $"{plan.Id} ({plan.Model.Name})";
            plot.Title($"{named}: memory per GPU ({(fit.Fits ? "fits" : "overflows by " + fit.Overflow)})");
            plot.YLabel("GiB per GPU");
            plot.ShowLegend(Alignment.UpperRight);
            ChartFile.Save(plot, settings, _output);
            return 0;
        }

        /// <summary>A size in GiB, the memory chart's axis unit, so the legend and the axis read alike.</summary>
        private static string Gib(DataSize size) => (size.Bytes / (1024d * 1024 * 1024)).ToString("N2", System.Globalization.CultureInfo.InvariantCulture) + " GiB";
    }

    public sealed class ServingChartSettings : ServePlanSettings, IChartFile
    {
        [CommandOption("-o|--out <FILE>")]
        [Description("The chart file: .svg or .png.")]
        public string Out { get; set; } = "";

        [CommandOption("--width <PIXELS>")]
        [DefaultValue(900)]
        public int Width { get; set; } = 900;

        [CommandOption("--height <PIXELS>")]
        [DefaultValue(600)]
        public int Height { get; set; } = 600;

        [CommandOption("--max-concurrency <N>")]
        [Description("Largest concurrency of the sweep (default: the most that fit at the context, at most 4096).")]
        public int? MaxConcurrency { get; set; }
    }

    /// <summary><c>hwcat chart serving</c>: the throughput–latency curve of a serving plan over concurrency (ServingPlan.Sweep).</summary>
    public sealed class ServingChartCommand : Command<ServingChartSettings>
    {
        private readonly CliOutput _output;

        public ServingChartCommand(CliOutput output) => _output = output;

        public override int Execute(CommandContext context, ServingChartSettings settings, CancellationToken cancellationToken)
        {
            PlanFromFile<ServingPlan>? file = settings.File is null ? null : PlanFiles.Serving(settings, context.Arguments, PlanFiles.ServingChartOptions, "chart serving", _output);
            settings.RequireFileForId();
            ServingPlan plan = file?.Plan ?? settings.Plan();
            int max = settings.MaxConcurrency ?? Math.Min(4096, plan.MaxConcurrency(plan.Workload.InputTokens + plan.Workload.OutputTokens));
            if (max < 1) throw new CliException("no sequence fits at this context: the weights take the memory");
            var concurrencies = new List<int>();
            for (int c = 1; c < max; c *= 2) concurrencies.Add(c);
            concurrencies.Add(max);
            IReadOnlyList<ServingPoint> points = plan.Sweep(concurrencies).Where(p => p.Fits).ToList();
            if (points.Count == 0) throw new CliException("the plan has no decode time: give --compute-efficiency and --bandwidth-efficiency where the catalog has no measured rate");

            var plot = new Plot();
            var curve = plot.Add.Scatter(points.Select(p => 1 / p.TimePerOutputToken.TotalSeconds).ToArray(), points.Select(p => p.OutputTokensPerSecondPerGpu).ToArray());
            curve.LegendText = $"{plan.Model.Name}, {plan.Weights.Key}, {plan.Gpus} × {plan.System.Gpu.Id} ({plan.Layout})";
            curve.LineWidth = 2;
            curve.MarkerSize = 7;
            foreach (ServingPoint point in points)
            {
                var label = plot.Add.Text(point.Concurrency.ToString(), 1 / point.TimePerOutputToken.TotalSeconds, point.OutputTokensPerSecondPerGpu);
                label.LabelFontSize = 11;
                label.OffsetY = -6;
            }

            // From a file, the plan's id leads and the title is shorter, so that it fits the default width.
            plot.Title(file is null
                ? "Throughput against interactivity over concurrency (labels: sequences in flight)"
                : $"{plan.Id}: throughput against interactivity (labels: sequences in flight)");
            plot.XLabel("Output tokens/s per sequence (1 / time per output token)");
            plot.YLabel("Output tokens/s per GPU");
            plot.ShowLegend(Alignment.UpperRight);
            ChartFile.Save(plot, settings, _output);
            return 0;
        }
    }
}
