using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using System.Threading;
using HardwareCatalog.Cli.Catalogs;
using HardwareCatalog.Cli.Output;
using HardwareCatalog.Planning;
using HardwareCatalog.Units;
using Spectre.Console;
using Spectre.Console.Cli;

namespace HardwareCatalog.Cli.Commands
{
    /// <summary>Checks as a section and as <c>error HWC2xx: message</c> lines on standard error; the exit code they imply.</summary>
    public static class PlanChecks
    {
        public static int Report(IReadOnlyList<PlanCheck> checks, Report report, CliOutput output)
        {
            Section section = report.Table("checks", "Checks", ("id", "Id"), ("severity", "Severity"), ("field", "Field"), ("message", "Message"));
            foreach (PlanCheck check in checks)
            {
                section.Add(Field.Of(check.Id), Field.Of(check.Severity == PlanCheckSeverity.Error ? "error" : "warning"), Field.Of(check.Field), Field.Of(check.Message));
            }

            return checks.Any(c => c.Severity == PlanCheckSeverity.Error) ? 1 : 0;
        }

        /// <summary>Prints each check in the compiler's line format, after the report so that it is the last thing a person sees.</summary>
        public static void Print(IReadOnlyList<PlanCheck> checks, CliOutput output)
        {
            foreach (PlanCheck check in checks) output.ErrorText.WriteLine(check.ToString());
        }
    }

    /// <summary><c>hwcat train</c>: a training plan's memory, step time, throughput, MFU, time and cost, and its checks.</summary>
    public sealed class TrainCommand : Command<TrainSettings>
    {
        private readonly CliOutput _output;

        public TrainCommand(CliOutput output) => _output = output;

