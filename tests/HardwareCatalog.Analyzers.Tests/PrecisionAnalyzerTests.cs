using System.Threading.Tasks;
using HardwareCatalog.Generators.Analyzers;
using Xunit;

namespace HardwareCatalog.Analyzers.Tests
{
    public class PrecisionAnalyzerTests
    {
        private const string Usings = "using HardwareCatalog;\nusing HardwareCatalog.Estimation;\nusing HardwareCatalog.Units;\n";

        [Fact]
        public Task Peak_of_a_precision_the_sku_lacks()
            => Verify.Analyzer<PrecisionAnalyzer>(Usings + """
                class C
                {
                    FlopRate a = Gpus.A100Sxm80GB.Peak({|#0:Precision.Fp8|});
                }
                """,
                Verify.Diagnostic(AnalyzerDescriptors.PrecisionNotSupported).WithLocation(0)
                    .WithArguments("A100Sxm80GB", "FP8", "it supports FP64, FP64 Tensor, FP32, TF32, BF16, FP16, INT8, INT4"));

        [Fact]
        public Task PeakSparse_is_checked_against_the_sparse_precisions()
            => Verify.Analyzer<PrecisionAnalyzer>(Usings + """
                class C
                {
                    FlopRate a = Gpus.H100Sxm.PeakSparse({|#0:Precision.Fp64|});
                    FlopRate b = Gpus.H100Sxm.PeakSparse(Precision.Fp8);
                }
                """,
                Verify.Diagnostic(AnalyzerDescriptors.PrecisionNotSupported).WithLocation(0)
                    .WithArguments("H100Sxm", "FP64 with 2:4 sparsity", "its sparse peaks are TF32, BF16, FP16, FP8, INT8"));

        [Fact]
        public Task A_local_typed_by_its_initializer()
            => Verify.Analyzer<PrecisionAnalyzer>(Usings + """
                class C
                {
                    FlopRate M()
                    {
                        var g = Gpus.H100Sxm;
                        return g.Peak({|HWC001:Precision.Fp4|});
                    }
                }
                """);

        [Fact]
        public Task A_local_declared_as_Accelerator_that_always_holds_one_sku()
            => Verify.Analyzer<PrecisionAnalyzer>(Usings + """
                using System;
                class C
                {
                    void M()
                    {
                        Accelerator g = Gpus.A100Sxm80GB;
                        Accelerator h = g;
                        Func<FlopRate> later = () => h.Peak({|HWC001:Precision.Fp8|});
                        g.PeakSparse({|HWC001:Precision.Fp64|});
                    }
                }
                """);

        [Fact]
        public Task Top_level_statements()
        {
            var test = new Verify.AnalyzerTest<PrecisionAnalyzer>
            {
                TestCode = Usings + """
                    var g = Gpus.H100Sxm;
                    System.Console.WriteLine(g.Peak({|HWC001:Precision.Fp4|}));
                    """,
            };
            test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
            return test.RunAsync();
        }

        [Fact]
        public Task Estimators_tie_the_precision_to_the_accelerator_with_PrecisionOf()
            => Verify.Analyzer<PrecisionAnalyzer>(Usings + """
                class C
                {
                    double a = Training.Mfu(FlopRate.FromTera(400), Gpus.A100Sxm80GB, {|HWC001:Precision.Fp8|});
                    double b = Training.Mfu(precision: {|HWC001:Precision.Fp8|}, gpu: Gpus.A100Sxm80GB, achievedPerGpu: FlopRate.FromTera(400));
                }
                """);

        [Fact]
        public Task Users_put_PrecisionOf_on_their_own_methods_constructors_and_overrides()
            => Verify.Analyzer<PrecisionAnalyzer>(Usings + """
                class Plan
                {
                    public Plan(Accelerator gpu, [PrecisionOf(nameof(gpu))] Precision precision) { }
                    public static double Cost(Precision unrelated, Accelerator gpu, [PrecisionOf(nameof(gpu))] Precision precision = Precision.Bf16) => 0;
                    public virtual double Hours(Accelerator gpu, [PrecisionOf(nameof(gpu))] Precision precision) => 0;
                }

                class Cheaper : Plan
                {
                    public Cheaper() : base(Gpus.H100Sxm, Precision.Fp8) { }
                    public override double Hours(Accelerator gpu, Precision precision) => 1;
                }

                static class Extensions
                {
                    public static double Speed(this Accelerator gpu, [PrecisionOf(nameof(gpu))] Precision precision) => 0;
                }

                class C
                {
                    Plan a = new Plan(Gpus.A100Sxm80GB, {|HWC001:Precision.Fp8|});
                    double b = Plan.Cost(Precision.Fp8, Gpus.A100Sxm80GB, {|HWC001:Precision.Fp8|});
                    double c = new Cheaper().Hours(Gpus.A100Sxm80GB, {|HWC001:Precision.Fp8|});
                    double d = Gpus.H100Sxm.Speed({|HWC001:Precision.Fp4|});
                    double e = Plan.Cost(Precision.Fp8, Gpus.A100Sxm80GB);
                }
                """);

        [Fact]
        public Task A_defaulted_precision_is_reported_on_the_call()
            => Verify.Analyzer<PrecisionAnalyzer>(Usings + """
                class C
                {
                    static double Cost(Accelerator gpu, [PrecisionOf(nameof(gpu))] Precision precision = Precision.Fp8) => 0;
                    double a = {|HWC001:Cost(Gpus.A100Sxm80GB)|};
                    double b = Cost(Gpus.H100Sxm);
                }
                """);

