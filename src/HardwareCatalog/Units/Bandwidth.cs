using System;
using System.Globalization;

namespace HardwareCatalog.Units
{
    /// <summary>Bytes per second: memory or interconnect bandwidth.</summary>
    /// <remarks>Prints with an SI prefix in the invariant culture and parses the catalog DSL's unit strings.</remarks>
    public readonly struct Bandwidth : IEquatable<Bandwidth>, IComparable<Bandwidth>, IComparable, IFormattable
    {
        private Bandwidth(double bytesPerSecond) => BytesPerSecond = bytesPerSecond;

        /// <summary>The value in the base unit.</summary>
        public double BytesPerSecond { get; }

        /// <summary>The zero value.</summary>
        public static Bandwidth Zero => default;

        /// <summary>Creates a bandwidth from bytes per second.</summary>
        public static Bandwidth FromBytesPerSecond(double bytesPerSecond) => new Bandwidth(bytesPerSecond);

        /// <summary>Creates a bandwidth from TB/s (10^12 bytes per second).</summary>
        public static Bandwidth FromTerabytesPerSecond(double terabytesPerSecond) => new Bandwidth(terabytesPerSecond * 1e12);

        /// <summary>The data moved at <paramref name="bandwidth"/> during <paramref name="time"/>.</summary>
        public static DataSize operator *(Bandwidth bandwidth, TimeSpan time) => DataSize.FromBytes(bandwidth.BytesPerSecond * time.TotalSeconds);

        /// <summary>The data moved at <paramref name="bandwidth"/> during <paramref name="time"/>.</summary>
        public static DataSize operator *(TimeSpan time, Bandwidth bandwidth) => bandwidth * time;

        /// <summary>The combined bandwidth of <paramref name="count"/> devices.</summary>
        public static Bandwidth operator *(Bandwidth bandwidth, int count) => new Bandwidth(bandwidth.BytesPerSecond * count);

        /// <summary>The sum of two values.</summary>
        public static Bandwidth operator +(Bandwidth left, Bandwidth right) => new Bandwidth(left.BytesPerSecond + right.BytesPerSecond);

        /// <summary>The difference of two values.</summary>
        public static Bandwidth operator -(Bandwidth left, Bandwidth right) => new Bandwidth(left.BytesPerSecond - right.BytesPerSecond);

        /// <summary>Scales a value by a dimensionless factor.</summary>
        public static Bandwidth operator *(Bandwidth value, double factor) => new Bandwidth(value.BytesPerSecond * factor);

        /// <summary>Scales a value by a dimensionless factor.</summary>
        public static Bandwidth operator *(double factor, Bandwidth value) => value * factor;

        /// <summary>Divides a value by a dimensionless factor.</summary>
        public static Bandwidth operator /(Bandwidth value, double divisor) => new Bandwidth(value.BytesPerSecond / divisor);

        /// <summary>The dimensionless ratio of two values.</summary>
        public static double operator /(Bandwidth left, Bandwidth right) => left.BytesPerSecond / right.BytesPerSecond;

        /// <summary>Compares two values.</summary>
        public static bool operator ==(Bandwidth left, Bandwidth right) => left.Equals(right);

        /// <summary>Compares two values.</summary>
        public static bool operator !=(Bandwidth left, Bandwidth right) => !left.Equals(right);

        /// <summary>Compares two values.</summary>
        public static bool operator <(Bandwidth left, Bandwidth right) => left.BytesPerSecond < right.BytesPerSecond;

        /// <summary>Compares two values.</summary>
        public static bool operator >(Bandwidth left, Bandwidth right) => left.BytesPerSecond > right.BytesPerSecond;

        /// <summary>Compares two values.</summary>
        public static bool operator <=(Bandwidth left, Bandwidth right) => left.BytesPerSecond <= right.BytesPerSecond;

        /// <summary>Compares two values.</summary>
        public static bool operator >=(Bandwidth left, Bandwidth right) => left.BytesPerSecond >= right.BytesPerSecond;

        /// <summary>Parses the catalog DSL's notation, for example <c>3.35 TB/s</c>.</summary>
        /// <exception cref="FormatException">The text has no number, no unit, or a unit of another dimension.</exception>
        public static Bandwidth Parse(string text) => new Bandwidth(QuantityText.Parse(text, Dimension.Bandwidth, "bandwidth"));

        /// <summary>Parses the catalog DSL's notation, for example <c>3.35 TB/s</c>.</summary>
        public static bool TryParse(string? text, out Bandwidth result)
        {
            bool ok = QuantityText.TryParse(text, Dimension.Bandwidth, out double value);
            result = new Bandwidth(value);
            return ok;
        }

        /// <inheritdoc/>
        public bool Equals(Bandwidth other) => BytesPerSecond.Equals(other.BytesPerSecond);

        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is Bandwidth other && Equals(other);

        /// <inheritdoc/>
        public override int GetHashCode() => BytesPerSecond.GetHashCode();

        /// <inheritdoc/>
        public int CompareTo(Bandwidth other) => BytesPerSecond.CompareTo(other.BytesPerSecond);

        /// <inheritdoc/>
        int IComparable.CompareTo(object? obj) => obj is Bandwidth other ? CompareTo(other) : throw new ArgumentException($"Expected a Bandwidth.", nameof(obj));

        /// <summary>Formats with an SI prefix; the text parses back to the same value.</summary>
        public override string ToString() => QuantityText.Format(BytesPerSecond, Dimension.Bandwidth);

        /// <summary>Formats with an SI prefix, the number formatted with <paramref name="format"/> (for example "N1" or "G4").</summary>
        public string ToString(string? format) => QuantityText.Format(BytesPerSecond, Dimension.Bandwidth, format);

        /// <inheritdoc/>
        public string ToString(string? format, IFormatProvider? formatProvider) => ToString(format);
    }
}
