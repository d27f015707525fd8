using System;
using System.Collections.Generic;
using System.Linq;
using HardwareCatalog.Planning;

namespace HardwareCatalog.Catalogs
{
    /// <summary>
    /// The built-in catalog with user catalog files loaded at run time: accelerators, models, systems, training plans
    /// and serving plans by id, for F#, PowerShell, scripts and notebooks, which reference the package but do not run C#
    /// source generators. The files go through the generator's own pipeline (parse, build, link, resolve) with the
    /// built-in files, so a file loads here exactly when it builds in a C# project, with the same diagnostics.
    /// </summary>
    /// <example>
    /// <code language="fsharp">
    /// let catalog = LoadedCatalog.Load "catalogs"           // a folder of *.yaml / *.json, or files
    /// let plan = catalog.FindTrainingPlan "llama-70b-h100"
    /// printfn "%s per GPU, fits: %b" (plan.Fit.Required.ToString "N1") plan.Fit.Fits
    /// </code>
    /// </example>
    public sealed class LoadedCatalog
    {
        private static readonly Lazy<LoadedCatalog> s_builtIn = new(() => new LoadedCatalog(
            BuiltInCatalog.Gpus, BuiltInCatalog.Models, BuiltInCatalog.Systems, Array.Empty<TrainingPlan>(), Array.Empty<ServingPlan>(), Array.Empty<CatalogDiagnostic>()));

        internal LoadedCatalog(
            IReadOnlyList<Accelerator> gpus,
            IReadOnlyList<ModelSpec> models,
            IReadOnlyList<AcceleratorSystem> systems,
            IReadOnlyList<TrainingPlan> trainingPlans,
            IReadOnlyList<ServingPlan> servingPlans,
            IReadOnlyList<CatalogDiagnostic> diagnostics)
        {
            Gpus = gpus;
            Models = models;
            Systems = systems;
            TrainingPlans = trainingPlans;
            ServingPlans = servingPlans;
            Diagnostics = diagnostics;
        }

        /// <summary>The built-in catalog alone: the entries of <see cref="BuiltInCatalog"/>, with no plan.</summary>
        public static LoadedCatalog BuiltIn => s_builtIn.Value;

        /// <summary>Every accelerator: the built-in ones by id, then the files' in file order.</summary>
        public IReadOnlyList<Accelerator> Gpus { get; }

        /// <summary>Every model: the built-in ones by id, then the files' in file order.</summary>
        public IReadOnlyList<ModelSpec> Models { get; }

        /// <summary>Every system: the built-in ones by id, then the files' in file order.</summary>
        public IReadOnlyList<AcceleratorSystem> Systems { get; }

        /// <summary>The files' training plans (<c>kind: training</c>), each built as the generated <c>TrainingPlans</c> member would be.</summary>
        public IReadOnlyList<TrainingPlan> TrainingPlans { get; }

        /// <summary>The files' serving plans (<c>kind: serving</c>), each built as the generated <c>ServingPlans</c> member would be.</summary>
        public IReadOnlyList<ServingPlan> ServingPlans { get; }

        /// <summary>The warnings and infos the files got; a catalog with an error does not load.</summary>
        public IReadOnlyList<CatalogDiagnostic> Diagnostics { get; }

        /// <summary>
        /// Loads the catalog files in <paramref name="paths"/> (files, or directories searched recursively for *.yaml,
        /// *.yml and *.json) with the built-in catalog.
        /// </summary>
        /// <exception cref="CatalogException">A file has an error, as a build would report it; the exception holds every diagnostic.</exception>
        /// <exception cref="System.IO.FileNotFoundException">A path is neither a file nor a directory.</exception>
        /// <exception cref="System.IO.IOException">A file or directory cannot be read.</exception>
        public static LoadedCatalog Load(params string[] paths) => Load(CatalogFiles.Read(paths));

        /// <summary>Loads catalog files given as text (not built in) with the built-in catalog.</summary>
        /// <exception cref="CatalogException">A file has an error, as a build would report it; the exception holds every diagnostic.</exception>
        public static LoadedCatalog Load(IEnumerable<CatalogSource> files)
        {
            CatalogCheckResult result = Run(files);
            if (result.HasErrors) throw new CatalogException(result.Diagnostics);
            return CatalogMapping.WithUserEntries(BuiltIn, result);
        }

        /// <summary>
        /// Every diagnostic a build would report for the catalog files in <paramref name="paths"/> with the built-in
        /// catalog, without loading them: empty when they are clean.
        /// </summary>
        /// <exception cref="System.IO.FileNotFoundException">A path is neither a file nor a directory.</exception>
        /// <exception cref="System.IO.IOException">A file or directory cannot be read.</exception>
        public static IReadOnlyList<CatalogDiagnostic> Check(params string[] paths) => Run(CatalogFiles.Read(paths)).Diagnostics;

        /// <summary>The accelerator <paramref name="id"/> (ordinal), or null.</summary>
        public Accelerator? FindGpu(string id) => Gpus.FirstOrDefault(g => Same(g.Id, id));

        /// <summary>The model <paramref name="id"/> (ordinal), or null.</summary>
        public ModelSpec? FindModel(string id) => Models.FirstOrDefault(m => Same(m.Id, id));

        /// <summary>The system <paramref name="id"/> (ordinal), or null.</summary>
        public AcceleratorSystem? FindSystem(string id) => Systems.FirstOrDefault(s => Same(s.Id, id));

        /// <summary>The training plan <paramref name="id"/> (ordinal), or null.</summary>
        public TrainingPlan? FindTrainingPlan(string id) => TrainingPlans.FirstOrDefault(p => Same(p.Id, id));

        /// <summary>The serving plan <paramref name="id"/> (ordinal), or null.</summary>
        public ServingPlan? FindServingPlan(string id) => ServingPlans.FirstOrDefault(p => Same(p.Id, id));

        /// <summary>The pipeline over the built-in files and <paramref name="files"/>.</summary>
        internal static CatalogCheckResult Run(IEnumerable<CatalogSource> files)
            => CatalogCheck.Run(CatalogFiles.BuiltIn.Concat(files ?? throw new ArgumentNullException(nameof(files))));

        /// <summary>Ids compare as the generated <c>Find</c> compares them: exactly.</summary>
        private static bool Same(string? a, string b) => string.Equals(a, b, StringComparison.Ordinal);
    }
}
