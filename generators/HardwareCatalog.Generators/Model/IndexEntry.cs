namespace HardwareCatalog.Generators.Model
{
    /// <summary>An id and the C# name it became, for the index classes.</summary>
    internal sealed record IndexEntry(string Id, string Identifier);
}
