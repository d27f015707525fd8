using System.Collections.Generic;
using System.Linq;
using HardwareCatalog.Estimation;
using Xunit;

namespace HardwareCatalog.Tests
{
    /// <summary>
    /// The KV cache of every built-in model with an attention shape against the model's published config.json, in BF16
    /// (2 bytes an element). Each row names the config and writes out the arithmetic from its keys:
    /// MHA/GQA cache K and V per KV head, 2 × num_hidden_layers × num_key_value_heads × head_dim elements a token;
    /// MLA caches the latent and the RoPE key, num_hidden_layers × (kv_lora_rank + qk_rope_head_dim).
    /// </summary>
    /// <remarks>
    /// Where the vendor's own repository holds the figures they were read there: DeepSeek-V3's
    /// inference/configs/config_671B.json and config_236B.json (github.com/deepseek-ai/DeepSeek-V3), the Llama 3, 3.1 and 3.3
    /// arch_args of llama-models' models/sku_list.py (github.com/meta-llama/llama-models, before it moved to llama-stack),
    /// gpt-oss's reference ModelConfig (gpt_oss/torch/model.py) and Gemma 3's reference config (gemma/gm/nn/_gemma.py).
    /// The other rows name the Hugging Face config.json; its keys were read from copies of that file kept in other public
    /// repositories. GPT-3 is left out: OpenAI published no config, only the paper's table. GPT-4 has no attention shape
    /// in the catalog (it is estimated).
    /// </remarks>
    public class KvCacheConfigTests
    {
        /// <summary>Models with an attention shape whose config.json could not be read, and why.</summary>
        private static readonly Dictionary<string, string> s_leftOut = new()
        {
            ["gpt-3"] = "OpenAI published no config.json; the shape is the paper's Table 2.1 (arXiv:2005.14165).",
        };

        private const string Hf = "https://huggingface.co/";

