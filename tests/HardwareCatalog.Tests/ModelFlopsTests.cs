using System;
using HardwareCatalog.Planning;
using Xunit;

namespace HardwareCatalog.Tests
{
    /// <summary>The FLOPs model from a model's shape, against published formulas.</summary>
    public class ModelFlopsTests
    {
        // GPT-3 175B (Brown et al. 2020, Table 2.1): 96 layers, d_model 12288, context 2048; GPT-2's 50,257-token vocabulary.
        private const double L = 96, H = 12288, S = 2048, V = 50257;

        [Fact]
        public void Gpt3_with_full_recomputation_is_narayanan_equation_3()
        {
            // Narayanan et al. 2021, "Efficient Large-Scale Language Model Training on GPU Clusters Using Megatron-LM",
            // equation (3): F = 96·B·s·l·h²·(1 + s/(6h) + V/(16·l·h)) per iteration of B sequences; per token divide by B·s.
            double perToken = 96 * L * H * H * (1 + S / (6 * H) + V / (16 * L * H));

            Assert.Equal(perToken, ModelFlops.TrainingPerToken(Models.Gpt3, (int)S, ActivationRecomputation.Full).Count, perToken * 1e-12);
        }

        [Fact]
        public void Gpt3_without_recomputation_is_three_forward_passes()
        {
            // Without recomputation the same accounting gives 72·B·s·l·h²·(1 + s/(6h) + V/(12·l·h)) (Narayanan et al. 2021,
            // section 5.1: the 96 includes one extra forward pass of the layers; the output layer is not recomputed).
            double perToken = 72 * L * H * H * (1 + S / (6 * H) + V / (12 * L * H));
            double forward = 24 * L * H * H + 4 * S * L * H + 2 * V * H;

            Assert.Equal(perToken, ModelFlops.TrainingPerToken(Models.Gpt3, (int)S, ActivationRecomputation.None).Count, perToken * 1e-12);
            Assert.Equal(forward, ModelFlops.ForwardPerToken(Models.Gpt3, (int)S).Count, forward * 1e-12);
            // Selective recomputation (Korthikanti et al. 2022) repeats only the attention core, 4·s·l·h per token here.
            Assert.Equal(perToken + 4 * S * L * H, ModelFlops.TrainingPerToken(Models.Gpt3, (int)S, ActivationRecomputation.Selective).Count, perToken * 1e-12);
        }

        [Fact]
        public void A_step_is_the_per_token_count_times_its_tokens()
        {
            // GPT-3's batch of 1,536 sequences of 2,048 tokens (Narayanan et al. 2021, Table 1).
            double perToken = ModelFlops.TrainingPerToken(Models.Gpt3, 2048, ActivationRecomputation.Full).Count;

            Assert.Equal(perToken * 1536 * 2048, ModelFlops.TrainingPerStep(Models.Gpt3, 1536, 2048, ActivationRecomputation.Full).Count, perToken * 1e-6);
            Assert.Throws<ArgumentOutOfRangeException>(() => ModelFlops.TrainingPerStep(Models.Gpt3, 0, 2048, ActivationRecomputation.Full));
        }

        [Fact]
        public void A_local_layer_attends_at_most_its_window()
        {
            // Gemma 3 27B (config: 62 layers, 32 heads of 128, sliding_window 1024, five local layers to one global): at a
            // 131,072-token span, 52 local layers attend 1,024 keys and 10 global layers all of them; 2·span·heads·(128 + 128)
            // per layer for QKᵀ and attention over V.
            const double perKey = 2.0 * 32 * (128 + 128);
            double expected = perKey * (10 * 131072.0 + 52 * 1024.0);

            Assert.Equal(expected, ModelFlops.AttentionCorePerToken(Models.Gemma3_27B, 131072).Count);
            // Within the window every layer attends the whole span.
            Assert.Equal(perKey * 62 * 512, ModelFlops.AttentionCorePerToken(Models.Gemma3_27B, 512).Count);
        }

        [Fact]
        public void A_mixture_of_experts_token_goes_through_its_active_experts_only()
        {
            // DeepSeek-V3 (config): a token's matmul weights are its active count, 37.55B from the shape, less the input
            // embedding (129,280 x 7,168, untied) and the norm scales; far from the 671B it holds.
            ModelSpec v3 = Models.DeepSeekV3;
            double forwardAtOneKey = ModelFlops.ForwardPerToken(v3, 1).Count;
            double active = v3.DerivedActiveParameters!.Value.Count;

            Assert.InRange(forwardAtOneKey, 2 * (active - 129280.0 * 7168) * 0.999, 2 * active);
            Assert.True(forwardAtOneKey < 2 * 0.06 * v3.DerivedParameters!.Value.Count);
        }

        [Fact]
        public void A_model_without_its_full_shape_is_refused_with_its_id()
        {
            var ex = Assert.Throws<InvalidOperationException>(() => ModelFlops.ForwardPerToken(Models.Gpt4, 2048));
            Assert.Contains("'gpt-4'", ex.Message);
        }
    }
}
