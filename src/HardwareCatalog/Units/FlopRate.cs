namespace HardwareCatalog.Units
{
    /// <summary>Operations per second: an accelerator's peak or a run's achieved throughput.</summary>
    /// <remarks>Prints with an SI prefix in the invariant culture and parses the catalog DSL's unit strings.</remarks>
    public readonly partial struct FlopRate
    {
        /// <summary>The value in the base unit.</summary>
        public double FlopsPerSecond { get; }

        /// <summary>The rate in 10^12 operations per second (TFLOP/s, or TOPS for integer precisions).</summary>
        public double TeraFlopsPerSecond => FlopsPerSecond / 1e12;

        /// <summary>Creates a rate from operations per second.</summary>
        public static FlopRate FromFlopsPerSecond(double flopsPerSecond) => new FlopRate(flopsPerSecond);

        /// <summary>Creates a rate from TFLOP/s (10^12 operations per second).</summary>
        public static FlopRate FromTera(double teraFlopsPerSecond) => new FlopRate(teraFlopsPerSecond * 1e12);

        /// <summary>Creates a rate from PFLOP/s (10^15 operations per second).</summary>
        public static FlopRate FromPeta(double petaFlopsPerSecond) => new FlopRate(petaFlopsPerSecond * 1e15);
    }
}
