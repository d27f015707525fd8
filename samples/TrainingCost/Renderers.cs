using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

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

        /// <summary>
        /// An array of tables; a row is an object keyed by column. A text cell is a string; a numeric cell is
        /// <c>{"value": number in the base unit or null, "unit": "…", "display": "the printed text"}</c>, plus any further
        /// quantity its text shows as <c>"name": {"value": …, "unit": "…"}</c> (docs/main-job-json.md).
        /// </summary>
        public static string Json(IReadOnlyList<Table> tables)
        {
            var document = new JsonArray();
            foreach (Table t in tables)
            {
                var rows = new JsonArray();
                foreach (IReadOnlyList<Cell> row in t.Cells)
                {
                    var cells = new JsonObject();
                    for (int i = 0; i < t.Columns.Count; i++)
                    {
                        cells[t.Columns[i]] = JsonCell(row[i]);
                    }

                    rows.Add(cells);
                }

                document.Add(new JsonObject
                {
                    ["id"] = t.Id,
                    ["title"] = t.Title,
                    ["columns"] = new JsonArray(t.Columns.Select(c => (JsonNode?)JsonValue.Create(c)).ToArray()),
                    ["rows"] = rows,
                    ["notes"] = new JsonArray(t.Notes.Select(n => (JsonNode?)JsonValue.Create(n)).ToArray()),
                });
            }

            var options = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            return document.ToJsonString(options) + "\n";
        }

        private static JsonNode? JsonCell(Cell cell)
        {
            if (!cell.IsNumeric)
            {
                return JsonValue.Create(cell.Text);
            }

            var value = new JsonObject
            {
                ["value"] = cell.Value is double v ? JsonValue.Create(v) : null,
                ["unit"] = cell.Unit,
                ["display"] = cell.Text,
            };
            foreach (KeyValuePair<string, Cell> also in cell.Also)
            {
                value[also.Key] = new JsonObject { ["value"] = also.Value.Value, ["unit"] = also.Value.Unit };
            }

            return value;
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