        /// <summary>Model id, the config.json it is checked against, and the KV cache bytes one token adds in BF16.</summary>
        public static TheoryData<string, string, double> PerToken => new()
        {
            // MLA. DeepSeek-V3 config_671B.json: n_layers 61, kv_lora_rank 512, qk_rope_head_dim 64 = 70,272 B.
            { "deepseek-v3", "https://github.com/deepseek-ai/DeepSeek-V3/blob/main/inference/configs/config_671B.json", 61 * (512 + 64) * 2.0 },
            // DeepSeek-R1's README: R1 is trained from DeepSeek-V3-Base and has V3's architecture (config_671B.json above);
            // its config.json carries the same num_hidden_layers 61, kv_lora_rank 512, qk_rope_head_dim 64.
            { "deepseek-r1", Hf + "deepseek-ai/DeepSeek-R1/blob/main/config.json", 61 * (512 + 64) * 2.0 },
            // DeepSeek-V2, config_236B.json: n_layers 60, kv_lora_rank 512, qk_rope_head_dim 64 = 69,120 B.
            { "deepseek-v2", "https://github.com/deepseek-ai/DeepSeek-V3/blob/main/inference/configs/config_236B.json", 60 * (512 + 64) * 2.0 },
            // Kimi K2 (DeepseekV3ForCausalLM layout, model_type kimi_k2): num_hidden_layers 61, kv_lora_rank 512,
            // qk_rope_head_dim 64. Half DeepSeek-V3's heads (64), the same cache: MLA's cache does not depend on the heads.
            { "kimi-k2", Hf + "moonshotai/Kimi-K2-Instruct/blob/main/config.json", 61 * (512 + 64) * 2.0 },

            // MHA. Llama 2 7B: num_hidden_layers 32, num_key_value_heads 32, hidden_size 4096 / num_attention_heads 32 = 128.
            // Trap: llama-models' sku_list.py gives n_kv_heads 8 for Llama 2 7B and 13B; the released configs have 32 and 40.
            { "llama-2-7b", Hf + "meta-llama/Llama-2-7b-hf/blob/main/config.json", 2.0 * 32 * 32 * (4096 / 32) * 2 },
            // Llama 2 13B: 40 layers, 40 KV heads, 5120 / 40 = 128.
            { "llama-2-13b", Hf + "meta-llama/Llama-2-13b-hf/blob/main/config.json", 2.0 * 40 * 40 * (5120 / 40) * 2 },

            // GQA. Llama 2 70B: 80 layers, 8 KV heads, 8192 / 64 = 128.
            { "llama-2-70b", Hf + "meta-llama/Llama-2-70b-hf/blob/main/config.json", 2.0 * 80 * 8 * (8192 / 64) * 2 },
            // Llama 3 and 3.1 8B (sku_list.py arch_args): n_layers 32, n_kv_heads 8, dim 4096 / n_heads 32 = 128: 131,072 B.
            { "llama-3-8b", Hf + "meta-llama/Meta-Llama-3-8B/blob/main/config.json", 2.0 * 32 * 8 * (4096 / 32) * 2 },
            { "llama-3.1-8b", Hf + "meta-llama/Llama-3.1-8B/blob/main/config.json", 2.0 * 32 * 8 * (4096 / 32) * 2 },
            // Llama 3, 3.1 and 3.3 70B (sku_list.py): n_layers 80, n_kv_heads 8, dim 8192 / n_heads 64 = 128: 327,680 B.
            { "llama-3-70b", Hf + "meta-llama/Meta-Llama-3-70B/blob/main/config.json", 2.0 * 80 * 8 * (8192 / 64) * 2 },
            { "llama-3.1-70b", Hf + "meta-llama/Llama-3.1-70B/blob/main/config.json", 2.0 * 80 * 8 * (8192 / 64) * 2 },
            { "llama-3.3-70b", Hf + "meta-llama/Llama-3.3-70B-Instruct/blob/main/config.json", 2.0 * 80 * 8 * (8192 / 64) * 2 },
            // Llama 3.1 405B (sku_list.py): n_layers 126, n_kv_heads 8, 16384 / 128 = 128. Trap: the MP16 checkpoint's
            // n_kv_heads 16 duplicates the heads for 16-way tensor parallelism; the model has 8.
            { "llama-3.1-405b", Hf + "meta-llama/Llama-3.1-405B/blob/main/config.json", 2.0 * 126 * 8 * (16384 / 128) * 2 },
            // Llama 4 Scout and Maverick text_config: num_hidden_layers 48, num_key_value_heads 8, head_dim 128.
            { "llama-4-scout", Hf + "meta-llama/Llama-4-Scout-17B-16E/blob/main/config.json", 2.0 * 48 * 8 * 128 * 2 },
            { "llama-4-maverick", Hf + "meta-llama/Llama-4-Maverick-17B-128E-Instruct/blob/main/config.json", 2.0 * 48 * 8 * 128 * 2 },
            // DeepSeek LLM 67B: num_hidden_layers 95, num_key_value_heads 8, hidden_size 8192 / num_attention_heads 64 = 128.
            { "deepseek-67b", Hf + "deepseek-ai/deepseek-llm-67b-base/blob/main/config.json", 2.0 * 95 * 8 * (8192 / 64) * 2 },
            // Mistral 7B v0.1: 32 layers, 8 KV heads, 4096 / 32 = 128 (sliding_window 4096, see PerSequence).
            { "mistral-7b", Hf + "mistralai/Mistral-7B-v0.1/blob/main/config.json", 2.0 * 32 * 8 * (4096 / 32) * 2 },
            // Mixtral 8x7B: 32 layers, 8 KV heads, 4096 / 32 = 128, sliding_window null.
            { "mixtral-8x7b", Hf + "mistralai/Mixtral-8x7B-v0.1/blob/main/config.json", 2.0 * 32 * 8 * (4096 / 32) * 2 },
            // Mixtral 8x22B: 56 layers, 8 KV heads, 6144 / 48 = 128, sliding_window null.
            { "mixtral-8x22b", Hf + "mistralai/Mixtral-8x22B-v0.1/blob/main/config.json", 2.0 * 56 * 8 * (6144 / 48) * 2 },
            // Phi-4 (Phi3ForCausalLM): 40 layers, 10 KV heads, 5120 / 40 = 128, sliding_window null.
            { "phi-4", Hf + "microsoft/phi-4/blob/main/config.json", 2.0 * 40 * 10 * (5120 / 40) * 2 },
            // Qwen2.5-72B: 80 layers, 8 KV heads, 8192 / 64 = 128. Trap: sliding_window 131072 with use_sliding_window
            // false, so every layer is global.
            { "qwen2.5-72b", Hf + "Qwen/Qwen2.5-72B/blob/main/config.json", 2.0 * 80 * 8 * (8192 / 64) * 2 },
            // Qwen3 sets head_dim 128 explicitly (not hidden_size / heads). 8B: 36 layers, 8 KV heads.
            { "qwen3-8b", Hf + "Qwen/Qwen3-8B/blob/main/config.json", 2.0 * 36 * 8 * 128 * 2 },
            // Qwen3-32B: 64 layers, 8 KV heads, head_dim 128 (5120 / 64 would be 80).
            { "qwen3-32b", Hf + "Qwen/Qwen3-32B/blob/main/config.json", 2.0 * 64 * 8 * 128 * 2 },
            // Qwen3-30B-A3B: 48 layers, 4 KV heads, head_dim 128 (2048 / 32 would be 64).
            { "qwen3-30b-a3b", Hf + "Qwen/Qwen3-30B-A3B/blob/main/config.json", 2.0 * 48 * 4 * 128 * 2 },
            // Qwen3-235B-A22B: 94 layers, 4 KV heads, head_dim 128.
            { "qwen3-235b-a22b", Hf + "Qwen/Qwen3-235B-A22B/blob/main/config.json", 2.0 * 94 * 4 * 128 * 2 },

            // Local layers are counted too: within the window every layer holds every token (see PerSequence).
            // Gemma 3 27B (_gemma.py Gemma3_27B): 62 layers, num_kv_heads 16, head_dim 128.
            { "gemma-3-27b", "https://github.com/google-deepmind/gemma/blob/main/gemma/gm/nn/_gemma.py", 2.0 * 62 * 16 * 128 * 2 },
            // gpt-oss-120b (gpt_oss/torch/model.py ModelConfig): num_hidden_layers 36, num_key_value_heads 8, head_dim 64.
            { "gpt-oss-120b", "https://github.com/openai/gpt-oss/blob/main/gpt_oss/torch/model.py", 2.0 * 36 * 8 * 64 * 2 },
            // gpt-oss-20b: num_hidden_layers 24, num_key_value_heads 8, head_dim 64 (the reference code's, shared by both sizes).
            { "gpt-oss-20b", Hf + "openai/gpt-oss-20b/blob/main/config.json", 2.0 * 24 * 8 * 64 * 2 },
        };

