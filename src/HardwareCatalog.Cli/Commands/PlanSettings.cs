using System;
using System.ComponentModel;
using System.Linq;
using HardwareCatalog.Cli.Catalogs;
using HardwareCatalog.Cli.Output;
using HardwareCatalog.Planning;
using HardwareCatalog.Units;
using Spectre.Console.Cli;

namespace HardwareCatalog.Cli.Commands
{
    /// <summary>The options of a training plan, or a plan file, and its output format (train).</summary>
    public sealed class TrainSettings : TrainPlanSettings
    {
        [CommandOption("-f|--format <FORMAT>")]
        [Description("Output format: table, markdown, csv or json.")]
        [DefaultValue(OutputFormat.Table)]
        public OutputFormat Format { get; set; } = OutputFormat.Table;
    }

    /// <summary>
    /// What every plan's options start with: a plan file instead of them (and the plan's id in it), the catalog files,
    /// the model, the system, the GPUs, t and p.
    /// </summary>
    public abstract class PlanTargetSettings : CommandSettings, IPlanFileSettings
    {
        [CommandArgument(0, "[FILE]")]
        [Description("A plan catalog file (kind: training for train and chart memory, kind: serving for serve and the other charts); the plan comes from it instead of the options.")]
        public string? File { get; set; }

        [CommandOption("--id <ID>")]
        [Description("The plan of the file, when it holds several.")]
        public string? Id { get; set; }

        [CommandOption(CatalogOption.Template)]
        [Description(CatalogOption.Help)]
        public string[] Catalogs { get; set; } = Array.Empty<string>();

        [CommandOption("-m|--model <ID>")]
        [Description("The model id, e.g. llama-3.1-70b.")]
        public string Model { get; set; } = "";

        [CommandOption("--system <ID>")]
        [Description("The system id, e.g. dgx-h100 (its GPU and networks).")]
        public string System { get; set; } = "";

        [CommandOption("--gpus <N>")]
        [Description("GPUs of the plan (default: the product of the parallel sizes).")]
        public int? Gpus { get; set; }

        [CommandOption("--tensor <N>")]
        [DefaultValue(1)]
        public int Tensor { get; set; } = 1;

        [CommandOption("--pipeline <N>")]
        [DefaultValue(1)]
        public int Pipeline { get; set; } = 1;

        /// <summary>--id without a file would be ignored; it is refused.</summary>
        public void RequireFileForId()
        {
            if (File is null && Id is not null) throw new CliException("--id picks a plan of a plan file; give the file");
        }
    }

    /// <summary>The options of a training plan (train, chart memory); GPUs default to t × p × c × d.</summary>
    public class TrainPlanSettings : PlanTargetSettings
    {

        [CommandOption("--virtual-stages <N>")]
        [Description("Interleaved pipeline stages per GPU.")]
        [DefaultValue(1)]
        public int VirtualStages { get; set; } = 1;

        [CommandOption("--data <N>")]
        [Description("Data parallelism (default: GPUs / (tensor × pipeline × context)).")]
        public int? Data { get; set; }

        [CommandOption("--expert <N>")]
        [Description("Expert parallelism, inside data parallelism.")]
        [DefaultValue(1)]
        public int Expert { get; set; } = 1;

        [CommandOption("--context <N>")]
        [Description("Context parallelism.")]
        [DefaultValue(1)]
        public int Context { get; set; } = 1;

        [CommandOption("--sequence-parallel")]
        public bool SequenceParallel { get; set; }

        [CommandOption("--micro-batch <N>")]
        [DefaultValue(1)]
        public int MicroBatch { get; set; } = 1;

        [CommandOption("--global-batch <N>")]
        [Description("Sequences per step (default: micro-batch × data).")]
        public int? GlobalBatch { get; set; }

        [CommandOption("--sequence-length <N>")]
        [DefaultValue(4096)]
        public int SequenceLength { get; set; } = 4096;

        [CommandOption("--recipe <RECIPE>")]
        [Description("Precision recipe, as plan files name it: bf16-mixed, fp16-mixed or fp8-deepseek-v3 (DeepSeek-V3's FP8).")]
        [DefaultValue("bf16-mixed")]
        public string Recipe { get; set; } = "bf16-mixed";

        [CommandOption("--zero <STAGE>")]
        [Description("ZeRO stage 0-3.")]
        [DefaultValue(0)]
        public int Zero { get; set; }

