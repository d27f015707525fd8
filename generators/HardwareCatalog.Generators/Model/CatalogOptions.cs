namespace HardwareCatalog.Generators.Model
{
    /// <summary>The MSBuild properties that shape the generated code.</summary>
    internal sealed record CatalogOptions(string Namespace, bool IsPublic)
    {
        public static readonly CatalogOptions Default = new("HardwareCatalog", false);

        public string Visibility => IsPublic ? "public" : "internal";

        /// <summary>Whether the consuming compilation's C# version (8 or later) has nullable annotations.</summary>
        public bool NullableAnnotations { get; init; } = true;

        /// <summary>
        /// Whether each entry gets its typed member and class (<c>Gpus.H100Sxm</c>, <c>Accelerators.H100Sxm</c>) besides
        /// the index (<c>All</c>, <c>Find</c>). Off (HardwareCatalogTypedMembers=false) only for an internal catalog: a
        /// public one is what referencing catalogs build their typed members on.
        /// </summary>
        public bool TypedMembers { get; init; } = true;
    }

    /// <summary>The options with the diagnostics their values raised.</summary>
    internal sealed record OptionsResult(CatalogOptions Options, EquatableArray<DiagnosticInfo> Diagnostics);
}
