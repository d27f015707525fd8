namespace HardwareCatalog.Generators.Model
{
    /// <summary>
    /// A fully built system entry. The builder fills in what the entry says; the resolver, which knows every GPU, sets
    /// <see cref="GpuIdentifier"/> once the reference is proved.
    /// </summary>
    /// <param name="Values">See <see cref="GpuEntry"/>.</param>
    /// <param name="ExternalNamespace">See <see cref="GpuEntry"/>.</param>
    internal sealed record SystemEntry(
        string Id,
        string Identifier,
        string Name,
        string Vendor,
        int? Released,
        string GpuId,
        int GpusPerNode,
        FabricEntry ScaleUp,
        FabricEntry? ScaleOut,
        string? Extends,
        string? Notes,
        EquatableArray<string> Sources,
        bool IsEstimated,
        bool IsBuiltIn,
        EquatableArray<ValueSource> ValueSources,
        EquatableArray<string> Values = default,
        string? ExternalNamespace = null)
    {
        /// <summary>The GPU's C# name, once the resolver proved the reference.</summary>
        public string? GpuIdentifier { get; init; }

        /// <summary>The namespace of the GPU's types when it belongs to a referenced assembly's catalog.</summary>
        public string? GpuNamespace { get; init; }
    }

    /// <summary>One network of a system: its link, per-GPU bandwidth as written, what the figure counts, and for scale-up the domain size.</summary>
    internal sealed record FabricEntry(string Link, Quantity Bandwidth, string Direction, int? Domain);
}
