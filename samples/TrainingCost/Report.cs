using System.Collections.Generic;

namespace TrainingCost
{
    /// <summary>A titled table with notes under it: the unit every output format renders.</summary>
    public sealed record Table(string Id, string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<string> Notes)
    {
        /// <summary>Columns whose cells are numbers align right in text and markdown.</summary>
        public IReadOnlyList<bool> RightAligned { get; init; } = new bool[Columns.Count];
    }
}
