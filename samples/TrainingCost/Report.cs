using System.Collections.Generic;
using System.Linq;

namespace TrainingCost
{
    /// <summary>A titled table with notes under it: the unit every output format renders.</summary>
    public sealed record Table(string Id, string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<Cell>> Cells, IReadOnlyList<string> Notes)
    {
        /// <summary>The cells' text, as every format prints it.</summary>
        public IReadOnlyList<IReadOnlyList<string>> Rows => Cells.Select(r => (IReadOnlyList<string>)r.Select(c => c.Text).ToArray()).ToArray();

        /// <summary>Columns whose cells are numbers align right in text and markdown.</summary>
        public IReadOnlyList<bool> RightAligned { get; init; } = new bool[Columns.Count];
    }
}
