using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using HardwareCatalog.Units;

namespace TrainingCost
{
    /// <summary>
    /// A column of data sizes printed in one binary unit. <see cref="DataSize"/>'s own ToString picks KiB for a size
    /// that is a whole number of KiB and KB otherwise, so one column would read "512 KiB" beside "70.272 KB".
    /// KV-cache sizes are products of head dimensions, layer counts and 32,768-token contexts, and memory is
    /// allocated in binary units, so the column uses KiB, MiB or GiB: the largest in which its smallest cell is at least 1.
    /// </summary>
    public sealed class BinarySizeColumn
    {
        private static readonly string[] Units = { "B", "KiB", "MiB", "GiB", "TiB" };

        private BinarySizeColumn(string unit, double bytesPerUnit, int decimals)
        {
            Unit = unit;
            BytesPerUnit = bytesPerUnit;
            Decimals = decimals;
        }

        /// <summary>The unit every cell of the column is printed in.</summary>
        public string Unit { get; }

        public double BytesPerUnit { get; }

        /// <summary>Digits after the point at most; trailing zeros are dropped.</summary>
        public int Decimals { get; }

        /// <summary>The column for <paramref name="sizes"/>, at most <paramref name="decimals"/> digits after the point.</summary>
        public static BinarySizeColumn For(IEnumerable<DataSize> sizes, int decimals)
        {
            double smallest = sizes.Select(s => s.Bytes).DefaultIfEmpty(0).Min();
            int power = 0;
            while (power + 1 < Units.Length && smallest >= Math.Pow(1024, power + 1))
            {
                power++;
            }

            return new BinarySizeColumn(Units[power], Math.Pow(1024, power), decimals);
        }

        /// <summary>"68.625 KiB": the size in the column's unit, with thousands separators.</summary>
        public string Format(DataSize size)
            => (size.Bytes / BytesPerUnit).ToString("#,0." + new string('#', Decimals), CultureInfo.InvariantCulture) + " " + Unit;

        /// <summary>The cell that prints <see cref="Format"/> and holds the size in bytes.</summary>
        public Cell ToCell(DataSize size) => Cell.Quantity(Format(size), size.Bytes, "B");
    }
}
