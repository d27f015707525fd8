using System;
using HardwareCatalog.Units;

namespace HardwareCatalog.Planning
{
    /// <summary>
    /// The networks a training step communicates over, at the rates the plan assumes: the scale-up fabric inside a
    /// domain and the scale-out network between domains, each an achieved rate per direction (never silently a peak).
    /// </summary>
    public sealed class TrainingNetwork
    {
        /// <summary>Creates the description; <paramref name="scaleOut"/> is the scale-up rate again when the system has one domain.</summary>
        public TrainingNetwork(Achieved<Bandwidth> scaleUp, Achieved<Bandwidth> scaleOut, int scaleUpDomain)
        {
            if (!(scaleUp.Value.BytesPerSecond > 0)) throw new ArgumentOutOfRangeException(nameof(scaleUp), scaleUp, "A bandwidth is positive.");
            if (!(scaleOut.Value.BytesPerSecond > 0)) throw new ArgumentOutOfRangeException(nameof(scaleOut), scaleOut, "A bandwidth is positive.");
            if (scaleUpDomain <= 0) throw new ArgumentOutOfRangeException(nameof(scaleUpDomain), scaleUpDomain, "A domain holds at least one GPU.");
            ScaleUp = scaleUp;
            ScaleOut = scaleOut;
            ScaleUpDomain = scaleUpDomain;
        }

        /// <summary>A system's fabrics at <paramref name="efficiency"/> of their per-direction bandwidth (a system without a scale-out network is one domain).</summary>
        public static TrainingNetwork Of(AcceleratorSystem system, double efficiency)
        {
            if (system is null) throw new ArgumentNullException(nameof(system));
            Achieved<Bandwidth> scaleUp = Achieved.FromEfficiency(system.ScaleUp.BandwidthPerDirection, efficiency);
            Achieved<Bandwidth> scaleOut = system.ScaleOut is { } network ? Achieved.FromEfficiency(network.BandwidthPerDirection, efficiency) : scaleUp;
            return new TrainingNetwork(scaleUp, scaleOut, system.ScaleUpDomain);
        }

        /// <summary>The per-direction rate inside a scale-up domain.</summary>
        public Achieved<Bandwidth> ScaleUp { get; }

        /// <summary>The per-direction rate between domains.</summary>
        public Achieved<Bandwidth> ScaleOut { get; }

        /// <summary>GPUs in one scale-up domain.</summary>
        public int ScaleUpDomain { get; }

        /// <summary>The rate of a group of GPUs that spans <paramref name="span"/> consecutive ranks: scale-up when it fits in a domain.</summary>
        internal Achieved<Bandwidth> For(int span) => span <= ScaleUpDomain ? ScaleUp : ScaleOut;
    }

    /// <summary>One training step's time, term by term; <see cref="Total"/> is their sum with the overlap the estimate assumed.</summary>
    public sealed class StepTimeBreakdown
    {
        internal StepTimeBreakdown(TimeSpan compute, TimeSpan bubble, TimeSpan tensor, TimeSpan expert, TimeSpan pipeline, TimeSpan data, TimeSpan dataExposed,
            Flops hardwareFlops, Flops modelFlops, int gpus, double tokensPerStep)
        {
            Compute = compute;
            PipelineBubble = bubble;
            TensorParallel = tensor;
            ExpertParallel = expert;
            PipelineTransfers = pipeline;
            DataParallel = data;
            DataParallelExposed = dataExposed;
            HardwareFlops = hardwareFlops;
            ModelFlops = modelFlops;
            Gpus = gpus;
            TokensPerStep = tokensPerStep;
        }

        /// <summary>The step's FLOPs (recomputation included) over every GPU at the achieved rate.</summary>
        public TimeSpan Compute { get; }

        /// <summary>The pipeline's idle time: (p−1)/(v·m) of <see cref="Compute"/>.</summary>
        public TimeSpan PipelineBubble { get; }

        /// <summary>Tensor-parallel all-reduces (or reduce-scatter/all-gather pairs with sequence parallelism), not overlapped.</summary>
        public TimeSpan TensorParallel { get; }

