using System;

namespace HardwareCatalog.Generators.Model
{
    /// <summary>An entry as written in one catalog file: checked leaf values, no knowledge of other entries.</summary>
    /// <param name="Mappings">Where each nested mapping's key was written (<c>attention</c> → its location), so that
    /// a key missing inside a mapping is reported at that mapping.</param>
    /// <param name="InvalidPaths">Paths written but rejected (already reported), which are therefore not "missing".</param>
    internal sealed record ParsedEntry(
        string Kind,
        string Id,
        EntryKey Key,
        bool IsBuiltIn,
        LocationInfo EntryLocation,
        EquatableArray<ParsedField> Fields,
        EquatableArray<KeyLocation> Mappings,
        EquatableArray<string> InvalidPaths)
    {
        /// <summary>Whether <paramref name="path"/> (or a value under it) was written but rejected.</summary>
        public bool IsInvalid(string path)
        {
            foreach (string invalid in InvalidPaths)
            {
                if (invalid == path || invalid.StartsWith(path + ".", StringComparison.Ordinal)) return true;
            }

            return false;
        }

        public ParsedField? Get(string path) => ParsedField.Find(Fields.AsSpan(), path);

        /// <summary>The location of the key of the nested mapping <paramref name="path"/>, when this entry wrote it.</summary>
        public LocationInfo? MappingLocation(string path)
        {
            foreach (KeyLocation mapping in Mappings)
            {
                if (mapping.Path == path) return mapping.Location;
            }

            return null;
        }

        /// <summary>Whether the entry comes from a referenced assembly's catalog (its key's path is the assembly's name).</summary>
        public bool IsReferenced { get; init; }

        /// <summary>Whether the entry derives from another, so that it can only be built once every file is known.</summary>
        /// <remarks>Computed once: the cross-file step asks it of every entry on every run.</remarks>
        public bool Extends { get; } = ParsedField.Find(Fields.AsSpan(), "extends") is not null || InvalidPaths.AsSpan().IndexOf("extends") >= 0;
    }
}
