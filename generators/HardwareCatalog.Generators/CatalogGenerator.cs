using System;
using System.Collections.Immutable;
using System.Linq;
using HardwareCatalog.Generators.Model;
using HardwareCatalog.Generators.Parsing;
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

            // One item per catalog file: an edit to one file re-parses that file alone.
            IncrementalValuesProvider<ParsedFile> files = context.AdditionalTextsProvider
                .Combine(context.AnalyzerConfigOptionsProvider)
                .Select((pair, cancellationToken) => ParseFile(pair.Left, pair.Right, cancellationToken))
                .Where(file => file is not null)
                .Select((file, _) => file!)
                .WithTrackingName(TrackingNames.ParsedFiles);

            context.RegisterSourceOutput(files.Select((file, _) => file.Diagnostics), ReportDiagnostics);

            // Cross-file rules (ids, extends) need every file at once; emission is per entry again after this.
            IncrementalValueProvider<ResolvedCatalog> catalog = files
                .Collect()
                .Combine(options)
                .Select((pair, _) => Resolve(pair.Left, pair.Right.Options))
                .WithTrackingName(TrackingNames.Resolved);

            context.RegisterSourceOutput(catalog.Select((c, _) => c.Diagnostics), ReportDiagnostics);

            // The emitted code compiles on the consumer's C# version: nullable annotations only from C# 8 on.
            IncrementalValueProvider<CatalogOptions> catalogOptions = options
                .Select((o, _) => o.Options)
                .Combine(context.ParseOptionsProvider.Select((parseOptions, _) => Emitting.LanguageSupport.HasNullableAnnotations(parseOptions)))
                .Select((pair, _) => pair.Left with { NullableAnnotations = pair.Right });

            // Entries that need no other file were built with their file: when one file changes, only its entries
            // re-emit. The cross-file step only says which of them are accepted (no duplicate id, no collision).
            IncrementalValuesProvider<(AcceleratorModel Model, CatalogOptions Options)> standalone = files
                .SelectMany((file, _) => file.Entries.Where(e => e.Standalone?.Model is not null))
                .Combine(catalog.Select((c, _) => c.AcceptedStandalone))
                .Where(pair => pair.Right.AsSpan().BinarySearch(CatalogResolver.StandaloneKey(pair.Left), StringComparer.Ordinal) >= 0)
                .Select((pair, _) => pair.Left.Standalone!.Model!)
                .Combine(catalogOptions)
                .WithTrackingName(TrackingNames.StandaloneGpus);

            context.RegisterSourceOutput(standalone, (spc, pair) => EmitAccelerator(spc, pair.Model, pair.Options));

            IncrementalValuesProvider<(AcceleratorModel Model, CatalogOptions Options)> derived = catalog
                .SelectMany((c, _) => c.DerivedGpus)
                .Combine(catalogOptions)
                .WithTrackingName(TrackingNames.DerivedGpus);

            context.RegisterSourceOutput(derived, (spc, pair) => EmitAccelerator(spc, pair.Model, pair.Options));

            IncrementalValueProvider<(EquatableArray<IndexEntry> Entries, CatalogOptions Options)> gpuIndex = catalog
                .Select((c, _) => c.GpuIndex)
                .Combine(catalogOptions)
                .WithTrackingName(TrackingNames.GpuIndex);

            context.RegisterSourceOutput(gpuIndex, (spc, pair) => EmitIndex(spc, "Gpus", pair.Entries, pair.Options));

            IncrementalValuesProvider<(ModelModel Model, CatalogOptions Options)> models = catalog
                .SelectMany((c, _) => c.Models)
                .Combine(catalogOptions)
                .WithTrackingName(TrackingNames.ModelEntries);

            context.RegisterSourceOutput(models, (spc, pair) => EmitModel(spc, pair.Model, pair.Options));

            IncrementalValueProvider<(EquatableArray<IndexEntry> Entries, CatalogOptions Options)> modelIndex = catalog
                .Select((c, _) => c.Models.Select(m => new IndexEntry(m.Id, m.Identifier)).ToEquatableArray())
                .Combine(catalogOptions)
                .WithTrackingName(TrackingNames.ModelIndex);

            context.RegisterSourceOutput(modelIndex, (spc, pair) => EmitIndex(spc, "Models", pair.Entries, pair.Options));
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
