// Compiled into both the runtime library and the source generator: one table of precision names.
namespace HardwareCatalog
{
    internal static class PrecisionNames
    {
        /// <summary>The DSL keys, indexed by the Precision value.</summary>
        public static readonly string[] Keys = { "fp64", "fp64Tensor", "fp32", "tf32", "bf16", "fp16", "fp8", "fp6", "fp4", "int8", "int4" };

        /// <summary>The C# member names, indexed by the Precision value.</summary>
        public static readonly string[] MemberNames = { "Fp64", "Fp64Tensor", "Fp32", "Tf32", "Bf16", "Fp16", "Fp8", "Fp6", "Fp4", "Int8", "Int4" };

        public static readonly string[] DisplayNames = { "FP64", "FP64 Tensor", "FP32", "TF32", "BF16", "FP16", "FP8", "FP6", "FP4", "INT8", "INT4" };

        public static readonly double[] BytesPerElement = { 8, 8, 4, 4, 2, 2, 1, 0.75, 0.5, 1, 0.5 };

        /// <summary>Precisions that run on tensor/matrix units, for which 2:4 structured sparsity doubles the peak.</summary>
        public static readonly bool[] IsTensor = { false, false, false, true, true, true, true, true, true, true, true };

        /// <summary>Integer precisions, whose rates are in TOPS.</summary>
        public static readonly bool[] IsInteger = { false, false, false, false, false, false, false, false, false, true, true };

        public static int IndexOf(string key)
        {
            for (int i = 0; i < Keys.Length; i++)
            {
                if (Keys[i] == key) return i;
            }

            return -1;
        }
    }
}
