namespace HardwareCatalog.Generators.Model
{
    /// <summary>Where an entry wrote the key of a nested mapping (<c>attention:</c>), for diagnostics about that mapping.</summary>
    internal sealed record MappingKey(string Path, LocationInfo Location);
}
