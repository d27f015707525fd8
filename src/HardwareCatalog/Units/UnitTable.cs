// This file is compiled into both the runtime library and the source generator (linked, not
// referenced: a generator cannot load the runtime dll), so the DSL's unit strings mean the same
// thing at build time and at run time. It must stay free of dependencies on other runtime types.
using System;
using System.Globalization;

namespace HardwareCatalog.Units
{
    /// <summary>The physical dimension of a quantity in the catalog DSL.</summary>
    internal enum Dimension
    {
        /// <summary>A plain count with an optional K/M/B/T suffix: <c>671B</c>, <c>14.8T</c>.</summary>
        Count,
        /// <summary>Bytes: <c>80 GB</c>, <c>512 KiB</c>.</summary>
        Size,
        /// <summary>Bytes per second: <c>3.35 TB/s</c>.</summary>
        Bandwidth,
        /// <summary>Operations per second: <c>989.4 TFLOP/s</c>, <c>1978.9 TOPS</c>.</summary>
        ComputeRate,
        /// <summary>A number of floating-point operations: <c>3.8e25 FLOP</c>.</summary>
        Compute,
        /// <summary>Watts: <c>700 W</c>.</summary>
        Power,
        /// <summary>Hours: <c>1301 h</c>, <c>54 days</c>.</summary>
        Duration,
    }

    /// <summary>Why a quantity string did not parse.</summary>
    internal enum QuantityError
    {
        None,
        Empty,
        InvalidNumber,
        MissingUnit,
        UnknownUnit,
        WrongDimension,
        NotFinite,
    }

    /// <summary>One unit symbol of the DSL and its factor to the dimension's base unit.</summary>
    internal readonly struct UnitDefinition
    {
        public UnitDefinition(string symbol, Dimension dimension, int decimalExponent, int binaryExponent = 0, bool isIntegerOps = false, bool isAlias = false)
        {
            Symbol = symbol;
            Dimension = dimension;
            DecimalExponent = decimalExponent;
            BinaryExponent = binaryExponent;
            IsIntegerOps = isIntegerOps;
            IsAlias = isAlias;
        }

        public string Symbol { get; }
        public Dimension Dimension { get; }

        /// <summary>The factor is 10^DecimalExponent · 2^BinaryExponent; keeping both exponents lets
        /// parsing and formatting stay exact (a decimal shift in the text, an exact power-of-two product).</summary>
        public int DecimalExponent { get; }
        public int BinaryExponent { get; }

        /// <summary><c>TOPS</c> and friends: integer operations, for int8/int4 precisions.</summary>
        public bool IsIntegerOps { get; }

        /// <summary>Accepted when parsing, never chosen when formatting (<c>TFLOPS</c> for <c>TFLOP/s</c>).</summary>
        public bool IsAlias { get; }
    }

