using System;
using HardwareCatalog.Units;

namespace HardwareCatalog.Planning
{
    /// <summary>
    /// Memory per GPU of training a transformer, term by term: each formula below names its source, and
    /// docs/planning.md says where it stops being true.
    /// </summary>
    public static class TrainingMemoryModel
    {
        /// <summary>
        /// Memory per GPU on the first pipeline stage of training <paramref name="model"/> with <paramref name="settings"/>.
        /// </summary>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        /// <exception cref="ArgumentException">
        /// The model lacks a value the formulas need (layers, hidden size, vocabulary, attention, activation, the FFN widths
        /// its layers use), it has fewer layers than p·v chunks, or the layout does not divide it: heads and key/value heads
        /// by t, routed experts by e. Layers need not divide by p·v: the first stages then hold one layer more per chunk.
        /// </exception>
        public static TrainingMemory PerGpu(ModelSpec model, TrainingSettings settings) => PerStage(model, settings, 0);

        /// <summary>
        /// Memory per GPU of the pipeline stage that needs the most (<see cref="TrainingMemory.Total"/>): with dense leading
        /// layers (DeepSeek-V3) or a large output layer it need not be the first.
        /// </summary>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        /// <exception cref="ArgumentException">As <see cref="PerGpu"/>.</exception>
        public static TrainingMemory Peak(ModelSpec model, TrainingSettings settings)
        {
            TrainingMemory peak = PerStage(model, settings, 0);
            for (int stage = 1; stage < settings.Layout.Pipeline; stage++)
            {
                TrainingMemory memory = PerStage(model, settings, stage);
                if (memory.Total > peak.Total) peak = memory;
            }

            return peak;
        }

