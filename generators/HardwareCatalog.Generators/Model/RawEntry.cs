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
        /// <summary>The entry's position among the entries of its file.</summary>
        public int Ordinal { get; init; }

        /// <summary>Set when the entry was built at parse time because it needs no other file.</summary>
        public StandaloneBuild? Standalone { get; init; }

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

    /// <summary>An entry built at parse time; <see cref="Model"/> is null when it had problems (already reported).</summary>
    internal sealed record StandaloneBuild(AcceleratorModel? Model);

    /// <summary>The result of parsing one catalog file: its entries and the problems found in it alone.</summary>
    internal sealed record ParsedFile(
        string Path,
        bool IsBuiltIn,
        EquatableArray<RawEntry> Entries,
        EquatableArray<DiagnosticInfo> Diagnostics);
}
