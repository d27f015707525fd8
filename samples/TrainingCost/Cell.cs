using System;
using System.Collections.Generic;
using System.Linq;

namespace TrainingCost
{
    /// <summary>
    /// One table cell: the text every format prints and, when the cell shows a quantity or a number, that number in its
    /// base unit with the unit named, which the JSON output adds beside the text (docs/main-job-json.md). A cell with a
    /// unit but no number ("n/a", "-", "not supported") is a numeric cell without a value.
    /// </summary>
    public sealed record Cell(string Text)
    {
        /// <summary>The number in <see cref="Unit"/>; null when the cell has no value.</summary>
        public double? Value { get; init; }

        /// <summary>The base unit (B, FLOP, FLOP/s, s, GPU-h, USD, tokens, parameters, fraction, …); null for a text cell.</summary>
        public string? Unit { get; init; }

        /// <summary>Further quantities the same text shows (the cost beside the days), by name.</summary>
        public IReadOnlyList<KeyValuePair<string, Cell>> Also { get; init; } = Array.Empty<KeyValuePair<string, Cell>>();

        public bool IsNumeric => Unit is not null;

        /// <summary>A cell showing <paramref name="value"/> <paramref name="unit"/> as <paramref name="text"/>.</summary>
        public static Cell Quantity(string text, double value, string unit)
        {
            if (double.IsNaN(value) || double.IsInfinity(value))
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, $"The cell '{text}' has no finite value.");
            }

            return new Cell(text) { Value = value, Unit = unit };
        }

        /// <summary>A cell of a numeric column that has no value, such as "n/a".</summary>
        public static Cell Missing(string text, string unit) => new(text) { Unit = unit };

        /// <summary>The same value shown with another text (a mark or a qualifier beside it).</summary>
        public Cell Shown(string text) => this with { Text = text };

        /// <summary>The same value with <paramref name="suffix"/> after its text.</summary>
        public Cell Append(string suffix) => Shown(Text + suffix);

        /// <summary>The same value with <paramref name="prefix"/> before its text.</summary>
        public Cell Prepend(string prefix) => Shown(prefix + Text);

        /// <summary>This cell with one more quantity its text shows, named <paramref name="key"/>.</summary>
        public Cell With(string key, double value, string unit)
        {
            if (key is "value" or "unit" or "display" || Also.Any(p => p.Key == key))
            {
                throw new ArgumentException($"'{key}' is taken.", nameof(key));
            }

            return this with { Also = Also.Append(new KeyValuePair<string, Cell>(key, Quantity(Text, value, unit))).ToArray() };
        }

        public static implicit operator Cell(string text) => new(text);
    }
}
