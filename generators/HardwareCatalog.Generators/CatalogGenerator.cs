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

            IncrementalValuesProvider<(AcceleratorModel Model, CatalogOptions Options)> gpus = catalog
                .SelectMany((c, _) => c.Gpus)
                .Combine(options.Select((o, _) => o.Options))
                .WithTrackingName(TrackingNames.GpuEntries);

            context.RegisterSourceOutput(gpus, (spc, pair) => EmitAccelerator(spc, pair.Model, pair.Options));

            IncrementalValueProvider<(EquatableArray<IndexEntry> Entries, CatalogOptions Options)> gpuIndex = catalog
                .Select((c, _) => c.Gpus.Select(g => new IndexEntry(g.Id, g.Identifier)).ToEquatableArray())
                .Combine(options.Select((o, _) => o.Options))
                .WithTrackingName(TrackingNames.GpuIndex);

            context.RegisterSourceOutput(gpuIndex, (spc, pair) => EmitIndex(spc, "Gpus", pair.Entries, pair.Options));

            IncrementalValuesProvider<(ModelModel Model, CatalogOptions Options)> models = catalog
                .SelectMany((c, _) => c.Models)
                .Combine(options.Select((o, _) => o.Options))
                .WithTrackingName(TrackingNames.ModelEntries);

            context.RegisterSourceOutput(models, (spc, pair) => EmitModel(spc, pair.Model, pair.Options));

            IncrementalValueProvider<(EquatableArray<IndexEntry> Entries, CatalogOptions Options)> modelIndex = catalog
                .Select((c, _) => c.Models.Select(m => new IndexEntry(m.Id, m.Identifier)).ToEquatableArray())
                .Combine(options.Select((o, _) => o.Options))
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

        /// <summary>An id and the C# name it became, for the index.</summary>
        internal sealed record IndexEntry(string Id, string Identifier);
    }
}
