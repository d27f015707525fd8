using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using HardwareCatalog.Generators;
using HardwareCatalog.Generators.Analyzers;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace HardwareCatalog.Analyzers.Tests
{
    /// <summary>The analyzers on the catalog generator's own output for a user catalog file, in the same compilation.</summary>
    public class GeneratedCatalogTests
    {
        private const string AcmeCatalog = """
            kind: gpu
            id: acme-x1
            name: Acme X1
            vendor: Acme
            architecture: Hopper
            dense:
              bf16: 900 TFLOP/s
              fp8: 1800 TFLOP/s
            sparsity: "2:4"
            sources: [ https://example.com/acme-x1 ]
            """;

        [Fact]
        public Task A_user_catalog_gpu_without_int8()
            => new GeneratorTest<PrecisionAnalyzer>("""
                using HardwareCatalog;
                using HardwareCatalog.Units;
                class C
                {
                    FlopRate a = Gpus.AcmeX1.Peak({|HWC001:Precision.Int8|});
                    FlopRate b = Gpus.AcmeX1.Peak(Precision.Fp8);
                    FlopRate c = Gpus.AcmeX1.Dense.Bf16;
                }
                """).RunAsync();

        [Fact]
        public Task A_user_catalog_gpu_sparse_peak_as_dense()
            => new GeneratorTest<SparsePeakAnalyzer>("""
                using HardwareCatalog;
                using HardwareCatalog.Estimation;
                using HardwareCatalog.Units;
                class C
                {
                    System.TimeSpan t = Training.Duration(Flops.FromCount(1e24), 64, {|HWC002:Gpus.AcmeX1.Sparse.Fp8|});
                    System.TimeSpan u = Training.Duration(Flops.FromCount(1e24), 64, Gpus.AcmeX1.Dense.Fp8);
                }
                """).RunAsync();

        private sealed class GeneratorTest<TAnalyzer> : Verify.AnalyzerTest<TAnalyzer>
            where TAnalyzer : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer, new()
        {
            public GeneratorTest(string source)
            {
                TestCode = source;
                TestState.AdditionalFiles.Add(("/0/catalogs/acme.yaml", AcmeCatalog));
                // What the package's build props set: the file is a user catalog file.
                TestState.AnalyzerConfigFiles.Add(("/.globalconfig", """
                    is_global = true

                    [/0/catalogs/acme.yaml]
                    build_metadata.AdditionalFiles.HardwareCatalogFile = user
                    """));
                TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
                // The fixture catalog has a Gpus class of its own; here the generator makes it.
                TestState.AdditionalReferences.Remove(FixtureCatalog.Assembly);
            }

            protected override IEnumerable<Type> GetSourceGenerators() => new[] { typeof(CatalogGenerator) };
        }
    }
}