        [CommandOption("--recompute <KIND>")]
        [Description("Activation recomputation: none, selective or full.")]
        [DefaultValue(ActivationRecomputation.None)]
        public ActivationRecomputation Recompute { get; set; } = ActivationRecomputation.None;

        [CommandOption("--efficiency <SHARE>")]
        [Description("Achieved share of the dense peak (default: the GPU's measured matmul rate from the catalog).")]
        public double? Efficiency { get; set; }

        [CommandOption("--price <USD>")]
        [Description("Price per GPU-hour in US dollars, for the cost.")]
        public double? Price { get; set; }

        [CommandOption("--tokens <COUNT>")]
        [Description("Training tokens, for the time and cost of the run, e.g. 15T.")]
        public string? Tokens { get; set; }

        public static PrecisionRecipe RecipeOf(string name) => name.ToLowerInvariant() switch
        {
            "bf16-mixed" => PrecisionRecipe.Bf16Mixed,
            "fp16-mixed" => PrecisionRecipe.Fp16Mixed,
            "fp8-deepseek-v3" => PrecisionRecipe.Fp8DeepSeekV3,
            _ => throw CatalogLookup.Unknown("recipe", name, new[] { "bf16-mixed", "fp16-mixed", "fp8-deepseek-v3" }),
        };

        /// <summary>The plan the options describe; invalid combinations the runtime refuses become a <see cref="CliException"/>.</summary>
        public TrainingPlan Plan()
        {
            ModelSpec model = PlannableModel(Require(Model, "--model"));
            AcceleratorSystem system = CatalogLookup.System(Require(System, "--system"));
            PrecisionRecipe recipe = RecipeOf(Recipe);
            if (Zero is < 0 or > 3) throw new CliException($"--zero: {Zero} is not a ZeRO stage (0 to 3)");
            double? efficiency = OptionText.Share(Efficiency, "--efficiency");
            if (Price is <= 0) throw new CliException("--price must be positive");
            return Runtime(() =>
            {
                int fixedSize = Tensor * Pipeline * Context;
                int data = Data ?? (Gpus is int gpus ? Math.Max(1, gpus / Math.Max(1, fixedSize)) : 1);
                var layout = new ParallelLayout(Tensor, Pipeline, data, Expert, VirtualStages, SequenceParallel, Context);
                var settings = new TrainingSettings(layout, MicroBatch, SequenceLength, GlobalBatch ?? MicroBatch * data, recipe, (ZeroStage)Zero, Recompute);
                Achieved<FlopRate>? perGpu = efficiency is double share && system.Gpu.TryGetPeak(recipe.Compute, out FlopRate peak)
                    ? Achieved.FromEfficiency(peak, share)
                    : null;
                return new TrainingPlan(model, system, Gpus ?? layout.GpuCount, settings, perGpu);
            });
        }

        /// <summary>
        /// A model whose shape the plans can evaluate. The runtime's plans skip what a shapeless model (one given only by
        /// its parameter count) cannot answer; a command line asked for that answer, so it says so instead.
        /// </summary>
        public static ModelSpec PlannableModel(string id)
        {
            ModelSpec model = CatalogLookup.Model(id);
            try
            {
                ModelFlops.ForwardPerToken(model, 1);
            }
            catch (InvalidOperationException e)
            {
                throw new CliException("no plan can be evaluated for this model: " + e.Message);
            }

            return model;
        }

        public static string Require(string value, string option)
            => string.IsNullOrWhiteSpace(value) ? throw new CliException($"{option} is required") : value;

        /// <summary>Runs a runtime constructor and turns its argument checks into a user error.</summary>
        public static T Runtime<T>(Func<T> build)
        {
            try
            {
                return build();
            }
            catch (ArgumentException e)
            {
                string message = e.Message;
                int parameter = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
                throw new CliException(parameter > 0 ? message.Substring(0, parameter) : message);
            }
        }
    }

    /// <summary>The options of a serving plan, or a plan file, and its output format (serve).</summary>
    public sealed class ServeSettings : ServePlanSettings
    {
        [CommandOption("-f|--format <FORMAT>")]
        [Description("Output format: table, markdown, csv or json.")]
        [DefaultValue(OutputFormat.Table)]
        public OutputFormat Format { get; set; } = OutputFormat.Table;
    }

