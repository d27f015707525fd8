using System;
using System.Collections.Generic;

namespace HardwareCatalog.Planning
{
    /// <summary>
    /// How a model's weights are stored for serving and what their matmuls compute in: bits per element, a shared scale
    /// per group of elements (its bits count toward the bits per parameter), and the compute precision, which the GPU
    /// must support. A weight-only format is dequantised to its compute precision before the matmul.
    /// </summary>
    /// <remarks>
    /// The built-in formats are the rows of <see cref="All"/>; a format of one's own is one constructor call. Sources:
    /// docs/serving.md, "Weight formats".
    /// </remarks>
    public sealed class WeightFormat : IEquatable<WeightFormat>
    {
        /// <summary>Creates a format.</summary>
        /// <param name="key">The plan file's key, for example <c>nvfp4</c>.</param>
        /// <param name="displayName">The conventional name, for example <c>NVFP4</c>.</param>
        /// <param name="elementBits">Bits of one stored weight.</param>
        /// <param name="groupSize">Weights that share one scale; 0 when the scales are per tensor or per channel (negligible).</param>
        /// <param name="scaleBits">Bits of one group's scale (and zero point, where the format keeps one).</param>
        /// <param name="compute">The precision the matmuls run in.</param>
        /// <param name="weightOnly">Whether the weights are dequantised to <paramref name="compute"/> (activations stay in it).</param>
        /// <param name="source">The specification or paper of the storage layout.</param>
        public WeightFormat(string key, string displayName, double elementBits, int groupSize, double scaleBits, Precision compute, bool weightOnly, string source)
        {
            if (string.IsNullOrEmpty(key)) throw new ArgumentException("A format needs a key.", nameof(key));
            if (string.IsNullOrEmpty(displayName)) throw new ArgumentException("A format needs a name.", nameof(displayName));
            if (!(elementBits > 0 && elementBits <= 64)) throw new ArgumentOutOfRangeException(nameof(elementBits), elementBits, "Bits per element are in (0, 64].");
            if (groupSize < 0) throw new ArgumentOutOfRangeException(nameof(groupSize), groupSize, "A group size is not negative.");
            if (!(scaleBits >= 0)) throw new ArgumentOutOfRangeException(nameof(scaleBits), scaleBits, "Scale bits are not negative.");
            Key = key;
            DisplayName = displayName;
            ElementBits = elementBits;
            GroupSize = groupSize;
            ScaleBits = scaleBits;
            Compute = compute;
            WeightOnly = weightOnly;
            Source = source ?? throw new ArgumentNullException(nameof(source));
        }

        /// <summary>The plan file's key.</summary>
        public string Key { get; }

        /// <summary>The conventional name.</summary>
        public string DisplayName { get; }

        /// <summary>Bits of one stored weight.</summary>
        public double ElementBits { get; }

        /// <summary>Weights that share one scale; 0 for per-tensor or per-channel scales, which are left out.</summary>
        public int GroupSize { get; }

        /// <summary>Bits of one group's scale and zero point.</summary>
        public double ScaleBits { get; }

        /// <summary>Bits per parameter with the scales: element bits + scale bits / group size.</summary>
        public double BitsPerParameter => ElementBits + (GroupSize > 0 ? ScaleBits / GroupSize : 0);

        /// <summary>Bytes per parameter with the scales.</summary>
        public double BytesPerParameter => BitsPerParameter / 8;

        /// <summary>The precision the matmuls run in; a GPU that does not support it cannot run the format (HWC225).</summary>
        public Precision Compute { get; }

        /// <summary>Whether the weights are dequantised to <see cref="Compute"/> before each matmul.</summary>
        public bool WeightOnly { get; }

        /// <summary>The specification or paper of the storage layout.</summary>
        public string Source { get; }

        /// <summary>BF16 weights and compute.</summary>
        public static WeightFormat Bf16 { get; } = FromRow("bf16");

        /// <summary>FP16 weights and compute.</summary>
        public static WeightFormat Fp16 { get; } = FromRow("fp16");

        /// <summary>
        /// FP8 (E4M3) weights with one FP32 scale per 128×128 block, FP8 compute: DeepSeek-V3's released weights
        /// (config.json <c>quantization_config.weight_block_size</c> [128, 128]; report section 3.3.2).
        /// </summary>
        public static WeightFormat Fp8 { get; } = FromRow("fp8");

        /// <summary>INT8 weights and activations with per-channel scales, INT8 compute (SmoothQuant's W8A8, Xiao et al. 2023).</summary>
        public static WeightFormat Int8 { get; } = FromRow("int8");

        /// <summary>
        /// 4-bit integer weights, weight-only, groups of 128 with an FP16 scale and a 4-bit zero point (AWQ and GPTQ
        /// checkpoints: <c>scales</c> FP16 and packed <c>qzeros</c> per group), dequantised to BF16 (Lin et al. 2024, AWQ).
        /// </summary>
        public static WeightFormat Int4WeightOnly { get; } = FromRow("int4-g128");

        /// <summary>MXFP4: FP4 (E2M1) elements in blocks of 32 sharing one E8M0 (8-bit) scale, FP4 compute (OCP Microscaling Formats v1.0).</summary>
        public static WeightFormat Mxfp4 { get; } = FromRow("mxfp4");

        /// <summary>MXFP4 weights dequantised to BF16: how GPUs without FP4 tensor cores run MXFP4 checkpoints (gpt-oss on Hopper).</summary>
        public static WeightFormat Mxfp4WeightOnly { get; } = FromRow("mxfp4-weight-only");

        /// <summary>
        /// NVFP4: FP4 (E2M1) elements in blocks of 16 sharing one FP8 (E4M3) scale, plus one FP32 scale per tensor (left
        /// out), FP4 compute: Blackwell.
        /// </summary>
        public static WeightFormat Nvfp4 { get; } = FromRow("nvfp4");

        /// <summary>Every built-in format, in the order docs/serving.md lists them.</summary>
        public static IReadOnlyList<WeightFormat> All { get; } = new[] { Bf16, Fp16, Fp8, Int8, Int4WeightOnly, Mxfp4, Mxfp4WeightOnly, Nvfp4 };

        private static WeightFormat FromRow(string key)
        {
            foreach (WeightFormatRow row in WeightFormatTable.Rows)
            {
                if (row.Key == key)
                {
                    Precision compute = (Precision)Array.IndexOf(PrecisionTable.Keys, row.ComputeKey);
                    return new WeightFormat(row.Key, row.DisplayName, row.ElementBits, row.GroupSize, row.ScaleBits, compute, row.WeightOnly, row.Source);
                }
            }

            throw new InvalidOperationException($"No weight format row '{key}'.");
        }

        /// <summary>The built-in format with <paramref name="key"/> (ordinal), or null.</summary>
        public static WeightFormat? Find(string key)
        {
            foreach (WeightFormat format in All)
            {
                if (string.Equals(format.Key, key, StringComparison.Ordinal)) return format;
            }

            return null;
        }

        /// <inheritdoc/>
        public bool Equals(WeightFormat? other) => other is not null && Key == other.Key && ElementBits == other.ElementBits && GroupSize == other.GroupSize
            && ScaleBits == other.ScaleBits && Compute == other.Compute && WeightOnly == other.WeightOnly;

        /// <inheritdoc/>
        public override bool Equals(object? obj) => Equals(obj as WeightFormat);

        /// <inheritdoc/>
        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Key);

        /// <inheritdoc/>
        public override string ToString() => DisplayName;
    }
}
