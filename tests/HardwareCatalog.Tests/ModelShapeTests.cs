using System;
using System.Linq;
using HardwareCatalog.Estimation;
using HardwareCatalog.Units;
using Xunit;

namespace HardwareCatalog.Tests
{
    /// <summary>The model shape at run time: the values the catalog gives, the parameter count they give, and a KV cache that honours sliding windows.</summary>
    public class ModelShapeTests
    {
        [Fact]
        public void Llama_3_8b_has_the_count_its_config_gives()
        {
            // Llama 3 / 3.1 8B config.json: V=128256, h=4096, 32 layers, 32 heads x 128, 8 KV heads, f=14336, SwiGLU, untied.
            long embeddings = 2L * 128256 * 4096;
            long attention = 4096L * (32 * 128) + 2L * 4096 * (8 * 128) + (32L * 128) * 4096;
            long ffn = 3L * 4096 * 14336;
            long norms = 2L * 4096;
            long expected = embeddings + 32 * (attention + ffn + norms) + 4096;

            Assert.Equal(8_030_261_248, expected);
            Assert.Equal(expected, Models.Llama3_8B.DerivedParameters!.Value.Count);
            Assert.Equal(expected, Models.Llama3_8B.DerivedActiveParameters!.Value.Count);
        }

        [Fact]
        public void Deepseek_v3_has_the_count_of_its_main_model()
        {
            // DeepSeek-V3 config_671B.json: V=129280, h=7168, 61 layers of which the first 3 dense (f=18432), 58 MoE layers of
            // 256 routed + 1 shared experts (fe=2048), 8 routed active; MLA: 128 heads, qk_nope 128, qk_rope 64, v 128,
            // q_lora_rank 1536, kv_lora_rank 512; untied.
            const long h = 7168;
            long query = h * 1536 + 1536 + 1536L * 128 * (128 + 64);
            long keyValue = h * (512 + 64) + 512 + 512L * 128 * (128 + 128);
            long output = 128L * 128 * h;
            long attention = query + keyValue + output;
            long denseLayer = attention + 3 * h * 18432 + 2 * h;
            long expert = 3 * h * 2048;
            long moeLayer = attention + h * 256 + 2 * h;
            long embeddings = 2 * 129280 * h;
            long total = embeddings + 3 * denseLayer + 58 * (moeLayer + (256 + 1) * expert) + h;
            long active = embeddings + 3 * denseLayer + 58 * (moeLayer + (8 + 1) * expert) + h;

            Assert.Equal(671_026_404_352, total);     // 671B in the paper; the 685B checkpoint adds the 14B MTP module
            Assert.Equal(total, Models.DeepSeekV3.DerivedParameters!.Value.Count);
            Assert.Equal(active, Models.DeepSeekV3.DerivedActiveParameters!.Value.Count);
            Assert.InRange(active / 37e9, 0.98, 1.02);   // 37B activated
            Assert.Equal(58, Models.DeepSeekV3.Moe!.MoeLayerCount(61));
        }

        [Fact]
        public void Mixtral_has_the_count_mistral_publishes()
        {
            // Mixtral 8x7B: every layer MoE, 8 experts of 14336 (2 active), GQA 32/8 x 128, V=32000, untied; Mistral: 46.7B, 12.9B active.
            const long h = 4096;
            long attention = h * 4096 + 2 * h * 1024 + 4096 * h;
            long layer = attention + h * 8 + 2 * h;
            long expert = 3 * h * 14336;
            long total = 2 * 32000 * h + 32 * (layer + 8 * expert) + h;
            long active = 2 * 32000 * h + 32 * (layer + 2 * expert) + h;

            Assert.Equal(46_702_792_704, total);
            Assert.Equal(total, Models.Mixtral8x7B.DerivedParameters!.Value.Count);
            Assert.Equal(active, Models.Mixtral8x7B.DerivedActiveParameters!.Value.Count);
            Assert.Null(Models.Mixtral8x7B.FfnHiddenSize);
        }

        [Fact]
        public void Gpt_3_ties_its_embeddings_and_has_an_ungated_ffn()
        {
            // GPT-3 175B: d_ff = 4 x 12288, GELU (two matrices), one shared embedding of 50257 x 12288; no position embeddings or biases.
            const long h = 12288;
            long expected = 50257 * h + 96 * (4 * h * h + 2 * h * (4 * h) + 2 * h) + h;

            Assert.Equal(Activation.Gelu, Models.Gpt3.Activation);
            Assert.False(Models.Gpt3.IsGated);
            Assert.True(Models.Gpt3.TiedEmbeddings);
            Assert.Equal(expected, Models.Gpt3.DerivedParameters!.Value.Count);
        }

        [Fact]
        public void Every_built_in_shape_gives_its_published_count()
        {
            foreach (ModelSpec model in Models.All.Where(m => m.DerivedParameters is not null))
            {
                double ratio = model.DerivedParameters!.Value.Count / model.TotalParameters.Count;
                // Llama 2 7B is published by its name, 7B; its shape gives 6.74B.
                double tolerance = model.Id == "llama-2-7b" ? 0.04 : 0.02;
                Assert.True(Math.Abs(ratio - 1) <= tolerance, $"{model.Id}: {model.DerivedParameters} from the shape, {model.TotalParameters} published");
            }

            // Every built-in model gives its full shape except GPT-4, whose sizes are rumours (estimated: true).
            Assert.Equal(Models.All.Where(m => m.Id != "gpt-4").Select(m => m.Id), Models.All.Where(m => m.DerivedParameters is not null).Select(m => m.Id));
            Assert.Null(Models.Gpt4.DerivedParameters);   // an estimate without a shape
        }

