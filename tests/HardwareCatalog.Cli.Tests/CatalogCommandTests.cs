using System;
using System.Linq;
using System.Text.Json;
using HardwareCatalog.Units;
using Xunit;

namespace HardwareCatalog.Cli.Tests
{
    public class CatalogCommandTests
    {
        [Fact]
        public void Show_prints_every_value_in_base_units_with_its_source()
        {
            Hwcat.Result result = Hwcat.Run("show", "h100-sxm", "--format", "json");

            Assert.Equal(0, result.ExitCode);
            Accelerator gpu = Gpus.H100Sxm;
            Assert.Equal(gpu.Peak(Precision.Bf16).FlopsPerSecond, Hwcat.Quantity(result.Value("dense.bf16").GetProperty("value"), "FLOP/s"));
            Assert.Equal(Gpus.H100Sxm.Dense.Bf16.FlopsPerSecond, Hwcat.Quantity(result.Value("dense.bf16").GetProperty("value"), "FLOP/s"));
            Assert.Equal(gpu.Memory!.Value.Bytes, Hwcat.Quantity(result.Value("memory").GetProperty("value"), "B"));
            Assert.Equal(gpu.UsableMemory!.Value.Bytes, Hwcat.Quantity(result.Value("usableMemory").GetProperty("value"), "B"));
            Assert.Equal(gpu.MemoryBandwidth!.Value.BytesPerSecond, Hwcat.Quantity(result.Value("memoryBandwidth").GetProperty("value"), "B/s"));
            Assert.Equal(gpu.MeasuredMatmul(Precision.Fp8)!.Value.Value.FlopsPerSecond, Hwcat.Quantity(result.Value("measured.matmul.fp8").GetProperty("value"), "FLOP/s"));
            Assert.Equal(gpu.SourceOf("usableMemory")!.Url, result.Value("usableMemory").GetProperty("source").GetString());
            // Every supported precision has its dense row, and no other.
            string[] dense = result.Json().GetProperty("values").EnumerateArray().Select(v => v.GetProperty("key").GetString()!).Where(k => k.StartsWith("dense.")).ToArray();
            Assert.Equal(gpu.SupportedPrecisions.Select(p => "dense." + p.CatalogKey()), dense);
            Assert.Equal(gpu.Sources, result.Json().GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("url").GetString()));
        }

        [Fact]
        public void Show_marks_exactly_the_values_the_catalog_marks_secondary()
        {
            Accelerator gpu = Gpus.A10;
            Hwcat.Result json = Hwcat.Run("show", gpu.Id, "--format", "json");
            Hwcat.Result table = Hwcat.Run("show", gpu.Id);

            JsonElement[] values = json.Json().GetProperty("values").EnumerateArray().ToArray();
            Assert.Contains(values, v => v.GetProperty("secondary").GetBoolean());
            foreach (JsonElement value in values)
            {
                Assert.Equal(gpu.IsSecondary(value.GetProperty("key").GetString()!), value.GetProperty("secondary").GetBoolean());
            }

            // The table marks each secondary value with a dagger: one per secondary value, plus the legend in the title.
            Assert.Equal(values.Count(v => v.GetProperty("secondary").GetBoolean()) + 1, table.Table.Count(c => c == '\u2020'));
        }

        [Theory]
        [InlineData("show", "h10-sxm", "h100-sxm")]
        [InlineData("show", "deepseek-v4", "deepseek-v3")]
        [InlineData("train", "--model", "lama-3.1-70b", "--system", "dgx-h100", "llama-3.1-70b")]
        public void An_unknown_id_gets_the_nearest_ids_and_a_non_zero_exit(params string[] argsAndSuggestion)
        {
            Hwcat.Result result = Hwcat.Run(argsAndSuggestion[..^1]);

            Assert.Equal(HwcatApp.UsageError, result.ExitCode);
            string hint = result.Errors[result.Errors.IndexOf("did you mean ", StringComparison.Ordinal)..];
            Assert.Contains($"'{argsAndSuggestion[^1]}'", hint);
            Assert.DoesNotContain(" at ", result.Errors);
            Assert.Equal("", result.Output);
        }

