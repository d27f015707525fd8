using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace HardwareCatalog.Generators.Analyzers
{
    /// <summary>A set of <c>Precision</c> values (their underlying ints), as a bit mask.</summary>
    internal readonly record struct PrecisionSet(int Mask)
    {
        public static PrecisionSet Empty => default;

        public bool Contains(int precision) => IsDefined(precision) && (Mask & (1 << precision)) != 0;

        public static bool IsDefined(int precision) => precision >= 0 && precision < PrecisionTable.Keys.Length;

        public IEnumerable<int> Values
        {
            get
            {
                for (int p = 0; p < PrecisionTable.Keys.Length; p++)
                {
                    if (Contains(p)) yield return p;
                }
            }
        }

        /// <summary>Reads an attribute argument: an array of the Precision enum, whose elements carry their underlying int.</summary>
        public static PrecisionSet From(TypedConstant array)
        {
            if (array.Kind != TypedConstantKind.Array || array.IsNull) return Empty;

            int mask = 0;
            foreach (TypedConstant element in array.Values)
            {
                if (element.Value is int p && IsDefined(p)) mask |= 1 << p;
            }

            return new PrecisionSet(mask);
        }

        /// <summary>"FP64, BF16, FP8": display names in Precision order.</summary>
        public string Describe() => string.Join(", ", System.Linq.Enumerable.Select(Values, p => PrecisionTable.DisplayNames[p]));
    }
}
