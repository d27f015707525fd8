extern alias generator;

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace HardwareCatalog.Cli.Tests
{
    /// <summary>Catalog files written to a folder of their own under the temp folder, deleted when the test ends.</summary>
    public sealed class TempCatalog : IDisposable
    {
        public TempCatalog()
        {
            Root = Path.Combine(Path.GetTempPath(), "hwcat-tests-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Root);
        }

        public string Root { get; }

        /// <summary>Writes <paramref name="text"/> to <paramref name="name"/> under the folder and returns its full path.</summary>
        public string Write(string name, string text)
        {
            string path = Path.Combine(Root, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
            return path;
        }

        public void Dispose() => Directory.Delete(Root, recursive: true);
    }

    /// <summary>The repository's catalog folder and the generator run as the compiler runs it, on the files the package hands it.</summary>
    public static class Build
    {
        public static string RepositoryRoot { get; } = FindRoot();

        /// <summary>The built-in files as the package's build targets collect them: catalogs/gpus, models and systems, *.yaml.</summary>
        public static IReadOnlyList<string> BuiltInFiles { get; } = new[] { "gpus", "models", "systems" }
            .SelectMany(folder => Directory.GetFiles(Path.Combine(RepositoryRoot, "catalogs", folder), "*.yaml"))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();

        /// <summary>
        /// The diagnostics the generator reports for the built-in files (tagged builtin, named by their path relative to the
        /// repository root, as hwcat names its embedded copies) and <paramref name="userFiles"/> (tagged user), each written
        /// as MSBuild writes it: <c>path(line,col): error HWC123: message</c>, with the path relative to the current directory.
        /// </summary>
        public static IReadOnlyList<string> GeneratorDiagnostics(IEnumerable<string> userFiles)
        {
            var files = BuiltInFiles.Select(f => (Path: Path.GetRelativePath(RepositoryRoot, f).Replace('\\', '/'), Text: File.ReadAllText(f), Kind: "builtin"))
                .Concat(userFiles.Select(f => (Path: f, Text: File.ReadAllText(f), Kind: "user")))
                .ToList();
            GeneratorDriver driver = CSharpGeneratorDriver.Create(
                new[] { new generator::HardwareCatalog.Generators.CatalogGenerator().AsSourceGenerator() },
                files.Select(f => (AdditionalText)new Text(f.Path, f.Text)),
                new CSharpParseOptions(LanguageVersion.CSharp12),
                new Options(files.ToDictionary(f => f.Path, f => f.Kind)));
            CSharpCompilation compilation = CSharpCompilation.Create("Consumer", Array.Empty<SyntaxTree>(),
                new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) }, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out _, out ImmutableArray<Diagnostic> reported);
            return reported.Concat(driver.GetRunResult().Diagnostics).Distinct().Select(Line).ToList();
        }

        private static string Line(Diagnostic diagnostic)
        {
            FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
            string where = diagnostic.Location == Location.None ? ""
                : $"{(Path.IsPathRooted(span.Path) ? Path.GetRelativePath(Directory.GetCurrentDirectory(), span.Path) : span.Path)}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): ";
            string severity = diagnostic.Severity switch { DiagnosticSeverity.Error => "error", DiagnosticSeverity.Warning => "warning", _ => "info" };
            return $"{where}{severity} {diagnostic.Id}: {diagnostic.GetMessage(CultureInfo.InvariantCulture)}";
        }

        private static string FindRoot()
        {
            string? directory = AppContext.BaseDirectory;
            while (directory is not null && !File.Exists(Path.Combine(directory, "Catalog.sln"))) directory = Path.GetDirectoryName(directory);
            return directory ?? throw new InvalidOperationException("Catalog.sln not found above " + AppContext.BaseDirectory);
        }

        private sealed class Text : AdditionalText
        {
            private readonly SourceText _text;

            public Text(string path, string text)
            {
                Path = path;
                _text = SourceText.From(text, System.Text.Encoding.UTF8);
            }

            public override string Path { get; }

            public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
        }

        /// <summary>Each file's HardwareCatalogFile metadata, as the package's props make it visible to the generator.</summary>
        private sealed class Options : AnalyzerConfigOptionsProvider
        {
            private readonly Dictionary<string, string> _kinds;

            public Options(Dictionary<string, string> kinds) => _kinds = kinds;

            public override AnalyzerConfigOptions GlobalOptions { get; } = new Values(null);

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
                => new Values(_kinds.TryGetValue(textFile.Path, out string? kind) ? kind : null);

            private sealed class Values : AnalyzerConfigOptions
            {
                private readonly string? _kind;

                public Values(string? kind) => _kind = kind;

                public override bool TryGetValue(string key, out string value)
                {
                    bool found = _kind is not null && key == "build_metadata.AdditionalFiles.HardwareCatalogFile";
                    value = found ? _kind! : "";
                    return found;
                }
            }
        }
    }
}
