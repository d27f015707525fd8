namespace HardwareCatalog.Generators.Model
{
    /// <summary>An id and the C# name it became, for the index classes.</summary>
    /// <param name="ExternalNamespace">Set for an entry of a referenced assembly's catalog: the namespace of its types.</param>
    internal sealed record IndexEntry(string Id, string Identifier, string? ExternalNamespace = null);
}
