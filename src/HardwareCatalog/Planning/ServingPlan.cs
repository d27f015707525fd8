using System;
using System.Collections.Generic;
using System.Linq;
using HardwareCatalog.Units;

namespace HardwareCatalog.Planning
{
    /// <summary>
    /// How a serving deployment splits a model: tensor (t) and pipeline (p) parallelism within a replica, data-parallel
    /// replicas (r), and expert parallelism (e) over the GPUs of a pipeline stage across replicas, with redundant expert
    /// copies (DeepSeek's EPLB). GPUs = t·p·r. <c>default(ServingLayout)</c> is one GPU.
    /// </summary>
    public readonly struct ServingLayout : IEquatable<ServingLayout>
    {
        private readonly int _tensorMinusOne, _pipelineMinusOne, _expertMinusOne, _replicasMinusOne;

        /// <summary>Creates a layout.</summary>
        /// <exception cref="ArgumentOutOfRangeException">A size is not positive, or the redundant experts are negative.</exception>
        public ServingLayout(int tensor = 1, int pipeline = 1, int expert = 1, int replicas = 1, int redundantExperts = 0)
        {
            if (tensor <= 0) throw new ArgumentOutOfRangeException(nameof(tensor), tensor, "Tensor parallelism must be at least 1.");
            if (pipeline <= 0) throw new ArgumentOutOfRangeException(nameof(pipeline), pipeline, "Pipeline parallelism must be at least 1.");
            if (expert <= 0) throw new ArgumentOutOfRangeException(nameof(expert), expert, "Expert parallelism must be at least 1.");
            if (replicas <= 0) throw new ArgumentOutOfRangeException(nameof(replicas), replicas, "A plan has at least one replica.");
            if (redundantExperts < 0) throw new ArgumentOutOfRangeException(nameof(redundantExperts), redundantExperts, "Redundant experts cannot be negative.");
            _tensorMinusOne = tensor - 1;
            _pipelineMinusOne = pipeline - 1;
            _expertMinusOne = expert - 1;
            _replicasMinusOne = replicas - 1;
            RedundantExperts = redundantExperts;
        }

        /// <summary>Tensor parallelism t within a replica.</summary>
        public int Tensor => _tensorMinusOne + 1;

        /// <summary>Pipeline parallelism p within a replica.</summary>
        public int Pipeline => _pipelineMinusOne + 1;

        /// <summary>Expert parallelism e: each of e GPUs holds (experts + redundant)/e whole experts.</summary>
        public int Expert => _expertMinusOne + 1;

        /// <summary>Data-parallel replicas r, each on t·p GPUs.</summary>
        public int Replicas => _replicasMinusOne + 1;

        /// <summary>Extra copies of the busiest experts, spread over the expert-parallel GPUs.</summary>
        public int RedundantExperts { get; }

        /// <summary>t·p·r.</summary>
        public int GpuCount => Tensor * Pipeline * Replicas;

        /// <inheritdoc/>
        public bool Equals(ServingLayout other) => Tensor == other.Tensor && Pipeline == other.Pipeline && Expert == other.Expert
            && Replicas == other.Replicas && RedundantExperts == other.RedundantExperts;

        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is ServingLayout other && Equals(other);

        /// <inheritdoc/>
        public override int GetHashCode() => (((Tensor * 397 ^ Pipeline) * 397 ^ Expert) * 397 ^ Replicas) * 397 ^ RedundantExperts;

        /// <summary>Whether the layouts are the same.</summary>
        public static bool operator ==(ServingLayout left, ServingLayout right) => left.Equals(right);

        /// <summary>Whether the layouts differ.</summary>
        public static bool operator !=(ServingLayout left, ServingLayout right) => !left.Equals(right);

        /// <inheritdoc/>
        public override string ToString() => $"TP {Tensor}" + (Pipeline > 1 ? $", PP {Pipeline}" : "") + (Expert > 1 ? $", EP {Expert}" : "")
            + (RedundantExperts > 0 ? $" (+{RedundantExperts} redundant)" : "") + $", {Replicas} replica" + (Replicas > 1 ? "s" : "");
    }

