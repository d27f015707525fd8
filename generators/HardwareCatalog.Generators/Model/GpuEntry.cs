namespace HardwareCatalog.Generators.Model
{
    /// <summary>A fully built accelerator entry: what the emitter needs and nothing else.</summary>
    /// <param name="Values">The entry's values as written (key path, text, alternating), recorded in a public catalog's
    /// assembly metadata so that a referencing project can use and extend the entry.</param>
    /// <param name="ExternalNamespace">Set for an entry of a referenced assembly's catalog: the namespace of its types.</param>
    internal sealed record GpuEntry(
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
        EquatableArray<Link> Interconnect,
        EquatableArray<Peak> Dense,
        EquatableArray<Peak> Sparse,
        string? Extends,
        string? Notes,
        EquatableArray<string> Sources,
        bool IsEstimated,
        bool IsBuiltIn,
        EquatableArray<string> Values = default,
        string? ExternalNamespace = null);

    /// <summary>A peak rate for one precision (the index of <c>Precision</c> and of <c>PrecisionTable.Rows</c>).</summary>
    internal sealed record Peak(int Precision, double FlopsPerSecond, string Text, bool DerivedFromSparsity);

    /// <summary>A named link bandwidth (a key of <c>LinkTable</c>).</summary>
    internal sealed record Link(string Key, Quantity Bandwidth);
}
