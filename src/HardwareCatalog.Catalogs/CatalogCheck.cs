using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using HardwareCatalog.Generators;
using HardwareCatalog.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace HardwareCatalog.Catalogs
{
    /// <summary>One catalog file handed to the pipeline.</summary>
    /// <param name="Path">The file's path, as its diagnostics name it.</param>
    /// <param name="Text">The file's YAML or JSON text.</param>
    /// <param name="IsBuiltIn">Whether it is one of the package's built-in catalog files (a built-in entry may not be redefined by a user file).</param>
    public sealed record CatalogSource(string Path, string Text, bool IsBuiltIn);

    /// <summary>How much a catalog diagnostic matters: as the build treats it.</summary>
    public enum CatalogSeverity
    {
        /// <summary>Reported, never failing a build.</summary>
        Info,

        /// <summary>A build goes on, unless it treats warnings as errors.</summary>
        Warning,

        /// <summary>The build fails; a catalog with an error is not loaded.</summary>
        Error,
    }

    /// <summary>A diagnostic as the build reports it for a catalog file.</summary>
    /// <param name="Id">The diagnostic id, such as HWC101.</param>
    /// <param name="Severity">Error, warning or info.</param>
    /// <param name="Message">The formatted message.</param>
    /// <param name="Path">The file it is located in, or null when it concerns no file.</param>
    /// <param name="Line">The 1-based line, or 0 when it concerns no file.</param>
    /// <param name="Column">The 1-based column, or 0 when it concerns no file.</param>
    /// <param name="Title">The rule's title.</param>
    /// <param name="HelpUri">The rule's documentation page.</param>
    public sealed record CatalogDiagnostic(string Id, CatalogSeverity Severity, string Message, string? Path, int Line, int Column, string Title, string HelpUri)
    {
        /// <summary>The lower-case severity word of the MSBuild line format: error, warning or info.</summary>
        public string Level => Severity switch
        {
            CatalogSeverity.Error => "error",
            CatalogSeverity.Warning => "warning",
            _ => "info",
        };

        /// <summary>The diagnostic in the MSBuild line format the build prints: <c>path(line,col): error HWC123: message</c>.</summary>
        public override string ToString()
            => (Path is { } path ? $"{path}({Line},{Column}): " : "") + $"{Level} {Id}: {Message}";

        /// <summary>A diagnostic of the compiler's, as data.</summary>
        internal static CatalogDiagnostic From(Diagnostic diagnostic)
        {
            FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
            bool located = diagnostic.Location != Location.None && span.IsValid;
            return new CatalogDiagnostic(
                diagnostic.Id,
                diagnostic.Severity switch
                {
                    DiagnosticSeverity.Error => CatalogSeverity.Error,
                    DiagnosticSeverity.Warning => CatalogSeverity.Warning,
                    _ => CatalogSeverity.Info,
                },
                diagnostic.GetMessage(CultureInfo.InvariantCulture),
                located ? span.Path : null,
                located ? span.StartLinePosition.Line + 1 : 0,
                located ? span.StartLinePosition.Character + 1 : 0,
                diagnostic.Descriptor.Title.ToString(CultureInfo.InvariantCulture),
                diagnostic.Descriptor.HelpLinkUri);
        }
    }

    /// <summary>What one run of the pipeline found: its diagnostics and the catalog it resolved.</summary>
    internal sealed class CatalogCheckResult
    {
        internal CatalogCheckResult(IReadOnlyList<CatalogDiagnostic> diagnostics, ImmutableArray<GpuEntry> gpus, ResolvedCatalog resolved)
        {
            Diagnostics = diagnostics;
            Gpus = gpus;
            Resolved = resolved;
        }

        /// <summary>Every diagnostic the build would report for these files, in pipeline order.</summary>
        public IReadOnlyList<CatalogDiagnostic> Diagnostics { get; }

        /// <summary>Whether any diagnostic is an error.</summary>
        public bool HasErrors => Diagnostics.Any(d => d.Severity == CatalogSeverity.Error);

        /// <summary>Every accelerator the generator would emit: those built with their file and not turned away, then those built from <c>extends</c>.</summary>
        internal ImmutableArray<GpuEntry> Gpus { get; }

        /// <summary>The cross-file result: models, systems and plans with their references resolved.</summary>
        internal ResolvedCatalog Resolved { get; }
    }

    /// <summary>
    /// The generator's catalog pipeline outside the compiler. It calls the very steps <c>CatalogGenerator</c> wires into
    /// Roslyn's incremental driver (ParseFile, BuildFile, Link, BuildDerived, Resolve, with their error handling), in the
    /// same order and on the same inputs: files tagged <c>builtin</c> or <c>user</c> as the package's build props tag them,
    /// and no MSBuild property set, so every default applies. What it leaves out needs a compilation: the catalogs of
    /// referenced assemblies, and the emitted code.
    /// </summary>
    internal static class CatalogCheck
    {
        /// <summary>Runs parse, build, link and resolve over <paramref name="files"/>.</summary>
        public static CatalogCheckResult Run(IEnumerable<CatalogSource> files, CancellationToken cancellationToken = default)
        {
            List<CatalogSource> list = files.ToList();
            var provider = new HostOptionsProvider(list);
            var diagnostics = new List<DiagnosticInfo>();

            OptionsResult options = CatalogGenerator.ReadOptions(provider.GlobalOptions);
            diagnostics.AddRange(options.Diagnostics);

            var built = ImmutableArray.CreateBuilder<BuiltFile>(list.Count);
            foreach (CatalogSource source in list)
            {
                cancellationToken.ThrowIfCancellationRequested();
                ParsedFile? parsed = CatalogGenerator.ParseFile(new HostText(source), provider, cancellationToken);
                if (parsed is null) continue;
                BuiltFile file = CatalogGenerator.BuildFile(parsed);
                diagnostics.AddRange(file.FileDiagnostics);
                built.Add(file);
            }

            ImmutableArray<BuiltFile> allFiles = built.ToImmutable();
            LinkedCatalog linked = CatalogGenerator.Link(allFiles);
            diagnostics.AddRange(linked.Diagnostics);

            ImmutableArray<DerivedBuild> derived = linked.Derived.Select(CatalogGenerator.BuildDerived).ToImmutableArray();
            foreach (DerivedBuild build in derived) diagnostics.AddRange(build.Diagnostics);

            ResolvedCatalog resolved = CatalogGenerator.Resolve(allFiles, linked, derived);
            diagnostics.AddRange(resolved.Diagnostics);

            // The accelerators the generator emits: the per-file ones it does not turn away, then the derived ones.
            var gpus = ImmutableArray.CreateBuilder<GpuEntry>();
            foreach (BuiltFile file in allFiles)
            {
                foreach (BuiltEntry entry in file.Entries)
                {
                    if (entry.Gpu is not null && resolved.RejectedStandalone.AsSpan().BinarySearch(entry.Key) < 0) gpus.Add(entry.Gpu);
                }
            }

            gpus.AddRange(resolved.DerivedGpus);
            return new CatalogCheckResult(diagnostics.Select(d => CatalogDiagnostic.From(d.ToDiagnostic())).ToList(), gpus.ToImmutable(), resolved);
        }

        /// <summary>A file's text as the compiler hands an additional file to a generator.</summary>
        private sealed class HostText : AdditionalText
        {
            private readonly SourceText _text;

            public HostText(CatalogSource source)
            {
                Path = source.Path;
                _text = SourceText.From(source.Text, System.Text.Encoding.UTF8);
            }

            public override string Path { get; }

            public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
        }

        /// <summary>The item metadata the package's build props put on catalog files, and no MSBuild property.</summary>
        private sealed class HostOptionsProvider : AnalyzerConfigOptionsProvider
        {
            private readonly Dictionary<string, string> _kinds = new(StringComparer.Ordinal);

            public HostOptionsProvider(IEnumerable<CatalogSource> files)
            {
                foreach (CatalogSource file in files) _kinds[file.Path] = file.IsBuiltIn ? "builtin" : "user";
            }

            public override AnalyzerConfigOptions GlobalOptions => HostOptions.Empty;

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => HostOptions.Empty;

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
                => _kinds.TryGetValue(textFile.Path, out string? kind) ? new HostOptions(CatalogGenerator.FileKindMetadata, kind) : HostOptions.Empty;
        }

        private sealed class HostOptions : AnalyzerConfigOptions
        {
            public static readonly HostOptions Empty = new(null, null);

            private readonly string? _key;
            private readonly string? _value;

            public HostOptions(string? key, string? value)
            {
                _key = key;
                _value = value;
            }

            public override bool TryGetValue(string key, out string value)
            {
                bool found = _key is not null && string.Equals(key, _key, StringComparison.Ordinal);
                value = found ? _value! : "";
                return found;
            }
        }
    }
}
