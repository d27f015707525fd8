using System;
using System.Collections.Generic;
using System.Linq;
using HardwareCatalog.Generators.Building;
using HardwareCatalog.Generators.Model;

namespace HardwareCatalog.Generators.Resolving
{
    /// <summary>
    /// The first cross-file step: unique ids (HWC106) and <c>extends</c> chains (HWC109, HWC110). It hands each entry
    /// that extends another on with its merged values, to be built one by one: an edit to one file then rebuilds only
    /// the entries whose merged values changed.
    /// </summary>
    internal static class CatalogLinker
    {
        public static LinkedCatalog Link(IEnumerable<BuiltFile> files)
        {
            var diagnostics = new DiagnosticBag();
            List<ParsedFile> ordered = Ordered(files);
            var duplicates = new List<EntryKey>();
            Dictionary<string, ParsedEntry> byId = UniqueIds(ordered, diagnostics, duplicates);

            var merger = new ExtendsMerger(byId, diagnostics);
            var derived = new List<DerivedInput>();
            foreach (ParsedEntry entry in byId.Values)
            {
                if (entry.Extends && !entry.IsInvalid("extends") && merger.Merge(entry) is { } fields)
                {
                    derived.Add(new DerivedInput(entry, new EquatableArray<ParsedField>(fields.ToArray())));
                }
            }

            duplicates.Sort();
            derived.Sort((a, b) => string.CompareOrdinal(a.Entry.Id, b.Entry.Id));
            return new LinkedCatalog(duplicates.ToEquatableArray(), derived.ToEquatableArray(), diagnostics.ToEquatableArray());
        }

        /// <summary>
        /// The files by normalized path, so that which duplicate "wins" does not depend on the host's file order. (The
        /// built-in files are left out, when the project says so, before they are parsed: no later stage filters again.)
        /// </summary>
        internal static List<ParsedFile> Ordered(IEnumerable<BuiltFile> files)
        {
            var ordered = new List<(string Key, ParsedFile File)>();
            foreach (BuiltFile file in files)
            {
                // A referenced assembly's catalog comes first: its entries are already compiled, the project's must yield.
                string path = file.File.Path;
                string key = file.File.Referenced is not null ? "\0" + path : path.IndexOf('\\') < 0 ? path : path.Replace('\\', '/');
                ordered.Add((key, file.File));
            }

            ordered.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
            return ordered.Select(o => o.File).ToList();
        }

        /// <summary>HWC106: the first entry with an id (by file path, then position) keeps it.</summary>
        internal static Dictionary<string, ParsedEntry> UniqueIds(List<ParsedFile> files, DiagnosticBag? diagnostics, List<EntryKey>? duplicates)
        {
            var byId = new Dictionary<string, ParsedEntry>(StringComparer.Ordinal);
            foreach (ParsedFile file in files)
            {
                foreach (ParsedEntry entry in file.Entries)
                {
                    if (byId.TryGetValue(entry.Id, out ParsedEntry? first))
                    {
                        // A built-in entry that a referenced catalog already carries is that same entry: not generated
                        // again, and nothing to report. Anything else is a duplicate id.
                        bool sameBuiltIn = first.IsBuiltIn && entry.IsBuiltIn && file.Referenced is null && first.IsReferenced;
                        if (!sameBuiltIn)
                        {
                            diagnostics?.Report(DiagnosticDescriptors.DuplicateId, entry.Get("id")?.Location ?? entry.EntryLocation, entry.Id, Describe(first));
                        }

                        duplicates?.Add(entry.Key);
                        continue;
                    }

                    byId.Add(entry.Id, entry);
                }
            }

            return byId;
        }

        private static string Describe(ParsedEntry first)
        {
            LocationInfo location = first.EntryLocation;
            return first.IsReferenced
                ? $"the referenced assembly '{location.FilePath}'"
                : $"{System.IO.Path.GetFileName(location.FilePath)}({location.LineSpan.Start.Line + 1},{location.LineSpan.Start.Character + 1})"
                    + (location.Pack is { } pack ? $" in catalog pack {pack}" : "");
        }
    }
}
