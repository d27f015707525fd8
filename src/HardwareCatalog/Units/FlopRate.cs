using System;
using System.Globalization;

namespace HardwareCatalog.Units
{
    /// <summary>Operations per second: an accelerator's peak or a run's achieved throughput.</summary>
    /// <remarks>Prints with an SI prefix in the invariant culture and parses the catalog DSL's unit strings.</remarks>
    public readonly struct FlopRate : IEquatable<FlopRate>, IComparable<FlopRate>, IComparable, IFormattable
    {
        private FlopRate(double flopsPerSecond) => FlopsPerSecond = flopsPerSecond;

        /// <summary>The value in the base unit.</summary>
        public double FlopsPerSecond { get; }

        /// <summary>The zero value.</summary>
        public static FlopRate Zero => default;

        /// <summary>The rate in 10^12 operations per second (TFLOP/s, or TOPS for integer precisions).</summary>
        public double TeraFlopsPerSecond => FlopsPerSecond / 1e12;

        /// <summary>Creates a rate from operations per second.</summary>
        public static FlopRate FromFlopsPerSecond(double flopsPerSecond) => new FlopRate(flopsPerSecond);

        /// <summary>Creates a rate from TFLOP/s (10^12 operations per second).</summary>
        public static FlopRate FromTera(double teraFlopsPerSecond) => new FlopRate(teraFlopsPerSecond * 1e12);

        /// <summary>Creates a rate from PFLOP/s (10^15 operations per second).</summary>
        public static FlopRate FromPeta(double petaFlopsPerSecond) => new FlopRate(petaFlopsPerSecond * 1e15);

        /// <summary>The operations performed at <paramref name="rate"/> during <paramref name="time"/>.</summary>
        public static Flops operator *(FlopRate rate, TimeSpan time) => Flops.FromCount(rate.FlopsPerSecond * time.TotalSeconds);

        /// <summary>The operations performed at <paramref name="rate"/> during <paramref name="time"/>.</summary>
        public static Flops operator *(TimeSpan time, FlopRate rate) => rate * time;

        /// <summary>The combined rate of <paramref name="count"/> devices at <paramref name="rate"/> each.</summary>
        public static FlopRate operator *(FlopRate rate, int count) => new FlopRate(rate.FlopsPerSecond * count);

        /// <summary>The combined rate of <paramref name="count"/> devices at <paramref name="rate"/> each.</summary>
        public static FlopRate operator *(int count, FlopRate rate) => rate * count;

        /// <summary>The rate of one of <paramref name="count"/> devices that share <paramref name="rate"/>.</summary>
        public static FlopRate operator /(FlopRate rate, int count) => new FlopRate(rate.FlopsPerSecond / count);

        /// <summary>The sum of two values.</summary>
        public static FlopRate operator +(FlopRate left, FlopRate right) => new FlopRate(left.FlopsPerSecond + right.FlopsPerSecond);

        /// <summary>The difference of two values.</summary>
        public static FlopRate operator -(FlopRate left, FlopRate right) => new FlopRate(left.FlopsPerSecond - right.FlopsPerSecond);

        /// <summary>Scales a value by a dimensionless factor.</summary>
        public static FlopRate operator *(FlopRate value, double factor) => new FlopRate(value.FlopsPerSecond * factor);

        /// <summary>Scales a value by a dimensionless factor.</summary>
        public static FlopRate operator *(double factor, FlopRate value) => value * factor;

        /// <summary>Divides a value by a dimensionless factor.</summary>
        public static FlopRate operator /(FlopRate value, double divisor) => new FlopRate(value.FlopsPerSecond / divisor);

        /// <summary>The dimensionless ratio of two values.</summary>
        public static double operator /(FlopRate left, FlopRate right) => left.FlopsPerSecond / right.FlopsPerSecond;

        /// <summary>Compares two values.</summary>
        public static bool operator ==(FlopRate left, FlopRate right) => left.Equals(right);

        /// <summary>Compares two values.</summary>
        public static bool operator !=(FlopRate left, FlopRate right) => !left.Equals(right);

        /// <summary>Compares two values.</summary>
        public static bool operator <(FlopRate left, FlopRate right) => left.FlopsPerSecond < right.FlopsPerSecond;

        /// <summary>Compares two values.</summary>
        public static bool operator >(FlopRate left, FlopRate right) => left.FlopsPerSecond > right.FlopsPerSecond;

        /// <summary>Compares two values.</summary>
        public static bool operator <=(FlopRate left, FlopRate right) => left.FlopsPerSecond <= right.FlopsPerSecond;

        /// <summary>Compares two values.</summary>
        public static bool operator >=(FlopRate left, FlopRate right) => left.FlopsPerSecond >= right.FlopsPerSecond;

        /// <summary>Parses the catalog DSL's notation, for example <c>989.4 TFLOP/s</c>.</summary>
        /// <exception cref="FormatException">The text has no number, no unit, or a unit of another dimension.</exception>
        public static FlopRate Parse(string text) => new FlopRate(QuantityText.Parse(text, Dimension.ComputeRate, "compute rate"));

        /// <summary>Parses the catalog DSL's notation, for example <c>989.4 TFLOP/s</c>.</summary>
        public static bool TryParse(string? text, out FlopRate result)
        {
            bool ok = QuantityText.TryParse(text, Dimension.ComputeRate, out double value);
            result = new FlopRate(value);
            return ok;
        }

        /// <inheritdoc/>
        public bool Equals(FlopRate other) => FlopsPerSecond.Equals(other.FlopsPerSecond);

        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is FlopRate other && Equals(other);

        /// <inheritdoc/>
        public override int GetHashCode() => FlopsPerSecond.GetHashCode();

        /// <inheritdoc/>
        public int CompareTo(FlopRate other) => FlopsPerSecond.CompareTo(other.FlopsPerSecond);

        /// <inheritdoc/>
        int IComparable.CompareTo(object? obj) => obj is FlopRate other ? CompareTo(other) : throw new ArgumentException($"Expected a FlopRate.", nameof(obj));

        /// <summary>Formats with an SI prefix; the text parses back to the same value.</summary>
        public override string ToString() => QuantityText.Format(FlopsPerSecond, Dimension.ComputeRate, null, 12);

        /// <summary>Formats with an SI prefix, the number formatted with <paramref name="format"/> (for example "N1" or "G4").</summary>
        public string ToString(string? format) => QuantityText.Format(FlopsPerSecond, Dimension.ComputeRate, format, 12);

        /// <inheritdoc/>
        public string ToString(string? format, IFormatProvider? formatProvider) => ToString(format);
    }
}
