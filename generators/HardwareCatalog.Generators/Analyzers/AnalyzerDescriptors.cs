using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace HardwareCatalog.Generators.Analyzers
{
    /// <summary>The C# code diagnostics (HWC0xx). Each has a page under docs/diagnostics/.</summary>
    internal static class AnalyzerDescriptors
    {
        public const string PrecisionNotSupportedId = "HWC001";
        public const string SparsePeakAsDenseId = "HWC002";

        /// <summary>Diagnostic property: the supported precisions (Precision member names, comma-separated), nearest first.</summary>
        public const string AlternativesProperty = "Alternatives";

        public static readonly DiagnosticDescriptor PrecisionNotSupported = new(
            PrecisionNotSupportedId,
            "Precision not supported by the accelerator",
            "'{0}' does not support {1}; {2}",
            DiagnosticDescriptors.Category,
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "The accelerator's type records in metadata which precisions it supports; asking it for a precision it lacks throws PrecisionNotSupportedException at run time.",
            helpLinkUri: DiagnosticDescriptors.HelpBase + PrecisionNotSupportedId + ".md");

        public static readonly DiagnosticDescriptor SparsePeakAsDense = new(
            SparsePeakAsDenseId,
            "Sparse peak used as dense throughput",
            "'{0}' is a 2:4 structured-sparsity peak, but '{1}' of {2} expects dense throughput; use the dense peak",
            DiagnosticDescriptors.Category,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Training and inference achieve dense throughput; the 2:4 sparse peak is twice the dense one and is reachable only with pruned weights.",
            helpLinkUri: DiagnosticDescriptors.HelpBase + SparsePeakAsDenseId + ".md");

        public static IReadOnlyList<DiagnosticDescriptor> All { get; } = new[] { PrecisionNotSupported, SparsePeakAsDense };
    }
}
