using System;

namespace HardwareCatalog.Planning
{
    /// <summary>
    /// A mixed-precision training recipe: the format the matrix multiplications run in, the format activations are
    /// kept in for the backward pass, and the state layout it implies (which tensor is kept in which precision).
    /// </summary>
    public sealed class PrecisionRecipe
    {
        /// <summary>Creates a recipe.</summary>
        /// <exception cref="ArgumentException"><paramref name="name"/> is empty, or the activations are in an integer format.</exception>
        /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
        public PrecisionRecipe(string name, Precision compute, Precision activations, OptimizerStateLayout state)
        {
            if (name is null) throw new ArgumentNullException(nameof(name));
            if (name.Length == 0) throw new ArgumentException("A recipe needs a name.", nameof(name));
            if (activations.IsInteger()) throw new ArgumentException("Activations kept for the backward pass are floating point.", nameof(activations));
            if (state.WeightBytes == 0) throw new ArgumentException("The state layout is default: give bytes per parameter.", nameof(state));
            Name = name;
            Compute = compute;
            Activations = activations;
            State = state;
        }

        /// <summary>
        /// BF16 mixed precision: matrix multiplications, working weights and activations in BF16; gradients reduced in
        /// FP32; FP32 master weights and Adam moments (Megatron-LM's default: <see cref="OptimizerStateLayout.MegatronFp32Gradients"/>).
        /// </summary>
        public static PrecisionRecipe Bf16Mixed { get; } = new("BF16 mixed precision", Precision.Bf16, Precision.Bf16, OptimizerStateLayout.MegatronFp32Gradients);

        /// <summary>
        /// FP16 mixed precision with loss scaling (Micikevicius et al. 2018): matrix multiplications, working weights,
        /// gradients and activations in FP16; FP32 master weights and Adam moments (<see cref="OptimizerStateLayout.ZeroPaper"/>).
        /// </summary>
        public static PrecisionRecipe Fp16Mixed { get; } = new("FP16 mixed precision", Precision.Fp16, Precision.Fp16, OptimizerStateLayout.ZeroPaper);

        /// <summary>
        /// DeepSeek-V3's FP8 recipe (arXiv:2412.19437, section 3.3): the linear layers' GEMMs take FP8 (E4M3) inputs with
        /// per-tile/per-block scales and accumulate in FP32; embedding, output head, MoE gating, norms and attention stay
        /// in BF16/FP32; master weights and gradients in FP32, AdamW moments in BF16
        /// (<see cref="OptimizerStateLayout.DeepSeekV3Fp8"/>). The report caches some linear inputs in FP8; activations are
        /// counted in BF16 (an upper bound) unless the settings use <see cref="ActivationStorage.DeepSeekV3"/>.
        /// </summary>
        public static PrecisionRecipe Fp8DeepSeekV3 { get; } = new("FP8 (DeepSeek-V3)", Precision.Fp8, Precision.Bf16, OptimizerStateLayout.DeepSeekV3Fp8);

        /// <summary>The recipe's name.</summary>
        public string Name { get; }

        /// <summary>The precision the matrix multiplications run in.</summary>
        public Precision Compute { get; }

        /// <summary>The precision the activations kept for the backward pass are counted in (16-bit in the Korthikanti et al. formulas).</summary>
        public Precision Activations { get; }

        /// <summary>Bytes per parameter of weights, gradients, master copy and moments under this recipe.</summary>
        public OptimizerStateLayout State { get; }

        /// <inheritdoc/>
        public override string ToString() => Name;
    }
}