        public override int Execute(CommandContext context, TrainSettings settings, CancellationToken cancellationToken)
        {
            PlanFromFile<TrainingPlan>? file = settings.File is null ? null : PlanFiles.Training(settings, context.Arguments, _output);
            settings.RequireFileForId();
            TrainingPlan plan = file?.Plan ?? settings.Plan();
            Tokens? tokens = settings.Tokens is null ? null : OptionText.TokenCount(settings.Tokens, "--tokens");
            IReadOnlyList<PlanCheck> checks = plan.Validate();
            var report = new Report();
            TrainingSettings s = plan.Settings;
            report.Record("plan", $"{plan.Model.Name} on {plan.Gpus} × {plan.System.Gpu.Name}",
                ("model", "Model", Field.Of(plan.Model.Id)), ("system", "System", Field.Of(plan.System.Id)), ("gpu", "GPU", Field.Of(plan.System.Gpu.Id)),
                ("gpus", "GPUs", Field.Of(plan.Gpus)), ("layout", "Layout", Field.Of(s.Layout.ToString())),
                ("tensor", "Tensor", Field.Of(s.Layout.Tensor)), ("pipeline", "Pipeline", Field.Of(s.Layout.Pipeline)), ("virtualStages", "Virtual stages", Field.Of(s.Layout.VirtualStages)),
                ("data", "Data", Field.Of(s.Layout.Data)), ("expert", "Expert", Field.Of(s.Layout.Expert)), ("context", "Context", Field.Of(s.Layout.Context)),
                ("sequenceParallel", "Sequence parallel", Field.Of(s.Layout.SequenceParallel)),
                ("microBatch", "Micro-batch", Field.Of(s.MicroBatch)), ("globalBatch", "Global batch", Field.Of(s.GlobalBatch)), ("sequenceLength", "Sequence length", Field.Of(s.SequenceLength)),
                ("recipe", "Recipe", Field.Of(s.Recipe.Name)), ("zero", "ZeRO stage", Field.Of((int)s.Zero)), ("recompute", "Recomputation", Field.Of(s.Recomputation.ToString().ToLowerInvariant())),
                ("perGpu", "Achieved rate per GPU", Field.Of(plan.PerGpu?.Value)), ("perGpuMeasured", "Rate measured", plan.PerGpu is { } rate ? Field.Of(rate.IsMeasured) : Field.Empty),
                ("perGpuEfficiency", "Rate as a share of the peak", Field.Ratio(plan.PerGpu?.Efficiency)), ("perGpuSource", "Rate from", Field.Of(plan.PerGpu?.Source)));

            bool blocked = checks.Any(c => c.Severity == PlanCheckSeverity.Error && c.Id is not ("HWC207" or "HWC208"));
            if (!blocked && TryEvaluateValue(() => plan.Memory) is { } memory)
            {
                Section table = report.Table("memory", $"Memory per GPU (pipeline stage {memory.Stage + 1}, {memory.LayersOnStage} layers, {memory.MicroBatchesInFlight} micro-batches in flight)",
                    ("part", "Part"), ("parameters", "Parameters"), ("gradients", "Gradients"), ("optimizerStates", "Optimizer states"), ("activations", "Activations"), ("total", "Total"));
                void Row(string part, MemoryTerms terms) => table.Add(Field.Of(part), Field.Of(terms.Parameters), Field.Of(terms.Gradients), Field.Of(terms.OptimizerStates), Field.Of(terms.Activations), Field.Of(terms.Total));
                Row("layers", memory.Layers);
                Row("experts", memory.Experts);
                Row("norms", memory.Norms);
                Row("embeddingsAndOutput", memory.EmbeddingsAndOutput);
                Row("total", memory.Terms);
                MemoryFit fit = plan.Fit;
                report.Record("fit", "Fit",
                    ("required", "Required", Field.Of(fit.Required)), ("available", fit.AgainstNominalMemory ? "Available (nominal memory)" : "Available (usable memory)", Field.Of(fit.Available)),
                    ("againstNominalMemory", "Against nominal memory", Field.Of(fit.AgainstNominalMemory)), ("fits", "Fits", Field.Of(fit.Fits)),
                    ("headroom", "Headroom", Field.Of(fit.Headroom)), ("overflow", "Overflow", Field.Of(fit.Overflow)));
            }

            if (!blocked && TryEvaluate(() => plan.Step) is { } step)
            {
                double mfu = plan.System.Gpu.TryGetPeak(s.Recipe.Compute, out FlopRate peak) ? step.Mfu(peak) : double.NaN;
                report.Record("step", "Step",
                    ("compute", "Compute", Field.Of(step.Compute)), ("pipelineBubble", "Pipeline bubble", Field.Of(step.PipelineBubble)),
                    ("tensorParallel", "Tensor parallel", Field.Of(step.TensorParallel)), ("contextParallel", "Context parallel", Field.Of(step.ContextParallel)),
                    ("expertParallel", "Expert parallel", Field.Of(step.ExpertParallel)), ("pipelineTransfers", "Pipeline transfers", Field.Of(step.PipelineTransfers)),
                    ("dataParallel", "Data parallel", Field.Of(step.DataParallel)), ("dataParallelExposed", "Data parallel (exposed)", Field.Of(step.DataParallelExposed)),
                    ("total", "Step time", Field.Of(step.Total)), ("tokensPerStep", "Tokens per step", Field.Count(step.TokensPerStep, step.TokensPerStep.ToString("#,0"))),
                    ("tokensPerSecond", "Tokens per second", Field.TokensPerSecond(step.TokensPerSecond)), ("modelFlops", "Model FLOPs per step", Field.Of(step.ModelFlops)),
                    ("mfu", "MFU", double.IsNaN(mfu) ? Field.Empty : Field.Ratio(mfu)));
                if (tokens is { } budget)
                {
                    TimeSpan time = step.TimeFor(budget);
                    GpuHours hours = GpuHours.Of(plan.Gpus, time);
                    report.Record("run", "Run",
                        ("tokens", "Tokens", Field.Of(budget)), ("time", "Time", Field.Of(time)), ("gpuHours", "GPU-hours", Field.Of(hours)),
                        ("cost", "Cost", settings.Price is double price ? Field.Of(hours * GpuHourPrice.Usd(price)) : Field.Empty));
                }
            }

            int exit = PlanChecks.Report(checks, report, _output);
            Renderer.Write(report, settings.Format, _output);
            if (file is null) PlanChecks.Print(checks, _output);
            return exit;
        }

