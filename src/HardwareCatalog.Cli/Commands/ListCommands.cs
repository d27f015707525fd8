using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using System.Threading;
using HardwareCatalog.Cli.Catalogs;
using HardwareCatalog.Cli.Output;
using Spectre.Console.Cli;

namespace HardwareCatalog.Cli.Commands
{
    /// <summary>Sorting of a list: by any of its column keys.</summary>
    public class ListSettings : FormatSettings
    {
        [CommandOption("-s|--sort <COLUMN>")]
        [Description("Sort by this column's key (as in the JSON output), e.g. memory, dense.bf16, parameters.")]
        public string Sort { get; set; } = "id";

        [CommandOption("--descending")]
        [Description("Sort from the largest value down.")]
        public bool Descending { get; set; }
    }

    /// <summary>Builds a sorted list section from rows of fields.</summary>
    public static class ListReport
    {
        public static Report Build(string name, string title, (string Key, string Header)[] columns, IEnumerable<Field[]> rows, ListSettings settings, params string[] quantities)
        {
            int sortColumn = Array.FindIndex(columns, c => string.Equals(c.Key, settings.Sort, StringComparison.OrdinalIgnoreCase));
            if (sortColumn < 0) throw CatalogLookup.Unknown("sort column", settings.Sort, columns.Select(c => c.Key));

            // Empty values sort last in either direction; numbers by value, text ordinally.
            List<Field[]> present = rows.Where(r => r[sortColumn].Kind != FieldKind.Empty).ToList();
            IEnumerable<Field[]> sorted = present.Any(r => r[sortColumn].Kind is FieldKind.Quantity or FieldKind.Number)
                ? present.OrderBy(r => r[sortColumn].Number)
                : present.OrderBy(r => r[sortColumn].Display, StringComparer.OrdinalIgnoreCase);
            if (settings.Descending) sorted = sorted.Reverse();

            var report = new Report();
            Section section = report.Table(name, title, columns).WithUnits(quantities);
            foreach (Field[] row in sorted.Concat(rows.Where(r => r[sortColumn].Kind == FieldKind.Empty))) section.Add(row);
            return report;
        }
    }

    public sealed class GpusSettings : ListSettings
    {
        [CommandOption("--vendor <VENDOR>")]
        [Description("Only this vendor's GPUs (case-insensitive), e.g. NVIDIA, AMD.")]
        public string? Vendor { get; set; }

        [CommandOption("--architecture <ARCHITECTURE>")]
        [Description("Only this architecture, e.g. Hopper.")]
        public string? Architecture { get; set; }

        [CommandOption("--supports <PRECISION>")]
        [Description("Only GPUs with a dense peak in this precision (repeatable): fp64 fp64Tensor fp32 tf32 bf16 fp16 fp8 fp6 fp4 int8 int4.")]
        public string[] Supports { get; set; } = Array.Empty<string>();

        [CommandOption("--min-memory <SIZE>")]
        [Description("Only GPUs with at least this much memory, e.g. 80GiB.")]
        public string? MinMemory { get; set; }
    }

    /// <summary><c>hwcat gpus</c>: the accelerators of the catalog, filtered and sorted.</summary>
    public sealed class GpusCommand : Command<GpusSettings>
    {
        private readonly CliOutput _output;

        public GpusCommand(CliOutput output) => _output = output;

        public override int Execute(CommandContext context, GpusSettings settings, CancellationToken cancellationToken)
        {
            Precision[] supports = settings.Supports.Select(s => OptionText.Precision(s, "--supports")).ToArray();
            double? minMemory = settings.MinMemory is null ? null : OptionText.Size(settings.MinMemory, "--min-memory").Bytes;
            IEnumerable<Accelerator> gpus = RuntimeCatalog.Current.Gpus
                .Where(g => settings.Vendor is null || string.Equals(g.Vendor, settings.Vendor, StringComparison.OrdinalIgnoreCase))
                .Where(g => settings.Architecture is null || string.Equals(g.Architecture, settings.Architecture, StringComparison.OrdinalIgnoreCase))
                .Where(g => supports.All(g.Supports))
                .Where(g => minMemory is null || g.Memory?.Bytes >= minMemory);

            (string, string)[] columns =
            {
                ("id", "Id"), ("name", "Name"), ("vendor", "Vendor"), ("architecture", "Architecture"), ("released", "Released"),
                ("memory", "Memory"), ("usableMemory", "Usable"), ("memoryBandwidth", "Bandwidth"),
                ("dense.bf16", "BF16 dense"), ("dense.fp8", "FP8 dense"), ("dense.fp4", "FP4 dense"), ("tdp", "TDP"),
            };
            Field Peak(Accelerator g, Precision p) => g.TryGetPeak(p, out var rate) ? Field.Of(rate) : Field.Empty;
            IEnumerable<Field[]> rows = gpus.Select(g => new[]
            {
                Field.Of(g.Id), Field.Of(g.Name), Field.Of(g.Vendor), Field.Of(g.Architecture), Field.Year(g.Released),
                Field.Of(g.Memory), Field.Of(g.UsableMemory), Field.Of(g.MemoryBandwidth),
                Peak(g, Precision.Bf16), Peak(g, Precision.Fp8), Peak(g, Precision.Fp4), Field.Of(g.Tdp),
            });
            Renderer.Write(ListReport.Build("gpus", "GPUs", columns, rows.ToList(), settings,
                "memory", "usableMemory", "memoryBandwidth", "dense.bf16", "dense.fp8", "dense.fp4", "tdp"), settings.Format, _output);
            return 0;
        }
    }

