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
            if (shape.Layers is not int layers || shape.HiddenSize is null || shape.VocabularySize is null || shape.Gated is null || shape.Heads <= 0)
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

            if (settings.ActivationStorage == ActivationStorage.DeepSeekV3 && (!shape.IsLatentAttention || shape.KvLoraRank is null))
            {
                throw new ArgumentException($"{model.Id}: DeepSeek-V3's activation storage recomputes MLA's up-projections: it needs MLA attention with kvLoraRank.", nameof(settings));
            }

            TrainingCore core = model.TrainingCore() ?? throw new ArgumentException($"{model.Id}: memory needs the full shape: {model.TrainingShapeMissing()}.", nameof(model));
            TrainingInputs inputs = settings.Inputs();
            return ToMemory(inputs, core.Stage(inputs, stage));
        }

        /// <summary>The typed breakdown of a stage's load: model states sharded as the ZeRO stage says, and activations.</summary>
        internal static TrainingMemory ToMemory(in TrainingInputs inputs, in StageLoad load)
        {
            return new TrainingMemory(
                layers: States(inputs, load.DenseParameters, TrainingCore.DenseShards(inputs), load.LayerActivationBytes),
                experts: States(inputs, load.ExpertParameters, TrainingCore.ExpertShards(inputs), 0),
                norms: States(inputs, load.NormParameters, TrainingCore.DenseShards(inputs), 0),
                embeddingsAndOutput: States(inputs, load.EmbeddingParameters, TrainingCore.DenseShards(inputs), load.EmbeddingActivationBytes),
                microBatchesInFlight: load.InFlight,
                layersOnStage: load.Layers,
                stage: load.Stage);
        }

        private static MemoryTerms States(in TrainingInputs inputs, double parameters, double shards, double activations)
        {
            TrainingCore.States(inputs, parameters, shards, out double weights, out double gradients, out double optimizer);
            return new MemoryTerms(DataSize.FromBytes(weights), DataSize.FromBytes(gradients), DataSize.FromBytes(optimizer), DataSize.FromBytes(activations));
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

            var inputs = new TrainingInputs { Zero = zero, WeightBytes = layout.WeightBytes, GradientBytes = layout.GradientBytes, OptimizerBytes = layout.OptimizerStateBytes };
            TrainingCore.States(inputs, parameters.Count, dataParallel, out double weights, out double gradients, out double optimizer);
            return new MemoryTerms(DataSize.FromBytes(weights), DataSize.FromBytes(gradients), DataSize.FromBytes(optimizer), DataSize.Zero);
        }
    }
}
