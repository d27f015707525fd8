using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace HardwareCatalog.Generators
{
    /// <summary>The catalog diagnostics (HWC1xx). Each has a page under docs/diagnostics/.</summary>
    internal static class DiagnosticDescriptors
    {
        internal const string Category = "HardwareCatalog";
        internal const string HelpBase = "https://github.com/hardware-catalog/hardware-catalog/blob/main/docs/diagnostics/";

        private static DiagnosticDescriptor Error(string id, string title, string message, DiagnosticSeverity severity = DiagnosticSeverity.Error)
            => new(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpBase + id + ".md");

        public static readonly DiagnosticDescriptor SyntaxError = Error(
            "HWC101", "Catalog file does not parse", "{0}: {1}");

        public static readonly DiagnosticDescriptor MissingKey = Error(
            "HWC102", "Required key is missing", "{0} '{1}' has no '{2}'{3}");

        public static readonly DiagnosticDescriptor InvalidQuantity = Error(
            "HWC103", "Invalid quantity", "'{0}': {1}");

        public static readonly DiagnosticDescriptor UnknownKey = Error(
            "HWC104", "Unknown key", "Unknown key '{0}' in {1}{2}");

        public static readonly DiagnosticDescriptor WrongShape = Error(
            "HWC105", "Value has the wrong shape", "'{0}' must be {1}, but is {2}");

        public static readonly DiagnosticDescriptor DuplicateId = Error(
            "HWC106", "Duplicate id", "The id '{0}' is already defined at {1}; ids must be unique across all catalog files (use 'extends: {0}' with a new id to derive from it)");

        public static readonly DiagnosticDescriptor InvalidIdentifier = Error(
            "HWC107", "Invalid id or identifier", "{0}");

        public static readonly DiagnosticDescriptor IdentifierCollision = Error(
            "HWC108", "Two entries map to one C# identifier", "'{0}' and '{1}' both become the C# identifier '{2}'; set 'identifier:' on one of them");

        public static readonly DiagnosticDescriptor UnknownReference = Error(
            "HWC109", "Unknown reference", "'{0}' refers to '{1}', which is not a {2} in the catalog{3}");

        public static readonly DiagnosticDescriptor ExtendsCycle = Error(
            "HWC110", "extends cycle", "'extends' forms a cycle: {0}");

        public static readonly DiagnosticDescriptor UnknownKind = Error(
            "HWC111", "Unknown kind", "Unknown kind '{0}'; expected one of: {1}{2}");

        public static readonly DiagnosticDescriptor InvalidOption = Error(
            "HWC112", "Invalid MSBuild property", "The MSBuild property '{0}' is '{1}'; {2}");

        public static readonly DiagnosticDescriptor InternalError = Error(
            "HWC199", "Internal error in the catalog generator", "The catalog generator failed while {0} ({1}: {2}). Please report this with the catalog files involved.");

        public static IReadOnlyList<DiagnosticDescriptor> All { get; } = new[]
        {
            SyntaxError, MissingKey, InvalidQuantity, UnknownKey, WrongShape, DuplicateId, InvalidIdentifier,
            IdentifierCollision, UnknownReference, ExtendsCycle, UnknownKind, InvalidOption, InternalError,
        };

        private static readonly Dictionary<string, DiagnosticDescriptor> s_byId = All.ToDictionary(d => d.Id, StringComparer.Ordinal);

        public static DiagnosticDescriptor ById(string id) => s_byId[id];
    }
}
