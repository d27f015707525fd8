using System;
using System.Collections.Generic;
using System.Linq;

namespace HardwareCatalog.Generators.Analyzers
{
    /// <summary>
    /// Orders an accelerator's supported precisions by how close each is to one it lacks, for the HWC001 code fixes:
    /// FP8 on an A100 becomes BF16 first, FP4 on an H100 becomes FP8.
    /// </summary>
    internal static class PrecisionNearness
    {
        /// <summary>
        /// Nearest first. The distance is the number of doublings between the element widths, plus one for crossing between
        /// floating point and integer (that needs another quantization scheme, not just another kernel). Ties go to the
        /// wider precision (falling back to more bits keeps accuracy; fewer bits may not), then to the same family, then
        /// to Precision order, which puts BF16 before FP16 (BF16 keeps FP32's exponent range, as FP8 training expects).
        /// </summary>
        public static IReadOnlyList<int> Order(int wanted, PrecisionSet supported)
            => supported.Values
                .Where(p => p != wanted)
                .OrderBy(p => Distance(wanted, p))
                .ThenBy(p => PrecisionTable.Rows[p].BytesPerElement < PrecisionTable.Rows[wanted].BytesPerElement ? 1 : 0)
                .ThenBy(p => PrecisionTable.Rows[p].IsInteger != PrecisionTable.Rows[wanted].IsInteger ? 1 : 0)
                .ThenBy(p => p)
                .ToList();

        private static double Distance(int a, int b)
            => Math.Abs(Math.Log(PrecisionTable.Rows[a].BytesPerElement / PrecisionTable.Rows[b].BytesPerElement, 2))
                + (PrecisionTable.Rows[a].IsInteger != PrecisionTable.Rows[b].IsInteger ? 1 : 0);
    }
}
