using System;
using System.Globalization;

namespace HardwareCatalog.Units
{
    /// <summary>A number of model parameters (weights).</summary>
    /// <remarks>Prints with an SI prefix in the invariant culture and parses the catalog DSL's unit strings.</remarks>
    public readonly struct Parameters : IEquatable<Parameters>, IComparable<Parameters>, IComparable, IFormattable
    {
        private Parameters(double count) => Count = count;

        /// <summary>The value in the base unit.</summary>
        public double Count { get; }

        /// <summary>The zero value.</summary>
        public static Parameters Zero => default;

        /// <summary>Creates a count of parameters.</summary>
        public static Parameters FromCount(double count) => new Parameters(count);

        /// <summary>Creates a count from billions of parameters.</summary>
        public static Parameters FromBillions(double billions) => new Parameters(billions * 1e9);

        /// <summary>The count in billions.</summary>
        public double Billions => Count / 1e9;

        /// <summary>The sum of two values.</summary>
        public static Parameters operator +(Parameters left, Parameters right) => new Parameters(left.Count + right.Count);

        /// <summary>The difference of two values.</summary>
        public static Parameters operator -(Parameters left, Parameters right) => new Parameters(left.Count - right.Count);

        /// <summary>Scales a value by a dimensionless factor.</summary>
        public static Parameters operator *(Parameters value, double factor) => new Parameters(value.Count * factor);

        /// <summary>Scales a value by a dimensionless factor.</summary>
        public static Parameters operator *(double factor, Parameters value) => value * factor;

        /// <summary>Divides a value by a dimensionless factor.</summary>
        public static Parameters operator /(Parameters value, double divisor) => new Parameters(value.Count / divisor);

        /// <summary>The dimensionless ratio of two values.</summary>
        public static double operator /(Parameters left, Parameters right) => left.Count / right.Count;

        /// <summary>Compares two values.</summary>
        public static bool operator ==(Parameters left, Parameters right) => left.Equals(right);

        /// <summary>Compares two values.</summary>
        public static bool operator !=(Parameters left, Parameters right) => !left.Equals(right);

        /// <summary>Compares two values.</summary>
        public static bool operator <(Parameters left, Parameters right) => left.Count < right.Count;

        /// <summary>Compares two values.</summary>
        public static bool operator >(Parameters left, Parameters right) => left.Count > right.Count;

        /// <summary>Compares two values.</summary>
        public static bool operator <=(Parameters left, Parameters right) => left.Count <= right.Count;

        /// <summary>Compares two values.</summary>
        public static bool operator >=(Parameters left, Parameters right) => left.Count >= right.Count;

        /// <summary>Parses the catalog DSL's notation, for example <c>671B</c>.</summary>
        /// <exception cref="FormatException">The text has no number, no unit, or a unit of another dimension.</exception>
        public static Parameters Parse(string text) => new Parameters(QuantityText.Parse(text, Dimension.Count, "parameter count"));

        /// <summary>Parses the catalog DSL's notation, for example <c>671B</c>.</summary>
        public static bool TryParse(string? text, out Parameters result)
        {
            bool ok = QuantityText.TryParse(text, Dimension.Count, out double value);
            result = new Parameters(value);
            return ok;
        }

        /// <inheritdoc/>
        public bool Equals(Parameters other) => Count.Equals(other.Count);

        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is Parameters other && Equals(other);

        /// <inheritdoc/>
        public override int GetHashCode() => Count.GetHashCode();

        /// <inheritdoc/>
        public int CompareTo(Parameters other) => Count.CompareTo(other.Count);

        /// <inheritdoc/>
        int IComparable.CompareTo(object? obj) => obj is Parameters other ? CompareTo(other) : throw new ArgumentException($"Expected a Parameters.", nameof(obj));

        /// <summary>Formats with an SI prefix; the text parses back to the same value.</summary>
        public override string ToString() => QuantityText.Format(Count, Dimension.Count);

        /// <summary>Formats with an SI prefix, the number formatted with <paramref name="format"/> (for example "N1" or "G4").</summary>
        public string ToString(string? format) => QuantityText.Format(Count, Dimension.Count, format);

        /// <inheritdoc/>
        public string ToString(string? format, IFormatProvider? formatProvider) => ToString(format);
    }
}