        [Fact]
        public Task A_constant_that_is_not_written_as_an_enum_member()
            => Verify.Analyzer<PrecisionAnalyzer>(Usings + """
                class C
                {
                    const Precision Eight = Precision.Fp8;
                    FlopRate a = Gpus.A100Sxm80GB.Peak({|HWC001:Eight|});
                    FlopRate b = Gpus.A100Sxm80GB.Peak({|HWC001:(Precision)6|});
                }
                """);

        [Fact]
        public Task An_accelerator_type_declared_in_the_same_compilation()
            => Verify.Analyzer<PrecisionAnalyzer>(Usings + """
                [SupportedPrecisions(Precision.Bf16, Precision.Fp8)]
                sealed class AcmeX1 : Accelerator
                {
                    public static readonly AcmeX1 Instance = new AcmeX1();
                    private AcmeX1() : base("acme-x1", "Acme X1", "Acme", "Hopper", new PeakTable(bf16: FlopRate.FromTera(900), fp8: FlopRate.FromTera(1800))) { }
                    public FlopRate Own => Peak({|HWC001:Precision.Int8|});
                }

                class C
                {
                    FlopRate a = AcmeX1.Instance.Peak({|HWC001:Precision.Int8|});
                    FlopRate b = AcmeX1.Instance.PeakSparse({|#0:Precision.Bf16|});
                    FlopRate c = AcmeX1.Instance.Peak(Precision.Fp8);
                }
                """,
                Verify.Diagnostic(AnalyzerDescriptors.PrecisionNotSupported).WithLocation(0)
                    .WithArguments("AcmeX1", "BF16 with 2:4 sparsity", "it has no sparse peaks"));

        [Theory]
        [InlineData("warning", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)]
        [InlineData("none", null)]
        public Task Severity_is_set_in_editorconfig(string setting, Microsoft.CodeAnalysis.DiagnosticSeverity? severity)
        {
            var test = new Verify.AnalyzerTest<PrecisionAnalyzer>
            {
                TestCode = Usings + "class C { FlopRate a = Gpus.A100Sxm80GB.Peak({|#0:Precision.Fp8|}); }",
            };
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", $"root = true\n\n[*.cs]\ndotnet_diagnostic.HWC001.severity = {setting}\n"));
            if (severity is { } expected)
            {
                test.ExpectedDiagnostics.Add(Verify.Diagnostic(AnalyzerDescriptors.PrecisionNotSupported).WithLocation(0).WithSeverity(expected)
                    .WithArguments("A100Sxm80GB", "FP8", "it supports FP64, FP64 Tensor, FP32, TF32, BF16, FP16, INT8, INT4"));
            }

            return test.RunAsync();
        }

        /// <summary>Valid uses, and uses whose accelerator or precision is known only at run time: all silent.</summary>
        [Fact]
        public Task Valid_and_dynamic_uses_are_silent()
            => Verify.Analyzer<PrecisionAnalyzer>(Usings + """
                using System.Linq;
                class C
                {
                    static Precision Chosen() => Precision.Fp8;
                    static double Plan(Accelerator gpu, Precision anyPrecision) => 0;

                    void M(Accelerator parameter, Precision precision, bool flag)
                    {
                        FlopRate a = Gpus.A100Sxm80GB.Peak(Precision.Bf16);
                        FlopRate b = Gpus.H100Sxm.Peak(Precision.Fp8);
                        FlopRate c = Gpus.H100Sxm.PeakSparse(Precision.Fp16);
                        FlopRate d = Gpus.A100Sxm80GB.Peak(precision);
                        FlopRate e = Gpus.A100Sxm80GB.Peak(Chosen());
                        FlopRate f = parameter.Peak(Precision.Fp4);
                        FlopRate g = Gpus.Find("h100-sxm")!.Peak(Precision.Fp4);
                        FlopRate h = Gpus.Unannotated.Peak(Precision.Fp4);
                        bool i = Gpus.H100Sxm.Supports(Precision.Fp4) || Gpus.A100Sxm80GB.TryGetPeak(Precision.Fp8, out _);
                        double j = Training.Mfu(FlopRate.FromTera(400), Gpus.H100Sxm, Precision.Fp8);
                        double k = Training.Mfu(FlopRate.FromTera(400), parameter, Precision.Fp8);
                        double l = Plan(Gpus.A100Sxm80GB, Precision.Fp8);

                        Accelerator reassigned = Gpus.H100Sxm;
                        if (flag) reassigned = Gpus.A100Sxm80GB;
                        FlopRate m = reassigned.Peak(Precision.Fp8);

                        Accelerator either = flag ? Gpus.H100Sxm : Gpus.A100Sxm80GB;
                        FlopRate n = either.Peak(Precision.Fp8);

                        Accelerator byRef = Gpus.A100Sxm80GB;
                        Swap(ref byRef);
                        FlopRate o = byRef.Peak(Precision.Fp8);

                        Accelerator deconstructed = Gpus.A100Sxm80GB;
                        (deconstructed, _) = (Gpus.H100Sxm, 0);
                        FlopRate p = deconstructed.Peak(Precision.Fp8);

                        Accelerator inLambda = Gpus.A100Sxm80GB;
                        System.Action set = () => inLambda = Gpus.H100Sxm;
                        FlopRate q = inLambda.Peak(Precision.Fp8);

                        foreach (var gpu in new Accelerator[] { Gpus.H100Sxm })
                        {
                            FlopRate r = gpu.Peak(Precision.Fp8);
                        }

                        var all = new[] { Gpus.H100Sxm }.Select(x => x.Peak(Precision.Fp8)).ToList();
                    }

                    static void Swap(ref Accelerator gpu) => gpu = Gpus.H100Sxm;
                }
                """);
    }
}
