namespace HardwareCatalog.Units
{
    /// <summary>A number of model parameters (weights).</summary>
    /// <remarks>Prints with an SI prefix in the invariant culture and parses the catalog DSL's unit strings.</remarks>
    public readonly partial struct Parameters
    {
        /// <summary>The value in the base unit.</summary>
        public double Count { get; }

        /// <summary>Creates a count of parameters.</summary>
        public static Parameters FromCount(double count) => new Parameters(count);

        /// <summary>Creates a count from billions of parameters.</summary>
        public static Parameters FromBillions(double billions) => new Parameters(billions * 1e9);

        /// <summary>The count in billions.</summary>
        public double Billions => Count / 1e9;
    }
}