        /// <summary>Expert-parallel all-to-alls (dispatch and combine), not overlapped.</summary>
        public TimeSpan ExpertParallel { get; }

        /// <summary>Pipeline sends of activations and their gradients, not overlapped.</summary>
        public TimeSpan PipelineTransfers { get; }

        /// <summary>The data-parallel gradient reduction (and ZeRO-3's parameter gathers), whether or not it is hidden.</summary>
        public TimeSpan DataParallel { get; }

        /// <summary>The part of <see cref="DataParallel"/> that the step waits for.</summary>
        public TimeSpan DataParallelExposed { get; }

        /// <summary>Compute, bubble, exposed communication.</summary>
        public TimeSpan Total => Compute + PipelineBubble + TensorParallel + ExpertParallel + PipelineTransfers + DataParallelExposed;

        /// <summary>FLOPs the GPUs execute in a step, recomputation included.</summary>
        public Flops HardwareFlops { get; }

        /// <summary>FLOPs of the model in a step, without recomputation: what MFU counts.</summary>
        public Flops ModelFlops { get; }

        /// <summary>GPUs of the run.</summary>
        public int Gpus { get; }

        /// <summary>Tokens one step trains on.</summary>
        public double TokensPerStep { get; }

        /// <summary>Tokens per second of the whole run.</summary>
        public double TokensPerSecond => TokensPerStep / Total.TotalSeconds;

        /// <summary>Model FLOPs utilization against <paramref name="densePeak"/> per GPU (Chowdhery et al. 2022, PaLM, appendix B).</summary>
        public double Mfu([DenseThroughput] FlopRate densePeak) => ModelFlops.Count / (Gpus * Total.TotalSeconds * densePeak.FlopsPerSecond);

        /// <summary>The time to train on <paramref name="tokens"/> at this step time.</summary>
        public TimeSpan TimeFor(Tokens tokens) => QuantityText.ToTimeSpan(tokens.Count / TokensPerSecond);
    }

