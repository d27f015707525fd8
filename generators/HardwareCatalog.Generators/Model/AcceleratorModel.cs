namespace HardwareCatalog.Generators.Model
{
    /// <summary>A value with its unit as the catalog wrote it; <see cref="Value"/> is in the base unit.</summary>
    internal sealed record Quantity(double Value, string Text);

    /// <summary>A peak rate for one precision (the index of <c>Precision</c>).</summary>
    internal sealed record PeakModel(int Precision, double FlopsPerSecond, string Text, bool DerivedFromSparsity);

    /// <summary>A named link bandwidth.</summary>
    internal sealed record LinkModel(string Key, Quantity Bandwidth);

    /// <summary>A fully resolved accelerator entry: what the emitter needs and nothing else.</summary>
    internal sealed record AcceleratorModel(
        string Id,
        string Identifier,
        string Name,
        string Vendor,
        string Architecture,
        int? Released,
        string? FormFactor,
        Quantity? Memory,
        Quantity? MemoryBandwidth,
        Quantity? Tdp,
        EquatableArray<LinkModel> Interconnect,
        EquatableArray<PeakModel> Dense,
        EquatableArray<PeakModel> Sparse,
        string? Extends,
        string? Notes,
        EquatableArray<string> Sources,
        bool IsEstimated,
        bool IsBuiltIn);

    /// <summary>A model's attention shape.</summary>
    internal sealed record AttentionModel(string Kind, int Heads, int HeadDim, int? KvHeads, int? KvLoraRank, int? RopeHeadDim);

    /// <summary>A mixture-of-experts layout.</summary>
    internal sealed record MoeModel(int RoutedExperts, int ActiveExperts, int SharedExperts);

    /// <summary>A reported training run; the GPU is a resolved reference (id and C# name).</summary>
    internal sealed record TrainingModel(Quantity? Tokens, string? GpuId, string? GpuIdentifier, int? GpuCount, Quantity? GpuHours, int? Precision);

    /// <summary>A fully resolved model entry.</summary>
    internal sealed record ModelModel(
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
        AttentionModel? Attention,
        MoeModel? Moe,
        TrainingModel? Training,
        string? Extends,
        string? Notes,
        EquatableArray<string> Sources,
        bool IsEstimated);

    /// <summary>The MSBuild properties that shape the generated code.</summary>
    internal sealed record CatalogOptions(string Namespace, bool IsPublic, bool IncludeBuiltIns)
    {
        public static readonly CatalogOptions Default = new("HardwareCatalog", false, true);

        public string Visibility => IsPublic ? "public" : "internal";

        /// <summary>Whether the consuming compilation's C# version (8 or later) has nullable annotations.</summary>
        public bool NullableAnnotations { get; init; } = true;
    }

    /// <summary>The options with the diagnostics their values raised.</summary>
    internal sealed record OptionsResult(CatalogOptions Options, EquatableArray<DiagnosticInfo> Diagnostics);

    /// <summary>Everything the cross-file step produced.</summary>
    /// <param name="AcceptedStandalone">Keys (<c>CatalogResolver.StandaloneKey</c>) of the entries built at parse time that are emitted.</param>
    /// <param name="DerivedGpus">Accelerators built here, from their <c>extends</c> chain.</param>
    /// <param name="GpuIndex">Every accelerator that is emitted, by id.</param>
    internal sealed record ResolvedCatalog(
        EquatableArray<string> AcceptedStandalone,
        EquatableArray<AcceleratorModel> DerivedGpus,
        EquatableArray<IndexEntry> GpuIndex,
        EquatableArray<ModelModel> Models,
        EquatableArray<DiagnosticInfo> Diagnostics);

    /// <summary>An id and the C# name it became, for the index classes.</summary>
    internal sealed record IndexEntry(string Id, string Identifier);
}
