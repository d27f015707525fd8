// Compiled into both the runtime library and the source generator: the one training-plan model (memory per stage, step
// time, checks) over plain numbers, which TrainingMemoryModel, StepTime and TrainingPlan wrap in typed results, the
// layout search runs without allocating, and the generator evaluates for `kind: training` plan files.
using System;
using System.Collections.Generic;
using System.Globalization;

namespace HardwareCatalog.Planning
{
    /// <summary>A training plan's settings as numbers: what <see cref="TrainingCore"/> evaluates.</summary>
    internal struct TrainingInputs
    {
        public int Tensor;
        public int Pipeline;
        public int VirtualStages;
        public int Data;
        public int Expert;
        public int Context;
        public bool SequenceParallel;
        public int MicroBatch;
        public int SequenceLength;
        public int GlobalBatch;
        public ZeroStage Zero;
        public ActivationRecomputation Recomputation;
        public ActivationStorage Storage;

        /// <summary>Bytes per parameter of the working weights, the gradients and the optimizer states (master copy and moments).</summary>
        public double WeightBytes;
        public double GradientBytes;
        public double OptimizerBytes;

        /// <summary>Bytes per element of the activations kept for the backward pass (2 for BF16 or FP16).</summary>
        public double ActivationBytes;

        /// <summary>t·p·c·d.</summary>
        public readonly long GpuCount => (long)Tensor * Pipeline * Context * Data;

        /// <summary>Micro-batches each pipeline runs per step: global batch / (b·d), rounded down (HWC206 when it does not divide).</summary>
        public readonly int MicroBatches => (int)(GlobalBatch / ((long)MicroBatch * Data));
    }

    /// <summary>One pipeline stage's share of the model and of the activations, before ZeRO sharding turns parameters into bytes.</summary>
    internal struct StageLoad
    {
        public int Stage;
        public int Layers;
        public int InFlight;

        /// <summary>Parameters of the layers without norms and routed experts, on one GPU.</summary>
        public double DenseParameters;
        public double ExpertParameters;
        public double NormParameters;
        public double EmbeddingParameters;
        public double LayerActivationBytes;
        public double EmbeddingActivationBytes;
    }

    /// <summary>One step's time terms in seconds and its FLOPs.</summary>
    internal struct StepSeconds
    {
        public double Compute;
        public double Bubble;
        public double Tensor;
        public double Context;
        public double Expert;
        public double Pipeline;
        public double Data;
        public double DataExposed;
        public double HardwareFlops;
        public double ModelFlops;

        public readonly double Total => Compute + Bubble + Tensor + Context + Expert + Pipeline + DataExposed;
    }

    /// <summary>A failed plan check as data: stable id, severity, the plan key it concerns, and the message.</summary>
    internal readonly struct PlanFinding
    {
        public PlanFinding(string id, bool isError, string field, string message)
        {
            Id = id;
            IsError = isError;
            Field = field;
            Message = message;
        }

        public string Id { get; }
        public bool IsError { get; }
        public string Field { get; }
        public string Message { get; }
    }

    /// <summary>
    /// A model's shape prepared once for evaluating many plans: per-layer parameter counts and which layers are MoE layers
    /// (a prefix count, so a pipeline chunk's mix costs two look-ups). Formulas and sources: docs/planning.md; each one is
    /// cited where it is used below.
    /// </summary>
    internal sealed class TrainingCore
    {
        private readonly ModelShape _shape;
        private readonly int[] _moeBefore;
        private readonly double _attention, _denseFfn, _expertFfn;
        private readonly double _matmulPerToken, _outputLayer, _attentionPerKey, _localLayers, _window;

        private TrainingCore(string modelId, ModelShape shape, int layers, int hidden, int vocabulary, double attention, double matmulPerToken, double total)
        {
            ModelId = modelId;
            _shape = shape;
            Layers = layers;
            Hidden = hidden;
            Vocabulary = vocabulary;
            _attention = attention;
            double matrices = shape.Gated == true ? 3 : 2;
            _denseFfn = shape.FfnHiddenSize is int f ? matrices * hidden * f : 0;
            _expertFfn = shape.IsMixtureOfExperts && shape.ExpertFfnHiddenSize is int fe ? matrices * hidden * fe : 0;
            _moeBefore = new int[layers + 1];
            for (int layer = 0; layer < layers; layer++) _moeBefore[layer + 1] = _moeBefore[layer] + (IsMoeLayer(shape, layer) ? 1 : 0);

            _matmulPerToken = matmulPerToken;
            TotalParameters = total;
            _outputLayer = (double)vocabulary * hidden;
            double queryKey = shape.IsLatentAttention ? shape.HeadDim + (shape.RopeHeadDim ?? 0) : shape.HeadDim;
            double value = shape.IsLatentAttention ? shape.VHeadDim ?? shape.HeadDim : shape.HeadDim;
            _attentionPerKey = 2.0 * shape.Heads * (queryKey + value);
            _localLayers = LocalLayerCount(shape, layers);
            _window = shape.SlidingWindow ?? 0;
        }

