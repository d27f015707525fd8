using System;
using HardwareCatalog.Units;

namespace HardwareCatalog.Planning
{
    /// <summary>
    /// Floating-point operations of a decoder-only transformer, from the model's shape: one FLOPs model for training and
    /// serving. A multiply-add is two FLOPs. Sources and limits: docs/planning.md, "FLOPs".
    /// </summary>
    /// <remarks>
    /// Per token, a forward pass costs 2 FLOPs per weight of every matrix the token goes through (attention projections,
    /// the FFN or the active and shared experts with the router, the output layer; not the embedding look-up or the
    /// norms) plus the attention core: 2·span·heads·(qk head size + v head size) per layer, where span is the number of
    /// keys each query attends (a local layer attends at most its window). Training costs three forward passes (forward,
    /// and a backward pass of twice the forward's work) plus what it recomputes. For GPT-3's shape with full
    /// recomputation this is exactly Narayanan et al. 2021, equation (3): 96·B·s·l·h²·(1 + s/(6h) + V/(16·l·h)).
    /// </remarks>
    public static class ModelFlops
    {
        /// <summary>Forward FLOPs for one token whose queries attend <paramref name="attentionSpan"/> keys (a sequence's length in training).</summary>
        /// <exception cref="InvalidOperationException">The catalog does not give the shape the count needs.</exception>
        public static Flops ForwardPerToken(ModelSpec model, int attentionSpan)
        {
            Shape shape = Read(model);
            return Flops.FromCount(2.0 * shape.Matmul + AttentionCore(shape, attentionSpan));
        }

        /// <summary>The attention core of one token's forward pass (QKᵀ and attention over V, every layer): the part that grows with the span.</summary>
        /// <exception cref="InvalidOperationException">The catalog does not give the shape the count needs.</exception>
        public static Flops AttentionCorePerToken(ModelSpec model, int attentionSpan) => Flops.FromCount(AttentionCore(Read(model), attentionSpan));

        /// <summary>
        /// Training FLOPs per token of a sequence of <paramref name="sequenceLength"/> tokens: forward, backward (twice
        /// the forward) and what <paramref name="recomputation"/> repeats (the layers' forward, or their attention core).
        /// </summary>
        /// <exception cref="InvalidOperationException">The catalog does not give the shape the count needs.</exception>
        public static Flops TrainingPerToken(ModelSpec model, int sequenceLength, ActivationRecomputation recomputation)
        {
            Shape shape = Read(model);
            double core = AttentionCore(shape, sequenceLength);
            double forward = 2.0 * shape.Matmul + core;
            double recomputed = recomputation switch
            {
                ActivationRecomputation.None => 0,
                ActivationRecomputation.Selective => core,
                ActivationRecomputation.Full => 2.0 * (shape.Matmul - shape.OutputLayer) + core,
                _ => throw new ArgumentOutOfRangeException(nameof(recomputation), recomputation, "Unknown recomputation."),
            };

            return Flops.FromCount(3 * forward + recomputed);
        }

        /// <summary>Training FLOPs of one step: <paramref name="globalBatch"/> sequences of <paramref name="sequenceLength"/> tokens.</summary>
        /// <exception cref="InvalidOperationException">The catalog does not give the shape the count needs.</exception>
        public static Flops TrainingPerStep(ModelSpec model, int globalBatch, int sequenceLength, ActivationRecomputation recomputation)
        {
            if (globalBatch <= 0) throw new ArgumentOutOfRangeException(nameof(globalBatch), globalBatch, "A step has at least one sequence.");
            return TrainingPerToken(model, sequenceLength, recomputation) * ((double)globalBatch * sequenceLength);
        }

        private static double AttentionCore(Shape shape, int span)
        {
            if (span <= 0) throw new ArgumentOutOfRangeException(nameof(span), span, "A query attends at least one key.");
            AttentionSpec attention = shape.Attention;
            double perKey = 2.0 * attention.Heads * (shape.QueryKeyHeadSize + shape.ValueHeadSize);
            // A local (sliding-window or chunked) layer attends at most its window.
            int layers = shape.Layers;
            int local = attention.SlidingWindow is null ? 0 : attention.LocalLayerCount(layers);
            int localSpan = Math.Min(attention.SlidingWindow ?? span, span);
            return perKey * ((double)(layers - local) * span + (double)local * localSpan);
        }

        private static Shape Read(ModelSpec model)
        {
            if (model is null) throw new ArgumentNullException(nameof(model));
            if (model.MatmulParametersPerToken() is not long matmul || model.Attention is not { } attention || model.Layers is not int layers
                || model.HiddenSize is not int h || model.VocabularySize is not int vocabulary)
            {
                throw new InvalidOperationException($"'{model.Id}' does not give the shape a FLOPs count needs (layers, hiddenSize, vocabularySize, activation, tiedEmbeddings, attention, the FFN widths); see ModelSpec.DerivedParameters.");
            }

            bool latent = attention.Kind == AttentionKind.Mla;
            int queryKey = latent ? attention.HeadDim + (attention.RopeHeadDim ?? 0) : attention.HeadDim;
            int value = latent ? attention.VHeadDim ?? attention.HeadDim : attention.HeadDim;
            return new Shape(matmul, (long)vocabulary * h, layers, attention, queryKey, value);
        }

        private readonly struct Shape
        {
            public Shape(long matmul, long outputLayer, int layers, AttentionSpec attention, int queryKeyHeadSize, int valueHeadSize)
            {
                Matmul = matmul;
                OutputLayer = outputLayer;
                Layers = layers;
                Attention = attention;
                QueryKeyHeadSize = queryKeyHeadSize;
                ValueHeadSize = valueHeadSize;
            }

            /// <summary>Weights of every matrix one token goes through, the output layer included.</summary>
            public long Matmul { get; }

            public long OutputLayer { get; }

            public int Layers { get; }

            public AttentionSpec Attention { get; }

            public int QueryKeyHeadSize { get; }

            public int ValueHeadSize { get; }
        }
    }
}
