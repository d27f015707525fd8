namespace HardwareCatalog.Generators.Model
{
    /// <summary>The generated public catalog of a referenced assembly, as its metadata describes it.</summary>
    internal sealed record ReferencedCatalog(
        string AssemblyName,
        string Namespace,
        string GeneratorVersion,
        EquatableArray<ReferencedEntry> Entries);

    /// <summary>
    /// One entry of a referenced catalog: its kind, id and the values it was generated from. (The attribute's C# name
    /// is not kept: the builders derive it again from the values, and check it, as for any entry.)
    /// </summary>
    /// <param name="Values">Key paths and values as written, alternating.</param>
    internal sealed record ReferencedEntry(string Kind, string Id, bool IsBuiltIn, EquatableArray<string> Values);

    /// <summary>The referenced catalogs the generator builds on, with the problem found among them (two that disagree).</summary>
    internal sealed record ReferencedCatalogs(EquatableArray<ReferencedCatalog> Catalogs, EquatableArray<DiagnosticInfo> Diagnostics)
    {
        public static readonly ReferencedCatalogs None = new(EquatableArray<ReferencedCatalog>.Empty, EquatableArray<DiagnosticInfo>.Empty);
    }
}
