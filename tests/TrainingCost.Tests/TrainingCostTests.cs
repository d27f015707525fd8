using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using Xunit;
using static System.FormattableString;

namespace TrainingCost.Tests
{
    /// <summary>
    /// The main job's figures against the arithmetic that produces them from the published inputs
    /// (docs/seed-figures.md names each source), and its output formats.
    /// </summary>
    public class TrainingCostTests
    {
        private static readonly Figures F = new();

        // DeepSeek-V3 report (arXiv:2412.19437): 180K H800 GPU-hours per trillion tokens and 14.8T tokens (§1, §4.1),
        // 2,048 H800 GPUs (§3.1), 37B activated parameters (§1); Table 1 prices the H800 at $2 per GPU-hour.
        private const double DeepSeekHoursPerTrillion = 180_000, DeepSeekTrillions = 14.8, DeepSeekGpus = 2048, DeepSeekActive = 37e9;

        // The scenario's 54 days: 2,664K GPU-hours / 2,048 GPUs = 54.2 days, rounded down.
        private const double ScenarioDays = 54;

        // X = 8·T·P / (N·t) (Narayanan et al. 2021, §5.1), the DeepSeek-V3 run's effective FLOP/s per GPU.
        private const double DeepSeekX = 8 * DeepSeekActive * DeepSeekTrillions * 1e12 / (DeepSeekGpus * ScenarioDays * 86400);

        // H800 SXM dense peaks, the H100 SXM's (NVIDIA H100 datasheet, the figures without the sparsity asterisk).
        private const double H800DenseFp8 = 1978.9e12, H800DenseBf16 = 989.4e12;

        [Fact]
        public void DeepSeek_v3_pretraining_is_the_reports_arithmetic()
        {
            AssertClose(DeepSeekHoursPerTrillion * DeepSeekTrillions, F.DeepSeekPretrainingHours.Hours);
            AssertClose(2_664_000, F.DeepSeekPretrainingHours.Hours); // Table 1: 2,664K pre-training GPU-hours
            AssertClose(DeepSeekHoursPerTrillion * DeepSeekTrillions / DeepSeekGpus, F.DeepSeekWallClock.TotalHours);
            AssertClose(DeepSeekHoursPerTrillion * DeepSeekTrillions / DeepSeekGpus / 24, F.DeepSeekWallClock.TotalDays);
            Assert.Equal(ScenarioDays, Math.Floor(F.DeepSeekWallClock.TotalDays));

            AssertClose(DeepSeekX, F.DeepSeekThroughput.FlopsPerSecond);
            AssertClose(8 * DeepSeekActive * DeepSeekTrillions * 1e12 / (DeepSeekHoursPerTrillion * DeepSeekTrillions * 3600), F.DeepSeekThroughputExactHours.FlopsPerSecond);
            AssertClose(DeepSeekX / H800DenseFp8, F.DeepSeekMfuFp8);
            AssertClose(DeepSeekX / H800DenseBf16, F.DeepSeekMfuBf16);

            // Table 1 at $2 per GPU-hour: $5.328M for pre-training, $5.576M for the whole 2,788K GPU-hours.
            AssertClose(DeepSeekHoursPerTrillion * DeepSeekTrillions * 2, F.DeepSeekPretrainingCost.Usd);
            AssertClose(2_788_000 * 2, F.DeepSeekReportedCost.Usd);
            AssertClose(5.576e6, F.DeepSeekReportedCost.Usd);
        }

        [Fact]
        public void The_peak_measured_usable_table_shows_what_the_h100_really_gets()
        {
            Table table = TrainingCostReport.Build(F).Single(t => t.Id == "peak-measured-usable");
            var h100 = table.Rows.Single(r => r[0] == "h100-sxm");

            // NVIDIA MIG user guide: nvidia-smi reports 81,559 MiB = 79.65 GiB; memory 80 GiB; 81559 / 81920 = 99.56%.
            Assert.Equal("80 GiB", h100[1]);
            Assert.Equal(Invariant($"{81559.0 / 1024:0.0} GiB"), h100[2]);
            Assert.Equal(Invariant($"{81559.0 / 81920 * 100:0.0}%"), h100[3]);
            // The MAMF table (ML Engineering book): BF16 794.5 TFLOP/s against the 989.4 dense peak = 80.3%.
            Assert.Equal("989.4", h100[5]);
            Assert.Equal("794.5", h100[6]);
            Assert.Equal(Invariant($"{794.5 / 989.4 * 100:0.0}%"), h100[7]);
            // A GPU with neither figure is not listed; a secondary value is marked.
            Assert.DoesNotContain(table.Rows, r => r[0] == "tpu-v5p");
            Assert.EndsWith("†", table.Rows.Single(r => r[0] == "h200-sxm")[2]);
        }

