using System;
using System.Collections.Generic;
using System.Threading;
using HardwareCatalog.Units;

namespace HardwareCatalog.Planning
{
    /// <summary>
    /// What a layout search may vary and what it holds fixed: the model, the system, the GPU count, the batch in sequences
    /// and tokens, the precision recipe and the rates; and the bounds of each parallel dimension.
    /// </summary>
    public sealed class TrainingSearchSpace
    {
        /// <summary>Creates the space.</summary>
        /// <param name="model">The model, with its full shape.</param>
        /// <param name="system">The system: its GPU, its scale-up domain (the bound of tensor parallelism by default) and its networks.</param>
        /// <param name="gpus">The GPUs of the run: every layout has t·p·c·d = <paramref name="gpus"/>.</param>
        /// <param name="sequenceLength">Tokens per sequence.</param>
        /// <param name="globalBatch">Sequences per step, held fixed: micro-batch × data parallelism must divide it.</param>
        /// <param name="recipe">The precision recipe (its state layout is used).</param>
        /// <param name="perGpu">The achieved compute rate; null takes the GPU's measured matmul rate at the recipe's compute precision.</param>
        /// <param name="networkEfficiency">The share of the fabrics' bandwidth collectives reach, in (0, 1].</param>
        /// <param name="overlapDataParallel">Whether the gradient reduction is hidden under the backward pass.</param>
        /// <param name="maxTensor">The largest tensor parallelism; 0 for the system's scale-up domain.</param>
        /// <param name="maxContext">The largest context parallelism (powers of two); 1 searches none.</param>
        /// <param name="maxVirtualStages">The most model chunks per pipeline stage under the interleaved schedule.</param>
        /// <param name="maxMicroBatch">The largest micro-batch (powers of two).</param>
        /// <param name="activationStorage">Which activations a layer keeps (DeepSeek-V3's needs MLA).</param>
        /// <exception cref="ArgumentException">No rate is given and the catalog has no measured one; a bound is not positive.</exception>
        public TrainingSearchSpace(ModelSpec model, AcceleratorSystem system, int gpus, int sequenceLength, int globalBatch, PrecisionRecipe recipe,
            Achieved<FlopRate>? perGpu = null, double networkEfficiency = 1.0, bool overlapDataParallel = true, int maxTensor = 0, int maxContext = 1,
            int maxVirtualStages = 4, int maxMicroBatch = 8, ActivationStorage activationStorage = ActivationStorage.Korthikanti)
        {
            Model = model ?? throw new ArgumentNullException(nameof(model));
            System = system ?? throw new ArgumentNullException(nameof(system));
            Recipe = recipe ?? throw new ArgumentNullException(nameof(recipe));
            if (gpus <= 0) throw new ArgumentOutOfRangeException(nameof(gpus), gpus, "A run has at least one GPU.");
            if (sequenceLength <= 0) throw new ArgumentOutOfRangeException(nameof(sequenceLength), sequenceLength, "The sequence length must be positive.");
            if (globalBatch <= 0) throw new ArgumentOutOfRangeException(nameof(globalBatch), globalBatch, "The global batch must be positive.");
            if (!(networkEfficiency > 0 && networkEfficiency <= 1)) throw new ArgumentOutOfRangeException(nameof(networkEfficiency), networkEfficiency, "The network efficiency is in (0, 1].");
            if (maxTensor < 0 || maxContext <= 0 || maxVirtualStages <= 0 || maxMicroBatch <= 0) throw new ArgumentException("The bounds must be positive (maxTensor 0 means the scale-up domain).");
            Gpus = gpus;
            SequenceLength = sequenceLength;
            GlobalBatch = globalBatch;
            PerGpu = perGpu ?? system.Gpu.MeasuredMatmul(recipe.Compute)
                ?? throw new ArgumentException($"'{system.Gpu.Id}' has no measured {recipe.Compute.DisplayName()} matmul rate in the catalog: give perGpu (for example Achieved.FromEfficiency of its dense peak).", nameof(perGpu));
            if (!(PerGpu.Value.FlopsPerSecond > 0)) throw new ArgumentOutOfRangeException(nameof(perGpu), perGpu, "An achieved rate is positive.");
            NetworkEfficiency = networkEfficiency;
            OverlapDataParallel = overlapDataParallel;
            MaxTensor = maxTensor == 0 ? system.ScaleUpDomain : maxTensor;
            MaxContext = maxContext;
            MaxVirtualStages = maxVirtualStages;
            MaxMicroBatch = maxMicroBatch;
            ActivationStorage = activationStorage;
        }

