using System;
using System.Globalization;

namespace HardwareCatalog.Units
{
    /// <summary>A number of tokens (a training corpus or a context).</summary>
    /// <remarks>Prints with an SI prefix in the invariant culture and parses the catalog DSL's unit strings.</remarks>
    public readonly struct Tokens : IEquatable<Tokens>, IComparable<Tokens>, IComparable, IFormattable
    {
        private Tokens(double count) => Count = count;

        /// <summary>The value in the base unit.</summary>
        public double Count { get; }

        /// <summary>The zero value.</summary>
        public static Tokens Zero => default;

        /// <summary>Creates a count of tokens.</summary>
        public static Tokens FromCount(double count) => new Tokens(count);

        /// <summary>Creates a count from billions of tokens.</summary>
        public static Tokens FromBillions(double billions) => new Tokens(billions * 1e9);

        /// <summary>Creates a count from trillions of tokens.</summary>
        public static Tokens FromTrillions(double trillions) => new Tokens(trillions * 1e12);

        /// <summary>The count in trillions.</summary>
        public double Trillions => Count / 1e12;

        /// <summary>The sum of two values.</summary>
        public static Tokens operator +(Tokens left, Tokens right) => new Tokens(left.Count + right.Count);

        /// <summary>The difference of two values.</summary>
        public static Tokens operator -(Tokens left, Tokens right) => new Tokens(left.Count - right.Count);

        /// <summary>Scales a value by a dimensionless factor.</summary>
        public static Tokens operator *(Tokens value, double factor) => new Tokens(value.Count * factor);

        /// <summary>Scales a value by a dimensionless factor.</summary>
        public static Tokens operator *(double factor, Tokens value) => value * factor;

        /// <summary>Divides a value by a dimensionless factor.</summary>
        public static Tokens operator /(Tokens value, double divisor) => new Tokens(value.Count / divisor);

        /// <summary>The dimensionless ratio of two values.</summary>
        public static double operator /(Tokens left, Tokens right) => left.Count / right.Count;

        /// <summary>Compares two values.</summary>
        public static bool operator ==(Tokens left, Tokens right) => left.Equals(right);

        /// <summary>Compares two values.</summary>
        public static bool operator !=(Tokens left, Tokens right) => !left.Equals(right);

        /// <summary>Compares two values.</summary>
        public static bool operator <(Tokens left, Tokens right) => left.Count < right.Count;

        /// <summary>Compares two values.</summary>
        public static bool operator >(Tokens left, Tokens right) => left.Count > right.Count;

        /// <summary>Compares two values.</summary>
        public static bool operator <=(Tokens left, Tokens right) => left.Count <= right.Count;

        /// <summary>Compares two values.</summary>
        public static bool operator >=(Tokens left, Tokens right) => left.Count >= right.Count;

        /// <summary>Parses the catalog DSL's notation, for example <c>14.8T</c>.</summary>
        /// <exception cref="FormatException">The text has no number, no unit, or a unit of another dimension.</exception>
        public static Tokens Parse(string text) => new Tokens(QuantityText.Parse(text, Dimension.Count, "token count"));

        /// <summary>Parses the catalog DSL's notation, for example <c>14.8T</c>.</summary>
        public static bool TryParse(string? text, out Tokens result)
        {
            bool ok = QuantityText.TryParse(text, Dimension.Count, out double value);
            result = new Tokens(value);
            return ok;
        }

        /// <inheritdoc/>
        public bool Equals(Tokens other) => Count.Equals(other.Count);

        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is Tokens other && Equals(other);

        /// <inheritdoc/>
        public override int GetHashCode() => Count.GetHashCode();

        /// <inheritdoc/>
        public int CompareTo(Tokens other) => Count.CompareTo(other.Count);

        /// <inheritdoc/>
        int IComparable.CompareTo(object? obj) => obj is Tokens other ? CompareTo(other) : throw new ArgumentException($"Expected a Tokens.", nameof(obj));

        /// <summary>Formats with an SI prefix; the text parses back to the same value.</summary>
        public override string ToString() => QuantityText.Format(Count, Dimension.Count);

        /// <summary>Formats with an SI prefix, the number formatted with <paramref name="format"/> (for example "N1" or "G4").</summary>
        public string ToString(string? format) => QuantityText.Format(Count, Dimension.Count, format);

        /// <inheritdoc/>
        public string ToString(string? format, IFormatProvider? formatProvider) => ToString(format);
    }
}
