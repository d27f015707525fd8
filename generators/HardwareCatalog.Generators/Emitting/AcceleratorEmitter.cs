using System.Collections.Generic;
using System.Linq;
using HardwareCatalog.Generators.Model;
using HardwareCatalog.Units;

namespace HardwareCatalog.Generators.Emitting
{
    /// <summary>
    /// Writes the C# for one accelerator entry: its numbers once, as a base-type instance in the <c>Gpus</c> index
    /// (what <c>Find</c> and <c>All</c> hand out, without loading the entry's own type), and the typed entry class built
    /// from that instance, whose members exist only for what the catalog gives.
    /// </summary>
    internal static class AcceleratorEmitter
    {
        public static string HintName(GpuEntry model) => $"Gpus.{model.Identifier}.g.cs";

        public static string Emit(GpuEntry model, CatalogOptions options)
        {
            var w = new CodeWriter();
            CodeWriter.Header(w, options);
            CodeWriter.EntryMetadata(w, options, "gpu", model.Id, model.Identifier, model.IsBuiltIn, model.Values);

            w.Open($"namespace {options.Namespace}");
            w.Line(CodeWriter.RuntimeAlias);
            w.Line();
            w.Open($"{options.Visibility} static partial class Gpus");
            if (options.TypedMembers)
            {
                w.Doc($"<summary>{Summary(model)}</summary>\n<remarks>See <see cref=\"Accelerators.{model.Identifier}\"/> for every value and its sources.</remarks>");
                w.Line($"public static Accelerators.{model.Identifier} {model.Identifier} => Accelerators.{model.Identifier}.Instance;");
                w.Line();
            }

            WriteEntry(w, model);
            w.Close();
            w.Close();
            if (!options.TypedMembers) return w.ToString();

            w.Line();

            w.Open($"namespace {options.Namespace}.Accelerators");
            w.Line(CodeWriter.RuntimeAlias);
            if (model.Memory is not null || model.UsableMemory is not null || model.MemoryBandwidth is not null || model.Tdp is not null || model.Dense.Count + model.Sparse.Count > 0 || model.MeasuredMemoryBandwidth is not null)
            {
                w.Line(CodeWriter.UnitsAlias);
            }

            w.Line();
            w.Doc(TypeDoc(model));
            w.Line(SupportedPrecisionsAttribute(model));
            w.Line(CodeWriter.GeneratedCodeAttribute);
            w.Open($"{options.Visibility} sealed partial class {model.Identifier} : _HC.Accelerator");
            w.Doc($"<summary>The catalog entry <c>{CodeWriter.Xml(model.Id)}</c>.</summary>");
            w.Line($"public static readonly {model.Identifier} Instance = new {model.Identifier}();");
            w.Line();
            w.Line($"private {model.Identifier}() : base(Gpus.Find({CodeWriter.Literal(model.Id)}){CodeWriter.NotNull(options)}) {{ }}");
            WriteTypedMembers(w, model);
            w.Close();
            w.Close();
            return w.ToString();
        }

