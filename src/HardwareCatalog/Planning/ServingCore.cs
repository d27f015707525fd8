// The one serving-plan model (memory per GPU, prefill and decode time, checks) over plain numbers: ServingPlan wraps it
// in typed results and the concurrency sweep runs it without allocating. Formulas, sources and limits: docs/serving.md.
using System;
using System.Collections.Generic;
using System.Globalization;

namespace HardwareCatalog.Planning
{
    /// <summary>A serving plan's settings as numbers: what <see cref="ServingCore"/> evaluates.</summary>
    internal struct ServingInputs
    {
        public int Tensor;
        public int Pipeline;
        public int Expert;
        public int Replicas;
        public int RedundantExperts;

        /// <summary>Bytes per stored weight with its scales, and per cached key/value element.</summary>
        public double WeightBytes;
        public double KvBytes;

        /// <summary>Sequences in flight over the whole plan, spread evenly over the replicas.</summary>
        public double Concurrency;
        public int InputTokens;
        public int OutputTokens;
        public double PrefixHitRate;
        public int DraftTokens;
        public double Acceptance;

        /// <summary>Tokens one prefill forward processes at most (chunked prefill): sets the activation workspace.</summary>
        public int PrefillChunk;

        public readonly long GpuCount => (long)Tensor * Pipeline * Replicas;

        public readonly double PerReplica => Concurrency / Replicas;
    }

    /// <summary>Bytes one GPU holds.</summary>
    internal struct ServingBytes
    {
        public double DenseWeights;
        public double ExpertWeights;
        public double KvCache;
        public double Workspace;

        public readonly double Weights => DenseWeights + ExpertWeights;

        public readonly double Total => DenseWeights + ExpertWeights + KvCache + Workspace;
    }

    /// <summary>One decode step of a replica, in seconds and bytes.</summary>
    internal struct DecodeStep
    {
        /// <summary>Bytes one GPU reads per step: the weights the batch touches, and its sequences' KV cache.</summary>
        public double WeightBytesRead;
        public double KvBytesRead;
        public double MemorySeconds;
        public double ComputeSeconds;
        public double TensorSeconds;
        public double ExpertSeconds;
        public double PipelineSeconds;

        /// <summary>Tokens each sequence gains per step: (1 − a^(k+1)) / (1 − a) with k drafted tokens accepted at rate a.</summary>
        public double TokensPerStep;

        /// <summary>Distinct routed experts the step's tokens reach on one GPU per MoE layer, and how many it holds.</summary>
        public double ExpertsTouched;
        public double ExpertsHeld;

        public readonly double Seconds => Math.Max(MemorySeconds, ComputeSeconds) + TensorSeconds + ExpertSeconds + PipelineSeconds;
    }

    /// <summary>One request's prefill in a replica, in seconds.</summary>
    internal struct PrefillTime
    {
        public double Flops;
        public double ComputeSeconds;
        public double MemorySeconds;
        public double TensorSeconds;

        public readonly double Seconds => Math.Max(ComputeSeconds, MemorySeconds) + TensorSeconds;
    }

    /// <summary>The serving model over a model's prepared shape (<see cref="TrainingCore"/> holds its per-layer counts).</summary>
    internal sealed class ServingCore
    {
        private readonly TrainingCore _model;

        public ServingCore(TrainingCore model) => _model = model;

        public TrainingCore Model => _model;

        // ---------------------------------------------------------------- memory

        /// <summary>
        /// Weights one GPU holds: the dense parts (attention, dense FFNs, shared experts, router, norms, embeddings) split
        /// over t·p; the routed experts split over t·p without expert parallelism, or (E + redundant)/e whole experts per
        /// GPU with it (vLLM's and DeepSeek's expert parallelism: experts are not tensor-split), over the stage's MoE layers.
        /// The input embedding and the output layer stay in 16 bits (quantized checkpoints keep them so); the rest is in
        /// the weight format.
        /// </summary>
        public void Weights(in ServingInputs x, ref ServingBytes bytes)
        {
            double routed = _model.RoutedExpertParameters;
            double embeddings = (double)_model.Vocabulary * _model.Hidden * (_model.Shape.TiedEmbeddings == true ? 1 : 2);
            double dense = _model.TotalParameters - routed - embeddings;
            bytes.DenseWeights = (dense * x.WeightBytes + embeddings * 2) / ((double)x.Tensor * x.Pipeline);
            ref readonly ModelShape shape = ref _model.Shape;
            bytes.ExpertWeights = !shape.IsMixtureOfExperts ? 0
                : x.Expert > 1
                    ? (double)_model.MoeLayers / x.Pipeline * ((double)(shape.RoutedExperts + x.RedundantExperts) / x.Expert) * _model.ExpertParameters * x.WeightBytes
                    : routed / ((double)x.Tensor * x.Pipeline) * x.WeightBytes;
        }

