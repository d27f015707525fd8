using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using HardwareCatalog.CodeFixes;
using HardwareCatalog.Generators.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace HardwareCatalog.Analyzers.Tests
{
    public class CodeFixTests
    {
        private const string Usings = "using System;\nusing HardwareCatalog;\nusing HardwareCatalog.Estimation;\nusing HardwareCatalog.Units;\n";

        [Fact]
        public Task Unsupported_precision_becomes_the_nearest_supported_one_first()
            => Verify.CodeFix<PrecisionAnalyzer, UnsupportedPrecisionCodeFix>(
                Usings + "class C { FlopRate a = Gpus.A100Sxm80GB.Peak({|HWC001:Precision.Fp8|}); }",
                Usings + "class C { FlopRate a = Gpus.A100Sxm80GB.Peak(Precision.Bf16); }",
                actionIndex: 0);

        [Fact]
        public Task Each_supported_precision_is_a_fix_of_its_own()
            => Verify.CodeFix<PrecisionAnalyzer, UnsupportedPrecisionCodeFix>(
                Usings + "class C { double m = Training.Mfu(FlopRate.FromTera(400), Gpus.A100Sxm80GB, {|HWC001:Precision.Fp8|}); }",
                Usings + "class C { double m = Training.Mfu(FlopRate.FromTera(400), Gpus.A100Sxm80GB, Precision.Int8); }",
                equivalenceKey: "HWC001:Int8");

        [Fact]
        public Task A_precision_not_written_as_a_member_is_replaced_by_one()
            => Verify.CodeFix<PrecisionAnalyzer, UnsupportedPrecisionCodeFix>(
                Usings + "class C { FlopRate a = Gpus.H100Sxm.Peak({|HWC001:(Precision)8|}); }",
                Usings + "class C { FlopRate a = Gpus.H100Sxm.Peak(Precision.Fp8); }",
                actionIndex: 0);

        [Fact]
        public Task Fix_all_uses_the_chosen_precision_wherever_the_sku_supports_it()
            => Verify.CodeFix<PrecisionAnalyzer, UnsupportedPrecisionCodeFix>(
                Usings + """
                class C
                {
                    FlopRate a = Gpus.A100Sxm80GB.Peak({|HWC001:Precision.Fp8|});
                    FlopRate b = Gpus.H100Sxm.Peak({|HWC001:Precision.Fp4|});
                    double c = Training.Mfu(FlopRate.FromTera(400), Gpus.A100Sxm80GB, {|HWC001:Precision.Fp8|});
                }
                """,
                Usings + """
                class C
                {
                    FlopRate a = Gpus.A100Sxm80GB.Peak(Precision.Bf16);
                    FlopRate b = Gpus.H100Sxm.Peak(Precision.Bf16);
                    double c = Training.Mfu(FlopRate.FromTera(400), Gpus.A100Sxm80GB, Precision.Bf16);
                }
                """,
                equivalenceKey: "HWC001:Bf16");

        /// <summary>Every supported precision is offered once, nearest first: FP8 on an A100 falls back to BF16, then FP16.</summary>
        [Fact]
        public async Task The_fixes_are_ordered_nearest_first()
        {
            IReadOnlyList<string> titles = await FixTitles<PrecisionAnalyzer>(new UnsupportedPrecisionCodeFix(),
                Usings + "class C { FlopRate a = Gpus.A100Sxm80GB.Peak(Precision.Fp8); }");

            Assert.Equal(new[]
            {
                "Use Precision.Bf16", "Use Precision.Fp16", "Use Precision.Int8", "Use Precision.Fp32",
                "Use Precision.Tf32", "Use Precision.Int4", "Use Precision.Fp64", "Use Precision.Fp64Tensor",
            }, titles);
        }

        [Fact]
        public async Task Fp4_on_a_hopper_falls_back_to_fp8()
        {
            IReadOnlyList<string> titles = await FixTitles<PrecisionAnalyzer>(new UnsupportedPrecisionCodeFix(),
                Usings + "class C { FlopRate a = Gpus.H100Sxm.Peak(Precision.Fp4); }");

            Assert.Equal("Use Precision.Fp8", titles[0]);
            Assert.Equal(8, titles.Count);
        }

        [Fact]
        public Task Sparse_member_becomes_dense()
            => Verify.CodeFix<SparsePeakAnalyzer, SparsePeakCodeFix>(
                Usings + "class C { TimeSpan t = Training.Duration(Flops.FromCount(1e24), 1024, {|HWC002:Gpus.A100Sxm80GB.Sparse.Fp16|}); }",
                Usings + "class C { TimeSpan t = Training.Duration(Flops.FromCount(1e24), 1024, Gpus.A100Sxm80GB.Dense.Fp16); }");

        [Fact]
        public Task PeakSparse_becomes_Peak()
            => Verify.CodeFix<SparsePeakAnalyzer, SparsePeakCodeFix>(
                Usings + "class C { double m = Training.Mfu({|HWC002:Gpus.H100Sxm.PeakSparse(Precision.Fp8)|}, Gpus.H100Sxm, Precision.Fp8); }",
                Usings + "class C { double m = Training.Mfu(Gpus.H100Sxm.Peak(Precision.Fp8), Gpus.H100Sxm, Precision.Fp8); }");

        [Fact]
        public Task Fix_all_renames_each_sparse_peak_once_even_when_several_arguments_come_from_it()
            => Verify.CodeFix<SparsePeakAnalyzer, SparsePeakCodeFix>(
                Usings + """
                class C
                {
                    void M(Flops compute)
                    {
                        FlopRate quoted = Gpus.H100Sxm.Sparse.Fp16;
                        Training.Duration(compute, 1024, {|HWC002:quoted|});
                        Training.GpuHoursFor(compute, {|HWC002:quoted * 8|});
                        Training.GpusForDeadline(compute, TimeSpan.FromDays(30), {|HWC002:Gpus.A100Sxm80GB.PeakSparse(Precision.Bf16)|});
                        Training.Mfu({|HWC002:Gpus.A100Sxm80GB.Sparse.Bf16|}, Gpus.A100Sxm80GB, Precision.Bf16);
                    }
                }
                """,
                Usings + """
                class C
                {
                    void M(Flops compute)
                    {
                        FlopRate quoted = Gpus.H100Sxm.Dense.Fp16;
                        Training.Duration(compute, 1024, quoted);
                        Training.GpuHoursFor(compute, quoted * 8);
                        Training.GpusForDeadline(compute, TimeSpan.FromDays(30), Gpus.A100Sxm80GB.Peak(Precision.Bf16));
                        Training.Mfu(Gpus.A100Sxm80GB.Dense.Bf16, Gpus.A100Sxm80GB, Precision.Bf16);
                    }
                }
                """);

        /// <summary>The fixture's H100 quotes a sparse FP4 figure without a dense one: Dense.Fp4 would not compile.</summary>
        [Fact]
        public async Task No_fix_where_the_dense_peak_does_not_exist()
        {
            IReadOnlyList<string> titles = await FixTitles<SparsePeakAnalyzer>(new SparsePeakCodeFix(),
                Usings + "class C { TimeSpan t = Training.Duration(Flops.FromCount(1e24), 1024, Gpus.H100Sxm.Sparse.Fp4); }");

            Assert.Empty(titles);
        }

        [Fact]
        public async Task No_fix_where_the_sku_lacks_the_dense_precision()
        {
            const string source = Usings + "class C { TimeSpan t = Training.Duration(Flops.FromCount(1e24), 1024, Gpus.H100Sxm.PeakSparse(Precision.Fp4)); }";

            Assert.Equal(new[] { "HWC002" }, (await Diagnostics<SparsePeakAnalyzer>(source)).Select(d => d.Id));
            Assert.Empty(await FixTitles<SparsePeakAnalyzer>(new SparsePeakCodeFix(), source));
        }

        /// <summary>The code actions a provider offers for the diagnostics of <typeparamref name="TAnalyzer"/> in <paramref name="source"/>.</summary>
        private static async Task<IReadOnlyList<string>> FixTitles<TAnalyzer>(CodeFixProvider provider, string source)
            where TAnalyzer : DiagnosticAnalyzer, new()
        {
            (Document document, ImmutableArray<Diagnostic> diagnostics) = await Analyze<TAnalyzer>(source);
            Assert.NotEmpty(diagnostics);

            var actions = new List<CodeAction>();
            foreach (Diagnostic diagnostic in diagnostics)
            {
                await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
            }

            return actions.Select(a => a.Title).ToList();
        }

        private static async Task<ImmutableArray<Diagnostic>> Diagnostics<TAnalyzer>(string source)
            where TAnalyzer : DiagnosticAnalyzer, new()
            => (await Analyze<TAnalyzer>(source)).Diagnostics;

        private static async Task<(Document Document, ImmutableArray<Diagnostic> Diagnostics)> Analyze<TAnalyzer>(string source)
            where TAnalyzer : DiagnosticAnalyzer, new()
        {
            using var workspace = new AdhocWorkspace();
            Project project = workspace.AddProject("Test", LanguageNames.CSharp)
                .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
                .WithParseOptions(new CSharpParseOptions(LanguageVersion.CSharp12))
                .WithMetadataReferences(FixtureCatalog.Framework.Add(FixtureCatalog.Assembly));
            Document document = project.AddDocument("Test.cs", SourceText.From(source));

            Compilation compilation = (await document.Project.GetCompilationAsync())!;
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            ImmutableArray<Diagnostic> diagnostics = await compilation
                .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new TAnalyzer()))
                .GetAnalyzerDiagnosticsAsync();
            return (document, diagnostics);
        }
    }
}
