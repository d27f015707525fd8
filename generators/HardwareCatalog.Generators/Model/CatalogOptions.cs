namespace HardwareCatalog.Generators.Model
{
    /// <summary>The MSBuild properties that shape the generated code.</summary>
    internal sealed record CatalogOptions(string Namespace, bool IsPublic, bool IncludeBuiltIns)
    {
        public static readonly CatalogOptions Default = new("HardwareCatalog", false, true);

        public string Visibility => IsPublic ? "public" : "internal";
    }

    /// <summary>The options with the diagnostics their values raised.</summary>
    internal sealed record OptionsResult(CatalogOptions Options, EquatableArray<DiagnosticInfo> Diagnostics);
}
