using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using HardwareCatalog;
using HardwareCatalog.Estimation;
using HardwareCatalog.Planning;
using HardwareCatalog.Units;

namespace TrainingCost
{
    /// <summary>Turns <see cref="Figures"/> into the report's tables.</summary>
    public static class TrainingCostReport
    {
        private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

        public static IReadOnlyList<Table> Build(Figures f) => new[]
        {
            DeepSeekV3(f),
            Gpt4OnH800(f),
            Gpt4OnA100(f),
            ReportedRuns(f),
            KvCachePerToken(),
            GpusToHoldDeepSeekV3(),
            Precisions(f),
            PeakMeasuredUsable(),
            Plans(),
            Search(),
            Serving(),
        };

        private static Table DeepSeekV3(Figures f)
        {
            Accelerator gpu = Models.DeepSeekV3.Training.Gpu;
            Parameters active = Models.DeepSeekV3.ActiveParameters;
            var rows = new List<Cell[]>
            {
                Row("GPU-hours per trillion tokens (seed)", Hours(Figures.SeedDeepSeekHoursPerTrillionTokens), "seed input"),
                Row("Training tokens", Cell.Quantity(f.DeepSeekTokens.ToString(), f.DeepSeekTokens.Count, "tokens"), "catalog"),
                Row("Pre-training GPU-hours", Hours(f.DeepSeekPretrainingHours), Hours(f.DeepSeekPretrainingHours).Shown("180K x 14.8")),
                Row($"{gpu.Name} GPUs", Count(f.DeepSeekGpus, "GPUs"), "catalog"),
                Row("Wall clock", Seconds($"{f.DeepSeekWallClock.TotalHours:N0} h = {f.DeepSeekWallClock.TotalDays:N1} days", f.DeepSeekWallClock), "hours / GPUs"),
                Row("Compute 8*T*P, P = active", Flop(f.DeepSeekCompute), Cell.Quantity($"P = {active}", active.Count, "parameters")),
                Row("X = 8TP / (N*t), t = 54 days", Rate(f.DeepSeekThroughput), "per GPU"),
                Row("X with t = the exact hours", Rate(f.DeepSeekThroughputExactHours), Seconds($"t = {f.DeepSeekWallClock.TotalHours:N0} h", f.DeepSeekWallClock)),
                Row("MFU vs dense FP8 peak", Percent(f.DeepSeekMfuFp8), Rate(gpu.Peak(Precision.Fp8))),
                Row("MFU vs dense BF16 peak", Percent(f.DeepSeekMfuBf16), Rate(gpu.Peak(Precision.Bf16))),
                Row("Cost of pre-training at $2/GPU-h", Usd(f.DeepSeekPretrainingCost, "0.000"), Hours(f.DeepSeekPretrainingHours)),
                Row("Cost of the full run at $2/GPU-h", Usd(f.DeepSeekReportedCost, "0.000"), Hours(f.DeepSeekReportedHours).Append(" reported")),
            };

            return new Table("deepseek-v3", "DeepSeek-V3 pre-training", new[] { "Quantity", "Value", "From" }, rows,
                new[]
                {
                    "The seed rounds 1,301 h to 54 days; X at 54 days is the figure the seed quotes (~458 TFLOP/s).",
                    "2.788M GPU-hours is the whole run (pre-training, context extension, post-training).",
                    "Where each seed figure comes from, and the arithmetic behind it: docs/seed-figures.md.",
                })
            { RightAligned = new[] { false, true, false } };
        }

