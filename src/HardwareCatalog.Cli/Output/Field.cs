using System;
using System.Globalization;
using HardwareCatalog.Units;

namespace HardwareCatalog.Cli.Output
{
    /// <summary>What a field holds, which decides how JSON writes it.</summary>
    public enum FieldKind
    {
        /// <summary>No value (unpublished, not applicable): JSON null, an empty cell.</summary>
        Empty,

        /// <summary>A quantity: a number in its base unit and the unit's name.</summary>
        Quantity,

        /// <summary>A plain number (a count, a ratio).</summary>
        Number,

        /// <summary>Text (an id, a name, a URL).</summary>
        Text,

        /// <summary>Yes or no.</summary>
        Boolean,
    }

    /// <summary>
    /// One value of the output: what a person reads (<see cref="Display"/>) and what a program reads (a number in the base
    /// unit and the unit's name), kept together so that every format prints the same value.
    /// </summary>
    public readonly struct Field
    {
        private Field(FieldKind kind, string display, double number, string? unit, string? text, bool flag)
        {
            Kind = kind;
            Display = display;
            Number = number;
            Unit = unit;
            Text = text;
            Flag = flag;
        }

        public FieldKind Kind { get; }

        /// <summary>The value as a person reads it, with its unit and a readable prefix.</summary>
        public string Display { get; }

        /// <summary>The value in its base unit (quantities and numbers).</summary>
        public double Number { get; }

        /// <summary>The base unit's name (quantities only): B, B/s, FLOP/s, W, s, USD, parameters, tokens, tokens/s.</summary>
        public string? Unit { get; }

        public string? Text { get; }

        public bool Flag { get; }

        /// <summary>The same value, shown with another text (a mark beside it).</summary>
        public Field WithDisplay(string display) => new(Kind, display, Number, Unit, Text, Flag);

        /// <summary>The number format of a displayed quantity: its SI prefix keeps it short, so three decimals are enough.</summary>
        private const string Readable = "#,0.###";

        public static Field Empty { get; } = new(FieldKind.Empty, "", double.NaN, null, null, false);

        public static Field Quantity(double value, string unit, string display) => double.IsNaN(value) ? Empty : new(FieldKind.Quantity, display, value, unit, null, false);

        public static Field Of(DataSize value) => Quantity(value.Bytes, "B", value.ToString(Readable, CultureInfo.InvariantCulture));

        public static Field Of(DataSize? value) => value is { } v ? Of(v) : Empty;

        public static Field Of(Bandwidth value) => Quantity(value.BytesPerSecond, "B/s", value.ToString(Readable, CultureInfo.InvariantCulture));

        public static Field Of(Bandwidth? value) => value is { } v ? Of(v) : Empty;

        public static Field Of(FlopRate value) => Quantity(value.FlopsPerSecond, "FLOP/s", value.ToString("#,0.#", CultureInfo.InvariantCulture));

        public static Field Of(FlopRate? value) => value is { } v ? Of(v) : Empty;

        public static Field Of(Flops value) => Quantity(value.Count, "FLOP", value.Count.ToString("0.###E+0", CultureInfo.InvariantCulture) + " FLOP");

        public static Field Of(Power? value) => value is { } v ? Quantity(v.Watts, "W", v.ToString()) : Empty;

        public static Field Of(Parameters value) => Quantity(value.Count, "parameters", value.ToString(Readable, CultureInfo.InvariantCulture));

        public static Field Of(Parameters? value) => value is { } v ? Of(v) : Empty;

        public static Field Of(Tokens value) => Quantity(value.Count, "tokens", value.ToString(Readable, CultureInfo.InvariantCulture));

        public static Field Of(GpuHours value) => Quantity(value.Hours, "GPU-h", value.ToString(Readable, CultureInfo.InvariantCulture));

        public static Field Of(Money value) => Quantity(value.Usd, "USD", value.ToString(Readable, CultureInfo.InvariantCulture));

        public static Field Of(Money? value) => value is { } v ? Of(v) : Empty;

        public static Field Of(TimeSpan value) => Quantity(value.TotalSeconds, "s", Duration(value.TotalSeconds));

        public static Field Of(TimeSpan? value) => value is { } v ? Of(v) : Empty;

        public static Field Seconds(double seconds) => Quantity(seconds, "s", Duration(seconds));

        public static Field TokensPerSecond(double? value) => value is double v ? Quantity(v, "tokens/s", v.ToString("#,0.#", CultureInfo.InvariantCulture) + " tokens/s") : Empty;

        public static Field Of(int value) => new(FieldKind.Number, value.ToString("#,0", CultureInfo.InvariantCulture), value, null, null, false);

        public static Field Of(int? value) => value is int v ? Of(v) : Empty;

        /// <summary>A year, printed without a thousands separator.</summary>
        public static Field Year(int? value) => value is int v ? Count(v, v.ToString(CultureInfo.InvariantCulture)) : Empty;

        public static Field Of(long value) => new(FieldKind.Number, value.ToString("#,0", CultureInfo.InvariantCulture), value, null, null, false);

        public static Field Count(double value, string display) => double.IsNaN(value) ? Empty : new(FieldKind.Number, display, value, null, null, false);

        /// <summary>A share (0.42) printed as a percentage (42.0 %), written to JSON as the share.</summary>
        public static Field Ratio(double? value) => value is double v ? Count(v, (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %") : Empty;

        public static Field Of(string? value) => value is null ? Empty : new(FieldKind.Text, value, double.NaN, null, value, false);

        public static Field Of(bool value) => new(FieldKind.Boolean, value ? "yes" : "no", double.NaN, null, null, value);

        /// <summary>Seconds as a person reads them: ms below a second, s below two minutes, then h or days.</summary>
        public static string Duration(double seconds)
        {
            CultureInfo c = CultureInfo.InvariantCulture;
            if (seconds < 1) return (seconds * 1e3).ToString("0.###", c) + " ms";
            if (seconds < 120) return seconds.ToString("0.###", c) + " s";
            if (seconds < 2 * 86400) return (seconds / 3600).ToString("0.##", c) + " h";
            return (seconds / 86400).ToString("#,0.#", c) + " days";
        }
    }
}
