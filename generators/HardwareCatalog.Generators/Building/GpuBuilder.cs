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

            List<Peak> measured = Peaks(fields, "measured.matmul");
            if (!CheckMeasured(fields, dense, measured) | !CheckUsableMemory(fields))
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
                ExternalNamespace: fields.ExternalNamespace)
            {
                UsableMemory = fields.Quantity("usableMemory"),
                Measured = measured.ToEquatableArray(),
                MeasuredMemoryBandwidth = fields.Quantity("measured.memoryBandwidth"),
                MeasurementStack = fields.Text("measured.stack"),
                MeasurementSource = fields.Text("measured.source"),
                ValueSources = ValueSources(fields),
            };
        }

        /// <summary>The values written in the long form, with their own source or secondary mark.</summary>
        internal static EquatableArray<Model.ValueSource> ValueSources(EntryFields fields)
        {
            List<Model.ValueSource>? sources = null;
            foreach (ParsedField field in fields.All)
            {
                if (field.Source is not null || field.IsSecondary)
                {
                    (sources ??= new List<Model.ValueSource>()).Add(new Model.ValueSource(field.Path, field.Source, field.IsSecondary));
                }
            }

            return sources is null ? EquatableArray<Model.ValueSource>.Empty : sources.ToEquatableArray();
        }

        /// <summary>
        /// HWC124 and HWC125: a measured figure names where it was published, and stays at or below the peak it is
        /// measured against (a dense peak of the same precision; the memory bandwidth).
        /// </summary>
        private static bool CheckMeasured(EntryFields fields, List<Peak> dense, List<Peak> measured)
        {
            bool ok = true;
            bool hasSource = fields.Field("measured.source") is not null;
            foreach (ParsedField field in fields.All)
            {
                if (field.Path.StartsWith("measured.", StringComparison.Ordinal) && field.Kind == ValueKind.Quantity && !hasSource && field.Source is null)
                {
                    fields.Fail(DiagnosticDescriptors.MeasuredWithoutSource, field.Location, field.Path, fields.Entry.Id);
                    ok = false;
                }
            }

            foreach (Peak rate in measured)
            {
                PrecisionRow row = PrecisionTable.Rows[rate.Precision];
                string path = "measured.matmul." + row.Key;
                Peak? peak = dense.Find(d => d.Precision == rate.Precision);
                if (peak is null)
                {
                    fields.Fail(DiagnosticDescriptors.MeasuredAbovePeak, fields.LocationOf(path), path, fields.Entry.Id, rate.Text,
                        $"has no dense {row.DisplayName} peak to be measured against: a precision without a dense peak is one the accelerator does not support");
                    ok = false;
                }
                else if (rate.FlopsPerSecond > peak.FlopsPerSecond)
                {
                    fields.Fail(DiagnosticDescriptors.MeasuredAbovePeak, fields.LocationOf(path), path, fields.Entry.Id, rate.Text,
                        $"is above the dense {row.DisplayName} peak of {peak.Text}: a measured rate cannot exceed its peak (is it a sparse figure, or another SKU's?)");
                    ok = false;
                }
            }

            if (fields.Quantity("measured.memoryBandwidth") is { } achieved && fields.Quantity("memoryBandwidth") is { } bandwidth && achieved.Value > bandwidth.Value)
            {
                fields.Fail(DiagnosticDescriptors.MeasuredAbovePeak, fields.LocationOf("measured.memoryBandwidth"), "measured.memoryBandwidth", fields.Entry.Id, achieved.Text,
                    $"is above the peak memory bandwidth of {bandwidth.Text}: a measured bandwidth cannot exceed the peak");
                ok = false;
            }

            return ok;
        }

        private static string Bytes(double bytes) => bytes.ToString("N0", CultureInfo.InvariantCulture) + " bytes";

        /// <summary>HWC126: usable memory is part of the installed memory, never more.</summary>
        private static bool CheckUsableMemory(EntryFields fields)
        {
            if (fields.Quantity("usableMemory") is { } usable && fields.Quantity("memory") is { } memory && usable.Value > memory.Value)
            {
                fields.Fail(DiagnosticDescriptors.UsableAboveMemory, fields.LocationOf("usableMemory"), fields.Entry.Id, usable.Text, memory.Text,
                    Bytes(usable.Value), Bytes(memory.Value));
                return false;
            }

            return true;
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
