using System;
using System.Collections.Generic;
using System.ComponentModel;
using HardwareCatalog.Units;

namespace HardwareCatalog
{
    /// <summary>How a model's attention caches keys and values.</summary>
    public enum AttentionKind
    {
        /// <summary>Multi-head attention: one key/value head per query head.</summary>
        Mha,
        /// <summary>Grouped-query attention: query heads share fewer key/value heads.</summary>
        Gqa,
        /// <summary>Multi-query attention: one key/value head for all query heads.</summary>
        Mqa,
        /// <summary>Multi-head latent attention (DeepSeek-V2/V3): a compressed latent plus a RoPE key is cached.</summary>
        Mla,
    }

    /// <summary>A model's attention shape, as far as memory and compute estimates need it.</summary>
    public sealed class AttentionSpec
    {
        /// <summary>Creates an attention description.</summary>
        public AttentionSpec(AttentionKind kind, int heads, int headDim, int? kvHeads = null, int? kvLoraRank = null, int? ropeHeadDim = null)
        {
            if (heads <= 0) throw new ArgumentOutOfRangeException(nameof(heads), heads, "Heads must be positive.");
            if (headDim <= 0) throw new ArgumentOutOfRangeException(nameof(headDim), headDim, "The head dimension must be positive.");
            if (kind == AttentionKind.Mla && (kvLoraRank is null || ropeHeadDim is null))
            {
                throw new ArgumentException("MLA needs kvLoraRank and ropeHeadDim.", nameof(kind));
            }

            Kind = kind;
            Heads = heads;
            HeadDim = headDim;
            KvHeads = kind switch
            {
                AttentionKind.Mha => kvHeads ?? heads,
                AttentionKind.Mqa => 1,
                AttentionKind.Gqa => kvHeads ?? throw new ArgumentException("GQA needs kvHeads.", nameof(kvHeads)),
                _ => kvHeads ?? 0,
            };
            KvLoraRank = kvLoraRank;
            RopeHeadDim = ropeHeadDim;
        }

        /// <summary>Multi-head attention with <paramref name="heads"/> heads of <paramref name="headDim"/>.</summary>
        public static AttentionSpec Mha(int heads, int headDim) => new(AttentionKind.Mha, heads, headDim, heads);

        /// <summary>The kind of attention.</summary>
        public AttentionKind Kind { get; }

        /// <summary>Query heads.</summary>
        public int Heads { get; }

        /// <summary>Dimension of one head.</summary>
        public int HeadDim { get; }

        /// <summary>Key/value heads (MHA: <see cref="Heads"/>; MQA: 1; MLA: not used for the cache).</summary>
        public int KvHeads { get; }

        /// <summary>MLA only: rank of the compressed key/value latent (<c>kv_lora_rank</c>).</summary>
        public int? KvLoraRank { get; }

        /// <summary>MLA only: dimension of the decoupled RoPE key (<c>qk_rope_head_dim</c>).</summary>
        public int? RopeHeadDim { get; }
    }

    /// <summary>A mixture-of-experts layout.</summary>
    public sealed class MoeSpec
    {
        /// <summary>Creates a mixture-of-experts description.</summary>
        public MoeSpec(int routedExperts, int activeExperts, int sharedExperts = 0)
        {
            RoutedExperts = routedExperts;
            ActiveExperts = activeExperts;
            SharedExperts = sharedExperts;
        }

        /// <summary>Routed experts per MoE layer.</summary>
        public int RoutedExperts { get; }

        /// <summary>Routed experts each token is sent to.</summary>
        public int ActiveExperts { get; }

        /// <summary>Experts every token passes through.</summary>
        public int SharedExperts { get; }
    }

