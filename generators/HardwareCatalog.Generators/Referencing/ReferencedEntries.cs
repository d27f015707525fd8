using System.Collections.Generic;
using System.Globalization;
using HardwareCatalog.Generators.Model;
using HardwareCatalog.Generators.Schema;
using HardwareCatalog.Units;
using Microsoft.CodeAnalysis.Text;

namespace HardwareCatalog.Generators.Referencing
{
    /// <summary>
    /// Turns a referenced catalog into parsed entries, so that the same builders, the same <c>extends</c> merge and the
    /// same name and reference checks see it as they see a catalog file. The values were checked when the referenced
    /// assembly was built; what does not read back (a newer assembly's key this generator does not know) is left out.
    /// </summary>
    internal static class ReferencedEntries
    {
        public static ParsedFile ToParsedFile(ReferencedCatalog catalog)
        {
            // Diagnostics about a referenced entry (rare: it was valid where it was built) name the assembly.
            var location = new LocationInfo(catalog.AssemblyName, new TextSpan(0, 0), new LinePositionSpan(default, default));
            var entries = new List<ParsedEntry>(catalog.Entries.Count);
            foreach (ReferencedEntry entry in catalog.Entries)
            {
                FieldSpec? spec = CatalogSchema.ForKind(entry.Kind);
                if (spec is null) continue;
                var fields = new List<ParsedField>(entry.Values.Count / 2);
                for (int i = 0; i + 1 < entry.Values.Count; i += 2)
                {
                    // The values are already merged with their chain: 'extends' would make the entry derive again.
                    string path = entry.Values[i];
                    if (path.EndsWith(Building.EntryFields.SourceSuffix, System.StringComparison.Ordinal) || path.EndsWith(Building.EntryFields.SecondarySuffix, System.StringComparison.Ordinal))
                    {
                        // The provenance of the value just read, if it was read.
                        int last = fields.Count - 1;
                        if (last >= 0 && path.StartsWith(fields[last].Path + "#", System.StringComparison.Ordinal))
                        {
                            fields[last] = path.EndsWith(Building.EntryFields.SourceSuffix, System.StringComparison.Ordinal)
                                ? fields[last] with { Source = entry.Values[i + 1] }
                                : fields[last] with { IsSecondary = entry.Values[i + 1] == "true" };
                        }

                        continue;
                    }

                    if (path != "extends" && Read(spec, path, entry.Values[i + 1], location) is { } field) fields.Add(field);
                }

                var parsed = new ParsedEntry(entry.Kind, entry.Id, new EntryKey(catalog.AssemblyName, entries.Count), entry.IsBuiltIn, location,
                    fields.ToEquatableArray(), EquatableArray<KeyLocation>.Empty, EquatableArray<string>.Empty);
                entries.Add(parsed with { IsReferenced = true });
            }

            return new ParsedFile(catalog.AssemblyName, IsBuiltIn: false, entries.ToEquatableArray(), EquatableArray<DiagnosticInfo>.Empty, catalog);
        }

        private static ParsedField? Read(FieldSpec spec, string path, string text, LocationInfo location)
        {
            FieldSpec? field = spec;
            foreach (string key in path.Split('.'))
            {
                field = field?.Child(key);
            }

            if (field is null) return null;
            switch (field.Kind)
            {
                case ValueKind.String:
                    return new ParsedField(path, field.Kind, text, 0, EquatableArray<string>.Empty, location);
                case ValueKind.Boolean:
                    return new ParsedField(path, field.Kind, text, text == "true" ? 1 : 0, EquatableArray<string>.Empty, location);
                case ValueKind.Integer:
                    return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int integer)
                        ? new ParsedField(path, field.Kind, text, integer, EquatableArray<string>.Empty, location)
                        : null;
                case ValueKind.Quantity:
                    return UnitTable.TryParse(text, field.Dimension, out double value, out _, out _) == QuantityError.None
                        ? new ParsedField(path, field.Kind, text, value, EquatableArray<string>.Empty, location)
                        : null;
                case ValueKind.StringList:
                    return new ParsedField(path, field.Kind, "", 0, new EquatableArray<string>(text.Split(new[] { Building.EntryFields.ListSeparator }, System.StringSplitOptions.None)), location);
                default:
                    return null;
            }
        }
    }
}
