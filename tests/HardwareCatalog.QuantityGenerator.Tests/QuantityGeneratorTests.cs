using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace HardwareCatalog.QuantityGenerator.Tests
{
    /// <summary>Runs the quantity generator in memory on a table, the way the compiler does for the runtime library.</summary>
    public class QuantityGeneratorTests
    {
        private static readonly string s_units = typeof(QuantityGeneratorTests).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "UnitsDirectory").Value!;

        private static readonly string s_repositoryTable = File.ReadAllText(Path.Combine(s_units, "Quantities.txt"));

        /// <summary>The first rows of the repository's table, enough for the relations below.</summary>
        private const string Base = """
            quantity | Flops        | Count          | Compute     | compute amount     | {base}      | 3.8e25 FLOP
            quantity | FlopRate     | FlopsPerSecond | ComputeRate | compute rate       | {si:12}     | 989.4 TFLOP/s
            quantity | GpuHours     | Hours          | Count       | GPU-hour amount    | {si} GPU-h  | 2.788M GPU-h
            quantity | GpuHourPrice | UsdPerGpuHour  | Count       | price per GPU-hour | ${base}/GPU-h | $2/GPU-h
            quantity | Money        | Usd            | Count       | money amount       | {sign}${si} | $13.96M
            external | TimeSpan     | TotalSeconds   | QuantityText.ToTimeSpan
            relation | Flops = FlopRate * TimeSpan
            """;

        private static (ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<GeneratedSourceResult> Sources) Run(string table)
        {
            GeneratorDriver driver = CSharpGeneratorDriver.Create(
                new[] { new QuantityGenerator().AsSourceGenerator() },
                new AdditionalText[] { new TableText("/repo/src/HardwareCatalog/Units/Quantities.txt", table) });
            var compilation = CSharpCompilation.Create("Units", options: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            GeneratorRunResult result = driver.RunGenerators(compilation).GetRunResult().Results.Single();
            Assert.Null(result.Exception);
            return (result.Diagnostics, result.GeneratedSources);
        }

        private static readonly int BaseLines = Base.Split('\n').Length;

        [Fact]
        public void The_repository_table_is_clean_and_gives_one_file_per_quantity()
        {
            var (diagnostics, sources) = Run(s_repositoryTable);
            Assert.Empty(diagnostics);
            int quantityRows = s_repositoryTable.Split('\n').Count(line => line.TrimStart().StartsWith("quantity", StringComparison.Ordinal));
            Assert.Equal(quantityRows, sources.Length);
            Assert.Contains(sources, s => s.HintName == "Money.g.cs" && s.SourceText.ToString().Contains("public static GpuHours operator /(Money left, GpuHourPrice right)"));
        }

        [Fact]
        public void The_generated_halves_compile_with_the_hand_written_ones_and_document_every_member()
        {
            // The library's build proves this for netstandard2.0 and net8.0; here it is a test that names the failure.
            string[] handWritten = Directory.GetFiles(s_units, "*.cs");
            var trees = handWritten.Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path),
                new CSharpParseOptions(LanguageVersion.CSharp12, DocumentationMode.Diagnose), path));
            string trusted = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
            var references = trusted.Split(Path.PathSeparator)
                .Where(p => Path.GetFileName(p) is "System.Runtime.dll" or "System.Private.CoreLib.dll" or "netstandard.dll")
                .Select(p => MetadataReference.CreateFromFile(p));
            var compilation = CSharpCompilation.Create("Units", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable, generalDiagnosticOption: ReportDiagnostic.Error,
                specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic> { ["CS1591"] = ReportDiagnostic.Error }));
            GeneratorDriver driver = CSharpGeneratorDriver.Create(
                new[] { new QuantityGenerator().AsSourceGenerator() },
                new AdditionalText[] { new TableText(Path.Combine(s_units, "Quantities.txt"), s_repositoryTable) },
                parseOptions: new CSharpParseOptions(LanguageVersion.CSharp12, DocumentationMode.Diagnose));
            driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);
            Assert.Empty(generatorDiagnostics);
            Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()));
        }

        [Fact]
        public void A_repeated_relation_is_an_error_at_its_row()
        {
            string table = Base + "\nrelation | Flops = FlopRate * TimeSpan\n";
            var (diagnostics, sources) = Run(table);
            Diagnostic error = Assert.Single(diagnostics);
            Assert.Equal("QTY003", error.Id);
            Assert.Equal(DiagnosticSeverity.Error, error.Severity);
            Assert.Equal(BaseLines + 1, error.Location.GetLineSpan().StartLinePosition.Line + 1);
            Assert.EndsWith("Quantities.txt", error.Location.GetLineSpan().Path);
            Assert.Contains("FlopRate * TimeSpan", error.GetMessage());
            // The first row still generates, once.
            string flopRate = sources.Single(s => s.HintName == "FlopRate.g.cs").SourceText.ToString();
            Assert.Single(flopRate.Split('\n'), line => line.Contains("public static Flops operator *(FlopRate left, TimeSpan right)"));
        }

        [Fact]
        public void A_relation_with_its_factors_swapped_declares_the_same_operators()
        {
            string table = Base + "\nrelation | Flops = TimeSpan * FlopRate\n";
            Diagnostic error = Assert.Single(Run(table).Diagnostics);
            Assert.Equal("QTY003", error.Id);
            Assert.Equal(BaseLines + 1, error.Location.GetLineSpan().StartLinePosition.Line + 1);
        }

        [Fact]
        public void Two_products_of_the_same_factors_are_ambiguous()
        {
            string table = Base + "\nrelation | Money = GpuHours * GpuHourPrice\nrelation | Flops = GpuHours * GpuHourPrice\n";
            Diagnostic error = Assert.Single(Run(table).Diagnostics);
            Assert.Equal("QTY003", error.Id);
            Assert.Contains("GpuHours * GpuHourPrice", error.GetMessage());
            Assert.Contains("Flops = GpuHours * GpuHourPrice", error.GetMessage());
        }

        [Fact]
        public void A_relation_that_redefines_a_shared_operator_is_an_error()
        {
            // Flops / Flops is the shared dimensionless ratio; this relation would declare it again returning Flops.
            Diagnostic error = Assert.Single(Run(Base + "\nrelation | Flops = Flops * Flops\n").Diagnostics);
            Assert.Equal("QTY003", error.Id);
            Assert.Contains("shared operators of Flops", error.GetMessage());
        }

        [Theory]
        [InlineData("relation | Energy = Power * TimeSpan", "QTY002")]
        [InlineData("relation | TimeSpan = Flops * Money", "QTY002")]
        [InlineData("quantity | Flops | Count | Compute | compute amount | {base} | 1 FLOP", "QTY002")]
        [InlineData("quantity | Energy | Joules | Heat | energy | {si} | 1 J", "QTY001")]
        [InlineData("quantity | Energy | Joules | Power | energy | {si} | 1 J", "QTY001")]
        [InlineData("quantity | Energy | Joules | Power | energy | {watts} | 1 W", "QTY001")]
        [InlineData("quantity | Energy | Joules | Power | energy", "QTY001")]
        [InlineData("relation | Money = GpuHours x GpuHourPrice", "QTY001")]
        [InlineData("constant | Pi | 3.14", "QTY001")]
        public void A_bad_row_is_reported_and_left_out(string row, string id)
        {
            var (diagnostics, sources) = Run(Base + "\n" + row + "\n");
            Diagnostic error = Assert.Single(diagnostics);
            Assert.Equal(id, error.Id);
            Assert.Equal(BaseLines + 1, error.Location.GetLineSpan().StartLinePosition.Line + 1);
            Assert.Equal(5, sources.Length);
        }

        [Fact]
        public void Editing_csharp_leaves_the_output_cached_and_editing_the_table_regenerates_it()
        {
            // The generator reads the table only, never the compilation, so a C# edit must not rerun it.
            var table = new TableText("/repo/src/HardwareCatalog/Units/Quantities.txt", Base);
            GeneratorDriver driver = CSharpGeneratorDriver.Create(
                new[] { new QuantityGenerator().AsSourceGenerator() }, new AdditionalText[] { table },
                driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
            var compilation = CSharpCompilation.Create("Units", new[] { CSharpSyntaxTree.ParseText("class A { }") });
            driver = driver.RunGenerators(compilation);

            driver = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class B { }")));
            var outputs = driver.GetRunResult().Results.Single().TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(run => run.Outputs);
            Assert.NotEmpty(outputs);
            Assert.All(outputs, output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));

            driver = driver.ReplaceAdditionalText(table, new TableText(table.Path, Base + "\nrelation | Money = GpuHours * GpuHourPrice\n"));
            driver = driver.RunGenerators(compilation);
            GeneratorRunResult edited = driver.GetRunResult().Results.Single();
            Assert.Contains(edited.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(run => run.Outputs), output => output.Reason == IncrementalStepRunReason.Modified);
            Assert.Contains("operator *(GpuHours left, GpuHourPrice right)", edited.GeneratedSources.Single(s => s.HintName == "GpuHours.g.cs").SourceText.ToString());
        }

        private sealed class TableText : AdditionalText
        {
            private readonly string _text;

            public TableText(string path, string text)
            {
                Path = path;
                _text = text;
            }

            public override string Path { get; }

            public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(_text);
        }
    }
}