        /// <summary>
        /// The base-type instance, private to <c>Gpus</c> (the name starts with '_', which no entry identifier can). The
        /// numbers travel as one array initializer, a data blob in the assembly, so the index's static constructor stays
        /// small and first access pays for little JIT work per entry.
        /// </summary>
        private static void WriteEntry(CodeWriter w, GpuEntry model)
        {
            var values = new string[AcceleratorLayout.Length];
            for (int i = 0; i < values.Length; i++) values[i] = "double.NaN";
            if (model.Memory is { } memory) values[AcceleratorLayout.Memory] = CodeWriter.Number(memory.Value);
            if (model.MemoryBandwidth is { } bandwidth) values[AcceleratorLayout.MemoryBandwidth] = CodeWriter.Number(bandwidth.Value);
            if (model.Tdp is { } tdp) values[AcceleratorLayout.Tdp] = CodeWriter.Number(tdp.Value);
            if (model.Released is { } year) values[AcceleratorLayout.Released] = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (model.UsableMemory is { } usable) values[AcceleratorLayout.UsableMemory] = CodeWriter.Number(usable.Value);
            if (model.MeasuredMemoryBandwidth is { } achieved) values[AcceleratorLayout.MeasuredMemoryBandwidth] = CodeWriter.Number(achieved.Value);
            foreach (Link link in model.Interconnect)
            {
                values[AcceleratorLayout.Links + System.Array.IndexOf(LinkTable.Keys, link.Key)] = CodeWriter.Number(link.Bandwidth.Value);
            }

            foreach (Peak peak in model.Dense) values[AcceleratorLayout.Dense + peak.Precision] = CodeWriter.Number(peak.FlopsPerSecond);
            foreach (Peak peak in model.Sparse) values[AcceleratorLayout.Sparse + peak.Precision] = CodeWriter.Number(peak.FlopsPerSecond);
            foreach (Peak rate in model.Measured) values[AcceleratorLayout.Measured + rate.Precision] = CodeWriter.Number(rate.FlopsPerSecond);

            string Slots(int start, int count) => string.Join(", ", values.Skip(start).Take(count));
            string precisions = string.Join(" ", PrecisionTable.Keys);
            string strings = string.Join(", ", new[] { model.Id, model.Name, model.Vendor, model.Architecture, model.FormFactor, model.Notes }.Select(CodeWriter.Literal));
            w.Line($"private static readonly _HC.Accelerator _{model.Identifier} = _HC.Accelerator.Create({strings}, {CodeWriter.StringArray(model.Sources)}, {CodeWriter.Bool(model.IsEstimated)}, new double[]");
            w.Line("{");
            w.Line("    // memory B, memoryBandwidth B/s, tdp W, released, usableMemory B, measured memoryBandwidth B/s; links B/s: " + string.Join(" ", LinkTable.Keys));
            w.Line("    " + Slots(AcceleratorLayout.Memory, AcceleratorLayout.Links) + ", " + Slots(AcceleratorLayout.Links, AcceleratorLayout.LinkCount) + ",");
            w.Line("    // dense, sparse, then measured matmul FLOP/s: " + precisions);
            w.Line("    " + Slots(AcceleratorLayout.Dense, PrecisionTable.Keys.Length) + ",");
            w.Line("    " + Slots(AcceleratorLayout.Sparse, PrecisionTable.Keys.Length) + ",");
            w.Line("    " + Slots(AcceleratorLayout.Measured, PrecisionTable.Keys.Length) + ",");
            bool provenance = model.MeasurementStack is not null || model.MeasurementSource is not null || model.ValueSources.Count > 0;
            w.Line(provenance ? $"}}, {CodeWriter.Literal(model.MeasurementStack)}, {CodeWriter.Literal(model.MeasurementSource)}, {CodeWriter.ValueSourceArray(model.ValueSources)});" : "});");
        }

