using System;
using HardwareCatalog.Units;

namespace HardwareCatalog.Estimation
{
    /// <summary>Key/value cache sizes for MHA, GQA, MQA and MLA.</summary>
    public static class KvCache
    {
        /// <summary>
        /// The KV cache one token adds, across all layers, for <paramref name="model"/> in <paramref name="precision"/>.
        /// For a model with local (sliding-window) layers this counts every layer, so it is the growth per token only
        /// while the context is within the window; past it, a local layer drops a token for each it adds. Use
        /// <see cref="Bytes(ModelSpec, Precision, int, int)"/> for a sequence of a given length.
        /// </summary>
        /// <exception cref="InvalidOperationException">The catalog gives no layers or attention shape for the model.</exception>
        public static DataSize BytesPerToken(ModelSpec model, Precision precision)
        {
            if (model is null) throw new ArgumentNullException(nameof(model));
            if (model.Layers is not int layers || model.Attention is null)
            {
                throw new InvalidOperationException($"'{model.Id}' has no published layer count or attention shape, so its KV cache cannot be computed.");
            }

            return BytesPerToken(layers, model.Attention, precision);
        }

        /// <summary>
        /// The KV cache one token adds across <paramref name="layers"/>:
        /// MHA/GQA/MQA cache a key and a value per KV head, 2·L·kvHeads·headDim elements (Shazeer 2019, "Fast Transformer
        /// Decoding"; Ainslie et al. 2023, "GQA"); MLA caches the compressed latent and the decoupled RoPE key,
        /// L·(kvLoraRank + ropeHeadDim) elements (DeepSeek-AI 2024, "DeepSeek-V2", section 2.1.3 and table 1).
        /// </summary>
        public static DataSize BytesPerToken(int layers, AttentionSpec attention, Precision precision)
        {
            if (attention is null) throw new ArgumentNullException(nameof(attention));
            if (layers <= 0) throw new ArgumentOutOfRangeException(nameof(layers), layers, "Layers must be positive.");
            double elements = attention.Kind == AttentionKind.Mla
                ? (double)layers * (attention.KvLoraRank!.Value + attention.RopeHeadDim!.Value)
                : 2.0 * layers * attention.KvHeads * attention.HeadDim;
            return DataSize.FromBytes(elements * precision.BytesPerElement());
        }

        /// <summary>
        /// The KV cache of <paramref name="batch"/> sequences of <paramref name="contextTokens"/> tokens each. A local
        /// (sliding-window) layer holds at most <see cref="AttentionSpec.SlidingWindow"/> tokens of each sequence.
        /// </summary>
        /// <exception cref="InvalidOperationException">The catalog gives no layers or attention shape for the model.</exception>
        public static DataSize Bytes(ModelSpec model, Precision precision, int contextTokens, int batch = 1)
        {
            if (contextTokens < 0) throw new ArgumentOutOfRangeException(nameof(contextTokens), contextTokens, "The context cannot be negative.");
            if (batch <= 0) throw new ArgumentOutOfRangeException(nameof(batch), batch, "The batch must be positive.");
            if (model is null) throw new ArgumentNullException(nameof(model));
            if (model.Layers is not int layers || model.Attention is null)
            {
                throw new InvalidOperationException($"'{model.Id}' has no published layer count or attention shape, so its KV cache cannot be computed.");
            }

            return BytesPerSequence(layers, model.Attention, precision, contextTokens) * batch;
        }

        /// <summary>
        /// The KV cache of one sequence of <paramref name="contextTokens"/> tokens across <paramref name="layers"/>: a
        /// global layer caches every token, a local layer (<see cref="AttentionSpec.IsLocalLayer"/>) only the last
        /// <see cref="AttentionSpec.SlidingWindow"/> (Beltagy et al. 2020, "Longformer", section 3.1; Gemma Team 2025,
        /// "Gemma 3 Technical Report", section 2.1). Per layer and token, as <see cref="BytesPerToken(int, AttentionSpec, Precision)"/>.
        /// </summary>
        public static DataSize BytesPerSequence(int layers, AttentionSpec attention, Precision precision, int contextTokens)
        {
            if (attention is null) throw new ArgumentNullException(nameof(attention));
            if (contextTokens < 0) throw new ArgumentOutOfRangeException(nameof(contextTokens), contextTokens, "The context cannot be negative.");
            DataSize perToken = BytesPerToken(layers, attention, precision);
            int localLayers = attention.LocalLayerCount(layers);
            double localTokens = Math.Min(contextTokens, attention.SlidingWindow ?? contextTokens);

            // Token-layers held: every global layer holds the whole context, every local one at most the window.
            double tokenLayers = (double)(layers - localLayers) * contextTokens + (double)localLayers * localTokens;
            return perToken * (tokenLayers / layers);
        }
    }
}
