using System;
using System.Globalization;

namespace HardwareCatalog.Units
{
    /// <summary>A number of floating-point (or integer) operations: the compute of a training run.</summary>
    /// <remarks>Prints with an SI prefix in the invariant culture and parses the catalog DSL's unit strings.</remarks>
    public readonly struct Flops : IEquatable<Flops>, IComparable<Flops>, IComparable, IFormattable
    {
        private Flops(double count) => Count = count;

        /// <summary>The value in the base unit.</summary>
        public double Count { get; }

        /// <summary>The zero value.</summary>
        public static Flops Zero => default;

        /// <summary>Creates an amount from a number of operations.</summary>
        public static Flops FromCount(double count) => new Flops(count);

        /// <summary>Creates an amount from 10^21 operations (zetta-FLOP).</summary>
        public static Flops FromZetta(double zettaFlop) => new Flops(zettaFlop * 1e21);

        /// <summary>The time <paramref name="rate"/> needs to perform <paramref name="compute"/>.</summary>
        public static TimeSpan operator /(Flops compute, FlopRate rate) => QuantityText.ToTimeSpan(compute.Count / rate.FlopsPerSecond);

        /// <summary>The rate that performs <paramref name="compute"/> in <paramref name="time"/>.</summary>
        public static FlopRate operator /(Flops compute, TimeSpan time) => FlopRate.FromFlopsPerSecond(compute.Count / time.TotalSeconds);

        /// <summary>The sum of two values.</summary>
        public static Flops operator +(Flops left, Flops right) => new Flops(left.Count + right.Count);

        /// <summary>The difference of two values.</summary>
        public static Flops operator -(Flops left, Flops right) => new Flops(left.Count - right.Count);

        /// <summary>Scales a value by a dimensionless factor.</summary>
        public static Flops operator *(Flops value, double factor) => new Flops(value.Count * factor);

        /// <summary>Scales a value by a dimensionless factor.</summary>
        public static Flops operator *(double factor, Flops value) => value * factor;

        /// <summary>Divides a value by a dimensionless factor.</summary>
        public static Flops operator /(Flops value, double divisor) => new Flops(value.Count / divisor);

        /// <summary>The dimensionless ratio of two values.</summary>
        public static double operator /(Flops left, Flops right) => left.Count / right.Count;

        /// <summary>Compares two values.</summary>
        public static bool operator ==(Flops left, Flops right) => left.Equals(right);

        /// <summary>Compares two values.</summary>
        public static bool operator !=(Flops left, Flops right) => !left.Equals(right);

        /// <summary>Compares two values.</summary>
        public static bool operator <(Flops left, Flops right) => left.Count < right.Count;

        /// <summary>Compares two values.</summary>
        public static bool operator >(Flops left, Flops right) => left.Count > right.Count;

        /// <summary>Compares two values.</summary>
        public static bool operator <=(Flops left, Flops right) => left.Count <= right.Count;

        /// <summary>Compares two values.</summary>
        public static bool operator >=(Flops left, Flops right) => left.Count >= right.Count;

        /// <summary>Parses the catalog DSL's notation, for example <c>3.8e25 FLOP</c>.</summary>
        /// <exception cref="FormatException">The text has no number, no unit, or a unit of another dimension.</exception>
        public static Flops Parse(string text) => new Flops(QuantityText.Parse(text, Dimension.Compute, "compute amount"));

        /// <summary>Parses the catalog DSL's notation, for example <c>3.8e25 FLOP</c>.</summary>
        public static bool TryParse(string? text, out Flops result)
        {
            bool ok = QuantityText.TryParse(text, Dimension.Compute, out double value);
            result = new Flops(value);
            return ok;
        }

        /// <inheritdoc/>
        public bool Equals(Flops other) => Count.Equals(other.Count);

        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is Flops other && Equals(other);

        /// <inheritdoc/>
        public override int GetHashCode() => Count.GetHashCode();

        /// <inheritdoc/>
        public int CompareTo(Flops other) => Count.CompareTo(other.Count);

        /// <inheritdoc/>
        int IComparable.CompareTo(object? obj) => obj is Flops other ? CompareTo(other) : throw new ArgumentException($"Expected a Flops.", nameof(obj));

        /// <summary>Formats in FLOP in scientific notation (<c>3.79E+25 FLOP</c>); the text parses back to the same value.</summary>
        public override string ToString() => Count.ToString("R", CultureInfo.InvariantCulture) + " FLOP";

        /// <summary>Formats in FLOP, the number formatted with <paramref name="format"/> (for example "E2": "3.79E+025 FLOP").</summary>
        public string ToString(string? format) => string.IsNullOrEmpty(format) ? ToString() : Count.ToString(format, CultureInfo.InvariantCulture) + " FLOP";

        /// <inheritdoc/>
        public string ToString(string? format, IFormatProvider? formatProvider) => ToString(format);
    }
}
