using System;

namespace HardwareCatalog.Generators.Model
{
    /// <summary>
    /// Identifies one entry among all catalog files: its file and its position in that file. Ids cannot do this (a
    /// duplicate id is an error that must still point at the right entry), and the key compares as a value, so
    /// pipeline steps keyed by it stay cached.
    /// </summary>
    internal readonly record struct EntryKey(string FilePath, int Ordinal) : IComparable<EntryKey>
    {
        public int CompareTo(EntryKey other)
        {
            int byPath = string.CompareOrdinal(FilePath, other.FilePath);
            return byPath != 0 ? byPath : Ordinal.CompareTo(other.Ordinal);
        }
    }
}