    /// <summary>A reported pre-training run, with what its paper publishes (any part may be unknown).</summary>
    public class TrainingRun
    {
        /// <summary>Creates the description of a run.</summary>
        public TrainingRun(Tokens? tokens = null, Accelerator? gpu = null, int? gpuCount = null, GpuHours? gpuHours = null, Precision? precision = null)
        {
            Tokens = tokens;
            Gpu = gpu;
            GpuCount = gpuCount;
            GpuHours = gpuHours;
            Precision = precision;
        }

        /// <summary>A run from the compact form generated code emits (<c>ModelLayout</c>; NaN: not published).</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public static TrainingRun FromSlots(double[] slots) => new(
            Slot(slots, ModelLayout.TrainingTokens) is double tokens ? Units.Tokens.FromCount(tokens) : null,
            null,
            Slot(slots, ModelLayout.TrainingGpuCount) is double count ? (int)count : null,
            Slot(slots, ModelLayout.TrainingGpuHours) is double hours ? Units.GpuHours.FromHours(hours) : null,
            Slot(slots, ModelLayout.TrainingPrecision) is double precision ? (Precision)(int)precision : null);

        /// <summary>A run on a typed accelerator from the compact form generated code emits.</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public static TrainingRun<TGpu> FromSlots<TGpu>(TGpu gpu, double[] slots)
            where TGpu : Accelerator
        {
            TrainingRun run = FromSlots(slots);
            return new TrainingRun<TGpu>(gpu, run.Tokens, run.GpuCount, run.GpuHours, run.Precision);
        }

        internal static double? Slot(double[] slots, int index) => double.IsNaN(slots[index]) ? null : slots[index];

        /// <summary>Training tokens.</summary>
        public Tokens? Tokens { get; }

        /// <summary>The accelerator the run used.</summary>
        public Accelerator? Gpu { get; }

        /// <summary>How many accelerators the run used.</summary>
        public int? GpuCount { get; }

        /// <summary>Reported accelerator time.</summary>
        public GpuHours? GpuHours { get; }