        [Theory]
        [InlineData("train", "--tensor", "abc")]
        [InlineData("gpus", "--format", "yaml")]
        [InlineData("gpus", "--min-memory", "lots")]
        [InlineData("gpus", "--supports", "fp7")]
        [InlineData("gpus", "--sort", "colour")]
        [InlineData("train", "--model", "llama-3.1-70b", "--system", "dgx-h100", "--data", "3", "--expert", "2")]
        [InlineData("chart", "memory", "--model", "llama-3.1-70b", "--system", "dgx-h100", "--out", "chart.gif")]
        [InlineData("nonsense")]
        [InlineData("gpus", "--bogus", "1")]
        [InlineData("serve", "--model", "llama-3.1-8b", "--system", "dgx-h100", "--tensr", "8")]
        public void Malformed_or_impossible_options_get_a_message_and_a_non_zero_exit_without_a_stack_trace(params string[] args)
        {
            Hwcat.Result result = Hwcat.Run(args);

            Assert.NotEqual(0, result.ExitCode);
            Assert.StartsWith("error: ", result.Errors);
            Assert.DoesNotContain(" at HardwareCatalog", result.Errors + result.Output);
            Assert.DoesNotContain("Exception", result.Errors + result.Output);
        }

        [Theory]
        [InlineData("kitten", "sitting", 3)]
        [InlineData("h100-sxm", "h100-sxm", 0)]
        [InlineData("", "b200", 4)]
        [InlineData("h20", "h200-sxm", 5)]
        public void Edit_distance_counts_insertions_deletions_and_substitutions(string a, string b, int distance)
        {
            Assert.Equal(distance, CatalogLookup.EditDistance(a, b));
            Assert.Equal(distance, CatalogLookup.EditDistance(b, a));
        }

        [Fact]
        public void A_wild_guess_gets_no_suggestion()
        {
            Assert.Empty(CatalogLookup.Nearest("quantum-computer", Gpus.All.Select(g => g.Id)));
            Assert.Equal(new[] { "deepseek-v2", "deepseek-v3" }, CatalogLookup.Nearest("deepseek-v4", Models.All.Select(m => m.Id)));
        }

        [Fact]
        public void Gpus_filters_and_sorts_as_the_runtime_answers()
        {
            Hwcat.Result result = Hwcat.Run("gpus", "--vendor", "nvidia", "--supports", "fp8", "--min-memory", "80GiB", "--sort", "memory", "--descending", "--format", "json");

            Assert.Equal(0, result.ExitCode);
            JsonElement[] rows = result.Json().GetProperty("gpus").EnumerateArray().ToArray();
            var expected = Gpus.All.Where(g => g.Vendor == "NVIDIA" && g.Supports(Precision.Fp8) && g.Memory?.Bytes >= DataSize.FromGibibytes(80).Bytes).Select(g => g.Id);
            Assert.Equal(expected.OrderBy(x => x), rows.Select(r => r.GetProperty("id").GetString()!).OrderBy(x => x));
            Assert.NotEmpty(rows);
            double[] memory = rows.Select(r => Hwcat.Quantity(r.GetProperty("memory"), "B")).ToArray();
            Assert.Equal(memory.OrderByDescending(m => m), memory);
        }

        [Fact]
        public void Models_filters_mixture_of_experts_by_parameter_count()
        {
            Hwcat.Result result = Hwcat.Run("models", "--moe", "--min-params", "100B", "--sort", "parameters", "--format", "json");

            var expected = Models.All.Where(m => m.Moe is not null && m.TotalParameters.Count >= 100e9).OrderBy(m => m.TotalParameters.Count).Select(m => m.Id);
            JsonElement[] rows = result.Json().GetProperty("models").EnumerateArray().ToArray();
            Assert.Equal(expected.Count(), rows.Length);
            Assert.Equal(expected.Select(id => Models.Find(id)!.TotalParameters.Count), rows.Select(r => Hwcat.Quantity(r.GetProperty("parameters"), "parameters")));
        }

