using System;

namespace HardwareCatalog.Planning
{
    /// <summary>
    /// The settings of a training run that decide memory per GPU: parallel layout, micro-batch b, sequence length s,
    /// global batch (in sequences), precision recipe, state layout, ZeRO stage, activation recomputation and storage.
    /// </summary>
    public sealed class TrainingSettings
    {
        /// <summary>Creates the settings; <paramref name="stateLayout"/> defaults to the recipe's (<see cref="PrecisionRecipe.State"/>).</summary>
        /// <exception cref="ArgumentOutOfRangeException">A batch or the sequence length is not positive.</exception>
        /// <exception cref="ArgumentException">The state layout is default.</exception>
        /// <remarks>
        /// A global batch that is not a multiple of micro-batch × data parallelism is accepted, so that
        /// <see cref="TrainingPlan.Validate"/> can report it (HWC206); <see cref="StepTime.Estimate"/> refuses it.
        /// </remarks>
        /// <exception cref="ArgumentNullException"><paramref name="recipe"/> is null.</exception>
        public TrainingSettings(
            ParallelLayout layout,
            int microBatch,
            int sequenceLength,
            int globalBatch,
            PrecisionRecipe recipe,
            ZeroStage zero = ZeroStage.None,
            ActivationRecomputation recomputation = ActivationRecomputation.None,
            OptimizerStateLayout? stateLayout = null,
            ActivationStorage activationStorage = ActivationStorage.Korthikanti)
        {
            if (microBatch <= 0) throw new ArgumentOutOfRangeException(nameof(microBatch), microBatch, "The micro-batch must be positive.");
            if (sequenceLength <= 0) throw new ArgumentOutOfRangeException(nameof(sequenceLength), sequenceLength, "The sequence length must be positive.");
            if (globalBatch <= 0) throw new ArgumentOutOfRangeException(nameof(globalBatch), globalBatch, "The global batch must be positive.");
            if (zero is < ZeroStage.None or > ZeroStage.Parameters) throw new ArgumentOutOfRangeException(nameof(zero), zero, "ZeRO stages are 0 to 3.");
            if (recomputation is < ActivationRecomputation.None or > ActivationRecomputation.Full) throw new ArgumentOutOfRangeException(nameof(recomputation), recomputation, "Unknown recomputation.");
            if (activationStorage is < ActivationStorage.Korthikanti or > ActivationStorage.DeepSeekV3) throw new ArgumentOutOfRangeException(nameof(activationStorage), activationStorage, "Unknown activation storage.");
            if (stateLayout is { WeightBytes: 0 }) throw new ArgumentException("The state layout is default: give bytes per parameter.", nameof(stateLayout));

            Layout = layout;
            MicroBatch = microBatch;
            SequenceLength = sequenceLength;
            GlobalBatch = globalBatch;
            Recipe = recipe ?? throw new ArgumentNullException(nameof(recipe));
            Zero = zero;
            Recomputation = recomputation;
            StateLayout = stateLayout ?? recipe.State;
            ActivationStorage = activationStorage;
        }

        /// <summary>How the model is split over GPUs.</summary>
        public ParallelLayout Layout { get; }

        /// <summary>Sequences per micro-batch (b).</summary>
        public int MicroBatch { get; }

        /// <summary>Tokens per sequence (s).</summary>
        public int SequenceLength { get; }

        /// <summary>Sequences per optimizer step over all data-parallel replicas.</summary>
        public int GlobalBatch { get; }

        /// <summary>Micro-batches each pipeline runs per step: global batch / (b · d), rounded down.</summary>
        public int MicroBatchesPerStep => (int)(GlobalBatch / ((long)MicroBatch * Layout.Data));

        /// <summary>Whether the global batch is a whole number of micro-batches on every data-parallel rank (else HWC206).</summary>
        public bool BatchDivides => GlobalBatch % ((long)MicroBatch * Layout.Data) == 0;

        /// <summary>The mixed-precision recipe.</summary>
        public PrecisionRecipe Recipe { get; }

        /// <summary>Bytes per parameter of weights, gradients, master copy and moments.</summary>
        public OptimizerStateLayout StateLayout { get; }

        /// <summary>How much of the model state data parallelism shards.</summary>
        public ZeroStage Zero { get; }

        /// <summary>Which activations are recomputed in the backward pass.</summary>
        public ActivationRecomputation Recomputation { get; }

        /// <summary>Which activations a layer keeps and in which format, unless <see cref="Recomputation"/> is full.</summary>
        public ActivationStorage ActivationStorage { get; }

        /// <summary>The settings as the numbers the planning model evaluates.</summary>
        internal TrainingInputs Inputs() => new()
        {
            Tensor = Layout.Tensor,
            Pipeline = Layout.Pipeline,
            VirtualStages = Layout.VirtualStages,
            Data = Layout.Data,
            Expert = Layout.Expert,
            Context = Layout.Context,
            SequenceParallel = Layout.SequenceParallel,
            MicroBatch = MicroBatch,
            SequenceLength = SequenceLength,
            GlobalBatch = GlobalBatch,
            Zero = Zero,
            Recomputation = Recomputation,
            Storage = ActivationStorage,
            WeightBytes = StateLayout.WeightBytes,
            GradientBytes = StateLayout.GradientBytes,
            OptimizerBytes = StateLayout.OptimizerStateBytes,
            ActivationBytes = Recipe.Activations.BytesPerElement(),
        };
    }
}
