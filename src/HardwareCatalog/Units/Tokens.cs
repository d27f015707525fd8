namespace HardwareCatalog.Units
{
    /// <summary>A number of tokens (a training corpus or a context).</summary>
    /// <remarks>Prints with an SI prefix in the invariant culture and parses the catalog DSL's unit strings.</remarks>
    public readonly partial struct Tokens
    {
        /// <summary>The value in the base unit.</summary>
        public double Count { get; }

        /// <summary>Creates a count of tokens.</summary>
        public static Tokens FromCount(double count) => new Tokens(count);

        /// <summary>Creates a count from billions of tokens.</summary>
        public static Tokens FromBillions(double billions) => new Tokens(billions * 1e9);

        /// <summary>Creates a count from trillions of tokens.</summary>
        public static Tokens FromTrillions(double trillions) => new Tokens(trillions * 1e12);

        /// <summary>The count in trillions.</summary>
        public double Trillions => Count / 1e12;
    }
}