    /// <summary>What a serving plan is asked to carry: sequences in flight, their lengths, cache hits and speculative decoding.</summary>
    public sealed class ServingWorkload
    {
        /// <summary>Creates the workload.</summary>
        /// <param name="concurrency">Sequences in flight over the whole plan (spread evenly over its replicas).</param>
        /// <param name="inputTokens">Prompt tokens per request.</param>
        /// <param name="outputTokens">Generated tokens per request.</param>
        /// <param name="prefixHitRate">The share of prompt tokens found in the prefix cache, in [0, 1).</param>
        /// <param name="draftTokens">Tokens drafted per step (speculative decoding or multi-token prediction); 0 for none.</param>
        /// <param name="acceptance">The chance each drafted token is accepted, in [0, 1].</param>
        public ServingWorkload(int concurrency, int inputTokens, int outputTokens, double prefixHitRate = 0, int draftTokens = 0, double acceptance = 0)
        {
            if (concurrency <= 0) throw new ArgumentOutOfRangeException(nameof(concurrency), concurrency, "At least one sequence is in flight.");
            if (inputTokens <= 0) throw new ArgumentOutOfRangeException(nameof(inputTokens), inputTokens, "A request has at least one input token.");
            if (outputTokens <= 0) throw new ArgumentOutOfRangeException(nameof(outputTokens), outputTokens, "A request generates at least one token.");
            if (!(prefixHitRate >= 0 && prefixHitRate < 1)) throw new ArgumentOutOfRangeException(nameof(prefixHitRate), prefixHitRate, "The prefix hit rate is in [0, 1).");
            if (draftTokens < 0) throw new ArgumentOutOfRangeException(nameof(draftTokens), draftTokens, "Drafted tokens cannot be negative.");
            if (!(acceptance >= 0 && acceptance <= 1)) throw new ArgumentOutOfRangeException(nameof(acceptance), acceptance, "The acceptance rate is in [0, 1].");
            Concurrency = concurrency;
            InputTokens = inputTokens;
            OutputTokens = outputTokens;
            PrefixHitRate = prefixHitRate;
            DraftTokens = draftTokens;
            Acceptance = acceptance;
        }

        /// <summary>Sequences in flight over the whole plan.</summary>
        public int Concurrency { get; }

        /// <summary>Prompt tokens per request.</summary>
        public int InputTokens { get; }

        /// <summary>Generated tokens per request.</summary>
        public int OutputTokens { get; }

        /// <summary>The share of prompt tokens served from the prefix cache.</summary>
        public double PrefixHitRate { get; }

        /// <summary>Tokens drafted per decode step.</summary>
        public int DraftTokens { get; }

        /// <summary>The chance each drafted token is accepted.</summary>
        public double Acceptance { get; }

        /// <summary>The same workload at another concurrency.</summary>
        public ServingWorkload WithConcurrency(int concurrency) => new(concurrency, InputTokens, OutputTokens, PrefixHitRate, DraftTokens, Acceptance);
    }

    /// <summary>Memory one GPU of a serving plan holds, term by term, against what it offers.</summary>
    public sealed class ServingMemory
    {
        internal ServingMemory(in ServingBytes bytes, DataSize available, bool againstNominal)
        {
            DenseWeights = DataSize.FromBytes(bytes.DenseWeights);
            ExpertWeights = DataSize.FromBytes(bytes.ExpertWeights);
            KvCache = DataSize.FromBytes(bytes.KvCache);
            Workspace = DataSize.FromBytes(bytes.Workspace);
            Total = DataSize.FromBytes(bytes.Total);
            Available = available;
            AgainstNominalMemory = againstNominal;
        }

        /// <summary>Attention, dense FFNs, shared experts, router, norms and embeddings.</summary>
        public DataSize DenseWeights { get; }

        /// <summary>The routed experts this GPU holds.</summary>
        public DataSize ExpertWeights { get; }

        /// <summary>The KV cache of the GPU's sequences at input + output tokens.</summary>
        public DataSize KvCache { get; }

        /// <summary>The activation workspace of one prefill chunk.</summary>
        public DataSize Workspace { get; }

        /// <summary>The sum of the terms.</summary>
        public DataSize Total { get; }

        /// <summary>The GPU's usable memory, or its nominal memory when <see cref="AgainstNominalMemory"/>.</summary>
        public DataSize Available { get; }

        /// <summary>Whether no usable figure is published, so the nominal memory stood in.</summary>
        public bool AgainstNominalMemory { get; }

        /// <summary>What is left: available − total (negative when it does not fit).</summary>
        public DataSize Left => DataSize.FromBytes(Available.Bytes - Total.Bytes);