        private static Table Gpt4OnH800(Figures f)
        {
            var rows = f.Gpt4Readings.Select(r => (IReadOnlyList<Cell>)new[]
            {
                r.Label + (r.MoreLikely ? " *" : ""),
                Seconds($"{r.Duration.TotalDays:N0}", r.Duration),
                Hours(r.Hours),
                Usd(r.Cost, "0.00"),
                Count(r.GpusFor54Days, "GPUs"),
            }).ToList();
            rows.Add(new[]
            {
                "seed's figures (P = 111B)",
                Seconds(Figures.SeedGpt4DaysOnH800.ToString("N0", Invariant), TimeSpan.FromDays(Figures.SeedGpt4DaysOnH800)),
                Hours(Figures.SeedGpt4H800Hours),
                Usd(Figures.SeedGpt4H800Cost, "0.00"),
                Count(Figures.SeedGpt4GpusFor54Days, "GPUs").Prepend("~"),
            });

            return new Table("gpt4-h800", $"{Models.Gpt4} on {Figures.SeedGpt4H800Gpus:N0} H800 at X = {Rate(f.DeepSeekThroughput).Text}, 13T tokens, 8*T*P",
                new[] { "Reading", "Days", "GPU-h", "$2/GPU-h", "GPUs for 54 d" }, rows,
                new[]
                {
                    "GPT-4's sizes are rumours (estimated: true in the catalog); the scenario is the seeds'.",
                    "* the more likely reading: each token passes two of 16 experts plus the shared attention layers.",
                    "GPUs for 54 days is the least N that meets the deadline at X per GPU, assuming perfect scaling.",
                })
            { RightAligned = new[] { false, true, true, true, true } };
        }

        private static Table Gpt4OnA100(Figures f)
        {
            var rows = new[]
            {
                Row("Seed: GPU-hours", Hours(Figures.SeedGpt4A100Hours), Usd(f.Gpt4A100SeedHoursCost, "0.0").Shown($"x $1.3 = {f.Gpt4A100SeedHoursCost:0.0}")),
                Row("Seed: cost", Usd(Figures.SeedGpt4A100Cost, "0.0"),
                    Cell.Quantity("10x less than the hours imply", Figures.SeedGpt4A100Cost.Usd / f.Gpt4A100SeedHoursCost.Usd, Fraction)),
                Row("Consistent GPU-hours", Hours(f.Gpt4A100ConsistentHours), Hours(f.Gpt4A100ConsistentHours).Shown("$73.5M / $1.3")),
                Row($"On {f.Gpt4A100Gpus:N0} A100 (catalog)", Seconds($"{f.Gpt4A100WallClock.TotalDays:N1} days", f.Gpt4A100WallClock), "the leak says 90-100 days"),
                Row("Compute 6*N*D, N = 280B, D = 13T", Flop(f.Gpt4A100Compute), "estimated"),
                Row("Implied X per GPU", Rate(f.Gpt4A100Throughput), "compute / hours"),
                Row("MFU vs A100 dense FP16", Percent(f.Gpt4A100Mfu), Rate(Models.Gpt4.Training.Gpu.Peak(Precision.Fp16))),
            };

            return new Table("gpt4-a100", $"{Models.Gpt4} as trained on A100 FP16 at $1.3/GPU-h", new[] { "Quantity", "Value", "Check" }, rows,
                new[] { "The seed's 570,000K hours and $73.5M disagree tenfold; 56.5M hours is the figure both the cost and the leak's 90-100 days on 25,000 GPUs support." })
            { RightAligned = new[] { false, true, false } };
        }

        private static Table ReportedRuns(Figures f)
        {
            var rows = f.ReportedRuns.Select(r =>
            {
                TrainingRun? run = r.Model.Training;
                Parameters total = r.Model.TotalParameters, active = r.Model.ActiveParameters;
                return (IReadOnlyList<Cell>)new[]
                {
                    r.Model.Name,
                    Cell.Quantity(active == total ? total.ToString() : $"{total}/{active}", total.Count, "parameters").With("active", active.Count, "parameters"),
                    run?.Tokens is { } tokens ? Cell.Quantity(tokens.ToString(), tokens.Count, "tokens") : Cell.Missing("n/a", "tokens"),
                    r.Model.ContextWindow is { } context ? Cell.Quantity($"{context / 1024}K", context, "tokens") : Cell.Missing("n/a", "tokens"),
                    run?.Gpu?.Id ?? "n/a",
                    run?.GpuHours is { } hours ? Hours(hours) : Cell.Missing("n/a", "GPU-h"),
                    r.Compute is { } compute ? Flop(compute) : Cell.Missing("n/a", "FLOP"),
                    r.Mfu is { } mfu ? Percent(mfu).Append(" " + run!.Precision!.Value.DisplayName()) : Cell.Missing("n/a", Fraction),
                };
            }).ToList();

            return new Table("reported-runs", "Reported training runs and the MFU our 6*N*D implies",
                new[] { "Model", "Params", "Tokens", "Context", "GPU", "GPU-h", "6ND FLOP", "MFU" }, rows,
                new[]
                {
                    "MFU = 6*N*D / (GPU-hours x dense peak of the run's precision); N = active parameters for MoE.",
                    "n/a: the paper does not publish it (DeepSeek 67B/V2 give only GPU-hours per trillion tokens).",
                    "DeepSeek-V3's 2.788M GPU-hours include context extension and post-training, which lowers its MFU here.",
                })
            { RightAligned = new[] { false, true, true, true, false, true, true, true } };
        }

