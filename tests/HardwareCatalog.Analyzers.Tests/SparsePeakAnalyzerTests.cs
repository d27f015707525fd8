using System.Threading.Tasks;
using HardwareCatalog.Generators.Analyzers;
using Xunit;

namespace HardwareCatalog.Analyzers.Tests
{
    public class SparsePeakAnalyzerTests
    {
        private const string Usings = "using System;\nusing HardwareCatalog;\nusing HardwareCatalog.Estimation;\nusing HardwareCatalog.Units;\n";

        /// <summary>The second location is the name the code fix renames.</summary>
        [Fact]
        public Task Sparse_member_passed_as_dense_throughput()
            => Verify.Analyzer<SparsePeakAnalyzer>(Usings + """
                class C
                {
                    TimeSpan t = Training.Duration(Flops.FromCount(1e24), 1024, {|#0:Gpus.A100Sxm80GB.{|#1:Sparse|}.Fp16|});
                }
                """,
                Verify.Diagnostic(AnalyzerDescriptors.SparsePeakAsDense).WithLocation(0).WithLocation(1)
                    .WithArguments("Gpus.A100Sxm80GB.Sparse.Fp16", "perGpu", "Training.Duration"));

        [Fact]
        public Task Every_dense_throughput_parameter_of_the_estimators()
            => Verify.Analyzer<SparsePeakAnalyzer>(Usings + """
                class C
                {
                    static readonly Flops Compute = Flops.FromCount(1e24);
                    TimeSpan a = Training.Duration(Compute, 1024, {|HWC002:Gpus.H100Sxm.PeakSparse(Precision.Fp16)|});
                    int b = Training.GpusForDeadline(Compute, TimeSpan.FromDays(30), {|HWC002:Gpus.H100Sxm.Sparse.Fp8|});
                    GpuHours c = Training.GpuHoursFor(Compute, {|HWC002:Gpus.H100Sxm.Sparse.Fp16|});
                    double d = Training.Mfu({|HWC002:Gpus.H100Sxm.Sparse.Fp16|}, Gpus.H100Sxm, Precision.Fp16);
                    double e = Training.Mfu(perGpu(), Gpus.H100Sxm, Precision.Fp16);
                    static FlopRate perGpu() => FlopRate.FromTera(400);
                }
                """);

        [Fact]
        public Task Through_locals_and_multiples()
            => Verify.Analyzer<SparsePeakAnalyzer>(Usings + """
                class C
                {
                    void M(Flops compute)
                    {
                        var gpu = Gpus.H100Sxm;
                        var peaks = gpu.Sparse;
                        FlopRate quoted = peaks.Fp16;
                        FlopRate node = quoted * 8;
                        Training.Duration(compute, 128, {|HWC002:node|});
                        Training.GpuHoursFor(compute, {|HWC002:2 * gpu.PeakSparse(Precision.Fp8)|});
                    }
                }
                """);

        [Fact]
        public Task Users_mark_their_own_parameters()
            => Verify.Analyzer<SparsePeakAnalyzer>(Usings + """
                class Budget
                {
                    public Budget([DenseThroughput] FlopRate perGpu) { }
                    public virtual double Days([DenseThroughput] FlopRate perGpu, FlopRate anyRate) => 0;
                }

                class Strict : Budget
                {
                    public Strict() : base({|HWC002:Gpus.A100Sxm80GB.Sparse.Bf16|}) { }
                    public override double Days(FlopRate perGpu, FlopRate anyRate) => 1;
                }

                class C
                {
                    Budget a = new Budget({|HWC002:Gpus.A100Sxm80GB.Sparse.Bf16|});
                    double b = new Strict().Days({|HWC002:Gpus.A100Sxm80GB.Sparse.Bf16|}, Gpus.A100Sxm80GB.Sparse.Bf16);
                }
                """);

        /// <summary>Raising it to an error is checked on a real build, in the package tests.</summary>
        [Theory]
        [InlineData("suggestion", Microsoft.CodeAnalysis.DiagnosticSeverity.Info)]
        [InlineData("none", null)]
        public Task Severity_is_set_in_editorconfig(string setting, Microsoft.CodeAnalysis.DiagnosticSeverity? severity)
        {
            var test = new Verify.AnalyzerTest<SparsePeakAnalyzer>
            {
                TestCode = Usings + "class C { TimeSpan t = Training.Duration(Flops.FromCount(1e24), 1024, {|#0:Gpus.H100Sxm.Sparse.Fp16|}); }",
            };
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", $"root = true\n\n[*.cs]\ndotnet_diagnostic.HWC002.severity = {setting}\n"));
            if (severity is { } expected)
            {
                test.ExpectedDiagnostics.Add(Verify.Diagnostic(AnalyzerDescriptors.SparsePeakAsDense).WithLocation(0).WithSeverity(expected)
                    .WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations)
                    .WithArguments("Gpus.H100Sxm.Sparse.Fp16", "perGpu", "Training.Duration"));
            }

            return test.RunAsync();
        }

        /// <summary>Dense peaks, sparse peaks where no dense throughput is expected, and a sparse value derived into a dense one: silent.</summary>
        [Fact]
        public Task Valid_uses_are_silent()
            => Verify.Analyzer<SparsePeakAnalyzer>(Usings + """
                class C
                {
                    static FlopRate Report(FlopRate anyRate) => anyRate;

                    void M(Flops compute, Accelerator gpu, bool pruned)
                    {
                        Training.Duration(compute, 1024, Gpus.A100Sxm80GB.Dense.Fp16);
                        Training.Duration(compute, 1024, Gpus.H100Sxm.Peak(Precision.Fp8));
                        Training.Duration(compute, 1024, gpu.Peak(Precision.Bf16));
                        Training.Mfu(FlopRate.FromTera(400), Gpus.H100Sxm, Precision.Fp16);
                        Report(Gpus.H100Sxm.Sparse.Fp16);
                        FlopRate sparse = Gpus.H100Sxm.Sparse.Fp16;
                        bool faster = sparse > Gpus.H100Sxm.Dense.Fp16;

                        // Half the 2:4 peak is the dense one: a quotient is not followed.
                        Training.Duration(compute, 1024, Gpus.H100Sxm.Sparse.Fp16 / 2);

                        FlopRate rate = Gpus.H100Sxm.Sparse.Fp16;
                        rate = Gpus.H100Sxm.Dense.Fp16;
                        Training.Duration(compute, 1024, rate);

                        Training.Duration(compute, 1024, pruned ? Gpus.H100Sxm.Sparse.Fp16 : Gpus.H100Sxm.Dense.Fp16);
                        Training.Duration(compute, 1024, Gpus.H100Sxm.Dense.Fp16 + Gpus.A100Sxm80GB.Dense.Fp16);
                    }
                }
                """);
    }
}