        /// <summary>Whether the terms fit.</summary>
        public bool Fits => Total <= Available;
    }

    /// <summary>One decode step and what it yields.</summary>
    public sealed class ServingDecode
    {
        internal ServingDecode(in DecodeStep step, int concurrency, int gpus)
        {
            Step = QuantityText.ToTimeSpan(step.Seconds);
            MemoryTime = QuantityText.ToTimeSpan(step.MemorySeconds);
            ComputeTime = QuantityText.ToTimeSpan(step.ComputeSeconds);
            Communication = QuantityText.ToTimeSpan(step.TensorSeconds + step.ExpertSeconds + step.PipelineSeconds);
            WeightsRead = DataSize.FromBytes(step.WeightBytesRead);
            KvCacheRead = DataSize.FromBytes(step.KvBytesRead);
            TokensPerStep = step.TokensPerStep;
            ExpertsTouched = step.ExpertsTouched;
            ExpertsHeld = step.ExpertsHeld;
            TimePerOutputToken = QuantityText.ToTimeSpan(step.Seconds / step.TokensPerStep);
            OutputTokensPerSecond = concurrency * step.TokensPerStep / step.Seconds;
            OutputTokensPerSecondPerGpu = OutputTokensPerSecond / gpus;
        }

        /// <summary>One step: the larger of its memory and compute times, plus communication.</summary>
        public TimeSpan Step { get; }

        /// <summary>Bytes read per GPU at the achieved bandwidth, over the p stages in turn.</summary>
        public TimeSpan MemoryTime { get; }

        /// <summary>The step's FLOPs at the achieved rate.</summary>
        public TimeSpan ComputeTime { get; }

        /// <summary>Tensor-parallel all-reduces, expert all-to-alls and pipeline sends (bandwidth terms; no latency).</summary>
        public TimeSpan Communication { get; }

        /// <summary>Weights one GPU reads per step: its dense weights and the routed experts the step's tokens reach.</summary>
        public DataSize WeightsRead { get; }

        /// <summary>KV cache one GPU reads per step.</summary>
        public DataSize KvCacheRead { get; }

        /// <summary>Tokens each sequence gains per step (above 1 with speculative decoding).</summary>
        public double TokensPerStep { get; }

        /// <summary>Distinct routed experts per MoE layer the step reaches on one GPU (expected, uniform routing), of <see cref="ExpertsHeld"/>.</summary>
        public double ExpertsTouched { get; }

        /// <summary>Routed experts per MoE layer one GPU holds (all of them without expert parallelism).</summary>
        public double ExpertsHeld { get; }

        /// <summary>Time per output token of one sequence: step / tokens per step.</summary>
        public TimeSpan TimePerOutputToken { get; }

        /// <summary>Output tokens per second of the whole plan.</summary>
        public double OutputTokensPerSecond { get; }

        /// <summary>Output tokens per second per GPU.</summary>
        public double OutputTokensPerSecondPerGpu { get; }
    }

    /// <summary>One point of a concurrency sweep: the data of a throughput–latency chart.</summary>
    public readonly struct ServingPoint
    {
        internal ServingPoint(int concurrency, bool fits, TimeSpan timePerOutputToken, double outputTokensPerSecondPerGpu)
        {
            Concurrency = concurrency;
            Fits = fits;
            TimePerOutputToken = timePerOutputToken;
            OutputTokensPerSecondPerGpu = outputTokensPerSecondPerGpu;
        }

        /// <summary>Sequences in flight.</summary>
        public int Concurrency { get; }

        /// <summary>Whether the KV cache of this concurrency fits.</summary>
        public bool Fits { get; }

        /// <summary>Time per output token of one sequence.</summary>
        public TimeSpan TimePerOutputToken { get; }

        /// <summary>Output tokens per second per GPU.</summary>
        public double OutputTokensPerSecondPerGpu { get; }
    }

    /// <summary>
    /// A serving plan: a model on a system's GPUs with its layout, formats and workload. <see cref="Validate"/> runs every
    /// check; <see cref="Memory"/>, <see cref="TimeToFirstToken"/> and <see cref="Decode"/> answer the rest (docs/serving.md).
    /// </summary>
    public sealed class ServingPlan
    {
        private readonly ServingCore _core;
        private readonly ServingInputs _inputs;

