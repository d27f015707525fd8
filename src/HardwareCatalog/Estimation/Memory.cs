using System;
using HardwareCatalog.Units;

namespace HardwareCatalog.Estimation
{
    /// <summary>Memory for weights and training state.</summary>
    public static class Memory
    {
        /// <summary>
        /// Bytes per parameter of mixed-precision training with Adam: 2 (fp16/bf16 weights) + 2 (gradients) + 12 (fp32
        /// master weights, momentum and variance) = 16. Rajbhandari et al. 2020, "ZeRO", section 3.1: (2 + 2 + K)·Ψ, K = 12.
        /// </summary>
        public const double MixedPrecisionAdamBytesPerParameter = 16;

        /// <summary>The weights of <paramref name="model"/> (all parameters; MoE experts included) stored in <paramref name="precision"/>.</summary>
        public static DataSize Weights(ModelSpec model, Precision precision)
        {
            if (model is null) throw new ArgumentNullException(nameof(model));
            return Weights(model.TotalParameters, precision);
        }

        /// <summary><paramref name="parameters"/> stored in <paramref name="precision"/>: P × bytes per element.</summary>
        public static DataSize Weights(Parameters parameters, Precision precision)
            => DataSize.FromBytes(parameters.Count * precision.BytesPerElement());

        /// <summary>Weights, gradients and Adam state of mixed-precision training, before activations and sharding (ZeRO, section 3.1).</summary>
        public static DataSize TrainingState(ModelSpec model)
        {
            if (model is null) throw new ArgumentNullException(nameof(model));
            return DataSize.FromBytes(model.TotalParameters.Count * MixedPrecisionAdamBytesPerParameter);
        }
    }
}
