using System;
using System.Collections.Generic;
using System.Globalization;
using HardwareCatalog.Generators.Model;
using HardwareCatalog.Generators.Schema;

namespace HardwareCatalog.Generators.Building
{
    /// <summary>Builds an accelerator entry from its values, with the physics checks (architecture, sparsity).</summary>
    internal static class GpuBuilder
    {
        public static GpuEntry? Build(EntryFields fields, string identifier)
        {
            ParsedEntry entry = fields.Entry;
            List<Peak> dense = Peaks(fields, "dense");
            List<Peak> sparse = Peaks(fields, "sparse");
            ParsedField? sparsity = fields.Field("sparsity");
            if (sparsity is not null && sparsity.Text is not ("2:4" or "published"))
            {
                fields.Fail(DiagnosticDescriptors.WrongShape, sparsity.Location, "sparsity", "\"2:4\" (derive sparse peaks as twice dense) or \"published\" (the vendor's sparse figures, as given)", $"'{sparsity.Text}'");
                return null;
            }

            if (!CheckArchitecture(fields))
            {
                return null;
            }

            if (sparsity?.Text != "published")
            {
                WarnSparseNotTwiceDense(fields, dense, sparse);
            }

            if (sparsity?.Text == "2:4")
            {
                // 2:4 structured sparsity doubles the tensor-core peaks; an explicit sparse value takes precedence.
                foreach (Peak peak in dense)
                {
                    if (PrecisionTable.Rows[peak.Precision].IsTensor && !sparse.Exists(s => s.Precision == peak.Precision))
                    {
                        sparse.Add(new Peak(peak.Precision, peak.FlopsPerSecond * 2, "", true));
                    }
                }

                sparse.Sort((a, b) => a.Precision.CompareTo(b.Precision));
            }

            var links = new List<Link>();
            foreach (ParsedField field in fields.All)
            {
                if (field.Path.StartsWith("interconnect.", StringComparison.Ordinal))
                {
                    links.Add(new Link(field.Path.Substring("interconnect.".Length), new Quantity(field.Number, field.Text)));
                }
            }

            // Slot order, so that the emitter and the runtime agree without sorting again.
            links.Sort((a, b) => Array.IndexOf(LinkTable.Keys, a.Key).CompareTo(Array.IndexOf(LinkTable.Keys, b.Key)));

            return new GpuEntry(
                Id: entry.Id,
                Identifier: identifier,
                Name: fields.Text("name")!,
                Vendor: fields.Text("vendor")!,
                Architecture: fields.Text("architecture")!,
                Released: fields.Integer("released"),
                FormFactor: fields.Text("formFactor"),
                Memory: fields.Quantity("memory"),
                MemoryBandwidth: fields.Quantity("memoryBandwidth"),
                Tdp: fields.Quantity("tdp"),
                Interconnect: links.ToEquatableArray(),
                Dense: dense.ToEquatableArray(),
                Sparse: sparse.ToEquatableArray(),
                Extends: entry.Get("extends")?.Text,
                Notes: entry.Get("notes")?.Text,
                Sources: fields.Field("sources")?.Items ?? EquatableArray<string>.Empty,
                IsEstimated: fields.Flag("estimated"),
                IsBuiltIn: entry.IsBuiltIn,
                Values: fields.Values(),
                ExternalNamespace: fields.ExternalNamespace);
        }

        /// <summary>The peaks of one table (<c>dense</c> or <c>sparse</c>), in precision order.</summary>
        private static List<Peak> Peaks(EntryFields fields, string table)
        {
            string prefix = table + ".";
            var peaks = new List<Peak>();
            foreach (ParsedField field in fields.All)
            {
                if (field.Path.StartsWith(prefix, StringComparison.Ordinal))
                {
                    peaks.Add(new Peak(PrecisionTable.IndexOf(field.Path.Substring(prefix.Length)), field.Number, field.Text, false));
                }
            }

            peaks.Sort((a, b) => a.Precision.CompareTo(b.Precision));
            return peaks;
        }

        /// <summary>HWC114: a precision the architecture has no tensor cores for (FP8 on Ampere, FP4 on Hopper).</summary>
        private static bool CheckArchitecture(EntryFields fields)
        {
            string architecture = fields.Text("architecture")!;
            foreach (ParsedField peak in fields.All)
            {
                if (!peak.Path.StartsWith("dense.", StringComparison.Ordinal) && !peak.Path.StartsWith("sparse.", StringComparison.Ordinal)) continue;
                string precision = peak.Path.Substring(peak.Path.IndexOf('.') + 1);
                if (ArchitectureRules.WhyImpossible(architecture, precision) is { } reason)
                {
                    fields.Fail(DiagnosticDescriptors.ImpossiblePrecision, peak.Location, fields.Entry.Id, architecture, PrecisionTable.Rows[PrecisionTable.IndexOf(precision)].DisplayName, reason);
                    return false;
                }
            }

            return true;
        }

        /// <summary>HWC115: an explicit sparse tensor peak that is not twice the dense one, unless the entry says the vendor published it.</summary>
        private static void WarnSparseNotTwiceDense(EntryFields fields, List<Peak> dense, List<Peak> sparse)
        {
            foreach (Peak explicitSparse in sparse)
            {
                PrecisionRow row = PrecisionTable.Rows[explicitSparse.Precision];
                Peak? matching = dense.Find(d => d.Precision == explicitSparse.Precision);
                if (!row.IsTensor || matching is null) continue;
                double ratio = explicitSparse.FlopsPerSecond / matching.FlopsPerSecond;
                if (Math.Abs(ratio - 2) > 0.01)
                {
                    fields.Warn(DiagnosticDescriptors.SparseNotTwiceDense, fields.LocationOf("sparse." + row.Key), row.DisplayName, fields.Entry.Id,
                        explicitSparse.Text, ratio.ToString("0.###", CultureInfo.InvariantCulture), matching.Text);
                }
            }
        }
    }
}
