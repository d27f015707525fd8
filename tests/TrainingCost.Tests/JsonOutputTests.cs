using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace TrainingCost.Tests
{
    /// <summary>
    /// The JSON output carries every cell as printed and, for every quantity or number, the number in its base unit with
    /// the unit named (docs/main-job-json.md); the text, markdown and CSV outputs are unchanged by it.
    /// </summary>
    public class JsonOutputTests
    {
        private static readonly IReadOnlyList<Table> Tables = TrainingCostReport.Build(new Figures());

        private static readonly JsonElement Json = JsonDocument.Parse(Renderers.Render(Tables, "json")).RootElement;

        // DeepSeek-V3 report (arXiv:2412.19437): 180K H800 GPU-hours per trillion tokens, 14.8T tokens, 37B active
        // parameters, 2,048 GPUs; the scenario's t = 54 days; H800 dense FP8 peak 1,978.9 TFLOP/s (H100 datasheet).
        private const double DeepSeekHoursPerTrillion = 180_000, DeepSeekTrillions = 14.8, DeepSeekActive = 37e9, DeepSeekGpus = 2048;
        private const double DeepSeekX = 8 * DeepSeekActive * DeepSeekTrillions * 1e12 / (DeepSeekGpus * 54 * 86400);
        private const double H800DenseFp8 = 1978.9e12;

        /// <summary>The texts that stand for "no value" in a numeric column.</summary>
        private static readonly string[] NoValue = { "n/a", "-", "not supported" };

        /// <summary>
        /// The outputs as the program printed them before its JSON carried numbers (Baseline/, captured by running
        /// <c>dotnet run --project samples/TrainingCost -- --format FORMAT</c>). A change to the catalog or the estimators
        /// that moves a printed figure changes these files too: recapture them with that command and review the diff.
        /// </summary>
        [Theory]
        [InlineData("text", "report.txt")]
        [InlineData("markdown", "report.md")]
        [InlineData("csv", "report.csv")]
        public void Text_markdown_and_csv_print_what_they_printed_before(string format, string file)
            => Assert.Equal(Baseline(file), Renderers.Render(Tables, format));

        [Fact]
        public void Every_json_cell_shows_the_text_the_tables_print()
        {
            JsonElement before = JsonDocument.Parse(Baseline("report.json")).RootElement;
            Assert.Equal(Tables.Count, Json.GetArrayLength());
            for (int t = 0; t < Tables.Count; t++)
            {
                Table table = Tables[t];
                JsonElement rows = Json[t].GetProperty("rows");
                Assert.Equal(table.Id, Json[t].GetProperty("id").GetString());
                Assert.Equal(table.Rows.Count, rows.GetArrayLength());
                for (int r = 0; r < table.Rows.Count; r++)
                {
                    for (int c = 0; c < table.Columns.Count; c++)
                    {
                        JsonElement cell = rows[r].GetProperty(table.Columns[c]);
                        string shown = cell.ValueKind == JsonValueKind.String ? cell.GetString()! : cell.GetProperty("display").GetString()!;
                        Assert.Equal(table.Rows[r][c], shown);
                        Assert.Equal(before[t].GetProperty("rows")[r].GetProperty(table.Columns[c]).GetString(), shown);
                    }
                }
            }
        }

        /// <summary>A cell that starts with a number (after a sign, "~" or "$") is a number a program may want.</summary>
        private static readonly Regex NumericLooking = new(@"^[~+\-]?\$?[0-9]");

        [Fact]
        public void Every_numeric_looking_cell_has_its_number_and_unit()
        {
            var problems = new List<string>();
            foreach ((string where, JsonElement cell) in Cells())
            {
                if (cell.ValueKind == JsonValueKind.String)
                {
                    if (NumericLooking.IsMatch(cell.GetString()!)) problems.Add($"{where}: '{cell.GetString()}' is text only");
                    continue;
                }

                string display = cell.GetProperty("display").GetString()!;
                string? unit = cell.GetProperty("unit").GetString();
                JsonElement value = cell.GetProperty("value");
                if (string.IsNullOrEmpty(unit)) problems.Add($"{where}: '{display}' names no unit");
                if (value.ValueKind == JsonValueKind.Null)
                {
                    if (!NoValue.Contains(display)) problems.Add($"{where}: '{display}' has no value");
                }
                else if (value.ValueKind != JsonValueKind.Number || NoValue.Contains(display))
                {
                    problems.Add($"{where}: '{display}' has the value {value}");
                }
            }

            Assert.True(problems.Count == 0, string.Join("\n", problems));
            Assert.True(Cells().Count(c => c.Cell.ValueKind == JsonValueKind.Object) > 200, "most cells are numbers");
        }

        /// <summary>
        /// Each value, converted to what the cell prints (K, M, B, T; GiB, KiB; %, ms, h, days; TFLOP/s), is the number
        /// printed, within its last printed digit (and 3% for "4K" contexts, which are 4 x 1,024 tokens). A formula cell
        /// ("180K x 14.8", "$73.5M / $1.3", "10x less") holds what the formula gives.
        /// </summary>
        [Fact]
        public void Every_value_is_the_number_its_cell_prints_in_the_base_unit()
        {
            var problems = new List<string>();
            foreach ((string where, JsonElement cell) in Cells())
            {
                if (cell.ValueKind != JsonValueKind.Object || cell.GetProperty("value").ValueKind == JsonValueKind.Null) continue;
                string display = cell.GetProperty("display").GetString()!;
                double value = cell.GetProperty("value").GetDouble();
                (double shown, double tolerance) = Printed(display, cell.GetProperty("unit").GetString()!);
                if (Math.Abs(shown - value) > Math.Max(tolerance, Math.Abs(value) * 0.03))
                {
                    problems.Add(FormattableString.Invariant($"{where}: '{display}' holds {value:R} {cell.GetProperty("unit").GetString()}, it prints {shown:R}"));
                }
            }

            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        [Fact]
        public void Deepseek_v3_figures_are_numbers_in_base_units()
        {
            JsonElement Value(string quantity) => Row("deepseek-v3", "Quantity", quantity).GetProperty("Value");

            AssertQuantity(DeepSeekHoursPerTrillion * DeepSeekTrillions, "GPU-h", Value("Pre-training GPU-hours")); // 2,664K
            AssertQuantity(DeepSeekTrillions * 1e12, "tokens", Value("Training tokens"));
            AssertQuantity(DeepSeekGpus, "GPUs", Value("NVIDIA H800 SXM5 80GB GPUs"));
            AssertQuantity(DeepSeekHoursPerTrillion * DeepSeekTrillions / DeepSeekGpus * 3600, "s", Value("Wall clock"));
            AssertQuantity(8 * DeepSeekActive * DeepSeekTrillions * 1e12, "FLOP", Value("Compute 8*T*P, P = active"));
            AssertQuantity(DeepSeekX, "FLOP/s", Value("X = 8TP / (N*t), t = 54 days"));
            AssertQuantity(DeepSeekX / H800DenseFp8, "fraction", Value("MFU vs dense FP8 peak"));
            AssertQuantity(DeepSeekHoursPerTrillion * DeepSeekTrillions * 2, "USD", Value("Cost of pre-training at $2/GPU-h"));
            AssertQuantity(2_788_000 * 2, "USD", Value("Cost of the full run at $2/GPU-h")); // Table 1: 2,788K GPU-hours at $2
            AssertQuantity(H800DenseFp8, "FLOP/s", Row("deepseek-v3", "Quantity", "MFU vs dense FP8 peak").GetProperty("From"));

            // The reported-runs table: 671B total and 37B active parameters, 6·N·D FLOP over the 14.8T tokens.
            JsonElement run = Row("reported-runs", "Model", "DeepSeek-V3");
            AssertQuantity(671e9, "parameters", run.GetProperty("Params"));
            AssertQuantity(DeepSeekActive, "parameters", run.GetProperty("Params").GetProperty("active"));
            AssertQuantity(6 * DeepSeekActive * DeepSeekTrillions * 1e12, "FLOP", run.GetProperty("6ND FLOP"));
            AssertQuantity(6 * DeepSeekActive * DeepSeekTrillions * 1e12 / (2_788_000 * 3600.0 * H800DenseFp8), "fraction", run.GetProperty("MFU"));
            AssertQuantity(128 * 1024, "tokens", run.GetProperty("Context"));
            Assert.Equal(JsonValueKind.Null, Row("reported-runs", "Model", "DeepSeek LLM 67B").GetProperty("GPU-h").GetProperty("value").ValueKind);
        }

        [Fact]
        public void The_plans_memory_and_fit_are_bytes()
        {
            foreach (PublishedPlan plan in new[] { PublishedPlan.DeepSeekV3(), PublishedPlan.Llama31_405B() })
            {
                JsonElement row = Row("plans", "Plan", plan.Name);
                AssertQuantity(plan.Memory.Total.Bytes, "B", row.GetProperty("Peak memory"));
                AssertQuantity(plan.Settings.Layout.GpuCount, "GPUs", row.GetProperty("GPUs"));
                AssertQuantity(plan.Step.Total.TotalSeconds, "s", row.GetProperty("Step"));
                AssertQuantity(plan.ReportedMfu, "fraction", row.GetProperty("Reported MFU"));
            }

            // DeepSeek-V3 fits the H800's nominal 80 GiB (catalogs/gpus/h800-sxm.yaml; no usable figure is published):
            // what is left is 80 x 2^30 bytes less the peak memory.
            JsonElement v3 = Row("plans", "Plan", "DeepSeek-V3");
            AssertQuantity(80.0 * (1L << 30) - v3.GetProperty("Peak memory").GetProperty("value").GetDouble(), "B", v3.GetProperty("Fit"));

            // Llama 3.1 405B: 16,384 H100 is TP 8 x PP 16 x DP 128 (Llama 3 paper, table 4); it fits within the H100's
            // usable 81,559 MiB (NVIDIA MIG user guide).
            JsonElement llama = Row("plans", "Plan", "Llama 3.1 405B");
            AssertQuantity(8 * 16 * 128, "GPUs", llama.GetProperty("GPUs"));
            AssertQuantity(81559.0 * (1 << 20) - llama.GetProperty("Peak memory").GetProperty("value").GetDouble(), "B", llama.GetProperty("Fit"));
        }

        [Fact]
        public void The_serving_rows_carry_tokens_per_second_and_their_cost()
        {
            foreach (ServingPlans.Row plan in ServingPlans.All())
            {
                JsonElement row = Row("serving", "Plan", plan.Name);
                AssertQuantity(plan.MaxConcurrencyAt8K, "sequences", row.GetProperty("Max @8K"));
                AssertQuantity(plan.Plan.Memory.Left.Bytes, "B", row.GetProperty("Left"));
                if (!(plan.Plan.Memory.Fits && plan.MaxConcurrencyAt8K > 0))
                {
                    Assert.Equal(JsonValueKind.Null, row.GetProperty("Tokens/s").GetProperty("value").ValueKind);
                    continue;
                }

                double tokensPerSecond = plan.Plan.Decode!.OutputTokensPerSecond;
                AssertQuantity(tokensPerSecond, "tokens/s", row.GetProperty("Tokens/s"));

                // Every sequence in flight emits one token per TPOT: tokens/s = Seqs / TPOT (to TimeSpan's 100 ns ticks).
                double seqs = row.GetProperty("Seqs").GetProperty("value").GetDouble();
                AssertQuantity(seqs / row.GetProperty("TPOT").GetProperty("value").GetDouble(), "tokens/s", row.GetProperty("Tokens/s"), 1e-4);

                // $/M out: $2 per GPU-hour x GPUs / (tokens/s x 3,600) x 10^6.
                AssertQuantity(2.0 * plan.Plan.Gpus / (tokensPerSecond * 3600) * 1e6, TrainingCostReport.PerMillionOutputTokens, row.GetProperty("$/M out"));
            }
        }

        [Fact]
        public void The_search_rows_carry_days_and_dollars_for_15t_tokens()
        {
            JsonElement rows = Table("search").GetProperty("rows");
            Assert.Equal(5, rows.GetArrayLength());
            foreach (JsonElement row in rows.EnumerateArray())
            {
                // 15T tokens at 1,024 sequences of 8,192 tokens per step; 1,024 GPUs at $2 per GPU-hour.
                double step = row.GetProperty("Step").GetProperty("value").GetDouble();
                double seconds = 15e12 / (1024 * 8192.0) * step;
                // The printed step is whole 100 ns ticks (TimeSpan); the days are from the unrounded step.
                AssertQuantity(seconds, "s", row.GetProperty("15T tokens"), 1e-6);
                AssertQuantity(seconds / 3600 * 1024 * 2, "USD", row.GetProperty("15T tokens").GetProperty("cost"), 1e-6);
                Assert.InRange(row.GetProperty("Peak memory").GetProperty("value").GetDouble(), 1, 81559.0 * (1 << 20));
                AssertQuantity(1, "sequences", row.GetProperty("b"));
            }
        }

        [Fact]
        public void The_kv_cache_sizes_are_bytes()
        {
            // DeepSeek-V3 config.json: 61 layers x (kv_lora_rank 512 + qk_rope_head_dim 64) x 2 bytes in BF16; 32K = 32,768 tokens.
            JsonElement v3 = Row("kv-cache", "Model", "DeepSeek-V3");
            AssertQuantity(61 * (512 + 64) * 2, "B", v3.GetProperty("Bytes"));
            AssertQuantity(61 * (512 + 64) * 2, "B", v3.GetProperty("Per token"));
            AssertQuantity(61 * (512 + 64) * 2 * 32768.0, "B", v3.GetProperty("32K context"));
        }

        [Fact]
        public void The_program_prints_the_json_with_numbers()
        {
            Assert.Equal(0, ProgramRun.Run(out string output, "--format", "json"));

            JsonElement printed = JsonDocument.Parse(output).RootElement;
            Assert.Equal(2664000, printed[0].GetProperty("rows")[2].GetProperty("Value").GetProperty("value").GetDouble());
        }

        private static string Baseline(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Baseline", file));

        private static JsonElement Table(string id) => Json.EnumerateArray().Single(t => t.GetProperty("id").GetString() == id);

        private static JsonElement Row(string table, string column, string name)
            => Table(table).GetProperty("rows").EnumerateArray().Single(r => r.GetProperty(column).GetString() == name);

        private static IEnumerable<(string Where, JsonElement Cell)> Cells()
        {
            foreach (JsonElement table in Json.EnumerateArray())
            {
                int index = 0;
                foreach (JsonElement row in table.GetProperty("rows").EnumerateArray())
                {
                    foreach (JsonProperty cell in row.EnumerateObject())
                    {
                        yield return ($"{table.GetProperty("id").GetString()}[{index}].{cell.Name}", cell.Value);
                    }

                    index++;
                }
            }
        }

        private static void AssertQuantity(double expected, string unit, JsonElement cell, double relative = 1e-9)
        {
            Assert.Equal(unit, cell.GetProperty("unit").GetString());
            double actual = cell.GetProperty("value").GetDouble();
            Assert.True(Math.Abs(expected - actual) <= Math.Abs(expected) * relative, $"expected {expected:R} {unit}, got {actual:R}");
        }

        private static readonly Regex Number = new(
            @"(?<![A-Za-z0-9.])(?<sign>[+\-])?\$?(?<n>[0-9][0-9,]*(\.[0-9]+)?(E[+\-][0-9]+)?)(?<x>x)?\s?(?<scale>K|M|B|T)?(?![a-z])\s?(?<unit>KiB|MiB|GiB|TiB|TFLOP/s|FLOP|%|ms|s|h|d|days)?(?![A-Za-z])");

        /// <summary>What a cell prints in its value's base unit, and half its last printed digit in that unit.</summary>
        private static (double Value, double Tolerance) Printed(string display, string unit)
        {
            // "t = 1,301 h", "x $1.3 = $741.0M": the quantity is what follows the last "=".
            string text = display.Contains(" = ", StringComparison.Ordinal) ? display[(display.LastIndexOf(" = ", StringComparison.Ordinal) + 3)..] : display;
            List<(double Value, double Tolerance, bool Times)> numbers = Number.Matches(text).Select(m => Parse(m, unit)).ToList();
            Assert.True(numbers.Count > 0, $"'{display}' prints no number");

            // "10x less than the hours imply": a tenth; "180K x 14.8", "$73.5M / $1.3": the product or the quotient.
            if (numbers[0].Times) return (1 / numbers[0].Value, numbers[0].Tolerance / (numbers[0].Value * numbers[0].Value));
            if (numbers.Count == 2 && text.Contains(" x ", StringComparison.Ordinal)) return (numbers[0].Value * numbers[1].Value, numbers[0].Value * numbers[1].Tolerance + numbers[1].Value * numbers[0].Tolerance);
            if (numbers.Count == 2 && text.Contains(" / ", StringComparison.Ordinal)) return (numbers[0].Value / numbers[1].Value, numbers[0].Value / numbers[1].Value * (numbers[0].Tolerance / numbers[0].Value + numbers[1].Tolerance / numbers[1].Value));
            return (numbers[0].Value, numbers[0].Tolerance);
        }

        private static (double Value, double Tolerance, bool Times) Parse(Match m, string unit)
        {
            string digits = m.Groups["n"].Value.Replace(",", "", StringComparison.Ordinal);
            double number = double.Parse(digits, CultureInfo.InvariantCulture);
            int point = digits.IndexOf('.', StringComparison.Ordinal);
            int exponent = digits.IndexOf('E', StringComparison.Ordinal);
            int decimals = point < 0 ? 0 : (exponent < 0 ? digits.Length : exponent) - point - 1;
            double half = 0.5 * Math.Pow(10, -decimals) * (exponent < 0 ? 1 : Math.Pow(10, int.Parse(digits[(exponent + 1)..], CultureInfo.InvariantCulture)));
            double scale = m.Groups["scale"].Value switch { "K" => 1e3, "M" => 1e6, "B" => 1e9, "T" => 1e12, _ => 1 };
            scale *= m.Groups["unit"].Value switch
            {
                "KiB" => 1024.0,
                "MiB" => 1024.0 * 1024,
                "GiB" => 1024.0 * 1024 * 1024,
                "TiB" => 1024.0 * 1024 * 1024 * 1024,
                "TFLOP/s" => 1e12,
                "%" => 0.01,
                "ms" => 1e-3,
                "h" => 3600,
                "d" or "days" => 86400,
                // A bare number: the title or the header names the unit ("Peak TFLOP/s", "Dense peaks … in TFLOP/s", "Days").
                "" when unit == "FLOP/s" => 1e12,
                "" when unit == "s" => 86400,
                _ => 1,
            };
            double sign = m.Groups["sign"].Value == "-" ? -1 : 1;
            return (sign * number * scale, half * scale, m.Groups["x"].Success);
        }
    }
}
