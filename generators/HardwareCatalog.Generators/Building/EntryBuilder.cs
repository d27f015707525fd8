using System.Collections.Generic;
using HardwareCatalog.Generators.Model;
using HardwareCatalog.Generators.Schema;

namespace HardwareCatalog.Generators.Building
{
    /// <summary>
    /// The build stage: turns each entry of one file that needs no other file (it extends nothing) into its model.
    /// It runs per file, so an edit to one file rebuilds that file's entries alone. Entries that extend another are
    /// built by the resolver with the same builders, once their chain is merged.
    /// </summary>
    internal static class EntryBuilder
    {
        public static BuiltFile BuildFile(ParsedFile file)
        {
            var diagnostics = new DiagnosticBag();
            var built = new List<BuiltEntry>();
            foreach (ParsedEntry entry in file.Entries)
            {
                if (!entry.Extends)
                {
                    built.Add(Build(entry, entry.Fields, diagnostics));
                }
            }

            return new BuiltFile(file, built.ToEquatableArray(), diagnostics.ToEquatableArray());
        }

        /// <summary>Builds one entry from <paramref name="fields"/> (its own, or merged with its <c>extends</c> chain).</summary>
        public static BuiltEntry Build(ParsedEntry entry, IReadOnlyList<ParsedField> fields, DiagnosticBag diagnostics)
        {
            var reader = new EntryFields(entry, fields, diagnostics);
            bool chose = entry.Get("identifier") is not null;
            if (!RequiredKeys.Check(reader, diagnostics) || Identifiers.Resolve(entry, diagnostics) is not { } identifier)
            {
                return new BuiltEntry(entry.Key, entry.Id, null, chose, null, null);
            }

            return entry.Kind switch
            {
                CatalogSchema.GpuKind => new BuiltEntry(entry.Key, entry.Id, identifier, chose, GpuBuilder.Build(reader, identifier), null),
                CatalogSchema.ModelKind => new BuiltEntry(entry.Key, entry.Id, identifier, chose, null, ModelBuilder.Build(reader, identifier)),
                _ => new BuiltEntry(entry.Key, entry.Id, null, chose, null, null),
            };
        }
    }
}