    /// <summary>The DSL's unit table, its quantity parser and the matching formatter.</summary>
    internal static class UnitTable
    {
        public static readonly UnitDefinition[] Units =
        {
            new("", Dimension.Count, 0),
            new("K", Dimension.Count, 3),
            new("M", Dimension.Count, 6),
            new("B", Dimension.Count, 9),
            new("T", Dimension.Count, 12),

            new("B", Dimension.Size, 0),
            new("KB", Dimension.Size, 3),
            new("MB", Dimension.Size, 6),
            new("GB", Dimension.Size, 9),
            new("TB", Dimension.Size, 12),
            new("PB", Dimension.Size, 15),
            new("KiB", Dimension.Size, 0, 10),
            new("MiB", Dimension.Size, 0, 20),
            new("GiB", Dimension.Size, 0, 30),
            new("TiB", Dimension.Size, 0, 40),

            new("B/s", Dimension.Bandwidth, 0),
            new("KB/s", Dimension.Bandwidth, 3),
            new("MB/s", Dimension.Bandwidth, 6),
            new("GB/s", Dimension.Bandwidth, 9),
            new("TB/s", Dimension.Bandwidth, 12),
            new("PB/s", Dimension.Bandwidth, 15),
            new("KiB/s", Dimension.Bandwidth, 0, 10),
            new("MiB/s", Dimension.Bandwidth, 0, 20),
            new("GiB/s", Dimension.Bandwidth, 0, 30),
            new("TiB/s", Dimension.Bandwidth, 0, 40),

            // Networks are sold in bits per second: 400 Gb/s InfiniBand moves 50 GB/s. A lower-case 'b' (or 'bit') is a
            // bit, an upper-case 'B' a byte; the factor carries the 1/8 exactly (2^-3). Accepted when parsing, never
            // printed: bandwidths print in bytes.
            new("b/s", Dimension.Bandwidth, 0, -3, isAlias: true),
            new("Kb/s", Dimension.Bandwidth, 3, -3, isAlias: true),
            new("Mb/s", Dimension.Bandwidth, 6, -3, isAlias: true),
            new("Gb/s", Dimension.Bandwidth, 9, -3, isAlias: true),
            new("Tb/s", Dimension.Bandwidth, 12, -3, isAlias: true),
            new("bit/s", Dimension.Bandwidth, 0, -3, isAlias: true),
            new("Kbit/s", Dimension.Bandwidth, 3, -3, isAlias: true),
            new("Mbit/s", Dimension.Bandwidth, 6, -3, isAlias: true),
            new("Gbit/s", Dimension.Bandwidth, 9, -3, isAlias: true),
            new("Tbit/s", Dimension.Bandwidth, 12, -3, isAlias: true),

            new("FLOP/s", Dimension.ComputeRate, 0),
            new("GFLOP/s", Dimension.ComputeRate, 9),
            new("TFLOP/s", Dimension.ComputeRate, 12),
            new("PFLOP/s", Dimension.ComputeRate, 15),
            new("EFLOP/s", Dimension.ComputeRate, 18),
            new("GFLOPS", Dimension.ComputeRate, 9, isAlias: true),
            new("TFLOPS", Dimension.ComputeRate, 12, isAlias: true),
            new("PFLOPS", Dimension.ComputeRate, 15, isAlias: true),
            new("EFLOPS", Dimension.ComputeRate, 18, isAlias: true),
            new("GOPS", Dimension.ComputeRate, 9, isIntegerOps: true),
            new("TOPS", Dimension.ComputeRate, 12, isIntegerOps: true),
            new("POPS", Dimension.ComputeRate, 15, isIntegerOps: true),

            new("FLOP", Dimension.Compute, 0),
            new("GFLOP", Dimension.Compute, 9),
            new("TFLOP", Dimension.Compute, 12),
            new("PFLOP", Dimension.Compute, 15),
            new("EFLOP", Dimension.Compute, 18),
            new("ZFLOP", Dimension.Compute, 21),
            new("YFLOP", Dimension.Compute, 24),

            new("W", Dimension.Power, 0),
            new("kW", Dimension.Power, 3),

            new("h", Dimension.Duration, 0),
            new("days", Dimension.Duration, 0, isAlias: true),
        };

        /// <summary>Hours per unit for the duration units (the only non-power-of-ten factor in the table).</summary>
        private static double DurationFactor(string symbol) => symbol == "days" ? 24.0 : 1.0;

