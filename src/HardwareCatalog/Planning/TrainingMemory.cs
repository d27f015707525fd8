using HardwareCatalog.Units;

namespace HardwareCatalog.Planning
{
    /// <summary>The kinds of memory a training GPU holds.</summary>
    public enum TrainingMemoryTerm
    {
        /// <summary>The working weights.</summary>
        Parameters,

        /// <summary>The gradients.</summary>
        Gradients,

        /// <summary>The optimizer states: master weights and moments.</summary>
        OptimizerStates,

        /// <summary>The activations kept for the backward pass.</summary>
        Activations,
    }

    /// <summary>The parts of a model a training GPU holds, as <see cref="TrainingMemory"/> breaks them down.</summary>
    public enum TrainingMemoryPart
    {
        /// <summary>The transformer layers without their norms and routed experts.</summary>
        Layers,

        /// <summary>The routed experts of the MoE layers.</summary>
        Experts,

        /// <summary>The norms' scales.</summary>
        Norms,

        /// <summary>The input embedding and the output layer.</summary>
        EmbeddingsAndOutput,
    }

    /// <summary>Memory of one part of a model on one GPU, by kind; the terms add up to <see cref="Total"/>.</summary>
    public readonly struct MemoryTerms
    {
        /// <summary>Creates the terms.</summary>
        public MemoryTerms(DataSize parameters, DataSize gradients, DataSize optimizerStates, DataSize activations)
        {
            Parameters = parameters;
            Gradients = gradients;
            OptimizerStates = optimizerStates;
            Activations = activations;
        }

        /// <summary>The working weights.</summary>
        public DataSize Parameters { get; }

        /// <summary>The gradients.</summary>
        public DataSize Gradients { get; }

        /// <summary>The optimizer states (master weights and moments).</summary>
        public DataSize OptimizerStates { get; }

        /// <summary>The activations kept for the backward pass.</summary>
        public DataSize Activations { get; }

        /// <summary>Parameters, gradients and optimizer states: what Korthikanti et al. call "parameters and optimizer state".</summary>
        public DataSize ModelStates => Parameters + Gradients + OptimizerStates;

        /// <summary>Everything.</summary>
        public DataSize Total => Parameters + Gradients + OptimizerStates + Activations;

        /// <summary>The sum, term by term.</summary>
        public static MemoryTerms operator +(MemoryTerms left, MemoryTerms right) => new(
            left.Parameters + right.Parameters,
            left.Gradients + right.Gradients,
            left.OptimizerStates + right.OptimizerStates,
            left.Activations + right.Activations);

        /// <inheritdoc/>
        public override string ToString()
            => $"parameters {Parameters}, gradients {Gradients}, optimizer states {OptimizerStates}, activations {Activations}; total {Total}";
    }

    /// <summary>
    /// Memory per GPU of a training run on one pipeline stage (<see cref="Stage"/>; the first unless asked), by part of
    /// the model and by kind. Every total is the sum of the parts' terms.
    /// </summary>
    public readonly struct TrainingMemory
    {
        /// <summary>Creates the breakdown.</summary>
        public TrainingMemory(MemoryTerms layers, MemoryTerms experts, MemoryTerms norms, MemoryTerms embeddingsAndOutput, int microBatchesInFlight, int layersOnStage, int stage)
        {
            LayersOnStage = layersOnStage;
            Stage = stage;
            Layers = layers;
            Experts = experts;
            Norms = norms;
            EmbeddingsAndOutput = embeddingsAndOutput;
            MicroBatchesInFlight = microBatchesInFlight;
        }

        /// <summary>
        /// The stage's transformer layers without their norms and routed experts: attention and dense FFN weights (split
        /// over t), MoE routers and shared experts, and every layer activation.
        /// </summary>
        public MemoryTerms Layers { get; }

        /// <summary>The routed experts of the stage's MoE layers, split over e (and t); their state is sharded over the d/e replicas of each expert.</summary>
        public MemoryTerms Experts { get; }

        /// <summary>The norms' scales (whole on every tensor-parallel rank), including the final norm when the stage holds it.</summary>
        public MemoryTerms Norms { get; }

        /// <summary>The input embedding (first stage), the output layer (last stage), and their activations (the embedding's dropout mask, the logits).</summary>
        public MemoryTerms EmbeddingsAndOutput { get; }

        /// <summary>Micro-batches whose activations the stage holds at once under 1F1B: min(p − stage, micro-batches per step).</summary>
        public int MicroBatchesInFlight { get; }

        /// <summary>The pipeline stage counted, from 0: <see cref="TrainingMemoryModel.PerGpu"/> counts the first.</summary>
        public int Stage { get; }

        /// <summary>
        /// Transformer layers the stage holds: the first stage holds ⌈L/p⌉ with v = 1.
        /// </summary>
        public int LayersOnStage { get; }

        /// <summary>The size of one kind in one part.</summary>
        public DataSize this[TrainingMemoryPart part, TrainingMemoryTerm term]
        {
            get
            {
                MemoryTerms terms = part switch
                {
                    TrainingMemoryPart.Layers => Layers,
                    TrainingMemoryPart.Experts => Experts,
                    TrainingMemoryPart.Norms => Norms,
                    _ => EmbeddingsAndOutput,
                };
                return term switch
                {
                    TrainingMemoryTerm.Parameters => terms.Parameters,
                    TrainingMemoryTerm.Gradients => terms.Gradients,
                    TrainingMemoryTerm.OptimizerStates => terms.OptimizerStates,
                    _ => terms.Activations,
                };
            }
        }

        /// <summary>All parts, term by term.</summary>
        public MemoryTerms Terms => Layers + Experts + Norms + EmbeddingsAndOutput;

        /// <summary>The working weights.</summary>
        public DataSize Parameters => Terms.Parameters;

        /// <summary>The gradients.</summary>
        public DataSize Gradients => Terms.Gradients;

        /// <summary>The optimizer states.</summary>
        public DataSize OptimizerStates => Terms.OptimizerStates;

        /// <summary>The activations.</summary>
        public DataSize Activations => Terms.Activations;

        /// <summary>Everything on the GPU that this model counts (no framework workspace, no fragmentation).</summary>
        public DataSize Total => Terms.Total;

        /// <summary>The largest of the four kinds: what to shrink first.</summary>
        public TrainingMemoryTerm LargestTerm
        {
            get
            {
                MemoryTerms terms = Terms;
                TrainingMemoryTerm largest = TrainingMemoryTerm.Parameters;
                DataSize size = terms.Parameters;
                if (terms.Gradients > size) (largest, size) = (TrainingMemoryTerm.Gradients, terms.Gradients);
                if (terms.OptimizerStates > size) (largest, size) = (TrainingMemoryTerm.OptimizerStates, terms.OptimizerStates);
                if (terms.Activations > size) largest = TrainingMemoryTerm.Activations;
                return largest;
            }
        }

        /// <summary>The size of one kind.</summary>
        public DataSize this[TrainingMemoryTerm term] => term switch
        {
            TrainingMemoryTerm.Parameters => Parameters,
            TrainingMemoryTerm.Gradients => Gradients,
            TrainingMemoryTerm.OptimizerStates => OptimizerStates,
            _ => Activations,
        };

        /// <inheritdoc/>
        public override string ToString() => Terms.ToString();
    }
}
