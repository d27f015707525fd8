// Compiled into both the runtime library and the source generator: the one formula for a model's parameter count
// from its shape, which ModelSpec.DerivedParameters reports and the generator checks against `parameters:` (HWC130).
namespace HardwareCatalog
{
    /// <summary>A model's shape as the parameter count needs it; null where the catalog gives no value.</summary>
    internal struct ModelShape
    {
        public int? Layers { get; set; }
        public int? HiddenSize { get; set; }
        public int? VocabularySize { get; set; }
        public int? FfnHiddenSize { get; set; }

        /// <summary>Whether the FFN has a gate (SwiGLU, GeGLU: three matrices) or not (GELU, ReLU: two).</summary>
        public bool? Gated { get; set; }
        public bool? TiedEmbeddings { get; set; }

        /// <summary>True for multi-head latent attention; the other kinds have the same projections.</summary>
        public bool IsLatentAttention { get; set; }
        public int Heads { get; set; }
        public int HeadDim { get; set; }
        public int KvHeads { get; set; }
        public int? KvLoraRank { get; set; }
        public int? RopeHeadDim { get; set; }
        public int? QLoraRank { get; set; }
        public int? VHeadDim { get; set; }

        /// <summary>The window of the local (sliding-window) layers, and how they alternate with global ones; null for none.</summary>
        public int? SlidingWindow { get; set; }
        public int? LocalLayers { get; set; }
        public int? GlobalLayers { get; set; }

        /// <summary>False for a dense model: the MoE values below are then not read.</summary>
        public bool IsMixtureOfExperts { get; set; }
        public int RoutedExperts { get; set; }
        public int ActiveExperts { get; set; }
        public int SharedExperts { get; set; }
        public int? ExpertFfnHiddenSize { get; set; }
        public int DenseLayers { get; set; }
        public int LayerInterval { get; set; }
    }

    /// <summary>
    /// Parameters of a decoder-only transformer from its shape: the sum of its weight matrices and norm scales, without
    /// biases or learned position embeddings (a few per mille where a model has them: GPT-3, Qwen2.5's QKV bias).
    /// </summary>
    internal static class ParameterCount
    {
        /// <summary>The total and the per-token (active) count, or false when a value the formula needs is missing.</summary>
        public static bool TryCount(in ModelShape shape, out long total, out long active)
        {
            total = active = 0;
            if (shape.Layers is not int layers || shape.HiddenSize is not int h || shape.VocabularySize is not int vocabulary
                || shape.TiedEmbeddings is not bool tied || shape.Gated is not bool gated || layers <= 0)
            {
                return false;
            }

            if (Attention(shape, h) is not long attention) return false;
            int moeLayers = MoeLayers(shape, layers);
            int denseLayers = layers - moeLayers;
            long matrices = gated ? 3 : 2;

            // Dense FFN (Shazeer 2020, "GLU Variants Improve Transformer": a gated FFN has W, V and W2).
            long denseFfn = 0;
            if (denseLayers > 0)
            {
                if (shape.FfnHiddenSize is not int f) return false;
                denseFfn = matrices * h * f;
            }

            // MoE FFN: every routed and shared expert is an FFN of its own width, plus the router's h x routed matrix.
            long expertFfn = 0, router = 0;
            if (moeLayers > 0)
            {
                if (shape.ExpertFfnHiddenSize is not int fe) return false;
                expertFfn = matrices * h * fe;
                router = (long)h * shape.RoutedExperts;
            }

            // Two norms per layer (before attention and before the FFN), one after the last layer.
            long norms = 2L * h;
            long embeddings = (tied ? 1L : 2L) * vocabulary * h;
            long perDenseLayer = attention + denseFfn + norms;
            long moeLayerBase = attention + router + norms;
            total = embeddings + denseLayers * perDenseLayer
                + moeLayers * (moeLayerBase + (long)(shape.RoutedExperts + shape.SharedExperts) * expertFfn) + h;
            active = embeddings + denseLayers * perDenseLayer
                + moeLayers * (moeLayerBase + (long)(shape.ActiveExperts + shape.SharedExperts) * expertFfn) + h;
            return true;
        }

        /// <summary>
        /// The weights one token multiplies through: the active count without the embedding look-up (a tied matrix stays,
        /// as the output layer) and without the norm scales. Twice this is a token's forward matmul FLOPs.
        /// </summary>
        public static bool TryCountMatmulPerToken(in ModelShape shape, out long matmul)
        {
            matmul = 0;
            if (!TryCount(shape, out _, out long active)) return false;
            long h = shape.HiddenSize!.Value, layers = shape.Layers!.Value;
            long lookup = shape.TiedEmbeddings == true ? 0 : (long)shape.VocabularySize!.Value * h;
            long latentNorms = shape.IsLatentAttention ? (shape.QLoraRank ?? 0) + (shape.KvLoraRank ?? 0) : 0;
            matmul = active - lookup - (layers * (2 * h + latentNorms) + h);
            return true;
        }

        /// <summary>The layers whose FFN is a mixture of experts: every <c>LayerInterval</c>-th after the dense leading ones.</summary>
        public static int MoeLayers(in ModelShape shape, int layers)
        {
            if (!shape.IsMixtureOfExperts) return 0;
            int interval = shape.LayerInterval > 0 ? shape.LayerInterval : 1;
            int afterDense = layers - shape.DenseLayers;
            return afterDense > 0 ? afterDense / interval : 0;
        }

        /// <summary>One layer's attention weights, or null when a value the formula needs is missing.</summary>
        internal static long? Attention(in ModelShape shape, long h)
        {
            long heads = shape.Heads, headDim = shape.HeadDim;
            if (heads <= 0 || headDim <= 0) return null;
            if (!shape.IsLatentAttention)
            {
                // Q (h x heads·d), K and V (h x kvHeads·d each), O (heads·d x h).
                long kvHeads = shape.KvHeads;
                if (kvHeads <= 0) return null;
                return h * heads * headDim + 2 * h * kvHeads * headDim + heads * headDim * h;
            }

            // Multi-head latent attention (DeepSeek-AI 2024, "DeepSeek-V2", section 2.1.2, equations 9-14 and 37-40).
            if (shape.KvLoraRank is not int kvRankValue || shape.RopeHeadDim is not int ropeValue || shape.VHeadDim is not int vHeadDimValue) return null;
            long kvRank = kvRankValue, rope = ropeValue, vHeadDim = vHeadDimValue;
            long queryHeads = heads * (headDim + rope);

            // Queries: through a compressed latent with its norm (W^DQ, W^UQ and W^QR together), or projected directly.
            long query = shape.QLoraRank is int qRankValue ? h * qRankValue + qRankValue + (long)qRankValue * queryHeads : h * queryHeads;

            // Keys and values: down to the latent plus the shared RoPE key (W^DKV, W^KR), its norm, up to every head's
            // key and value (W^UK, W^UV), and the output projection.
            long keyValue = h * (kvRank + rope) + kvRank + kvRank * heads * (headDim + vHeadDim);
            long output = heads * vHeadDim * h;
            return query + keyValue + output;
        }
    }
}