        /// <summary>
        /// KV cache of one sequence of <paramref name="context"/> tokens on one GPU: every layer's keys and values (MLA: its
        /// latent and RoPE key), local layers at most their window (as KvCache.BytesPerSequence counts them), split over the
        /// p stages and over the tensor ranks that hold distinct key/value heads: min(t, kv heads); MLA's latent is the
        /// same on every tensor rank.
        /// </summary>
        public double KvPerSequence(in ServingInputs x, double context)
        {
            ref readonly ModelShape shape = ref _model.Shape;
            double width = shape.IsLatentAttention
                ? (shape.KvLoraRank ?? 0) + (shape.RopeHeadDim ?? 0)
                : 2.0 * shape.KvHeads * shape.HeadDim;
            double layers = _model.Layers, local = _model.LocalLayers;
            double window = _model.Window > 0 ? Math.Min(_model.Window, context) : context;
            double tokenLayers = (layers - local) * context + local * window;
            double split = shape.IsLatentAttention ? 1 : Math.Min(x.Tensor, shape.KvHeads);
            return tokenLayers * width * x.KvBytes / (x.Pipeline * split);
        }

        /// <summary>
        /// The activation workspace of one prefill chunk on one GPU: the largest tensors a layer materialises for the chunk
        /// (its input and residual, 2h, and the wider of the QKV projection's and the FFN's gate and up outputs, split over
        /// t), at 2 bytes. An estimate: serving engines measure theirs with a profiling run (docs/serving.md).
        /// </summary>
        public double Workspace(in ServingInputs x)
        {
            ref readonly ModelShape shape = ref _model.Shape;
            double h = _model.Hidden;
            double qkv = shape.IsLatentAttention
                ? shape.Heads * (shape.HeadDim + (shape.RopeHeadDim ?? 0) + (shape.VHeadDim ?? shape.HeadDim))
                : (shape.Heads + 2.0 * shape.KvHeads) * shape.HeadDim;
            double gates = shape.Gated == true ? 2 : 1;
            double ffn = gates * Math.Max(shape.FfnHiddenSize ?? 0, shape.IsMixtureOfExperts ? (shape.ActiveExperts + shape.SharedExperts) * (double)(shape.ExpertFfnHiddenSize ?? 0) : 0);
            return x.PrefillChunk * 2.0 * (2 * h + Math.Max(qkv, ffn) / x.Tensor);
        }

        /// <summary>Weights, the KV cache of the replica's sequences at their longest (input + output tokens) and the workspace.</summary>
        public ServingBytes Memory(in ServingInputs x)
        {
            var bytes = new ServingBytes();
            Weights(x, ref bytes);
            bytes.KvCache = Math.Ceiling(x.PerReplica) * KvPerSequence(x, (double)x.InputTokens + x.OutputTokens);
            bytes.Workspace = Workspace(x);
            return bytes;
        }

        /// <summary>The most sequences the plan holds at <paramref name="context"/> tokens each, over all replicas.</summary>
        public double MaxConcurrency(in ServingInputs x, double capacity, double context)
        {
            var bytes = new ServingBytes();
            Weights(x, ref bytes);
            double free = capacity - bytes.Weights - Workspace(x);
            if (free <= 0) return 0;
            return Math.Floor(free / KvPerSequence(x, context)) * x.Replicas;
        }

        /// <summary>The longest context (tokens) each of the plan's sequences can hold at its concurrency; 0 when the weights do not fit.</summary>
        public double MaxContext(in ServingInputs x, double capacity)
        {
            var bytes = new ServingBytes();
            Weights(x, ref bytes);
            double free = capacity - bytes.Weights - Workspace(x);
            double perReplica = Math.Ceiling(x.PerReplica);
            if (free <= 0 || perReplica <= 0) return 0;
            if (perReplica * KvPerSequence(x, 1) > free) return 0;

            // The cache grows with the context (linearly, or more slowly once local layers reach their window): bisect.
            double low = 1, high = 1;
            while (high < 1e9 && perReplica * KvPerSequence(x, high * 2) <= free) high *= 2;
            if (high >= 1e9) return high;
            high *= 2;
            while (high - low > 1)
            {
                double middle = Math.Floor((low + high) / 2);
                if (perReplica * KvPerSequence(x, middle) <= free) low = middle;
                else high = middle;
            }

            return low;
        }

