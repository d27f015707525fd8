namespace HardwareCatalog.Generators
{
    /// <summary>Names of the pipeline steps, for incrementality tests.</summary>
    internal static class TrackingNames
    {
        public const string Options = nameof(Options);
        public const string ParsedFiles = nameof(ParsedFiles);
        public const string Referenced = nameof(Referenced);
        public const string BuiltFiles = nameof(BuiltFiles);
        public const string Linked = nameof(Linked);
        public const string DerivedBuilds = nameof(DerivedBuilds);
        public const string Resolved = nameof(Resolved);
        public const string StandaloneGpus = nameof(StandaloneGpus);
        public const string DerivedGpus = nameof(DerivedGpus);
        public const string GpuIndex = nameof(GpuIndex);
        public const string ModelEntries = nameof(ModelEntries);
        public const string ModelIndex = nameof(ModelIndex);
        public const string SystemEntries = nameof(SystemEntries);
        public const string SystemIndex = nameof(SystemIndex);
        public const string TrainingPlans = nameof(TrainingPlans);
        public const string PlanIndex = nameof(PlanIndex);
        public const string ServingPlans = nameof(ServingPlans);
        public const string ServingPlanIndex = nameof(ServingPlanIndex);
    }
}
