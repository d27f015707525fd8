using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using System.Threading;
using HardwareCatalog.Cli.Output;
using Spectre.Console.Cli;

namespace HardwareCatalog.Cli.Commands
{
    public sealed class ShowSettings : FormatSettings
    {
        [CommandArgument(0, "<ID>")]
        [Description("A GPU, model or system id, e.g. h100-sxm, deepseek-v3, dgx-h100.")]
        public string Id { get; set; } = "";
    }

    /// <summary><c>hwcat show ID</c>: every value of one entry with its unit and source; secondary values marked †.</summary>
    public sealed class ShowCommand : Command<ShowSettings>
    {
        private readonly CliOutput _output;

        public ShowCommand(CliOutput output) => _output = output;

        public override int Execute(CommandContext context, ShowSettings settings, CancellationToken cancellationToken)
        {
            Entry entry = EntryValues.Find(settings.Id);
            var report = new Report();
            report.Record("entry", entry.Name, ("kind", "Kind", Field.Of(entry.Kind)), ("id", "Id", Field.Of(entry.Id)), ("name", "Name", Field.Of(entry.Name)));
            bool human = settings.Format is OutputFormat.Table or OutputFormat.Markdown;
            Section values = report.Table("values", "Values (\u2020: from a secondary source; no source: the entry's sources)",
                ("key", "Key"), ("label", "Field"), ("value", "Value"), ("source", "Source"), ("secondary", "Secondary")).WithUnits("value");
            foreach (EntryValue value in entry.Values)
            {
                Field shown = human && value.IsSecondary ? value.Value.WithDisplay(value.Value.Display + " \u2020") : value.Value;
                values.Add(Field.Of(value.Key), Field.Of(value.Label), shown, Field.Of(value.Source), Field.Of(value.IsSecondary));
            }

            Section sources = report.Table("sources", "Sources", ("url", "URL"));
            foreach (string source in entry.Sources) sources.Add(Field.Of(source));
            Renderer.Write(report, settings.Format, _output);
            return 0;
        }
    }

    public sealed class CompareSettings : FormatSettings
    {
        [CommandArgument(0, "<ID>")]
        [Description("Two or more ids of the same kind (GPUs, models or systems).")]
        public string[] Ids { get; set; } = Array.Empty<string>();

        public override Spectre.Console.ValidationResult Validate()
            => Ids.Length < 2 ? Spectre.Console.ValidationResult.Error("compare needs at least two ids") : base.Validate();
    }

    /// <summary><c>hwcat compare ID ID…</c>: the entries' values side by side, one column per entry.</summary>
    public sealed class CompareCommand : Command<CompareSettings>
    {
        private readonly CliOutput _output;

        public CompareCommand(CliOutput output) => _output = output;

        public override int Execute(CommandContext context, CompareSettings settings, CancellationToken cancellationToken)
        {
            List<Entry> entries = settings.Ids.Select(EntryValues.Find).ToList();
            if (entries.Select(e => e.Kind).Distinct().Count() > 1)
            {
                throw new CliException("compare takes entries of one kind: " + string.Join(", ", entries.Select(e => $"'{e.Id}' is a {e.Kind}")));
            }

            if (entries.Select(e => e.Id).Distinct().Count() < entries.Count) throw new CliException("compare takes each id once");

            // Rows: every key any entry has, in the order the entries give them; usable memory as a share of memory for GPUs.
            var keys = new List<(string Key, string Label)>();
            foreach (EntryValue value in entries.SelectMany(e => e.Values))
            {
                if (!keys.Any(k => k.Key == value.Key)) keys.Add((value.Key, value.Label));
            }

            var report = new Report();
            Section list = report.Table("entries", "", ("kind", "Kind"), ("id", "Id"), ("name", "Name"));
            foreach (Entry entry in entries) list.Add(Field.Of(entry.Kind), Field.Of(entry.Id), Field.Of(entry.Name));

            (string, string)[] columns = new[] { ("key", "Key"), ("label", "Field") }.Concat(entries.Select(e => (e.Id, e.Id))).ToArray();
            Section values = report.Table("values", "Side by side (\u2020: from a secondary source)", columns).WithUnits(entries.Select(e => e.Id).ToArray());
            bool human = settings.Format is OutputFormat.Table or OutputFormat.Markdown;
            foreach ((string key, string label) in keys)
            {
                var row = new List<Field> { Field.Of(key), Field.Of(label) };
                foreach (Entry entry in entries)
                {
                    EntryValue? value = entry.Values.FirstOrDefault(v => v.Key == key);
                    row.Add(value is null ? Field.Empty : human && value.IsSecondary ? value.Value.WithDisplay(value.Value.Display + " \u2020") : value.Value);
                }

                values.Add(row.ToArray());
            }

            if (entries[0].Kind == "gpu")
            {
                var row = new List<Field> { Field.Of("usableMemoryShare"), Field.Of("Usable / nominal memory") };
                foreach (Entry entry in entries)
                {
                    Accelerator gpu = CatalogLookup.Gpu(entry.Id);
                    row.Add(gpu.UsableMemory is { } usable && gpu.Memory is { } memory ? Field.Ratio(usable.Bytes / memory.Bytes) : Field.Empty);
                }

                values.Add(row.ToArray());
            }

            Renderer.Write(report, settings.Format, _output);
            return 0;
        }
    }
}
