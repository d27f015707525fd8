namespace HardwareCatalog.Units
{
    /// <summary>A number of floating-point (or integer) operations: the compute of a training run.</summary>
    /// <remarks>Prints in FLOP in round-trip notation (<c>3.79E+25 FLOP</c>) in the invariant culture and parses the catalog DSL's unit strings.</remarks>
    public readonly partial struct Flops
    {
        /// <summary>The value in the base unit.</summary>
        public double Count { get; }

        /// <summary>Creates an amount from a number of operations.</summary>
        public static Flops FromCount(double count) => new Flops(count);

        /// <summary>Creates an amount from 10^21 operations (zetta-FLOP).</summary>
        public static Flops FromZetta(double zettaFlop) => new Flops(zettaFlop * 1e21);
    }
}
