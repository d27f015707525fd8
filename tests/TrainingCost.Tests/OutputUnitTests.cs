using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using HardwareCatalog.Units;
using Xunit;
using static System.FormattableString;

namespace TrainingCost.Tests
{
    /// <summary>Each printed column of data sizes uses one unit family, and the KV-cache columns one unit, in every format.</summary>
    public class OutputUnitTests
    {
        private static readonly IReadOnlyList<Table> Tables = TrainingCostReport.Build(new Figures());

        private static readonly Regex Size = new(@"^[0-9][0-9,]*(\.[0-9]+)? (?<unit>B|KB|MB|GB|TB|PB|KiB|MiB|GiB|TiB)$");

        // DeepSeek-V3 config.json: 61 layers, kv_lora_rank 512, qk_rope_head_dim 64; 2 bytes per element in BF16.
        private const double DeepSeekMlaBytes = 61 * (512 + 64) * 2;

        // Llama 2 7B config.json: 32 layers, 32 KV heads (MHA), head dim 128; K and V, 2 bytes each.
        private const double Llama2Bytes = 2 * 32 * 32 * 128 * 2;

        public static IEnumerable<object[]> Formats() => Renderers.Formats.Select(f => new object[] { f });

        [Theory]
        [MemberData(nameof(Formats))]
        public void The_kv_cache_columns_each_print_one_binary_unit(string format)
        {
            Dictionary<string, Dictionary<string, string>> rows = KvRows(format);

            Assert.Equal(new[] { "KiB" }, rows.Values.Select(r => Unit(r["Per token"])).Distinct());
            Assert.Equal(new[] { "GiB" }, rows.Values.Select(r => Unit(r["32K context"])).Distinct());

            Assert.Equal(Invariant($"{DeepSeekMlaBytes / 1024:#,0.###} KiB"), rows["DeepSeek-V3"]["Per token"]);
            Assert.Equal(Invariant($"{DeepSeekMlaBytes * 32 * 1024 / (1024.0 * 1024 * 1024):#,0.##} GiB"), rows["DeepSeek-V3"]["32K context"]);
            Assert.Equal(Invariant($"{Llama2Bytes / 1024:#,0.###} KiB"), rows["Llama 2 7B"]["Per token"]);
            Assert.Equal(Invariant($"{Llama2Bytes * 32 * 1024 / (1024.0 * 1024 * 1024):#,0.##} GiB"), rows["Llama 2 7B"]["32K context"]);
            Assert.Equal(Invariant($"{DeepSeekMlaBytes:N0}"), rows["DeepSeek-V3"]["Bytes"]);
        }

        [Fact]
        public void No_column_of_any_table_mixes_binary_and_decimal_sizes()
        {
            var mixed = new List<string>();
            foreach (Table table in Tables)
            {
                for (int column = 0; column < table.Columns.Count; column++)
                {
                    var families = table.Rows.Select(r => r[column]).Where(c => Size.IsMatch(c)).Select(c => Unit(c).Contains('i') ? "binary" : "decimal").Distinct().ToList();
                    if (families.Count > 1)
                    {
                        mixed.Add($"{table.Id}.{table.Columns[column]}: {string.Join(", ", table.Rows.Select(r => r[column]))}");
                    }
                }
            }

            Assert.True(mixed.Count == 0, string.Join("\n", mixed));
        }

        [Theory]
        [InlineData(new[] { 512.0 * 1024, 70_272.0 }, 3, "KiB", "68.625 KiB")]
        [InlineData(new[] { 40_960.0 * 32768, 3_997_696.0 * 32768 }, 2, "GiB", "1.25 GiB")]
        [InlineData(new[] { 900.0, 4096.0 }, 1, "B", "900 B")]
        [InlineData(new[] { 3.0 * 1024 * 1024 * 1024 * 1024 }, 2, "TiB", "3 TiB")]
        public void A_column_takes_the_largest_unit_its_smallest_cell_reaches(double[] bytes, int decimals, string unit, string first)
        {
            BinarySizeColumn column = BinarySizeColumn.For(bytes.Select(DataSize.FromBytes), decimals);

            Assert.Equal(unit, column.Unit);
            Assert.Equal(first, column.Format(DataSize.FromBytes(bytes.Min())));
        }

        private static string Unit(string cell)
        {
            Match match = Size.Match(cell);
            Assert.True(match.Success, $"'{cell}' is not a size");
            return match.Groups["unit"].Value;
        }

        /// <summary>The KV-cache table as the given format prints it: model name to column name to cell.</summary>
        private static Dictionary<string, Dictionary<string, string>> KvRows(string format)
        {
            string output = Renderers.Render(Tables, format);
            Table kv = Tables.Single(t => t.Id == "kv-cache");
            List<string[]> cells = format switch
            {
                "json" => JsonDocument.Parse(output).RootElement.EnumerateArray().Single(t => t.GetProperty("id").GetString() == "kv-cache")
                    .GetProperty("rows").EnumerateArray().Select(r => kv.Columns.Select(c => Display(r.GetProperty(c))).ToArray()).ToList(),
                "csv" => output.Split("\r\n").Where(l => l.StartsWith("kv-cache,", StringComparison.Ordinal)).Select(l => CsvCells(l).Skip(1).ToArray()).ToList(),
                "markdown" => Section(output.Split('\n'), "## " + kv.Title, l => l.StartsWith("| ", StringComparison.Ordinal)).Skip(2)
                    .Select(l => l.Trim('|', ' ').Split(" | ")).ToList(),
                "text" => Section(output.Split('\n'), kv.Title, l => l.Length > 0 && !l.StartsWith("- ", StringComparison.Ordinal)).Skip(3)
                    .Select(l => Regex.Split(l.Trim(), @"\s{2,}")).ToList(),
                _ => throw new ArgumentException(format),
            };

            Assert.Equal(kv.Rows.Count, cells.Count);
            Assert.All(cells, c => Assert.Equal(kv.Columns.Count, c.Length));
            return cells.ToDictionary(c => c[0], c => kv.Columns.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => c[p.i]));
        }

        /// <summary>What a JSON cell prints: a text cell is the string, a numeric cell's "display".</summary>
        private static string Display(JsonElement cell)
            => cell.ValueKind == JsonValueKind.String ? cell.GetString()! : cell.GetProperty("display").GetString()!;

        /// <summary>The lines after <paramref name="heading"/> while <paramref name="inside"/> holds.</summary>
        private static IEnumerable<string> Section(string[] lines, string heading, Func<string, bool> inside)
            => lines.SkipWhile(l => l != heading).Skip(1).SkipWhile(l => l.Length == 0).TakeWhile(inside);

        private static IEnumerable<string> CsvCells(string line)
        {
            var cell = new StringBuilder();
            bool quoted = false;
            for (int i = 0; i < line.Length; i++)
            {
                char c = line[i];
                if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = !quoted;
                }
                else if (c == ',' && !quoted)
                {
                    yield return cell.ToString();
                    cell.Clear();
                }
                else
                {
                    cell.Append(c);
                }
            }

            yield return cell.ToString();
        }
    }
}
