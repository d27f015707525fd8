using System;
using System.Globalization;

namespace HardwareCatalog.Units
{
    /// <summary>Electrical power in watts (a board's TDP).</summary>
    /// <remarks>Prints with an SI prefix in the invariant culture and parses the catalog DSL's unit strings.</remarks>
    public readonly struct Power : IEquatable<Power>, IComparable<Power>, IComparable, IFormattable
    {
        private Power(double watts) => Watts = watts;

        /// <summary>The value in the base unit.</summary>
        public double Watts { get; }

        /// <summary>The zero value.</summary>
        public static Power Zero => default;

        /// <summary>Creates a power from watts.</summary>
        public static Power FromWatts(double watts) => new Power(watts);

        /// <summary>Creates a power from kilowatts.</summary>
        public static Power FromKilowatts(double kilowatts) => new Power(kilowatts * 1e3);

        /// <summary>The combined power of <paramref name="count"/> devices.</summary>
        public static Power operator *(Power power, int count) => new Power(power.Watts * count);

        /// <summary>The sum of two values.</summary>
        public static Power operator +(Power left, Power right) => new Power(left.Watts + right.Watts);

        /// <summary>The difference of two values.</summary>
        public static Power operator -(Power left, Power right) => new Power(left.Watts - right.Watts);

        /// <summary>Scales a value by a dimensionless factor.</summary>
        public static Power operator *(Power value, double factor) => new Power(value.Watts * factor);

        /// <summary>Scales a value by a dimensionless factor.</summary>
        public static Power operator *(double factor, Power value) => value * factor;

        /// <summary>Divides a value by a dimensionless factor.</summary>
        public static Power operator /(Power value, double divisor) => new Power(value.Watts / divisor);

        /// <summary>The dimensionless ratio of two values.</summary>
        public static double operator /(Power left, Power right) => left.Watts / right.Watts;

        /// <summary>Compares two values.</summary>
        public static bool operator ==(Power left, Power right) => left.Equals(right);

        /// <summary>Compares two values.</summary>
        public static bool operator !=(Power left, Power right) => !left.Equals(right);

        /// <summary>Compares two values.</summary>
        public static bool operator <(Power left, Power right) => left.Watts < right.Watts;

        /// <summary>Compares two values.</summary>
        public static bool operator >(Power left, Power right) => left.Watts > right.Watts;

        /// <summary>Compares two values.</summary>
        public static bool operator <=(Power left, Power right) => left.Watts <= right.Watts;

        /// <summary>Compares two values.</summary>
        public static bool operator >=(Power left, Power right) => left.Watts >= right.Watts;

        /// <summary>Parses the catalog DSL's notation, for example <c>700 W</c>.</summary>
        /// <exception cref="FormatException">The text has no number, no unit, or a unit of another dimension.</exception>
        public static Power Parse(string text) => new Power(QuantityText.Parse(text, Dimension.Power, "power"));

        /// <summary>Parses the catalog DSL's notation, for example <c>700 W</c>.</summary>
        public static bool TryParse(string? text, out Power result)
        {
            bool ok = QuantityText.TryParse(text, Dimension.Power, out double value);
            result = new Power(value);
            return ok;
        }

        /// <inheritdoc/>
        public bool Equals(Power other) => Watts.Equals(other.Watts);

        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is Power other && Equals(other);

        /// <inheritdoc/>
        public override int GetHashCode() => Watts.GetHashCode();

        /// <inheritdoc/>
        public int CompareTo(Power other) => Watts.CompareTo(other.Watts);

        /// <inheritdoc/>
        int IComparable.CompareTo(object? obj) => obj is Power other ? CompareTo(other) : throw new ArgumentException($"Expected a Power.", nameof(obj));

        /// <summary>Formats with an SI prefix; the text parses back to the same value.</summary>
        public override string ToString() => QuantityText.Format(Watts, Dimension.Power);

        /// <summary>Formats with an SI prefix, the number formatted with <paramref name="format"/> (for example "N1" or "G4").</summary>
        public string ToString(string? format) => QuantityText.Format(Watts, Dimension.Power, format);

        /// <inheritdoc/>
        public string ToString(string? format, IFormatProvider? formatProvider) => ToString(format);
    }
}