        /// <summary>The context of the KV-cache table's last column: 32K tokens, 32 x 1,024.</summary>
        public const int ContextTokens = 32 * 1024;

        private static Table KvCachePerToken()
        {
            ModelSpec llama2 = Models.Llama2_7B, llama3 = Models.Llama3_70B, v3 = Models.DeepSeekV3;
            AttentionSpec llama3Attention = llama3.Attention!;
            AttentionSpec v3Attention = v3.Attention!;
            DataSize mla = KvCache.BytesPerToken(v3, Precision.Bf16);
            DataSize v3AsMha = KvCache.BytesPerToken(v3.Layers!.Value, AttentionSpec.Mha(v3Attention.Heads, v3Attention.HeadDim), Precision.Bf16);
            var cases = new (string Name, string Attention, DataSize PerToken)[]
            {
                (llama2.Name, $"MHA, {llama2.Attention!.KvHeads} KV heads", KvCache.BytesPerToken(llama2, Precision.Bf16)),
                (llama3.Name, $"GQA, {llama3Attention.KvHeads} KV heads", KvCache.BytesPerToken(llama3, Precision.Bf16)),
                (llama3.Name + " if MQA", "MQA, 1 KV head", KvCache.BytesPerToken(llama3.Layers!.Value, new AttentionSpec(AttentionKind.Mqa, llama3Attention.Heads, llama3Attention.HeadDim), Precision.Bf16)),
                (v3.Name, $"MLA, {v3Attention.KvLoraRank}+{v3Attention.RopeHeadDim} latent", mla),
                (v3.Name + " if MHA", $"MHA, {v3Attention.Heads} KV heads", v3AsMha),
            };

            // One unit per column: DataSize.ToString alone would print 512 KiB beside 70.272 KB.
            BinarySizeColumn perToken = BinarySizeColumn.For(cases.Select(c => c.PerToken), decimals: 3);
            BinarySizeColumn context = BinarySizeColumn.For(cases.Select(c => c.PerToken * ContextTokens), decimals: 2);
            var rows = cases.Select(c => (IReadOnlyList<Cell>)new[]
            {
                c.Name, c.Attention, Count(c.PerToken.Bytes, "B"), perToken.ToCell(c.PerToken), context.ToCell(c.PerToken * ContextTokens),
            }).ToList();

            return new Table("kv-cache", "KV cache per token in BF16", new[] { "Model", "Attention", "Bytes", "Per token", "32K context" }, rows,
                new[]
                {
                    "MHA/GQA/MQA: 2 x layers x KV heads x head dim x 2 bytes; MLA: layers x (kvLoraRank + ropeHeadDim) x 2 bytes.",
                    $"MLA caches {v3AsMha / mla:N1}x less than MHA would for DeepSeek-V3. The 'if' rows are hypothetical shapes.",
                })
            { RightAligned = new[] { false, false, true, true, true } };
        }

