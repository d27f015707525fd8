using System;

namespace HardwareCatalog.Generators.Building
{
    /// <summary>
    /// What a plan file's <c>recipe</c> and <c>stateLayout</c> mean in numbers: the runtime's <c>PrecisionRecipe</c> and
    /// <c>OptimizerStateLayout</c> values, which the generator cannot reference (it does not load the runtime library).
    /// A test compares every row with the runtime's property of <see cref="RecipeRow.RuntimeName"/>.
    /// </summary>
    internal static class TrainingRecipes
    {
        public static readonly RecipeRow[] Recipes =
        {
            new("bf16-mixed", "Bf16Mixed", "BF16 mixed precision", "bf16", "bf16", "megatron-fp32-gradients"),
            new("fp16-mixed", "Fp16Mixed", "FP16 mixed precision", "fp16", "fp16", "zero-paper"),
            new("fp8-deepseek-v3", "Fp8DeepSeekV3", "FP8 (DeepSeek-V3)", "fp8", "bf16", "deepseek-v3-fp8"),
        };

        public static readonly StateLayoutRow[] StateLayouts =
        {
            new("zero-paper", "ZeroPaper", 2, 2, 4, 8),
            new("megatron-fp32-gradients", "MegatronFp32Gradients", 2, 4, 4, 8),
            new("deepseek-v3-fp8", "DeepSeekV3Fp8", 2, 4, 4, 4),
        };

        public static RecipeRow? Recipe(string key) => Array.Find(Recipes, r => r.Key == key);

        public static StateLayoutRow? StateLayout(string key) => Array.Find(StateLayouts, r => r.Key == key);
    }

    /// <param name="Name">The runtime recipe's name, which messages quote.</param>
    /// <param name="Compute">The precision key the matmuls run in.</param>
    /// <param name="Activations">The precision key the kept activations are counted in.</param>
    /// <param name="State">The key of the recipe's state layout.</param>
    internal sealed record RecipeRow(string Key, string RuntimeName, string Name, string Compute, string Activations, string State);

    /// <summary>Bytes per parameter: working weights, gradients, master copy, moments.</summary>
    internal sealed record StateLayoutRow(string Key, string RuntimeName, double WeightBytes, double GradientBytes, double MasterWeightBytes, double MomentBytes)
    {
        public double OptimizerBytes => MasterWeightBytes + MomentBytes;
    }
}
