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
        public static ResolvedCatalog LinkBuildAndResolve(IReadOnlyList<BuiltFile> files)
        {
            LinkedCatalog linked = CatalogLinker.Link(files);
            List<DerivedBuild> derived = linked.Derived.Select(EntryBuilder.BuildDerived).ToList();
            ResolvedCatalog resolved = Resolve(files, linked, derived);
            var diagnostics = linked.Diagnostics.Concat(derived.SelectMany(d => d.Diagnostics)).Concat(resolved.Diagnostics);
            return resolved with { Diagnostics = diagnostics.ToEquatableArray() };
        }

        public static ResolvedCatalog Resolve(IEnumerable<BuiltFile> files, LinkedCatalog linked, IEnumerable<DerivedBuild> derived)
        {
            var diagnostics = new DiagnosticBag();
            var duplicates = new HashSet<EntryKey>(linked.Duplicates);

            // Every entry that keeps its id and passed its own checks competes for a name; one that failed takes none,
            // so it cannot push a valid entry aside.
            var candidates = new List<(BuiltEntry Entry, bool IsDerived)>();
            var rejected = new List<EntryKey>();
            foreach (BuiltFile file in files)
            {
                foreach (BuiltEntry built in file.Entries)
                {
                    if (!built.IsBuilt) continue;
                    if (duplicates.Contains(built.Key))
                    {
                        if (built.Gpu is not null) rejected.Add(built.Key);
                        continue;
                    }

                    candidates.Add((built, false));
                }
            }

            foreach (DerivedBuild build in derived)
            {
                if (build.Built.IsBuilt) candidates.Add((build.Built, true));
            }

            candidates.Sort((x, y) => string.CompareOrdinal(x.Entry.Id, y.Entry.Id));
            List<(BuiltEntry Entry, bool IsDerived)> keepers = UniqueNames(candidates, diagnostics, rejected);
            rejected.Sort();

            var gpuById = new Dictionary<string, GpuEntry>(StringComparer.Ordinal);
            var derivedGpus = new List<GpuEntry>();
            var gpuIndex = new List<IndexEntry>();
            foreach ((BuiltEntry keeper, bool isDerived) in keepers)
            {
                if (keeper.Gpu is { } gpu)
                {
                    gpuById[gpu.Id] = gpu;
                    gpuIndex.Add(new IndexEntry(gpu.Id, gpu.Identifier, gpu.ExternalNamespace));
                    if (isDerived) derivedGpus.Add(gpu);
                }
            }

            // Models refer to accelerators, so their references are proved once every accelerator is known.
            // Every entry by id, for the message of a reference that fails: built only then.
            var byId = new Lazy<Dictionary<string, ParsedEntry>>(() => CatalogLinker.UniqueIds(CatalogLinker.Ordered(files), diagnostics: null, duplicates: null));
            var models = new List<ModelEntry>();
            var modelIndex = new List<IndexEntry>();
            foreach ((BuiltEntry keeper, _) in keepers)
            {
                if (keeper.Model is { ExternalNamespace: { } external } referenced)
                {
                    // A referenced assembly's model: already generated there, listed here.
                    modelIndex.Add(new IndexEntry(referenced.Id, referenced.Identifier, external));
                }
                else if (keeper.Model is { } model && References.Resolve(keeper, model, gpuById, byId, diagnostics) is { } resolved)
                {
                    models.Add(resolved);
                    modelIndex.Add(new IndexEntry(resolved.Id, resolved.Identifier));
                }
            }

            var systems = new List<SystemEntry>();
            var systemIndex = new List<IndexEntry>();
            foreach ((BuiltEntry keeper, _) in keepers)
            {
                if (keeper.System is { ExternalNamespace: { } external } referenced)
                {
                    systemIndex.Add(new IndexEntry(referenced.Id, referenced.Identifier, external));
                }
                else if (keeper.System is { } system && References.Resolve(keeper, system, gpuById, byId, diagnostics) is { } resolved)
                {
                    systems.Add(resolved);
                    systemIndex.Add(new IndexEntry(resolved.Id, resolved.Identifier));
                }
            }

            // Plans refer to a model and a system: those the indexes hand out (emitted here or carried by a referenced
            // assembly), so that the emitted plan's Models.Find and Systems.Find find them.
            var modelById = new Dictionary<string, ModelEntry>(StringComparer.Ordinal);
            foreach (ModelEntry model in models) modelById[model.Id] = model;
            var systemById = new Dictionary<string, SystemEntry>(StringComparer.Ordinal);
            foreach (SystemEntry system in systems) systemById[system.Id] = system;
            foreach ((BuiltEntry keeper, _) in keepers)
            {
                if (keeper.Model is { ExternalNamespace: not null } externalModel) modelById[externalModel.Id] = externalModel;
                if (keeper.System is { ExternalNamespace: not null } externalSystem) systemById[externalSystem.Id] = externalSystem;
            }

            var plans = new List<TrainingPlanOutput>();
            var planIndex = new List<IndexEntry>();
            foreach ((BuiltEntry keeper, _) in keepers)
            {
                if (keeper.Training is { } plan && TrainingEvaluation.Evaluate(plan, modelById, systemById, gpuById, byId, diagnostics) is { } evaluated)
                {
                    plans.Add(evaluated);
                    planIndex.Add(new IndexEntry(plan.Id, plan.Identifier));
                }
            }

            var servingPlans = new List<ServingPlanOutput>();
            var servingIndex = new List<IndexEntry>();
            foreach ((BuiltEntry keeper, _) in keepers)
            {
                if (keeper.Serving is { } plan && ServingEvaluation.Evaluate(plan, modelById, systemById, gpuById, byId, diagnostics) is { } evaluated)
                {
                    servingPlans.Add(evaluated);
                    servingIndex.Add(new IndexEntry(plan.Id, plan.Identifier));
                }
            }

            var referencedNamespaces = files.Where(f => f.File.Referenced is not null).Select(f => f.File.Referenced!.Namespace).Distinct().OrderBy(n => n, StringComparer.Ordinal);
            return new ResolvedCatalog(
                rejected.ToEquatableArray(),
                derivedGpus.ToEquatableArray(),
                gpuIndex.ToEquatableArray(),
                models.ToEquatableArray(),
                modelIndex.ToEquatableArray(),
                referencedNamespaces.ToEquatableArray(),
                diagnostics.ToEquatableArray())
            {
                Systems = systems.ToEquatableArray(),
                SystemIndex = systemIndex.ToEquatableArray(),
                Plans = plans.ToEquatableArray(),
                PlanIndex = planIndex.ToEquatableArray(),
                ServingPlans = servingPlans.ToEquatableArray(),
                ServingPlanIndex = servingIndex.ToEquatableArray(),
            };
        }

        /// <summary>
        /// HWC108 and HWC122: every C# name is used once, also when compared without regard to case. Generated file
        /// names (hint names) are made from these names, and Roslyn compares hint names without regard to case, so this
        /// is what makes emission unable to collide. On a clash the entry whose name was derived keeps it; one that chose
        /// its name is told to choose again; otherwise the first by id keeps it.
        /// </summary>
        private static bool IsExternal(BuiltEntry entry) => entry.Gpu?.ExternalNamespace is not null || entry.Model?.ExternalNamespace is not null || entry.System?.ExternalNamespace is not null;

        /// <param name="rejected">Receives the keys of the standalone accelerators that lose their name (their file would emit them).</param>
        private static List<(BuiltEntry Entry, bool IsDerived)> UniqueNames(List<(BuiltEntry Entry, bool IsDerived)> candidates, DiagnosticBag diagnostics, List<EntryKey> rejected)
        {
            var keepers = new List<(BuiltEntry Entry, bool IsDerived)>(candidates.Count);
            var byName = new Dictionary<string, int>(candidates.Count, StringComparer.OrdinalIgnoreCase);
            foreach (var candidate in candidates)
            {
                if (!byName.TryGetValue(candidate.Entry.Identifier!, out int at))
                {
                    byName.Add(candidate.Entry.Identifier!, keepers.Count);
                    keepers.Add(candidate);
                    continue;
                }

                // Candidates come in id order, so the first holder is the first by id; a derived name beats a chosen one,
                // and a referenced assembly's entry, already compiled under its name, beats both.
                var holder = keepers[at];
                bool candidateWins = IsExternal(candidate.Entry) != IsExternal(holder.Entry)
                    ? IsExternal(candidate.Entry)
                    : holder.Entry.ChoseIdentifier && !candidate.Entry.ChoseIdentifier;
                var (keeper, other) = candidateWins ? (candidate, holder) : (holder, candidate);
                keepers[at] = keeper;
                if (string.Equals(other.Entry.Identifier, keeper.Entry.Identifier, StringComparison.Ordinal))
                {
                    diagnostics.Report(DiagnosticDescriptors.IdentifierCollision, other.Entry.NameLocation, keeper.Entry.Id, other.Entry.Id, keeper.Entry.Identifier!);
                }
                else
                {
                    diagnostics.Report(DiagnosticDescriptors.IdentifierCaseCollision, other.Entry.NameLocation, other.Entry.Id, other.Entry.Identifier!, keeper.Entry.Id, keeper.Entry.Identifier!);
                }

                if (!other.IsDerived && other.Entry.Gpu is not null) rejected.Add(other.Entry.Key);
            }

            keepers.Sort((x, y) => string.CompareOrdinal(x.Entry.Id, y.Entry.Id));
            return keepers;
        }
    }
}
