using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;

namespace HardwareCatalog.QuantityGenerator
{
    /// <summary>How a number is written inside a quantity's text.</summary>
    internal enum NumberStyle
    {
        /// <summary><c>{si}</c>: the unit of the dimension that keeps the number readable (<c>80 GB</c>, <c>671B</c>).</summary>
        Prefixed,

        /// <summary><c>{base}</c>: the dimension's base unit, round-trip notation (<c>3.8E+25 FLOP</c>).</summary>
        BaseUnit,
    }

    /// <summary>The text column of a quantity row: literal text around one number, and where a leading minus sign goes.</summary>
    internal sealed record TextPattern(string Prefix, NumberStyle Style, int? PreferredDecimalExponent, string Suffix, bool SignFirst);

    /// <summary>A row <c>quantity | Type | ValueProperty | Dimension | noun | text | example</c>.</summary>
    internal sealed record QuantityRow(string Name, string ValueProperty, string Dimension, string Noun, TextPattern Text, string Example, int Line);

    /// <summary>A row <c>external | Type | value member | factory</c>: a type the relations use but the table does not generate.</summary>
    internal sealed record ExternalRow(string Name, string ValueMember, string Factory, int Line);

    /// <summary>A row <c>relation | Product = Left * Right</c>.</summary>
    internal sealed record RelationRow(string Product, string Left, string Right, int Line);

    /// <summary>A problem found in the table, kept as data until it is reported.</summary>
    internal sealed record TableProblem(string Id, string Message, int Line);

    /// <summary>The whole table, after parsing and validation.</summary>
    internal sealed class QuantityTable
    {
        public List<QuantityRow> Quantities { get; } = new();
        public List<ExternalRow> Externals { get; } = new();
        public List<RelationRow> Relations { get; } = new();
        public List<TableProblem> Problems { get; } = new();

        /// <summary>The line spans of the file, to point a diagnostic at its row.</summary>
        public List<TextSpan> LineSpans { get; } = new();
    }
}
