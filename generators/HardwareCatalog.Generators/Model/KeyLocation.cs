namespace HardwareCatalog.Generators.Model
{
    /// <summary>Where an entry wrote a key (a nested mapping such as <c>attention:</c>, or a reference such as <c>training.gpu</c>), for diagnostics about it.</summary>
    internal sealed record KeyLocation(string Path, LocationInfo Location);
}
