using System;
using System.Collections.Generic;
using System.Linq;
using HardwareCatalog.Generators.Building;
using HardwareCatalog.Generators.Model;
using HardwareCatalog.Generators.Schema;

namespace HardwareCatalog.Generators.Resolving
{
    /// <summary>
    /// The cross-file stage: unique ids, <c>extends</c> chains, unique C# names and references between entries. Its
    /// input is every built file; its output is what to emit beyond the per-file entries, in id order, whatever the
    /// order of the files.
    /// </summary>
    internal static class CatalogResolver
    {
        private sealed record Candidate(ParsedEntry Entry, BuiltEntry Built, bool IsStandalone);

        public static ResolvedCatalog Resolve(IEnumerable<BuiltFile> files, CatalogOptions options)
        {
            var diagnostics = new DiagnosticBag();

            // Order by normalized path so that which duplicate "wins" does not depend on the host's file order.
            List<BuiltFile> ordered = files
                .Where(f => options.IncludeBuiltIns || !f.File.IsBuiltIn)
                .OrderBy(f => f.File.Path.Replace('\\', '/'), StringComparer.Ordinal)
                .ToList();

            Dictionary<string, ParsedEntry> byId = UniqueIds(ordered, diagnostics);
            var standalone = new Dictionary<EntryKey, BuiltEntry>();
            foreach (BuiltFile file in ordered)
            {
                foreach (BuiltEntry built in file.Entries) standalone[built.Key] = built;
            }

            // Entries that extend another are built here, once their chain is merged; the others were built with their file.
            var merger = new ExtendsMerger(byId, diagnostics);
            var candidates = new List<Candidate>();
            foreach (ParsedEntry entry in byId.Values.OrderBy(e => e.Id, StringComparer.Ordinal))
            {
                if (standalone.TryGetValue(entry.Key, out BuiltEntry? built))
                {
                    candidates.Add(new Candidate(entry, built, IsStandalone: true));
                }
                else if (!entry.IsInvalid("extends") && merger.Merge(entry) is { } fields)
                {
                    candidates.Add(new Candidate(entry, EntryBuilder.Build(entry, fields, diagnostics), IsStandalone: false));
                }
            }

            // An entry that failed to build takes no name: it cannot push a valid entry aside.
            List<Candidate> keepers = UniqueNames(candidates.Where(c => c.Built.Gpu is not null || c.Built.Model is not null).ToList(), diagnostics);

            var accepted = new HashSet<EntryKey>(keepers.Where(k => k.IsStandalone).Select(k => k.Entry.Key));
            var rejected = standalone.Values.Where(b => b.Gpu is not null && !accepted.Contains(b.Key)).Select(b => b.Key).ToList();
            rejected.Sort();

            var gpuById = new Dictionary<string, GpuEntry>(StringComparer.Ordinal);
            var derived = new List<GpuEntry>();
            var gpuIndex = new List<IndexEntry>();
            var models = new List<ModelEntry>();
            foreach (Candidate keeper in keepers)
            {
                if (keeper.Built.Gpu is { } gpu)
                {
                    gpuById[gpu.Id] = gpu;
                    gpuIndex.Add(new IndexEntry(gpu.Id, gpu.Identifier));
                    if (!keeper.IsStandalone) derived.Add(gpu);
                }
            }

            // Models refer to accelerators, so their references are proved once every accelerator is known.
            foreach (Candidate keeper in keepers)
            {
                if (keeper.Built.Model is { } model && References.Resolve(keeper.Entry, merger.FieldsOf(keeper.Entry), model, gpuById, byId, diagnostics) is { } resolved)
                {
                    models.Add(resolved);
                }
            }

            return new ResolvedCatalog(
                rejected.ToEquatableArray(),
                derived.ToEquatableArray(),
                gpuIndex.ToEquatableArray(),
                models.ToEquatableArray(),
                diagnostics.ToEquatableArray());
        }

        /// <summary>HWC106: the first entry with an id (by file path, then position) keeps it.</summary>
        private static Dictionary<string, ParsedEntry> UniqueIds(List<BuiltFile> files, DiagnosticBag diagnostics)
        {
            var byId = new Dictionary<string, ParsedEntry>(StringComparer.Ordinal);
            foreach (BuiltFile file in files)
            {
                foreach (ParsedEntry entry in file.File.Entries)
                {
                    if (byId.TryGetValue(entry.Id, out ParsedEntry? first))
                    {
                        diagnostics.Report(DiagnosticDescriptors.DuplicateId, entry.Get("id")?.Location ?? entry.EntryLocation, entry.Id, Describe(first.EntryLocation));
                        continue;
                    }

                    byId.Add(entry.Id, entry);
                }
            }

            return byId;
        }

        /// <summary>
        /// HWC108 and HWC122: every C# name is used once, also when compared without regard to case. Generated file
        /// names (hint names) are made from these names, and Roslyn compares hint names without regard to case, so this
        /// is what makes emission unable to collide. On a clash the entry whose name was derived keeps it; one that chose
        /// its name is told to choose again; otherwise the first by id keeps it.
        /// </summary>
        private static List<Candidate> UniqueNames(List<Candidate> candidates, DiagnosticBag diagnostics)
        {
            var keepers = new List<Candidate>();
            foreach (var group in candidates.GroupBy(c => c.Built.Identifier!, StringComparer.OrdinalIgnoreCase))
            {
                Candidate keeper = group.FirstOrDefault(c => !c.Built.ChoseIdentifier) ?? group.First();
                foreach (Candidate other in group.Where(c => !ReferenceEquals(c, keeper)))
                {
                    LocationInfo at = other.Entry.Get("identifier")?.Location ?? other.Entry.Get("id")!.Location;
                    if (string.Equals(other.Built.Identifier, keeper.Built.Identifier, StringComparison.Ordinal))
                    {
                        diagnostics.Report(DiagnosticDescriptors.IdentifierCollision, at, keeper.Entry.Id, other.Entry.Id, keeper.Built.Identifier!);
                    }
                    else
                    {
                        diagnostics.Report(DiagnosticDescriptors.IdentifierCaseCollision, at, other.Entry.Id, other.Built.Identifier!, keeper.Entry.Id, keeper.Built.Identifier!);
                    }
                }

                keepers.Add(keeper);
            }

            keepers.Sort((x, y) => string.CompareOrdinal(x.Entry.Id, y.Entry.Id));
            return keepers;
        }

        internal static string Describe(LocationInfo location)
            => $"{System.IO.Path.GetFileName(location.FilePath)}({location.LineSpan.Start.Line + 1},{location.LineSpan.Start.Character + 1})";
    }
}