        /// <summary>Creates the plan.</summary>
        /// <param name="model">The model, with its full shape.</param>
        /// <param name="system">The system whose GPU and networks the plan runs on.</param>
        /// <param name="gpus">The GPUs of the plan: t·p·r, or HWC221.</param>
        /// <param name="layout">Tensor, pipeline, expert parallelism and replicas.</param>
        /// <param name="weights">The weight format.</param>
        /// <param name="kvCache">The precision of the cached keys and values.</param>
        /// <param name="workload">Concurrency, lengths, prefix hits, speculative decoding.</param>
        /// <param name="compute">The achieved matmul rate per GPU; null takes the catalog's measured rate at the format's compute precision.</param>
        /// <param name="memoryBandwidth">The achieved memory bandwidth per GPU; null takes the catalog's measured figure.</param>
        /// <param name="networkEfficiency">The share of the fabrics' per-direction bandwidth collectives reach, in (0, 1].</param>
        /// <param name="prefillChunk">Tokens per prefill forward (chunked prefill), which sets the workspace.</param>
        /// <param name="id">The plan's catalog id, for a plan compiled from a catalog file.</param>
        /// <exception cref="ArgumentException">The model does not give the full shape a plan needs.</exception>
        public ServingPlan(ModelSpec model, AcceleratorSystem system, int gpus, ServingLayout layout, WeightFormat weights, Precision kvCache, ServingWorkload workload,
            Achieved<FlopRate>? compute = null, Achieved<Bandwidth>? memoryBandwidth = null, double networkEfficiency = 1.0, int prefillChunk = 8192, string? id = null)
        {
            Model = model ?? throw new ArgumentNullException(nameof(model));
            System = system ?? throw new ArgumentNullException(nameof(system));
            Weights = weights ?? throw new ArgumentNullException(nameof(weights));
            Workload = workload ?? throw new ArgumentNullException(nameof(workload));
            if (gpus <= 0) throw new ArgumentOutOfRangeException(nameof(gpus), gpus, "A plan runs on at least one GPU.");
            if (!(networkEfficiency > 0 && networkEfficiency <= 1)) throw new ArgumentOutOfRangeException(nameof(networkEfficiency), networkEfficiency, "The network efficiency is in (0, 1].");
            if (prefillChunk <= 0) throw new ArgumentOutOfRangeException(nameof(prefillChunk), prefillChunk, "A prefill chunk holds at least one token.");
            if (kvCache.IsInteger() || (uint)kvCache >= (uint)PrecisionTable.Count) throw new ArgumentOutOfRangeException(nameof(kvCache), kvCache, "The KV cache is stored in a floating-point precision.");
            Gpus = gpus;
            Layout = layout;
            KvCache = kvCache;
            Compute = compute ?? system.Gpu.MeasuredMatmul(weights.Compute);
            MemoryBandwidth = memoryBandwidth ?? system.Gpu.MeasuredMemoryBandwidth;
            NetworkEfficiency = networkEfficiency;
            PrefillChunk = prefillChunk;
            Id = id;
            _inputs = new ServingInputs
            {
                Tensor = layout.Tensor,
                Pipeline = layout.Pipeline,
                Expert = layout.Expert,
                Replicas = layout.Replicas,
                RedundantExperts = layout.RedundantExperts,
                WeightBytes = weights.BytesPerParameter,
                KvBytes = kvCache.BytesPerElement(),
                Concurrency = workload.Concurrency,
                InputTokens = workload.InputTokens,
                OutputTokens = workload.OutputTokens,
                PrefixHitRate = workload.PrefixHitRate,
                DraftTokens = workload.DraftTokens,
                Acceptance = workload.Acceptance,
                PrefillChunk = prefillChunk,
            };
            _core = new ServingCore(model.TrainingCore()
                ?? throw new ArgumentException($"'{model.Id}' does not give the shape a plan needs: {model.TrainingShapeMissing()}.", nameof(model)));
        }

        /// <summary>The plan's catalog id when it was compiled from a plan file; otherwise null.</summary>
        public string? Id { get; }

        /// <summary>The model.</summary>
        public ModelSpec Model { get; }

        /// <summary>The system.</summary>
        public AcceleratorSystem System { get; }

        /// <summary>The GPUs of the plan.</summary>
        public int Gpus { get; }

        /// <summary>The layout.</summary>
        public ServingLayout Layout { get; }

        /// <summary>The weight format.</summary>
        public WeightFormat Weights { get; }

        /// <summary>The KV cache precision.</summary>
        public Precision KvCache { get; }

