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
    /// <summary>A plan's model and system, proved: what both plan kinds evaluate against.</summary>
    internal sealed class PlanTarget
    {
        public PlanTarget(ModelEntry model, SystemEntry system, GpuEntry gpu, ModelShape shape, TrainingCore core)
        {
            Model = model;
            System = system;
            Gpu = gpu;
            Shape = shape;
            Core = core;
        }

        public ModelEntry Model { get; }
        public SystemEntry System { get; }
        public GpuEntry Gpu { get; }
        public ModelShape Shape { get; }
        public TrainingCore Core { get; }

        /// <summary>The GPU's usable memory, else its nominal memory (<paramref name="nominal"/>); null when the catalog gives neither.</summary>
        public double? Capacity(out bool nominal)
        {
            nominal = Gpu.UsableMemory is null;
            return Gpu.UsableMemory?.Value ?? Gpu.Memory?.Value;
        }
    }

    /// <summary>The system's fabrics as the runtime's <c>TrainingNetwork.Of(system, efficiency)</c> reads them.</summary>
    internal readonly struct PlanNetwork
    {
        public PlanNetwork(SystemEntry system, double efficiency)
        {
            // Per direction (a figure that adds both directions is halved) at the plan's network efficiency; one domain
            // without scale-out.
            ScaleUp = PerDirection(system.ScaleUp) * efficiency;
            ScaleOut = system.ScaleOut is { } network ? PerDirection(network) * efficiency : ScaleUp;
            Domain = system.ScaleUp.Domain ?? system.GpusPerNode;
        }

        public double ScaleUp { get; }
        public double ScaleOut { get; }
        public int Domain { get; }

        private static double PerDirection(FabricEntry fabric) => fabric.Direction == "both" ? fabric.Bandwidth.Value / 2 : fabric.Bandwidth.Value;
    }

    /// <summary>What both plan kinds do against their model and system: prove the references, prepare the shape, report findings at their keys.</summary>
    internal static class PlanEvaluation
    {
        /// <summary>The most layers a plan's model may have: far above any model (hundreds), far below what would cost memory or time.</summary>
        public const int MaxLayers = 1_000_000;

        /// <summary>
        /// The plan's model and system with the model's prepared shape; null when a reference is wrong (HWC109), the model
        /// has absurdly many layers or lacks the shape a plan needs (HWC128 at <c>model</c>), all reported.
        /// </summary>
        /// <param name="unmodelled">What cannot be modelled without the shape, for the message.</param>
        public static PlanTarget? Resolve(
            IPlanEntry plan,
            IReadOnlyDictionary<string, ModelEntry> models,
            IReadOnlyDictionary<string, SystemEntry> systems,
            IReadOnlyDictionary<string, GpuEntry> gpus,
            Lazy<Dictionary<string, ParsedEntry>> byId,
            DiagnosticBag diagnostics,
            string unmodelled)
        {
            ModelEntry? model = Reference(plan, "model", plan.ModelId, CatalogSchema.ModelKind, models, byId, diagnostics);
            SystemEntry? system = Reference(plan, "system", plan.SystemId, CatalogSchema.SystemKind, systems, byId, diagnostics);
            if (model is null || system is null || !gpus.TryGetValue(system.GpuId, out GpuEntry? gpu))
            {
                // A system whose GPU did not build has its own diagnostic.
                return null;
            }

            // The plan models keep a count per layer: a bound keeps a hostile model cheap.
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
                    $"the model '{model.Id}' does not give the shape a plan needs ({missing}): {unmodelled} cannot be modelled");
                return null;
            }

            return new PlanTarget(model, system, gpu, shape, core);
        }

        /// <summary>
        /// Reports each finding at the key it names; the no-rate warning (<paramref name="noRateId"/>) at its efficiency key
        /// when the plan gives it, else at <c>system</c> (the GPU that lacks a measured rate); a key the plan leaves to its
        /// default at the plan's id.
        /// </summary>
        public static void Report(IPlanEntry plan, IEnumerable<PlanFinding> findings, string noRateId, DiagnosticBag diagnostics)
        {
            foreach (PlanFinding finding in findings)
            {
                string key = finding.Id == noRateId && !plan.Has(finding.Field) ? "system" : finding.Field;
                DiagnosticDescriptor descriptor = DiagnosticDescriptors.ById(finding.Id);
                DiagnosticSeverity severity = finding.IsError ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning;
                diagnostics.Add(DiagnosticInfo.Create(descriptor, plan.LocationOf(key), finding.Message) with
                {
                    Severity = severity == descriptor.DefaultSeverity ? null : severity,
                });
            }
        }

        private static T? Reference<T>(IPlanEntry plan, string key, string id, string kind, IReadOnlyDictionary<string, T> known,
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
