// Compiled into both the runtime library and the source generator: where each value sits in the compact array that
// generated code passes to Accelerator.Create, and that an accelerator keeps for its whole life (typed entries share it).
namespace HardwareCatalog
{
    internal static class AcceleratorLayout
    {
        public const int Memory = 0;
        public const int MemoryBandwidth = 1;
        public const int Tdp = 2;
        public const int Released = 3;

        /// <summary>What a process can allocate, as the driver reports it.</summary>
        public const int UsableMemory = 4;

        /// <summary>The measured, achievable memory bandwidth.</summary>
        public const int MeasuredMemoryBandwidth = 5;

        /// <summary>The number of rows of <c>LinkTable</c> (constants, so that slot arithmetic costs nothing; PrecisionTableTests checks them).</summary>
        public const int LinkCount = 6;

        /// <summary>The number of rows of <c>PrecisionTable</c>.</summary>
        public const int PrecisionCount = 11;

        /// <summary>The first link; the links follow in the order of <c>LinkTable.Rows</c>.</summary>
        public const int Links = 6;

        /// <summary>The dense peaks, one slot per Precision value.</summary>
        public const int Dense = Links + LinkCount;

        /// <summary>The sparse peaks, one slot per Precision value.</summary>
        public const int Sparse = Dense + PrecisionCount;

        /// <summary>The measured, achievable dense matmul rates, one slot per Precision value.</summary>
        public const int Measured = Sparse + PrecisionCount;

        public const int Length = Measured + PrecisionCount;
    }
}
