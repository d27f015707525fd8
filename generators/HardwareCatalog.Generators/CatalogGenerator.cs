using System;
using System.Collections.Immutable;
using System.Linq;
using HardwareCatalog.Generators.Model;
using Microsoft.CodeAnalysis;

namespace HardwareCatalog.Generators
{
    /// <summary>
    /// Compiles the catalog files (AdditionalFiles tagged by the package's build props) into typed accelerator
    /// classes. This file holds the pipeline only; the work is in <c>CatalogGenerator.Execute.cs</c>.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed partial class CatalogGenerator : IIncrementalGenerator
    {
        /// <inheritdoc/>
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            IncrementalValueProvider<OptionsResult> options = context.AnalyzerConfigOptionsProvider
                .Select((provider, _) => ReadOptions(provider.GlobalOptions))
                .WithTrackingName(TrackingNames.Options);

            context.RegisterSourceOutput(options.Select((o, _) => o.Diagnostics), ReportDiagnostics);

            // One item per catalog file: an edit to one file re-parses that file alone (null: not a catalog file).
            IncrementalValuesProvider<ParsedFile?> files = context.AdditionalTextsProvider
                .Combine(context.AnalyzerConfigOptionsProvider)
                .Select((pair, cancellationToken) => ParseFile(pair.Left, pair.Right, cancellationToken))
                .WithTrackingName(TrackingNames.ParsedFiles);

            // Entries that need no other file are built with their file: an edit to one file rebuilds its entries alone.
            IncrementalValuesProvider<BuiltFile> built = files
                .Where(file => file is not null)
                .Select((file, _) => BuildFile(file!))
                .WithTrackingName(TrackingNames.BuiltFiles);

            // Few steps per file: with thousands of files, each step's table is what an edit costs.
            context.RegisterSourceOutput(built.Select((file, _) => file.FileDiagnostics), ReportDiagnostics);

            // Cross-file rules need every file at once. Linking (ids, extends) hands on each derived entry with its merged
            // values; each is built in its own step, so an edit rebuilds only the entries whose values changed.
            // The public catalogs of referenced assemblies take part as files of their own, read from metadata: the only
            // step that looks at the compilation, and its output compares by value.
            IncrementalValueProvider<ReferencedCatalogs> referenced = context.CompilationProvider
                .Select((compilation, cancellationToken) => ReadReferences(compilation, cancellationToken))
                .WithTrackingName(TrackingNames.Referenced);

            context.RegisterSourceOutput(referenced.Select((r, _) => r.Diagnostics), ReportDiagnostics);

            IncrementalValueProvider<ImmutableArray<BuiltFile>> allFiles = built.Collect()
                .Combine(referenced.Select((r, _) => BuildReferenced(r)))
                .Select((pair, _) => pair.Right.IsEmpty ? pair.Left : pair.Right.AddRange(pair.Left));
            IncrementalValueProvider<LinkedCatalog> linked = allFiles
                .Select((files, _) => Link(files))
                .WithTrackingName(TrackingNames.Linked);

            context.RegisterSourceOutput(linked.Select((l, _) => l.Diagnostics), ReportDiagnostics);

            IncrementalValuesProvider<DerivedBuild> derivedBuilds = linked
                .SelectMany((l, _) => l.Derived)
                .Select((input, _) => BuildDerived(input))
                .WithTrackingName(TrackingNames.DerivedBuilds);

            context.RegisterSourceOutput(derivedBuilds.Select((d, _) => d.Diagnostics), ReportDiagnostics);

            // Names and references, over every built entry.
            IncrementalValueProvider<ResolvedCatalog> catalog = allFiles
                .Combine(linked)
                .Combine(derivedBuilds.Collect())
                .Select((pair, _) => Resolve(pair.Left.Left, pair.Left.Right, pair.Right))
                .WithTrackingName(TrackingNames.Resolved);

            context.RegisterSourceOutput(catalog.Select((c, _) => c.Diagnostics), ReportDiagnostics);

            // The emitted code compiles on the consumer's C# version: nullable annotations only from C# 8 on.
            IncrementalValueProvider<CatalogOptions> catalogOptions = options
                .Select((o, _) => o.Options)
                .Combine(context.ParseOptionsProvider.Select((parseOptions, _) => Emitting.LanguageSupport.HasNullableAnnotations(parseOptions)))
                .Select((pair, _) => pair.Left with { NullableAnnotations = pair.Right });

            // Accelerators built with their file are emitted from the per-file pipeline; the cross-file step only says
            // which of them it turned away (a duplicate id, a contested name), a list that is almost always empty and
            // so leaves the other files' entries cached when one file changes.
            IncrementalValuesProvider<(GpuEntry Entry, CatalogOptions Options)> standalone = built
                .Combine(catalog.Select((c, _) => c.RejectedStandalone).Combine(catalogOptions))
                .SelectMany((pair, _) => Accepted(pair.Left, pair.Right.Left, pair.Right.Right))
                .WithTrackingName(TrackingNames.StandaloneGpus);

            context.RegisterSourceOutput(standalone, (spc, pair) => EmitAccelerator(spc, pair.Entry, pair.Options));

            IncrementalValuesProvider<(GpuEntry Entry, CatalogOptions Options)> derived = catalog
                .SelectMany((c, _) => c.DerivedGpus)
                .Combine(catalogOptions)
                .WithTrackingName(TrackingNames.DerivedGpus);

            context.RegisterSourceOutput(derived, (spc, pair) => EmitAccelerator(spc, pair.Entry, pair.Options));

            IncrementalValueProvider<(IndexInput Index, CatalogOptions Options)> gpuIndex = catalog
                .Select((c, _) => new IndexInput(c.GpuIndex, c.ReferencedNamespaces))
                .Combine(catalogOptions)
                .WithTrackingName(TrackingNames.GpuIndex);

            context.RegisterSourceOutput(gpuIndex, (spc, pair) => EmitIndex(spc, "Gpus", pair.Index, pair.Options));

            IncrementalValuesProvider<(ModelEntry Entry, CatalogOptions Options)> models = catalog
                .SelectMany((c, _) => c.Models)
                .Combine(catalogOptions)
                .WithTrackingName(TrackingNames.ModelEntries);

            context.RegisterSourceOutput(models, (spc, pair) => EmitModel(spc, pair.Entry, pair.Options));

            IncrementalValueProvider<(IndexInput Index, CatalogOptions Options)> modelIndex = catalog
                .Select((c, _) => new IndexInput(c.ModelIndex, c.ReferencedNamespaces))
                .Combine(catalogOptions)
                .WithTrackingName(TrackingNames.ModelIndex);

            context.RegisterSourceOutput(modelIndex, (spc, pair) => EmitIndex(spc, "Models", pair.Index, pair.Options));

            IncrementalValuesProvider<(SystemEntry Entry, CatalogOptions Options)> systems = catalog
                .SelectMany((c, _) => c.Systems)
                .Combine(catalogOptions)
                .WithTrackingName(TrackingNames.SystemEntries);

            context.RegisterSourceOutput(systems, (spc, pair) => EmitSystem(spc, pair.Entry, pair.Options));

            IncrementalValueProvider<(IndexInput Index, CatalogOptions Options)> systemIndex = catalog
                .Select((c, _) => new IndexInput(c.SystemIndex, c.ReferencedNamespaces))
                .Combine(catalogOptions)
                .WithTrackingName(TrackingNames.SystemIndex);

            context.RegisterSourceOutput(systemIndex, (spc, pair) => EmitIndex(spc, "Systems", pair.Index, pair.Options));

            IncrementalValuesProvider<(TrainingPlanOutput Plan, CatalogOptions Options)> plans = catalog
                .SelectMany((c, _) => c.Plans)
                .Combine(catalogOptions)
                .WithTrackingName(TrackingNames.TrainingPlans);

            context.RegisterSourceOutput(plans, (spc, pair) => EmitPlan(spc, pair.Plan, pair.Options));

            IncrementalValueProvider<(IndexInput Index, CatalogOptions Options)> planIndex = catalog
                .Select((c, _) => new IndexInput(c.PlanIndex, EquatableArray<string>.Empty))
                .Combine(catalogOptions)
                .WithTrackingName(TrackingNames.PlanIndex);

            context.RegisterSourceOutput(planIndex, (spc, pair) => EmitIndex(spc, "TrainingPlans", pair.Index, pair.Options));

            IncrementalValuesProvider<(ServingPlanOutput Plan, CatalogOptions Options)> servingPlans = catalog
                .SelectMany((c, _) => c.ServingPlans)
                .Combine(catalogOptions)
                .WithTrackingName(TrackingNames.ServingPlans);

            context.RegisterSourceOutput(servingPlans, (spc, pair) => EmitServingPlan(spc, pair.Plan, pair.Options));

            IncrementalValueProvider<(IndexInput Index, CatalogOptions Options)> servingIndex = catalog
                .Select((c, _) => new IndexInput(c.ServingPlanIndex, EquatableArray<string>.Empty))
                .Combine(catalogOptions)
                .WithTrackingName(TrackingNames.ServingPlanIndex);

            context.RegisterSourceOutput(servingIndex, (spc, pair) => EmitIndex(spc, "ServingPlans", pair.Index, pair.Options));
        }

        /// <summary>The accelerators of one file built with it and not turned away by the cross-file step.</summary>
        private static ImmutableArray<(GpuEntry Entry, CatalogOptions Options)> Accepted(BuiltFile file, EquatableArray<EntryKey> rejected, CatalogOptions options)
        {
            var accepted = ImmutableArray.CreateBuilder<(GpuEntry, CatalogOptions)>(file.Entries.Count);
            foreach (BuiltEntry entry in file.Entries)
            {
                if (entry.Gpu is not null && rejected.AsSpan().BinarySearch(entry.Key) < 0) accepted.Add((entry.Gpu, options));
            }

            return accepted.ToImmutable();
        }

        private static void ReportDiagnostics(SourceProductionContext context, EquatableArray<DiagnosticInfo> diagnostics)
        {
            foreach (DiagnosticInfo diagnostic in diagnostics)
            {
                context.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        }

    }
}
