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
        LocationInfo Location);
}
