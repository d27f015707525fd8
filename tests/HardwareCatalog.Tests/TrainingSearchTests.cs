using System;
using System.Collections.Generic;
using System.Linq;
using HardwareCatalog.Planning;
using Xunit;

namespace HardwareCatalog.Tests
{
    /// <summary>The layout search against a brute-force enumeration through the public plan API.</summary>
    public class TrainingSearchTests
    {
        [Fact]
        public void The_search_finds_the_plan_a_brute_force_over_the_public_api_finds()
        {
            // Llama 3.1 8B on 16 H100 (two DGX H100: NVLink domain of 8), 4K sequences, 64 per step, BF16.
            var space = new TrainingSearchSpace(Models.Llama31_8B, Systems.DgxH100, 16, 4096, 64, PrecisionRecipe.Bf16Mixed);
            TrainingSearchResult result = TrainingSearch.Run(space, top: 5);

            // The oracle: every combination of sizes, kept when Validate reports no error, the interleaved schedule's own
            // conditions hold (p·v divides the layers, p divides the micro-batches) and, for ZeRO > 0, there is a group to
            // shard over; the fastest by Step of those that Fit.
            int[] sizes = { 1, 2, 4, 8, 16 };
            var recomputations = (ActivationRecomputation[])Enum.GetValues(typeof(ActivationRecomputation));
            var stages = (ZeroStage[])Enum.GetValues(typeof(ZeroStage));
            List<TrainingPlan> legal =
                (from t in sizes.Where(t => t <= 8)
                 from p in sizes
                 from d in sizes
                 where t * p * d == 16
                 from v in new[] { 1, 2, 3, 4 }
                 from b in new[] { 1, 2, 4, 8 }
                 from sp in new[] { false, true }
                 from r in recomputations
                 from z in stages
                 where !(v > 1 && p == 1) && !(sp && t == 1) && !(z > ZeroStage.None && d == 1) && 64 % (b * d) == 0
                 let settings = new TrainingSettings(new ParallelLayout(t, p, d, 1, v, sp), b, 4096, 64, PrecisionRecipe.Bf16Mixed, z, r)
                 where v == 1 || (32 % (p * v) == 0 && settings.MicroBatchesPerStep % p == 0)
                 let plan = new TrainingPlan(Models.Llama31_8B, Systems.DgxH100, 16, settings)
                 where !plan.Validate().Any(c => c.Severity == PlanCheckSeverity.Error && c.Id != "HWC208")
                 select plan).ToList();

            TrainingPlan[] fitting = legal.Where(p => p.Fit.Fits).OrderBy(p => p.Step!.Total).ThenBy(p => p.Memory.Total.Bytes).ToArray();
            Assert.Equal(legal.Count, result.Evaluated);
            Assert.Equal(fitting.Length, result.Fitting);
            Assert.Equal(5, result.Best.Count);
            for (int i = 0; i < 5; i++)
            {
                Assert.Equal(fitting[i].Step!.Total, result.Best[i].Step!.Total);
                Assert.Equal(fitting[i].Memory.Total, result.Best[i].Memory.Total);
            }

            Assert.Equal(fitting[0].Settings.Layout, result.Best[0].Settings.Layout);
        }

        [Fact]
        public void A_70b_model_on_1024_h100_gets_fitting_plans_fastest_first()
        {
            // The main job's search: Llama 3.1 70B on 1,024 H100 (128 DGX H100), 8K sequences, 1,024 per step (8.4M tokens).
            var space = new TrainingSearchSpace(Models.Llama31_70B, Systems.DgxH100, 1024, 8192, 1024, PrecisionRecipe.Bf16Mixed);
            TrainingSearchResult result = TrainingSearch.Run(space, top: 10);

            Assert.Equal(10, result.Best.Count);
            Assert.True(result.Fitting < result.Evaluated, "some layouts must not fit: 70B in BF16 with 18 bytes per parameter does not fit one H100");
            TimeSpan previous = TimeSpan.Zero;
            foreach (TrainingPlan plan in result.Best)
            {
                Assert.DoesNotContain(plan.Validate(), c => c.Severity == PlanCheckSeverity.Error);
                Assert.True(plan.Fit.Fits);
                Assert.True(plan.Step!.Total >= previous);
                Assert.True(plan.Settings.Layout.Tensor <= 8);
                previous = plan.Step.Total;
            }
        }

        [Fact]
        public void Progress_reaches_one_and_bad_spaces_are_refused()
        {
            var reports = new List<double>();
            TrainingSearch.Run(new TrainingSearchSpace(Models.Llama31_8B, Systems.DgxH100, 8, 4096, 32, PrecisionRecipe.Bf16Mixed), 1, new Recorder(reports));
            Assert.Equal(1.0, reports.Last());

            // The H800 has no measured matmul rate: the space needs one given.
            Assert.Contains("perGpu", Assert.Throws<ArgumentException>(() => new TrainingSearchSpace(Models.DeepSeekV3, Systems.HgxH800, 2048, 4096, 15360, PrecisionRecipe.Fp8DeepSeekV3)).Message);
            Assert.Throws<ArgumentException>(() => TrainingSearch.Run(new TrainingSearchSpace(Models.Gpt4, Systems.DgxH100, 8, 4096, 32, PrecisionRecipe.Bf16Mixed)));
        }

        private sealed class Recorder : IProgress<double>
        {
            private readonly List<double> _reports;

            public Recorder(List<double> reports) => _reports = reports;

            public void Report(double value) => _reports.Add(value);
        }
    }
}
