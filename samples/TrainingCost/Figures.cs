using System;
using System.Collections.Generic;
using System.Linq;
using HardwareCatalog;
using HardwareCatalog.Estimation;
using HardwareCatalog.Units;

namespace TrainingCost
{
    /// <summary>
    /// The numbers behind the report, computed from the catalog and the estimators. Only the scenario inputs listed in
    /// docs/seed-figures.md are typed here (token counts, GPU counts, days, dollars per GPU-hour, and the scenario's own
    /// results it is checked against); every spec comes from the catalog.
    /// </summary>
    public sealed class Figures
    {
        // Scenario inputs and the scenario's own results; docs/seed-figures.md gives the source of each.
        public static readonly GpuHours SeedDeepSeekHoursPerTrillionTokens = GpuHours.FromHours(180_000);
        public static readonly TimeSpan SeedDeepSeekDays = TimeSpan.FromDays(54);
        public static readonly GpuHourPrice H800Price = GpuHourPrice.Usd(2.0);
        public static readonly GpuHourPrice A100Price = GpuHourPrice.Usd(1.3);
        public static readonly Parameters SeedGpt4OneExpert = Parameters.FromBillions(111);
        public static readonly Tokens SeedGpt4Tokens = Tokens.FromTrillions(13);
        public const int SeedGpt4H800Gpus = 2048;
        public const double SeedGpt4DaysOnH800 = 142;
        public static readonly GpuHours SeedGpt4H800Hours = GpuHours.FromHours(6_980_000);
        public static readonly Money SeedGpt4H800Cost = Money.FromUsd(13.96e6);
        public const int SeedGpt4GpusFor54Days = 5300;
        public static readonly GpuHours SeedGpt4A100Hours = GpuHours.FromHours(570_000_000);
        public static readonly Money SeedGpt4A100Cost = Money.FromUsd(73.5e6);

        public Figures()
        {
            ModelSpec v3 = Models.DeepSeekV3;
            var run = Models.DeepSeekV3.Training;
            DeepSeekTokens = run.Tokens!.Value;
            DeepSeekGpus = run.GpuCount!.Value;
            DeepSeekPretrainingHours = SeedDeepSeekHoursPerTrillionTokens * DeepSeekTokens.Trillions;
            DeepSeekWallClock = DeepSeekPretrainingHours.WallClock(DeepSeekGpus);
            DeepSeekCompute = Training.Compute(v3.ActiveParameters, DeepSeekTokens, ComputeRule.EightTP);
            DeepSeekThroughput = Training.EffectiveThroughputPerGpu(DeepSeekCompute, DeepSeekGpus, SeedDeepSeekDays);
            DeepSeekThroughputExactHours = Training.EffectiveThroughputPerGpu(DeepSeekCompute, DeepSeekGpus, DeepSeekWallClock);
            DeepSeekMfuFp8 = Training.Mfu(DeepSeekThroughput, run.Gpu, Precision.Fp8);
            DeepSeekMfuBf16 = Training.Mfu(DeepSeekThroughput, run.Gpu, Precision.Bf16);
            DeepSeekPretrainingCost = DeepSeekPretrainingHours * H800Price;
            DeepSeekReportedHours = run.GpuHours!.Value;
            DeepSeekReportedCost = DeepSeekReportedHours * H800Price;

            Gpt4Readings = new[]
            {
                Gpt4OnH800("P = 111B: one expert (the seed's reading)", SeedGpt4OneExpert, likely: false),
                Gpt4OnH800("P = 280B: two experts + shared layers", Models.Gpt4.ActiveParameters, likely: true),
            };

            Gpt4A100ConsistentHours = SeedGpt4A100Cost / A100Price;
            Gpt4A100SeedHoursCost = SeedGpt4A100Hours * A100Price;
            Gpt4A100Gpus = Models.Gpt4.Training.GpuCount!.Value;
            Gpt4A100WallClock = Gpt4A100ConsistentHours.WallClock(Gpt4A100Gpus);
            Gpt4A100Compute = Training.Compute(Models.Gpt4.ActiveParameters, Models.Gpt4.Training.Tokens!.Value);
            Gpt4A100Throughput = Gpt4A100Compute / TimeSpan.FromHours(Gpt4A100ConsistentHours.Hours);
            Gpt4A100Mfu = Training.Mfu(Gpt4A100Throughput, Models.Gpt4.Training.Gpu, Precision.Fp16);

            ReportedRuns = new ModelSpec[]
            {
                Models.Llama2_7B, Models.Llama2_70B, Models.Llama3_70B, Models.Llama31_405B,
                Models.DeepSeek67B, Models.DeepSeekV2, Models.DeepSeekV3,
            }.Select(ReportedRunOf).ToArray();

            FpEightSpeedup = Duration(Gpus.H800Sxm, Precision.Bf16) / Duration(Gpus.H800Sxm, Precision.Fp8);
        }