        // The seeds' question answered as the seeds asked it (weights over each GPU's memory); the "serving" table answers
        // it with ServingPlan, against usable memory and with the KV cache and workspace.
#pragma warning disable CS0618
        private static Table GpusToHoldDeepSeekV3()
        {
            ModelSpec v3 = Models.DeepSeekV3;
            Accelerator[] gpus = { Gpus.H100Sxm, Gpus.H200Sxm, Gpus.B200 };
            BinarySizeColumn memory = BinarySizeColumn.For(gpus.Select(g => g.Memory!.Value), decimals: 1);
            var rows = gpus.Select(g => (IReadOnlyList<Cell>)new[]
            {
                g.Name, memory.ToCell(g.Memory!.Value), Count(Inference.GpusToHold(v3, g, Precision.Fp8), "GPUs"), Count(Inference.GpusToHold(v3, g, Precision.Bf16), "GPUs"),
            }).ToList();

            return new Table("hold-v3", $"GPUs that hold {v3.Name}'s weights ({v3.TotalParameters} parameters)",
                new[] { "GPU", "Memory", "FP8", "BF16" }, rows,
                new[] { $"Weights: {Memory.Weights(v3, Precision.Fp8)} in FP8, {Memory.Weights(v3, Precision.Bf16)} in BF16; no room left for KV cache or activations." })
            { RightAligned = new[] { false, true, true, true } };
        }
#pragma warning restore CS0618

        private static Table Precisions(Figures f)
        {
            Accelerator[] gpus = { Gpus.A100Sxm80GB, Gpus.H100Sxm, Gpus.H800Sxm, Gpus.B200, Gpus.GB200 };
            Precision[] precisions = { Precision.Bf16, Precision.Fp8, Precision.Fp6, Precision.Fp4 };
            var rows = gpus.Select(g => (IReadOnlyList<Cell>)new Cell[] { g.Id }
                .Concat(precisions.Select(p => g.Supports(p) ? Tera(g.Peak(p)) : Cell.Missing("not supported", "FLOP/s")))
                .ToArray()).ToList();

            return new Table("precisions", "Dense peaks by precision in TFLOP/s (Supports, then Peak)", new[] { "GPU", "BF16", "FP8", "FP6", "FP4" }, rows,
                new[]
                {
                    $"FP8 runs DeepSeek-V3's compute {f.FpEightSpeedup:0.0}x faster than BF16 at the H800's dense peaks.",
                    "FP8 needs Hopper or newer; FP6 and FP4 need Blackwell: on H100, Supports(Precision.Fp4) is false.",
                })
            { RightAligned = new[] { false, true, true, true, true } };
        }

        /// <summary>What the vendor prints beside what a program gets: for every GPU with a measured rate or a usable memory figure.</summary>
        private static Table PeakMeasuredUsable()
        {
            Accelerator[] gpus = Gpus.All.Where(g => g.UsableMemory is not null || g.MeasuredPrecisions.Count > 0).ToArray();
            // One binary unit per column: vendors' "GB" are GiB for some parts and 10^9 bytes for others (docs/dsl.md).
            BinarySizeColumn memory = BinarySizeColumn.For(gpus.Select(g => g.Memory).Concat(gpus.Select(g => g.UsableMemory)).OfType<DataSize>(), decimals: 1);
            var rows = new List<IReadOnlyList<Cell>>();
            foreach (Accelerator gpu in gpus)
            {
                Precision precision = gpu.MeasuredPrecisions.Contains(Precision.Bf16) || gpu.MeasuredPrecisions.Count == 0 ? Precision.Bf16 : gpu.MeasuredPrecisions[0];
                Achieved<FlopRate>? measured = gpu.MeasuredMatmul(precision);
                bool hasPeak = gpu.TryGetPeak(precision, out FlopRate peak);
                rows.Add(new[]
                {
                    gpu.Id,
                    Marked(gpu, "memory", gpu.Memory is { } size ? memory.ToCell(size) : Cell.Missing("n/a", "B")),
                    Marked(gpu, "usableMemory", gpu.UsableMemory is { } usable ? memory.ToCell(usable) : Cell.Missing("n/a", "B")),
                    gpu.Memory is { } total && gpu.UsableMemory is { } part ? Percent(part.Bytes / total.Bytes) : Cell.Missing("n/a", Fraction),
                    precision.DisplayName(),
                    hasPeak ? Marked(gpu, "dense." + precision.CatalogKey(), Tera(peak)) : Cell.Missing("n/a", "FLOP/s"),
                    measured is { } rate ? Tera(rate.Value) : Cell.Missing("n/a", "FLOP/s"),
                    measured is { } achieved && hasPeak ? Percent(achieved.Value / peak) : Cell.Missing("n/a", Fraction),
                });
            }

            return new Table("peak-measured-usable", "Peak vs measured matmul throughput, marketing vs usable memory",
                new[] { "GPU", "Memory", "Usable", "Usable %", "Prec.", "Peak TFLOP/s", "Measured", "Of peak" }, rows,
                new[]
                {
                    "Memory and the dense peak are the vendor's; usable is what the driver reports; measured is a published maximum achievable matmul rate.",
                    "† marks a value from a secondary source (press, reseller, third-party database).",
                    "Of peak divides by the catalog's datasheet peak; the book's own column divides by its theory figures, 1300 for the MI300X (51.4%) and 1677 for Gaudi 3 at its shipping 1600 MHz clock (74.1%), not the white papers' 1307.4 and 1835.",
                    "Plans compare against usable memory and take time from measured (achieved) rates, never the peak.",
                })
            { RightAligned = new[] { false, true, true, true, false, true, true, true } };
        }

