using System;
using System.Collections.Generic;
using System.Linq;

namespace HardwareCatalog.Cli.Output
{
    /// <summary>A column of a table section: its JSON/CSV key and the header a person reads.</summary>
    public sealed record Column(string Key, string Header);

    /// <summary>
    /// A named part of a command's output: a record (one object of named fields) or a table (rows of the same fields).
    /// Every format renders the same sections, so the table a person reads and the JSON a program reads cannot drift.
    /// </summary>
    public sealed class Section
    {
        private readonly List<Field[]> _rows = new();

        public Section(string name, string title, bool isRecord, IReadOnlyList<Column> columns)
        {
            Name = name;
            Title = title;
            IsRecord = isRecord;
            Columns = columns;
        }

        /// <summary>The JSON property and CSV block name.</summary>
        public string Name { get; }

        public string Title { get; }

        /// <summary>True for a single object (JSON object, a two-column table); false for a list (JSON array).</summary>
        public bool IsRecord { get; }

        public IReadOnlyList<Column> Columns { get; }

        public IReadOnlyList<Field[]> Rows => _rows;

        /// <summary>
        /// Whether CSV gives this column a unit column (<c>KEY.unit</c>): when it is declared to hold quantities, or any row
        /// holds one. Declaring it keeps the CSV header the same whatever rows a filter leaves.
        /// </summary>
        public bool HasUnit(int column) => _unitColumns.Contains(Columns[column].Key) || _rows.Any(r => r[column].Kind == FieldKind.Quantity);

        /// <summary>Declares columns that hold quantities.</summary>
        public Section WithUnits(params string[] keys)
        {
            foreach (string key in keys)
            {
                if (!Columns.Any(c => c.Key == key)) throw new ArgumentException($"Section '{Name}' has no column '{key}'.", nameof(keys));
                _unitColumns.Add(key);
            }

            return this;
        }

        private readonly HashSet<string> _unitColumns = new(StringComparer.Ordinal);

        public Section Add(params Field[] row)
        {
            if (row.Length != Columns.Count) throw new ArgumentException($"Section '{Name}' has {Columns.Count} columns, not {row.Length}.", nameof(row));
            _rows.Add(row);
            return this;
        }
    }

    /// <summary>A command's output: its sections in order, and the lines it prints beside them (checks, notes).</summary>
    public sealed class Report
    {
        private readonly List<Section> _sections = new();

        public IReadOnlyList<Section> Sections => _sections;

        /// <summary>Adds a record section: named fields of one object.</summary>
        public void Record(string name, string title, params (string Key, string Header, Field Value)[] fields)
        {
            var section = new Section(name, title, isRecord: true, fields.Select(f => new Column(f.Key, f.Header)).ToArray());
            section.Add(fields.Select(f => f.Value).ToArray());
            _sections.Add(section);
        }

        /// <summary>Adds a table section and returns it, for its rows.</summary>
        public Section Table(string name, string title, params (string Key, string Header)[] columns)
        {
            var section = new Section(name, title, isRecord: false, columns.Select(c => new Column(c.Key, c.Header)).ToArray());
            _sections.Add(section);
            return section;
        }
    }
}