        public string ModelId { get; }

        public int Layers { get; }

        public int Hidden { get; }

        public int Vocabulary { get; }

        public ref readonly ModelShape Shape => ref _shape;

        public int MoeLayers => _moeBefore[Layers];

        /// <summary>Every weight of the model (ParameterCount).</summary>
        public double TotalParameters { get; }

        /// <summary>One layer's attention weights (no tensor-parallel copies).</summary>
        public double AttentionParameters => _attention;

        /// <summary>One dense layer's FFN weights, and one routed or shared expert's.</summary>
        public double DenseFfnParameters => _denseFfn;

        public double ExpertParameters => _expertFfn;

        /// <summary>Weights a token multiplies through (active experts only), the output layer included.</summary>
        public double MatmulPerToken => _matmulPerToken;

        /// <summary>Every routed expert's weights, over all MoE layers.</summary>
        public double RoutedExpertParameters => (double)MoeLayers * _shape.RoutedExperts * _expertFfn;

        /// <summary>The attention core's FLOPs per (query, key) pair in one layer, and the local layers' count and window.</summary>
        public double AttentionPerKey => _attentionPerKey;

        public double LocalLayers => _localLayers;

        public double Window => _window;

        /// <summary>
        /// Prepares <paramref name="shape"/>, or says what it lacks: layers, hidden size, vocabulary, activation, tied
        /// embeddings, attention, and the FFN widths its layers use.
        /// </summary>
        public static TrainingCore? TryCreate(string modelId, in ModelShape shape, out string? missing)
        {
            missing = null;
            if (shape.Layers is not int layers || layers <= 0 || shape.HiddenSize is not int h || h <= 0 || shape.VocabularySize is not int vocabulary
                || shape.Gated is null || shape.Heads <= 0)
            {
                missing = "layers, hiddenSize, vocabularySize, activation and attention";
                return null;
            }

            if (ParameterCount.Attention(shape, h) is not long attention)
            {
                missing = "the attention shape (head size, key/value heads, MLA's ranks)";
                return null;
            }

            if (ParameterCount.MoeLayers(shape, layers) < layers && shape.FfnHiddenSize is null)
            {
                missing = "ffnHiddenSize for the dense layers";
                return null;
            }

            if (shape.IsMixtureOfExperts && ParameterCount.MoeLayers(shape, layers) > 0 && shape.ExpertFfnHiddenSize is null)
            {
                missing = "expertFfnHiddenSize for the MoE layers";
                return null;
            }

            if (!ParameterCount.TryCount(shape, out long total, out _) || !ParameterCount.TryCountMatmulPerToken(shape, out long matmul))
            {
                missing = "the full shape the parameter count needs (tiedEmbeddings, MLA's vHeadDim)";
                return null;
            }

            return new TrainingCore(modelId, shape, layers, h, vocabulary, attention, matmul, total);
        }

        // ---------------------------------------------------------------- memory

        /// <summary>
        /// Stage <paramref name="stage"/>'s parameters and activations on one GPU. Under 1F1B stage i holds min(p − i, m)
        /// micro-batches in flight (Narayanan et al. 2021, section 2.2.1); interleaved, stage i runs 2(p − i − 1) + (v − 1)p + 1
        /// chunk forwards before its first backward (Korthikanti et al. 2022, section 4.2.3: 1 + (p − 1)/(p·v) more on stage 0).
        /// When p·v does not divide L the first L mod (p·v) chunks hold one layer more.
        /// </summary>
        public StageLoad Stage(in TrainingInputs x, int stage)
        {
            LayerActivations(x, out double denseActivation, out double moeActivation);
            return Stage(x, stage, denseActivation, moeActivation);
        }

