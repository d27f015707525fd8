using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace HardwareCatalog.Generators.Tests
{
    /// <summary>A catalog file handed to the generator, as the build props would tag it.</summary>
    public sealed record CatalogFile(string Path, string Text, string Kind = "user");

    /// <summary>Runs the generator in memory, the way the compiler does, on catalog text and C# source.</summary>
    public static class GeneratorHarness
    {
        private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(() =>
        {
            string trusted = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
            return trusted.Split(System.IO.Path.PathSeparator)
                .Where(p => System.IO.Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal)
                    || System.IO.Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
                .Append(MetadataReference.CreateFromFile(typeof(HardwareCatalog.Accelerator).Assembly.Location))
                .ToImmutableArray();
        });

        public static CSharpCompilation Compilation(params string[] sources) => CSharpCompilation.Create(
            "Consumer",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.CSharp12), path: $"Source{i}.cs")),
            s_references.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        /// <summary>An additional text as the compiler hands it over.</summary>
        public static AdditionalText Text(string path, string text) => new InMemoryAdditionalText(path, text);

        /// <summary>The options provider that tags <paramref name="files"/> as the build props do.</summary>
        public static AnalyzerConfigOptionsProvider Options(IEnumerable<CatalogFile> files, IReadOnlyDictionary<string, string>? properties = null)
            => new TestOptionsProvider(properties ?? new Dictionary<string, string>(), files.ToDictionary(f => f.Path, f => f.Kind));

        public static GeneratorDriver Driver(IEnumerable<CatalogFile> files, IReadOnlyDictionary<string, string>? properties = null, bool trackSteps = true)
        {
            var list = files.ToList();
            return Driver(list.Select(f => Text(f.Path, f.Text)), Options(list, properties), trackSteps);
        }

        public static GeneratorDriver Driver(IEnumerable<AdditionalText> texts, AnalyzerConfigOptionsProvider options, bool trackSteps = true)
        {
            return CSharpGeneratorDriver.Create(
                new[] { new CatalogGenerator().AsSourceGenerator() },
                texts.ToImmutableArray(),
                new CSharpParseOptions(LanguageVersion.CSharp12),
                options,
                new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));
        }

        /// <summary>Runs the generator and compiles its output with <paramref name="source"/>.</summary>
        public static GeneratorResult Run(IEnumerable<CatalogFile> files, string source = "", IReadOnlyDictionary<string, string>? properties = null)
        {
            GeneratorDriver driver = Driver(files, properties);
            CSharpCompilation compilation = Compilation(source);
            driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);
            GeneratorDriverRunResult result = driver.GetRunResult();
            return new GeneratorResult(
                result,
                generatorDiagnostics.Concat(result.Diagnostics).Distinct().ToImmutableArray(),
                output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray(),
                output);
        }

        public static GeneratorResult Run(string path, string text, string source = "")
            => Run(new[] { new CatalogFile(path, text) }, source);

        private sealed class InMemoryAdditionalText : AdditionalText
        {
            private readonly SourceText _text;

            public InMemoryAdditionalText(string path, string text)
            {
                Path = path;
                _text = SourceText.From(text, System.Text.Encoding.UTF8);
            }

            public override string Path { get; }

            public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
        }

        private sealed class TestOptionsProvider : AnalyzerConfigOptionsProvider
        {
            private readonly Dictionary<string, string> _kinds;

            public TestOptionsProvider(IReadOnlyDictionary<string, string> properties, Dictionary<string, string> kinds)
            {
                GlobalOptions = new DictionaryOptions(properties.ToDictionary(p => "build_property." + p.Key, p => p.Value));
                _kinds = kinds;
            }

            public override AnalyzerConfigOptions GlobalOptions { get; }

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => DictionaryOptions.Empty;

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
                => _kinds.TryGetValue(textFile.Path, out string? kind) && kind.Length > 0
                    ? new DictionaryOptions(new Dictionary<string, string> { ["build_metadata.AdditionalFiles.HardwareCatalogFile"] = kind })
                    : DictionaryOptions.Empty;
        }

        private sealed class DictionaryOptions : AnalyzerConfigOptions
        {
            public static readonly DictionaryOptions Empty = new(new Dictionary<string, string>());

            private readonly Dictionary<string, string> _values;

            public DictionaryOptions(Dictionary<string, string> values) => _values = values;

            public override bool TryGetValue(string key, out string value)
            {
                bool found = _values.TryGetValue(key, out string? v);
                value = v ?? "";
                return found;
            }
        }
    }

    /// <summary>What one generator run produced.</summary>
    public sealed record GeneratorResult(
        GeneratorDriverRunResult RunResult,
        ImmutableArray<Diagnostic> GeneratorDiagnostics,
        ImmutableArray<Diagnostic> CompilationDiagnostics,
        Compilation Output)
    {
        public string Source(string hintName)
            => RunResult.Results.Single().GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString();

        public IEnumerable<string> HintNames => RunResult.Results.Single().GeneratedSources.Select(s => s.HintName);

        /// <summary>"path(line,col): id" for each generator diagnostic, as the command line prints them.</summary>
        public IEnumerable<string> Located => GeneratorDiagnostics.Select(d =>
        {
            FileLinePositionSpan span = d.Location.GetLineSpan();
            return $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {d.Id}";
        });
    }
}