        /// <summary>The workload.</summary>
        public ServingWorkload Workload { get; }

        /// <summary>The achieved matmul rate per GPU, or null when none is given or measured.</summary>
        public Achieved<FlopRate>? Compute { get; }

        /// <summary>The achieved memory bandwidth per GPU, or null when none is given or measured.</summary>
        public Achieved<Bandwidth>? MemoryBandwidth { get; }

        /// <summary>The share of the fabrics' bandwidth collectives reach.</summary>
        public double NetworkEfficiency { get; }

        /// <summary>Tokens per prefill forward.</summary>
        public int PrefillChunk { get; }

        /// <summary>Memory per GPU, term by term, against usable memory.</summary>
        /// <exception cref="InvalidOperationException">The GPU publishes no memory size.</exception>
        public ServingMemory Memory => new(_core.Memory(_inputs), Available(out bool nominal), nominal);

        /// <summary>The most sequences the plan holds at <paramref name="contextTokens"/> tokens each.</summary>
        public int MaxConcurrency(int contextTokens)
        {
            if (contextTokens <= 0) throw new ArgumentOutOfRangeException(nameof(contextTokens), contextTokens, "A context holds at least one token.");
            return (int)Math.Min(int.MaxValue, _core.MaxConcurrency(_inputs, Available(out _).Bytes, contextTokens));
        }

        /// <summary>The longest context each sequence can hold at the workload's concurrency (0 when the weights do not fit).</summary>
        public int MaxContext => (int)Math.Min(int.MaxValue, _core.MaxContext(_inputs, Available(out _).Bytes));

        /// <summary>Time to first token of one request in an idle replica, or null without achieved rates.</summary>
        public TimeSpan? TimeToFirstToken => Rates(out double flops, out double bandwidth)
            ? QuantityText.ToTimeSpan(_core.Prefill(_inputs, flops, bandwidth, Network().ScaleUp.Value.BytesPerSecond).Seconds)
            : null;

        /// <summary>Prompt tokens per second of the whole plan when it only prefills (cached tokens count, as DeepSeek's disclosure counts them), or null.</summary>
        public double? InputTokensPerSecond => Rates(out double flops, out double bandwidth)
            ? Layout.Replicas * Workload.InputTokens / _core.Prefill(_inputs, flops, bandwidth, Network().ScaleUp.Value.BytesPerSecond).Seconds
            : null;

        /// <summary>One decode step at the workload's concurrency, or null without achieved rates.</summary>
        public ServingDecode? Decode => Rates(out double flops, out double bandwidth) ? DecodeAt(_inputs, flops, bandwidth) : null;

        /// <summary>Dollars per million output tokens at <paramref name="price"/> per GPU-hour, or null without achieved rates.</summary>
        public Money? CostPerMillionOutputTokens(GpuHourPrice price) => Decode is { } decode ? CostPerMillionTokens(price, Gpus, decode.OutputTokensPerSecond) : null;

        /// <summary>Dollars per million input tokens at <paramref name="price"/> per GPU-hour when the plan only prefills, or null.</summary>
        public Money? CostPerMillionInputTokens(GpuHourPrice price) => InputTokensPerSecond is double rate ? CostPerMillionTokens(price, Gpus, rate) : null;

        /// <summary>
        /// Dollars per million tokens of <paramref name="gpus"/> GPUs at <paramref name="price"/> per GPU-hour producing
        /// <paramref name="tokensPerSecond"/>: price × GPUs / (tokens per second × 3,600) × 10⁶.
        /// </summary>
        public static Money CostPerMillionTokens(GpuHourPrice price, int gpus, double tokensPerSecond)
        {
            if (gpus <= 0) throw new ArgumentOutOfRangeException(nameof(gpus), gpus, "At least one GPU.");
            if (!(tokensPerSecond > 0)) throw new ArgumentOutOfRangeException(nameof(tokensPerSecond), tokensPerSecond, "A throughput is positive.");
            return Money.FromUsd(price.UsdPerGpuHour * gpus / (tokensPerSecond * 3600) * 1e6);
        }

        /// <summary>Joules per output token with every GPU at its board power (TDP): an upper bound; null without TDP or rates.</summary>
        public double? EnergyPerOutputToken => Decode is { } decode && System.Gpu.Tdp is { } tdp ? tdp.Watts * Gpus / decode.OutputTokensPerSecond : null;