        /// <summary>
        /// Memory per GPU on pipeline stage <paramref name="stage"/> (0 to p − 1) of training <paramref name="model"/> with
        /// <paramref name="settings"/>: its layers (chunks stage, stage + p, …), the input embedding on stage 0, the output
        /// layer and final norm on stage p − 1, and under 1F1B min(p − stage, m) micro-batches of activations in flight.
        /// </summary>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="stage"/> is not a stage of the layout.</exception>
        /// <exception cref="ArgumentException">As <see cref="PerGpu"/>.</exception>
        public static TrainingMemory PerStage(ModelSpec model, TrainingSettings settings, int stage)
        {
            if (model is null) throw new ArgumentNullException(nameof(model));
            if (settings is null) throw new ArgumentNullException(nameof(settings));
            if (stage < 0 || stage >= settings.Layout.Pipeline) throw new ArgumentOutOfRangeException(nameof(stage), stage, $"Stages are 0 to {settings.Layout.Pipeline - 1}.");

            ModelShape shape = model.Shape();
            ParallelLayout layout = settings.Layout;
            int t = layout.Tensor, p = layout.Pipeline, v = layout.VirtualStages;
            if (shape.Layers is not int layers || shape.HiddenSize is not int h || shape.VocabularySize is not int vocabulary || shape.Gated is not bool gated || shape.Heads <= 0)
            {
                throw new ArgumentException($"{model.Id}: memory needs layers, hiddenSize, vocabularySize, activation and attention.", nameof(model));
            }

            if (layers < p * v) throw new ArgumentException($"{model.Id}: {layers} layers are fewer than pipeline × virtual stages = {p} × {v} chunks.", nameof(settings));
            if (shape.Heads % t != 0) throw new ArgumentException($"{model.Id}: {shape.Heads} attention heads do not split over tensor parallelism {t}.", nameof(settings));
            if (!shape.IsLatentAttention && shape.KvHeads % t != 0 && t % shape.KvHeads != 0)
            {
                throw new ArgumentException($"{model.Id}: {shape.KvHeads} key/value heads neither split over nor replicate evenly across tensor parallelism {t}.", nameof(settings));
            }

            if (shape.IsMixtureOfExperts && shape.RoutedExperts % layout.Expert != 0)
            {
                throw new ArgumentException($"{model.Id}: {shape.RoutedExperts} routed experts do not split over expert parallelism {layout.Expert}.", nameof(settings));
            }

            double attention = ParameterCount.Attention(shape, h) ?? throw new ArgumentException($"{model.Id}: the attention shape is incomplete.", nameof(model));

            // With fewer key/value heads than tensor ranks, each rank keeps a copy of one: t/kv copies of each K and V head.
            if (!shape.IsLatentAttention && shape.KvHeads < t) attention += 2.0 * h * (t - shape.KvHeads) * shape.HeadDim;
            double matrices = gated ? 3 : 2;
            bool tied = shape.TiedEmbeddings ?? false;

            // Under 1F1B stage i runs p − i forward passes before its first backward (Narayanan et al. 2021, section
            // 2.2.1): p on the first stage, 1 on the last; fewer when the step has fewer micro-batches.
            int inFlight = Math.Min(p - stage, settings.MicroBatchesPerStep);

            // Interleaving: Korthikanti et al. 2022, section 4.2.3: the first stage holds 1 + (p − 1)/(p·v) times more. For
            // stage i, Megatron-LM's interleaved schedule runs 2(p − i − 1) + (v − 1)p + 1 chunk forwards before its first
            // backward (p(1 + (p − 1)/(p·v))·v of them on stage 0): counted as that many chunks of the stage's average size.
            double interleave = v > 1 ? (2.0 * (p - stage - 1) + (v - 1) * p + 1) / ((double)v * (p - stage)) : 1;

            // The stage holds chunks i, i + p, i + 2p, ... When p·v does not divide L, the first L mod (p·v) chunks hold one
            // layer more: chunk c holds ⌊L/(p·v)⌋ + (c < L mod (p·v) ? 1 : 0) layers, so the first stage's first chunk
            // holds ⌈L/(p·v)⌉ (with v = 1, the first stage holds ⌈L/p⌉ layers).
            int baseChunk = layers / (p * v), longChunks = layers % (p * v);
            double denseWeights = 0, expertWeights = 0, normWeights = 0, layerActivations = 0;
            int stageLayers = 0;
            for (int k = 0; k < v; k++)
            {
                int c = k * p + stage;
                int first = c * baseChunk + Math.Min(c, longChunks);
                int size = baseChunk + (c < longChunks ? 1 : 0);
                for (int layer = first; layer < first + size; layer++)
                {
                    stageLayers++;
                    bool moe = IsMoeLayer(shape, layer);
                    denseWeights += attention / t;
                    if (moe)
                    {
                        if (shape.ExpertFfnHiddenSize is not int fe) throw new ArgumentException($"{model.Id}: MoE layers need expertFfnHiddenSize.", nameof(model));
                        double expert = matrices * h * fe;
                        expertWeights += shape.RoutedExperts * expert / (layout.Expert * (double)t);
                        denseWeights += shape.SharedExperts * expert / t + (double)h * shape.RoutedExperts;
                    }
                    else
                    {
                        if (shape.FfnHiddenSize is not int f) throw new ArgumentException($"{model.Id}: dense layers need ffnHiddenSize.", nameof(model));
                        denseWeights += matrices * h * f / t;
                    }

                    normWeights += 2.0 * h;
                    layerActivations += LayerActivationBytes(shape, moe, settings);
                }
            }

            layerActivations *= inFlight * interleave;

            // Embeddings: the input embedding sits on the first stage, the output layer on the last, both split over t by
            // vocabulary (Megatron-LM); with p = 1 the one stage holds both (one matrix when tied) and the final norm. A tied
            // output layer on a last stage with p > 1 keeps its own copy of the matrix.
            bool firstStage = stage == 0, lastStage = stage == p - 1;
            double matrix = (double)vocabulary * h / t;
            double embeddingWeights = (firstStage ? matrix : 0) + (lastStage && !(p == 1 && tied) ? matrix : 0);
            if (lastStage) normWeights += h;

            double embeddingActivations = EmbeddingActivationBytes(h, vocabulary, firstStage, lastStage, inFlight, settings);

            int data = layout.Data;
            MemoryTerms dense = ModelStates(Parameters.FromCount(denseWeights), settings.StateLayout, settings.Zero, data);
            return new TrainingMemory(
                layers: dense + new MemoryTerms(DataSize.Zero, DataSize.Zero, DataSize.Zero, DataSize.FromBytes(layerActivations)),
                experts: ModelStates(Parameters.FromCount(expertWeights), settings.StateLayout, settings.Zero, data / layout.Expert),
                norms: ModelStates(Parameters.FromCount(normWeights), settings.StateLayout, settings.Zero, data),
                embeddingsAndOutput: ModelStates(Parameters.FromCount(embeddingWeights), settings.StateLayout, settings.Zero, data)
                    + new MemoryTerms(DataSize.Zero, DataSize.Zero, DataSize.Zero, DataSize.FromBytes(embeddingActivations)),
                microBatchesInFlight: inFlight,
                layersOnStage: stageLayers,
                stage: stage);
        }

