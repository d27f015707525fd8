using System.Linq;
using Xunit;

namespace HardwareCatalog.Generators.Tests
{
    /// <summary>Model entries: typed training references and their diagnostics, located.</summary>
    public class ModelDiagnosticTests
    {
        private static GeneratorResult Run(string model, string source = "")
            => GeneratorHarness.Run(new[] { new CatalogFile("/p/catalogs/h100.yaml", Catalogs.Hopper), new CatalogFile("/p/catalogs/m.yaml", model) }, source);

        private static GeneratorResult RunWith(string model, string derived)
            => GeneratorHarness.Run(new[] { new CatalogFile("/p/catalogs/h100.yaml", Catalogs.Hopper), new CatalogFile("/p/catalogs/m.yaml", model), new CatalogFile("/p/catalogs/n.yaml", derived) });

        [Fact]
        public void The_training_gpu_is_the_typed_accelerator()
        {
            GeneratorResult result = Run(Catalogs.Mla, """
                class Use
                {
                    HardwareCatalog.Units.FlopRate fp8 = HardwareCatalog.Models.TestMla.Training.Gpu.Dense.Fp8;
                    HardwareCatalog.ModelSpec? found = HardwareCatalog.Models.Find("test-mla");
                }
                """);

            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Empty(result.CompilationDiagnostics);
        }

        [Fact]
        public void Unknown_training_gpu_suggests_the_closest()
        {
            GeneratorResult result = Run(Catalogs.Mla.Replace("gpu: test-h100", "gpu: test-h10"));

            Assert.Equal(new[] { "/p/catalogs/m.yaml(22,8): HWC109" }, result.Located);
            Assert.Contains("did you mean 'test-h100'?", result.GeneratorDiagnostics.Single().GetMessage());
        }

        [Fact]
        public void Mla_without_its_latent_rank_is_missing_a_key()
        {
            GeneratorResult result = Run(Catalogs.Mla.Replace("  kvLoraRank: 512\n", ""));

            // Located at the mapping that lacks the key (line 10, 'attention:'), not at the start of the entry.
            Assert.Equal(new[] { "/p/catalogs/m.yaml(10,1): HWC102" }, result.Located);
            Assert.Contains("'attention.kvLoraRank'", result.GeneratorDiagnostics.Single().GetMessage());
        }

        [Fact]
        public void A_derived_model_whose_own_mapping_lacks_a_key_is_told_at_that_mapping()
        {
            const string derived = """
                kind: model
                id: test-mla-lite
                extends: test-mla
                name: Test MLA Lite
                attention:
                  kind: mla
                  heads: 16
                  headDim: 128
                  ropeHeadDim: 64
                sources: [ https://example.com/lite ]
                """;

            // Values under 'attention' are inherited key by key, so kvLoraRank comes from test-mla: no diagnostic.
            Assert.Empty(RunWith(Catalogs.Mla, derived).GeneratorDiagnostics);

            // Without the parent's value, the derived entry's own 'attention:' (line 5) is where the key is missing.
            GeneratorResult result = RunWith(Catalogs.Mla.Replace("  kvLoraRank: 512\n", "").Replace("kind: mla", "kind: mha"), derived);
            Assert.Equal(new[] { "/p/catalogs/n.yaml(5,1): HWC102" }, result.Located);
            Assert.Contains("'test-mla-lite' has no 'attention.kvLoraRank'", result.GeneratorDiagnostics.Single().GetMessage());
        }

        [Fact]
        public void Unknown_attention_kind_suggests_the_closest()
        {
            GeneratorResult result = Run(Catalogs.Mla.Replace("kind: mla", "kind: mlq"));

            Assert.Equal(new[] { "/p/catalogs/m.yaml(11,9): HWC105" }, result.Located);
            Assert.Contains("did you mean 'mla'?", result.GeneratorDiagnostics.Single().GetMessage());
        }

        [Fact]
        public void Unknown_training_precision_suggests_the_closest()
        {
            GeneratorResult result = Run(Catalogs.Mla.Replace("precision: fp8", "precision: fp9"));

            Assert.Equal(new[] { "/p/catalogs/m.yaml(25,14): HWC105" }, result.Located);
        }

        [Fact]
        public void Zero_heads_are_rejected_at_build_time_not_at_run_time()
        {
            GeneratorResult result = Run(Catalogs.Mla.Replace("heads: 128", "heads: 0"));

            Assert.Equal(new[] { "/p/catalogs/m.yaml(12,10): HWC105" }, result.Located);
        }

        [Fact]
        public void Parameters_are_a_count()
        {
            GeneratorResult result = Run(Catalogs.Mla.Replace("parameters: 671B", "parameters: 671 GB"));

            Assert.Equal(new[] { "/p/catalogs/m.yaml(5,13): HWC103" }, result.Located);
        }
    }
}