    /// <summary>
    /// The time of one training step from the model's shape, the settings, an achieved compute rate and the network
    /// (Narayanan et al. 2021; formulas, sources and limits: docs/planning.md, "Step time").
    /// </summary>
    public static class StepTime
    {
        /// <summary>Estimates one step.</summary>
        /// <param name="model">The model, with its full shape.</param>
        /// <param name="settings">The layout, batch, recipe, ZeRO stage and recomputation.</param>
        /// <param name="perGpu">What a GPU achieves on this model's matmuls: a measured rate, or an explicit share of the peak.</param>
        /// <param name="network">The scale-up and scale-out rates the plan assumes.</param>
        /// <param name="overlapDataParallel">Whether the gradient reduction runs under the backward pass (only what exceeds the compute time is exposed).</param>
        /// <exception cref="InvalidOperationException">The catalog does not give the model's full shape.</exception>
        public static StepTimeBreakdown Estimate(ModelSpec model, TrainingSettings settings, Achieved<FlopRate> perGpu, TrainingNetwork network, bool overlapDataParallel = true)
        {
            if (model is null) throw new ArgumentNullException(nameof(model));
            if (settings is null) throw new ArgumentNullException(nameof(settings));
            if (network is null) throw new ArgumentNullException(nameof(network));
            if (!(perGpu.Value.FlopsPerSecond > 0)) throw new ArgumentOutOfRangeException(nameof(perGpu), perGpu, "An achieved rate is positive.");

            ParallelLayout layout = settings.Layout;
            int t = layout.Tensor, p = layout.Pipeline, v = layout.VirtualStages, d = layout.Data, e = layout.Expert;
            int gpus = layout.GpuCount, m = settings.MicroBatchesPerStep;
            if (m <= 0) throw new ArgumentException("The global batch holds fewer sequences than one micro-batch per data-parallel rank.", nameof(settings));
            int b = settings.MicroBatch, s = settings.SequenceLength, layers = model.Layers!.Value, h = model.HiddenSize!.Value;

            Flops hardware = Planning.ModelFlops.TrainingPerStep(model, settings.GlobalBatch, s, settings.Recomputation);
            Flops modelFlops = Planning.ModelFlops.TrainingPerStep(model, settings.GlobalBatch, s, ActivationRecomputation.None);
            double compute = hardware.Count / (gpus * perGpu.Value.FlopsPerSecond);

            // Narayanan et al. 2021, section 2.2: the bubble is (p−1)/m of the ideal time, (p−1)/(v·m) interleaved.
            double bubble = compute * (p - 1) / ((double)v * m);

            double activationBytes = settings.Recipe.Activations.BytesPerElement();
            DataSize layerActivation = DataSize.FromBytes((double)b * s * h * activationBytes);
            double layersPerStage = (double)layers / p;

            // Megatron's f and g (Shoeybi et al. 2019, figure 3): two all-reduces in the forward pass and two in the backward
            // pass per layer and micro-batch; a full recomputation repeats the forward pair.
            double tensor = 0;
            if (t > 1)
            {
                int perLayer = settings.Recomputation == ActivationRecomputation.Full ? 6 : 4;
                tensor = Collectives.Seconds(Collective.AllReduce, layerActivation, t, network.For(t)) * perLayer * layersPerStage * m;
            }

            // Expert parallelism: each MoE layer dispatches every token to its active experts and combines them back, in the
            // forward and the backward pass: four all-to-alls of b·s·k hidden vectors per micro-batch.
            double expert = 0;
            if (e > 1 && model.Moe is { } moe)
            {
                DataSize routed = DataSize.FromBytes((double)b * s * moe.ActiveExperts * h * activationBytes);
                double moeLayersPerStage = (double)moe.MoeLayerCount(layers) / p;
                expert = Collectives.Seconds(Collective.AllToAll, routed, e, network.For(e * t)) * 4 * moeLayersPerStage * m;
            }

            // Pipeline: each micro-batch's activations go forward and their gradients back across each of a GPU's v chunk
            // boundaries.
            double pipeline = 0;
            if (p > 1)
            {
                pipeline = Collectives.Seconds(Collective.PointToPoint, layerActivation, 2, network.For(t * p)) * 2.0 * v * m;
            }

            // Data parallelism: the gradients of a GPU's share of the parameters, all-reduced over d (ZeRO stages 1 and 2 move
            // the same bytes as a reduce-scatter plus an all-gather; stage 3 gathers the parameters once more: 1.5x,
            // Rajbhandari et al. 2020, section 7).
            double data = 0;
            if (d > 1)
            {
                DataSize gradients = DataSize.FromBytes(ParametersPerGpu(model, layout) * settings.Recipe.State.GradientBytes);
                data = Collectives.Seconds(Collective.AllReduce, gradients, d, network.For(gpus));
                if (settings.Zero == ZeroStage.Parameters) data *= 1.5;
            }

            double exposed = overlapDataParallel ? Math.Max(0, data - compute) : data;
            return new StepTimeBreakdown(
                QuantityText.ToTimeSpan(compute), QuantityText.ToTimeSpan(bubble), QuantityText.ToTimeSpan(tensor), QuantityText.ToTimeSpan(expert),
                QuantityText.ToTimeSpan(pipeline), QuantityText.ToTimeSpan(data), QuantityText.ToTimeSpan(exposed), hardware, modelFlops, gpus, (double)settings.GlobalBatch * s);
        }

        /// <summary>The parameters a GPU holds: the dense ones split over t·p, the routed experts over t·p·e.</summary>
        private static double ParametersPerGpu(ModelSpec model, ParallelLayout layout)
        {
            double total = model.DerivedParameters!.Value.Count;
            double experts = 0;
            if (model.Moe is { ExpertFfnHiddenSize: int width } moe && model.IsGated is bool gated)
            {
                experts = (double)moe.MoeLayerCount(model.Layers!.Value) * moe.RoutedExperts * (gated ? 3 : 2) * model.HiddenSize!.Value * width;
            }

            double modelParallel = (double)layout.Tensor * layout.Pipeline;
            return (total - experts) / modelParallel + experts / (modelParallel * layout.Expert);
        }
    }
}
