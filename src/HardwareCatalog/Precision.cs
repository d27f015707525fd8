namespace HardwareCatalog
{
    /// <summary>A numeric precision an accelerator computes in. The catalog DSL spells each in camelCase (<c>fp8</c>, <c>fp64Tensor</c>).</summary>
    /// <remarks>The order is stable: generated code and <see cref="SupportedPrecisionsAttribute"/> refer to these values.</remarks>
    public enum Precision
    {
        /// <summary>IEEE double precision on the vector (non-tensor) units.</summary>
        Fp64 = 0,
        /// <summary>IEEE double precision on the tensor/matrix units.</summary>
        Fp64Tensor = 1,
        /// <summary>IEEE single precision on the vector units.</summary>
        Fp32 = 2,
        /// <summary>TensorFloat-32 (10-bit mantissa) on the tensor units.</summary>
        Tf32 = 3,
        /// <summary>bfloat16.</summary>
        Bf16 = 4,
        /// <summary>IEEE half precision.</summary>
        Fp16 = 5,
        /// <summary>8-bit floating point (E4M3/E5M2).</summary>
        Fp8 = 6,
        /// <summary>6-bit floating point (E3M2/E2M3, including MXFP6).</summary>
        Fp6 = 7,
        /// <summary>4-bit floating point (E2M1, including NVFP4 and MXFP4).</summary>
        Fp4 = 8,
        /// <summary>8-bit integer; rates are in TOPS.</summary>
        Int8 = 9,
        /// <summary>4-bit integer; rates are in TOPS.</summary>
        Int4 = 10,
    }

    /// <summary>Facts about <see cref="Precision"/> values.</summary>
    public static class PrecisionFacts
    {
        /// <summary>The number of <see cref="Precision"/> values.</summary>
        public const int Count = 11;

        /// <summary>Every precision, in declaration order.</summary>
        public static System.Collections.Generic.IReadOnlyList<Precision> All { get; } = System.Linq.Enumerable.ToArray(
            System.Linq.Enumerable.Select(System.Linq.Enumerable.Range(0, PrecisionTable.Count), i => (Precision)i));

        /// <summary>The DSL's key for a precision: <c>fp8</c>, <c>fp64Tensor</c>.</summary>
        public static string CatalogKey(this Precision precision) => PrecisionTable.Rows[(int)precision].Key;

        /// <summary>The conventional display name: <c>FP8</c>, <c>FP64 Tensor</c>.</summary>
        public static string DisplayName(this Precision precision) => PrecisionTable.Rows[(int)precision].DisplayName;

        /// <summary>Whether rates of this precision count integer operations (TOPS) rather than floating-point ones.</summary>
        public static bool IsInteger(this Precision precision) => (uint)precision < (uint)PrecisionTable.Count && PrecisionTable.Rows[(int)precision].IsInteger;

        /// <summary>Bytes per element of a tensor stored in this precision (fp4 0.5, fp6 0.75, fp8 1, bf16 2, ...).</summary>
        public static double BytesPerElement(this Precision precision) => PrecisionTable.Rows[(int)precision].BytesPerElement;
    }
}
