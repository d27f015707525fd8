using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace TrainingCost.Tests
{
    /// <summary>The main job's figures against the seed reports' numbers, and its output formats.</summary>
    public class TrainingCostTests
    {
        private static readonly Figures F = new();

        [Fact]
        public void DeepSeek_v3_pretraining_matches_the_seed()
        {
            Assert.Equal(2_664_000, F.DeepSeekPretrainingHours.Hours, 6);
            Assert.Equal(1_301, F.DeepSeekWallClock.TotalHours, 0);
            Assert.Equal(54.2, F.DeepSeekWallClock.TotalDays, 1);
            Assert.Equal(458, F.DeepSeekThroughput.TeraFlopsPerSecond, 0);
            Assert.InRange(F.DeepSeekThroughputExactHours.TeraFlopsPerSecond, 456, 458);
            Assert.Equal(0.2317, F.DeepSeekMfuFp8, 3);
            Assert.Equal(0.4634, F.DeepSeekMfuBf16, 3);
            Assert.Equal(5_328_000, F.DeepSeekPretrainingCost.Usd, 3);
            Assert.Equal(5_576_000, F.DeepSeekReportedCost.Usd, 3);
        }

        [Fact]
        public void Gpt4_on_h800_reproduces_the_seed_reading_and_adds_the_likely_one()
        {
            Gpt4Reading seed = F.Gpt4Readings.Single(r => !r.MoreLikely);
            Assert.Equal(142, seed.Duration.TotalDays, 0);
            Assert.InRange(seed.Hours.Hours / Figures.SeedGpt4H800Hours.Hours, 0.995, 1.005);
            Assert.InRange(seed.Cost.Usd / Figures.SeedGpt4H800Cost.Usd, 0.995, 1.005);
            Assert.Equal(5_397, seed.GpusFor54Days);
            Assert.True(seed.GpusFor54Days > Figures.SeedGpt4GpusFor54Days, "the seed rounds down; 5,300 GPUs miss the 54 days");

            Gpt4Reading likely = F.Gpt4Readings.Single(r => r.MoreLikely);
            Assert.Equal(280e9, likely.ActiveParameters.Count);
            Assert.Equal(280.0 / 111, likely.Hours.Hours / seed.Hours.Hours, 6);
        }

        [Fact]
        public void Gpt4_on_a100_shows_the_seeds_tenfold_disagreement_and_the_consistent_figure()
        {
            Assert.InRange(F.Gpt4A100ConsistentHours.Hours, 56.53e6, 56.55e6);
            Assert.Equal(10.08, F.Gpt4A100SeedHoursCost.Usd / Figures.SeedGpt4A100Cost.Usd, 2);
            Assert.InRange(F.Gpt4A100WallClock.TotalDays, 90, 100);
            Assert.InRange(F.Gpt4A100Mfu, 0.32, 0.36);
        }

        [Fact]
        public void Reported_runs_imply_plausible_mfu()
        {
            ReportedRun llama2 = F.ReportedRuns.Single(r => r.Model.Id == "llama-2-70b");
            Assert.Equal(8.4e23, llama2.Compute!.Value.Count, 8.4e23 * 1e-12);
            Assert.Equal(0.435, llama2.Mfu!.Value, 3);

            ReportedRun llama31 = F.ReportedRuns.Single(r => r.Model.Id == "llama-3.1-405b");
            Assert.Equal(0.345, llama31.Mfu!.Value, 3);

            Assert.Null(F.ReportedRuns.Single(r => r.Model.Id == "deepseek-67b").Mfu);
            Assert.All(F.ReportedRuns.Where(r => r.Mfu is not null), r => Assert.InRange(r.Mfu!.Value, 0.1, 0.6));
        }

        [Fact]
        public void Fp8_halves_compute_time_against_bf16_on_hopper()
            => Assert.Equal(2.0, F.FpEightSpeedup, 3);

        [Fact]
        public void Text_fits_a_100_column_terminal_and_carries_the_figures()
        {
            string text = Renderers.Render(TrainingCostReport.Build(F), "text");

            Assert.All(text.Split('\n'), line => Assert.True(line.Length <= 100, $"{line.Length} columns: {line}"));
            Assert.Contains("2,664K", text);
            Assert.Contains("1,301 h = 54.2 days", text);
            Assert.Contains("458.5 TFLOP/s", text);
            Assert.Contains("GPT-4 (estimated) on 2,048 H800", text);
            Assert.Contains("56,538K", text);
            Assert.Contains("70,272", text);
            Assert.Contains("512 KiB", text);
            Assert.Matches(@"h100-sxm\s+989\.4\s+1,978\.9\s+not supported\s+not supported", text);
        }

        [Fact]
        public void Every_format_renders_every_table()
        {
            var tables = TrainingCostReport.Build(F);

            using JsonDocument json = JsonDocument.Parse(Renderers.Render(tables, "json"));
            Assert.Equal(tables.Select(t => t.Id), json.RootElement.EnumerateArray().Select(e => e.GetProperty("id").GetString()));
            Assert.Equal("2,664K", json.RootElement[0].GetProperty("rows")[2].GetProperty("Value").GetString());

            string csv = Renderers.Render(tables, "csv");
            Assert.Equal(tables.Sum(t => t.Rows.Count + 1), csv.Split("\r\n").Count(l => l.Length > 0));
            Assert.Contains("deepseek-v3,Pre-training GPU-hours,\"2,664K\",180K x 14.8", csv);

            string markdown = Renderers.Render(tables, "markdown");
            Assert.Equal(tables.Count, markdown.Split('\n').Count(l => l.StartsWith("## ", StringComparison.Ordinal)));
        }

        [Fact]
        public void The_program_takes_a_format_and_rejects_an_unknown_one()
        {
            Assert.Equal(0, Run(out string csv, "--format", "csv"));
            Assert.StartsWith("table,Quantity,Value,From", csv);
            Assert.Equal(2, Run(out _, "--format", "xml"));
        }

        private static int Run(out string output, params string[] args)
        {
            TextWriter previous = Console.Out;
            TextWriter previousError = Console.Error;
            using var writer = new StringWriter();
            try
            {
                Console.SetOut(writer);
                Console.SetError(TextWriter.Null);
                object? result = typeof(Figures).Assembly.EntryPoint!.Invoke(null, new object[] { args });
                output = writer.ToString();
                return (int)result!;
            }
            finally
            {
                Console.SetOut(previous);
                Console.SetError(previousError);
            }
        }
    }
}
