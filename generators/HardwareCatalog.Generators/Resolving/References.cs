using System.Collections.Generic;
using System.Linq;
using HardwareCatalog.Generators.Building;
using HardwareCatalog.Generators.Model;
using HardwareCatalog.Generators.Parsing;
using HardwareCatalog.Generators.Schema;

namespace HardwareCatalog.Generators.Resolving
{
    /// <summary>References from one entry to another: a model's training GPU (HWC109) and the precision it ran in (HWC113).</summary>
    internal static class References
    {
        /// <summary>The model with its training GPU proved and named; null when a reference is wrong (reported).</summary>
        public static ModelEntry? Resolve(ParsedEntry entry, IReadOnlyList<ParsedField> fields, ModelEntry model, IReadOnlyDictionary<string, GpuEntry> gpus, IReadOnlyDictionary<string, ParsedEntry> byId, DiagnosticBag diagnostics)
        {
            if (model.Training is not { GpuId: { } gpuId } training)
            {
                return model;
            }

            if (!gpus.TryGetValue(gpuId, out GpuEntry? gpu))
            {
                if (byId.TryGetValue(gpuId, out ParsedEntry? target) && target.Kind == CatalogSchema.GpuKind)
                {
                    // The GPU exists but did not build (its own diagnostic says why): keep the run without it.
                    return model with { Training = training with { GpuId = null } };
                }

                IEnumerable<string> candidates = byId.Values.Where(e => e.Kind == CatalogSchema.GpuKind).Select(e => e.Id);
                diagnostics.Report(DiagnosticDescriptors.UnknownReference, Location(entry, fields, "training.gpu"), entry.Id, gpuId, CatalogSchema.GpuKind, Suggestions.DidYouMean(gpuId, candidates));
                return null;
            }

            if (training.Precision is int precision && !gpu.Dense.Any(p => p.Precision == precision))
            {
                string supported = gpu.Dense.Count == 0 ? "none published" : string.Join(", ", gpu.Dense.Select(p => PrecisionTable.Rows[p.Precision].DisplayName));
                diagnostics.Report(DiagnosticDescriptors.TrainingPrecisionUnsupported, Location(entry, fields, "training.precision"), entry.Id, PrecisionTable.Rows[precision].DisplayName, gpuId, supported);
                return null;
            }

            return model with { Training = training with { GpuIdentifier = gpu.Identifier } };
        }

        /// <summary>Where <paramref name="path"/> was written (an inherited value: in the file that wrote it).</summary>
        private static LocationInfo Location(ParsedEntry entry, IReadOnlyList<ParsedField> fields, string path)
            => fields.FirstOrDefault(f => f.Path == path)?.Location ?? entry.EntryLocation;
    }
}