        /// <summary>
        /// Time per output token and throughput per GPU at each of <paramref name="concurrencies"/>, with whether each fits:
        /// the throughput–latency curve. Empty without achieved rates.
        /// </summary>
        public IReadOnlyList<ServingPoint> Sweep(IEnumerable<int> concurrencies)
        {
            if (concurrencies is null) throw new ArgumentNullException(nameof(concurrencies));
            var points = new List<ServingPoint>();
            if (!Rates(out double flops, out double bandwidth)) return points;
            double capacity = Available(out _).Bytes;
            foreach (int concurrency in concurrencies)
            {
                if (concurrency <= 0) throw new ArgumentOutOfRangeException(nameof(concurrencies), concurrency, "A concurrency is positive.");
                ServingInputs x = _inputs;
                x.Concurrency = concurrency;
                ServingDecode decode = DecodeAt(x, flops, bandwidth);
                points.Add(new ServingPoint(concurrency, _core.Memory(x).Total <= capacity, decode.TimePerOutputToken, decode.OutputTokensPerSecondPerGpu));
            }

            return points;
        }

        /// <summary>The points no other point beats on both latency and throughput (fitting points only), by rising concurrency.</summary>
        public static IReadOnlyList<ServingPoint> Pareto(IEnumerable<ServingPoint> points)
        {
            if (points is null) throw new ArgumentNullException(nameof(points));
            ServingPoint[] fitting = points.Where(p => p.Fits).ToArray();
            return fitting.Where(p => !fitting.Any(q => q.TimePerOutputToken <= p.TimePerOutputToken && q.OutputTokensPerSecondPerGpu >= p.OutputTokensPerSecondPerGpu
                    && (q.TimePerOutputToken < p.TimePerOutputToken || q.OutputTokensPerSecondPerGpu > p.OutputTokensPerSecondPerGpu)))
                .OrderBy(p => p.Concurrency).ToArray();
        }

        /// <summary>Every check of the plan, in id order; empty when it can run as written.</summary>
        public IReadOnlyList<PlanCheck> Validate()
        {
            var findings = new List<PlanFinding>();
            ServingCore.CheckLayout(Model.Shape(), Model.Id, Model.ContextWindow, _inputs, Gpus, findings);
            Accelerator gpu = System.Gpu;
            if (!gpu.Supports(Weights.Compute))
            {
                findings.Add(ServingCore.FormatUnsupported(gpu.Id, Weights.Compute.DisplayName(), Weights.DisplayName, Weights.WeightOnly, gpu.SupportedPrecisions.Select(x => x.DisplayName())));
            }

            // Memory is sized once the layout splits the model and the GPU publishes a memory size.
            if (MemoryFit.Capacity(gpu, out bool nominal) is { } capacity && ServingCore.LayoutSplits(findings))
            {
                if (_core.CheckMemory(_inputs, capacity.Bytes, nominal, gpu.Id) is { } memory) findings.Add(memory);
            }

            // HWC229, as a plan file reports it: a GPU that cannot compute in the format has HWC225, which says more.
            bool computeMissing = Compute is null && gpu.Supports(Weights.Compute);
            if (computeMissing || MemoryBandwidth is null)
            {
                findings.Add(ServingCore.NoRate(gpu.Id, computeMissing, Weights.Compute.DisplayName()));
            }

            return PlanCheck.InIdOrder(findings);
        }

        private DataSize Available(out bool nominal)
        {
            Accelerator gpu = System.Gpu;
            return MemoryFit.Capacity(gpu, out nominal) ?? throw new InvalidOperationException($"'{gpu.Id}' has no published memory size.");
        }

        private TrainingNetwork Network() => TrainingNetwork.Of(System, NetworkEfficiency);

        private bool Rates(out double flops, out double bandwidth)
        {
            flops = Compute?.Value.FlopsPerSecond ?? 0;
            bandwidth = MemoryBandwidth?.Value.BytesPerSecond ?? 0;
            return flops > 0 && bandwidth > 0;
        }

        private ServingDecode DecodeAt(in ServingInputs x, double flops, double bandwidth)
        {
            TrainingNetwork network = Network();
            DecodeStep step = _core.Decode(x, flops, bandwidth, network.ScaleUp.Value.BytesPerSecond, network.ScaleOut.Value.BytesPerSecond, network.ScaleUpDomain);
            return new ServingDecode(step, (int)x.Concurrency, (int)x.GpuCount);
        }
    }
}
