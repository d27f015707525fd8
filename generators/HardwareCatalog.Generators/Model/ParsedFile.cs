namespace HardwareCatalog.Generators.Model
{
    /// <summary>The result of parsing one catalog file: its entries and the problems found in its text alone.</summary>
    internal sealed record ParsedFile(
        string Path,
        bool IsBuiltIn,
        EquatableArray<ParsedEntry> Entries,
        EquatableArray<DiagnosticInfo> Diagnostics);
}