        /// <summary>
        /// Model id, config.json, a context longer than the window, and the KV cache of one sequence of that many tokens
        /// in BF16: a global layer holds every token, a local one only its window.
        /// </summary>
        public static TheoryData<string, string, int, double> PerSequence => new()
        {
            // Gemma 3 27B: sliding_window_size 1024 on the local layers; GEMMA3_ATTENTION_PATTERN is 5 local then 1
            // global, repeated from layer 0 (make_attention_layers_types), so 62 layers = 10 × 6 + 2: 52 local, 10 global.
            // One layer and token: 2 × 16 KV heads × 128 × 2 B.
            { "gemma-3-27b", "https://github.com/google-deepmind/gemma/blob/main/gemma/gm/nn/_gemma.py", 131072, (10 * 131072 + 52 * 1024) * (2.0 * 16 * 128 * 2) },
            // gpt-oss-120b: sliding_window 128 on even layers (layer_idx % 2 == 0), full attention on odd: 18 and 18.
            { "gpt-oss-120b", "https://github.com/openai/gpt-oss/blob/main/gpt_oss/torch/model.py", 131072, (18 * 131072 + 18 * 128) * (2.0 * 8 * 64 * 2) },
            // gpt-oss-20b: the same alternation over 24 layers: 12 sliding, 12 full.
            { "gpt-oss-20b", Hf + "openai/gpt-oss-20b/blob/main/config.json", 131072, (12 * 131072 + 12 * 128) * (2.0 * 8 * 64 * 2) },
            // Llama 4: attention_chunk_size 8192 on the RoPE layers; every fourth layer ((i + 1) % 4 == 0, transformers'
            // no_rope_layer_interval 4 and llama-models' nope_layer_interval) is global without RoPE: 36 chunked, 12 global.
            // A chunked layer holds at most one chunk; at a context of whole chunks the last token sees all 8192.
            { "llama-4-scout", Hf + "meta-llama/Llama-4-Scout-17B-16E/blob/main/config.json", 131072, (12 * 131072 + 36 * 8192) * (2.0 * 8 * 128 * 2) },
            { "llama-4-maverick", Hf + "meta-llama/Llama-4-Maverick-17B-128E-Instruct/blob/main/config.json", 1048576, (12 * 1048576.0 + 36 * 8192) * (2.0 * 8 * 128 * 2) },
            // Mistral 7B v0.1: sliding_window 4096 on all 32 layers (the reference code's rotating buffer holds
            // sliding_window tokens in every layer), so at its 8,192-token context each layer holds 4,096.
            { "mistral-7b", Hf + "mistralai/Mistral-7B-v0.1/blob/main/config.json", 8192, 32 * 4096 * (2.0 * 8 * 128 * 2) },
        };

