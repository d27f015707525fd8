using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace TrainingCost
{
    /// <summary>The output formats: aligned text for a terminal, markdown, CSV and JSON for pasting elsewhere.</summary>
    public static class Renderers
    {
        public static readonly IReadOnlyList<string> Formats = new[] { "text", "markdown", "csv", "json" };

        public static string Render(IReadOnlyList<Table> tables, string format) => format switch
        {
            "text" => Text(tables),
            "markdown" => Markdown(tables),
            "csv" => Csv(tables),
            "json" => Json(tables),
            _ => throw new ArgumentException($"Unknown format '{format}'; use one of: {string.Join(", ", Formats)}.", nameof(format)),
        };

        public static string Text(IReadOnlyList<Table> tables)
        {
            var output = new StringBuilder();
            foreach (Table table in tables)
            {
                output.Append(table.Title).Append('\n').Append(new string('=', Math.Min(table.Title.Length, 99))).Append('\n');
                int[] widths = Widths(table);
                output.Append(Line(table, table.Columns, widths)).Append('\n');
                output.Append(string.Join("  ", widths.Select(w => new string('-', w)))).Append('\n');
                foreach (IReadOnlyList<string> row in table.Rows)
                {
                    output.Append(Line(table, row, widths)).Append('\n');
                }

                foreach (string note in table.Notes)
                {
                    output.Append(Wrap(note, 99)).Append('\n');
                }

                output.Append('\n');
            }

            return output.ToString();
        }

        public static string Markdown(IReadOnlyList<Table> tables)
        {
            var output = new StringBuilder();
            foreach (Table table in tables)
            {
                output.Append("## ").Append(table.Title).Append("\n\n");
                output.Append("| ").Append(string.Join(" | ", table.Columns.Select(EscapeMarkdown))).Append(" |\n");
                output.Append("| ").Append(string.Join(" | ", table.RightAligned.Select(r => r ? "---:" : "---"))).Append(" |\n");
                foreach (IReadOnlyList<string> row in table.Rows)
                {
                    output.Append("| ").Append(string.Join(" | ", row.Select(EscapeMarkdown))).Append(" |\n");
                }

                output.Append('\n');
                foreach (string note in table.Notes)
                {
                    output.Append("- ").Append(EscapeMarkdown(note)).Append('\n');
                }

                output.Append('\n');
            }

            return output.ToString();
        }

        /// <summary>One CSV block per table (RFC 4180 quoting), with the table id in the first column.</summary>
        public static string Csv(IReadOnlyList<Table> tables)
        {
            var output = new StringBuilder();
            foreach (Table table in tables)
            {
                output.Append(string.Join(",", new[] { "table" }.Concat(table.Columns).Select(CsvCell))).Append("\r\n");
                foreach (IReadOnlyList<string> row in table.Rows)
                {
                    output.Append(string.Join(",", new[] { table.Id }.Concat(row).Select(CsvCell))).Append("\r\n");
                }

                output.Append("\r\n");
            }

            return output.ToString();
        }

        public static string Json(IReadOnlyList<Table> tables)
        {
            var document = tables.Select(t => new
            {
                id = t.Id,
                title = t.Title,
                columns = t.Columns,
                rows = t.Rows.Select(r => t.Columns.Select((c, i) => (c, v: r[i])).ToDictionary(p => p.c, p => p.v)),
                notes = t.Notes,
            });
            return JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true }) + "\n";
        }

        private static int[] Widths(Table table)
            => table.Columns.Select((c, i) => Math.Max(c.Length, table.Rows.Count == 0 ? 0 : table.Rows.Max(r => r[i].Length))).ToArray();

        private static string Line(Table table, IReadOnlyList<string> cells, int[] widths)
            => string.Join("  ", cells.Select((cell, i) => table.RightAligned[i] ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i]))).TrimEnd();

        /// <summary>A note as a bullet, wrapped at <paramref name="width"/> with continuation lines indented under it.</summary>
        private static string Wrap(string text, int width)
        {
            var lines = new List<string>();
            var line = new StringBuilder("- ");
            foreach (string word in text.Split(' '))
            {
                if (line.Length > 2 && line.Length + 1 + word.Length > width)
                {
                    lines.Add(line.ToString());
                    line.Clear().Append("  ");
                }

                if (line.Length > 2) line.Append(' ');
                line.Append(word);
            }

            lines.Add(line.ToString());
            return string.Join("\n", lines);
        }

        private static string EscapeMarkdown(string text) => text.Replace("|", "\\|").Replace("*", "\\*");

        private static string CsvCell(string text)
            => text.IndexOfAny(new[] { ',', '"', '\n', '\r' }) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }
}
