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
        string? ExternalNamespace = null)
    {
        /// <summary>What a process can allocate, as the driver reports it (<c>usableMemory</c>).</summary>
        public Quantity? UsableMemory { get; init; }

        /// <summary>Measured, achievable dense matmul rates (<c>measured.matmul</c>), in precision order.</summary>
        public EquatableArray<Peak> Measured { get; init; } = EquatableArray<Peak>.Empty;

        /// <summary>Measured, achievable memory bandwidth (<c>measured.memoryBandwidth</c>).</summary>
        public Quantity? MeasuredMemoryBandwidth { get; init; }

        /// <summary>The software stack of the measurements (<c>measured.stack</c>).</summary>
        public string? MeasurementStack { get; init; }

        /// <summary>Where the measurements are published (<c>measured.source</c>).</summary>
        public string? MeasurementSource { get; init; }

        /// <summary>The values that name their own source, in the order written.</summary>
        public EquatableArray<ValueSource> ValueSources { get; init; } = EquatableArray<ValueSource>.Empty;
    }

    /// <summary>A value's own source (<c>source:</c>) and whether it is secondary (<c>secondary: true</c>).</summary>
    internal sealed record ValueSource(string Path, string? Url, bool IsSecondary);

    /// <summary>A peak rate for one precision (the index of <c>Precision</c> and of <c>PrecisionTable.Rows</c>).</summary>
    internal sealed record Peak(int Precision, double FlopsPerSecond, string Text, bool DerivedFromSparsity);

    /// <summary>A named link bandwidth (a key of <c>LinkTable</c>).</summary>
    internal sealed record Link(string Key, Quantity Bandwidth);
}