    public sealed class ModelsSettings : ListSettings
    {
        [CommandOption("--developer <DEVELOPER>")]
        [Description("Only this developer's models (case-insensitive), e.g. Meta, DeepSeek.")]
        public string? Developer { get; set; }

        [CommandOption("--moe")]
        [Description("Only mixture-of-experts models.")]
        public bool Moe { get; set; }

        [CommandOption("--dense")]
        [Description("Only dense (not mixture-of-experts) models.")]
        public bool Dense { get; set; }

        [CommandOption("--min-params <COUNT>")]
        [Description("Only models with at least this many parameters in total, e.g. 70B.")]
        public string? MinParams { get; set; }

        [CommandOption("--max-params <COUNT>")]
        [Description("Only models with at most this many parameters in total.")]
        public string? MaxParams { get; set; }
    }

    /// <summary><c>hwcat models</c>: the models of the catalog, filtered and sorted.</summary>
    public sealed class ModelsCommand : Command<ModelsSettings>
    {
        private readonly CliOutput _output;

        public ModelsCommand(CliOutput output) => _output = output;

        public override int Execute(CommandContext context, ModelsSettings settings, CancellationToken cancellationToken)
        {
            if (settings.Moe && settings.Dense) throw new CliException("--moe and --dense exclude each other");
            double? min = settings.MinParams is null ? null : OptionText.ParameterCount(settings.MinParams, "--min-params").Count;
            double? max = settings.MaxParams is null ? null : OptionText.ParameterCount(settings.MaxParams, "--max-params").Count;
            IEnumerable<ModelSpec> models = RuntimeCatalog.Current.Models
                .Where(m => settings.Developer is null || string.Equals(m.Developer, settings.Developer, StringComparison.OrdinalIgnoreCase))
                .Where(m => !settings.Moe || m.Moe is not null)
                .Where(m => !settings.Dense || m.Moe is null)
                .Where(m => min is null || m.TotalParameters.Count >= min)
                .Where(m => max is null || m.TotalParameters.Count <= max);

            (string, string)[] columns =
            {
                ("id", "Id"), ("name", "Name"), ("developer", "Developer"), ("released", "Released"), ("parameters", "Parameters"),
                ("activeParameters", "Active"), ("layers", "Layers"), ("hiddenSize", "Hidden"), ("contextWindow", "Context"),
                ("attention", "Attention"), ("routedExperts", "Experts"), ("activeExperts", "Active experts"), ("estimated", "Estimated"),
            };
            IEnumerable<Field[]> rows = models.Select(m => new[]
            {
                Field.Of(m.Id), Field.Of(m.Name), Field.Of(m.Developer), Field.Year(m.Released), Field.Of(m.TotalParameters),
                Field.Of(m.ActiveParameters), Field.Of(m.Layers), Field.Of(m.HiddenSize), Field.Of(m.ContextWindow),
                Field.Of(m.Attention?.Kind.ToString().ToLowerInvariant()), Field.Of(m.Moe?.RoutedExperts), Field.Of(m.Moe?.ActiveExperts), Field.Of(m.IsEstimated),
            });
            Renderer.Write(ListReport.Build("models", "Models", columns, rows.ToList(), settings, "parameters", "activeParameters"), settings.Format, _output);
            return 0;
        }
    }

    public sealed class SystemsSettings : ListSettings
    {
        [CommandOption("--vendor <VENDOR>")]
        [Description("Only this vendor's systems (case-insensitive).")]
        public string? Vendor { get; set; }

        [CommandOption("--gpu <ID>")]
        [Description("Only systems of this GPU.")]
        public string? Gpu { get; set; }
    }

    /// <summary><c>hwcat systems</c>: the systems (nodes, racks, pods) of the catalog.</summary>
    public sealed class SystemsCommand : Command<SystemsSettings>
    {
        private readonly CliOutput _output;

        public SystemsCommand(CliOutput output) => _output = output;

        public override int Execute(CommandContext context, SystemsSettings settings, CancellationToken cancellationToken)
        {
            string? gpu = settings.Gpu is null ? null : CatalogLookup.Gpu(settings.Gpu).Id;
            IEnumerable<AcceleratorSystem> systems = RuntimeCatalog.Current.Systems
                .Where(s => settings.Vendor is null || string.Equals(s.Vendor, settings.Vendor, StringComparison.OrdinalIgnoreCase))
                .Where(s => gpu is null || s.Gpu.Id == gpu);

            (string, string)[] columns =
            {
                ("id", "Id"), ("name", "Name"), ("vendor", "Vendor"), ("gpu", "GPU"), ("gpusPerNode", "GPUs per node"),
                ("scaleUp.link", "Scale-up"), ("scaleUp.bandwidth", "Scale-up bandwidth"), ("scaleUp.domain", "Domain"),
                ("scaleOut.link", "Scale-out"), ("scaleOut.bandwidth", "Scale-out bandwidth"),
            };
            IEnumerable<Field[]> rows = systems.Select(s => new[]
            {
                Field.Of(s.Id), Field.Of(s.Name), Field.Of(s.Vendor), Field.Of(s.Gpu.Id), Field.Of(s.GpusPerNode),
                Field.Of(s.ScaleUp.Link), Field.Of(s.ScaleUp.Bandwidth), Field.Of(s.ScaleUpDomain),
                Field.Of(s.ScaleOut?.Link), Field.Of(s.ScaleOut?.Bandwidth),
            });
            Renderer.Write(ListReport.Build("systems", "Systems", columns, rows.ToList(), settings, "scaleUp.bandwidth", "scaleOut.bandwidth"), settings.Format, _output);
            return 0;
        }
    }
}
