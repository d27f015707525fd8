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

        /// <summary>The first link; the links follow in the order of <see cref="LinkKeys"/>.</summary>
        public const int Links = 4;

        /// <summary>The dense peaks, one slot per Precision value.</summary>
        public const int Dense = Links + 5;

        /// <summary>The sparse peaks, one slot per Precision value.</summary>
        public const int Sparse = Dense + 11;

        public const int Length = Sparse + 11;

        /// <summary>The DSL keys of the interconnect links, in slot order.</summary>
        public static readonly string[] LinkKeys = { "nvlink", "pcie", "infinityFabric", "ici", "ethernet" };
    }
}
