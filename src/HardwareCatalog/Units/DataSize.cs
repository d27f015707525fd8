namespace HardwareCatalog.Units
{
    /// <summary>An amount of memory or data in bytes.</summary>
    /// <remarks>Prints with an SI prefix in the invariant culture and parses the catalog DSL's unit strings.</remarks>
    public readonly partial struct DataSize
    {
        /// <summary>The value in the base unit.</summary>
        public double Bytes { get; }

        /// <summary>Creates a size from bytes.</summary>
        public static DataSize FromBytes(double bytes) => new DataSize(bytes);

        /// <summary>Creates a size from gigabytes (10^9 bytes).</summary>
        public static DataSize FromGigabytes(double gigabytes) => new DataSize(gigabytes * 1e9);

        /// <summary>Creates a size from gibibytes (2^30 bytes).</summary>
        public static DataSize FromGibibytes(double gibibytes) => new DataSize(gibibytes * 1073741824d);

        /// <summary>The size in gigabytes (10^9 bytes).</summary>
        public double Gigabytes => Bytes / 1e9;
    }
}