        public Tokens DeepSeekTokens { get; }
        public int DeepSeekGpus { get; }
        public GpuHours DeepSeekPretrainingHours { get; }
        public TimeSpan DeepSeekWallClock { get; }
        public Flops DeepSeekCompute { get; }
        public FlopRate DeepSeekThroughput { get; }
        public FlopRate DeepSeekThroughputExactHours { get; }
        public double DeepSeekMfuFp8 { get; }
        public double DeepSeekMfuBf16 { get; }
        public Money DeepSeekPretrainingCost { get; }
        public GpuHours DeepSeekReportedHours { get; }
        public Money DeepSeekReportedCost { get; }

        public IReadOnlyList<Gpt4Reading> Gpt4Readings { get; }

        public GpuHours Gpt4A100ConsistentHours { get; }
        public Money Gpt4A100SeedHoursCost { get; }
        public int Gpt4A100Gpus { get; }
        public TimeSpan Gpt4A100WallClock { get; }
        public Flops Gpt4A100Compute { get; }
        public FlopRate Gpt4A100Throughput { get; }
        public double Gpt4A100Mfu { get; }

        public IReadOnlyList<ReportedRun> ReportedRuns { get; }

        /// <summary>How much faster DeepSeek-V3's compute runs at the H800's dense FP8 peak than at its BF16 peak.</summary>
        public double FpEightSpeedup { get; }

        private Gpt4Reading Gpt4OnH800(string label, Parameters active, bool likely)
        {
            Flops compute = Training.Compute(active, SeedGpt4Tokens, ComputeRule.EightTP);
            TimeSpan time = Training.Duration(compute, SeedGpt4H800Gpus, DeepSeekThroughput);
            GpuHours hours = GpuHours.Of(SeedGpt4H800Gpus, time);
            return new Gpt4Reading(label, active, compute, time, hours, hours * H800Price,
                Training.GpusForDeadline(compute, SeedDeepSeekDays, DeepSeekThroughput), likely);
        }

        private static ReportedRun ReportedRunOf(ModelSpec model)
        {
            TrainingRun? run = model.Training;
            Flops? compute = run?.Tokens is { } tokens ? Training.Compute(model.ActiveParameters, tokens) : null;
            double? mfu = null;
            if (compute is { } c && run!.GpuHours is { } hours && run.Gpu is { } gpu && run.Precision is { } precision && gpu.Supports(precision))
            {
                mfu = Training.Mfu(c / TimeSpan.FromHours(hours.Hours), gpu, precision);
            }

            return new ReportedRun(model, compute, mfu);
        }

        private TimeSpan Duration(Accelerator gpu, Precision precision)
            => Training.Duration(DeepSeekCompute, DeepSeekGpus, gpu.Peak(precision));
    }

    /// <summary>One reading of the GPT-4-on-H800 scenario (docs/seed-figures.md).</summary>
    public sealed record Gpt4Reading(string Label, Parameters ActiveParameters, Flops Compute, TimeSpan Duration, GpuHours Hours, Money Cost, int GpusFor54Days, bool MoreLikely);

    /// <summary>A model's published run and the utilization our 6·N·D implies.</summary>
    public sealed record ReportedRun(ModelSpec Model, Flops? Compute, double? Mfu);
}
