namespace HardwareCatalog.Generators.Model
{
    /// <summary>What an index class (<c>Gpus</c>, <c>Models</c>) is written from.</summary>
    /// <param name="ReferencedNamespaces">The namespaces whose index classes a referenced assembly already declares.</param>
    internal sealed record IndexInput(EquatableArray<IndexEntry> Entries, EquatableArray<string> ReferencedNamespaces);
}
