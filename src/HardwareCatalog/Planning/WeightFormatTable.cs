// The one table of weight formats: WeightFormat's built-in instances are made from these rows (ServingPlanTests
// compares them), and docs/serving.md lists them. Plain data, so that the generator can link it for plan files.
// Adding a format is one row here and one line in docs/serving.md.
namespace HardwareCatalog.Planning
{
    /// <summary>One weight format's storage and compute, as data.</summary>
    internal sealed class WeightFormatRow
    {
        public WeightFormatRow(string key, string displayName, double elementBits, int groupSize, double scaleBits, string computeKey, bool weightOnly, string source)
        {
            Key = key;
            DisplayName = displayName;
            ElementBits = elementBits;
            GroupSize = groupSize;
            ScaleBits = scaleBits;
            ComputeKey = computeKey;
            WeightOnly = weightOnly;
            Source = source;
        }

        public string Key { get; }
        public string DisplayName { get; }
        public double ElementBits { get; }
        public int GroupSize { get; }
        public double ScaleBits { get; }

        /// <summary>The compute precision's DSL key (PrecisionTable): <c>bf16</c>, <c>fp8</c>, <c>fp4</c>.</summary>
        public string ComputeKey { get; }
        public bool WeightOnly { get; }
        public string Source { get; }

        public double BitsPerParameter => ElementBits + (GroupSize > 0 ? ScaleBits / GroupSize : 0);
    }

    /// <summary>The built-in weight formats, in the order docs/serving.md lists them.</summary>
    internal static class WeightFormatTable
    {
        public static readonly WeightFormatRow[] Rows =
        {
            new("bf16", "BF16", 16, 0, 0, "bf16", false, "https://cloud.google.com/tpu/docs/bfloat16"),
            new("fp16", "FP16", 16, 0, 0, "fp16", false, "https://ieeexplore.ieee.org/document/8766229"),

            // DeepSeek-V3's released weights: E4M3 with one FP32 scale per 128×128 block (config.json weight_block_size).
            new("fp8", "FP8 (128×128 blocks)", 8, 128 * 128, 32, "fp8", false, "https://arxiv.org/abs/2412.19437"),

            // SmoothQuant's W8A8: per-channel scales, left out.
            new("int8", "INT8 (W8A8)", 8, 0, 0, "int8", false, "https://arxiv.org/abs/2211.10438"),

            // AWQ/GPTQ checkpoints: an FP16 scale and a packed 4-bit zero point per group of 128, dequantised to BF16.
            new("int4-g128", "INT4 weight-only (g128)", 4, 128, 16 + 4, "bf16", true, "https://arxiv.org/abs/2306.00978"),

            // OCP Microscaling Formats v1.0: 32 E2M1 elements share one E8M0 scale.
            new("mxfp4", "MXFP4", 4, 32, 8, "fp4", false, "https://www.opencompute.org/documents/ocp-microscaling-formats-mx-v1-0-spec-final-pdf"),
            new("mxfp4-weight-only", "MXFP4 weight-only", 4, 32, 8, "bf16", true, "https://www.opencompute.org/documents/ocp-microscaling-formats-mx-v1-0-spec-final-pdf"),

            // NVFP4: 16 E2M1 elements share one E4M3 scale, plus an FP32 scale per tensor (left out).
            new("nvfp4", "NVFP4", 4, 16, 8, "fp4", false, "https://developer.nvidia.com/blog/introducing-nvfp4-for-efficient-and-accurate-low-precision-inference/"),
        };
    }
}
