namespace HardwareCatalog.Generators.Model
{
    /// <summary>
    /// One entry after the build stage. <see cref="Gpu"/>, <see cref="Model"/> or <see cref="System"/> is set for the entry's kind, or neither
    /// when it had problems (already reported). It carries what the cross-file checks need and nothing they must look
    /// up again: the id, the C# name and where it was written, and where the entry refers to another.
    /// </summary>
    /// <param name="NameLocation">The <c>identifier</c> value when the entry chose its name, else the <c>id</c> value.</param>
    /// <param name="References">Where each reference to another entry was written (<c>training.gpu</c>, <c>training.precision</c>, a system's <c>gpu</c>).</param>
    internal sealed record BuiltEntry(
        EntryKey Key,
        string Kind,
        string Id,
        string? Identifier,
        bool ChoseIdentifier,
        LocationInfo NameLocation,
        EquatableArray<KeyLocation> References,
        GpuEntry? Gpu,
        ModelEntry? Model,
        SystemEntry? System = null,
        TrainingEntry? Training = null)
    {
        /// <summary>The serving plan, for a <c>kind: serving</c> entry that built.</summary>
        public ServingEntry? Serving { get; init; }

        /// <summary>Whether the entry passed every check of its own and takes part in naming.</summary>
        public bool IsBuilt => Gpu is not null || Model is not null || System is not null || Training is not null || Serving is not null;

        public LocationInfo? ReferenceLocation(string path)
        {
            foreach (KeyLocation reference in References)
            {
                if (reference.Path == path) return reference.Location;
            }

            return null;
        }
    }
}
