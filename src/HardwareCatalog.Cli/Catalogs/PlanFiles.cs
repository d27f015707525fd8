using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using HardwareCatalog.Catalogs;
using HardwareCatalog.Cli.Output;
using HardwareCatalog.Planning;
using G = HardwareCatalog.Generators.Model;

namespace HardwareCatalog.Cli.Catalogs
{
    /// <summary>The settings of a command that evaluates a plan from a plan catalog file (<c>train FILE</c>, <c>serve FILE</c>).</summary>
    public interface IPlanFileSettings : ICatalogSettings
    {
        /// <summary>The plan catalog file, or null when the options give the plan.</summary>
        string? File { get; }

        /// <summary>The id of the plan to evaluate, when the file holds several.</summary>
        string? Id { get; }
    }

    /// <summary>One plan of a plan file, mapped to its runtime object, and the diagnostics of the files it was checked with.</summary>
    public sealed record PlanFromFile<TPlan>(TPlan Plan, IReadOnlyList<CatalogDiagnostic> Diagnostics);

    /// <summary>
    /// Plans from plan catalog files: the file and the <c>--catalog</c> files go through the generator's pipeline with the
    /// built-in catalog, as <c>validate</c> checks them; a plan the pipeline resolved becomes the runtime plan the emitter
    /// would have written for it (TrainingPlanEmitter, ServingPlanEmitter), from the same recipe, state-layout, precision
    /// and weight-format tables.
    /// </summary>
    public static class PlanFiles
    {
        /// <summary>The options that may go with a plan file: the file gives the plan, these only how to print it and what it costs.</summary>
        public static readonly string[] TrainOptions = { "--catalog", "-f", "--format", "--tokens", "--price", "--id" };

        public static readonly string[] ServeOptions = { "--catalog", "-f", "--format", "--price", "--id" };

        /// <summary>The options that may go with a plan file in the charts: the file gives the plan, these only how the chart is drawn.</summary>
        public static readonly string[] MemoryChartOptions = { "--catalog", "-o", "--out", "--width", "--height", "--id" };

        public static readonly string[] ServingChartOptions = { "--catalog", "-o", "--out", "--width", "--height", "--max-concurrency", "--id" };

        public static readonly string[] RooflineOptions = { "--catalog", "-o", "--out", "--width", "--height", "--gpu", "--precision", "--id" };

        /// <summary>The training plan of <paramref name="settings"/>' file; the catalog it names entries from becomes <see cref="RuntimeCatalog.Current"/>.</summary>
        public static PlanFromFile<TrainingPlan> Training(IPlanFileSettings settings, IReadOnlyList<string> arguments, CliOutput output)
            => Training(settings, arguments, TrainOptions, "train", output);

        /// <summary>The training plan of <paramref name="settings"/>' file for <paramref name="command"/>, which allows only <paramref name="allowed"/> with a file.</summary>
        public static PlanFromFile<TrainingPlan> Training(IPlanFileSettings settings, IReadOnlyList<string> arguments, IReadOnlyCollection<string> allowed, string command, CliOutput output)
        {
            Loaded loaded = Load(settings, arguments, allowed, command, output);
            G.TrainingPlanOutput plan = Pick(loaded, "training", loaded.Result.Resolved.Plans.Where(p => InFile(p.Plan.EntryLocation, loaded.Path)).OrderBy(p => p.Plan.EntryLocation.Span.Start).ToList(), p => p.Plan.Id, settings.Id);
            return new PlanFromFile<TrainingPlan>(loaded.Catalog.FindTrainingPlan(plan.Plan.Id)!, loaded.Result.Diagnostics);
        }

        /// <summary>The serving plan of <paramref name="settings"/>' file; the catalog it names entries from becomes <see cref="RuntimeCatalog.Current"/>.</summary>
        public static PlanFromFile<ServingPlan> Serving(IPlanFileSettings settings, IReadOnlyList<string> arguments, CliOutput output)
            => Serving(settings, arguments, ServeOptions, "serve", output);