        private static void WriteTypedMembers(CodeWriter w, GpuEntry model)
        {
            // Each reads the shared base values: no number is written twice.
            if (model.Memory is { } memory)
            {
                w.Line();
                w.Doc($"<summary>Device memory: {CodeWriter.Xml(memory.Text)}.{CodeWriter.Provenance(model.ValueSources, "memory")}</summary>");
                w.Line("public new _U.DataSize Memory => base.Memory.GetValueOrDefault();");
            }

            if (model.UsableMemory is { } usable)
            {
                w.Line();
                w.Doc($"<summary>Memory a process can allocate, as the driver reports it: {CodeWriter.Xml(usable.Text)}.{CodeWriter.Provenance(model.ValueSources, "usableMemory")}</summary>");
                w.Line("public new _U.DataSize UsableMemory => base.UsableMemory.GetValueOrDefault();");
            }

            if (model.MemoryBandwidth is { } bandwidth)
            {
                w.Line();
                w.Doc($"<summary>Peak memory bandwidth: {CodeWriter.Xml(bandwidth.Text)}.{CodeWriter.Provenance(model.ValueSources, "memoryBandwidth")}</summary>");
                w.Line("public new _U.Bandwidth MemoryBandwidth => base.MemoryBandwidth.GetValueOrDefault();");
            }

            if (model.Tdp is { } tdp)
            {
                w.Line();
                w.Doc($"<summary>Maximum board power: {CodeWriter.Xml(tdp.Text)}.{CodeWriter.Provenance(model.ValueSources, "tdp")}</summary>");
                w.Line("public new _U.Power Tdp => base.Tdp.GetValueOrDefault();");
            }

            if (model.Measured.Count > 0 || model.MeasuredMemoryBandwidth is not null)
            {
                w.Line();
                w.Doc("<summary>Measured, achievable rates (not peaks), one member per measured value: what a plan's time is computed from.</summary>");
                w.Line("public MeasuredRates Measured => default;");
            }

            if (model.Dense.Count > 0)
            {
                w.Line();
                w.Doc("<summary>Dense peaks, one member per supported precision: any other precision does not compile.</summary>");
                w.Line("public DensePeaks Dense => default;");
            }

            if (model.Sparse.Count > 0)
            {
                w.Line();
                w.Doc("<summary>2:4 structured-sparsity peaks, reachable only with pruned weights; estimates use <see cref=\"Dense\"/>.</summary>");
                w.Line("public SparsePeaks Sparse => default;");
            }

            if (model.Dense.Count > 0)
            {
                w.Line();
                WritePeakStruct(w, "DensePeaks", "Dense", "Peak", model.Dense, sparse: false, model.ValueSources);
            }

            if (model.Sparse.Count > 0)
            {
                w.Line();
                WritePeakStruct(w, "SparsePeaks", "Sparse", "PeakSparse", model.Sparse, sparse: true, model.ValueSources);
            }

            if (model.Measured.Count > 0 || model.MeasuredMemoryBandwidth is not null)
            {
                w.Line();
                WriteMeasuredStruct(w, model);
            }
        }

        private static void WriteMeasuredStruct(CodeWriter w, GpuEntry model)
        {
            string stack = model.MeasurementStack is { } s ? $" Stack: {CodeWriter.Xml(s)}." : "";
            string source = model.MeasurementSource is { } url ? $" Source: {CodeWriter.Xml(url)}." : "";
            w.Doc($"<summary>Measured, achievable rates of this accelerator.{stack}{source}</summary>");
            w.Open("public readonly struct MeasuredRates");
            bool first = true;
            foreach (Peak rate in model.Measured)
            {
                if (!first) w.Line();
                first = false;
                string member = PrecisionTable.MemberNames[rate.Precision];
                Peak? peak = model.Dense.FirstOrDefault(p => p.Precision == rate.Precision);
                string share = peak is null ? "" : $" ({(rate.FlopsPerSecond / peak.FlopsPerSecond * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)}% of the dense peak, {CodeWriter.Xml(peak.Text)})";
                w.Doc($"<summary>Measured {PrecisionTable.DisplayNames[rate.Precision]} matmul rate: {CodeWriter.Xml(rate.Text)}{share}.{CodeWriter.Provenance(model.ValueSources, "measured.matmul." + PrecisionTable.Keys[rate.Precision])}</summary>");
                w.Line($"public _HC.Achieved<_U.FlopRate> {member} => Instance.MeasuredMatmul(_HC.Precision.{member}).GetValueOrDefault();");
            }

            if (model.MeasuredMemoryBandwidth is { } bandwidth)
            {
                if (!first) w.Line();
                w.Doc($"<summary>Measured memory bandwidth: {CodeWriter.Xml(bandwidth.Text)}.{CodeWriter.Provenance(model.ValueSources, "measured.memoryBandwidth")}</summary>");
                w.Line("public _HC.Achieved<_U.Bandwidth> MemoryBandwidth => Instance.MeasuredMemoryBandwidth.GetValueOrDefault();");
            }

            w.Close();
        }

