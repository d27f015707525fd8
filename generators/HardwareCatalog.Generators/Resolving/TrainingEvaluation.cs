using System;
using System.Collections.Generic;
using System.Linq;
using HardwareCatalog.Generators.Building;
using HardwareCatalog.Generators.Model;
using HardwareCatalog.Generators.Parsing;
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
        /// <summary>The most layers a plan's model may have: far above any model (hundreds), far below what would cost memory or time.</summary>
        public const int MaxLayers = 1_000_000;

        /// <summary>The plan with its figures; null when a reference is wrong or a check failed with an error (reported).</summary>
        public static TrainingPlanOutput? Evaluate(
            TrainingEntry plan,
            IReadOnlyDictionary<string, ModelEntry> models,
            IReadOnlyDictionary<string, SystemEntry> systems,
            IReadOnlyDictionary<string, GpuEntry> gpus,
            Lazy<Dictionary<string, ParsedEntry>> byId,
            DiagnosticBag diagnostics)
        {
            ModelEntry? model = Reference(plan, "model", plan.ModelId, CatalogSchema.ModelKind, models, byId, diagnostics);
            SystemEntry? system = Reference(plan, "system", plan.SystemId, CatalogSchema.SystemKind, systems, byId, diagnostics);
            if (model is null || system is null || !gpus.TryGetValue(system.GpuId, out GpuEntry? gpu))
            {
                // A system whose GPU did not build has its own diagnostic.
                return null;
            }

            // The plan model keeps a count per layer and evaluates each stage's chunks: a bound keeps a hostile model cheap.
            if (model.Layers > MaxLayers)
            {
                diagnostics.Report(DiagnosticDescriptors.InconsistentPlan, plan.LocationOf("model"), plan.Id,
                    FormattableString.Invariant($"the model '{model.Id}' has {model.Layers:N0} layers, more than a plan evaluates ({MaxLayers:N0})"));
                return null;
            }

            ModelShape shape = DerivedParameterCheck.Shape(model);
            if (TrainingCore.TryCreate(model.Id, shape, out string? missing) is not { } core)
            {
                diagnostics.Report(DiagnosticDescriptors.InconsistentPlan, plan.LocationOf("model"), plan.Id,
                    $"the model '{model.Id}' does not give the shape a plan needs ({missing}): its memory and step time cannot be modelled");
                return null;
            }

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
            double? capacity = gpu.UsableMemory?.Value ?? gpu.Memory?.Value;
            bool nominal = gpu.UsableMemory is null;
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
            foreach (PlanFinding finding in findings)
            {
                Report(plan, finding, diagnostics);
            }

            if (findings.Any(f => f.IsError) || !layoutSplits)
            {
                return null;
            }

            double? stepSeconds = null;
            StepSeconds step = default;
            if (perGpu is double flopRate)
            {
                // The system's fabrics per direction (a figure that adds both directions is halved) at the plan's
                // network efficiency, as TrainingNetwork.Of reads an AcceleratorSystem; one domain without scale-out.
                double scaleUp = PerDirection(system.ScaleUp) * plan.NetworkEfficiency;
                double scaleOut = system.ScaleOut is { } network ? PerDirection(network) * plan.NetworkEfficiency : scaleUp;
                int domain = system.ScaleUp.Domain ?? system.GpusPerNode;
                step = core.Step(inputs, peak, flopRate, scaleUp, scaleOut, domain, plan.OverlapDataParallel);
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

        private static double PerDirection(FabricEntry fabric) => fabric.Direction == "both" ? fabric.Bandwidth.Value / 2 : fabric.Bandwidth.Value;

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

        /// <summary>
        /// A finding at the key it names; HWC211 at <c>computeEfficiency</c> when the plan gives one, else at <c>system</c>
        /// (the GPU that lacks a measured rate); a key the plan leaves to its default at the plan's id.
        /// </summary>
        private static void Report(TrainingEntry plan, PlanFinding finding, DiagnosticBag diagnostics)
        {
            string key = finding.Id == "HWC211" && !plan.Has(finding.Field) ? "system" : finding.Field;
            DiagnosticDescriptor descriptor = DiagnosticDescriptors.ById(finding.Id);
            DiagnosticSeverity severity = finding.IsError ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning;
            diagnostics.Add(DiagnosticInfo.Create(descriptor, plan.LocationOf(key), finding.Message) with
            {
                Severity = severity == descriptor.DefaultSeverity ? null : severity,
            });
        }

        private static T? Reference<T>(TrainingEntry plan, string key, string id, string kind, IReadOnlyDictionary<string, T> known,
            Lazy<Dictionary<string, ParsedEntry>> byId, DiagnosticBag diagnostics)
            where T : class
        {
            if (known.TryGetValue(id, out T? value)) return value;

            // An entry of that kind that did not build (or was not emitted) has its own diagnostic.
            if (!(byId.Value.TryGetValue(id, out ParsedEntry? target) && target.Kind == kind))
            {
                IEnumerable<string> candidates = byId.Value.Values.Where(e => e.Kind == kind).Select(e => e.Id);
                diagnostics.Report(DiagnosticDescriptors.UnknownReference, plan.LocationOf(key), plan.Id, id, kind, Suggestions.DidYouMean(id, candidates));
            }

            return null;
        }
    }
}
