using HardwareCatalog;
using HardwareCatalog.Planning;
using HardwareCatalog.Units;

namespace TrainingCost
{
    /// <summary>
    /// The two published training layouts the plans are checked against, evaluated with the planning model: memory per
    /// GPU against what the GPU offers, the modelled step, and the MFU that each report's own throughput implies. The
    /// settings and their sources are docs/planning.md's ("Memory per GPU", "Step time").
    /// </summary>
    public sealed class PublishedPlan
    {
        private PublishedPlan(string name, ModelSpec model, AcceleratorSystem system, TrainingSettings settings, Achieved<FlopRate> perGpu, string rateNote,
            Precision peakPrecision, double reportedTokensPerSecondPerGpu, string reportedFrom)
        {
            Name = name;
            Model = model;
            System = system;
            Settings = settings;
            RateNote = rateNote;
            PeakPrecision = peakPrecision;
            Memory = TrainingMemoryModel.Peak(model, settings);
            Fit = MemoryFit.Of(Memory, system.Gpu);
            Step = StepTime.Estimate(model, settings, perGpu, TrainingNetwork.Of(system, 1.0));
            ReportedTokensPerSecondPerGpu = reportedTokensPerSecondPerGpu;
            ReportedFrom = reportedFrom;
            double modelFlopsPerToken = Step.ModelFlops.Count / Step.TokensPerStep;
            ReportedMfu = reportedTokensPerSecondPerGpu * modelFlopsPerToken / system.Gpu.Peak(peakPrecision).FlopsPerSecond;
        }

        public string Name { get; }
        public ModelSpec Model { get; }
        public AcceleratorSystem System { get; }
        public TrainingSettings Settings { get; }
        public TrainingMemory Memory { get; }
        public MemoryFit Fit { get; }
        public StepTimeBreakdown Step { get; }
        public string RateNote { get; }
        public Precision PeakPrecision { get; }

        /// <summary>Tokens per second per GPU as the report gives it, or as its figures imply.</summary>
        public double ReportedTokensPerSecondPerGpu { get; }
        public string ReportedFrom { get; }

        /// <summary>The MFU the reported throughput implies with this library's FLOPs model (no recomputation counted).</summary>
        public double ReportedMfu { get; }

        public double ModelledMfu => Step.Mfu(System.Gpu.Peak(PeakPrecision));

        /// <summary>DeepSeek-V3 on the HGX H800 cluster of its report (arXiv:2412.19437).</summary>
        public static PublishedPlan DeepSeekV3()
        {
            // Report section 3.2: PP 16, EP 64, ZeRO-1, no TP, 2,048 H800; section 4.2: 4K sequences, batch 15,360;
            // sections 3.2.3 and 3.3.3: what is recomputed and cached in FP8. Micro-batch 1 is assumed.
            var settings = new TrainingSettings(
                new ParallelLayout(pipeline: 16, data: 128, expert: 64), microBatch: 1, sequenceLength: 4096, globalBatch: 15360,
                PrecisionRecipe.Fp8DeepSeekV3, ZeroStage.OptimizerStates, ActivationRecomputation.Selective, activationStorage: ActivationStorage.DeepSeekV3);

            // No MAMF figure is published for the H800; it has the H100 SXM's compute (catalogs/gpus/h800-sxm.yaml), so the
            // H100 SXM's measured FP8 rate stands in, with that source.
            Achieved<FlopRate> fp8 = Gpus.H100Sxm.MeasuredMatmul(Precision.Fp8)!.Value;

            // Report section 1: 180K H800 GPU-hours per trillion tokens: 1e12 / (180,000 · 3,600) tokens per GPU-second.
            double reported = 1e12 / (180_000.0 * 3600);
            return new PublishedPlan("DeepSeek-V3", Models.DeepSeekV3, Systems.HgxH800, settings, fp8,
                "H100 SXM measured FP8 MAMF (no H800 figure published)", Precision.Fp8, reported, "180K GPU-h per 1T tokens");
        }

        /// <summary>Llama 3.1 405B on 16,384 H100 with the Llama 3 paper's layout (arXiv:2407.21783, section 3.3.2, table 4).</summary>
        public static PublishedPlan Llama31_405B()
        {
            // Table 4, the 8K phase: TP 8, CP 1, PP 16, DP 128, 16 sequences of 8,192 per DP rank; FSDP without re-sharding
            // after forward = ZeRO-2 at the peak. Micro-batch 1, v = 1, sequence parallelism and selective recomputation assumed.
            var settings = new TrainingSettings(
                new ParallelLayout(tensor: 8, pipeline: 16, data: 128, sequenceParallel: true), microBatch: 1, sequenceLength: 8192, globalBatch: 2048,
                PrecisionRecipe.Bf16Mixed, ZeroStage.Gradients, ActivationRecomputation.Selective);
            Achieved<FlopRate> bf16 = Gpus.H100Sxm.MeasuredMatmul(Precision.Bf16)!.Value;

            // Table 4: 400 TFLOPs per GPU; the paper counts them over its own FLOPs model, so tokens per second per GPU are
            // 400e12 over this library's model FLOPs per token (the MFU then equals 400 / 989.4 = 40.4% by construction).
            double modelFlopsPerToken = ModelFlops.TrainingPerToken(Models.Llama31_405B, 8192, ActivationRecomputation.None).Count;
            double reported = 400e12 / modelFlopsPerToken;
            return new PublishedPlan("Llama 3.1 405B", Models.Llama31_405B, Systems.DgxH100, settings, bf16,
                "H100 SXM measured BF16 MAMF", Precision.Bf16, reported, "400 TFLOPs/GPU (table 4)");
        }
    }
}

namespace TrainingCost
{
    /// <summary>The layout search the main job prints (docs/planning.md, "Search").</summary>
    public static class SearchSpace
    {
        /// <summary>The price the search table's cost column assumes.</summary>
        public const double DollarsPerGpuHour = 2;

        /// <summary>
        /// Llama 3.1 70B on 1,024 H100 (128 DGX H100), 8K sequences, 1,024 per step (8.4M tokens, between the Llama 3
        /// paper's 4M and 16M batch phases), BF16 mixed precision; the rate is the H100 SXM's measured BF16 matmul rate.
        /// </summary>
        public static TrainingSearchSpace Llama70BOn1024H100()
            => new(Models.Llama31_70B, Systems.DgxH100, 1024, 8192, 1024, PrecisionRecipe.Bf16Mixed);
    }
}