        /// <summary>The two published layouts through the planning model: memory, fit, modelled step and the MFU each report implies.</summary>
        private static Table Plans()
        {
            PublishedPlan[] plans = { PublishedPlan.DeepSeekV3(), PublishedPlan.Llama31_405B() };
            var rows = plans.Select(p => (IReadOnlyList<Cell>)new[]
            {
                p.Name,
                Cell.Quantity($"{p.Settings.Layout.GpuCount:N0} x {p.System.Gpu.Id}", p.Settings.Layout.GpuCount, "GPUs"),
                Bytes($"{p.Memory.Total.Bytes / (1 << 30):N1} GiB (s{p.Memory.Stage})", p.Memory.Total),
                Cell.Quantity((p.Fit.Fits ? $"+{p.Fit.Headroom.Bytes / (1 << 30):N1} GiB" : $"-{p.Fit.Overflow.Bytes / (1 << 30):N1} GiB") + (p.Fit.AgainstNominalMemory ? " nominal" : " usable"),
                    p.Fit.Fits ? p.Fit.Headroom.Bytes : -p.Fit.Overflow.Bytes, "B"),
                Seconds($"{p.Step.Total.TotalSeconds:N1} s", p.Step.Total),
                Percent(p.ModelledMfu),
                Percent(p.ReportedMfu).Append(" " + p.PeakPrecision.DisplayName()),
            }).ToList();

            return new Table("plans", "Published training layouts as plans: memory per GPU, the modelled step, the MFU each report implies",
                new[] { "Plan", "GPUs", "Peak memory", "Fit", "Step", "MFU", "Reported MFU" }, rows,
                new[]
                {
                    $"Layouts: {plans[0].Name}, {plans[0].Settings.Layout}; {plans[1].Name}, {plans[1].Settings.Layout} (sources and assumptions: docs/planning.md).",
                    "Peak memory: the most loaded pipeline stage (s0 is the first); Fit: what is left of the usable memory, or of the nominal memory when no usable figure is published (the H800).",
                    $"Step and MFU are modelled: compute at a measured matmul rate ({plans[0].RateNote}; {plans[1].RateNote}), the pipeline bubble, and communication over the system's fabrics at their catalog figures, data parallelism overlapped, the rest not.",
                    $"Reported MFU: each report's throughput ({plans[0].ReportedFrom}: {plans[0].ReportedTokensPerSecondPerGpu:N0} tokens/s per GPU; {plans[1].ReportedFrom}) times this library's model FLOPs per token, over the dense peak; Llama 3's row is 400 / 989.4 by construction.",
                })
            { RightAligned = new[] { false, true, true, true, true, true, true } };
        }