        private StageLoad Stage(in TrainingInputs x, int stage, double denseActivation, double moeActivation)
        {
            int t = x.Tensor, p = x.Pipeline, v = x.VirtualStages;
            int inFlight = Math.Min(p - stage, Math.Max(1, x.MicroBatches));
            double interleave = v > 1 ? (2.0 * (p - stage - 1) + (v - 1) * p + 1) / ((double)v * (p - stage)) : 1;

            ModelShape shape = _shape;
            double h = Hidden;
            double attention = _attention;

            // With fewer key/value heads than tensor ranks, each rank keeps a copy of one: t/kv copies of each K and V head.
            if (!shape.IsLatentAttention && shape.KvHeads < t) attention += 2.0 * h * (t - shape.KvHeads) * shape.HeadDim;

            int chunkSize = Layers / (p * v), longChunks = Layers % (p * v);
            int layers = 0, moe = 0;
            for (int k = 0; k < v; k++)
            {
                int c = k * p + stage;
                int first = c * chunkSize + Math.Min(c, longChunks);
                int size = chunkSize + (c < longChunks ? 1 : 0);
                layers += size;
                moe += _moeBefore[first + size] - _moeBefore[first];
            }

            int dense = layers - moe;
            var load = new StageLoad
            {
                Stage = stage,
                Layers = layers,
                InFlight = inFlight,
                DenseParameters = layers * attention / t + dense * _denseFfn / t
                    + moe * (shape.SharedExperts * _expertFfn / t + h * shape.RoutedExperts),
                ExpertParameters = moe * shape.RoutedExperts * _expertFfn / ((double)x.Expert * t),
                NormParameters = 2.0 * h * layers,
                LayerActivationBytes = (dense * denseActivation + moe * moeActivation) * inFlight * interleave,
            };

            // Embeddings: the input embedding on the first stage, the output layer on the last, both split over t by
            // vocabulary (Megatron-LM); with p = 1 the one stage holds both (one matrix when tied) and the final norm. A tied
            // output layer on a last stage with p > 1 keeps its own copy of the matrix.
            bool firstStage = stage == 0, lastStage = stage == p - 1;
            double matrix = (double)Vocabulary * h / t;
            load.EmbeddingParameters = (firstStage ? matrix : 0) + (lastStage && !(p == 1 && shape.TiedEmbeddings == true) ? matrix : 0);
            if (lastStage) load.NormParameters += h;
            load.EmbeddingActivationBytes = EmbeddingActivationBytes(x, firstStage, lastStage, inFlight);
            return load;
        }

        /// <summary>
        /// The group that ZeRO shards a part's states over: the dense parts over d·c (Megatron-LM's data-parallel group with
        /// context parallelism), the routed experts over d·c/e (their expert-data-parallel group).
        /// </summary>
        public static double DenseShards(in TrainingInputs x) => (double)x.Data * x.Context;

        public static double ExpertShards(in TrainingInputs x) => (double)x.Data * x.Context / x.Expert;

        /// <summary>
        /// Bytes of <paramref name="parameters"/>' weights, gradients and optimizer states over <paramref name="shards"/>
        /// ranks as the ZeRO stage says (Rajbhandari et al. 2020, arXiv:1910.02054, section 5 and figure 1: P_os keeps
        /// (2 + 2)Ψ + KΨ/N_d, P_os+g 2Ψ + (2 + K)Ψ/N_d, P_os+g+p (2 + 2 + K)Ψ/N_d).
        /// </summary>
        public static void States(in TrainingInputs x, double parameters, double shards, out double weights, out double gradients, out double optimizer)
        {
            weights = parameters * x.WeightBytes / (x.Zero >= ZeroStage.Parameters ? shards : 1);
            gradients = parameters * x.GradientBytes / (x.Zero >= ZeroStage.Gradients ? shards : 1);
            optimizer = parameters * x.OptimizerBytes / (x.Zero >= ZeroStage.OptimizerStates ? shards : 1);
        }

        /// <summary>Bytes a stage's GPU holds: its model states sharded as the ZeRO stage says, and its activations.</summary>
        public static double TotalBytes(in TrainingInputs x, in StageLoad load)
        {
            double dense = load.DenseParameters + load.NormParameters + load.EmbeddingParameters;
            States(x, dense, DenseShards(x), out double w, out double g, out double o);
            States(x, load.ExpertParameters, ExpertShards(x), out double ew, out double eg, out double eo);
            return w + g + o + ew + eg + eo + load.LayerActivationBytes + load.EmbeddingActivationBytes;
        }

