namespace HardwareCatalog.Generators.Model
{
    /// <summary>
    /// The build stage's result for one file: the entries that needed no other file, built, with the problems found
    /// while building them. The parsed file travels along because linking needs every entry's values for <c>extends</c>.
    /// </summary>
    internal sealed record BuiltFile(
        ParsedFile File,
        EquatableArray<BuiltEntry> Entries,
        EquatableArray<DiagnosticInfo> Diagnostics);
}