        /// <summary>The layout search for a dense 70B model on 1,024 H100: the fastest plans that fit, with what a 15T-token run would take.</summary>
        private static Table Search()
        {
            TrainingSearchResult result = TrainingSearch.Run(SearchSpace.Llama70BOn1024H100(), top: 50);
            Tokens budget = Tokens.FromTrillions(15);

            // One row per layout and micro-batch: the search also ranks the ZeRO stages and recomputations of each.
            var rows = result.Best.GroupBy(p => (p.Settings.Layout, p.Settings.MicroBatch)).Select(g => g.First()).Take(5).Select(p =>
            {
                StepTimeBreakdown step = p.Step!;
                TrainingSettings s = p.Settings;
                double days = step.TimeFor(budget).TotalDays;
                double dollars = step.CostFor(budget, GpuHourPrice.Usd(SearchSpace.DollarsPerGpuHour)).Usd;
                return (IReadOnlyList<Cell>)new[]
                {
                    s.Layout.ToString(),
                    Count(s.MicroBatch, "sequences"),
                    s.Recomputation.ToString().ToLowerInvariant(),
                    Count((int)s.Zero, "ZeRO stage"),
                    Bytes($"{p.Memory.Total.Bytes / (1 << 30):N1} GiB", p.Memory.Total),
                    Seconds($"{step.Total.TotalSeconds:N2} s", step.Total),
                    Percent(step.Mfu(p.System.Gpu.Peak(Precision.Bf16))),
                    Seconds($"{days:N0} d, ${dollars / 1e6:N1}M", step.TimeFor(budget)).With("cost", dollars, "USD"),
                };
            }).ToList();

            return new Table("search", "The fastest plans a search finds: Llama 3.1 70B on 1,024 H100, 8K sequences, 1,024 per step",
                new[] { "Layout", "b", "Recompute", "ZeRO", "Peak memory", "Step", "MFU", "15T tokens" }, rows,
                new[]
                {
                    $"{result.Evaluated:N0} legal plans evaluated (memory of every pipeline stage; step time of the {result.Fitting:N0} that fit in 79.6 GiB usable); the fastest plan of each layout, and of two as fast the one with less memory.",
                    "The MFU is an upper bound: every FLOP runs at the measured matmul rate, and the model counts no framework workspace or fragmentation (docs/planning.md).",
                    "BF16 mixed precision (18 bytes per parameter); compute at the H100 SXM's measured BF16 matmul rate; DGX H100 fabrics at their catalog figures.",
                    $"15T tokens: Llama 3's pre-training budget, at the modelled step; dollars at ${SearchSpace.DollarsPerGpuHour:N0} per GPU-hour.",
                    "MFU counts the model's FLOPs without recomputation against the dense BF16 peak (989.4 TFLOP/s); docs/planning.md, \"Search\".",
                })
            { RightAligned = new[] { false, true, false, true, true, true, true, true } };
        }