        private static void WritePeakStruct(CodeWriter w, string typeName, string label, string lookup, EquatableArray<Peak> peaks, bool sparse, EquatableArray<Model.ValueSource> sources)
        {
            w.Doc($"<summary>{label} peaks of the precisions this accelerator supports.</summary>");
            w.Open($"public readonly struct {typeName}");
            bool first = true;
            foreach (Peak peak in peaks)
            {
                if (!first) w.Line();
                first = false;
                string display = PrecisionTable.DisplayNames[peak.Precision];
                string shown = !peak.DerivedFromSparsity ? peak.Text
                    : PrecisionTable.Rows[peak.Precision].IsInteger ? CodeWriter.Number(peak.FlopsPerSecond / 1e12).TrimEnd('d') + " TOPS"
                    : UnitTable.Format(peak.FlopsPerSecond, Dimension.ComputeRate, null, preferredDecimalExponent: 12);
                string kind = sparse ? "2:4 sparse" : "dense";
                string twice = peak.DerivedFromSparsity ? " (twice the dense peak)" : "";
                string member = PrecisionTable.MemberNames[peak.Precision];
                string provenance = CodeWriter.Provenance(sources, (sparse ? "sparse." : "dense.") + PrecisionTable.Keys[peak.Precision]);
                w.Doc($"<summary>{display} {kind} peak: {CodeWriter.Xml(shown)}{twice}.{provenance}</summary>");
                w.Line($"public _U.FlopRate {member} => Instance.{lookup}(_HC.Precision.{member});");
            }

            w.Close();
        }

        private static string SupportedPrecisionsAttribute(GpuEntry model)
        {
            string List(EquatableArray<Peak> peaks) => string.Join(", ", peaks.Select(p => $"_HC.Precision.{PrecisionTable.MemberNames[p.Precision]}"));
            string sparse = model.Sparse.Count == 0 ? "" : $"{(model.Dense.Count == 0 ? "" : ", ")}Sparse = new[] {{ {List(model.Sparse)} }}";
            return $"[_HC.SupportedPrecisions({List(model.Dense)}{sparse})]";
        }

        private static string Summary(GpuEntry model)
        {
            var parts = new List<string>();
            if (model.Memory is { } memory) parts.Add(memory.Text);
            if (model.MemoryBandwidth is { } bandwidth) parts.Add(bandwidth.Text);
            Peak? headline = model.Dense.FirstOrDefault(p => PrecisionTable.Keys[p.Precision] == "bf16");
            if (headline is not null) parts.Add("BF16 " + headline.Text + " dense");
            string estimated = model.IsEstimated ? " (estimated)" : "";
            return CodeWriter.Xml($"{model.Name}{estimated}" + (parts.Count > 0 ? ": " + string.Join(", ", parts) : "")) + ".";
        }

        /// <summary>What no member shows: the entry's facts, links, provenance. Values with a member are documented there.</summary>
        private static string TypeDoc(GpuEntry model)
        {
            var lines = new List<string>();
            string facts = string.Join(", ", new[] { model.Vendor, model.Architecture, model.FormFactor, model.Released?.ToString(System.Globalization.CultureInfo.InvariantCulture) }.Where(s => !string.IsNullOrEmpty(s)));
            lines.Add($"<summary>{CodeWriter.Xml(model.Name)} (<c>{CodeWriter.Xml(model.Id)}</c>): {CodeWriter.Xml(facts)}.</summary>");
            lines.Add("<remarks>");
            if (model.IsEstimated)
            {
                lines.Add("<para><b>Estimated:</b> these figures are not official.</para>");
            }

            if (model.Dense.Count == 0)
            {
                lines.Add("<para>No dense peak is published.</para>");
            }

            if (model.Interconnect.Count > 0)
            {
                lines.Add($"<para>Links: {CodeWriter.Xml(string.Join(", ", model.Interconnect.Select(l => $"{l.Key} {l.Bandwidth.Text}")))}.</para>");
            }

            string[] secondary = model.ValueSources.Where(v => v.IsSecondary).Select(v => v.Path).ToArray();
            if (secondary.Length > 0)
            {
                lines.Add($"<para><b>Secondary sources</b> (press, reseller or third-party database, no primary source published) for: {CodeWriter.Xml(string.Join(", ", secondary))}. Build with <c>HardwareCatalogSecondaryValues=exclude</c> to leave them out.</para>");
            }

            if (model.Extends is not null)
            {
                lines.Add($"<para>Extends <c>{CodeWriter.Xml(model.Extends)}</c>.</para>");
            }

            CodeWriter.NotesAndSources(lines, model.Notes, model.Sources);
            lines.Add("</remarks>");
            return string.Join("\n", lines);
        }
    }
}