        /// <summary>The stage that needs the most memory (dense leading layers or a large output layer can make it another than the first), and its bytes.</summary>
        public StageLoad Peak(in TrainingInputs x, out double bytes)
        {
            LayerActivations(x, out double denseActivation, out double moeActivation);
            StageLoad peak = Stage(x, 0, denseActivation, moeActivation);
            bytes = TotalBytes(x, peak);
            for (int stage = 1; stage < x.Pipeline; stage++)
            {
                StageLoad load = Stage(x, stage, denseActivation, moeActivation);
                double total = TotalBytes(x, load);
                if (total > bytes)
                {
                    peak = load;
                    bytes = total;
                }
            }

            return peak;
        }

        /// <summary>
        /// Bytes of activations one layer keeps for one micro-batch on one GPU, for a dense and for a MoE layer: Korthikanti
        /// et al. 2022 (arXiv:2205.05198), section 4.1, with 16-bit activations and 1-byte dropout masks: sbh(34 + 5as/h)
        /// whole, sbh(10 + 24/t + 5as/(ht)) under tensor parallelism, sbh(34/t + 5as/(ht)) with sequence parallelism (table
        /// 2). The terms are generalised from the model's shape: query, key and value widths (GQA, MLA), the FFN width f and
        /// a gate (the 16sbh of f = 4h becomes 2·A·sbf, or 3·A·sbf gated), and in a MoE layer the FFN terms once per active
        /// and shared expert. Context parallelism keeps s/c tokens of each sequence on a GPU; its queries still attend all
        /// s keys, so the softmax terms are 5a(s/c)s·b.
        /// </summary>
        public void LayerActivations(in TrainingInputs x, out double dense, out double moe)
        {
            ModelShape shape = _shape;
            double t = x.Tensor;
            double s = x.SequenceLength, local = s / x.Context, b = x.MicroBatch, h = Hidden;
            double element = x.ActivationBytes; // 2 in the paper
            double sequenceSplit = x.SequenceParallel ? t : 1;

            // Full recomputation keeps each layer's input only: 2sbh (table 2), split over t with sequence parallelism.
            if (x.Recomputation == ActivationRecomputation.Full)
            {
                dense = moe = element * local * b * h / sequenceSplit;
                return;
            }

            if (x.Storage == ActivationStorage.DeepSeekV3)
            {
                dense = DeepSeekV3LayerActivations(x, moeLayer: false);
                moe = DeepSeekV3LayerActivations(x, moeLayer: true);
                return;
            }

            // Widths of the tensors attention keeps: queries, keys, values, and the output projection's input.
            double heads = shape.Heads, query, key, value, output;
            if (shape.IsLatentAttention)
            {
                double qk = shape.HeadDim + (shape.RopeHeadDim ?? 0);
                query = key = heads * qk;
                value = output = heads * (shape.VHeadDim ?? shape.HeadDim);
            }
            else
            {
                query = output = heads * shape.HeadDim;
                key = value = Math.Max(shape.KvHeads, x.Tensor) * (double)shape.HeadDim; // copies when kv < t, as above
            }

            double lb = local * b;
            double scores = x.Recomputation == ActivationRecomputation.None ? (2 * element + 1) * heads * local * s * b : 0;
            dense = Layer(1, shape.FfnHiddenSize ?? 0);
            moe = shape.IsMixtureOfExperts ? Layer(shape.ActiveExperts + shape.SharedExperts, shape.ExpertFfnHiddenSize ?? 0) : dense;

            double Layer(double ffnCopies, double ffnWidth)
            {
                // Kept whole on every tensor-parallel rank unless sequence parallel: the two norms' inputs, the QKV
                // projection's input, the FFN's input (once per expert a token visits), and the two 1-byte dropout masks.
                double whole = element * lb * h * (2 + 1 + ffnCopies) + 2 * lb * h;

                // Split over t: Q and K (4sbh), V (2sbh), the output projection's input (2sbh), the FFN activation's input
                // and output (2 × 8sbh at f = 4h; a gated FFN keeps its gate and up outputs and their product: 3 × 2sbf);
                // the softmax output, its dropout mask and the dropout output (5as²b) unless recomputed (section 5).
                double split = element * lb * (query + key + value + output)
                    + ffnCopies * (shape.Gated == true ? 3 : 2) * element * lb * ffnWidth + scores;
                return whole / sequenceSplit + split / t;
            }
        }