        [Fact]
        public void The_deepseek_v3_plan_fits_and_its_reported_mfu_is_the_reports_throughput()
        {
            PublishedPlan plan = PublishedPlan.DeepSeekV3();

            // 180K H800 GPU-hours per trillion tokens (report, section 1): 1e12 / (180,000 · 3,600) = 1,543.2 tokens/s per GPU.
            double tokensPerSecond = 1e12 / (DeepSeekHoursPerTrillion * 3600);
            double flopsPerToken = HardwareCatalog.Planning.ModelFlops.TrainingPerToken(plan.Model, 4096, HardwareCatalog.Planning.ActivationRecomputation.None).Count;
            AssertClose(tokensPerSecond, plan.ReportedTokensPerSecondPerGpu);
            AssertClose(tokensPerSecond * flopsPerToken / H800DenseFp8, plan.ReportedMfu);

            // It fits, against the nominal 80 GiB (no usable H800 figure is published), and the table says which.
            Assert.True(plan.Fit.Fits);
            Assert.True(plan.Fit.AgainstNominalMemory);
            Table table = TrainingCostReport.Build(F).Single(t => t.Id == "plans");
            Assert.EndsWith("nominal", table.Rows.Single(r => r[0] == "DeepSeek-V3")[3]);
            Assert.EndsWith("usable", table.Rows.Single(r => r[0] == "Llama 3.1 405B")[3]);
        }

