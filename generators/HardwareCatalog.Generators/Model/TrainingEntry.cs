namespace HardwareCatalog.Generators.Model
{
    /// <summary>
    /// A training plan entry as written, its defaults applied and its values checked one by one. Whether the plan can
    /// run needs its model and system, so the resolver evaluates it (<see cref="TrainingPlanOutput"/>).
    /// </summary>
    /// <param name="Keys">Where each key of the plan was written, so that a check is reported at the key it concerns.</param>
    /// <param name="EntryLocation">Where a check about a key the plan leaves to its default is reported: the <c>id</c> value.</param>
    internal sealed record TrainingEntry(
        string Id,
        string Identifier,
        string Name,
        string ModelId,
        string SystemId,
        int Gpus,
        int Tensor,
        int Pipeline,
        int VirtualStages,
        int Data,
        int Expert,
        int Context,
        bool SequenceParallel,
        int MicroBatch,
        int GlobalBatch,
        int SequenceLength,
        string Recipe,
        string? StateLayout,
        int Zero,
        string Recomputation,
        string ActivationStorage,
        double? ComputeEfficiency,
        double NetworkEfficiency,
        bool OverlapDataParallel,
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
    /// A plan the resolver proved runnable, with what the build computed from it (TrainingCore, as the runtime's
    /// <c>TrainingPlan</c> computes it): what the emitter writes into the plan's documentation.
    /// </summary>
    /// <param name="ComputePrecision">The index of <c>Precision</c> the recipe computes in.</param>
    /// <param name="PeakBytes">Bytes per GPU of the most loaded pipeline stage, <paramref name="PeakStage"/>.</param>
    /// <param name="CapacityBytes">The GPU's usable memory, or its nominal memory when <paramref name="NominalMemory"/>; null when the catalog gives neither (memory is then not checked).</param>
    /// <param name="DensePeak">The GPU's dense peak at the compute precision, in FLOP/s: what MFU is measured against.</param>
    /// <param name="PerGpu">The achieved rate the step time uses, in FLOP/s, or null (HWC211).</param>
    /// <param name="RateMeasured">Whether <paramref name="PerGpu"/> is the catalog's measured matmul rate (else computeEfficiency × the dense peak).</param>
    /// <param name="StepSeconds">The modelled step, or null without a rate.</param>
    internal sealed record TrainingPlanOutput(
        TrainingEntry Plan,
        string GpuId,
        int ComputePrecision,
        double PeakBytes,
        int PeakStage,
        double? CapacityBytes,
        bool NominalMemory,
        double DensePeak,
        double? PerGpu,
        bool RateMeasured,
        double? StepSeconds,
        double ComputeSeconds,
        double BubbleSeconds,
        double CommunicationSeconds,
        double ModelFlops,
        long GpuCount);
}
