using Microsoft.CodeAnalysis;

namespace HardwareCatalog.QuantityGenerator
{
    /// <summary>The quantity table's diagnostics: all are errors, so a bad row stops the build at its line.</summary>
    internal static class QuantityDiagnostics
    {
        private const string Category = "HardwareCatalog.Quantities";
        private const string HelpLink = "https://github.com/hardware-catalog/hardware-catalog/blob/main/docs/architecture.md#quantities";

        public static readonly DiagnosticDescriptor MalformedRow = new(
            "QTY001", "Quantity table row does not parse", "{0}", Category, DiagnosticSeverity.Error, true, helpLinkUri: HelpLink);

        public static readonly DiagnosticDescriptor UnknownOrDuplicateType = new(
            "QTY002", "Quantity table names a type twice or an unknown type", "{0}", Category, DiagnosticSeverity.Error, true, helpLinkUri: HelpLink);

        public static readonly DiagnosticDescriptor DuplicateOperator = new(
            "QTY003", "Two rows declare the same operator", "{0}", Category, DiagnosticSeverity.Error, true, helpLinkUri: HelpLink);

        public static DiagnosticDescriptor ById(string id) => id switch
        {
            "QTY001" => MalformedRow,
            "QTY002" => UnknownOrDuplicateType,
            _ => DuplicateOperator,
        };
    }
}
