using System;
using System.Collections.Generic;
using System.Text;
using HardwareCatalog.Generators.Model;
using Microsoft.CodeAnalysis.CSharp;

namespace HardwareCatalog.Generators.Building
{
    /// <summary>The rules for ids and the C# identifiers they become (docs/dsl.md, "Identifiers").</summary>
    internal static class Identifiers
    {
        /// <summary>Member names of the generated index classes that an entry may not take.</summary>
        private static readonly HashSet<string> s_reserved = new(StringComparer.Ordinal)
        {
            // Members of the generated index classes and of System.Object.
            "All", "Find", "AllHolder", "Equals", "GetHashCode", "GetType", "ToString", "ReferenceEquals", "MemberwiseClone", "Finalize",
            // Members the generated entry types declare: a type cannot have a member of its own name (CS0542).
            "Instance", "Dense", "Sparse", "DensePeaks", "SparsePeaks", "Memory", "MemoryBandwidth", "Tdp", "Training",
            "UsableMemory", "Measured", "MeasuredRates", "Gpu",
            // The generated namespaces and classes, and the runtime base types.
            "Gpus", "Models", "Accelerators", "LanguageModels", "Accelerator", "ModelSpec",
            "Systems", "AcceleratorSystems", "AcceleratorSystem", "TrainingPlans", "TrainingPlan", "ServingPlans", "ServingPlan",
        };

        /// <summary>
        /// The C# identifier of an entry: its explicit <c>identifier:</c> or the one derived from its id; null, with a
        /// located diagnostic, when neither is usable.
        /// </summary>
        public static string? Resolve(ParsedEntry entry, DiagnosticBag diagnostics)
        {
            ParsedField idField = entry.Get("id")!;
            if (!IsValidId(entry.Id))
            {
                diagnostics.Report(DiagnosticDescriptors.InvalidIdentifier, idField.Location, $"The id '{entry.Id}' is not valid: ids are lower-case letters, digits, '-' and '.', starting with a letter or digit");
                return null;
            }

            if (entry.Get("identifier") is { } explicitField)
            {
                string explicitName = explicitField.Text;
                if (!IsValidIdentifier(explicitName))
                {
                    diagnostics.Report(DiagnosticDescriptors.InvalidIdentifier, explicitField.Location, $"'{explicitName}' is not a valid C# identifier here: use ASCII letters, digits and '_', starting with a letter, not a C# keyword");
                    return null;
                }

                if (s_reserved.Contains(explicitName))
                {
                    diagnostics.Report(DiagnosticDescriptors.InvalidIdentifier, explicitField.Location, $"'{explicitName}' is reserved by the generated catalog classes; choose another identifier");
                    return null;
                }

                return explicitName;
            }

            string derived = ToIdentifier(entry.Id);
            if (!IsValidIdentifier(derived) || s_reserved.Contains(derived))
            {
                diagnostics.Report(DiagnosticDescriptors.InvalidIdentifier, idField.Location, $"The id '{entry.Id}' yields '{derived}', which is not a usable C# identifier; set 'identifier:' to choose one");
                return null;
            }

            return derived;
        }

        /// <summary>The DSL's identifier rule: split at '-' and '.', capitalize each part, join; '_' where digits meet.</summary>
        public static string ToIdentifier(string id)
        {
            var builder = new StringBuilder(id.Length);
            foreach (string part in id.Split('-', '.'))
            {
                if (part.Length == 0) continue;
                if (builder.Length > 0 && char.IsDigit(builder[builder.Length - 1]) && char.IsDigit(part[0]))
                {
                    builder.Append('_');
                }

                builder.Append(char.ToUpperInvariant(part[0])).Append(part, 1, part.Length - 1);
            }

            return builder.ToString();
        }

        private static bool IsValidId(string id)
        {
            if (id.Length == 0 || id.Length > 100 || !IsLowerAlphanumeric(id[0])) return false;
            foreach (char c in id)
            {
                if (!IsLowerAlphanumeric(c) && c != '-' && c != '.') return false;
            }

            return true;
        }

        private static bool IsLowerAlphanumeric(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9');

        private static bool IsValidIdentifier(string name)
        {
            if (name.Length == 0 || name.Length > 100 || !(char.IsLetter(name[0]) && name[0] < 128)) return false;
            foreach (char c in name)
            {
                if (!(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_')) return false;
            }

            return SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None && SyntaxFacts.GetContextualKeywordKind(name) == SyntaxKind.None;
        }
    }
}
