namespace HardwareCatalog.Units
{
    /// <summary>Electrical power in watts (a board's TDP).</summary>
    /// <remarks>Prints with an SI prefix in the invariant culture and parses the catalog DSL's unit strings.</remarks>
    public readonly partial struct Power
    {
        /// <summary>The value in the base unit.</summary>
        public double Watts { get; }

        /// <summary>Creates a power from watts.</summary>
        public static Power FromWatts(double watts) => new Power(watts);

        /// <summary>Creates a power from kilowatts.</summary>
        public static Power FromKilowatts(double kilowatts) => new Power(kilowatts * 1e3);
    }
}
