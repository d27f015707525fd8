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
    internal sealed record Attention(string Kind, int Heads, int HeadDim, int? KvHeads, int? KvLoraRank, int? RopeHeadDim);

    /// <summary>A mixture-of-experts layout.</summary>
    internal sealed record Moe(int RoutedExperts, int ActiveExperts, int SharedExperts);

    /// <summary>
    /// A reported training run. The builder fills in what the entry says; the resolver, which knows every GPU, sets
    /// <see cref="GpuIdentifier"/> once the reference is proved.
    /// </summary>
    /// <param name="Precision">The index of <c>Precision</c>, or null when not published.</param>
    /// <param name="GpuNamespace">The namespace of the GPU's types when it belongs to a referenced assembly's catalog.</param>
    internal sealed record TrainingRun(Quantity? Tokens, string? GpuId, string? GpuIdentifier, int? GpuCount, Quantity? GpuHours, int? Precision, string? GpuNamespace = null);
}
