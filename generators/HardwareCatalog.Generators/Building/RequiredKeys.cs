using System.Linq;
using HardwareCatalog.Generators.Model;
using HardwareCatalog.Generators.Schema;

namespace HardwareCatalog.Generators.Building
{
    /// <summary>The top-level keys the schema requires of every entry of a kind, checked once <c>extends</c> is applied.</summary>
    internal static class RequiredKeys
    {
        public static bool Check(EntryFields fields, DiagnosticBag diagnostics)
        {
            ParsedEntry entry = fields.Entry;
            FieldSpec spec = CatalogSchema.ForKind(entry.Kind)!;
            bool ok = true;
            foreach (FieldSpec child in spec.Children.Where(c => c.Required))
            {
                bool present = child.RequiredOnEveryEntry ? entry.Get(child.Key) is not null : fields.Field(child.Key) is not null;
                if (present) continue;
                ok = false;
                if (entry.IsInvalid(child.Key)) continue; // written but rejected: reported where it was written

                string inherited = child.RequiredOnEveryEntry ? " (each entry names the sources of its own values)"
                    : entry.Get("extends") is { } extends ? $" (nor does '{extends.Text}', which it extends)" : "";
                diagnostics.Report(DiagnosticDescriptors.MissingKey, entry.EntryLocation, "The " + entry.Kind + " entry", entry.Id, child.Key, inherited);
            }

            return ok;
        }
    }
}
