namespace HardwareCatalog.Generators.Model
{
    /// <summary>The result of parsing one catalog file: its entries and the problems found in its text alone.</summary>
    /// <param name="Referenced">Set for the catalog of a referenced assembly (its entries come from assembly metadata).</param>
    internal sealed record ParsedFile(
        string Path,
        bool IsBuiltIn,
        EquatableArray<ParsedEntry> Entries,
        EquatableArray<DiagnosticInfo> Diagnostics,
        ReferencedCatalog? Referenced = null);
}