        /// <summary>Evaluates a part of a plan the checks have already judged; a plan the model cannot evaluate has no such part.</summary>
        public static T? TryEvaluate<T>(Func<T?> evaluate)
            where T : class
        {
            try
            {
                return evaluate();
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                return null;
            }
        }

        public static T? TryEvaluateValue<T>(Func<T> evaluate)
            where T : struct
        {
            try
            {
                return evaluate();
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                return null;
            }
        }
    }

    /// <summary><c>hwcat serve</c>: a serving plan's memory, concurrency, latency, throughput and cost, and its checks.</summary>
    public sealed class ServeCommand : Command<ServeSettings>
    {
        private readonly CliOutput _output;

        public ServeCommand(CliOutput output) => _output = output;

        public override int Execute(CommandContext context, ServeSettings settings, CancellationToken cancellationToken)
        {
            PlanFromFile<ServingPlan>? file = settings.File is null ? null : PlanFiles.Serving(settings, context.Arguments, _output);
            settings.RequireFileForId();
            ServingPlan plan = file?.Plan ?? settings.Plan();
            IReadOnlyList<PlanCheck> checks = plan.Validate();
            var report = new Report();
            report.Record("plan", $"{plan.Model.Name} on {plan.Gpus} × {plan.System.Gpu.Name}",
                ("model", "Model", Field.Of(plan.Model.Id)), ("system", "System", Field.Of(plan.System.Id)), ("gpu", "GPU", Field.Of(plan.System.Gpu.Id)),
                ("gpus", "GPUs", Field.Of(plan.Gpus)), ("layout", "Layout", Field.Of(plan.Layout.ToString())),
                ("weights", "Weights", Field.Of(plan.Weights.Key)), ("kvCache", "KV cache", Field.Of(plan.KvCache.CatalogKey())),
                ("concurrency", "Concurrency", Field.Of(plan.Workload.Concurrency)), ("inputTokens", "Input tokens", Field.Of(plan.Workload.InputTokens)),
                ("outputTokens", "Output tokens", Field.Of(plan.Workload.OutputTokens)),
                ("compute", "Achieved compute per GPU", Field.Of(plan.Compute?.Value)), ("memoryBandwidth", "Achieved memory bandwidth", Field.Of(plan.MemoryBandwidth?.Value)));

            bool blocked = checks.Any(c => c.Severity == PlanCheckSeverity.Error && c.Id is not ("HWC221" or "HWC225" or "HWC228"));
            if (!blocked && TrainCommand.TryEvaluate(() => plan.Memory) is { } memory)
            {
                report.Record("memory", "Memory per GPU",
                    ("denseWeights", "Dense weights", Field.Of(memory.DenseWeights)), ("expertWeights", "Expert weights", Field.Of(memory.ExpertWeights)),
                    ("kvCache", "KV cache", Field.Of(memory.KvCache)), ("workspace", "Workspace", Field.Of(memory.Workspace)), ("total", "Total", Field.Of(memory.Total)),
                    ("available", memory.AgainstNominalMemory ? "Available (nominal memory)" : "Available (usable memory)", Field.Of(memory.Available)),
                    ("left", "Left", Field.Of(memory.Left)), ("fits", "Fits", Field.Of(memory.Fits)));

                int contextTokens = plan.Workload.InputTokens + plan.Workload.OutputTokens;
                ServingDecode? decode = plan.Decode;
                Money? Cost(Func<GpuHourPrice, Money?> cost) => settings.Price is double price ? cost(GpuHourPrice.Usd(price)) : null;
                report.Record("performance", "Performance",
                    ("contextTokens", "Context (input + output)", Field.Of(contextTokens)),
                    ("maxConcurrency", "Max concurrency at the context", Field.Of(plan.MaxConcurrency(contextTokens))),
                    ("maxContext", "Max context at the concurrency", Field.Of(plan.MaxContext)),
                    ("timeToFirstToken", "Time to first token", Field.Of(plan.TimeToFirstToken)),
                    ("timePerOutputToken", "Time per output token", Field.Of(decode?.TimePerOutputToken)),
                    ("outputTokensPerSecond", "Output tokens/s", Field.TokensPerSecond(decode?.OutputTokensPerSecond)),
                    ("outputTokensPerSecondPerGpu", "Output tokens/s per GPU", Field.TokensPerSecond(decode?.OutputTokensPerSecondPerGpu)),
                    ("inputTokensPerSecond", "Input tokens/s (prefill only)", Field.TokensPerSecond(plan.InputTokensPerSecond)),
                    ("costPerMillionOutputTokens", "$ per million output tokens", Field.Of(Cost(plan.CostPerMillionOutputTokens))),
                    ("costPerMillionInputTokens", "$ per million input tokens", Field.Of(Cost(plan.CostPerMillionInputTokens))),
                    ("energyPerOutputToken", "Energy per output token (at TDP)", plan.EnergyPerOutputToken is double joules ? Field.Quantity(joules, "J", joules.ToString("0.###") + " J") : Field.Empty));
            }

            int exit = PlanChecks.Report(checks, report, _output);
            Renderer.Write(report, settings.Format, _output);
            if (file is null) PlanChecks.Print(checks, _output);
            return exit;
        }
    }

