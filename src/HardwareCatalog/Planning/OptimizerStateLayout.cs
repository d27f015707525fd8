using System;
using System.Globalization;

namespace HardwareCatalog.Planning
{
    /// <summary>
    /// Bytes each parameter costs in training, by what they hold: the working weights the forward pass reads, their
    /// gradients, the optimizer's master copy and its moments (Adam: two).
    /// </summary>
    public readonly struct OptimizerStateLayout : IEquatable<OptimizerStateLayout>
    {
        /// <summary>Creates a layout.</summary>
        /// <exception cref="ArgumentOutOfRangeException">A size is negative, not finite, or the weights take no bytes.</exception>
        public OptimizerStateLayout(double weightBytes, double gradientBytes, double masterWeightBytes, double momentBytes)
        {
            Check(weightBytes, nameof(weightBytes));
            Check(gradientBytes, nameof(gradientBytes));
            Check(masterWeightBytes, nameof(masterWeightBytes));
            Check(momentBytes, nameof(momentBytes));
            if (weightBytes == 0) throw new ArgumentOutOfRangeException(nameof(weightBytes), weightBytes, "The working weights take some bytes.");
            WeightBytes = weightBytes;
            GradientBytes = gradientBytes;
            MasterWeightBytes = masterWeightBytes;
            MomentBytes = momentBytes;
        }

        private static void Check(double bytes, string name)
        {
            if (!(bytes >= 0) || double.IsInfinity(bytes)) throw new ArgumentOutOfRangeException(name, bytes, "Bytes per parameter must be finite and not negative.");
        }

        /// <summary>
        /// 16 bytes: FP16/BF16 weights (2) and gradients (2), FP32 master weights (4), FP32 Adam momentum and variance (8).
        /// The ZeRO paper's accounting, 2 + 2 + K with K = 12 (Rajbhandari et al. 2020, section 3.1).
        /// </summary>
        public static OptimizerStateLayout ZeroPaper { get; } = new(2, 2, 4, 8);

        /// <summary>
        /// 18 bytes: as <see cref="ZeroPaper"/> with FP32 gradients (4): Megatron-LM's accounting, which Korthikanti et al.
        /// 2022 use for "parameters and optimizer state" in their figure 1.
        /// </summary>
        public static OptimizerStateLayout MegatronFp32Gradients { get; } = new(2, 4, 4, 8);

        /// <summary>
        /// 14 bytes: DeepSeek-V3's FP8 recipe (arXiv:2412.19437, section 3.3.3): FP32 master weights (4) and FP32 gradients
        /// (4), AdamW moments in BF16 (2 + 2); the working weights counted as one BF16 copy (2), from which the FP8 GEMM
        /// inputs are quantized per 128×128 block (the report does not give the stored copy's format).
        /// </summary>
        public static OptimizerStateLayout DeepSeekV3Fp8 { get; } = new(2, 4, 4, 4);

        /// <summary>Bytes of the working weights per parameter.</summary>
        public double WeightBytes { get; }

        /// <summary>Bytes of the gradients per parameter.</summary>
        public double GradientBytes { get; }

        /// <summary>Bytes of the optimizer's master copy of the weights per parameter (0 when the working weights are the master).</summary>
        public double MasterWeightBytes { get; }

        /// <summary>Bytes of the optimizer's moments per parameter (Adam: momentum and variance together).</summary>
        public double MomentBytes { get; }

        /// <summary>The optimizer states: master copy and moments (the ZeRO paper's K).</summary>
        public double OptimizerStateBytes => MasterWeightBytes + MomentBytes;

        /// <summary>Everything per parameter.</summary>
        public double TotalBytes => WeightBytes + GradientBytes + MasterWeightBytes + MomentBytes;

        /// <inheritdoc/>
        public bool Equals(OptimizerStateLayout other)
            => WeightBytes.Equals(other.WeightBytes) && GradientBytes.Equals(other.GradientBytes)
               && MasterWeightBytes.Equals(other.MasterWeightBytes) && MomentBytes.Equals(other.MomentBytes);

        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is OptimizerStateLayout other && Equals(other);

        /// <inheritdoc/>
        public override int GetHashCode()
            => ((WeightBytes.GetHashCode() * 397 ^ GradientBytes.GetHashCode()) * 397 ^ MasterWeightBytes.GetHashCode()) * 397 ^ MomentBytes.GetHashCode();

        /// <summary>Whether the two layouts are the same.</summary>
        public static bool operator ==(OptimizerStateLayout left, OptimizerStateLayout right) => left.Equals(right);

        /// <summary>Whether the two layouts differ.</summary>
        public static bool operator !=(OptimizerStateLayout left, OptimizerStateLayout right) => !left.Equals(right);

        /// <inheritdoc/>
        public override string ToString() => string.Format(
            CultureInfo.InvariantCulture,
            "{0} B/parameter (weights {1}, gradients {2}, master {3}, moments {4})",
            TotalBytes, WeightBytes, GradientBytes, MasterWeightBytes, MomentBytes);
    }
}