        [Fact]
        public void Systems_as_csv_is_a_header_and_one_row_per_system_with_numbers_in_base_units()
        {
            Hwcat.Result result = Hwcat.Run("systems", "--format", "csv");

            string[] lines = result.Raw.TrimEnd('\n').Split('\n');
            Assert.Equal(Systems.All.Count + 1, lines.Length);
            string[] header = lines[0].Split(',');
            int bandwidth = System.Array.IndexOf(header, "scaleUp.bandwidth");
            Assert.Equal("scaleUp.bandwidth.unit", header[bandwidth + 1]);
            string dgx = lines.Single(l => l.StartsWith("dgx-h100,"));
            Assert.Equal(Systems.DgxH100.ScaleUp.Bandwidth.BytesPerSecond, double.Parse(dgx.Split(',')[bandwidth], System.Globalization.CultureInfo.InvariantCulture));
        }

        [Fact]
        public void The_csv_header_does_not_depend_on_the_rows_a_filter_leaves()
        {
            string Header(params string[] args) => Hwcat.Run(new[] { "gpus", "--format", "csv" }.Concat(args).ToArray()).Raw.Split('\n')[0];

            string all = Header();
            Assert.Contains(",usableMemory,usableMemory.unit,", all);
            Assert.Equal(all, Header("--min-memory", "100TB"));
            Assert.Equal(all, Header("--vendor", "Google"));
        }

        [Fact]
        public void Markdown_is_a_pipe_table_with_a_row_per_gpu()
        {
            Hwcat.Result result = Hwcat.Run("gpus", "--vendor", "AMD", "--format", "markdown");

            int amd = Gpus.All.Count(g => g.Vendor == "AMD");
            Assert.Equal(amd + 2, result.Raw.Split('\n').Count(l => l.StartsWith("|")));
            foreach (Accelerator gpu in Gpus.All.Where(g => g.Vendor == "AMD")) Assert.Contains("| " + gpu.Id + " ", result.Raw);
        }

        [Fact]
        public void Compare_puts_peaks_measured_rates_and_usable_memory_side_by_side()
        {
            Hwcat.Result result = Hwcat.Run("compare", "h100-sxm", "h200-sxm", "b200", "--format", "json");

            Assert.Equal(0, result.ExitCode);
            foreach (Accelerator gpu in new Accelerator[] { Gpus.H100Sxm, Gpus.H200Sxm, Gpus.B200 })
            {
                Assert.Equal(gpu.Peak(Precision.Fp8).FlopsPerSecond, Hwcat.Quantity(result.Value("dense.fp8").GetProperty(gpu.Id), "FLOP/s"));
                Assert.Equal(gpu.Memory!.Value.Bytes, Hwcat.Quantity(result.Value("memory").GetProperty(gpu.Id), "B"));
                JsonElement usable = result.Value("usableMemory").GetProperty(gpu.Id);
                Assert.Equal(gpu.UsableMemory?.Bytes, usable.ValueKind == JsonValueKind.Null ? null : Hwcat.Quantity(usable, "B"));
                JsonElement measured = result.Value("measured.matmul.bf16").GetProperty(gpu.Id);
                Assert.Equal(gpu.MeasuredMatmul(Precision.Bf16)?.Value.FlopsPerSecond, measured.ValueKind == JsonValueKind.Null ? null : Hwcat.Quantity(measured, "FLOP/s"));
            }

            Assert.Equal(Gpus.H100Sxm.UsableMemory.Bytes / Gpus.H100Sxm.Memory.Bytes, result.Value("usableMemoryShare").GetProperty("h100-sxm").GetDouble());
        }

        [Fact]
        public void Compare_refuses_entries_of_different_kinds()
        {
            Hwcat.Result result = Hwcat.Run("compare", "h100-sxm", "deepseek-v3");

            Assert.Equal(HwcatApp.UsageError, result.ExitCode);
            Assert.Contains("'deepseek-v3' is a model", result.Errors);
        }

        [Fact]
        public void Help_lists_every_command()
        {
            Hwcat.Result result = Hwcat.Run("--help");

            Assert.Equal(0, result.ExitCode);
            foreach (string command in new[] { "gpus", "models", "systems", "show", "compare", "train", "serve", "search", "validate", "chart" })
            {
                Assert.Contains(" " + command, result.Table);
            }
        }
    }
}
