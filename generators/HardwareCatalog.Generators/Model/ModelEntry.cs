namespace HardwareCatalog.Generators.Model
{
    /// <summary>A fully built model entry: what the emitter needs and nothing else.</summary>
    /// <param name="Values">See <see cref="GpuEntry"/>.</param>
    /// <param name="ExternalNamespace">See <see cref="GpuEntry"/>.</param>
    internal sealed record ModelEntry(
        string Id,
        string Identifier,
        string Name,
        string? Developer,
        int? Released,
        Quantity Parameters,
        Quantity? ActiveParameters,
        int? Layers,
        int? HiddenSize,
        int? VocabularySize,
        int? ContextWindow,
        int? FfnHiddenSize,
        string? Activation,
        bool? TiedEmbeddings,
        Attention? Attention,
        Moe? Moe,
        TrainingRun? Training,
        string? Extends,
        string? Notes,
        EquatableArray<string> Sources,
        bool IsEstimated,
        bool IsBuiltIn = false,
        EquatableArray<string> Values = default,
        string? ExternalNamespace = null);

    /// <summary>A model's attention shape.</summary>
    /// <param name="QLoraRank">MLA only: the rank of the compressed query, or null when queries are projected directly.</param>
    /// <param name="VHeadDim">MLA only: the dimension of one value head.</param>
    /// <param name="SlidingWindow">Tokens a local layer attends to; null when every layer is global.</param>
    /// <param name="LocalLayers">The layer pattern with <paramref name="GlobalLayers"/>; both null when every layer is local.</param>
    internal sealed record Attention(
        string Kind, int Heads, int HeadDim, int? KvHeads, int? KvLoraRank, int? RopeHeadDim,
        int? QLoraRank = null, int? VHeadDim = null, int? SlidingWindow = null, int? LocalLayers = null, int? GlobalLayers = null);

    /// <summary>A mixture-of-experts layout.</summary>
    /// <param name="DenseLayers">Leading layers that are dense; 0 when not given.</param>
    /// <param name="LayerInterval">Every n-th layer after the dense ones is MoE; 1 when not given.</param>
    internal sealed record Moe(int RoutedExperts, int ActiveExperts, int SharedExperts, int? ExpertFfnHiddenSize = null, int DenseLayers = 0, int LayerInterval = 1);

    /// <summary>
    /// A reported training run. The builder fills in what the entry says; the resolver, which knows every GPU, sets
    /// <see cref="GpuIdentifier"/> once the reference is proved.
    /// </summary>
    /// <param name="Precision">The index of <c>Precision</c>, or null when not published.</param>
    /// <param name="GpuNamespace">The namespace of the GPU's types when it belongs to a referenced assembly's catalog.</param>
    internal sealed record TrainingRun(Quantity? Tokens, string? GpuId, string? GpuIdentifier, int? GpuCount, Quantity? GpuHours, int? Precision, string? GpuNamespace = null);
}
