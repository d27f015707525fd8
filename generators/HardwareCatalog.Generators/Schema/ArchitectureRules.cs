using System;
using System.Collections.Generic;

namespace HardwareCatalog.Generators.Schema
{
    /// <summary>
    /// The physics check of the catalog: a precision whose tensor cores an architecture does not have. The precision
    /// side is <see cref="PrecisionRow.MinimumComputeCapability"/>; this side names each NVIDIA architecture's compute
    /// capability (CUDA C++ Programming Guide, "Compute Capabilities"). An architecture that is not listed (another
    /// vendor's, or a new one) is not checked.
    /// </summary>
    internal static class ArchitectureRules
    {
        private static readonly Dictionary<string, int> s_computeCapability = new(StringComparer.OrdinalIgnoreCase)
        {
            ["Volta"] = 70,
            ["Turing"] = 75,
            ["Ampere"] = 80,
            ["Ada"] = 89,
            ["Ada Lovelace"] = 89,
            ["Hopper"] = 90,
            ["Blackwell"] = 100,
        };

        /// <summary>The architectures the check knows.</summary>
        public static IEnumerable<string> Known => s_computeCapability.Keys;

        /// <summary>Why <paramref name="architecture"/> cannot run <paramref name="precisionKey"/>, or null when it can (or is not listed).</summary>
        public static string? WhyImpossible(string architecture, string precisionKey)
        {
            int index = PrecisionTable.IndexOf(precisionKey);
            if (index < 0 || !s_computeCapability.TryGetValue(architecture.Trim(), out int capability)) return null;
            PrecisionRow row = PrecisionTable.Rows[index];
            return capability < row.MinimumComputeCapability
                ? $"{row.DisplayName} tensor cores first shipped with {row.IntroducedWith}"
                : null;
        }
    }
}
