using System;
using System.Collections.Generic;
using System.Linq;
using HardwareCatalog.Generators.Building;
using HardwareCatalog.Generators.Model;

namespace HardwareCatalog.Generators.Resolving
{
    /// <summary>
    /// The last cross-file step: unique C# names and references between entries, over every built entry (those built
    /// with their file and those built after linking). Its output is what to emit beyond the per-file entries, in id
    /// order, whatever the order of the files.
    /// </summary>
    internal static class CatalogResolver
    {
        /// <summary>The cross-file stages in one call, as the pipeline runs them (for tests and benchmarks).</summary>
        public static ResolvedCatalog LinkBuildAndResolve(IReadOnlyList<BuiltFile> files, CatalogOptions options)
        {
            LinkedCatalog linked = CatalogLinker.Link(files, options);
            List<DerivedBuild> derived = linked.Derived.Select(EntryBuilder.BuildDerived).ToList();
            ResolvedCatalog resolved = Resolve(files, linked, derived, options);
            var diagnostics = linked.Diagnostics.Concat(derived.SelectMany(d => d.Diagnostics)).Concat(resolved.Diagnostics);
            return resolved with { Diagnostics = diagnostics.ToEquatableArray() };
        }

        public static ResolvedCatalog Resolve(IEnumerable<BuiltFile> files, LinkedCatalog linked, IEnumerable<DerivedBuild> derived, CatalogOptions options)
        {
            var diagnostics = new DiagnosticBag();
            var duplicates = new HashSet<EntryKey>(linked.Duplicates);

            // Every entry that keeps its id and passed its own checks competes for a name; one that failed takes none,
            // so it cannot push a valid entry aside.
            var candidates = new List<BuiltEntry>();
            var standalone = new List<BuiltEntry>();
            foreach (BuiltFile file in files)
            {
                if (!options.IncludeBuiltIns && file.File.IsBuiltIn) continue;
                foreach (BuiltEntry built in file.Entries)
                {
                    standalone.Add(built);
                    if (built.IsBuilt && !duplicates.Contains(built.Key)) candidates.Add(built);
                }
            }

            foreach (DerivedBuild build in derived)
            {
                if (build.Built.IsBuilt) candidates.Add(build.Built);
            }

            candidates.Sort((x, y) => string.CompareOrdinal(x.Id, y.Id));
            List<BuiltEntry> keepers = UniqueNames(candidates, diagnostics);

            var kept = new HashSet<EntryKey>(keepers.Select(k => k.Key));
            var rejected = standalone.Where(b => b.Gpu is not null && !kept.Contains(b.Key)).Select(b => b.Key).ToList();
            rejected.Sort();

            var gpuById = new Dictionary<string, GpuEntry>(StringComparer.Ordinal);
            var derivedGpus = new List<GpuEntry>();
            var gpuIndex = new List<IndexEntry>();
            var derivedKeys = new HashSet<EntryKey>(derived.Select(d => d.Built.Key));
            foreach (BuiltEntry keeper in keepers)
            {
                if (keeper.Gpu is { } gpu)
                {
                    gpuById[gpu.Id] = gpu;
                    gpuIndex.Add(new IndexEntry(gpu.Id, gpu.Identifier));
                    if (derivedKeys.Contains(keeper.Key)) derivedGpus.Add(gpu);
                }
            }

            // Models refer to accelerators, so their references are proved once every accelerator is known.
            // Every entry by id, for the message of a reference that fails: built only then.
            var byId = new Lazy<Dictionary<string, ParsedEntry>>(() => CatalogLinker.UniqueIds(CatalogLinker.Ordered(files, options), diagnostics: null, duplicates: null));
            var models = new List<ModelEntry>();
            foreach (BuiltEntry keeper in keepers)
            {
                if (keeper.Model is { } model && References.Resolve(keeper, model, gpuById, byId, diagnostics) is { } resolved)
                {
                    models.Add(resolved);
                }
            }

            return new ResolvedCatalog(
                rejected.ToEquatableArray(),
                derivedGpus.ToEquatableArray(),
                gpuIndex.ToEquatableArray(),
                models.ToEquatableArray(),
                diagnostics.ToEquatableArray());
        }

        /// <summary>
        /// HWC108 and HWC122: every C# name is used once, also when compared without regard to case. Generated file
        /// names (hint names) are made from these names, and Roslyn compares hint names without regard to case, so this
        /// is what makes emission unable to collide. On a clash the entry whose name was derived keeps it; one that chose
        /// its name is told to choose again; otherwise the first by id keeps it.
        /// </summary>
        private static List<BuiltEntry> UniqueNames(List<BuiltEntry> candidates, DiagnosticBag diagnostics)
        {
            var keepers = new List<BuiltEntry>(candidates.Count);
            foreach (var group in candidates.GroupBy(c => c.Identifier!, StringComparer.OrdinalIgnoreCase))
            {
                BuiltEntry keeper = group.FirstOrDefault(c => !c.ChoseIdentifier) ?? group.First();
                foreach (BuiltEntry other in group.Where(c => !ReferenceEquals(c, keeper)))
                {
                    if (string.Equals(other.Identifier, keeper.Identifier, StringComparison.Ordinal))
                    {
                        diagnostics.Report(DiagnosticDescriptors.IdentifierCollision, other.NameLocation, keeper.Id, other.Id, keeper.Identifier!);
                    }
                    else
                    {
                        diagnostics.Report(DiagnosticDescriptors.IdentifierCaseCollision, other.NameLocation, other.Id, other.Identifier!, keeper.Id, keeper.Identifier!);
                    }
                }

                keepers.Add(keeper);
            }

            keepers.Sort((x, y) => string.CompareOrdinal(x.Id, y.Id));
            return keepers;
        }
    }
}