        /// <summary>
        /// DeepSeek-V3's storage (arXiv:2412.19437): RMSNorm outputs and MLA's up-projections are recomputed (section 3.2.3),
        /// so the layer keeps its two norms' inputs (activation format), MLA's query and key/value latents (inputs of the
        /// up-projections, FP8) and the shared RoPE key (activation format); the input of the linear after attention in E5M6
        /// (1.5 bytes); per expert a token visits (and in a dense layer once) the FFN's input in FP8 and the SwiGLU's input
        /// (gate and up outputs, 2f wide) in FP8, its output recomputed (section 3.3.3). No dropout masks; the attention
        /// scores are kept only without recomputation.
        /// </summary>
        private double DeepSeekV3LayerActivations(in TrainingInputs x, bool moeLayer)
        {
            ModelShape shape = _shape;
            double t = x.Tensor;
            double s = x.SequenceLength, local = s / x.Context, b = x.MicroBatch, h = Hidden;
            double lb = local * b;
            double element = x.ActivationBytes;
            const double fp8 = 1, e5m6 = 1.5;
            double sequenceSplit = x.SequenceParallel ? t : 1;

            double heads = shape.Heads;
            double latents = (shape.QLoraRank ?? 0) + (shape.KvLoraRank ?? 0);
            double rope = shape.RopeHeadDim ?? 0;
            double valueWidth = heads * (shape.VHeadDim ?? shape.HeadDim);
            bool moe = moeLayer && shape.IsMixtureOfExperts;
            double ffnCopies = moe ? shape.ActiveExperts + shape.SharedExperts : 1;
            double ffnWidth = moe ? shape.ExpertFfnHiddenSize ?? 0 : shape.FfnHiddenSize ?? 0;
            double ffnInputs = shape.Gated == true ? 2 : 1; // SwiGLU's input is the gate and up outputs

            double whole = 2 * element * lb * h;
            double split = fp8 * lb * latents + element * lb * rope + e5m6 * lb * valueWidth
                + ffnCopies * (fp8 * lb * h + ffnInputs * fp8 * lb * ffnWidth);
            if (x.Recomputation == ActivationRecomputation.None) split += element * heads * local * s * b;
            return whole / sequenceSplit + split / t;
        }

        /// <summary>
        /// Activations outside the layers (Korthikanti et al. 2022, section 4.3): the input embedding's dropout mask, sbh per
        /// micro-batch in flight on the first stage; on the last stage, the final norm's and the output projection's inputs
        /// (2sbh each) and the FP32 logits of the cross-entropy (4sbv/t): 4sbh/t·(1 + v/h) with sequence parallelism.
        /// </summary>
        private double EmbeddingActivationBytes(in TrainingInputs x, bool firstStage, bool lastStage, int inFlight)
        {
            double t = x.Tensor;
            double sequenceSplit = x.SequenceParallel ? t : 1;
            double lb = (double)x.SequenceLength / x.Context * x.MicroBatch;
            double sbh = lb * Hidden;
            double bytes = x.Storage == ActivationStorage.DeepSeekV3 || !firstStage ? 0 : sbh * inFlight / sequenceSplit;
            if (lastStage) bytes += 2 * x.ActivationBytes * sbh / sequenceSplit + 4 * lb * Vocabulary / t;
            return bytes;
        }

        // ---------------------------------------------------------------- FLOPs

        /// <summary>
        /// The attention core of one token's forward pass (QKᵀ and attention over V, every layer): 2·span·heads·(qk head
        /// size + v head size) per layer; a local layer attends at most its window.
        /// </summary>
        public double AttentionCorePerToken(int span)
            => _attentionPerKey * ((Layers - _localLayers) * (double)span + _localLayers * Math.Min(_window > 0 ? _window : span, span));

        /// <summary>Forward FLOPs per token: 2 per weight a token multiplies through, and the attention core.</summary>
        public double ForwardPerToken(int span) => 2.0 * _matmulPerToken + AttentionCorePerToken(span);

        /// <summary>
        /// Training FLOPs per token: three forward passes (forward, and a backward pass of twice the forward's work) plus what
        /// recomputation repeats (the attention core, or every layer's forward). For GPT-3's shape with full recomputation
        /// this is Narayanan et al. 2021, equation (3): 96·B·s·l·h²·(1 + s/(6h) + V/(16·l·h)).
        /// </summary>
        public double TrainingPerToken(int sequenceLength, ActivationRecomputation recomputation)
        {
            double core = AttentionCorePerToken(sequenceLength);
            double forward = 2.0 * _matmulPerToken + core;
            double recomputed = recomputation switch
            {
                ActivationRecomputation.None => 0,
                ActivationRecomputation.Selective => core,
                _ => 2.0 * (_matmulPerToken - _outputLayer) + core,
            };

            return 3 * forward + recomputed;
        }

