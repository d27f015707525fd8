using System;
using System.Collections.Generic;
using System.Linq;
using HardwareCatalog.Generators.Building;
using HardwareCatalog.Generators.Model;
using HardwareCatalog.Generators.Parsing;
using HardwareCatalog.Generators.Schema;

namespace HardwareCatalog.Generators.Resolving
{
    /// <summary>References from one entry to another: a model's training GPU (HWC109) and the precision it ran in (HWC113), a system's GPU (HWC109).</summary>
    internal static class References
    {
        /// <summary>The system with its GPU proved and named; null when the reference is wrong (reported) or its GPU did not build.</summary>
        public static SystemEntry? Resolve(BuiltEntry entry, SystemEntry system, IReadOnlyDictionary<string, GpuEntry> gpus, Lazy<Dictionary<string, ParsedEntry>> byId, DiagnosticBag diagnostics)
        {
            if (gpus.TryGetValue(system.GpuId, out GpuEntry? gpu))
            {
                return system with { GpuIdentifier = gpu.Identifier, GpuNamespace = gpu.ExternalNamespace };
            }

            // A GPU that exists but did not build has its own diagnostic; a system cannot stand without its GPU.
            if (!(byId.Value.TryGetValue(system.GpuId, out ParsedEntry? target) && target.Kind == CatalogSchema.GpuKind))
            {
                IEnumerable<string> candidates = byId.Value.Values.Where(e => e.Kind == CatalogSchema.GpuKind).Select(e => e.Id);
                diagnostics.Report(DiagnosticDescriptors.UnknownReference, entry.ReferenceLocation("gpu") ?? entry.NameLocation, entry.Id, system.GpuId, CatalogSchema.GpuKind, Suggestions.DidYouMean(system.GpuId, candidates));
            }

            return null;
        }

        /// <summary>The model with its training GPU proved and named; null when a reference is wrong (reported).</summary>
        public static ModelEntry? Resolve(BuiltEntry entry, ModelEntry model, IReadOnlyDictionary<string, GpuEntry> gpus, Lazy<Dictionary<string, ParsedEntry>> byId, DiagnosticBag diagnostics)
        {
            if (model.Training is not { GpuId: { } gpuId } training)
            {
                return model;
            }

            if (!gpus.TryGetValue(gpuId, out GpuEntry? gpu))
            {
                if (byId.Value.TryGetValue(gpuId, out ParsedEntry? target) && target.Kind == CatalogSchema.GpuKind)
                {
                    // The GPU exists but did not build (its own diagnostic says why): keep the run without it.
                    return model with { Training = training with { GpuId = null } };
                }

                IEnumerable<string> candidates = byId.Value.Values.Where(e => e.Kind == CatalogSchema.GpuKind).Select(e => e.Id);
                diagnostics.Report(DiagnosticDescriptors.UnknownReference, entry.ReferenceLocation("training.gpu") ?? entry.NameLocation, entry.Id, gpuId, CatalogSchema.GpuKind, Suggestions.DidYouMean(gpuId, candidates));
                return null;
            }

            if (training.Precision is int precision && !gpu.Dense.Any(p => p.Precision == precision))
            {
                string supported = gpu.Dense.Count == 0 ? "none published" : string.Join(", ", gpu.Dense.Select(p => PrecisionTable.Rows[p.Precision].DisplayName));
                diagnostics.Report(DiagnosticDescriptors.TrainingPrecisionUnsupported, entry.ReferenceLocation("training.precision") ?? entry.NameLocation, entry.Id, PrecisionTable.Rows[precision].DisplayName, gpuId, supported);
                return null;
            }

            return model with { Training = training with { GpuIdentifier = gpu.Identifier, GpuNamespace = gpu.ExternalNamespace } };
        }
    }
}
