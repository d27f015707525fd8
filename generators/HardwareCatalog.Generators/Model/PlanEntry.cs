namespace HardwareCatalog.Generators.Model
{
    /// <summary>What a plan entry of either kind (<c>training</c>, <c>serving</c>) gives the checks that need its model and system.</summary>
    internal interface IPlanEntry
    {
        string Id { get; }

        string ModelId { get; }

        string SystemId { get; }

        /// <summary>Where <paramref name="key"/> was written, or the entry's location (its <c>id</c> value) when the plan leaves it to its default.</summary>
        LocationInfo LocationOf(string key);

        /// <summary>Whether the plan file wrote <paramref name="key"/>.</summary>
        bool Has(string key);
    }

    /// <summary>Where a plan's keys were written: the one lookup both plan kinds answer <see cref="IPlanEntry.LocationOf"/> with.</summary>
    internal static class PlanKeys
    {
        public static LocationInfo LocationOf(EquatableArray<KeyLocation> keys, LocationInfo entryLocation, string key)
        {
            foreach (KeyLocation location in keys)
            {
                if (location.Path == key) return location.Location;
            }

            return entryLocation;
        }

        public static bool Has(EquatableArray<KeyLocation> keys, string key)
        {
            foreach (KeyLocation location in keys)
            {
                if (location.Path == key) return true;
            }

            return false;
        }
    }
}
