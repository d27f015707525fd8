using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using HardwareCatalog.Generators.Emitting;
using HardwareCatalog.Generators.Model;
using HardwareCatalog.Generators.Building;
using HardwareCatalog.Generators.Parsing;
using HardwareCatalog.Generators.Referencing;
using HardwareCatalog.Generators.Resolving;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace HardwareCatalog.Generators
{
    // The catalog library compiles this half without the generator's incremental wiring, as a helper of its own.
#if HARDWARECATALOG_CATALOG_LIBRARY
    internal sealed partial class CatalogGenerator
#else
    public sealed partial class CatalogGenerator
#endif
    {
        /// <summary>The item metadata the build props put on catalog files: <c>user</c>, <c>builtin</c> or <c>pack</c>.</summary>
        internal const string FileKindMetadata = "build_metadata.AdditionalFiles.HardwareCatalogFile";

        /// <summary>The item metadata a catalog pack's build props put on its files: the pack's package id.</summary>
        internal const string PackMetadata = "build_metadata.AdditionalFiles.HardwareCatalogPack";

        internal static OptionsResult ReadOptions(AnalyzerConfigOptions options)
        {
            var diagnostics = ImmutableArray.CreateBuilder<DiagnosticInfo>();
            string ns = CatalogOptions.Default.Namespace;
            if (options.TryGetValue("build_property.HardwareCatalogNamespace", out string? nsValue) && !string.IsNullOrWhiteSpace(nsValue))
            {
                nsValue = nsValue.Trim();
                if (IsValidNamespace(nsValue))
                {
                    ns = nsValue;
                }
                else
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOption, null, "HardwareCatalogNamespace", nsValue, "expected a C# namespace such as 'Acme.Hardware'; 'HardwareCatalog' is used instead"));
                }
            }

            bool isPublic = false;
            if (options.TryGetValue("build_property.HardwareCatalogVisibility", out string? visibility) && !string.IsNullOrWhiteSpace(visibility))
            {
                switch (visibility.Trim().ToLowerInvariant())
                {
                    case "public": isPublic = true; break;
                    case "internal": break;
                    default:
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOption, null, "HardwareCatalogVisibility", visibility, "expected 'internal' or 'public'; 'internal' is used instead"));
                        break;
                }
            }

            string? builtIns = Property(options, "HardwareCatalogIncludeBuiltIns");
            if (builtIns is not null && builtIns.Trim().ToLowerInvariant() is not ("true" or "false"))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOption, null, "HardwareCatalogIncludeBuiltIns", builtIns, "expected 'true' or 'false'; the built-in catalog is included"));
            }

            string? secondary = Property(options, "HardwareCatalogSecondaryValues");
            if (secondary is not null && secondary.Trim().ToLowerInvariant() is not ("include" or "exclude"))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOption, null, "HardwareCatalogSecondaryValues", secondary, "expected 'include' or 'exclude'; secondary values are included"));
            }

            string? maxSize = Property(options, "HardwareCatalogMaxFileSize");
            if (maxSize is not null && ParseMaxFileSize(maxSize) is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOption, null, "HardwareCatalogMaxFileSize", maxSize,
                    $"expected a positive number of characters; the default, {InputGuard.DefaultMaxFileSize.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)}, is used"));
            }

            bool typedMembers = true;
            string? typed = Property(options, "HardwareCatalogTypedMembers");
            switch (typed?.Trim().ToLowerInvariant())
            {
                case null or "true":
                    break;
                case "false" when isPublic:
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOption, null, "HardwareCatalogTypedMembers", typed,
                        "a public catalog keeps its typed members, which catalogs that reference it build on; they are generated"));
                    break;
                case "false":
                    typedMembers = false;
                    break;
                default:
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOption, null, "HardwareCatalogTypedMembers", typed!, "expected 'true' or 'false'; typed members are generated"));
                    break;
            }

            return new OptionsResult(new CatalogOptions(ns, isPublic) { TypedMembers = typedMembers }, diagnostics.ToImmutable().ToEquatableArray());
        }

        internal static bool IsValidNamespace(string value)
            => value.Split('.').All(part => part.Length > 0
                && Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(part)
                && part.All(c => c < 128)
                && Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(part) == Microsoft.CodeAnalysis.CSharp.SyntaxKind.None);

        internal static ParsedFile? ParseFile(AdditionalText file, AnalyzerConfigOptionsProvider optionsProvider, CancellationToken cancellationToken)
        {
            AnalyzerConfigOptions fileOptions = optionsProvider.GetOptions(file);
            if (!fileOptions.TryGetValue(FileKindMetadata, out string? kind) || (kind != "user" && kind != "builtin" && kind != "pack"))
            {
                return null;
            }

            if (file.Path.EndsWith(".schema.json", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            bool isBuiltIn = kind == "builtin";
            if (isBuiltIn && !IncludeBuiltIns(optionsProvider.GlobalOptions))
            {
                return null;
            }

            try
            {
                SourceText? text = file.GetText(cancellationToken);
                if (text is null)
                {
                    return Failed(file.Path, isBuiltIn, new InvalidOperationException("the file could not be read"));
                }

                return CatalogParser.Parse(file.Path, text.ToString(), isBuiltIn, MaxFileSize(optionsProvider.GlobalOptions), PackName(kind, fileOptions), ExcludeSecondary(optionsProvider.GlobalOptions));
            }
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (Exception exception)
            {
                return Failed(file.Path, isBuiltIn, exception);
            }
        }

        /// <summary>
        /// A catalog pack's files are read like the project's own; they differ only in that their diagnostics name the
        /// pack (its id, or "unnamed" when the pack's props did not say).
        /// </summary>
        private static string? PackName(string kind, AnalyzerConfigOptions fileOptions)
            => kind != "pack" ? null
            : fileOptions.TryGetValue(PackMetadata, out string? pack) && !string.IsNullOrWhiteSpace(pack) ? pack.Trim() : "unnamed";

        /// <summary>The value of an MSBuild property made visible to the compiler, or null when it is unset or blank.</summary>
        private static string? Property(AnalyzerConfigOptions options, string name)
            => options.TryGetValue("build_property." + name, out string? value) && !string.IsNullOrWhiteSpace(value) ? value : null;

        /// <summary>Built-ins are in unless the property says 'false' (an invalid value is reported by ReadOptions).</summary>
        private static bool IncludeBuiltIns(AnalyzerConfigOptions options)
            => !string.Equals(Property(options, "HardwareCatalogIncludeBuiltIns")?.Trim(), "false", StringComparison.OrdinalIgnoreCase);

        /// <summary>Secondary values are in unless the property says 'exclude' (an invalid value is reported by ReadOptions).</summary>
        private static bool ExcludeSecondary(AnalyzerConfigOptions options)
            => string.Equals(Property(options, "HardwareCatalogSecondaryValues")?.Trim(), "exclude", StringComparison.OrdinalIgnoreCase);

        private static int? ParseMaxFileSize(string value)
            => int.TryParse(value.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int size) && size > 0 ? size : null;

        private static int MaxFileSize(AnalyzerConfigOptions options)
            => Property(options, "HardwareCatalogMaxFileSize") is { } value && ParseMaxFileSize(value) is int size ? size : InputGuard.DefaultMaxFileSize;

        private static ParsedFile Failed(string path, bool isBuiltIn, Exception exception)
            => new(path, isBuiltIn, EquatableArray<ParsedEntry>.Empty, new EquatableArray<DiagnosticInfo>(new[]
            {
                DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, LocationInfo.FileStart(path), "parsing this file; the other files still generate", exception.GetType().Name, exception.Message),
            }));

        internal static BuiltFile BuildFile(ParsedFile file)
        {
            try
            {
                return EntryBuilder.BuildFile(file);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                return new BuiltFile(file, EquatableArray<BuiltEntry>.Empty, new EquatableArray<DiagnosticInfo>(new[]
                {
                    DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, LocationInfo.FileStart(file.Path), "building the entries of this file; the other files still generate", exception.GetType().Name, exception.Message),
                }));
            }
        }

        internal static LinkedCatalog Link(ImmutableArray<BuiltFile> files)
        {
            try
            {
                return CatalogLinker.Link(files);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                return new LinkedCatalog(EquatableArray<EntryKey>.Empty, EquatableArray<DerivedInput>.Empty, InternalError("linking the catalog (ids, extends); no entry that extends another was generated", exception, null));
            }
        }

        internal static DerivedBuild BuildDerived(DerivedInput input)
        {
            try
            {
                return EntryBuilder.BuildDerived(input);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                BuiltEntry failed = new(input.Entry.Key, input.Entry.Kind, input.Entry.Id, null, false, input.Entry.EntryLocation, EquatableArray<KeyLocation>.Empty, null, null);
                return new DerivedBuild(failed, InternalError($"building '{input.Entry.Id}'; the other entries still generate", exception, input.Entry.EntryLocation));
            }
        }

        internal static ResolvedCatalog Resolve(ImmutableArray<BuiltFile> files, LinkedCatalog linked, ImmutableArray<DerivedBuild> derived)
        {
            try
            {
                return CatalogResolver.Resolve(files, linked, derived);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                return ResolvedCatalog.Empty with { Diagnostics = InternalError("resolving the catalog (names, references); nothing was generated", exception, null) };
            }
        }

        private static EquatableArray<DiagnosticInfo> InternalError(string activity, Exception exception, LocationInfo? location)
            => new(new[] { DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, location, activity, exception.GetType().Name, exception.Message) });

        private static void EmitAccelerator(SourceProductionContext context, GpuEntry model, CatalogOptions options)
            => Emit(context, AcceleratorEmitter.HintName(model), () => AcceleratorEmitter.Emit(model, options), $"emitting '{model.Id}'; the other entries still generate");

        private static void EmitSystem(SourceProductionContext context, SystemEntry system, CatalogOptions options)
            => Emit(context, SystemEmitter.HintName(system), () => SystemEmitter.Emit(system, options), $"emitting '{system.Id}'; the other entries still generate");

        private static void EmitModel(SourceProductionContext context, ModelEntry model, CatalogOptions options)
            => Emit(context, ModelEmitter.HintName(model), () => ModelEmitter.Emit(model, options), $"emitting '{model.Id}'; the other entries still generate");

        private static void EmitPlan(SourceProductionContext context, TrainingPlanOutput plan, CatalogOptions options)
            => Emit(context, TrainingPlanEmitter.HintName(plan), () => TrainingPlanEmitter.Emit(plan, options), $"emitting '{plan.Plan.Id}'; the other entries still generate");

        private static void EmitServingPlan(SourceProductionContext context, ServingPlanOutput plan, CatalogOptions options)
            => Emit(context, ServingPlanEmitter.HintName(plan), () => ServingPlanEmitter.Emit(plan, options), $"emitting '{plan.Plan.Id}'; the other entries still generate");

        internal static ReferencedCatalogs ReadReferences(Compilation compilation, System.Threading.CancellationToken cancellationToken)
        {
            try
            {
                return ReferencedCatalogReader.Read(compilation, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                return new ReferencedCatalogs(EquatableArray<ReferencedCatalog>.Empty, InternalError("reading the catalogs of referenced assemblies; they are left out", exception, null));
            }
        }

        /// <summary>Each referenced catalog as a built file, so that linking and resolving see it as they see the project's files.</summary>
        internal static ImmutableArray<BuiltFile> BuildReferenced(ReferencedCatalogs referenced)
            => referenced.Catalogs.Count == 0
                ? ImmutableArray<BuiltFile>.Empty
                : referenced.Catalogs.Select(c => EntryBuilder.BuildFile(ReferencedEntries.ToParsedFile(c))).ToImmutableArray();

        private static void EmitIndex(SourceProductionContext context, string className, IndexInput index, CatalogOptions options)
        {
            // A referenced assembly whose catalog has this namespace already declares the public index class; with
            // nothing of its own to add, this project uses that one rather than declare a second that would hide it.
            bool ownEntries = index.Entries.Any(e => e.ExternalNamespace is null);
            if (!ownEntries && index.ReferencedNamespaces.Contains(options.Namespace))
            {
                return;
            }

            // Plans are the project's own: without one there is no TrainingPlans or ServingPlans class (nothing to find).
            if (className is "TrainingPlans" or "ServingPlans" && index.Entries.Count == 0)
            {
                return;
            }

            (string typesNamespace, string baseType, string what, string exampleId, string exampleIdentifier) = className switch
            {
                "Gpus" => ("Accelerators", "Accelerator", "accelerator", "h800-sxm", "H800Sxm"),
                "Systems" => ("AcceleratorSystems", "AcceleratorSystem", "system", "dgx-h100", "DgxH100"),
                "TrainingPlans" => ("", "Planning.TrainingPlan", "training plan", "llama-3.1-405b-8k", "Llama3_1_405b8k"),
                "ServingPlans" => ("", "Planning.ServingPlan", "serving plan", "deepseek-v3-h200", "DeepseekV3H200"),
                _ => ("LanguageModels", "ModelSpec", "model", "deepseek-v3", "DeepSeekV3"),
            };
            Emit(context, className + ".g.cs", () => IndexEmitter.Emit(className, typesNamespace, baseType, what, exampleId, exampleIdentifier, index.Entries, options), $"emitting the {className} index");
        }

        private static void Emit(SourceProductionContext context, string hintName, Func<string> emit, string activity)
        {
            try
            {
                context.AddSource(hintName, SourceText.From(emit(), System.Text.Encoding.UTF8));
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                context.ReportDiagnostic(DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, null, activity, exception.GetType().Name, exception.Message).ToDiagnostic());
            }
        }
    }
}
