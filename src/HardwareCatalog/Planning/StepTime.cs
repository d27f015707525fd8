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
        internal StepTimeBreakdown(in StepSeconds step, int gpus, double tokensPerStep)
        {
            Compute = QuantityText.ToTimeSpan(step.Compute);
            PipelineBubble = QuantityText.ToTimeSpan(step.Bubble);
            TensorParallel = QuantityText.ToTimeSpan(step.Tensor);
            ContextParallel = QuantityText.ToTimeSpan(step.Context);
            ExpertParallel = QuantityText.ToTimeSpan(step.Expert);
            PipelineTransfers = QuantityText.ToTimeSpan(step.Pipeline);
            DataParallel = QuantityText.ToTimeSpan(step.Data);
            DataParallelExposed = QuantityText.ToTimeSpan(step.DataExposed);
            HardwareFlops = Flops.FromCount(step.HardwareFlops);
            ModelFlops = Flops.FromCount(step.ModelFlops);
            Gpus = gpus;
            TokensPerStep = tokensPerStep;
            _totalSeconds = step.Total;
        }

        private readonly double _totalSeconds;

        /// <summary>The step's FLOPs (recomputation included) over every GPU at the achieved rate.</summary>
        public TimeSpan Compute { get; }

        /// <summary>The pipeline's idle time: (p−1)/(v·m) of <see cref="Compute"/>.</summary>
        public TimeSpan PipelineBubble { get; }

        /// <summary>Tensor-parallel all-reduces (or reduce-scatter/all-gather pairs with sequence parallelism), not overlapped.</summary>
        public TimeSpan TensorParallel { get; }

        /// <summary>Context-parallel key/value all-gathers and their gradients' reduce-scatters, not overlapped.</summary>
        public TimeSpan ContextParallel { get; }

        /// <summary>Expert-parallel all-to-alls (dispatch and combine), not overlapped.</summary>
        public TimeSpan ExpertParallel { get; }

        /// <summary>Pipeline sends of activations and their gradients, not overlapped.</summary>
        public TimeSpan PipelineTransfers { get; }

        /// <summary>The data-parallel gradient reduction (and ZeRO-3's parameter gathers), whether or not it is hidden.</summary>
        public TimeSpan DataParallel { get; }

        /// <summary>The part of <see cref="DataParallel"/> that the step waits for.</summary>
        public TimeSpan DataParallelExposed { get; }

        /// <summary>Compute, bubble, exposed communication.</summary>
        public TimeSpan Total => QuantityText.ToTimeSpan(_totalSeconds);

        /// <summary>FLOPs the GPUs execute in a step, recomputation included.</summary>
        public Flops HardwareFlops { get; }

        /// <summary>FLOPs of the model in a step, without recomputation: what MFU counts.</summary>
        public Flops ModelFlops { get; }

        /// <summary>GPUs of the run.</summary>
        public int Gpus { get; }

        /// <summary>Tokens one step trains on.</summary>
        public double TokensPerStep { get; }

        /// <summary>Tokens per second of the whole run.</summary>
        public double TokensPerSecond => TokensPerStep / _totalSeconds;

        /// <summary>Model FLOPs utilization against <paramref name="densePeak"/> per GPU (Chowdhery et al. 2022, PaLM, appendix B).</summary>
        public double Mfu([DenseThroughput] FlopRate densePeak) => ModelFlops.Count / (Gpus * _totalSeconds * densePeak.FlopsPerSecond);

        /// <summary>The time to train on <paramref name="tokens"/> at this step time.</summary>
        public TimeSpan TimeFor(Tokens tokens) => QuantityText.ToTimeSpan(tokens.Count / TokensPerSecond);

        /// <summary>GPU-hours to train on <paramref name="tokens"/>: every GPU of the run for <see cref="TimeFor"/>.</summary>
        public GpuHours GpuHoursFor(Tokens tokens) => GpuHours.FromHours(Gpus * tokens.Count / TokensPerSecond / 3600);

        /// <summary>The cost of training on <paramref name="tokens"/> at <paramref name="price"/> per GPU-hour.</summary>
        public Money CostFor(Tokens tokens, GpuHourPrice price) => Money.FromUsd(GpuHoursFor(tokens).Hours * price.UsdPerGpuHour);
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
        /// <exception cref="ArgumentException">The global batch is not a whole number of micro-batches per data-parallel rank (HWC206).</exception>
        public static StepTimeBreakdown Estimate(ModelSpec model, TrainingSettings settings, Achieved<FlopRate> perGpu, TrainingNetwork network, bool overlapDataParallel = true)
        {
            if (model is null) throw new ArgumentNullException(nameof(model));
            if (settings is null) throw new ArgumentNullException(nameof(settings));
            if (network is null) throw new ArgumentNullException(nameof(network));
            if (!(perGpu.Value.FlopsPerSecond > 0)) throw new ArgumentOutOfRangeException(nameof(perGpu), perGpu, "An achieved rate is positive.");

            if (!settings.BatchDivides || settings.MicroBatchesPerStep <= 0)
            {
                throw new ArgumentException(
                    $"The global batch ({settings.GlobalBatch}) is not a whole number of micro-batches ({settings.MicroBatch}) on each of the {settings.Layout.Data} data-parallel ranks (HWC206).", nameof(settings));
            }

            TrainingCore core = model.TrainingCore() ?? throw new InvalidOperationException($"'{model.Id}' does not give the shape a step needs: {model.TrainingShapeMissing()}.");
            TrainingInputs inputs = settings.Inputs();
            StageLoad peak = core.Peak(inputs, out _);
            StepSeconds step = core.Step(inputs, peak, perGpu.Value.FlopsPerSecond, network.ScaleUp.Value.BytesPerSecond, network.ScaleOut.Value.BytesPerSecond,
                network.ScaleUpDomain, overlapDataParallel);
            return new StepTimeBreakdown(step, (int)inputs.GpuCount, (double)settings.GlobalBatch * settings.SequenceLength);
        }
    }
}