        [Fact]
        public void The_search_table_lists_distinct_fitting_layouts_fastest_first()
        {
            Table table = TrainingCostReport.Build(F).Single(t => t.Id == "search");
            HardwareCatalog.Planning.TrainingSearchResult result = HardwareCatalog.Planning.TrainingSearch.Run(SearchSpace.Llama70BOn1024H100(), top: 50);

            // The first row is the search's fastest plan; rows are distinct layouts, every one within 81,559 MiB = 79.65 GiB.
            Assert.Equal(result.Best[0].Settings.Layout.ToString(), table.Rows[0][0]);
            Assert.Equal(5, table.Rows.Select(r => r[0] + r[1]).Distinct().Count());
            double[] steps = table.Rows.Select(r => double.Parse(r[5].TrimEnd(' ', 's'), CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(steps.OrderBy(x => x), steps);
            Assert.All(table.Rows, r => Assert.InRange(double.Parse(r[4].Replace(" GiB", ""), CultureInfo.InvariantCulture), 1, 81559.0 / 1024));

            // 15T tokens at the first plan's step: 15e12 / (1,024 · 8,192 tokens per step) steps; dollars at $2 per GPU-hour.
            double days = 15e12 / (1024 * 8192.0) * result.Best[0].Step!.Total.TotalSeconds / 86400;
            Assert.Equal($"{days:N0} d, ${days * 24 * 1024 * 2 / 1e6:N1}M", table.Rows[0][7]);
        }

        [Fact]
        public void The_serving_table_prints_each_plans_bounds_and_their_cost()
        {
            Table table = TrainingCostReport.Build(F).Single(t => t.Id == "serving");
            var rows = ServingPlans.All();
            Assert.Equal(rows.Count, table.Rows.Count);

            // Llama 3.1 70B in BF16: 2 bytes for each of its 70.6B weights is 141 GB, above one H100's 81,559 MiB.
            Assert.True(rows.Single(r => r.Name == "Llama 3.1 70B, 1 H100, BF16").Plan.Model.DerivedParameters!.Value.Count * 2 > 81559.0 * 1024 * 1024);
            Assert.Equal("-", table.Rows.Single(r => r[0] == "Llama 3.1 70B, 1 H100, BF16")[3]);

            // DeepSeek's disclosed decode layout: 14.8k output tokens/s per 8-GPU node measured; the bound is not below it.
            ServingPlans.Row disclosed = rows.Single(r => r.Name.Contains("H800", StringComparison.Ordinal));
            Assert.True(disclosed.Plan.Decode!.OutputTokensPerSecondPerGpu >= 14_800 / 8.0);

            // $/M out: $2 per GPU-hour × GPUs / (tokens/s × 3,600) × 10⁶, as printed.
            foreach (ServingPlans.Row row in rows.Where(r => r.Plan.Memory.Fits && r.MaxConcurrencyAt8K > 0))
            {
                double dollars = 2.0 * row.Plan.Gpus / (row.Plan.Decode!.OutputTokensPerSecond * 3600) * 1e6;
                Assert.Equal(dollars.ToString("N2", CultureInfo.InvariantCulture), table.Rows.Single(r => r[0] == row.Name)[7]);
            }
        }

        [Fact]
        public void Gpt4_on_h800_reproduces_the_scenario_reading_and_adds_the_likely_one()
        {
            // The scenario: GPT-4 at P = 111B (one expert of the leak, an estimate), 13T tokens (leak), on 2,048 H800 at
            // DeepSeek-V3's X. The 2,048 cancel: t = 54 days x (111B x 13T) / (37B x 14.8T).
            double days = ScenarioDays * (111e9 * 13e12) / (DeepSeekActive * DeepSeekTrillions * 1e12);
            Gpt4Reading scenario = F.Gpt4Readings.Single(r => !r.MoreLikely);

            AssertClose(111e9, scenario.ActiveParameters.Count);
            AssertClose(days, scenario.Duration.TotalDays);
            Assert.Equal(Figures.SeedGpt4DaysOnH800, scenario.Duration.TotalDays, 0);
            AssertClose(2048 * days * 24, scenario.Hours.Hours);
            AssertClose(2048 * days * 24 * 2, scenario.Cost.Usd);
            // The scenario's own 6.98M GPU-hours and $13.96M round the same arithmetic.
            Assert.InRange(scenario.Hours.Hours / Figures.SeedGpt4H800Hours.Hours, 0.995, 1.005);
            Assert.InRange(scenario.Cost.Usd / Figures.SeedGpt4H800Cost.Usd, 0.995, 1.005);

            // GPUs for 54 days: the least N with 8·T·P / (N·X) <= 54 days.
            Assert.Equal((int)Math.Ceiling(8 * 111e9 * 13e12 / (DeepSeekX * ScenarioDays * 86400)), scenario.GpusFor54Days);
            Assert.True(scenario.GpusFor54Days > Figures.SeedGpt4GpusFor54Days, "the scenario rounds down; 5,300 GPUs miss the 54 days");

            // The likelier reading: two experts plus the shared layers, about 280B per token (leak; the catalog's activeParameters).
            Gpt4Reading likely = F.Gpt4Readings.Single(r => r.MoreLikely);
            AssertClose(280e9, likely.ActiveParameters.Count);
            AssertClose(280.0 / 111, likely.Hours.Hours / scenario.Hours.Hours);
        }

        [Fact]
        public void Gpt4_on_a100_shows_the_scenarios_tenfold_disagreement_and_the_consistent_figure()
        {
            // The scenario's $73.5M at $1.3 per A100-hour, against its 570M GPU-hours; the leak's 25,000 A100 for 90-100 days.
            AssertClose(73.5e6 / 1.3, F.Gpt4A100ConsistentHours.Hours);
            AssertClose(570e6 * 1.3 / 73.5e6, F.Gpt4A100SeedHoursCost.Usd / Figures.SeedGpt4A100Cost.Usd);
            AssertClose(73.5e6 / 1.3 / 25_000 / 24, F.Gpt4A100WallClock.TotalDays);
            Assert.InRange(F.Gpt4A100WallClock.TotalDays, 90, 100);

            // MFU = 6·N·D / (GPU-hours x dense FP16 peak): N = 280B, D = 13T (leak), A100 FP16 312 TFLOP/s dense (datasheet).
            AssertClose(6 * 280e9 * 13e12, F.Gpt4A100Compute.Count);
            AssertClose(6 * 280e9 * 13e12 / (73.5e6 / 1.3 * 3600) / 312e12, F.Gpt4A100Mfu);
            Assert.InRange(F.Gpt4A100Mfu, 0.32, 0.36); // the leak's 32-36% MFU
        }

        [Fact]
        public void Reported_runs_imply_plausible_mfu()
        {
            // Llama 2 paper (arXiv:2307.09288): 70B, 2.0T tokens (Table 1), 1,720,320 A100-80GB GPU-hours (Table 2); BF16 312 TFLOP/s dense.
            ReportedRun llama2 = F.ReportedRuns.Single(r => r.Model.Id == "llama-2-70b");
            AssertClose(6 * 70e9 * 2e12, llama2.Compute!.Value.Count);
            AssertClose(6 * 70e9 * 2e12 / (1_720_320 * 3600.0 * 312e12), llama2.Mfu!.Value);

            // Llama 3 paper (arXiv:2407.21783): 405B, 15.6T tokens; Llama 3.1 model card: 30.84M H100-80GB GPU-hours; BF16 989.4 dense.
            ReportedRun llama31 = F.ReportedRuns.Single(r => r.Model.Id == "llama-3.1-405b");
            AssertClose(6 * 405e9 * 15.6e12 / (30.84e6 * 3600 * 989.4e12), llama31.Mfu!.Value);

            // DeepSeek-V3 over its whole 2,788K GPU-hours in FP8, with 6·N·D on 37B active parameters.
            ReportedRun v3 = F.ReportedRuns.Single(r => r.Model.Id == "deepseek-v3");
            AssertClose(6 * DeepSeekActive * DeepSeekTrillions * 1e12 / (2_788_000 * 3600.0 * H800DenseFp8), v3.Mfu!.Value);

            // DeepSeek LLM 67B publishes no GPU-hours (arXiv:2401.02954), so there is nothing to divide by.
            Assert.Null(F.ReportedRuns.Single(r => r.Model.Id == "deepseek-67b").Mfu);
            Assert.All(F.ReportedRuns.Where(r => r.Mfu is not null), r => Assert.InRange(r.Mfu!.Value, 0.1, 0.6));
        }

        [Fact]
        public void Fp8_halves_compute_time_against_bf16_on_hopper()
            => AssertClose(H800DenseFp8 / H800DenseBf16, F.FpEightSpeedup);

        [Fact]
        public void Text_fits_a_100_column_terminal_and_carries_the_figures()
        {
            string text = Renderers.Render(TrainingCostReport.Build(F), "text");
            double hours = DeepSeekHoursPerTrillion * DeepSeekTrillions;

            Assert.All(text.Split('\n'), line => Assert.True(line.Length <= 100, $"{line.Length} columns: {line}"));
            Assert.Contains(Invariant($"{hours / 1000:N0}K"), text);
            Assert.Contains(Invariant($"{hours / DeepSeekGpus:N0} h = {hours / DeepSeekGpus / 24:N1} days"), text);
            Assert.Contains(Invariant($"{DeepSeekX / 1e12:0.0} TFLOP/s"), text);
            Assert.Contains("GPT-4 (estimated) on 2,048 H800", text);
            Assert.Contains(Invariant($"{73.5e6 / 1.3 / 1000:N0}K"), text);
            Assert.Contains(Invariant($"{61 * (512 + 64) * 2:N0}"), text); // DeepSeek-V3's MLA bytes per token in BF16
            Assert.Contains(Invariant($"{2 * 32 * 32 * 128 * 2 / 1024} KiB"), text); // Llama 2 7B: 2 x 32 layers x 32 KV heads x 128 x 2 bytes
            Assert.Matches(Invariant($@"h100-sxm\s+{989.4:N1}\s+{1978.9:N1}\s+not supported\s+not supported").Replace(".", @"\."), text);
            Assert.Contains("docs/seed-figures.md", text);
        }

        [Fact]
        public void Every_format_renders_every_table()
        {
            var tables = TrainingCostReport.Build(F);
            string pretraining = Invariant($"{DeepSeekHoursPerTrillion * DeepSeekTrillions / 1000:N0}K");

            using JsonDocument json = JsonDocument.Parse(Renderers.Render(tables, "json"));
            Assert.Equal(tables.Select(t => t.Id), json.RootElement.EnumerateArray().Select(e => e.GetProperty("id").GetString()));
            JsonElement pretrainingCell = json.RootElement[0].GetProperty("rows")[2].GetProperty("Value");
            Assert.Equal(pretraining, pretrainingCell.GetProperty("display").GetString());
            Assert.Equal(DeepSeekHoursPerTrillion * DeepSeekTrillions, pretrainingCell.GetProperty("value").GetDouble(), 6);
            Assert.Equal("GPU-h", pretrainingCell.GetProperty("unit").GetString());

            string csv = Renderers.Render(tables, "csv");
            Assert.Equal(tables.Sum(t => t.Rows.Count + 1), csv.Split("\r\n").Count(l => l.Length > 0));
            Assert.Contains(Invariant($"deepseek-v3,Pre-training GPU-hours,\"{pretraining}\",{DeepSeekHoursPerTrillion / 1000:0}K x {DeepSeekTrillions}"), csv);

            string markdown = Renderers.Render(tables, "markdown");
            Assert.Equal(tables.Count, markdown.Split('\n').Count(l => l.StartsWith("## ", StringComparison.Ordinal)));
        }

        [Fact]
        public void The_program_takes_a_format_and_rejects_an_unknown_one()
        {
            Assert.Equal(0, ProgramRun.Run(out string csv, "--format", "csv"));
            Assert.StartsWith("table,Quantity,Value,From", csv);
            Assert.Equal(2, ProgramRun.Run(out _, "--format", "xml"));
        }

        private static void AssertClose(double expected, double actual, double relative = 1e-9)
            => Assert.True(Math.Abs(expected - actual) <= Math.Abs(expected) * relative, $"expected {expected:R}, got {actual:R}");
    }
}
