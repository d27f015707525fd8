using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using HardwareCatalog.Generators;
using HardwareCatalog.Generators.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HardwareCatalog.Benchmarks.Generator
{
    /// <summary>
    /// Registers the same operation kinds as the HardwareCatalog analyzers and does nothing: what any IOperation-based
    /// analyzer costs (the SDK's own CA analyzers already pay it in a real build), separated from what ours add.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class EmptyOperationAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Unused = new("BENCH001", "unused", "unused", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Unused);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterOperationAction(_ => { }, OperationKind.Invocation, OperationKind.ObjectCreation);
        }
    }

    /// <summary>
    /// The analyzers' share of compiling a 2,000-method project that calls the catalog APIs: the compiler's own
    /// diagnostics pass, with and without HWC001/HWC002, on a fresh clone of the compilation each time.
    /// </summary>
    [MemoryDiagnoser]
    public class AnalyzerBenchmarks
    {
        private const int Methods = 2000;
        private CSharpCompilation _compilation = null!;
        private ImmutableArray<DiagnosticAnalyzer> _analyzers;
        private ImmutableArray<DiagnosticAnalyzer> _empty;

        [GlobalSetup]
        public void Setup()
        {
            var inputs = CatalogInputs.Make(0);
            string trusted = (string)System.AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
            var references = trusted.Split(Path.PathSeparator)
                .Where(p => Path.GetFileName(p).StartsWith("System.", System.StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
                .Append(MetadataReference.CreateFromFile(typeof(HardwareCatalog.Accelerator).Assembly.Location));

            var code = new StringBuilder("using System; using HardwareCatalog; using HardwareCatalog.Units; using HardwareCatalog.Estimation;\npublic static class Calls\n{\n");
            for (int i = 0; i < Methods; i++)
            {
                code.Append($$"""
                        public static double M{{i}}(FlopRate x)
                        {
                            var g = Gpus.H100Sxm;
                            FlopRate p = g.Peak(Precision.Bf16);
                            double mfu = Training.Mfu(x, Gpus.H800Sxm, Precision.Fp8);
                            TimeSpan t = Training.Duration(Flops.FromCount(1e24 + {{i}}), 1024, Gpus.A100Sxm80GB.Dense.Bf16);
                            Accelerator? found = Gpus.Find("b200");
                            return p.FlopsPerSecond + mfu + t.TotalSeconds + (found?.Supports(Precision.Fp4) == true ? 1 : 0);
                        }

                    """);
            }

            code.Append("}\n");
            var parse = new CSharpParseOptions(LanguageVersion.CSharp12);
            CSharpCompilation compilation = CSharpCompilation.Create("Consumer", new[] { CSharpSyntaxTree.ParseText(code.ToString(), parse) }, references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { new CatalogGenerator().AsSourceGenerator() },
                inputs.Select(i => CatalogInputs.Text(i.Path, i.Text)), parse, CatalogInputs.Options());
            driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation withCatalog, out _);
            _compilation = (CSharpCompilation)withCatalog;
            _analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new PrecisionAnalyzer(), new SparsePeakAnalyzer());
            _empty = ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyOperationAnalyzer());

            var errors = _compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count > 0) throw new System.InvalidOperationException("The synthetic project does not compile: " + errors[0]);
        }

        [Benchmark(Baseline = true, Description = "compile (bind + diagnostics), no analyzers")]
        public int Compile() => _compilation.Clone().GetDiagnostics().Length;

        [Benchmark(Description = "compile + an operation analyzer that does nothing")]
        public async Task<int> CompileWithEmptyOperationAnalyzer()
            => (await _compilation.Clone().WithAnalyzers(_empty).GetAllDiagnosticsAsync()).Length;

        [Benchmark(Description = "compile + HardwareCatalog analyzers")]
        public async Task<int> CompileWithAnalyzers()
            => (await _compilation.Clone().WithAnalyzers(_analyzers).GetAllDiagnosticsAsync()).Length;
    }
}
