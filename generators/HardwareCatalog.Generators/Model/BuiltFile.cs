namespace HardwareCatalog.Generators.Model
{
    /// <summary>
    /// The build stage's result for one file: the entries that needed no other file, built, with the problems found
    /// while building them. The parsed file travels along because linking needs every entry's values for <c>extends</c>.
    /// </summary>
    internal sealed record BuiltFile(
        ParsedFile File,
        EquatableArray<BuiltEntry> Entries,
        EquatableArray<DiagnosticInfo> Diagnostics)
    {
        /// <summary>The problems found in the file's text and while building its entries, to report together.</summary>
        public EquatableArray<DiagnosticInfo> FileDiagnostics => File.Diagnostics.Count == 0 ? Diagnostics
            : Diagnostics.Count == 0 ? File.Diagnostics
            : new EquatableArray<DiagnosticInfo>(System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Concat(File.Diagnostics, Diagnostics)));
    }
}
