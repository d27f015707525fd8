// Compiled into both the runtime library and the source generator: the one table of facts about each precision.
// The Precision enum, the DSL's keys, the generated members, the layout of generated peak slots, the JSON Schema's
// keys and the architecture rules are all derived from or checked against these rows (PrecisionTableTests).
// Adding a precision is one row here, one enum member (same position), and one key in catalog.schema.json.
using System.Linq;

namespace HardwareCatalog
{
    /// <summary>What the catalog and the estimators need to know about one precision.</summary>
    internal sealed class PrecisionRow
    {
        public PrecisionRow(string key, string memberName, string displayName, double bytesPerElement, bool isInteger, bool isTensor, int minimumComputeCapability = 0, string? introducedWith = null)
        {
            Key = key;
            MemberName = memberName;
            DisplayName = displayName;
            BytesPerElement = bytesPerElement;
            IsInteger = isInteger;
            IsTensor = isTensor;
            MinimumComputeCapability = minimumComputeCapability;
            IntroducedWith = introducedWith;
        }

        /// <summary>The DSL key: <c>fp8</c>, <c>fp64Tensor</c>.</summary>
        public string Key { get; }

        /// <summary>The C# name of the enum member and of the generated peak member: <c>Fp8</c>.</summary>
        public string MemberName { get; }

        /// <summary>The conventional display name: <c>FP8</c>, <c>FP64 Tensor</c>.</summary>
        public string DisplayName { get; }

        /// <summary>Bytes per element of a tensor stored in this precision (fp4 0.5, fp6 0.75, fp8 1, bf16 2).</summary>
        public double BytesPerElement { get; }

        /// <summary>Rates count integer operations (TOPS), not floating-point ones (FLOP/s).</summary>
        public bool IsInteger { get; }

        /// <summary>Runs on tensor/matrix units, where 2:4 structured sparsity doubles the peak.</summary>
        public bool IsTensor { get; }

        /// <summary>
        /// The lowest NVIDIA compute capability (major·10 + minor) whose tensor cores run this precision, 0 when every
        /// architecture the catalog checks has it: FP8 needs 8.9 (Ada Lovelace) or 9.0 (Hopper), FP6/FP4 need 10.0
        /// (Blackwell). Sources: NVIDIA Hopper and Ada Lovelace architecture whitepapers, Blackwell datasheet.
        /// </summary>
        public int MinimumComputeCapability { get; }

        /// <summary>The architectures that first shipped tensor cores for this precision, for diagnostics.</summary>
        public string? IntroducedWith { get; }
    }

    /// <summary>One row per <c>Precision</c> value, in declaration order.</summary>
    internal static class PrecisionTable
    {
        public static readonly PrecisionRow[] Rows =
        {
            new("fp64", "Fp64", "FP64", 8, isInteger: false, isTensor: false),
            new("fp64Tensor", "Fp64Tensor", "FP64 Tensor", 8, isInteger: false, isTensor: false),
            new("fp32", "Fp32", "FP32", 4, isInteger: false, isTensor: false),
            new("tf32", "Tf32", "TF32", 4, isInteger: false, isTensor: true),
            new("bf16", "Bf16", "BF16", 2, isInteger: false, isTensor: true),
            new("fp16", "Fp16", "FP16", 2, isInteger: false, isTensor: true),
            new("fp8", "Fp8", "FP8", 1, isInteger: false, isTensor: true, minimumComputeCapability: 89, introducedWith: "Hopper and Ada Lovelace"),
            new("fp6", "Fp6", "FP6", 0.75, isInteger: false, isTensor: true, minimumComputeCapability: 100, introducedWith: "Blackwell"),
            new("fp4", "Fp4", "FP4", 0.5, isInteger: false, isTensor: true, minimumComputeCapability: 100, introducedWith: "Blackwell"),
            new("int8", "Int8", "INT8", 1, isInteger: true, isTensor: true),
            new("int4", "Int4", "INT4", 0.5, isInteger: true, isTensor: true),
        };

        /// <summary>The DSL keys, indexed by the Precision value.</summary>
        public static readonly string[] Keys = Rows.Select(r => r.Key).ToArray();

        /// <summary>The C# member names, indexed by the Precision value.</summary>
        public static readonly string[] MemberNames = Rows.Select(r => r.MemberName).ToArray();

        /// <summary>The display names, indexed by the Precision value.</summary>
        public static readonly string[] DisplayNames = Rows.Select(r => r.DisplayName).ToArray();

        public static int Count => Rows.Length;

        /// <summary>The index (the Precision value) of a DSL key, or -1.</summary>
        public static int IndexOf(string key)
        {
            for (int i = 0; i < Rows.Length; i++)
            {
                if (Rows[i].Key == key) return i;
            }

            return -1;
        }
    }

    /// <summary>One kind of link an accelerator's interconnect may list.</summary>
    internal sealed class LinkRow
    {
        public LinkRow(string key, string memberName)
        {
            Key = key;
            MemberName = memberName;
        }

        /// <summary>The DSL key under <c>interconnect:</c>.</summary>
        public string Key { get; }

        /// <summary>The property of <c>Interconnect</c>.</summary>
        public string MemberName { get; }
    }

    /// <summary>The interconnect kinds, in the order of the generated slots and of <c>Interconnect</c>'s constructor.</summary>
    internal static class LinkTable
    {
        public static readonly LinkRow[] Rows =
        {
            new("nvlink", "NvLink"),
            new("pcie", "Pcie"),
            new("infinityFabric", "InfinityFabric"),
            new("ici", "Ici"),
            new("ethernet", "Ethernet"),
            new("neuronLink", "NeuronLink"),
        };

        /// <summary>The DSL keys, in slot order.</summary>
        public static readonly string[] Keys = Rows.Select(r => r.Key).ToArray();

        public static int Count => Rows.Length;
    }
}
