using System;
using HardwareCatalog.Catalogs;
using HardwareCatalog.Cli.Catalogs;
using HardwareCatalog.Cli.Commands;
using HardwareCatalog.Cli.Output;
using Spectre.Console.Cli;

namespace HardwareCatalog.Cli
{
    /// <summary>The command tree of <c>hwcat</c>, shared by the program and the tests.</summary>
    public static class HwcatApp
    {
        /// <summary>Exit code of a user error (unknown id, malformed or impossible option).</summary>
        public const int UsageError = 2;

        public static int Run(string[] args, CliOutput output)
        {
            var app = new CommandApp();
            Configure(app, output);
            return app.Run(args);
        }

        public static void Configure(ICommandApp app, CliOutput output)
        {
            app.Configure(config =>
            {
                config.SetApplicationName("hwcat");
                config.Settings.Registrar.RegisterInstance<CliOutput>(output);
                config.Settings.Console = output.Console;
                config.Settings.ExceptionHandler = (exception, _) => Handle(exception, output);
                // An option the command does not know is an error, not a remaining argument: "--tensr 8" must not be ignored.
                config.Settings.StrictParsing = true;
                // --catalog: user catalog files join the built-in catalog before the command looks anything up.
                config.SetInterceptor(new CatalogInterceptor(output));

                config.AddCommand<GpusCommand>("gpus").WithDescription("List the catalog's GPUs, filtered and sorted.")
                    .WithExample("gpus", "--vendor", "NVIDIA", "--supports", "fp8", "--min-memory", "80GiB", "--sort", "memory", "--descending");
                config.AddCommand<ModelsCommand>("models").WithDescription("List the catalog's models, filtered and sorted.")
                    .WithExample("models", "--moe", "--min-params", "100B");
                config.AddCommand<SystemsCommand>("systems").WithDescription("List the catalog's systems (nodes, racks, pods).");
                config.AddCommand<ShowCommand>("show").WithDescription("Every value of one entry with its unit and source (\u2020: secondary source).")
                    .WithExample("show", "h100-sxm");
                config.AddCommand<CompareCommand>("compare").WithDescription("Entries of one kind side by side.")
                    .WithExample("compare", "h100-sxm", "h200-sxm", "b200");
                config.AddCommand<TrainCommand>("train").WithDescription("Evaluate a training plan: memory, step time, throughput, MFU, time, cost and checks.")
                    .WithExample("train", "--model", "llama-3.1-70b", "--system", "dgx-h100", "--gpus", "1024", "--tensor", "4", "--sequence-parallel", "--zero", "3",
                        "--recompute", "selective", "--global-batch", "1024", "--sequence-length", "8192", "--tokens", "15T", "--price", "2")
                    .WithExample("train", "deepseek-v3-plan.yaml", "--tokens", "14.8T", "--price", "2");
                config.AddCommand<ServeCommand>("serve").WithDescription("Evaluate a serving plan: memory, concurrency, TTFT, TPOT, throughput, cost and checks.")
                    .WithExample("serve", "--model", "llama-3.1-70b", "--system", "dgx-h100", "--tensor", "4", "--weights", "fp8", "--concurrency", "64", "--bandwidth-efficiency", "0.8")
                    .WithExample("serve", "plans.yaml", "--id", "deepseek-v3-h200", "--price", "2");
                config.AddCommand<SearchCommand>("search").WithDescription("Search training layouts and print the best plans.")
                    .WithExample("search", "--model", "llama-3.1-70b", "--system", "dgx-h100", "--gpus", "1024", "--global-batch", "1024", "--sequence-length", "8192");
                config.AddCommand<ValidateCommand>("validate").WithDescription("Check catalog files with the build's own checks; exit code 1 on an error.")
                    .WithExample("validate", "catalogs")
                    .WithExample("validate", "catalogs", "--format", "sarif");
                config.AddBranch("chart", chart =>
                {
                    chart.SetDescription("Draw a chart as SVG or PNG.");
                    chart.AddCommand<RooflineCommand>("roofline").WithDescription("GPUs' compute roofs and bandwidth slopes, with a serving plan's operating points.")
                        .WithExample("chart", "roofline", "--gpu", "h100-sxm", "--gpu", "b200", "--out", "roofline.svg")
                        .WithExample("chart", "roofline", "deepseek-v3-h200-serving.yaml", "--out", "roofline.svg");
                    chart.AddCommand<MemoryChartCommand>("memory").WithDescription("A training plan's memory per GPU by term against usable memory.")
                        .WithExample("chart", "memory", "--model", "llama-3.1-70b", "--system", "dgx-h100", "--tensor", "8", "--pipeline", "4", "--out", "memory.png")
                        .WithExample("chart", "memory", "deepseek-v3-plan.yaml", "--out", "memory.png");
                    chart.AddCommand<ServingChartCommand>("serving").WithDescription("A serving plan's throughput against latency over concurrency.")
                        .WithExample("chart", "serving", "--model", "llama-3.1-70b", "--system", "dgx-h100", "--tensor", "4", "--weights", "fp8", "--bandwidth-efficiency", "0.8", "--out", "serving.svg")
                        .WithExample("chart", "serving", "plans.yaml", "--id", "deepseek-v3-h200", "--out", "serving.svg");
                });
            });
        }

        /// <summary>A user error or a malformed command line gets one clear line and a non-zero exit; never a stack trace.</summary>
        private static int Handle(Exception exception, CliOutput output)
        {
            switch (exception)
            {
                case CatalogException catalog:
                    foreach (var diagnostic in catalog.Diagnostics) output.Note(DiagnosticText.Line(diagnostic));
                    return 1;
                case CliException user:
                    output.Error(user.Message);
                    return UsageError;
                case CommandAppException parse:
                    output.Error(parse.Message);
                    return UsageError;
                case OperationCanceledException:
                    output.Error("cancelled");
                    return 130;
                default:
                    output.Error($"internal error ({exception.GetType().Name}): {exception.Message}");
                    return 70;
            }
        }
    }
}
