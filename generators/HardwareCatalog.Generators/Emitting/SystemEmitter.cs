using System.Collections.Generic;
using System.Linq;
using HardwareCatalog.Generators.Model;

namespace HardwareCatalog.Generators.Emitting
{
    /// <summary>
    /// Writes the C# for one system entry: a base-type instance in the <c>Systems</c> index and the typed entry class
    /// built from it, whose <c>Gpu</c> is the accelerator's typed entry (see <see cref="AcceleratorEmitter"/>).
    /// </summary>
    internal static class SystemEmitter
    {
        public static string HintName(SystemEntry system) => $"Systems.{system.Identifier}.g.cs";

        public static string Emit(SystemEntry system, CatalogOptions options)
        {
            string gpu = system.GpuNamespace is { } external ? $"global::{external}.Accelerators.{system.GpuIdentifier}" : "Accelerators." + system.GpuIdentifier;
            var w = new CodeWriter();
            CodeWriter.Header(w, options);
            CodeWriter.EntryMetadata(w, options, "system", system.Id, system.Identifier, system.IsBuiltIn, system.Values);
            w.Open($"namespace {options.Namespace}");
            w.Line(CodeWriter.RuntimeAlias);
            w.Line(CodeWriter.UnitsAlias);
            w.Line();
            w.Open($"{options.Visibility} static partial class Systems");
            if (options.TypedMembers)
            {
                w.Doc($"<summary>{Summary(system)}</summary>\n<remarks>See <see cref=\"AcceleratorSystems.{system.Identifier}\"/> for every value and its sources.</remarks>");
                w.Line($"public static AcceleratorSystems.{system.Identifier} {system.Identifier} => AcceleratorSystems.{system.Identifier}.Instance;");
                w.Line();
            }

            string strings = string.Join(", ", new[] { system.Id, system.Name, system.Vendor }.Select(CodeWriter.Literal));
            string released = system.Released is { } year ? year.ToString(System.Globalization.CultureInfo.InvariantCulture) : "null";
            // The GPU's base instance, as the index hands it out: listing systems loads no typed GPU class.
            w.Line($"private static readonly _HC.AcceleratorSystem _{system.Identifier} = _HC.AcceleratorSystem.Create({strings}, Gpus.Find({CodeWriter.Literal(system.GpuId)}){CodeWriter.NotNull(options)}, {system.GpusPerNode.ToString(System.Globalization.CultureInfo.InvariantCulture)},");
            w.Line($"    {Fabric(system.ScaleUp)},");
            w.Line($"    {(system.ScaleOut is { } scaleOut ? Fabric(scaleOut) : "null")},");
            w.Line($"    {released}, {CodeWriter.Literal(system.Notes)}, {CodeWriter.StringArray(system.Sources)}, {CodeWriter.Bool(system.IsEstimated)}, {CodeWriter.ValueSourceArray(system.ValueSources)});");
            w.Close();
            w.Close();
            if (!options.TypedMembers) return w.ToString();

            w.Line();

            w.Open($"namespace {options.Namespace}.AcceleratorSystems");
            w.Line(CodeWriter.RuntimeAlias);
            w.Line();
            w.Doc(TypeDoc(system));
            w.Line(CodeWriter.GeneratedCodeAttribute);
            w.Open($"{options.Visibility} sealed partial class {system.Identifier} : _HC.AcceleratorSystem");
            w.Doc($"<summary>The catalog entry <c>{CodeWriter.Xml(system.Id)}</c>.</summary>");
            w.Line($"public static readonly {system.Identifier} Instance = new {system.Identifier}();");
            w.Line();
            w.Line($"private {system.Identifier}() : base(Systems.Find({CodeWriter.Literal(system.Id)}){CodeWriter.NotNull(options)}) {{ }}");
            w.Line();
            w.Doc($"<summary>The accelerator, <c>{CodeWriter.Xml(system.GpuId)}</c>: its typed entry, with members only for what it supports.</summary>");
            w.Line($"public new {gpu} Gpu => {gpu}.Instance;");
            w.Close();
            w.Close();
            return w.ToString();
        }

        private static string Fabric(FabricEntry fabric)
        {
            string direction = fabric.Direction == "both" ? "_HC.FabricDirection.Both" : "_HC.FabricDirection.Each";
            string domain = fabric.Domain is { } size ? ", " + size.ToString(System.Globalization.CultureInfo.InvariantCulture) : "";
            return $"new _HC.Fabric({CodeWriter.Literal(fabric.Link)}, _U.Bandwidth.FromBytesPerSecond({CodeWriter.Number(fabric.Bandwidth.Value)}), {direction}{domain}) /* {CodeWriter.Xml(fabric.Bandwidth.Text)} */";
        }

        private static string Describe(FabricEntry fabric)
            => $"{fabric.Link} {fabric.Bandwidth.Text} per GPU ({(fabric.Direction == "both" ? "both directions" : "each way")})" + (fabric.Domain is { } domain ? $", domain of {domain}" : "");

        private static string Summary(SystemEntry system)
        {
            string estimated = system.IsEstimated ? " (estimated)" : "";
            string scaleOut = system.ScaleOut is { } network ? "; " + Describe(network) : "";
            return CodeWriter.Xml($"{system.Name}{estimated}: {system.GpusPerNode} x {system.GpuId} per node; {Describe(system.ScaleUp)}{scaleOut}") + ".";
        }

        private static string TypeDoc(SystemEntry system)
        {
            var lines = new List<string>
            {
                $"<summary>{CodeWriter.Xml(system.Name)} (<c>{CodeWriter.Xml(system.Id)}</c>): {CodeWriter.Xml(system.Vendor)}, {system.GpusPerNode} x <c>{CodeWriter.Xml(system.GpuId)}</c> per node.</summary>",
                "<remarks>",
            };
            if (system.IsEstimated) lines.Add("<para><b>Estimated:</b> these figures are not official.</para>");
            lines.Add($"<para>Scale-up: {CodeWriter.Xml(Describe(system.ScaleUp))}.{CodeWriter.Provenance(system.ValueSources, "scaleUp.bandwidth")}</para>");
            if (system.ScaleOut is { } scaleOut)
            {
                lines.Add($"<para>Scale-out: {CodeWriter.Xml(Describe(scaleOut))}.{CodeWriter.Provenance(system.ValueSources, "scaleOut.bandwidth")}</para>");
            }

            if (system.Extends is not null) lines.Add($"<para>Extends <c>{CodeWriter.Xml(system.Extends)}</c>.</para>");
            CodeWriter.NotesAndSources(lines, system.Notes, system.Sources);
            lines.Add("</remarks>");
            return string.Join("\n", lines);
        }
    }
}