        /// <summary>
        /// Weights, gradients and optimizer states of <paramref name="parameters"/> replicated over
        /// <paramref name="dataParallel"/> ranks, sharded as <paramref name="zero"/> says (Rajbhandari et al. 2020, "ZeRO",
        /// arXiv:1910.02054, section 5 and figure 1: P_os keeps (2 + 2)Ψ + KΨ/N_d, P_os+g 2Ψ + (2 + K)Ψ/N_d,
        /// P_os+g+p (2 + 2 + K)Ψ/N_d). No activations.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="dataParallel"/> is not positive, or the count is negative.</exception>
        /// <exception cref="ArgumentException"><paramref name="layout"/> is default.</exception>
        public static MemoryTerms ModelStates(Parameters parameters, OptimizerStateLayout layout, ZeroStage zero, int dataParallel)
        {
            if (dataParallel <= 0) throw new ArgumentOutOfRangeException(nameof(dataParallel), dataParallel, "Data parallelism must be at least 1.");
            if (!(parameters.Count >= 0)) throw new ArgumentOutOfRangeException(nameof(parameters), parameters.Count, "The parameter count cannot be negative.");
            if (layout.WeightBytes == 0) throw new ArgumentException("The state layout is default: give bytes per parameter.", nameof(layout));

            double count = parameters.Count;
            double weights = count * layout.WeightBytes / (zero >= ZeroStage.Parameters ? dataParallel : 1);
            double gradients = count * layout.GradientBytes / (zero >= ZeroStage.Gradients ? dataParallel : 1);
            double optimizer = count * layout.OptimizerStateBytes / (zero >= ZeroStage.OptimizerStates ? dataParallel : 1);
            return new MemoryTerms(DataSize.FromBytes(weights), DataSize.FromBytes(gradients), DataSize.FromBytes(optimizer), DataSize.Zero);
        }

        /// <summary>Whether layer <paramref name="layer"/> (from 0) is a MoE layer: every n-th after the dense leading ones, as ParameterCount counts them.</summary>
        private static bool IsMoeLayer(in ModelShape shape, int layer)
        {
            if (!shape.IsMixtureOfExperts || layer < shape.DenseLayers) return false;
            int interval = shape.LayerInterval > 0 ? shape.LayerInterval : 1;
            return (layer - shape.DenseLayers + 1) % interval == 0;
        }

        /// <summary>
        /// Bytes of activations one layer keeps for one micro-batch on one GPU: Korthikanti et al. 2022
        /// (arXiv:2205.05198), section 4.1, with 16-bit activations and 1-byte dropout masks: sbh(34 + 5as/h) whole,
        /// sbh(10 + 24/t + 5as/(ht)) under tensor parallelism, sbh(34/t + 5as/(ht)) with sequence parallelism (table 2).
        /// The terms are generalised from the model's shape: query, key and value widths (GQA, MLA), the FFN width f and a
        /// gate (the 16sbh of f = 4h becomes 2·A·sbf, or 3·A·sbf gated), and in a MoE layer the FFN terms once per active
        /// and shared expert.
        /// </summary>
        internal static double LayerActivationBytes(in ModelShape shape, bool moe, TrainingSettings settings)
        {
            ParallelLayout layout = settings.Layout;
            double t = layout.Tensor;
            double s = settings.SequenceLength, b = settings.MicroBatch, h = shape.HiddenSize!.Value;
            double sbh = s * b * h;
            double element = settings.Recipe.Activations.BytesPerElement(); // 2 in the paper
            const double mask = 1;
            double sequenceSplit = layout.SequenceParallel ? t : 1;

            // Full recomputation keeps each layer's input only: 2sbh (table 2), split over t with sequence parallelism.
            if (settings.Recomputation == ActivationRecomputation.Full) return element * sbh / sequenceSplit;

            if (settings.ActivationStorage == ActivationStorage.DeepSeekV3) return DeepSeekV3LayerActivationBytes(shape, moe, settings);

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
                key = value = Math.Max(shape.KvHeads, layout.Tensor) * (double)shape.HeadDim; // copies when kv < t, as above
            }

            double ffnCopies = 1, ffnWidth;
            if (moe)
            {
                ffnCopies = shape.ActiveExperts + shape.SharedExperts;
                ffnWidth = shape.ExpertFfnHiddenSize!.Value;
            }
            else
            {
                ffnWidth = shape.FfnHiddenSize!.Value;
            }

            // Kept whole on every tensor-parallel rank unless sequence parallel: the two norms' inputs, the QKV projection's
            // input, the FFN's input (once per expert a token visits), and the two dropout masks: 10sbh at 2 bytes.
            double whole = element * sbh * (2 + 1 + ffnCopies) + 2 * mask * sbh;