        // ---------------------------------------------------------------- time

        /// <summary>
        /// One step's time terms (docs/planning.md, "Step time"). <paramref name="flopRate"/> is what one GPU achieves;
        /// <paramref name="scaleUp"/> and <paramref name="scaleOut"/> are per-direction rates in bytes per second, a group
        /// that spans at most <paramref name="domain"/> consecutive ranks using the first. The caller has checked that the
        /// global batch holds at least one micro-batch per data-parallel rank. Collective time is NCCL's bus-bandwidth
        /// accounting (nccl-tests, doc/PERFORMANCE.md): S·f(n)/bandwidth, f = 2(n−1)/n for all-reduce, (n−1)/n for
        /// all-gather, reduce-scatter and all-to-all, 1 for point-to-point. <paramref name="peak"/> is the stage whose
        /// gradients the data-parallel reduction waits for.
        /// </summary>
        public StepSeconds Step(in TrainingInputs x, in StageLoad peak, double flopRate, double scaleUp, double scaleOut, int domain, bool overlapDataParallel)
        {
            int t = x.Tensor, p = x.Pipeline, v = x.VirtualStages, e = x.Expert, c = x.Context;
            double gpus = x.GpuCount;
            int m = x.MicroBatches;
            double s = x.SequenceLength, b = x.MicroBatch, h = Hidden;
            double tokens = (double)x.GlobalBatch * s;

            var step = new StepSeconds
            {
                HardwareFlops = TrainingPerToken(x.SequenceLength, x.Recomputation) * tokens,
                ModelFlops = TrainingPerToken(x.SequenceLength, ActivationRecomputation.None) * tokens,
            };
            step.Compute = step.HardwareFlops / (gpus * flopRate);

            // Narayanan et al. 2021, section 2.2: the bubble is (p−1)/m of the ideal time, (p−1)/(v·m) interleaved.
            step.Bubble = step.Compute * (p - 1) / ((double)v * m);

            double element = x.ActivationBytes;
            double layerActivation = b * (s / c) * h * element;
            double layersPerStage = (double)Layers / p;

            // Megatron's f and g (Shoeybi et al. 2019, figure 3): two all-reduces in the forward pass and two in the backward
            // pass per layer and micro-batch; a full recomputation repeats the forward pair.
            if (t > 1)
            {
                int perLayer = x.Recomputation == ActivationRecomputation.Full ? 6 : 4;
                step.Tensor = layerActivation * 2 * (t - 1) / t / Rate(t) * perLayer * layersPerStage * m;
            }

            // Context parallelism (Megatron-LM's ring attention): each layer all-gathers the sequence's keys and values in
            // the forward pass, and again with a reduce-scatter of their gradients in the backward pass: three collectives
            // of the full sequence's K and V (this rank's heads) over the c ranks; the forward pair again under full
            // recomputation. Counted as exposed (Megatron overlaps it with attention when the chunks are long enough).
            if (c > 1)
            {
                ModelShape shape = _shape;
                double kvWidth = shape.IsLatentAttention
                    ? shape.Heads * (shape.HeadDim + (shape.RopeHeadDim ?? 0) + (shape.VHeadDim ?? shape.HeadDim))
                    : 2.0 * Math.Max(shape.KvHeads, t) * shape.HeadDim;
                double kv = b * s * kvWidth / t * element;
                int perLayer = x.Recomputation == ActivationRecomputation.Full ? 4 : 3;
                step.Context = kv * (c - 1) / c / Rate(t * c) * perLayer * layersPerStage * m;
            }

            // Expert parallelism: each MoE layer dispatches every token to its active experts and combines them back, in
            // the forward and the backward pass: four all-to-alls of b·(s/c)·k hidden vectors per micro-batch.
            if (e > 1 && _shape.IsMixtureOfExperts)
            {
                double routed = b * (s / c) * _shape.ActiveExperts * h * element;
                step.Expert = routed * (e - 1) / e / Rate(e * t * c) * 4 * ((double)MoeLayers / p) * m;
            }

            // Pipeline: each micro-batch's activations go forward and their gradients back across each of a GPU's v chunk
            // boundaries.
            if (p > 1) step.Pipeline = layerActivation / Rate(t * c * p) * 2.0 * v * m;

            // Data parallelism: the peak stage's gradients, all-reduced over their group (ZeRO stages 1 and 2 move the same
            // bytes as a reduce-scatter plus an all-gather; stage 3 gathers the parameters once more: 1.5×, Rajbhandari et
            // al. 2020, section 7): the dense parts over d·c, the routed experts over d·c/e.
            double denseGroup = DenseShards(x), expertGroup = ExpertShards(x);
            double denseGradients = (peak.DenseParameters + peak.NormParameters + peak.EmbeddingParameters) * x.GradientBytes;
            double expertGradients = peak.ExpertParameters * x.GradientBytes;
            double data = 0;
            double dataRate = Rate((int)Math.Min(int.MaxValue, gpus));
            if (denseGroup > 1) data += denseGradients * 2 * (denseGroup - 1) / denseGroup / dataRate;
            if (expertGroup > 1) data += expertGradients * 2 * (expertGroup - 1) / expertGroup / dataRate;
            if (x.Zero == ZeroStage.Parameters) data *= 1.5;
            step.Data = data;
            step.DataExposed = overlapDataParallel ? Math.Max(0, data - step.Compute) : data;
            return step;

            double Rate(int span) => span <= domain ? scaleUp : scaleOut;
        }

