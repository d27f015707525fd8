using System;
using System.ComponentModel;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using HardwareCatalog.Cli.Catalogs;
using HardwareCatalog.Cli.Output;
using HardwareCatalog.Units;
using Spectre.Console.Cli;

namespace HardwareCatalog.Cli.Commands
{
    /// <summary>The option every command that prints data has.</summary>
    public class FormatSettings : CommandSettings, ICatalogSettings
    {
        [CommandOption(CatalogOption.Template)]
        [Description(CatalogOption.Help)]
        public string[] Catalogs { get; set; } = Array.Empty<string>();

        [CommandOption("-f|--format <FORMAT>")]
        [Description("Output format: table, markdown, csv or json.")]
        [DefaultValue(OutputFormat.Table)]
        public OutputFormat Format { get; set; } = OutputFormat.Table;
    }

    /// <summary>Reads the options' quantity texts with the units' own parsers (the catalog's unit strings).</summary>
    public static class OptionText
    {
        public static DataSize Size(string text, string option)
            => Parse(text, option, "a size such as 80GiB or 141 GB", (string t, out DataSize v) => DataSize.TryParse(t, out v));

        public static Parameters ParameterCount(string text, string option)
            => Parse(text, option, "a parameter count such as 70B", (string t, out Parameters v) => Parameters.TryParse(t, out v));

        public static Tokens TokenCount(string text, string option)
            => Parse(text, option, "a token count such as 15T", (string t, out Tokens v) => Tokens.TryParse(t, out v));

        public static Precision Precision(string text, string option)
        {
            foreach (Precision precision in PrecisionFacts.All)
            {
                if (string.Equals(precision.CatalogKey(), text, StringComparison.OrdinalIgnoreCase)) return precision;
            }

            throw new CliException($"{option}: unknown precision '{text}'; use one of: {string.Join(", ", PrecisionFacts.All.Select(p => p.CatalogKey()))}");
        }

        /// <summary>A share in (0, 1], or null when the option is absent.</summary>
        public static double? Share(double? value, string option)
            => value is double v && !(v > 0 && v <= 1) ? throw new CliException($"{option}: {v.ToString(CultureInfo.InvariantCulture)} is not a share in (0, 1]") : value;

        private static readonly Regex NumberThenUnit = new(@"^([0-9][0-9,]*(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)([A-Za-z].*)$", RegexOptions.CultureInvariant);

        private delegate bool TryParser<T>(string text, out T value);

        private static T Parse<T>(string text, string option, string expected, TryParser<T> tryParse)
        {
            string trimmed = text.Trim();
            if (tryParse(trimmed, out T value)) return value;
            // "80GiB" as well as the catalog's "80 GiB": put the space between the number and the unit.
            Match split = NumberThenUnit.Match(trimmed);
            if (split.Success && tryParse(split.Groups[1].Value + " " + split.Groups[2].Value, out value)) return value;
            throw new CliException($"{option}: cannot read '{text}' as {expected}");
        }
    }
}
