using System;
using System.Collections.Generic;
using HardwareCatalog.Generators.Model;
using Microsoft.CodeAnalysis;

namespace HardwareCatalog.Generators.Building
{
    /// <summary>
    /// An entry's values once <c>extends</c> is applied (for an entry that extends nothing, its own), read by path,
    /// with the checks every builder shares. A failed check is reported, located, and remembered in <see cref="Ok"/>.
    /// </summary>
    internal sealed class EntryFields
    {
        private readonly IReadOnlyList<ParsedField> _fields;
        private readonly DiagnosticBag _diagnostics;

        public EntryFields(ParsedEntry entry, IReadOnlyList<ParsedField> fields, DiagnosticBag diagnostics, string? externalNamespace = null)
        {
            Entry = entry;
            _fields = fields;
            _diagnostics = diagnostics;
            ExternalNamespace = externalNamespace;
        }

        /// <summary>Set when the entry belongs to a referenced assembly's catalog: the namespace of its types.</summary>
        public string? ExternalNamespace { get; }

        /// <summary>Joins a list's items in <see cref="Values"/>: the unit separator, which no catalog text may hold.</summary>
        public const string ListSeparator = "\u001F";

        /// <summary>In <see cref="Values"/>, the path of a value's own source and of its secondary mark: the path of the value they follow plus this.</summary>
        public const string SourceSuffix = "#source", SecondarySuffix = "#secondary";

        /// <summary>
        /// The values as written, key path and text alternating (a list's items joined by <see cref="ListSeparator"/>; a value's own source and secondary mark follow it, under
        /// its path with <see cref="SourceSuffix"/> and <see cref="SecondarySuffix"/>): what a public
        /// catalog records in its assembly metadata (see <c>Referencing/ReferencedEntries</c>).
        /// </summary>
        public EquatableArray<string> Values()
        {
            var values = new List<string>(_fields.Count * 2);
            foreach (ParsedField field in _fields)
            {
                values.Add(field.Path);
                values.Add(field.Kind == Schema.ValueKind.StringList ? string.Join(ListSeparator, field.Items) : field.Text);
                if (field.Source is not null)
                {
                    values.Add(field.Path + SourceSuffix);
                    values.Add(field.Source);
                }

                if (field.IsSecondary)
                {
                    values.Add(field.Path + SecondarySuffix);
                    values.Add("true");
                }
            }

            return new EquatableArray<string>(values.ToArray());
        }

        /// <summary>The entry as written; its own values, locations and rejected paths.</summary>
        public ParsedEntry Entry { get; }

        /// <summary>False once any check failed: the entry is not built.</summary>
        public bool Ok { get; private set; } = true;

        public IReadOnlyList<ParsedField> All => _fields;

        public ParsedField? Field(string path)
        {
            foreach (ParsedField field in _fields)
            {
                if (field.Path == path) return field;
            }

            return null;
        }

        public string? Text(string path) => Field(path)?.Text;

        public int? Integer(string path) => Field(path) is { } field ? (int)field.Number : null;

        public Quantity? Quantity(string path) => Field(path) is { } field ? new Quantity(field.Number, field.Text) : null;

        public bool Flag(string path) => Field(path)?.Number == 1;

        /// <summary>Whether any value under the mapping <paramref name="prefix"/> is given.</summary>
        public bool Has(string prefix)
        {
            string start = prefix + ".";
            foreach (ParsedField field in _fields)
            {
                if (field.Path.StartsWith(start, StringComparison.Ordinal)) return true;
            }

            return false;
        }

        /// <summary>
        /// Reports <paramref name="path"/> as missing, unless it is present or was written and rejected (reported where
        /// it was written). A nested key is reported at the mapping that lacks it.
        /// </summary>
        public bool Require(string path, string why)
        {
            if (Field(path) is not null) return true;
            Ok = false;
            if (!Entry.IsInvalid(path))
            {
                _diagnostics.Report(DiagnosticDescriptors.MissingKey, MissingLocation(path), $"The {Entry.Kind} entry", Entry.Id, path, why);
            }

            return false;
        }

        /// <summary>Reports a problem with a value and marks the entry as not built.</summary>
        public void Fail(DiagnosticDescriptor descriptor, LocationInfo location, params string[] arguments)
        {
            Ok = false;
            _diagnostics.Report(descriptor, location, arguments);
        }

        /// <summary>Reports a problem that does not stop the entry from being built (a warning).</summary>
        public void Warn(DiagnosticDescriptor descriptor, LocationInfo location, params string[] arguments)
            => _diagnostics.Report(descriptor, location, arguments);

        /// <summary>Where a value at <paramref name="path"/> is, or else the place that should have held it.</summary>
        public LocationInfo LocationOf(string path) => Field(path)?.Location ?? MissingLocation(path);

        /// <summary>
        /// The mapping that should hold <paramref name="path"/>: its key when this entry wrote it, else where a sibling
        /// value was written (an inherited mapping, in the file that wrote it), else the entry.
        /// </summary>
        private LocationInfo MissingLocation(string path)
        {
            int dot = path.LastIndexOf('.');
            if (dot < 0) return Entry.EntryLocation;
            string parent = path.Substring(0, dot);
            if (Entry.MappingLocation(parent) is { } own) return own;
            string start = parent + ".";
            foreach (ParsedField field in _fields)
            {
                if (field.Path.StartsWith(start, StringComparison.Ordinal)) return field.Location;
            }

            return Entry.EntryLocation;
        }
    }
}
