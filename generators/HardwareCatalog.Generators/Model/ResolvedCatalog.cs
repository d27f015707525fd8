namespace HardwareCatalog.Generators.Model
{
    /// <summary>Everything the cross-file step produced.</summary>
    /// <param name="RejectedStandalone">Keys of entries built with their file that are not emitted (a duplicate id, a
    /// contested C# name, an entry a referenced catalog already carries). Usually empty, so a change elsewhere leaves
    /// the per-file emission cached.</param>
    /// <param name="DerivedGpus">Accelerators built here, from their <c>extends</c> chain.</param>
    /// <param name="GpuIndex">Every accelerator in the catalog, by id: emitted here or carried by a referenced assembly.</param>
    /// <param name="Models">Every model that is emitted, with its references resolved.</param>
    /// <param name="ModelIndex">Every model in the catalog, by id: emitted here or carried by a referenced assembly.</param>
    /// <param name="ReferencedNamespaces">The namespaces of the referenced assemblies' catalogs.</param>
    internal sealed record ResolvedCatalog(
        EquatableArray<EntryKey> RejectedStandalone,
        EquatableArray<GpuEntry> DerivedGpus,
        EquatableArray<IndexEntry> GpuIndex,
        EquatableArray<ModelEntry> Models,
        EquatableArray<IndexEntry> ModelIndex,
        EquatableArray<string> ReferencedNamespaces,
        EquatableArray<DiagnosticInfo> Diagnostics)
    {
        /// <summary>Every system that is emitted, with its GPU resolved.</summary>
        public EquatableArray<SystemEntry> Systems { get; init; } = EquatableArray<SystemEntry>.Empty;

        /// <summary>Every system in the catalog, by id: emitted here or carried by a referenced assembly.</summary>
        public EquatableArray<IndexEntry> SystemIndex { get; init; } = EquatableArray<IndexEntry>.Empty;

        /// <summary>Every training plan that is emitted: its references proved, its checks passed, its figures computed.</summary>
        public EquatableArray<TrainingPlanOutput> Plans { get; init; } = EquatableArray<TrainingPlanOutput>.Empty;

        /// <summary>Every emitted training plan, by id.</summary>
        public EquatableArray<IndexEntry> PlanIndex { get; init; } = EquatableArray<IndexEntry>.Empty;

        /// <summary>Every serving plan that is emitted: its references proved, its checks passed, its figures computed.</summary>
        public EquatableArray<ServingPlanOutput> ServingPlans { get; init; } = EquatableArray<ServingPlanOutput>.Empty;

        /// <summary>Every emitted serving plan, by id.</summary>
        public EquatableArray<IndexEntry> ServingPlanIndex { get; init; } = EquatableArray<IndexEntry>.Empty;

        public static readonly ResolvedCatalog Empty = new(
            EquatableArray<EntryKey>.Empty, EquatableArray<GpuEntry>.Empty, EquatableArray<IndexEntry>.Empty, EquatableArray<ModelEntry>.Empty,
            EquatableArray<IndexEntry>.Empty, EquatableArray<string>.Empty, EquatableArray<DiagnosticInfo>.Empty);
    }
}