        /// <summary>The model.</summary>
        public ModelSpec Model { get; }

        /// <summary>The system.</summary>
        public AcceleratorSystem System { get; }

        /// <summary>The GPUs of the run.</summary>
        public int Gpus { get; }

        /// <summary>Tokens per sequence.</summary>
        public int SequenceLength { get; }

        /// <summary>Sequences per step.</summary>
        public int GlobalBatch { get; }

        /// <summary>The precision recipe.</summary>
        public PrecisionRecipe Recipe { get; }

        /// <summary>The achieved compute rate per GPU.</summary>
        public Achieved<FlopRate> PerGpu { get; }

        /// <summary>The share of the fabrics' bandwidth collectives reach.</summary>
        public double NetworkEfficiency { get; }

        /// <summary>Whether the gradient reduction is hidden under the backward pass.</summary>
        public bool OverlapDataParallel { get; }

        /// <summary>The largest tensor parallelism searched.</summary>
        public int MaxTensor { get; }

        /// <summary>The largest context parallelism searched.</summary>
        public int MaxContext { get; }

        /// <summary>The most virtual stages searched.</summary>
        public int MaxVirtualStages { get; }

        /// <summary>The largest micro-batch searched.</summary>
        public int MaxMicroBatch { get; }

        /// <summary>The activation storage every plan uses.</summary>
        public ActivationStorage ActivationStorage { get; }
    }

    /// <summary>What a search found: the fastest plans that fit, and how many layouts it evaluated.</summary>
    public sealed class TrainingSearchResult
    {
        internal TrainingSearchResult(IReadOnlyList<TrainingPlan> best, long evaluated, long fitting)
        {
            Best = best;
            Evaluated = evaluated;
            Fitting = fitting;
        }

        /// <summary>
        /// The fastest plans that fit in usable memory, fastest first (of two as fast, the one that needs less memory first);
        /// each answers its memory and step breakdowns.
        /// </summary>
        public IReadOnlyList<TrainingPlan> Best { get; }

        /// <summary>Plans evaluated: the memory of every pipeline stage, and the step time of those that fit.</summary>
        public long Evaluated { get; }

        /// <summary>Evaluated plans that fit in the GPU's usable memory (nominal memory when none is published).</summary>
        public long Fitting { get; }
    }

