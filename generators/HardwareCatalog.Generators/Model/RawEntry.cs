using System.Linq;
using HardwareCatalog.Generators.Schema;

namespace HardwareCatalog.Generators.Model
{
    /// <summary>One leaf value of an entry, already checked for shape and unit, keyed by its dotted path (<c>dense.fp8</c>).</summary>
    internal sealed record RawField(
        string Path,
        ValueKind Kind,
        string Text,
        double Number,
        EquatableArray<string> Items,
        LocationInfo Location);

    /// <summary>An entry as written in one catalog file, before <c>extends</c> is resolved.</summary>
    internal sealed record RawEntry(
        string Kind,
        string Id,
        string FilePath,
        bool IsBuiltIn,
        LocationInfo EntryLocation,
        EquatableArray<RawField> Fields,
        EquatableArray<string> InvalidPaths)
    {
        /// <summary>Whether <paramref name="path"/> was written but rejected (already reported; not "missing").</summary>
        public bool IsInvalid(string path) => InvalidPaths.Any(p => p == path || p.StartsWith(path + ".", System.StringComparison.Ordinal));

        public RawField? Get(string path)
        {
            foreach (RawField field in Fields)
            {
                if (field.Path == path) return field;
            }

            return null;
        }
    }

    /// <summary>The result of parsing one catalog file: its entries and the problems found in it alone.</summary>
    internal sealed record ParsedFile(
        string Path,
        bool IsBuiltIn,
        EquatableArray<RawEntry> Entries,
        EquatableArray<DiagnosticInfo> Diagnostics);
}