        // ---------------------------------------------------------------- checks

        /// <summary>
        /// The checks that need only the model and the numbers (HWC201–206, 209, 210), in id order. Field names are the plan
        /// file's keys.
        /// </summary>
        public static void CheckLayout(in ModelShape shape, string modelId, in TrainingInputs x, long gpus, List<PlanFinding> findings)
        {
            int t = x.Tensor, p = x.Pipeline, v = x.VirtualStages, e = x.Expert, c = x.Context;
            if (x.GpuCount != gpus)
            {
                findings.Add(new PlanFinding("HWC201", true, "gpus", Invariant(
                    $"The plan has {gpus:N0} GPUs, but tensor × pipeline × context × data parallelism is {t} × {p} × {c} × {x.Data} = {x.GpuCount:N0}")));
            }

            TensorHeads(shape, modelId, t, "HWC202", "HWC203", findings);

            if (shape.Layers is int layers)
            {
                if (layers < p * v)
                {
                    findings.Add(new PlanFinding("HWC204", true, "pipeline", Invariant(
                        $"'{modelId}' has {layers} layers, fewer than pipeline {p} × virtual stages {v} = {p * v} chunks: some stages would hold no layer")));
                }
                else if (layers % (p * v) != 0)
                {
                    findings.Add(new PlanFinding("HWC204", false, "pipeline", Invariant(
                        $"'{modelId}' has {layers} layers, which pipeline {p} × virtual stages {v} does not divide: the first stages hold one layer more and set the step time and the memory peak")));
                }
            }

            if (e > 1 && (!shape.IsMixtureOfExperts || shape.RoutedExperts % e != 0))
            {
                findings.Add(new PlanFinding("HWC205", true, "expert", shape.IsMixtureOfExperts
                    ? Invariant($"'{modelId}' has {shape.RoutedExperts} routed experts, which expert parallelism {e} does not divide")
                    : Invariant($"'{modelId}' is a dense model: expert parallelism {e} has no experts to split")));
            }

            long perStep = (long)x.MicroBatch * x.Data;
            if (x.GlobalBatch % perStep != 0)
            {
                findings.Add(new PlanFinding("HWC206", true, "globalBatch", Invariant(
                    $"The global batch of {x.GlobalBatch:N0} sequences is not a multiple of micro-batch × data parallelism = {x.MicroBatch} × {x.Data} = {perStep:N0}")));
            }

            if (x.Storage == ActivationStorage.DeepSeekV3 && (!shape.IsLatentAttention || shape.KvLoraRank is null))
            {
                findings.Add(new PlanFinding("HWC210", true, "activationStorage", Invariant(
                    $"DeepSeek-V3's activation storage keeps MLA's latents and recomputes its up-projections, but '{modelId}' has no multi-head latent attention")));
            }

            if (c > 1 && x.SequenceLength % (2 * c) != 0)
            {
                findings.Add(new PlanFinding("HWC209", true, "context", Invariant(
                    $"Context parallelism {c} splits each sequence into 2 × {c} chunks (two per rank, for causal load balance), which the sequence length {x.SequenceLength:N0} does not divide")));
            }
        }