    /// <summary>
    /// The training-plan search: every legal layout of a model on a GPU count, each evaluated with the same model as
    /// <see cref="TrainingPlan"/> (memory of every stage, step time), the fastest that fit kept. Allocation-free per plan.
    /// </summary>
    /// <remarks>
    /// A layout is legal when it passes the plan checks: t divides the heads (and splits or replicates the key/value heads)
    /// and is at most the scale-up domain; p·v chunks for the layers (v &gt; 1 only when p·v divides the layers and p
    /// divides the micro-batches, as Megatron-LM's interleaved schedule requires); e divides d and the routed experts; b·d
    /// divides the global batch; 2c divides the sequence. Sequence parallelism is tried with every t &gt; 1; ZeRO stages
    /// 1–3 only where there is a data-parallel group to shard over. Docs: docs/planning.md, "Search".
    /// </remarks>
    public static class TrainingSearch
    {
        /// <summary>Searches <paramref name="space"/> and returns the <paramref name="top"/> fastest plans that fit.</summary>
        /// <param name="space">The model, system, GPUs, batch and bounds.</param>
        /// <param name="top">How many plans to keep.</param>
        /// <param name="progress">Told the share of the search done, from 0 to 1, after each tensor-parallel size.</param>
        /// <param name="cancellationToken">Stops the search between tensor-parallel sizes.</param>
        /// <exception cref="ArgumentException">The catalog does not give the model's full shape.</exception>
        public static TrainingSearchResult Run(TrainingSearchSpace space, int top = 10, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
        {
            if (space is null) throw new ArgumentNullException(nameof(space));
            if (top <= 0) throw new ArgumentOutOfRangeException(nameof(top), top, "Keep at least one plan.");
            TrainingCore core = space.Model.TrainingCore()
                ?? throw new ArgumentException($"'{space.Model.Id}' does not give the shape a plan needs: {space.Model.TrainingShapeMissing()}.", nameof(space));

            var search = new Search(core, space, top);
            search.Run(progress, cancellationToken);
            return search.Result();
        }

        /// <summary>Keeps the state of one search; the loops below allocate nothing.</summary>
        private sealed class Search
        {
            private readonly TrainingCore _core;
            private readonly TrainingSearchSpace _space;
            private readonly TrainingInputs[] _best;
            private readonly double[] _bestSeconds;
            private readonly double[] _bestBytes;
            private readonly double _capacity, _flopRate, _scaleUp, _scaleOut;
            private readonly int _domain;
            private int _kept;
            private long _evaluated, _fitting;

            public Search(TrainingCore core, TrainingSearchSpace space, int top)
            {
                _core = core;
                _space = space;
                _best = new TrainingInputs[top];
                _bestSeconds = new double[top];
                _bestBytes = new double[top];
                Accelerator gpu = space.System.Gpu;
                _capacity = MemoryFit.Capacity(gpu, out _)?.Bytes ?? 0;
                _flopRate = space.PerGpu.Value.FlopsPerSecond;
                TrainingNetwork network = TrainingNetwork.Of(space.System, space.NetworkEfficiency);
                _scaleUp = network.ScaleUp.Value.BytesPerSecond;
                _scaleOut = network.ScaleOut.Value.BytesPerSecond;
                _domain = network.ScaleUpDomain;
            }

            public void Run(IProgress<double>? progress, CancellationToken cancellationToken)
            {
                TrainingSearchSpace space = _space;
                ref readonly ModelShape shape = ref _core.Shape;
                OptimizerStateLayout state = space.Recipe.State;
                var x = new TrainingInputs
                {
                    SequenceLength = space.SequenceLength,
                    GlobalBatch = space.GlobalBatch,
                    Storage = space.ActivationStorage,
                    WeightBytes = state.WeightBytes,
                    GradientBytes = state.GradientBytes,
                    OptimizerBytes = state.OptimizerStateBytes,
                    ActivationBytes = space.Recipe.Activations.BytesPerElement(),
                };

                if (space.ActivationStorage == ActivationStorage.DeepSeekV3 && (!shape.IsLatentAttention || shape.KvLoraRank is null)) return;
                int gpus = space.Gpus, layers = _core.Layers;
                int maxTensor = Math.Min(space.MaxTensor, gpus);
                for (int t = 1; t <= maxTensor; t++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (gpus % t != 0 || shape.Heads % t != 0) continue;
                    if (!shape.IsLatentAttention && shape.KvHeads % t != 0 && t % shape.KvHeads != 0) continue;
                    x.Tensor = t;
                    for (int c = 1; c <= space.MaxContext && (gpus / t) % c == 0; c *= 2)
                    {
                        if (space.SequenceLength % (2 * c) != 0 && c > 1) break;
                        x.Context = c;
                        int rest = gpus / (t * c);
                        for (int p = 1; p <= rest && p <= layers; p++)
                        {
                            if (rest % p != 0) continue;
                            x.Pipeline = p;
                            x.Data = rest / p;
                            Experts(ref x, shape, layers);
                        }
                    }

                    progress?.Report((double)t / maxTensor);
                }
            }

            private void Experts(ref TrainingInputs x, in ModelShape shape, int layers)
            {
                if (!shape.IsMixtureOfExperts)
                {
                    x.Expert = 1;
                    Batches(ref x, layers);
                    return;
                }

                for (int e = 1; e <= x.Data; e++)
                {
                    if (x.Data % e != 0 || shape.RoutedExperts % e != 0) continue;
                    x.Expert = e;
                    Batches(ref x, layers);
                }
            }

            private void Batches(ref TrainingInputs x, int layers)
            {
                for (int b = 1; b <= _space.MaxMicroBatch; b *= 2)
                {
                    long perStep = (long)b * x.Data;
                    if (x.GlobalBatch % perStep != 0) continue;
                    x.MicroBatch = b;
                    int m = (int)(x.GlobalBatch / perStep);
                    for (int v = 1; v <= _space.MaxVirtualStages; v++)
                    {
                        int chunks = x.Pipeline * v;
                        if (chunks > layers) break;
                        if (v > 1 && (x.Pipeline == 1 || layers % chunks != 0 || m % x.Pipeline != 0)) continue;
                        x.VirtualStages = v;
                        for (int sp = 0; sp < (x.Tensor > 1 ? 2 : 1); sp++)
                        {
                            x.SequenceParallel = sp == 1;
                            for (int r = 0; r <= (int)ActivationRecomputation.Full; r++)
                            {
                                x.Recomputation = (ActivationRecomputation)r;
                                bool shards = (long)x.Data * x.Context > 1;
                                for (int z = 0; z <= (shards ? (int)ZeroStage.Parameters : 0); z++)
                                {
                                    x.Zero = (ZeroStage)z;
                                    Evaluate(x);
                                }
                            }
                        }
                    }
                }
            }

            private void Evaluate(in TrainingInputs x)
            {
                _evaluated++;
                StageLoad peak = _core.Peak(x, out double bytes);
                if (bytes > _capacity) return;
                _fitting++;
                double seconds = _core.Step(x, peak, _flopRate, _scaleUp, _scaleOut, _domain, _space.OverlapDataParallel).Total;
                Keep(x, seconds, bytes);
            }

            /// <summary>Keeps the fastest plans; of two as fast, the one that needs less memory (more headroom) comes first.</summary>
            private void Keep(in TrainingInputs x, double seconds, double bytes)
            {
                int top = _best.Length;
                if (_kept == top && !Before(seconds, bytes, top - 1)) return;
                int i = _kept < top ? _kept++ : top - 1;
                while (i > 0 && Before(seconds, bytes, i - 1))
                {
                    _best[i] = _best[i - 1];
                    _bestSeconds[i] = _bestSeconds[i - 1];
                    _bestBytes[i] = _bestBytes[i - 1];
                    i--;
                }

                _best[i] = x;
                _bestSeconds[i] = seconds;
                _bestBytes[i] = bytes;
            }

            private bool Before(double seconds, double bytes, int i) => seconds < _bestSeconds[i] || (seconds == _bestSeconds[i] && bytes < _bestBytes[i]);

            public TrainingSearchResult Result()
            {
                TrainingSearchSpace space = _space;
                var plans = new List<TrainingPlan>(_kept);
                for (int i = 0; i < _kept; i++)
                {
                    TrainingInputs x = _best[i];
                    var layout = new ParallelLayout(x.Tensor, x.Pipeline, x.Data, x.Expert, x.VirtualStages, x.SequenceParallel, x.Context);
                    var settings = new TrainingSettings(layout, x.MicroBatch, x.SequenceLength, x.GlobalBatch, space.Recipe, x.Zero, x.Recomputation,
                        activationStorage: x.Storage);
                    plans.Add(new TrainingPlan(space.Model, space.System, space.Gpus, settings, space.PerGpu, space.NetworkEfficiency, space.OverlapDataParallel));
                }

                return new TrainingSearchResult(plans, _evaluated, _fitting);
            }
        }
    }
}