    public sealed class SearchSettings : FormatSettings
    {
        [CommandOption("-m|--model <ID>")]
        [Description("The model id.")]
        public string Model { get; set; } = "";

        [CommandOption("--system <ID>")]
        [Description("The system id.")]
        public string System { get; set; } = "";

        [CommandOption("--gpus <N>")]
        [Description("GPUs of the run.")]
        public int Gpus { get; set; }

        [CommandOption("--sequence-length <N>")]
        [DefaultValue(4096)]
        public int SequenceLength { get; set; } = 4096;

        [CommandOption("--global-batch <N>")]
        [Description("Sequences per step.")]
        public int GlobalBatch { get; set; }

        [CommandOption("--recipe <RECIPE>")]
        [Description("Precision recipe, as plan files name it: bf16-mixed, fp16-mixed or fp8-deepseek-v3.")]
        [DefaultValue("bf16-mixed")]
        public string Recipe { get; set; } = "bf16-mixed";

        [CommandOption("--efficiency <SHARE>")]
        [Description("Achieved share of the dense peak (default: the measured matmul rate).")]
        public double? Efficiency { get; set; }

        [CommandOption("--top <N>")]
        [Description("How many of the best plans to print.")]
        [DefaultValue(10)]
        public int Top { get; set; } = 10;

        [CommandOption("--max-tensor <N>")]
        [Description("Largest tensor parallelism (0: the scale-up domain).")]
        [DefaultValue(0)]
        public int MaxTensor { get; set; }

        [CommandOption("--max-context <N>")]
        [DefaultValue(1)]
        public int MaxContext { get; set; } = 1;

        [CommandOption("--max-virtual-stages <N>")]
        [DefaultValue(4)]
        public int MaxVirtualStages { get; set; } = 4;

        [CommandOption("--max-micro-batch <N>")]
        [DefaultValue(8)]
        public int MaxMicroBatch { get; set; } = 8;
    }

    /// <summary><c>hwcat search</c>: the training-plan search with a progress display, and the best plans as a table.</summary>
    public sealed class SearchCommand : Command<SearchSettings>
    {
        private readonly CliOutput _output;

        public SearchCommand(CliOutput output) => _output = output;