        [Theory]
        [MemberData(nameof(PerToken))]
        public void A_token_adds_the_cache_its_config_gives(string id, string config, double expectedBytes)
        {
            ModelSpec model = Find(id, config);

            Assert.Equal(expectedBytes, KvCache.BytesPerToken(model, Precision.Bf16).Bytes);
        }

        [Theory]
        [MemberData(nameof(PerSequence))]
        public void Past_the_window_a_sequence_holds_what_its_config_gives(string id, string config, int contextTokens, double expectedBytes)
        {
            ModelSpec model = Find(id, config);
            Assert.True(contextTokens > model.Attention!.SlidingWindow, $"{id}: the context {contextTokens} must exceed the window {model.Attention.SlidingWindow}.");

            AssertBytes(expectedBytes, KvCache.BytesPerSequence(model.Layers!.Value, model.Attention, Precision.Bf16, contextTokens).Bytes);
            AssertBytes(expectedBytes, KvCache.Bytes(model, Precision.Bf16, contextTokens).Bytes);
            AssertBytes(3 * expectedBytes, KvCache.Bytes(model, Precision.Bf16, contextTokens, batch: 3).Bytes);
        }

        [Fact]
        public void Every_built_in_model_with_an_attention_shape_is_checked_or_named_as_left_out()
        {
            var checkedIds = PerToken.Select(row => (string)row[0]).ToList();
            Assert.Equal(checkedIds.Count, checkedIds.Distinct().Count());
            Assert.Empty(checkedIds.Intersect(s_leftOut.Keys));

            IEnumerable<string> withShape = Models.All.Where(m => m.Layers is not null && m.Attention is not null).Select(m => m.Id);
            Assert.Equal(withShape.OrderBy(i => i, System.StringComparer.Ordinal), checkedIds.Concat(s_leftOut.Keys).OrderBy(i => i, System.StringComparer.Ordinal));

            // GPT-4 is estimated and has no attention shape, so it has no KV cache to check.
            Assert.True(Models.Gpt4.IsEstimated);
            Assert.Null(Models.Gpt4.Attention);
        }

        [Fact]
        public void Every_model_with_local_layers_is_checked_past_its_window()
        {
            var checkedIds = PerSequence.Select(row => (string)row[0]).OrderBy(i => i, System.StringComparer.Ordinal);
            IEnumerable<string> local = Models.All.Where(m => m.Attention?.SlidingWindow is not null).Select(m => m.Id);

            Assert.Equal(local.OrderBy(i => i, System.StringComparer.Ordinal), checkedIds);
        }

        private static ModelSpec Find(string id, string config)
        {
            Assert.Matches(@"^https://(huggingface\.co/[^/]+/[^/]+/blob/main/config\.json|github\.com/[^/]+/[^/]+/blob/main/.+)$", config);
            ModelSpec? model = Models.Find(id);
            Assert.True(model is not null, $"No built-in model '{id}'.");
            return model!;
        }

        /// <summary>Equal to a part in 10^12: a sequence's cache is the per-token figure scaled by a ratio, not an exact product.</summary>
        private static void AssertBytes(double expected, double actual) => Assert.Equal(expected, actual, expected * 1e-12);
    }
}