        /// <summary>Serving plans: fit, capacity at 8K, time to first token, time per output token, throughput and cost.</summary>
        private static Table Serving()
        {
            var rows = ServingPlans.All().Select(r =>
            {
                ServingPlan p = r.Plan;
                ServingMemory memory = p.Memory;
                bool fits = memory.Fits && r.MaxConcurrencyAt8K > 0;
                ServingDecode decode = p.Decode!;
                double? dollars = p.CostPerMillionOutputTokens(GpuHourPrice.Usd(ServingPlans.DollarsPerGpuHour))?.Usd;
                return (IReadOnlyList<Cell>)new[]
                {
                    r.Name,
                    Bytes(fits ? $"+{memory.Left.Bytes / (1 << 30):N1} GiB" : $"-{-memory.Left.Bytes / (1 << 30):N1} GiB", memory.Left),
                    Count(r.MaxConcurrencyAt8K, "sequences"),
                    fits ? Count(p.Workload.Concurrency, "sequences") : Cell.Missing("-", "sequences"),
                    fits ? Seconds($"{p.TimeToFirstToken!.Value.TotalSeconds:N2} s", p.TimeToFirstToken!.Value) : Cell.Missing("-", "s"),
                    fits ? Seconds($"{decode.TimePerOutputToken.TotalMilliseconds:N1} ms", decode.TimePerOutputToken) : Cell.Missing("-", "s"),
                    fits ? Count(decode.OutputTokensPerSecond, "tokens/s") : Cell.Missing("-", "tokens/s"),
                    fits ? Cell.Quantity($"{dollars!.Value:N2}", dollars.Value, PerMillionOutputTokens) : Cell.Missing("-", PerMillionOutputTokens),
                };
            }).ToList();

            return new Table("serving", "Serving plans: fit, sequences at 8K, first token, each next token, throughput and cost (bounds)",
                new[] { "Plan", "Left", "Max @8K", "Seqs", "TTFT", "TPOT", "Tokens/s", "$/M out" }, rows,
                new[]
                {
                    $"Requests of {ServingPlans.InputTokens:N0} input and {ServingPlans.OutputTokens:N0} output tokens; Seqs: sequences in flight, the most that fit at 8K up to {ServingPlans.MaxRowConcurrency} (DeepSeek's disclosed layout: its 88 per GPU).",
                    "Left: usable memory after weights, workspace and the KV cache of Seqs (\"-\": the weights alone do not fit). KV cache in BF16 for DeepSeek-V3 and BF16 weights, FP8 otherwise.",
                    "Bounds, not predictions: compute at the measured matmul rate (H800: the H100 SXM's), memory at the datasheet's peak bandwidth, communication without latency, no batching or scheduling losses.",
                    "TTFT: one prompt in an idle replica; TPOT and Tokens/s: one decode step of all Seqs, every routed expert the batch reaches read once (docs/serving.md).",
                    $"$/M out: ${ServingPlans.DollarsPerGpuHour:N0} per GPU-hour over the plan's output tokens per hour.",
                })
            { RightAligned = new[] { false, true, true, true, true, true, true, true } };
        }

        /// <summary>The unit of a ratio, written as a fraction (0.232, printed 23.2%).</summary>
        public const string Fraction = "fraction";

        /// <summary>The unit of the serving table's cost column: US dollars per million output tokens, as printed.</summary>
        public const string PerMillionOutputTokens = "USD/1M tokens";

        private static Cell Marked(Accelerator gpu, string key, Cell cell) => gpu.IsSecondary(key) ? cell.Append(" †") : cell;

        private static Cell[] Row(params Cell[] cells) => cells;

        private static string N(double value) => value.ToString("N0", Invariant);

        private static Cell Count(double value, string unit) => Cell.Quantity(N(value), value, unit);

        private static Cell Hours(GpuHours hours) => Cell.Quantity($"{hours.Hours / 1000:N0}K", hours.Hours, "GPU-h");

        private static Cell Rate(FlopRate rate) => Cell.Quantity(rate.ToString("0.0"), rate.FlopsPerSecond, "FLOP/s");

        /// <summary>A rate printed in TFLOP/s without the unit, as the tables whose header names it print it.</summary>
        private static Cell Tera(FlopRate rate) => Cell.Quantity(rate.TeraFlopsPerSecond.ToString("N1", Invariant), rate.FlopsPerSecond, "FLOP/s");

        private static Cell Flop(Flops flops) => Cell.Quantity(flops.ToString("0.00E+00"), flops.Count, "FLOP");

        private static Cell Usd(Money money, string format) => Cell.Quantity(money.ToString(format), money.Usd, "USD");

        private static Cell Seconds(string text, TimeSpan time) => Cell.Quantity(text, time.TotalSeconds, "s");

        private static Cell Bytes(string text, DataSize size) => Cell.Quantity(text, size.Bytes, "B");

        private static Cell Percent(double fraction) => Cell.Quantity((fraction * 100).ToString("0.0", Invariant) + "%", fraction, Fraction);
    }
}