        /// <summary>
        /// HWC208 when <paramref name="peak"/>'s bytes exceed <paramref name="capacity"/>: the message names the three largest
        /// terms and what would shrink them.
        /// </summary>
        public static PlanFinding? CheckMemory(in TrainingInputs x, in StageLoad peak, double capacity, bool nominal, string gpuId)
        {
            double required = TotalBytes(x, peak);
            if (required <= capacity) return null;

            double dense = peak.DenseParameters, norms = peak.NormParameters, embeddings = peak.EmbeddingParameters;
            States(x, dense, DenseShards(x), out double lw, out double lg, out double lo);
            States(x, peak.ExpertParameters, ExpertShards(x), out double ew, out double eg, out double eo);
            States(x, norms, DenseShards(x), out double nw, out double ng, out double no);
            States(x, embeddings, DenseShards(x), out double mw, out double mg, out double mo);
            var terms = new List<KeyValuePair<string, double>>
            {
                new("Layers Parameters", lw), new("Layers Gradients", lg), new("Layers OptimizerStates", lo), new("Layers Activations", peak.LayerActivationBytes),
                new("Experts Parameters", ew), new("Experts Gradients", eg), new("Experts OptimizerStates", eo),
                new("Norms Parameters", nw), new("Norms Gradients", ng), new("Norms OptimizerStates", no),
                new("EmbeddingsAndOutput Parameters", mw), new("EmbeddingsAndOutput Gradients", mg), new("EmbeddingsAndOutput OptimizerStates", mo),
                new("EmbeddingsAndOutput Activations", peak.EmbeddingActivationBytes),
            };
            terms.Sort((a, b) => b.Value.CompareTo(a.Value));
            string largest = string.Join(", ", terms.GetRange(0, 3).ConvertAll(term => $"{term.Key} {Gib(term.Value)}"));
            string against = nominal ? "its nominal memory (no usable figure is published)" : "its usable memory";
            string stage = x.Pipeline > 1 ? Invariant($" on pipeline stage {peak.Stage}") : "";
            return new PlanFinding("HWC208", true, "system",
                $"The plan needs {Gib(required)} per GPU{stage} on '{gpuId}', {Gib(required - capacity)} more than {against}, {Gib(capacity)}. Largest terms: {largest}. "
                + "More tensor or pipeline parallelism, a higher ZeRO stage, recomputation or a smaller micro-batch would shrink them");
        }

        /// <summary>
        /// Whether t splits the attention heads (<paramref name="headsId"/>) and splits or evenly replicates the key/value
        /// heads (<paramref name="kvHeadsId"/>; MLA's latent is whole on every rank): the same rule for training and serving.
        /// </summary>
        internal static void TensorHeads(in ModelShape shape, string modelId, int t, string headsId, string kvHeadsId, List<PlanFinding> findings)
        {
            if (shape.Heads <= 0) return;
            if (shape.Heads % t != 0)
            {
                findings.Add(new PlanFinding(headsId, true, "tensor", Invariant(
                    $"'{modelId}' has {shape.Heads} attention heads, which tensor parallelism {t} does not divide: each GPU must hold whole heads")));
            }

            if (!shape.IsLatentAttention && shape.KvHeads > 0 && shape.KvHeads % t != 0 && t % shape.KvHeads != 0)
            {
                findings.Add(new PlanFinding(kvHeadsId, true, "tensor", Invariant(
                    $"'{modelId}' has {shape.KvHeads} key/value heads: tensor parallelism {t} neither splits them evenly nor replicates them evenly")));
            }
        }

        internal static string Gib(double bytes) => (bytes / (1024d * 1024 * 1024)).ToString("N1", CultureInfo.InvariantCulture) + " GiB";

        internal static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

        private static bool IsMoeLayer(in ModelShape shape, int layer)
        {
            if (!shape.IsMixtureOfExperts || layer < shape.DenseLayers) return false;
            int interval = shape.LayerInterval > 0 ? shape.LayerInterval : 1;
            return (layer - shape.DenseLayers + 1) % interval == 0;
        }

        private static double LocalLayerCount(in ModelShape shape, int layers)
        {
            if (shape.SlidingWindow is null) return 0;
            if (shape.LocalLayers is not int local || shape.GlobalLayers is not int global || global == 0) return layers;
            int period = local + global;
            return layers / period * local + Math.Min(layers % period, local);
        }
    }
}