            // Split over t: Q and K (4sbh), V (2sbh), the output projection's input (2sbh), the FFN activation's input and
            // output (2 × 8sbh at f = 4h; a gated FFN keeps its gate and up outputs and their product: 3 × 2sbf).
            double split = element * s * b * (query + key + value + output)
                + ffnCopies * (shape.Gated == true ? 3 : 2) * element * s * b * ffnWidth;

            // Softmax output, its dropout mask and the dropout output: 5as²b; selective recomputation drops them (section 5).
            if (settings.Recomputation == ActivationRecomputation.None)
            {
                split += (2 * element + mask) * heads * s * s * b;
            }

            return whole / sequenceSplit + split / t;
        }

        /// <summary>
        /// Bytes of activations one layer keeps for one micro-batch under DeepSeek-V3's storage (arXiv:2412.19437): RMSNorm
        /// outputs and MLA's up-projections are recomputed (section 3.2.3), so the layer keeps its two norms' inputs (recipe's
        /// activation format), MLA's query and key/value latents (inputs of the up-projections, FP8) and the shared RoPE key
        /// (activation format); the input of the linear after attention in E5M6 (1.5 bytes); per expert a token visits (and
        /// in a dense layer once) the FFN's input in FP8 and the SwiGLU's input (gate and up outputs, 2f wide) in FP8, its
        /// output recomputed (section 3.3.3). No dropout masks; the attention scores are kept only without recomputation.
        /// </summary>
        private static double DeepSeekV3LayerActivationBytes(in ModelShape shape, bool moe, TrainingSettings settings)
        {
            if (!shape.IsLatentAttention || shape.KvLoraRank is not int kvLatent)
            {
                throw new ArgumentException("DeepSeek-V3's activation storage recomputes MLA's up-projections: it needs MLA attention with kvLoraRank.", nameof(settings));
            }

            ParallelLayout layout = settings.Layout;
            double t = layout.Tensor;
            double s = settings.SequenceLength, b = settings.MicroBatch, h = shape.HiddenSize!.Value;
            double sb = s * b;
            double element = settings.Recipe.Activations.BytesPerElement();
            const double fp8 = 1, e5m6 = 1.5;
            double sequenceSplit = layout.SequenceParallel ? t : 1;

            double heads = shape.Heads;
            double latents = (shape.QLoraRank ?? 0) + kvLatent;
            double rope = shape.RopeHeadDim ?? 0;
            double valueWidth = heads * (shape.VHeadDim ?? shape.HeadDim);
            double ffnCopies = moe ? shape.ActiveExperts + shape.SharedExperts : 1;
            double ffnWidth = moe ? shape.ExpertFfnHiddenSize!.Value : shape.FfnHiddenSize!.Value;
            double ffnInputs = shape.Gated == true ? 2 : 1; // SwiGLU's input is the gate and up outputs

            // The residual stream into the two norms, whole on every tensor-parallel rank unless sequence parallel.
            double whole = 2 * element * sb * h;

            // Latents and RoPE key, the attention output (E5M6), the FFN inputs and SwiGLU inputs (FP8).
            double split = fp8 * sb * latents + element * sb * rope + e5m6 * sb * valueWidth
                + ffnCopies * (fp8 * sb * h + ffnInputs * fp8 * sb * ffnWidth);

            // Without recomputation the softmax output is kept too (no dropout, so no mask and no dropout output).
            if (settings.Recomputation == ActivationRecomputation.None) split += element * heads * s * s * b;

            return whole / sequenceSplit + split / t;
        }

        /// <summary>
        /// Activations outside the layers (Korthikanti et al. 2022, section 4.3): the input embedding's dropout mask, sbh per
        /// micro-batch in flight on the first stage; on the last stage, the final norm's and the output projection's
        /// inputs (2sbh each) and the FP32 logits of the cross-entropy (4sbv/t): 4sbh/t·(1 + v/h) with sequence parallelism.
        /// </summary>
        private static double EmbeddingActivationBytes(double h, double vocabulary, bool firstStage, bool lastStage, int inFlight, TrainingSettings settings)
        {
            ParallelLayout layout = settings.Layout;
            double t = layout.Tensor;
            double sequenceSplit = layout.SequenceParallel ? t : 1;
            double sbh = settings.SequenceLength * (double)settings.MicroBatch * h;
            // The embedding's dropout mask; no dropout under DeepSeek-V3's storage.
            double bytes = settings.ActivationStorage == ActivationStorage.DeepSeekV3 || !firstStage ? 0 : sbh * inFlight / sequenceSplit;
            if (lastStage)
            {
                double element = settings.Recipe.Activations.BytesPerElement();
                bytes += 2 * element * sbh / sequenceSplit + 4 * settings.SequenceLength * (double)settings.MicroBatch * vocabulary / t;
            }

            return bytes;
        }
    }
}