        /// <summary>The compute precision of the run.</summary>
        public Precision? Precision { get; }
    }

    /// <summary>A training run whose accelerator is known at compile time: <c>Models.DeepSeekV3.Training.Gpu</c> is <c>Gpus.H800Sxm</c>.</summary>
    /// <typeparam name="TGpu">The generated accelerator type.</typeparam>
    public sealed class TrainingRun<TGpu> : TrainingRun
        where TGpu : Accelerator
    {
        /// <summary>Creates the description of a run on <typeparamref name="TGpu"/>.</summary>
        public TrainingRun(TGpu gpu, Tokens? tokens = null, int? gpuCount = null, GpuHours? gpuHours = null, Precision? precision = null)
            : base(tokens, gpu, gpuCount, gpuHours, precision)
        {
            Gpu = gpu;
        }

        /// <summary>The accelerator the run used, typed.</summary>
        public new TGpu Gpu { get; }
    }

    /// <summary>A model from the catalog. Each catalog entry becomes a sealed subclass.</summary>
    public abstract class ModelSpec
    {
        /// <summary>Creates the model; generated code calls this with the catalog entry's values.</summary>
        protected ModelSpec(
            string id,
            string name,
            Parameters totalParameters,
            Parameters? activeParameters = null,
            string? developer = null,
            int? released = null,
            int? layers = null,
            int? hiddenSize = null,
            int? vocabularySize = null,
            int? contextWindow = null,
            AttentionSpec? attention = null,
            MoeSpec? moe = null,
            TrainingRun? training = null,
            string? notes = null,
            IReadOnlyList<string>? sources = null,
            bool isEstimated = false)
        {
            Id = id ?? throw new ArgumentNullException(nameof(id));
            Name = name ?? throw new ArgumentNullException(nameof(name));
            TotalParameters = totalParameters;
            ActiveParameters = activeParameters ?? totalParameters;
            Developer = developer;
            Released = released;
            Layers = layers;
            HiddenSize = hiddenSize;
            VocabularySize = vocabularySize;
            ContextWindow = contextWindow;
            Attention = attention;
            Moe = moe;
            Training = training;
            Notes = notes;
            Sources = sources ?? Array.Empty<string>();
            IsEstimated = isEstimated;
        }

        /// <summary>
        /// Creates the model from the compact form the generator emits: the numbers in one array laid out as
        /// <c>ModelLayout</c> says, NaN for a value the catalog does not give (see the accelerator's twin).
        /// </summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        protected ModelSpec(string id, string name, string? developer, string? notes, string[] sources, bool isEstimated, double[] values, TrainingRun? training)
            : this(
                id,
                name,
                Parameters.FromCount(Checked(values)[ModelLayout.TotalParameters]),
                TrainingRun.Slot(values, ModelLayout.ActiveParameters) is double active ? Parameters.FromCount(active) : null,
                developer,
                Int(values, ModelLayout.Released),
                Int(values, ModelLayout.Layers),
                Int(values, ModelLayout.HiddenSize),
                Int(values, ModelLayout.VocabularySize),
                Int(values, ModelLayout.ContextWindow),
                double.IsNaN(values[ModelLayout.AttentionKind]) ? null : new AttentionSpec(
                    (AttentionKind)(int)values[ModelLayout.AttentionKind],
                    (int)values[ModelLayout.Heads],
                    (int)values[ModelLayout.HeadDim],
                    Int(values, ModelLayout.KvHeads),
                    Int(values, ModelLayout.KvLoraRank),
                    Int(values, ModelLayout.RopeHeadDim)),
                double.IsNaN(values[ModelLayout.RoutedExperts]) ? null : new MoeSpec(
                    (int)values[ModelLayout.RoutedExperts], (int)values[ModelLayout.ActiveExperts], Int(values, ModelLayout.SharedExperts) ?? 0),
                training,
                notes,
                sources,
                isEstimated)
        {
        }

        private static double[] Checked(double[] values)
            => values?.Length == ModelLayout.Length ? values : throw new ArgumentException($"Expected {ModelLayout.Length} values.", nameof(values));

        private static int? Int(double[] values, int index) => TrainingRun.Slot(values, index) is double value ? (int)value : null;

        /// <summary>The catalog id, for example <c>deepseek-v3</c>.</summary>
        public string Id { get; }

        /// <summary>The model's name.</summary>
        public string Name { get; }

        /// <summary>Who released it.</summary>
        public string? Developer { get; }

        /// <summary>Year of release.</summary>
        public int? Released { get; }

        /// <summary>All parameters (for MoE, every expert).</summary>
        public Parameters TotalParameters { get; }

        /// <summary>Parameters used per token (for dense models, all of them).</summary>
        public Parameters ActiveParameters { get; }

        /// <summary>Transformer layers.</summary>
        public int? Layers { get; }

        /// <summary>Hidden (model) dimension.</summary>
        public int? HiddenSize { get; }

        /// <summary>Vocabulary size.</summary>
        public int? VocabularySize { get; }

        /// <summary>Context window in tokens, as released.</summary>
        public int? ContextWindow { get; }

        /// <summary>Attention shape, when published.</summary>
        public AttentionSpec? Attention { get; }

        /// <summary>Mixture-of-experts layout, for MoE models.</summary>
        public MoeSpec? Moe { get; }

        /// <summary>The reported pre-training run, when published.</summary>
        public TrainingRun? Training { get; }

        /// <summary>Remarks from the catalog entry.</summary>
        public string? Notes { get; }

        /// <summary>URLs of the papers, model cards and configs the values come from.</summary>
        public IReadOnlyList<string> Sources { get; }

        /// <summary>Whether the figures are unofficial estimates (rumours); say so wherever they print.</summary>
        public bool IsEstimated { get; }

        /// <inheritdoc/>
        public override string ToString() => IsEstimated ? Name + " (estimated)" : Name;
    }
}
