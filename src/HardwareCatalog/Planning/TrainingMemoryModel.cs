using System;
using System.Collections.Generic;
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
            TrainingCore core = Prepare(model, settings, out TrainingInputs inputs);
            return ToMemory(inputs, core.Peak(inputs, out _));
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
            TrainingCore core = Prepare(model, settings, out TrainingInputs inputs);
            if (stage < 0 || stage >= inputs.Pipeline) throw new ArgumentOutOfRangeException(nameof(stage), stage, $"Stages are 0 to {inputs.Pipeline - 1}.");
            return ToMemory(inputs, core.Stage(inputs, stage));
        }

        /// <summary>The model's prepared shape and the settings as numbers, once the layout is known to split the model.</summary>
        private static TrainingCore Prepare(ModelSpec model, TrainingSettings settings, out TrainingInputs inputs)
        {
            if (model is null) throw new ArgumentNullException(nameof(model));
            if (settings is null) throw new ArgumentNullException(nameof(settings));

            TrainingCore core = model.TrainingCore() ?? throw new ArgumentException($"{model.Id}: memory needs the full shape: {model.TrainingShapeMissing()}.", nameof(model));
            inputs = settings.Inputs();

            // The plan checks' own rules, where they leave the split undefined: heads and key/value heads over t (HWC202,
            // HWC203), fewer layers than chunks (HWC204 as an error), routed experts over e (HWC205 for a MoE model) and
            // DeepSeek-V3's storage without MLA (HWC210). The GPU count and the batch do not change a stage's memory.
            var findings = new List<PlanFinding>();
            TrainingCore.CheckLayout(core.Shape, model.Id, inputs, inputs.GpuCount, findings);
            foreach (PlanFinding finding in findings)
            {
                if (finding.IsError && (finding.Id is "HWC202" or "HWC203" or "HWC204" or "HWC210" || (finding.Id == "HWC205" && core.Shape.IsMixtureOfExperts)))
                {
                    throw new ArgumentException(finding.Message + ".", nameof(settings));
                }
            }

            return core;
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