        public override int Execute(CommandContext context, SearchSettings settings, CancellationToken cancellationToken)
        {
            ModelSpec model = TrainPlanSettings.PlannableModel(TrainPlanSettings.Require(settings.Model, "--model"));
            AcceleratorSystem system = CatalogLookup.System(TrainPlanSettings.Require(settings.System, "--system"));
            PrecisionRecipe recipe = TrainPlanSettings.RecipeOf(settings.Recipe);
            double? efficiency = OptionText.Share(settings.Efficiency, "--efficiency");
            if (settings.Gpus <= 0) throw new CliException("--gpus is required and positive");
            if (settings.GlobalBatch <= 0) throw new CliException("--global-batch is required and positive");
            if (settings.Top <= 0) throw new CliException("--top must be positive");
            TrainingSearchSpace space = TrainPlanSettings.Runtime(() =>
            {
                Achieved<FlopRate>? perGpu = efficiency is double share && system.Gpu.TryGetPeak(recipe.Compute, out FlopRate peak) ? Achieved.FromEfficiency(peak, share) : null;
                return new TrainingSearchSpace(model, system, settings.Gpus, settings.SequenceLength, settings.GlobalBatch, recipe, perGpu,
                    maxTensor: settings.MaxTensor, maxContext: settings.MaxContext, maxVirtualStages: settings.MaxVirtualStages, maxMicroBatch: settings.MaxMicroBatch);
            });

            TrainingSearchResult result = null!;
            _output.Status.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .Start(progress =>
                {
                    ProgressTask task = progress.AddTask($"Searching layouts of {model.Id} on {settings.Gpus} × {system.Gpu.Id}", maxValue: 1.0);
                    result = TrainPlanSettings.Runtime(() => TrainingSearch.Run(space, settings.Top, new TaskProgress(task), cancellationToken));
                    task.Value = 1.0;
                });

            var report = new Report();
            report.Record("search", "Search",
                ("model", "Model", Field.Of(model.Id)), ("system", "System", Field.Of(system.Id)), ("gpus", "GPUs", Field.Of(settings.Gpus)),
                ("perGpu", "Achieved rate per GPU", Field.Of(space.PerGpu.Value)), ("evaluated", "Plans evaluated", Field.Of(result.Evaluated)), ("fitting", "Plans that fit", Field.Of(result.Fitting)));
            Section best = report.Table("plans", "Best plans",
                ("rank", "#"), ("tensor", "TP"), ("pipeline", "PP"), ("virtualStages", "VP"), ("data", "DP"), ("expert", "EP"), ("context", "CP"),
                ("sequenceParallel", "SP"), ("microBatch", "Micro-batch"), ("zero", "ZeRO"), ("recompute", "Recompute"),
                ("memory", "Memory per GPU"), ("stepTime", "Step time"), ("tokensPerSecond", "Tokens/s"), ("mfu", "MFU")).WithUnits("memory", "stepTime", "tokensPerSecond");
            int rank = 0;
            foreach (TrainingPlan plan in result.Best)
            {
                TrainingSettings s = plan.Settings;
                StepTimeBreakdown? step = plan.Step;
                double mfu = step is not null && system.Gpu.TryGetPeak(recipe.Compute, out FlopRate peak) ? step.Mfu(peak) : double.NaN;
                best.Add(Field.Of(++rank), Field.Of(s.Layout.Tensor), Field.Of(s.Layout.Pipeline), Field.Of(s.Layout.VirtualStages), Field.Of(s.Layout.Data),
                    Field.Of(s.Layout.Expert), Field.Of(s.Layout.Context), Field.Of(s.Layout.SequenceParallel), Field.Of(s.MicroBatch), Field.Of((int)s.Zero),
                    Field.Of(s.Recomputation.ToString().ToLowerInvariant()), Field.Of(plan.Memory.Total), Field.Of(step?.Total), Field.TokensPerSecond(step?.TokensPerSecond),
                    double.IsNaN(mfu) ? Field.Empty : Field.Ratio(mfu));
            }

            Renderer.Write(report, settings.Format, _output);
            if (result.Best.Count == 0)
            {
                _output.Error("no plan fits: every layout the search tried overflows usable memory or breaks a rule");
                return 1;
            }

            return 0;
        }

        /// <summary>Moves the progress bar on the search's own thread (Progress&lt;T&gt; would post to the thread pool).</summary>
        private sealed class TaskProgress : IProgress<double>
        {
            private readonly ProgressTask _task;

            public TaskProgress(ProgressTask task) => _task = task;

            public void Report(double value) => _task.Value = Math.Clamp(value, 0, 1);
        }
    }
}
