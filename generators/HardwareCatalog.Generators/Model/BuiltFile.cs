namespace HardwareCatalog.Generators.Model
{
    /// <summary>
    /// The build stage's result for one file: the entries that needed no other file, built, with the problems found
    /// while building them. The parsed file travels along because the resolver needs every entry's fields for
    /// <c>extends</c>.
    /// </summary>
    internal sealed record BuiltFile(
        ParsedFile File,
        EquatableArray<BuiltEntry> Entries,
        EquatableArray<DiagnosticInfo> Diagnostics);

    /// <summary>
    /// An entry built without other files. <see cref="Gpu"/> or <see cref="Model"/> is set for the entry's kind, or
    /// neither when it had problems (already reported); its id and identifier still take part in the cross-file checks.
    /// </summary>
    internal sealed record BuiltEntry(EntryKey Key, string Id, string? Identifier, bool ChoseIdentifier, GpuEntry? Gpu, ModelEntry? Model);
}