        // ---------------------------------------------------------------- time

        /// <summary>
        /// Attention-core FLOPs of the queries at positions first + 1 … last, each attending every key before it (causal):
        /// global layers Σ i, local layers Σ min(i, window).
        /// </summary>
        public double AttentionCore(double first, double last)
        {
            double global = _model.Layers - _model.LocalLayers;
            double sum = (last * (last + 1) - first * (first + 1)) / 2;
            double local = 0;
            if (_model.LocalLayers > 0)
            {
                double w = _model.Window;
                double below = Math.Min(last, w);
                double head = below > first ? (below * (below + 1) - first * (first + 1)) / 2 : 0;
                double tail = last > w ? (last - Math.Max(first, w)) * w : 0;
                local = _model.LocalLayers * (head + tail);
            }

            return _model.AttentionPerKey * (global * sum + local);
        }

        /// <summary>
        /// One request's prefill: 2 FLOPs per weight per uncached token (the cached prefix is not recomputed) plus the
        /// causal attention core of the uncached tokens over every earlier one, at the replica's t GPUs (the p stages run
        /// in turn); bounded below by reading each GPU's weights once per stage; plus two all-reduces of the uncached
        /// tokens' hidden states per layer over t.
        /// </summary>
        public PrefillTime Prefill(in ServingInputs x, double flopRate, double bandwidth, double scaleUp)
        {
            double cached = Math.Round(x.InputTokens * x.PrefixHitRate);
            double fresh = x.InputTokens - cached;
            var time = new PrefillTime { Flops = 2 * _model.MatmulPerToken * fresh + AttentionCore(cached, x.InputTokens) };
            time.ComputeSeconds = time.Flops / (x.Tensor * flopRate);
            var bytes = new ServingBytes();
            Weights(x, ref bytes);
            time.MemorySeconds = x.Pipeline * bytes.Weights / bandwidth;
            if (x.Tensor > 1) time.TensorSeconds = 2.0 * _model.Layers * fresh * _model.Hidden * 2 * 2 * (x.Tensor - 1) / x.Tensor / scaleUp;
            return time;
        }

