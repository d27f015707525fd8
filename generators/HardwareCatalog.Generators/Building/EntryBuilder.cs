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
                    built.Add(Build(entry, entry.Fields, diagnostics, file.Referenced?.Namespace));
                }
            }

            return new BuiltFile(file, built.ToEquatableArray(), diagnostics.ToEquatableArray());
        }

        /// <summary>Builds an entry that extends another, from its merged values (see <c>Resolving/ExtendsLinker</c>).</summary>
        public static DerivedBuild BuildDerived(DerivedInput input)
        {
            var diagnostics = new DiagnosticBag();
            BuiltEntry built = Build(input.Entry, input.Fields, diagnostics);
            return new DerivedBuild(built, diagnostics.ToEquatableArray());
        }

        /// <summary>Builds one entry from <paramref name="fields"/> (its own, or merged with its <c>extends</c> chain).</summary>
        public static BuiltEntry Build(ParsedEntry entry, IReadOnlyList<ParsedField> fields, DiagnosticBag diagnostics, string? externalNamespace = null)
        {
            var reader = new EntryFields(entry, WithoutExcluded(fields), diagnostics, externalNamespace);
            ParsedField? chosen = entry.Get("identifier");
            LocationInfo nameLocation = chosen?.Location ?? entry.Get("id")?.Location ?? entry.EntryLocation;
            EquatableArray<KeyLocation> references = References(fields);
            string? identifier = RequiredKeys.Check(reader, diagnostics) ? Identifiers.Resolve(entry, diagnostics) : null;
            GpuEntry? gpu = identifier is not null && entry.Kind == CatalogSchema.GpuKind ? GpuBuilder.Build(reader, identifier) : null;
            ModelEntry? model = identifier is not null && entry.Kind == CatalogSchema.ModelKind ? ModelBuilder.Build(reader, identifier) : null;
            SystemEntry? system = identifier is not null && entry.Kind == CatalogSchema.SystemKind ? SystemBuilder.Build(reader, identifier) : null;
            TrainingEntry? training = identifier is not null && entry.Kind == CatalogSchema.TrainingKind ? TrainingBuilder.Build(reader, identifier) : null;
            ServingEntry? serving = identifier is not null && entry.Kind == CatalogSchema.ServingKind ? ServingBuilder.Build(reader, identifier) : null;
            return new BuiltEntry(entry.Key, entry.Kind, entry.Id, identifier, chosen is not null, nameLocation, references, gpu, model, system, training) { Serving = serving };
        }

        /// <summary>The values to build from: all but the secondary values the build leaves out (see <see cref="ParsedField.IsExcluded"/>).</summary>
        private static IReadOnlyList<ParsedField> WithoutExcluded(IReadOnlyList<ParsedField> fields)
        {
            foreach (ParsedField field in fields)
            {
                if (field.IsExcluded)
                {
                    var kept = new List<ParsedField>(fields.Count);
                    foreach (ParsedField f in fields)
                    {
                        if (!f.IsExcluded) kept.Add(f);
                    }

                    return kept;
                }
            }

            return fields;
        }

        /// <summary>The paths whose values name other entries, with where they were written (an inherited one: in its own file).</summary>
        private static EquatableArray<KeyLocation> References(IReadOnlyList<ParsedField> fields)
        {
            List<KeyLocation>? references = null;
            foreach (ParsedField field in fields)
            {
                if (field.Path is "training.gpu" or "training.precision" or "gpu")
                {
                    (references ??= new List<KeyLocation>()).Add(new KeyLocation(field.Path, field.Location));
                }
            }

            return references is null ? EquatableArray<KeyLocation>.Empty : references.ToEquatableArray();
        }
    }
}
