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
        public static Flops ForwardPerToken(ModelSpec model, int attentionSpan) => Flops.FromCount(Read(model).ForwardPerToken(Span(attentionSpan)));

        /// <summary>The attention core of one token's forward pass (QKᵀ and attention over V, every layer): the part that grows with the span.</summary>
        /// <exception cref="InvalidOperationException">The catalog does not give the shape the count needs.</exception>
        public static Flops AttentionCorePerToken(ModelSpec model, int attentionSpan) => Flops.FromCount(Read(model).AttentionCorePerToken(Span(attentionSpan)));

        /// <summary>
        /// Training FLOPs per token of a sequence of <paramref name="sequenceLength"/> tokens: forward, backward (twice
        /// the forward) and what <paramref name="recomputation"/> repeats (the layers' forward, or their attention core).
        /// </summary>
        /// <exception cref="InvalidOperationException">The catalog does not give the shape the count needs.</exception>
        public static Flops TrainingPerToken(ModelSpec model, int sequenceLength, ActivationRecomputation recomputation)
        {
            if (recomputation is < ActivationRecomputation.None or > ActivationRecomputation.Full) throw new ArgumentOutOfRangeException(nameof(recomputation), recomputation, "Unknown recomputation.");
            return Flops.FromCount(Read(model).TrainingPerToken(Span(sequenceLength), recomputation));
        }

        /// <summary>Training FLOPs of one step: <paramref name="globalBatch"/> sequences of <paramref name="sequenceLength"/> tokens.</summary>
        /// <exception cref="InvalidOperationException">The catalog does not give the shape the count needs.</exception>
        public static Flops TrainingPerStep(ModelSpec model, int globalBatch, int sequenceLength, ActivationRecomputation recomputation)
        {
            if (globalBatch <= 0) throw new ArgumentOutOfRangeException(nameof(globalBatch), globalBatch, "A step has at least one sequence.");
            return TrainingPerToken(model, sequenceLength, recomputation) * ((double)globalBatch * sequenceLength);
        }

        private static int Span(int span) => span > 0 ? span : throw new ArgumentOutOfRangeException(nameof(span), span, "A query attends at least one key.");

        private static TrainingCore Read(ModelSpec model)
        {
            if (model is null) throw new ArgumentNullException(nameof(model));
            return model.TrainingCore()
                ?? throw new InvalidOperationException($"'{model.Id}' does not give the shape a FLOPs count needs ({model.TrainingShapeMissing()}); see ModelSpec.DerivedParameters.");
        }
    }
}