        [Fact]
        public void The_catalog_values_reach_the_typed_members()
        {
            AttentionSpec v3 = Models.DeepSeekV3.Attention!;
            Assert.Equal((1536, 128), (v3.QLoraRank, v3.VHeadDim));
            Assert.Null(v3.SlidingWindow);
            Assert.Equal((2048, 3, 1), (Models.DeepSeekV3.Moe!.ExpertFfnHiddenSize, Models.DeepSeekV3.Moe.DenseLayers, Models.DeepSeekV3.Moe.LayerInterval));
            Assert.Equal(18432, Models.DeepSeekV3.FfnHiddenSize);
            Assert.Equal(Activation.SwiGlu, Models.DeepSeekV3.Activation);
            Assert.True(Models.DeepSeekV3.IsGated);
            Assert.False(Models.DeepSeekV3.TiedEmbeddings);
            Assert.Null(Models.Gpt4.Activation);
            Assert.Null(Models.Gpt4.IsGated);
        }

        [Fact]
        public void A_catalog_compiled_before_the_shape_keys_still_loads()
        {
            var values = new double[16];
            for (int i = 0; i < values.Length; i++) values[i] = double.NaN;
            values[0] = 7e9;

            ModelSpec model = ModelSpec.Create("old", "Old", null, null, Array.Empty<string>(), false, values, null);

            Assert.Equal(7e9, model.TotalParameters.Count);
            Assert.Null(model.FfnHiddenSize);
            Assert.Null(model.DerivedParameters);
            Assert.Throws<ArgumentException>(() => ModelSpec.Create("bad", "Bad", null, null, Array.Empty<string>(), false, new double[17], null));
        }

        [Fact]
        public void The_layer_pattern_starts_with_the_local_layers()
        {
            // Gemma 3 (sliding_window_pattern 6): layers 0-4 local, 5 global, and so on.
            AttentionSpec gemma = new AttentionSpec(AttentionKind.Gqa, 32, 128, 16).WithSlidingWindow(1024, localLayers: 5, globalLayers: 1);
            Assert.Equal(new[] { true, true, true, true, true, false, true }, Enumerable.Range(0, 7).Select(gemma.IsLocalLayer));
            // 62 layers: 10 whole repeats (50 local) and 2 more local layers.
            Assert.Equal(10 * 5 + 2, gemma.LocalLayerCount(62));

            AttentionSpec allLocal = new AttentionSpec(AttentionKind.Gqa, 32, 128, 8).WithSlidingWindow(4096);
            Assert.True(allLocal.IsLocalLayer(31));
            Assert.Equal(32, allLocal.LocalLayerCount(32));
            Assert.False(AttentionSpec.Mha(32, 128).IsLocalLayer(0));
            Assert.Throws<ArgumentOutOfRangeException>(() => AttentionSpec.Mha(32, 128).WithSlidingWindow(4096, localLayers: 5));
            Assert.Throws<InvalidOperationException>(() => AttentionSpec.Mha(32, 128).WithLatentProjections(1536, 128));
        }

        [Fact]
        public void Gemma_3_27b_caches_a_window_in_its_local_layers()
        {
            // Gemma 3 27B config.json: 62 layers, 16 KV heads of 128, sliding_window 1024, pattern 6 (52 local, 10 global).
            var model = new Custom(62, new AttentionSpec(AttentionKind.Gqa, 32, 128, 16).WithSlidingWindow(1024, 5, 1));
            const double perLayerToken = 2.0 * 16 * 128 * 2;   // K and V, BF16

            Assert.Equal(62 * perLayerToken, KvCache.BytesPerToken(model, Precision.Bf16).Bytes);
            Assert.Equal((10 * 131072 + 52 * 1024) * perLayerToken, KvCache.Bytes(model, Precision.Bf16, 131072).Bytes);
            // Within the window every layer holds every token: the per-token figure applies.
            Assert.Equal(62 * 1000 * perLayerToken, KvCache.Bytes(model, Precision.Bf16, 1000).Bytes);
            Assert.Equal(2 * (10 * 8192 + 52 * 1024) * perLayerToken, KvCache.Bytes(model, Precision.Bf16, 8192, batch: 2).Bytes);
        }

        [Fact]
        public void Gpt_oss_caches_a_window_in_every_other_layer()
        {
            // gpt-oss-120b config.json: 36 layers alternating sliding (128 tokens) and full attention, 8 KV heads of 64.
            var model = new Custom(36, new AttentionSpec(AttentionKind.Gqa, 64, 64, 8).WithSlidingWindow(128, 1, 1));
            const double perLayerToken = 2.0 * 8 * 64 * 2;

            Assert.Equal((18 * 131072 + 18 * 128) * perLayerToken, KvCache.Bytes(model, Precision.Bf16, 131072).Bytes);
        }

        [Fact]
        public void Without_local_layers_the_cache_is_the_per_token_figure_times_the_context()
        {
            DataSize perToken = KvCache.BytesPerToken(Models.Llama3_70B, Precision.Bf16);

            Assert.Equal(perToken.Bytes * 8192, KvCache.Bytes(Models.Llama3_70B, Precision.Bf16, 8192).Bytes);
        }

        private sealed class Custom : ModelSpec
        {
            public Custom(int layers, AttentionSpec attention)
                : base("custom", "Custom", Parameters.FromBillions(27), layers: layers, attention: attention)
            {
            }
        }
    }
}
