using System;
using System.Globalization;
using HardwareCatalog.Generators.Model;
using HardwareCatalog.Generators.Parsing;
using HardwareCatalog.Generators.Schema;

namespace HardwareCatalog.Generators.Building
{
    /// <summary>Builds a system entry: its fabrics and the checks between GPUs per node and the scale-up domain.</summary>
    internal static class SystemBuilder
    {
        public static SystemEntry? Build(EntryFields fields, string identifier)
        {
            ParsedEntry entry = fields.Entry;
            FabricEntry? scaleUp = Fabric(fields, "scaleUp");
            FabricEntry? scaleOut = fields.Has("scaleOut") ? Fabric(fields, "scaleOut") : null;
            int gpusPerNode = fields.Integer("gpusPerNode") ?? 0;
            if (gpusPerNode <= 0)
            {
                fields.Fail(DiagnosticDescriptors.InconsistentSystem, fields.LocationOf("gpusPerNode"), entry.Id, "'gpusPerNode' must be at least 1");
            }

            if (scaleUp is { Domain: int domain } && gpusPerNode > 0)
            {
                if (domain <= 0)
                {
                    fields.Fail(DiagnosticDescriptors.InconsistentSystem, fields.LocationOf("scaleUp.domain"), entry.Id, "'scaleUp.domain' must be at least 1");
                }
                else if (domain % gpusPerNode != 0 && gpusPerNode % domain != 0)
                {
                    // A domain spans whole nodes (NVL72: 18 trays of 4) or splits a node evenly (NVLink bridges in pairs).
                    fields.Fail(DiagnosticDescriptors.InconsistentSystem, fields.LocationOf("scaleUp.domain"), entry.Id,
                        string.Format(CultureInfo.InvariantCulture, "a scale-up domain of {0} GPUs neither spans whole nodes of {1} nor divides one evenly", domain, gpusPerNode));
                }
            }

            if (!fields.Ok || scaleUp is null)
            {
                return null;
            }

            return new SystemEntry(
                Id: entry.Id,
                Identifier: identifier,
                Name: fields.Text("name")!,
                Vendor: fields.Text("vendor")!,
                Released: fields.Integer("released"),
                GpuId: fields.Text("gpu")!,
                GpusPerNode: gpusPerNode,
                ScaleUp: scaleUp,
                ScaleOut: scaleOut,
                Extends: entry.Get("extends")?.Text,
                Notes: entry.Get("notes")?.Text,
                Sources: fields.Field("sources")?.Items ?? EquatableArray<string>.Empty,
                IsEstimated: fields.Flag("estimated"),
                IsBuiltIn: entry.IsBuiltIn,
                ValueSources: GpuBuilder.ValueSources(fields),
                Values: fields.Values(),
                ExternalNamespace: fields.ExternalNamespace);
        }

        /// <summary>A fabric mapping: link, bandwidth and direction, and for the scale-up fabric its domain.</summary>
        private static FabricEntry? Fabric(EntryFields fields, string prefix)
        {
            bool scaleUp = prefix == "scaleUp";
            const string why = " (a system's fabric names its link, its per-GPU bandwidth as the vendor writes it, and whether that figure counts both directions or each)";
            bool ok = fields.Require(prefix + ".link", why) & fields.Require(prefix + ".bandwidth", why) & fields.Require(prefix + ".direction", why);
            if (scaleUp) ok &= fields.Require(prefix + ".domain", " (the number of GPUs in one scale-up domain: 8 in an HGX node, 72 in an NVL72 rack)");
            if (!ok) return null;

            ParsedField link = fields.Field(prefix + ".link")!;
            if (Array.IndexOf(CatalogSchema.FabricLinks, link.Text) < 0)
            {
                fields.Fail(DiagnosticDescriptors.WrongShape, link.Location, prefix + ".link", "one of " + string.Join(", ", CatalogSchema.FabricLinks), $"'{link.Text}'{Suggestions.DidYouMean(link.Text, CatalogSchema.FabricLinks)}");
                return null;
            }

            ParsedField direction = fields.Field(prefix + ".direction")!;
            if (Array.IndexOf(CatalogSchema.FabricDirections, direction.Text) < 0)
            {
                fields.Fail(DiagnosticDescriptors.WrongShape, direction.Location, prefix + ".direction",
                    "\"both\" (the figure adds both directions, as NVIDIA's NVLink figures do) or \"each\" (the figure is per direction, as a NIC's line rate is)", $"'{direction.Text}'");
                return null;
            }

            return new FabricEntry(link.Text, fields.Quantity(prefix + ".bandwidth")!, direction.Text, scaleUp ? fields.Integer(prefix + ".domain") : null);
        }
    }
}
