namespace HardwareCatalog.Generators.Model
{
    /// <summary>
    /// The link stage's result: which entries lost their id to an earlier one, and each entry that extends another
    /// with its chain's values merged beneath its own, ready to be built one by one (and cached one by one).
    /// </summary>
    /// <param name="Duplicates">Entries whose id an earlier entry already has (HWC106); usually none.</param>
    internal sealed record LinkedCatalog(
        EquatableArray<EntryKey> Duplicates,
        EquatableArray<DerivedInput> Derived,
        EquatableArray<DiagnosticInfo> Diagnostics);

    /// <summary>An entry that extends another, with the values of its whole chain applied.</summary>
    internal sealed record DerivedInput(ParsedEntry Entry, EquatableArray<ParsedField> Fields);

    /// <summary>A derived entry after the build stage, with the problems found while building it.</summary>
    internal sealed record DerivedBuild(BuiltEntry Built, EquatableArray<DiagnosticInfo> Diagnostics);
}
