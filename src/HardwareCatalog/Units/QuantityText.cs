using System;
using System.Globalization;

namespace HardwareCatalog.Units
{
    /// <summary>Parsing and formatting shared by the unit types, on top of the DSL's <see cref="UnitTable"/>.</summary>
    internal static class QuantityText
    {
        public static double Parse(string text, Dimension dimension, string typeName)
        {
            if (text is null) throw new ArgumentNullException(nameof(text));
            QuantityError error = UnitTable.TryParse(text, dimension, out double value, out UnitDefinition unit, out _);
            if (error != QuantityError.None)
            {
                throw new FormatException(UnitTable.Describe(error, text, dimension, unit, "a " + typeName) + ".");
            }

            return value;
        }

        public static bool TryParse(string? text, Dimension dimension, out double value)
        {
            value = 0;
            return text is not null && UnitTable.TryParse(text, dimension, out value, out _, out _) == QuantityError.None;
        }

        public static string Format(double value, Dimension dimension, string? format = null, int? preferredDecimalExponent = null)
            => UnitTable.Format(value, dimension, string.IsNullOrEmpty(format) ? null : format, preferredDecimalExponent);

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
