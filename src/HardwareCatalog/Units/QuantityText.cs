using System;
using System.Globalization;

namespace HardwareCatalog.Units
{
    /// <summary>
    /// Parsing and formatting shared by the unit types, on top of the DSL's <see cref="UnitTable"/>. A quantity's text is
    /// an optional literal prefix and suffix (<c>$</c>, <c> GPU-h</c>) around a number with its unit; with
    /// <c>signFirst</c> a negative value's minus sign goes before the prefix (<c>-$13.96M</c>).
    /// </summary>
    internal static class QuantityText
    {
        public static double Parse(string text, Dimension dimension, string typeName, string prefix = "", string suffix = "", bool signFirst = false)
        {
            if (text is null) throw new ArgumentNullException(nameof(text));
            if (!TryUnwrap(text, prefix, suffix, signFirst, out string inner, out bool negative))
            {
                string form = (signFirst ? "[-]" : "") + prefix + "<number>" + suffix;
                throw new FormatException($"'{text}' is not a {typeName}; it reads {form}.");
            }

            QuantityError error = UnitTable.TryParse(inner, dimension, out double value, out UnitDefinition unit, out _);
            if (error != QuantityError.None)
            {
                throw new FormatException(UnitTable.Describe(error, text, dimension, unit, "a " + typeName) + ".");
            }

            return negative ? -value : value;
        }

        public static bool TryParse(string? text, Dimension dimension, out double value, string prefix = "", string suffix = "", bool signFirst = false)
        {
            value = 0;
            if (text is null || !TryUnwrap(text, prefix, suffix, signFirst, out string inner, out bool negative))
            {
                return false;
            }

            bool ok = UnitTable.TryParse(inner, dimension, out value, out _, out _) == QuantityError.None;
            value = negative ? -value : value;
            return ok;
        }

        /// <summary>The number and unit between <paramref name="prefix"/> and <paramref name="suffix"/>, and a leading sign.</summary>
        private static bool TryUnwrap(string text, string prefix, string suffix, bool signFirst, out string inner, out bool negative)
        {
            inner = text;
            negative = false;
            if (prefix.Length == 0 && suffix.Length == 0)
            {
                return true;
            }

            string trimmed = text.Trim();
            if (signFirst && trimmed.Length > 0 && (trimmed[0] == '-' || trimmed[0] == '+'))
            {
                negative = trimmed[0] == '-';
                trimmed = trimmed.Substring(1);
            }

            if (trimmed.Length < prefix.Length + suffix.Length
                || !trimmed.StartsWith(prefix, StringComparison.Ordinal) || !trimmed.EndsWith(suffix, StringComparison.Ordinal))
            {
                return false;
            }

            inner = trimmed.Substring(prefix.Length, trimmed.Length - prefix.Length - suffix.Length);
            return true;
        }

        public static string Format(double value, Dimension dimension, string? format = null, int? preferredDecimalExponent = null)
            => UnitTable.Format(value, dimension, string.IsNullOrEmpty(format) ? null : format, preferredDecimalExponent);

        /// <summary>
        /// Formats in the dimension's base unit, with no prefix: <c>3.79E+25 FLOP</c>, or a bare number for a count.
        /// With no <paramref name="format"/> the number is in round-trip notation.
        /// </summary>
        public static string FormatInBaseUnit(double value, Dimension dimension, string? format = null)
        {
            string number = value.ToString(string.IsNullOrEmpty(format) ? "R" : format, CultureInfo.InvariantCulture);
            foreach (UnitDefinition unit in UnitTable.Units)
            {
                if (unit.Dimension == dimension && unit.Symbol.Length > 0 && unit.DecimalExponent == 0 && unit.BinaryExponent == 0 && !unit.IsAlias)
                {
                    return number + " " + unit.Symbol;
                }
            }

            return number;
        }

        public static TimeSpan ToTimeSpan(double seconds)
        {
            double ticks = seconds * TimeSpan.TicksPerSecond;
            if (double.IsNaN(ticks) || ticks > long.MaxValue || ticks < long.MinValue)
            {
                throw new OverflowException($"{seconds.ToString("G4", CultureInfo.InvariantCulture)} s does not fit in a TimeSpan.");
            }

            return TimeSpan.FromTicks((long)Math.Round(ticks));
        }
    }
}
