using System.Linq;
using Xunit;

namespace HardwareCatalog.Generators.Tests
{
    /// <summary>Physics and consistency rules, each located at the offending value.</summary>
    public class ConsistencyDiagnosticTests
    {
        private static GeneratorResult RunWithHopper(string path, string text)
            => GeneratorHarness.Run(new[] { new CatalogFile("/p/catalogs/h100.yaml", Catalogs.Hopper), new CatalogFile(path, text) });

        [Fact]
        public void Fp8_on_ampere_is_impossible()
        {
            GeneratorResult result = GeneratorHarness.Run("/p/catalogs/a.yaml", Catalogs.Ampere.Replace("  bf16: 312 TFLOP/s\nsparse:", "  bf16: 312 TFLOP/s\n  fp8: 624 TFLOP/s\nsparse:"));

            Assert.Equal(new[] { "/p/catalogs/a.yaml(11,8): HWC114" }, result.Located);
            Assert.Contains("cannot have FP8: its architecture is Ampere", result.GeneratorDiagnostics.Single().GetMessage());
        }

        [Fact]
        public void Fp4_on_hopper_is_impossible_even_in_a_derived_entry()
        {
            GeneratorResult result = RunWithHopper("/p/catalogs/x.yaml", Catalogs.Derived + "\ndense:\n  fp4: 4000 TFLOP/s\n");

            Assert.Equal(new[] { "/p/catalogs/x.yaml(9,8): HWC114" }, result.Located);
        }

        [Fact]
        public void An_architecture_outside_the_table_is_not_checked()
        {
            GeneratorResult result = GeneratorHarness.Run("/p/catalogs/a.yaml", Catalogs.Ampere.Replace("architecture: Ampere", "architecture: Rubin").Replace("  bf16: 312 TFLOP/s\nsparse:", "  bf16: 312 TFLOP/s\n  fp4: 624 TFLOP/s\nsparse:"));

            Assert.Empty(result.GeneratorDiagnostics);
        }

        [Fact]
        public void Sparse_that_is_not_twice_dense_is_a_warning_at_the_sparse_value()
        {
            GeneratorResult result = GeneratorHarness.Run("/p/catalogs/a.yaml", Catalogs.Ampere.Replace("bf16: 624 TFLOP/s", "bf16: 1979 TFLOP/s"));

            Assert.Equal(new[] { "/p/catalogs/a.yaml(12,9): HWC115" }, result.Located);
            Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, result.GeneratorDiagnostics.Single().Severity);
            Assert.Contains("6.343x", result.GeneratorDiagnostics.Single().GetMessage());
            Assert.Contains("Gpus.TestA100GB.g.cs", result.HintNames);
        }

        [Fact]
        public void Published_sparse_figures_are_taken_as_given()
        {
            GeneratorResult result = GeneratorHarness.Run("/p/catalogs/a.yaml", Catalogs.Ampere.Replace("bf16: 624 TFLOP/s", "bf16: 416 TFLOP/s").Replace("sparse:", "sparsity: published\nsparse:"));

            Assert.Empty(result.GeneratorDiagnostics);
        }

        [Theory]
        [InlineData("activeExperts: 8", "activeExperts: 300", 18, 18, "exceeds routedExperts")]
        [InlineData("activeParameters: 37B", "activeParameters: 700B", 6, 19, "exceeds parameters")]
        public void Inconsistent_model_values_are_located(string from, string to, int line, int column, string expected)
        {
            GeneratorResult result = RunWithHopper("/p/catalogs/m.yaml", Catalogs.Mla.Replace(from, to));

            Assert.Equal(new[] { $"/p/catalogs/m.yaml({line},{column}): HWC116" }, result.Located);
            Assert.Contains(expected, result.GeneratorDiagnostics.Single().GetMessage());
        }

        [Theory]
        [InlineData("gqa", 7, "positive multiple of kvHeads")]
        [InlineData("mha", 8, "use 'kind: gqa'")]
        [InlineData("mqa", 8, "multi-query attention has one key/value head")]
        public void Heads_must_group_evenly_over_kv_heads(string kind, int kvHeads, string expected)
        {
            string model = Catalogs.Mla.Replace("kind: mla", "kind: " + kind).Replace("  kvLoraRank: 512\n  ropeHeadDim: 64\n", $"  kvHeads: {kvHeads}\n");
            GeneratorResult result = RunWithHopper("/p/catalogs/m.yaml", model);

            Assert.Equal(new[] { "/p/catalogs/m.yaml(14,12): HWC116" }, result.Located);
            Assert.Contains(expected, result.GeneratorDiagnostics.Single().GetMessage());
        }

        [Fact]
        public void Training_precision_must_be_one_the_training_gpu_supports()
        {
            GeneratorResult result = RunWithHopper("/p/catalogs/m.yaml", Catalogs.Mla.Replace("precision: fp8", "precision: fp16"));

            Assert.Equal(new[] { "/p/catalogs/m.yaml(25,14): HWC113" }, result.Located);
            Assert.Contains("supports: FP64, BF16, FP8, INT8", result.GeneratorDiagnostics.Single().GetMessage());
        }
    }
}
