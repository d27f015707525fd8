using HardwareCatalog.Generators.Schema;

namespace HardwareCatalog.Generators.Model
{
    /// <summary>One leaf value of an entry, already checked for shape and unit, keyed by its dotted path (<c>dense.fp8</c>).</summary>
    internal sealed record ParsedField(
        string Path,
        ValueKind Kind,
        string Text,
        double Number,
        EquatableArray<string> Items,
        LocationInfo Location)
    {
        /// <summary>The value's own source, when the file wrote it in the long form (<c>value:</c>, <c>source:</c>, <c>secondary:</c>).</summary>
        public string? Source { get; init; }

        /// <summary>Whether the value comes from a secondary source (press, reseller, a third-party database), not the vendor or the paper.</summary>
        public bool IsSecondary { get; init; }

        /// <summary>The value at <paramref name="path"/> among an entry's few values (a scan beats hashing them), or null.</summary>
        public static ParsedField? Find(System.ReadOnlySpan<ParsedField> fields, string path)
        {
            foreach (ParsedField field in fields)
            {
                if (field.Path == path) return field;
            }

            return null;
        }
    }
}
