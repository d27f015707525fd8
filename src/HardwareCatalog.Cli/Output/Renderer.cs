using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace HardwareCatalog.Cli.Output
{
    /// <summary>The output formats every command that prints data accepts.</summary>
    public enum OutputFormat
    {
        /// <summary>Tables for a terminal.</summary>
        Table,

        /// <summary>Markdown tables, for pasting into documents.</summary>
        Markdown,

        /// <summary>Comma-separated values, numbers in base units.</summary>
        Csv,

        /// <summary>One JSON object, numbers in base units with the unit named.</summary>
        Json,
    }

    /// <summary>Renders a <see cref="Report"/> in each format: Spectre.Console lays out tables, System.Text.Json writes JSON.</summary>
    public static class Renderer
    {
        public static void Write(Report report, OutputFormat format, CliOutput output)
        {
            switch (format)
            {
                case OutputFormat.Table:
                    foreach (Section section in report.Sections.Where(s => s.Rows.Count > 0)) output.Console.Write(ToTable(section, TableBorder.Rounded));
                    break;
                case OutputFormat.Markdown:
                    output.Raw.Write(Markdown(report));
                    break;
                case OutputFormat.Csv:
                    output.Raw.Write(Csv(report));
                    break;
                case OutputFormat.Json:
                    output.Raw.WriteLine(Json(report));
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(format), format, null);
            }
        }

        public static Table ToTable(Section section, TableBorder border)
        {
            var table = new Table { Border = border, Title = section.Title.Length == 0 ? null : new TableTitle(section.Title) };
            if (section.IsRecord)
            {
                table.AddColumn("Field");
                table.AddColumn(new TableColumn("Value"));
                for (int i = 0; i < section.Columns.Count; i++)
                {
                    Field value = section.Rows[0][i];
                    table.AddRow(new Text(section.Columns[i].Header), new Text(value.Display));
                }

                return table;
            }

            for (int i = 0; i < section.Columns.Count; i++)
            {
                bool numeric = section.Rows.Count > 0 && section.Rows.All(r => r[i].Kind is FieldKind.Quantity or FieldKind.Number or FieldKind.Empty)
                    && section.Rows.Any(r => r[i].Kind != FieldKind.Empty);
                table.AddColumn(new TableColumn(new Text(section.Columns[i].Header)) { Alignment = numeric ? Justify.Right : Justify.Left });
            }

            foreach (Field[] row in section.Rows) table.AddRow(row.Select(f => (IRenderable)new Text(f.Display)).ToArray());
            return table;
        }

        /// <summary>Markdown: a heading per section and a pipe table laid out by Spectre's markdown border, never wrapped.</summary>
        public static string Markdown(Report report)
        {
            var text = new StringWriter();
            IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Ansi = AnsiSupport.No,
                ColorSystem = ColorSystemSupport.NoColors,
                Interactive = InteractionSupport.No,
                Out = new AnsiConsoleOutput(text),
            });
            console.Profile.Width = 100_000;
            foreach (Section section in report.Sections.Where(s => s.Rows.Count > 0))
            {
                Table table = ToTable(section, TableBorder.Markdown);
                table.Title = null;
                if (section.Title.Length > 0) console.WriteLine("### " + section.Title);
                console.WriteLine();
                console.Write(table);
                console.WriteLine();
            }

            string markdown = string.Join("\n", text.ToString().Replace("\r\n", "\n").Split('\n').Select(line => line.TrimEnd())).Trim();
            while (markdown.Contains("\n\n\n", StringComparison.Ordinal)) markdown = markdown.Replace("\n\n\n", "\n\n", StringComparison.Ordinal);
            return markdown + "\n";
        }

        /// <summary>
        /// CSV (RFC 4180): one block per section, a header row and its rows, blocks separated by an empty line. A record
        /// section is written as rows of key, value, unit. A quantity is its number in the base unit, its unit in a column of
        /// its own (<c>key.unit</c>) so that a spreadsheet reads the numbers.
        /// </summary>
        public static string Csv(Report report)
        {
            var text = new StringBuilder();
            bool first = true;
            foreach (Section section in report.Sections)
            {
                if (!first) text.Append('\n');
                first = false;
                if (section.IsRecord)
                {
                    text.Append("key,value,unit\n");
                    for (int i = 0; i < section.Columns.Count; i++)
                    {
                        Field field = section.Rows[0][i];
                        Line(text, new[] { section.Columns[i].Key, CsvValue(field), field.Unit ?? "" });
                    }

                    continue;
                }

                bool[] hasUnit = section.Columns.Select((_, i) => section.HasUnit(i)).ToArray();
                var header = new List<string>();
                for (int i = 0; i < section.Columns.Count; i++)
                {
                    header.Add(section.Columns[i].Key);
                    if (hasUnit[i]) header.Add(section.Columns[i].Key + ".unit");
                }

                Line(text, header);
                foreach (Field[] row in section.Rows)
                {
                    var cells = new List<string>();
                    for (int i = 0; i < row.Length; i++)
                    {
                        cells.Add(CsvValue(row[i]));
                        if (hasUnit[i]) cells.Add(row[i].Unit ?? "");
                    }

                    Line(text, cells);
                }
            }

            return text.ToString();
        }

        /// <summary>
        /// JSON: one object whose properties are the sections (a record is an object, a table an array of objects); a
        /// quantity is <c>{"value": number in the base unit, "unit": "B"}</c>, a count a number, text a string, no value null.
        /// </summary>
        public static string Json(Report report)
        {
            using var stream = new MemoryStream();
            using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                json.WriteStartObject();
                foreach (Section section in report.Sections)
                {
                    json.WritePropertyName(section.Name);
                    if (section.IsRecord)
                    {
                        WriteObject(json, section.Columns, section.Rows[0]);
                    }
                    else
                    {
                        json.WriteStartArray();
                        foreach (Field[] row in section.Rows) WriteObject(json, section.Columns, row);
                        json.WriteEndArray();
                    }
                }

                json.WriteEndObject();
            }

            return Encoding.UTF8.GetString(stream.ToArray());
        }

        private static void WriteObject(Utf8JsonWriter json, IReadOnlyList<Column> columns, Field[] row)
        {
            json.WriteStartObject();
            for (int i = 0; i < columns.Count; i++)
            {
                json.WritePropertyName(columns[i].Key);
                WriteValue(json, row[i]);
            }

            json.WriteEndObject();
        }

        private static void WriteValue(Utf8JsonWriter json, Field field)
        {
            switch (field.Kind)
            {
                case FieldKind.Quantity when double.IsFinite(field.Number):
                    json.WriteStartObject();
                    json.WriteNumber("value", field.Number);
                    json.WriteString("unit", field.Unit);
                    json.WriteEndObject();
                    break;
                case FieldKind.Number when double.IsFinite(field.Number):
                    json.WriteNumberValue(field.Number);
                    break;
                case FieldKind.Text:
                    json.WriteStringValue(field.Text);
                    break;
                case FieldKind.Boolean:
                    json.WriteBooleanValue(field.Flag);
                    break;
                default:
                    json.WriteNullValue();
                    break;
            }
        }

        private static string CsvValue(Field field) => field.Kind switch
        {
            FieldKind.Quantity or FieldKind.Number => double.IsFinite(field.Number) ? field.Number.ToString("R", CultureInfo.InvariantCulture) : "",
            FieldKind.Text => field.Text ?? "",
            FieldKind.Boolean => field.Flag ? "true" : "false",
            _ => "",
        };

        private static void Line(StringBuilder text, IEnumerable<string> cells)
        {
            text.Append(string.Join(",", cells.Select(Quote)));
            text.Append('\n');
        }

        private static string Quote(string cell)
            => cell.IndexOfAny(new[] { ',', '"', '\n', '\r' }) < 0 ? cell : "\"" + cell.Replace("\"", "\"\"") + "\"";
    }
}
