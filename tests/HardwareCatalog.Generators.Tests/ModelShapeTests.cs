using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace HardwareCatalog.Generators.Tests
{
    /// <summary>The model shape keys: their checks, located at the key, and HWC130, the parameter count the shape gives.</summary>
    public class ModelShapeTests
    {
        private static GeneratorResult Run(string model, string source = "")
            => GeneratorHarness.Run(new[] { new CatalogFile("/p/catalogs/h100.yaml", Catalogs.Hopper), new CatalogFile("/p/catalogs/m.yaml", model) }, source);

        [Fact]
        public void A_full_shape_builds_without_a_diagnostic_and_reaches_the_runtime()
        {
            GeneratorResult result = Run(Catalogs.Shaped, """
                class Use
                {
                    int? ffn = HardwareCatalog.Models.TestShaped.FfnHiddenSize;
                    HardwareCatalog.Activation? activation = HardwareCatalog.Models.TestShaped.Activation;
                    int? window = HardwareCatalog.Models.TestShaped.Attention!.SlidingWindow;
                }
                """);

            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Empty(result.CompilationDiagnostics);
            string source = result.Source("Models.TestShaped.g.cs");
            // ffnHiddenSize, activation (0 swiglu), tiedEmbeddings (0 false); qLoraRank, vHeadDim absent; window 4096, 1 local, 1 global.
            Assert.Contains("14336, 0, 0, double.NaN, double.NaN, 4096, 1, 1, double.NaN, double.NaN, double.NaN,", source);
        }

        [Fact]
        public void A_parameter_count_the_shape_does_not_give_is_a_warning_at_parameters()
        {
            GeneratorResult result = Run(Catalogs.Shaped.Replace("parameters: 8B", "parameters: 7.5B"));

            Assert.Equal(new[] { "/p/catalogs/m.yaml(4,13): HWC130" }, result.Located);
            Diagnostic warning = result.GeneratorDiagnostics.Single();
            Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
            // Llama 3.1 8B: 128256·4096·2 + 32·(4096·4096·2 + 2·4096·8·128 + 3·4096·14336 + 2·4096) + 4096.
            long derived = 128256L * 4096 * 2 + 32L * (4096L * 4096 * 2 + 2L * 4096 * 8 * 128 + 3L * 4096 * 14336 + 2 * 4096) + 4096;
            Assert.Equal(8_030_261_248, derived);
            Assert.Equal(
                $"'test-shaped': the shape gives {derived:N0} parameters, but 'parameters' is 7.5B: a difference of +{derived - 7_500_000_000:N0} (+7.1%); check the shape, or say in notes what the published count includes (a vision encoder, a multi-token-prediction module, ...)",
                warning.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
            // Still generated: a warning changes nothing in the output.
            Assert.Contains("Models.TestShaped.g.cs", result.HintNames);
        }

        [Theory]
        [InlineData("8.1B", false)]   // +0.9%: within 2%
        [InlineData("7.8B", true)]    // 8.03B is 2.95% more than 7.8B, and '7.8B' means 7.75B to 7.85B
        [InlineData("8.2B", true)]    // 2.07% less
        [InlineData("7B", true)]      // '7B' means 6.5B to 7.5B
        [InlineData("8030261248", false)]
        public void The_tolerance_is_two_percent_or_the_rounding_of_the_written_figure(string parameters, bool warns)
        {
            GeneratorResult result = Run(Catalogs.Shaped.Replace("parameters: 8B", "parameters: " + parameters));

            Assert.Equal(warns, result.GeneratorDiagnostics.Any(d => d.Id == "HWC130"));
        }

        [Fact]
        public void A_figure_written_as_a_models_name_is_read_with_its_rounding()
        {
            // Llama 2 7B: the shape gives 6,738,415,616, 3.7% under '7B', which says only 6.5B to 7.5B; '6.5B' does not hold it.
            string llama2 = Catalogs.Shaped.Replace("vocabularySize: 128256", "vocabularySize: 32000").Replace("ffnHiddenSize: 14336", "ffnHiddenSize: 11008").Replace("kvHeads: 8", "kvHeads: 32");

            Assert.Empty(Run(llama2.Replace("parameters: 8B", "parameters: 7B")).GeneratorDiagnostics);
            Assert.Equal(new[] { "/p/catalogs/m.yaml(4,13): HWC130" }, Run(llama2.Replace("parameters: 8B", "parameters: 6.5B")).Located);
        }

        [Fact]
        public void An_incomplete_shape_is_not_checked()
        {
            // Without tiedEmbeddings the embeddings are unknown: no count, no warning, whatever 'parameters' says.
            Assert.Empty(Run(Catalogs.Shaped.Replace("parameters: 8B", "parameters: 1B").Replace("tiedEmbeddings: false\n", "")).GeneratorDiagnostics);
        }

        [Theory]
        [InlineData("activation: swiglu", "activation: swiglo", "/p/catalogs/m.yaml(9,13): HWC105", "did you mean 'swiglu'?")]
        [InlineData("ffnHiddenSize: 14336", "ffnHiddenSize: 0", "/p/catalogs/m.yaml(8,16): HWC105", "'ffnHiddenSize' must be a positive whole number")]
        [InlineData("slidingWindow: 4096", "slidingWindow: 0", "/p/catalogs/m.yaml(16,18): HWC105", "'attention.slidingWindow' must be a positive whole number")]
        [InlineData("tiedEmbeddings: false", "tiedEmbeddings: no", "/p/catalogs/m.yaml(10,17): HWC105", "true or false")]
        [InlineData("  kvHeads: 8\n", "  kvHeads: 8\n  qLoraRank: 1536\n", "/p/catalogs/m.yaml(16,14): HWC116", "qLoraRank belongs to multi-head latent attention, but attention.kind is 'gqa'")]
        [InlineData("  kvHeads: 8\n", "  kvHeads: 8\n  vHeadDim: 128\n", "/p/catalogs/m.yaml(16,13): HWC116", "vHeadDim belongs to multi-head latent attention")]
        [InlineData("  globalLayers: 1\n", "", "/p/catalogs/m.yaml(11,1): HWC102", "has no 'attention.globalLayers'")]
        [InlineData("localLayers: 1", "localLayers: 33", "/p/catalogs/m.yaml(17,16): HWC116", "localLayers (33) exceeds layers (32)")]
        public void A_shape_no_model_can_have_is_reported_at_its_key(string from, string to, string located, string message)
        {
            GeneratorResult result = Run(Catalogs.Shaped.Replace(from, to));

            Assert.Equal(new[] { located }, result.Located);
            Assert.Contains(message, result.GeneratorDiagnostics.Single().GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        }

        [Fact]
        public void An_unknown_attention_kind_is_told_once_not_again_for_the_latent_keys()
        {
            GeneratorResult result = Run(Catalogs.Mla.Replace("kind: mla", "kind: mlq").Replace("  ropeHeadDim: 64\n", "  ropeHeadDim: 64\n  qLoraRank: 1536\n"));

            Assert.Equal(new[] { "/p/catalogs/m.yaml(11,9): HWC105" }, result.Located);
        }

        [Fact]
        public void A_layer_pattern_without_a_window_is_reported_at_both_keys()
        {
            GeneratorResult result = Run(Catalogs.Shaped.Replace("  slidingWindow: 4096\n", ""));

            Assert.Equal(new[] { "/p/catalogs/m.yaml(16,16): HWC116", "/p/catalogs/m.yaml(17,17): HWC116" }, result.Located);
            Assert.Contains("localLayers describes which layers attend to a sliding window, but attention.slidingWindow is not given", result.GeneratorDiagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        }

        [Fact]
        public void Moe_layout_is_checked_against_the_layer_count()
        {
            string moe = Catalogs.Mla.Replace("  sharedExperts: 1\n", "  sharedExperts: 1\n  denseLayers: 61\n");

            GeneratorResult result = Run(moe);

            Assert.Equal(new[] { "/p/catalogs/m.yaml(20,16): HWC116" }, result.Located);
            Assert.Contains("denseLayers (61) leaves no MoE layer: the model has 61 layers", result.GeneratorDiagnostics.Single().GetMessage(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(new[] { "/p/catalogs/m.yaml(20,18): HWC105" }, Run(Catalogs.Mla.Replace("  sharedExperts: 1\n", "  sharedExperts: 1\n  layerInterval: 0\n")).Located);
        }

        [Fact]
        public void Deepseek_v3s_full_shape_gives_its_published_count()
        {
            string v3 = Catalogs.Mla
                .Replace("contextWindow: 131072\n", "contextWindow: 131072\nvocabularySize: 129280\nffnHiddenSize: 18432\nactivation: swiglu\ntiedEmbeddings: false\n")
                .Replace("  ropeHeadDim: 64\n", "  ropeHeadDim: 64\n  qLoraRank: 1536\n  vHeadDim: 128\n")
                .Replace("  sharedExperts: 1\n", "  sharedExperts: 1\n  expertFfnHiddenSize: 2048\n  denseLayers: 3\n");

            Assert.Empty(Run(v3).GeneratorDiagnostics);
            // Without the 3 dense layers every layer would be MoE: 3 more layers of 256 experts, 19.9% more than 671B.
            Assert.Equal(new[] { "/p/catalogs/m.yaml(5,13): HWC130" }, Run(v3.Replace("  denseLayers: 3\n", "")).Located);
        }

        [Fact]
        public void The_built_in_models_build_without_a_diagnostic()
        {
            string models = Path.Combine(DiagnosticTests.RepositoryRoot(), "catalogs", "models");
            string gpus = Path.Combine(DiagnosticTests.RepositoryRoot(), "catalogs", "gpus");
            CatalogFile[] files = Directory.GetFiles(models, "*.yaml").Concat(Directory.GetFiles(gpus, "*.yaml"))
                .Select(p => new CatalogFile(p, File.ReadAllText(p), "builtin")).ToArray();

            GeneratorResult result = GeneratorHarness.Run(files);

            Assert.Empty(result.GeneratorDiagnostics);
        }
    }
}
