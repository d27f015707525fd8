using System.Linq;
using HardwareCatalog.Units;
using Xunit;

namespace HardwareCatalog.Tests
{
    /// <summary>The built-in model catalog through the generated types.</summary>
    public class ModelCatalogTests
    {
        [Fact]
        public void Every_issue_model_is_in_the_catalog_under_its_csharp_name()
        {
            (string Id, ModelSpec Model)[] expected =
            {
                ("llama-2-7b", Models.Llama2_7B), ("llama-2-13b", Models.Llama2_13B), ("llama-2-70b", Models.Llama2_70B),
                ("llama-3-8b", Models.Llama3_8B), ("llama-3-70b", Models.Llama3_70B), ("llama-3.1-405b", Models.Llama31_405B),
                ("gpt-3", Models.Gpt3), ("gpt-4", Models.Gpt4), ("deepseek-67b", Models.DeepSeek67B), ("deepseek-v2", Models.DeepSeekV2),
                ("deepseek-v3", Models.DeepSeekV3), ("deepseek-r1", Models.DeepSeekR1), ("mixtral-8x7b", Models.Mixtral8x7B),
                ("qwen2.5-72b", Models.Qwen25_72B),
                ("llama-3.1-8b", Models.Llama31_8B), ("llama-3.1-70b", Models.Llama31_70B), ("llama-3.3-70b", Models.Llama33_70B),
                ("llama-4-scout", Models.Llama4Scout), ("llama-4-maverick", Models.Llama4Maverick), ("qwen3-8b", Models.Qwen3_8B),
                ("qwen3-32b", Models.Qwen3_32B), ("qwen3-30b-a3b", Models.Qwen3_30B_A3B), ("qwen3-235b-a22b", Models.Qwen3_235B_A22B),
                ("gpt-oss-20b", Models.GptOss20B), ("gpt-oss-120b", Models.GptOss120B), ("gemma-3-27b", Models.Gemma3_27B),
                ("mistral-7b", Models.Mistral7B), ("mixtral-8x22b", Models.Mixtral8x22B), ("kimi-k2", Models.KimiK2), ("phi-4", Models.Phi4),
            };

            Assert.Equal(expected.Select(e => e.Id).OrderBy(i => i, System.StringComparer.Ordinal), Models.All.Select(m => m.Id));
            // Find returns the shared base instance, the typed member the entry's own type: equal, not the same object.
            Assert.All(expected, e => Assert.True(e.Model == Models.Find(e.Id) && e.Model.Equals(Models.Find(e.Id)), e.Id));
        }

        [Fact]
        public void A_training_gpu_reference_resolves_to_the_typed_accelerator()
        {
            Assert.Same(Gpus.H800Sxm, Models.DeepSeekV3.Training.Gpu);
            FlopRate fp8 = Models.DeepSeekV3.Training.Gpu.Dense.Fp8;
            Assert.Equal(Gpus.H800Sxm.Dense.Fp8, fp8);
            Assert.Equal(2048, Models.DeepSeekV3.Training.GpuCount);
            Assert.Equal(Precision.Fp8, Models.DeepSeekV3.Training.Precision);
        }

        [Fact]
        public void The_published_traps_are_avoided()
        {
            // Llama 2 7B is MHA with 32 KV heads; only 70B uses GQA.
            Assert.Equal(AttentionKind.Mha, Models.Llama2_7B.Attention!.Kind);
            Assert.Equal(32, Models.Llama2_7B.Attention.KvHeads);
            Assert.Equal(8, Models.Llama2_70B.Attention!.KvHeads);
            // The 405B's real KV heads, not the mp16 checkpoint's duplicates.
            Assert.Equal(8, Models.Llama31_405B.Attention!.KvHeads);
            // MLA caches a latent, not the nominal 128 KV heads of the config.
            Assert.Equal(AttentionKind.Mla, Models.DeepSeekV3.Attention!.Kind);
            Assert.Equal(512, Models.DeepSeekV3.Attention.KvLoraRank);
            Assert.Equal(64, Models.DeepSeekV3.Attention.RopeHeadDim);
        }

        [Fact]
        public void Moe_models_have_fewer_active_than_total_parameters()
        {
            Assert.Equal(Parameters.FromBillions(671), Models.DeepSeekV3.TotalParameters);
            Assert.Equal(Parameters.FromBillions(37), Models.DeepSeekV3.ActiveParameters);
            Assert.Equal(256, Models.DeepSeekV3.Moe!.RoutedExperts);
            Assert.Equal(Models.Llama2_70B.TotalParameters, Models.Llama2_70B.ActiveParameters);
        }

        [Fact]
        public void Rumoured_sizes_say_so_wherever_they_print()
        {
            Assert.True(Models.Gpt4.IsEstimated);
            Assert.Equal("GPT-4 (estimated)", Models.Gpt4.ToString());
            Assert.All(Models.All.Where(m => m.Id != "gpt-4"), m => Assert.False(m.IsEstimated, m.Id));
        }

        [Fact]
        public void Every_model_source_is_an_absolute_https_url()
        {
            // That every model has at least one source is HWC102/HWC105 at build time (CatalogRuleTests); what it says is not.
            Assert.All(Models.All.SelectMany(m => m.Sources.Select(s => (m.Id, Source: s))), e =>
                Assert.True(System.Uri.TryCreate(e.Source, System.UriKind.Absolute, out System.Uri? uri) && uri.Scheme == "https" && uri.Host.Contains('.'), $"{e.Id}: '{e.Source}'"));
        }
    }
}
