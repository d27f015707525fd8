using System;
using System.Collections.Generic;
using System.Linq;
using HardwareCatalog.Generators.Building;
using HardwareCatalog.Generators.Model;
using HardwareCatalog.Generators.Schema;
using HardwareCatalog.Planning;
using Microsoft.CodeAnalysis;

namespace HardwareCatalog.Generators.Resolving
{
    /// <summary>
    /// A training plan against its model and system: the references (HWC109), then every check the runtime's
    /// <c>TrainingPlan.Validate()</c> runs (HWC201–211, through the same <see cref="TrainingCore"/>), each reported at the
    /// plan file's key it concerns, and the figures the emitted plan's documentation shows.
    /// </summary>
    internal static class TrainingEvaluation
    {
        /// <summary>The plan with its figures; null when a reference is wrong or a check failed with an error (reported).</summary>
        public static TrainingPlanOutput? Evaluate(
            TrainingEntry plan,
            IReadOnlyDictionary<string, ModelEntry> models,
            IReadOnlyDictionary<string, SystemEntry> systems,
            IReadOnlyDictionary<string, GpuEntry> gpus,
            Lazy<Dictionary<string, ParsedEntry>> byId,
            DiagnosticBag diagnostics)
        {
            if (PlanEvaluation.Resolve(plan, models, systems, gpus, byId, diagnostics, "its memory and step time") is not { } target)
            {
                return null;
            }

            ModelEntry model = target.Model;
            SystemEntry system = target.System;
            GpuEntry gpu = target.Gpu;
            ModelShape shape = target.Shape;
            TrainingCore core = target.Core;
            RecipeRow recipe = TrainingRecipes.Recipe(plan.Recipe)!;
            StateLayoutRow state = TrainingRecipes.StateLayout(plan.StateLayout ?? recipe.State)!;
            TrainingInputs inputs = Inputs(plan, recipe, state);

            var findings = new List<PlanFinding>();
            TrainingCore.CheckLayout(shape, model.Id, inputs, plan.Gpus, findings);

            // HWC207: the GPU's dense peaks are the precisions it computes in (HWC113's and the runtime's Supports rule).
            int compute = PrecisionTable.IndexOf(recipe.Compute);
            Peak? dense = gpu.Dense.FirstOrDefault(p => p.Precision == compute);
            if (dense is null)
            {
                string supported = string.Join(", ", gpu.Dense.Select(p => PrecisionTable.Rows[p.Precision].DisplayName));
                findings.Add(new PlanFinding("HWC207", true, "recipe",
                    $"'{gpu.Id}' does not compute in {PrecisionTable.Rows[compute].DisplayName} (the recipe '{recipe.Name}' needs it); it supports: {supported}"));
            }

            // Memory once the layout splits the model, as the runtime decides; against the usable memory, else the nominal.
            double? capacity = target.Capacity(out bool nominal);
            StageLoad peak = default;
            double peakBytes = 0;
            bool layoutSplits = findings.All(f => !f.IsError || f.Id is "HWC201" or "HWC206" or "HWC207");
            if (layoutSplits)
            {
                peak = core.Peak(inputs, out peakBytes);
                if (capacity is double available && TrainingCore.CheckMemory(inputs, peak, available, nominal, gpu.Id) is { } memory) findings.Add(memory);
            }

            double? perGpu = null;
            bool measured = false;
            if (plan.ComputeEfficiency is double efficiency)
            {
                if (dense is not null) perGpu = dense.FlopsPerSecond * efficiency;
            }
            else if (gpu.Measured.FirstOrDefault(p => p.Precision == compute) is { } rate)
            {
                perGpu = rate.FlopsPerSecond;
                measured = true;
            }

            if (perGpu is null && dense is not null)
            {
                findings.Add(new PlanFinding("HWC211", false, "computeEfficiency",
                    $"'{gpu.Id}' has no measured {PrecisionTable.Rows[compute].DisplayName} matmul rate in the catalog, so the plan's step time is not modelled: give an achieved rate (computeEfficiency, a share of the dense peak); its memory is still checked"));
            }

            findings.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
            PlanEvaluation.Report(plan, findings, "HWC211", diagnostics);

            if (findings.Any(f => f.IsError) || !layoutSplits)
            {
                return null;
            }

            double? stepSeconds = null;
            StepSeconds step = default;
            if (perGpu is double flopRate)
            {
                var network = new PlanNetwork(system, plan.NetworkEfficiency);
                step = core.Step(inputs, peak, flopRate, network.ScaleUp, network.ScaleOut, network.Domain, plan.OverlapDataParallel);
                stepSeconds = step.Total;
            }

            return new TrainingPlanOutput(
                plan,
                gpu.Id,
                compute,
                peakBytes,
                peak.Stage,
                capacity,
                nominal,
                dense!.FlopsPerSecond,
                perGpu,
                measured,
                stepSeconds,
                step.Compute,
                step.Bubble,
                step.Total - step.Compute - step.Bubble,
                step.ModelFlops,
                inputs.GpuCount);
        }

        /// <summary>The plan's settings as the numbers <see cref="TrainingCore"/> evaluates (the runtime's <c>TrainingSettings.Inputs()</c>).</summary>
        internal static TrainingInputs Inputs(TrainingEntry plan, RecipeRow recipe, StateLayoutRow state) => new()
        {
            Tensor = plan.Tensor,
            Pipeline = plan.Pipeline,
            VirtualStages = plan.VirtualStages,
            Data = plan.Data,
            Expert = plan.Expert,
            Context = plan.Context,
            SequenceParallel = plan.SequenceParallel,
            MicroBatch = plan.MicroBatch,
            SequenceLength = plan.SequenceLength,
            GlobalBatch = plan.GlobalBatch,
            Zero = (ZeroStage)plan.Zero,
            Recomputation = (ActivationRecomputation)Array.IndexOf(CatalogSchema.Recomputations, plan.Recomputation),
            Storage = (ActivationStorage)Array.IndexOf(CatalogSchema.ActivationStorages, plan.ActivationStorage),
            WeightBytes = state.WeightBytes,
            GradientBytes = state.GradientBytes,
            OptimizerBytes = state.OptimizerBytes,
            ActivationBytes = PrecisionTable.Rows[PrecisionTable.IndexOf(recipe.Activations)].BytesPerElement,
        };
    }
}