        /// <summary>
        /// One decode step of a replica with B = concurrency / replicas sequences, each verifying k + 1 tokens (k drafted):
        /// each GPU reads its dense weights, the routed experts the step's tokens reach — uniform routing, so an expert
        /// escapes all T tokens' k-of-E choices with probability (1 − k/E)^T — and its sequences' KV cache at the average
        /// context (input + output/2), at the achieved bandwidth; bounded below by the step's FLOPs at the achieved rate;
        /// plus tensor-parallel all-reduces, expert-parallel all-to-alls and pipeline sends (bandwidth terms only).
        /// </summary>
        public DecodeStep Decode(in ServingInputs x, double flopRate, double bandwidth, double scaleUp, double scaleOut, int domain)
        {
            ref readonly ModelShape shape = ref _model.Shape;
            int t = x.Tensor, p = x.Pipeline, e = x.Expert;
            double batch = x.PerReplica;
            double verified = x.DraftTokens + 1;
            double a = x.Acceptance;
            var step = new DecodeStep
            {
                TokensPerStep = x.DraftTokens == 0 ? 1 : a >= 1 ? verified : (1 - Math.Pow(a, verified)) / (1 - a),
            };

            double tokens = batch * verified;
            double context = x.InputTokens + x.OutputTokens / 2.0;
            var bytes = new ServingBytes();
            Weights(x, ref bytes);
            double expertsRead = 0;
            if (shape.IsMixtureOfExperts && _model.MoeLayers > 0)
            {
                double k = shape.ActiveExperts;
                if (e > 1)
                {
                    // The expert-parallel group's e GPUs serve e/t replicas' tokens; each GPU holds (E + redundant)/e experts.
                    double physical = shape.RoutedExperts + x.RedundantExperts;
                    double reaching = tokens * e / t;
                    step.ExpertsHeld = physical / e;
                    step.ExpertsTouched = step.ExpertsHeld * (1 - Math.Pow(1 - k / physical, reaching));
                    expertsRead = (double)_model.MoeLayers / p * step.ExpertsTouched * _model.ExpertParameters * x.WeightBytes;
                }
                else
                {
                    double experts = shape.RoutedExperts;
                    step.ExpertsHeld = experts;
                    step.ExpertsTouched = experts * (1 - Math.Pow(1 - k / experts, tokens));
                    expertsRead = (double)_model.MoeLayers / p * step.ExpertsTouched * _model.ExpertParameters / t * x.WeightBytes;
                }
            }

            step.WeightBytesRead = bytes.DenseWeights + expertsRead;
            step.KvBytesRead = Math.Ceiling(batch) * KvPerSequence(x, context);
            step.MemorySeconds = p * (step.WeightBytesRead + step.KvBytesRead) / bandwidth;

            double flops = tokens * (2 * _model.MatmulPerToken + DecodeAttentionPerToken(context));
            step.ComputeSeconds = flops / (t * flopRate);

            double hidden = tokens * _model.Hidden * 2;
            double Rate(int span) => span <= domain ? scaleUp : scaleOut;
            if (t > 1) step.TensorSeconds = 2.0 * _model.Layers * hidden * 2 * (t - 1) / t / Rate(t);
            if (e > 1 && shape.IsMixtureOfExperts)
            {
                // Each GPU dispatches its tokens' hidden vectors to k experts and combines them back, per MoE layer.
                double sent = hidden / t * shape.ActiveExperts;
                step.ExpertSeconds = 2.0 * _model.MoeLayers * sent * (e - 1) / e / Rate(e);
            }

            if (p > 1) step.PipelineSeconds = (p - 1) * hidden / Rate(t * p);
            return step;
        }

        /// <summary>
        /// The attention core of one decoded token over <paramref name="context"/> keys. MLA decodes with its
        /// up-projections absorbed (DeepSeek-V2 report, section 2.1.2; vLLM, SGLang and DeepSeek's own inference do): the
        /// query meets the cached latent and RoPE key directly, 2·heads·(d_c + d_rope) FLOPs per key for the scores and
        /// 2·heads·d_c for the values, instead of the decompressed 2·heads·(d_qk + d_v).
        /// </summary>
        public double DecodeAttentionPerToken(double context)
        {
            ref readonly ModelShape shape = ref _model.Shape;
            if (!shape.IsLatentAttention || shape.KvLoraRank is not int latent) return _model.AttentionCorePerToken((int)Math.Min(int.MaxValue, Math.Ceiling(context)));
            return 2.0 * shape.Heads * (2.0 * latent + (shape.RopeHeadDim ?? 0)) * _model.Layers * context;
        }

        // ---------------------------------------------------------------- checks

        /// <summary>The checks that need only the model and the numbers (HWC221–224, 228, 230), in id order; fields are plan file keys.</summary>
        public static void CheckLayout(in ModelShape shape, string modelId, int? contextWindow, in ServingInputs x, long gpus, List<PlanFinding> findings)
        {
            int t = x.Tensor, p = x.Pipeline, e = x.Expert;
            if (x.GpuCount != gpus)
            {
                findings.Add(new PlanFinding("HWC221", true, "gpus", Invariant(
                    $"The plan has {gpus:N0} GPUs, but tensor × pipeline × replicas is {t} × {p} × {x.Replicas} = {x.GpuCount:N0}")));
            }

            TrainingCore.TensorHeads(shape, modelId, t, "HWC222", "HWC223", findings);

            if (e > 1 || x.RedundantExperts > 0)
            {
                int physical = shape.RoutedExperts + x.RedundantExperts;
                string? problem = !shape.IsMixtureOfExperts ? Invariant($"'{modelId}' is a dense model: expert parallelism {e} has no experts to split")
                    : physical % e != 0 ? Invariant($"'{modelId}' has {shape.RoutedExperts} routed experts{(x.RedundantExperts > 0 ? Invariant($" and {x.RedundantExperts} redundant copies") : "")}: {physical} do not split over expert parallelism {e}")
                    : e > 1 && (e % t != 0 || ((long)t * x.Replicas) % e != 0) ? Invariant($"Expert parallelism {e} must span whole tensor-parallel groups and divide the {(long)t * x.Replicas:N0} GPUs of a pipeline stage over all replicas (t = {t}, replicas = {x.Replicas})")
                    : null;
                if (problem is not null) findings.Add(new PlanFinding("HWC224", true, "expert", problem));
            }

            long context = (long)x.InputTokens + x.OutputTokens;
            if (contextWindow is int window && context > window)
            {
                findings.Add(new PlanFinding("HWC228", true, "inputTokens", Invariant(
                    $"{x.InputTokens:N0} input + {x.OutputTokens:N0} output tokens = {context:N0}, beyond the context window of '{modelId}', {window:N0} tokens")));
            }

            if (shape.Layers is int layers && p > layers)
            {
                findings.Add(new PlanFinding("HWC230", true, "pipeline", Invariant(
                    $"'{modelId}' has {layers} layers, fewer than pipeline parallelism {p}: some stages would hold no layer")));
            }
        }

