namespace HardwareCatalog.Units
{
    /// <summary>Bytes per second: memory or interconnect bandwidth.</summary>
    /// <remarks>Prints with an SI prefix in the invariant culture and parses the catalog DSL's unit strings.</remarks>
    public readonly partial struct Bandwidth
    {
        /// <summary>The value in the base unit.</summary>
        public double BytesPerSecond { get; }

        /// <summary>Creates a bandwidth from bytes per second.</summary>
        public static Bandwidth FromBytesPerSecond(double bytesPerSecond) => new Bandwidth(bytesPerSecond);

        /// <summary>Creates a bandwidth from TB/s (10^12 bytes per second).</summary>
        public static Bandwidth FromTerabytesPerSecond(double terabytesPerSecond) => new Bandwidth(terabytesPerSecond * 1e12);
    }
}