        /// <summary>
        /// Parses <c>"&lt;number&gt; &lt;unit&gt;"</c> into the value in the base unit of <paramref name="expected"/>
        /// (bytes, bytes/s, FLOP/s, FLOP, W, hours, or a plain count).
        /// </summary>
        /// <param name="text">The quantity text.</param>
        /// <param name="expected">The dimension the field requires.</param>
        /// <param name="value">The value in the base unit.</param>
        /// <param name="unit">The unit that was found (also on <see cref="QuantityError.WrongDimension"/>).</param>
        /// <param name="unitStart">Where the unit starts in <paramref name="text"/> (for precise diagnostics).</param>
        public static QuantityError TryParse(string text, Dimension expected, out double value, out UnitDefinition unit, out int unitStart)
        {
            value = 0;
            unit = default;
            unitStart = 0;
            if (text is null)
            {
                return QuantityError.Empty;
            }

            int start = 0;
            int end = text.Length;
            while (start < end && char.IsWhiteSpace(text[start])) start++;
            while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
            if (start == end)
            {
                return QuantityError.Empty;
            }

            int mantissaEnd = ScanMantissa(text, start, end);
            if (mantissaEnd == start)
            {
                unitStart = start;
                return QuantityError.InvalidNumber;
            }

            int exponent = 0;
            int numberEnd = mantissaEnd;
            if (numberEnd < end && (text[numberEnd] == 'e' || text[numberEnd] == 'E'))
            {
                int expEnd = ScanExponent(text, numberEnd + 1, end);
                if (expEnd > numberEnd + 1)
                {
                    if (!int.TryParse(text.Substring(numberEnd + 1, expEnd - numberEnd - 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent)
                        || exponent > 400 || exponent < -400)
                    {
                        unitStart = start;
                        return QuantityError.NotFinite;
                    }

                    numberEnd = expEnd;
                }
            }

            int symbolStart = numberEnd;
            while (symbolStart < end && text[symbolStart] == ' ') symbolStart++;
            string symbol = text.Substring(symbolStart, end - symbolStart);
            unitStart = symbolStart;

            if (!TryFindUnit(symbol, expected, out unit))
            {
                if (symbol.Length == 0)
                {
                    return QuantityError.MissingUnit;
                }

                return TryFindAnyUnit(symbol, out unit) ? QuantityError.WrongDimension : QuantityError.UnknownUnit;
            }

            string mantissa = text.Substring(start, mantissaEnd - start);
            string shifted = mantissa + "E" + (exponent + unit.DecimalExponent).ToString(CultureInfo.InvariantCulture);
            if (!double.TryParse(shifted, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
            {
                unitStart = start;
                return QuantityError.InvalidNumber;
            }

            if (unit.BinaryExponent != 0)
            {
                value *= Math.Pow(2, unit.BinaryExponent);
            }

            if (unit.Dimension == Dimension.Duration)
            {
                value *= DurationFactor(unit.Symbol);
            }

            if (double.IsNaN(value) || double.IsInfinity(value))
            {
                unitStart = start;
                return QuantityError.NotFinite;
            }

            return QuantityError.None;
        }

        private static int ScanMantissa(string text, int start, int end)
        {
            int i = start;
            if (i < end && (text[i] == '-' || text[i] == '+')) i++;
            int digits = 0;
            while (i < end && IsDigit(text[i])) { i++; digits++; }
            if (i < end && text[i] == '.')
            {
                i++;
                while (i < end && IsDigit(text[i])) { i++; digits++; }
            }

            return digits == 0 ? start : i;
        }

        private static int ScanExponent(string text, int start, int end)
        {
            int i = start;
            if (i < end && (text[i] == '-' || text[i] == '+')) i++;
            int digitsStart = i;
            while (i < end && IsDigit(text[i])) i++;
            return i == digitsStart ? start : i;
        }

        private static bool IsDigit(char c) => c >= '0' && c <= '9';

        public static bool TryFindUnit(string symbol, Dimension dimension, out UnitDefinition unit)
        {
            foreach (var candidate in Units)
            {
                if (candidate.Dimension == dimension && string.Equals(candidate.Symbol, symbol, StringComparison.Ordinal))
                {
                    unit = candidate;
                    return true;
                }
            }

            unit = default;
            return false;
        }

        private static bool TryFindAnyUnit(string symbol, out UnitDefinition unit)
        {
            foreach (var candidate in Units)
            {
                if (candidate.Symbol.Length > 0 && string.Equals(candidate.Symbol, symbol, StringComparison.Ordinal))
                {
                    unit = candidate;
                    return true;
                }
            }

            unit = default;
            return false;
        }

        /// <summary>
        /// Why <paramref name="text"/> is not a quantity of <paramref name="expected"/>, for the runtime's FormatException
        /// and the generator's HWC103 alike; <paramref name="subject"/> names what was being read ("'memory'", "a DataSize").
        /// </summary>
        public static string Describe(QuantityError error, string text, Dimension expected, UnitDefinition found, string subject)
        {
            string symbols = SymbolsOf(expected);
            return error switch
            {
                QuantityError.Empty => $"{subject} needs a number and a unit; the text is empty",
                QuantityError.InvalidNumber => $"'{text}' does not start with a number",
                QuantityError.MissingUnit => $"'{text}' has no unit; expected one of: {symbols}",
                QuantityError.UnknownUnit => $"'{text}' has an unknown unit; expected one of: {symbols}",
                QuantityError.WrongDimension => $"'{text}' is a {DimensionName(found.Dimension)}, but {subject} is a {DimensionName(expected)} ({symbols})",
                QuantityError.NotFinite => $"'{text}' is out of range",
                _ => $"'{text}' is not a valid {DimensionName(expected)}",
            };
        }

        /// <summary>The dimension's name in messages: "data size", "bandwidth", ...</summary>
        public static string DimensionName(Dimension dimension) => dimension switch
        {
            Dimension.Count => "count",
            Dimension.Size => "data size",
            Dimension.Bandwidth => "bandwidth",
            Dimension.ComputeRate => "compute rate",
            Dimension.Compute => "compute amount",
            Dimension.Power => "power",
            Dimension.Duration => "duration",
            _ => dimension.ToString(),
        };

        /// <summary>The unit symbols of a dimension, without aliases, for messages.</summary>
        public static string SymbolsOf(Dimension dimension)
        {
            var builder = new System.Text.StringBuilder();
            foreach (var candidate in Units)
            {
                if (candidate.Dimension == dimension && candidate.Symbol.Length > 0 && !candidate.IsAlias)
                {
                    if (builder.Length > 0) builder.Append(", ");
                    builder.Append(candidate.Symbol);
                }
            }

            return builder.ToString();
        }

        /// <summary>
        /// Formats a base-unit value with the unit that keeps the number readable, in the invariant culture.
        /// With no <paramref name="numberFormat"/> the text parses back to exactly <paramref name="value"/>.
        /// </summary>
        /// <param name="value">The value in the base unit.</param>
        /// <param name="dimension">Its dimension.</param>
        /// <param name="numberFormat">A standard or custom numeric format for the number, or null for round-trip.</param>
        /// <param name="preferredDecimalExponent">A prefix to keep while its number is in [1, <paramref name="maxMantissa"/>);
        /// otherwise the prefix is the largest whose number is at least 1.</param>
        /// <param name="maxMantissa">See <paramref name="preferredDecimalExponent"/>.</param>
        public static string Format(double value, Dimension dimension, string? numberFormat = null, int? preferredDecimalExponent = null, double maxMantissa = 10000)
        {
            if (double.IsNaN(value) || double.IsInfinity(value))
            {
                return value.ToString(CultureInfo.InvariantCulture);
            }

            UnitDefinition chosen = PickUnit(value, dimension, preferredDecimalExponent, maxMantissa);
            double factor = Factor(chosen);
            double mantissa = value / factor;
            string separator = dimension == Dimension.Count ? "" : " ";
            string number;
            if (numberFormat is not null)
            {
                number = mantissa.ToString(numberFormat, CultureInfo.InvariantCulture);
            }
            else
            {
                number = mantissa.ToString("R", CultureInfo.InvariantCulture);
                if (!RoundTrips(number, chosen, dimension, value))
                {
                    number = mantissa.ToString("G17", CultureInfo.InvariantCulture);
                    if (!RoundTrips(number, chosen, dimension, value))
                    {
                        // Fall back to the base unit, which always round-trips.
                        chosen = BaseUnit(dimension);
                        number = value.ToString("R", CultureInfo.InvariantCulture);
                        separator = dimension == Dimension.Count ? "" : " ";
                        if (dimension == Dimension.Count) return number;
                    }
                }
            }

            return number + separator + chosen.Symbol;
        }

        private static bool RoundTrips(string number, UnitDefinition unit, Dimension dimension, double expected)
        {
            string text = dimension == Dimension.Count ? number + unit.Symbol : number + " " + unit.Symbol;
            return TryParse(text, dimension, out double parsed, out _, out _) == QuantityError.None
                && parsed.Equals(expected);
        }

        private static UnitDefinition BaseUnit(Dimension dimension)
        {
            foreach (var candidate in Units)
            {
                if (candidate.Dimension == dimension && candidate.DecimalExponent == 0 && candidate.BinaryExponent == 0 && !candidate.IsAlias)
                {
                    return candidate;
                }
            }

            throw new ArgumentOutOfRangeException(nameof(dimension));
        }

        private static double Factor(UnitDefinition unit)
        {
            double factor = Math.Pow(10, unit.DecimalExponent) * Math.Pow(2, unit.BinaryExponent);
            return unit.Dimension == Dimension.Duration ? factor * DurationFactor(unit.Symbol) : factor;
        }

        private static UnitDefinition PickUnit(double value, Dimension dimension, int? preferredDecimalExponent, double maxMantissa)
        {
            double magnitude = Math.Abs(value);
            UnitDefinition best = BaseUnit(dimension);
            if (magnitude == 0)
            {
                return best;
            }

            // Sizes that are whole binary multiples ("512 KiB", "80 GiB") print in binary units; all else in decimal.
            bool binary = dimension is Dimension.Size or Dimension.Bandwidth && IsWholeBinaryMultiple(magnitude);
            double bestFactor = 1;
            foreach (var candidate in Units)
            {
                if (candidate.Dimension != dimension || candidate.IsAlias || candidate.IsIntegerOps)
                {
                    continue;
                }

                if (binary != (candidate.BinaryExponent != 0) && !(candidate.DecimalExponent == 0 && candidate.BinaryExponent == 0))
                {
                    continue;
                }

                double factor = Factor(candidate);
                if (magnitude / factor >= 1 && factor > bestFactor)
                {
                    best = candidate;
                    bestFactor = factor;
                }
            }

            // Keep the field's conventional prefix while its number stays under maxMantissa (peaks read as
            // "1978.9 TFLOP/s" and "9000 TFLOP/s", as vendors print them, not "1.9789 PFLOP/s").
            if (preferredDecimalExponent is int preferred && !binary)
            {
                foreach (var candidate in Units)
                {
                    if (candidate.Dimension == dimension && !candidate.IsAlias && !candidate.IsIntegerOps && candidate.BinaryExponent == 0
                        && candidate.DecimalExponent == preferred)
                    {
                        double mantissa = magnitude / Factor(candidate);
                        if (mantissa >= 1 && mantissa < maxMantissa)
                        {
                            best = candidate;
                        }
                    }
                }
            }

            return best;
        }

        private static bool IsWholeBinaryMultiple(double magnitude)
        {
            if (magnitude < 1024 || magnitude != Math.Floor(magnitude))
            {
                return false;
            }

            // The largest binary prefix that fits must divide the value, and the decimal reading must not be whole too
            // (1,024,000 B is "1.024 MB", 1,048,576 B is "1 MiB").
            double factor = 1024;
            while (magnitude / (factor * 1024) >= 1 && factor < Math.Pow(2, 40)) factor *= 1024;
            if (magnitude % factor != 0)
            {
                return false;
            }

            double dec = 1000;
            while (magnitude / (dec * 1000) >= 1 && dec < 1e15) dec *= 1000;
            return magnitude % dec != 0;
        }
    }
}