        /// <summary>HWC225: the GPU has no dense peak in the precision the weight format computes in.</summary>
        public static PlanFinding FormatUnsupported(string gpuId, string computeName, string formatName, bool weightOnly, IEnumerable<string> supported)
            => new("HWC225", true, "weightFormat",
                $"'{gpuId}' does not compute in {computeName}, which {formatName} weights need{(weightOnly ? " after dequantisation" : "")}; it supports: {string.Join(", ", supported)}");

        /// <summary>Whether memory is sized: no layout error but those that leave the split defined (HWC221, HWC225, HWC228).</summary>
        public static bool LayoutSplits(List<PlanFinding> findings)
        {
            foreach (PlanFinding finding in findings)
            {
                if (finding.IsError && finding.Id is not ("HWC221" or "HWC225" or "HWC228")) return false;
            }

            return true;
        }

        /// <summary>HWC229: no achieved matmul rate (<paramref name="computeMissing"/>) or no achieved memory bandwidth.</summary>
        public static PlanFinding NoRate(string gpuId, bool computeMissing, string computeName)
        {
            string missing = computeMissing ? $"measured {computeName} matmul rate" : "measured memory bandwidth";
            return new PlanFinding("HWC229", false, computeMissing ? "computeEfficiency" : "bandwidthEfficiency",
                $"'{gpuId}' has no {missing} in the catalog, so the plan's latency and throughput are not modelled: give an achieved rate (a share of the peak); its memory is still checked");
        }

        /// <summary>
        /// HWC226 when the weights and workspace alone exceed <paramref name="capacity"/>; HWC227 when the KV cache of the
        /// concurrency at its context does not fit in what is left (the message gives the largest concurrency at that
        /// context and the longest context at that concurrency).
        /// </summary>
        public PlanFinding? CheckMemory(in ServingInputs x, double capacity, bool nominal, string gpuId)
        {
            ServingBytes bytes = Memory(x);
            string against = nominal ? "its nominal memory (no usable figure is published)" : "its usable memory";
            if (bytes.Weights + bytes.Workspace > capacity)
            {
                string experts = bytes.ExpertWeights > 0 ? $" (dense {Gib(bytes.DenseWeights)}, routed experts {Gib(bytes.ExpertWeights)})" : "";
                return new PlanFinding("HWC226", true, "system",
                    $"The weights need {Gib(bytes.Weights)} per GPU{experts} and the workspace {Gib(bytes.Workspace)}, more than the {Gib(capacity)} of {against} on '{gpuId}'. "
                    + "More tensor, pipeline or expert parallelism or a smaller weight format would shrink them");
            }

            if (bytes.Total > capacity)
            {
                double context = (double)x.InputTokens + x.OutputTokens;
                return new PlanFinding("HWC227", true, "concurrency", string.Format(CultureInfo.InvariantCulture,
                    "{0:N0} sequences of {1:N0} tokens need {2} of KV cache per GPU, but {3} is left after the weights and workspace on '{4}' ({5}): at this context the plan holds {6:N0} sequences, and at this concurrency {7:N0} tokens each",
                    x.Concurrency, context, Gib(bytes.KvCache), Gib(capacity - bytes.Weights - bytes.Workspace), gpuId, against,
                    MaxConcurrency(x, capacity, context), MaxContext(x, capacity)));
            }

            return null;
        }

        private static string Gib(double bytes) => TrainingCore.Gib(bytes);

        private static string Invariant(FormattableString text) => TrainingCore.Invariant(text);
    }
}
