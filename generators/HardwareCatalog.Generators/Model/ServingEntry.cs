namespace HardwareCatalog.Generators.Model
{
    /// <summary>
    /// A serving plan entry as written, its defaults applied and its values checked one by one. Whether the plan can run
    /// needs its model and system, so the resolver evaluates it (<see cref="ServingPlanOutput"/>).
    /// </summary>
    /// <param name="WeightFormat">A key of <c>WeightFormatTable</c>.</param>
    /// <param name="KvCache">The index of <c>Precision</c> the KV cache is stored in (a floating-point one).</param>
    /// <param name="Keys">Where each key of the plan was written, so that a check is reported at the key it concerns.</param>
    /// <param name="EntryLocation">Where a check about a key the plan leaves to its default is reported: the <c>id</c> value.</param>
    internal sealed record ServingEntry(
        string Id,
        string Identifier,
        string Name,
        string ModelId,
        string SystemId,
        int Gpus,
        int Tensor,
        int Pipeline,
        int Expert,
        int Replicas,
        int RedundantExperts,
        string WeightFormat,
        int KvCache,
        int Concurrency,
        int InputTokens,
        int OutputTokens,
        double PrefixHitRate,
        int DraftTokens,
        double Acceptance,
        int PrefillChunk,
        double? ComputeEfficiency,
        double? BandwidthEfficiency,
        double NetworkEfficiency,
        string? Notes,
        EquatableArray<string> Sources,
        bool IsBuiltIn,
        EquatableArray<KeyLocation> Keys,
        LocationInfo EntryLocation) : IPlanEntry
    {
        /// <inheritdoc/>
        public LocationInfo LocationOf(string key) => PlanKeys.LocationOf(Keys, EntryLocation, key);

        /// <inheritdoc/>
        public bool Has(string key) => PlanKeys.Has(Keys, key);
    }

    /// <summary>
    /// A serving plan the resolver proved runnable, with what the build computed from it (ServingCore, as the runtime's
    /// <c>ServingPlan</c> computes it): what the emitter writes into the plan's documentation.
    /// </summary>
    /// <param name="ComputePrecision">The index of <c>Precision</c> the weight format computes in.</param>
    /// <param name="DenseWeightBytes">Bytes per GPU of the dense weights; the next three likewise.</param>
    /// <param name="CapacityBytes">The GPU's usable memory, or its nominal memory when <paramref name="NominalMemory"/>; null when the catalog gives neither (memory is then not checked).</param>
    /// <param name="MaxConcurrency">The most sequences the plan holds at its context (input + output tokens); null without a capacity.</param>
    /// <param name="FlopRate">The achieved matmul rate per GPU, FLOP/s, or null (HWC229).</param>
    /// <param name="FlopRateMeasured">Whether <paramref name="FlopRate"/> is the catalog's measured rate (else computeEfficiency × the dense peak).</param>
    /// <param name="Bandwidth">The achieved memory bandwidth per GPU, bytes/s, or null (HWC229).</param>
    /// <param name="BandwidthMeasured">Whether <paramref name="Bandwidth"/> is the catalog's measured figure (else bandwidthEfficiency × the datasheet's).</param>
    /// <param name="TimeToFirstToken">Seconds, or null without both rates; the next three likewise.</param>
    internal sealed record ServingPlanOutput(
        ServingEntry Plan,
        string GpuId,
        int ComputePrecision,
        double DenseWeightBytes,
        double ExpertWeightBytes,
        double KvCacheBytes,
        double WorkspaceBytes,
        double? CapacityBytes,
        bool NominalMemory,
        double? MaxConcurrency,
        double? FlopRate,
        bool FlopRateMeasured,
        double? Bandwidth,
        bool BandwidthMeasured,
        double? TimeToFirstToken,
        double? TimePerOutputToken,
        double? OutputTokensPerSecond,
        long GpuCount)
    {
        public double TotalBytes => DenseWeightBytes + ExpertWeightBytes + KvCacheBytes + WorkspaceBytes;
    }
}