        /// <summary>The serving plan of <paramref name="settings"/>' file for <paramref name="command"/>, which allows only <paramref name="allowed"/> with a file.</summary>
        public static PlanFromFile<ServingPlan> Serving(IPlanFileSettings settings, IReadOnlyList<string> arguments, IReadOnlyCollection<string> allowed, string command, CliOutput output)
        {
            Loaded loaded = Load(settings, arguments, allowed, command, output);
            G.ServingPlanOutput plan = Pick(loaded, "serving", loaded.Result.Resolved.ServingPlans.Where(p => InFile(p.Plan.EntryLocation, loaded.Path)).OrderBy(p => p.Plan.EntryLocation.Span.Start).ToList(), p => p.Plan.Id, settings.Id);
            return new PlanFromFile<ServingPlan>(loaded.Catalog.FindServingPlan(plan.Plan.Id)!, loaded.Result.Diagnostics);
        }

        /// <summary>The option names of <paramref name="arguments"/> that a plan file does not allow (a value such as -1 is no option).</summary>
        public static IReadOnlyList<string> Conflicting(IReadOnlyList<string> arguments, IReadOnlyCollection<string> allowed)
            => arguments
                .Where(a => a.StartsWith("-", StringComparison.Ordinal) && a.Length > 1 && !char.IsDigit(a[1]) && a[1] != '.')
                .Select(a => a.Split('=', ':')[0])
                .Where(a => !allowed.Contains(a, StringComparer.Ordinal))
                .Distinct(StringComparer.Ordinal)
                .ToList();

        private sealed record Loaded(string Path, CatalogCheckResult Result, LoadedCatalog Catalog);

        private static Loaded Load(IPlanFileSettings settings, IReadOnlyList<string> arguments, IReadOnlyCollection<string> allowed, string command, CliOutput output)
        {
            string file = settings.File!;
            IReadOnlyList<string> conflicting = Conflicting(arguments, allowed);
            if (conflicting.Count > 0)
            {
                throw new CliException($"{string.Join(", ", conflicting)}: the plan file gives the plan; with a file, {command} takes only {string.Join(", ", allowed.Where(o => o.StartsWith("--", StringComparison.Ordinal)))}");
            }

            if (Directory.Exists(file)) throw new CliException($"{command}: '{file}' is a directory; give one plan file");
            IReadOnlyList<CatalogSource> catalogs = InputFiles.Read(settings.Catalogs, "--catalog");
            IReadOnlyList<CatalogSource> plans = InputFiles.Read(new[] { file }, command);
            string path = plans[0].Path;
            CatalogCheckResult result = UserCatalogs.Check(catalogs.Where(c => c.Path != path).Concat(plans).ToList());

            // Every diagnostic as validate prints it, the file's located at its key: with an error, the handler prints them and exits with 1.
            if (result.HasErrors) throw new CatalogException(result.Diagnostics);
            foreach (CatalogDiagnostic diagnostic in result.Diagnostics) output.Note(DiagnosticText.Line(diagnostic));
            LoadedCatalog catalog = CatalogMapping.WithUserEntries(LoadedCatalog.BuiltIn, result);
            RuntimeCatalog.Current = catalog;
            return new Loaded(path, result, catalog);
        }

        /// <summary>The plan <paramref name="wanted"/> names, or the file's only plan of the kind; <paramref name="plans"/> in the file's order.</summary>
        private static TPlan Pick<TPlan>(Loaded loaded, string kind, IReadOnlyList<TPlan> plans, Func<TPlan, string> id, string? wanted)
        {
            string file = InputFiles.Relative(loaded.Path);
            if (plans.Count == 0)
            {
                string other = kind == "training" ? "serving" : "training";
                bool hasOther = kind == "training"
                    ? loaded.Result.Resolved.ServingPlans.Any(p => InFile(p.Plan.EntryLocation, loaded.Path))
                    : loaded.Result.Resolved.Plans.Any(p => InFile(p.Plan.EntryLocation, loaded.Path));
                throw new CliException($"{file} holds no {kind} plan (an entry of kind: {kind})" + (hasOther ? $"; it holds a {other} plan: use hwcat {(other == "training" ? "train or hwcat chart memory" : "serve or hwcat chart serving|roofline")}" : ""));
            }

            string ids = string.Join(", ", plans.Select(id));
            if (wanted is null)
            {
                return plans.Count == 1 ? plans[0] : throw new CliException($"{file} holds {plans.Count} {kind} plans; choose one with --id: {ids}");
            }

            return plans.FirstOrDefault(p => string.Equals(id(p), wanted, StringComparison.Ordinal))
                ?? throw new CliException($"--id: {file} holds no {kind} plan '{wanted}'; its {kind} plans: {ids}");
        }

        private static bool InFile(G.LocationInfo location, string path) => string.Equals(location.FilePath, path, StringComparison.Ordinal);
    }
}
