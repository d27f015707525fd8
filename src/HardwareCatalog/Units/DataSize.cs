using System;
using System.Globalization;

namespace HardwareCatalog.Units
{
    /// <summary>An amount of memory or data in bytes.</summary>
    /// <remarks>Prints with an SI prefix in the invariant culture and parses the catalog DSL's unit strings.</remarks>
    public readonly struct DataSize : IEquatable<DataSize>, IComparable<DataSize>, IComparable, IFormattable
    {
        private DataSize(double bytes) => Bytes = bytes;

        /// <summary>The value in the base unit.</summary>
        public double Bytes { get; }

        /// <summary>The zero value.</summary>
        public static DataSize Zero => default;

        /// <summary>Creates a size from bytes.</summary>
        public static DataSize FromBytes(double bytes) => new DataSize(bytes);

        /// <summary>Creates a size from gigabytes (10^9 bytes).</summary>
        public static DataSize FromGigabytes(double gigabytes) => new DataSize(gigabytes * 1e9);

        /// <summary>Creates a size from gibibytes (2^30 bytes).</summary>
        public static DataSize FromGibibytes(double gibibytes) => new DataSize(gibibytes * 1073741824d);

        /// <summary>The size in gigabytes (10^9 bytes).</summary>
        public double Gigabytes => Bytes / 1e9;

        /// <summary>The time <paramref name="bandwidth"/> needs to move <paramref name="size"/>.</summary>
        public static TimeSpan operator /(DataSize size, Bandwidth bandwidth) => QuantityText.ToTimeSpan(size.Bytes / bandwidth.BytesPerSecond);

        /// <summary>The bandwidth that moves <paramref name="size"/> in <paramref name="time"/>.</summary>
        public static Bandwidth operator /(DataSize size, TimeSpan time) => Bandwidth.FromBytesPerSecond(size.Bytes / time.TotalSeconds);

        /// <summary><paramref name="count"/> times <paramref name="size"/>.</summary>
        public static DataSize operator *(DataSize size, int count) => new DataSize(size.Bytes * count);

        /// <summary><paramref name="count"/> times <paramref name="size"/>.</summary>
        public static DataSize operator *(int count, DataSize size) => size * count;

        /// <summary>The sum of two values.</summary>
        public static DataSize operator +(DataSize left, DataSize right) => new DataSize(left.Bytes + right.Bytes);

        /// <summary>The difference of two values.</summary>
        public static DataSize operator -(DataSize left, DataSize right) => new DataSize(left.Bytes - right.Bytes);

        /// <summary>Scales a value by a dimensionless factor.</summary>
        public static DataSize operator *(DataSize value, double factor) => new DataSize(value.Bytes * factor);

        /// <summary>Scales a value by a dimensionless factor.</summary>
        public static DataSize operator *(double factor, DataSize value) => value * factor;

        /// <summary>Divides a value by a dimensionless factor.</summary>
        public static DataSize operator /(DataSize value, double divisor) => new DataSize(value.Bytes / divisor);

        /// <summary>The dimensionless ratio of two values.</summary>
        public static double operator /(DataSize left, DataSize right) => left.Bytes / right.Bytes;

        /// <summary>Compares two values.</summary>
        public static bool operator ==(DataSize left, DataSize right) => left.Equals(right);

        /// <summary>Compares two values.</summary>
        public static bool operator !=(DataSize left, DataSize right) => !left.Equals(right);

        /// <summary>Compares two values.</summary>
        public static bool operator <(DataSize left, DataSize right) => left.Bytes < right.Bytes;

        /// <summary>Compares two values.</summary>
        public static bool operator >(DataSize left, DataSize right) => left.Bytes > right.Bytes;

        /// <summary>Compares two values.</summary>
        public static bool operator <=(DataSize left, DataSize right) => left.Bytes <= right.Bytes;

        /// <summary>Compares two values.</summary>
        public static bool operator >=(DataSize left, DataSize right) => left.Bytes >= right.Bytes;

        /// <summary>Parses the catalog DSL's notation, for example <c>80 GB</c>.</summary>
        /// <exception cref="FormatException">The text has no number, no unit, or a unit of another dimension.</exception>
        public static DataSize Parse(string text) => new DataSize(QuantityText.Parse(text, Dimension.Size, "data size"));

        /// <summary>Parses the catalog DSL's notation, for example <c>80 GB</c>.</summary>
        public static bool TryParse(string? text, out DataSize result)
        {
            bool ok = QuantityText.TryParse(text, Dimension.Size, out double value);
            result = new DataSize(value);
            return ok;
        }

        /// <inheritdoc/>
        public bool Equals(DataSize other) => Bytes.Equals(other.Bytes);

        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is DataSize other && Equals(other);

        /// <inheritdoc/>
        public override int GetHashCode() => Bytes.GetHashCode();

        /// <inheritdoc/>
        public int CompareTo(DataSize other) => Bytes.CompareTo(other.Bytes);

        /// <inheritdoc/>
        int IComparable.CompareTo(object? obj) => obj is DataSize other ? CompareTo(other) : throw new ArgumentException($"Expected a DataSize.", nameof(obj));

        /// <summary>Formats with an SI prefix; the text parses back to the same value.</summary>
        public override string ToString() => QuantityText.Format(Bytes, Dimension.Size);

        /// <summary>Formats with an SI prefix, the number formatted with <paramref name="format"/> (for example "N1" or "G4").</summary>
        public string ToString(string? format) => QuantityText.Format(Bytes, Dimension.Size, format);

        /// <inheritdoc/>
        public string ToString(string? format, IFormatProvider? formatProvider) => ToString(format);
    }
}
