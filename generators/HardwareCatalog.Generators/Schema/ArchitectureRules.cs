using System;
using System.Collections.Generic;

namespace HardwareCatalog.Generators.Schema
{
    /// <summary>
    /// Precisions an architecture cannot have: the physics check of the catalog. One table, to extend as vendors ship:
    /// a new architecture that is not listed here is not checked.
    /// </summary>
    internal static class ArchitectureRules
    {
        private const string NoFp8 = "FP8 tensor cores first shipped with Hopper and Ada Lovelace";
        private const string NoFp6Fp4 = "FP6 and FP4 tensor cores first shipped with Blackwell";

        private static readonly Dictionary<string, (string[] Precisions, string Reason)[]> s_impossible = new(StringComparer.OrdinalIgnoreCase)
        {
            ["Volta"] = new[] { (new[] { "fp8", "fp6", "fp4" }, NoFp8 + "; " + NoFp6Fp4) },
            ["Turing"] = new[] { (new[] { "fp8", "fp6", "fp4" }, NoFp8 + "; " + NoFp6Fp4) },
            ["Ampere"] = new[] { (new[] { "fp8", "fp6", "fp4" }, NoFp8 + "; " + NoFp6Fp4) },
            ["Ada"] = new[] { (new[] { "fp6", "fp4" }, NoFp6Fp4) },
            ["Ada Lovelace"] = new[] { (new[] { "fp6", "fp4" }, NoFp6Fp4) },
            ["Hopper"] = new[] { (new[] { "fp6", "fp4" }, NoFp6Fp4) },
        };

        /// <summary>Why <paramref name="architecture"/> cannot run <paramref name="precisionKey"/>, or null when it can (or is not listed).</summary>
        public static string? WhyImpossible(string architecture, string precisionKey)
        {
            if (!s_impossible.TryGetValue(architecture.Trim(), out var rules)) return null;
            foreach (var (precisions, reason) in rules)
            {
                if (Array.IndexOf(precisions, precisionKey) >= 0) return reason;
            }

            return null;
        }
    }
}
