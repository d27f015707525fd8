namespace HardwareCatalog.Generators.Model
{
    /// <summary>A value with its unit as the catalog wrote it; <see cref="Value"/> is in the base unit.</summary>
    internal sealed record Quantity(double Value, string Text);
}