    /// <summary>The options of a serving plan (serve, chart serving, chart roofline); GPUs default to t × p × replicas.</summary>
    public class ServePlanSettings : PlanTargetSettings
    {

        [CommandOption("--expert <N>")]
        [DefaultValue(1)]
        public int Expert { get; set; } = 1;

        [CommandOption("--replicas <N>")]
        [DefaultValue(1)]
        public int Replicas { get; set; } = 1;

        [CommandOption("--redundant-experts <N>")]
        [DefaultValue(0)]
        public int RedundantExperts { get; set; }

        [CommandOption("--weights <FORMAT>")]
        [Description("Weight format: bf16, fp16, fp8, int8, int4-g128, mxfp4, mxfp4-weight-only, nvfp4.")]
        [DefaultValue("bf16")]
        public string Weights { get; set; } = "bf16";

        [CommandOption("--kv-cache <PRECISION>")]
        [Description("KV cache precision: bf16, fp16 or fp8.")]
        [DefaultValue("bf16")]
        public string KvCache { get; set; } = "bf16";

        [CommandOption("--concurrency <N>")]
        [Description("Sequences in flight.")]
        [DefaultValue(1)]
        public int Concurrency { get; set; } = 1;

        [CommandOption("--input <TOKENS>")]
        [Description("Prompt tokens per request.")]
        [DefaultValue(7168)]
        public int Input { get; set; } = 7168;

        [CommandOption("--output <TOKENS>")]
        [Description("Output tokens per request.")]
        [DefaultValue(1024)]
        public int Output { get; set; } = 1024;

        [CommandOption("--prefix-hit <SHARE>")]
        [Description("Share of prompt tokens served from a prefix cache.")]
        [DefaultValue(0.0)]
        public double PrefixHit { get; set; }

        [CommandOption("--draft <TOKENS>")]
        [Description("Speculative draft tokens per step.")]
        [DefaultValue(0)]
        public int Draft { get; set; }

        [CommandOption("--acceptance <SHARE>")]
        [Description("Acceptance rate of each draft token.")]
        [DefaultValue(0.0)]
        public double Acceptance { get; set; }

        [CommandOption("--compute-efficiency <SHARE>")]
        [Description("Achieved share of the dense peak (default: the measured matmul rate from the catalog).")]
        public double? ComputeEfficiency { get; set; }

        [CommandOption("--bandwidth-efficiency <SHARE>")]
        [Description("Achieved share of the memory bandwidth (default: the measured bandwidth from the catalog).")]
        public double? BandwidthEfficiency { get; set; }

        [CommandOption("--price <USD>")]
        [Description("Price per GPU-hour in US dollars, for $ per million tokens.")]
        public double? Price { get; set; }

        public bool HasPlan => !string.IsNullOrWhiteSpace(Model);

        public ServingPlan Plan() => PlanAt(Concurrency);

        public ServingPlan PlanAt(int concurrency)
        {
            ModelSpec model = TrainPlanSettings.PlannableModel(TrainPlanSettings.Require(Model, "--model"));
            AcceleratorSystem system = CatalogLookup.System(TrainPlanSettings.Require(System, "--system"));
            WeightFormat weights = WeightFormat.Find(Weights) ?? throw CatalogLookup.Unknown("weight format", Weights, WeightFormat.All.Select(f => f.Key));
            Precision kv = OptionText.Precision(KvCache, "--kv-cache");
            double? compute = OptionText.Share(ComputeEfficiency, "--compute-efficiency");
            double? bandwidth = OptionText.Share(BandwidthEfficiency, "--bandwidth-efficiency");
            if (Price is <= 0) throw new CliException("--price must be positive");
            return TrainPlanSettings.Runtime(() =>
            {
                var layout = new ServingLayout(Tensor, Pipeline, Expert, Replicas, RedundantExperts);
                var workload = new ServingWorkload(concurrency, Input, Output, PrefixHit, Draft, Acceptance);
                Achieved<FlopRate>? rate = compute is double c && system.Gpu.TryGetPeak(weights.Compute, out FlopRate peak) ? Achieved.FromEfficiency(peak, c) : null;
                Achieved<Bandwidth>? memory = bandwidth is double b && system.Gpu.MemoryBandwidth is { } bw ? Achieved.FromEfficiency(bw, b) : null;
                return new ServingPlan(model, system, Gpus ?? layout.GpuCount, layout, weights, kv, workload, rate, memory);
            });
        }
    }
}
