using System;
using System.Collections.Generic;
using System.Globalization;
using HardwareCatalog.Generators.Model;
using HardwareCatalog.Generators.Parsing;
using HardwareCatalog.Generators.Schema;

namespace HardwareCatalog.Generators.Building
{
    /// <summary>
    /// Builds a training plan entry: its values one by one, with their defaults, and the rules the runtime's constructors
    /// enforce (a size of at least 1, virtual stages only with a pipeline, expert parallelism inside data parallelism,
    /// efficiencies in (0, 1]), so that an emitted plan never throws when it is created. Whether the plan fits its model
    /// and system is decided later, once both are known.
    /// </summary>
    internal static class TrainingBuilder
    {
        public static TrainingEntry? Build(EntryFields fields, string identifier)
        {
            ParsedEntry entry = fields.Entry;

            // A value written but rejected (reported where it was written) would otherwise take its default here, and the
            // plan's checks would then report a plan the file does not describe.
            if (entry.InvalidPaths.Count > 0) return null;

            int gpus = AtLeastOne(fields, "gpus");
            int tensor = AtLeastOne(fields, "tensor");
            int pipeline = AtLeastOne(fields, "pipeline");
            int virtualStages = AtLeastOne(fields, "virtualStages");
            int data = AtLeastOne(fields, "data");
            int expert = AtLeastOne(fields, "expert");
            int context = AtLeastOne(fields, "context");
            int microBatch = AtLeastOne(fields, "microBatch");
            int globalBatch = AtLeastOne(fields, "globalBatch");
            int sequenceLength = AtLeastOne(fields, "sequenceLength");

            // Bounds every product of parallel sizes the plan model forms in 32-bit integers (t·p·c·d GPUs, p·v chunks, e·t·c
            // ranks): a hostile file must get a diagnostic, never an overflow.
            long product = (long)tensor * pipeline * virtualStages * context * data;
            if (product > int.MaxValue)
            {
                fields.Fail(DiagnosticDescriptors.InconsistentPlan, fields.LocationOf("gpus"), entry.Id,
                    Invariant($"tensor × pipeline × virtual stages × context × data is {product:N0}, more than a plan can have ({int.MaxValue:N0})"));
            }

            if (virtualStages > 1 && pipeline == 1)
            {
                fields.Fail(DiagnosticDescriptors.InconsistentPlan, fields.LocationOf("virtualStages"), entry.Id,
                    Invariant($"{virtualStages} virtual stages (the interleaved schedule) need pipeline parallelism above 1"));
            }

            if (expert > 0 && data > 0 && data % expert != 0)
            {
                fields.Fail(DiagnosticDescriptors.InconsistentPlan, fields.LocationOf("expert"), entry.Id,
                    Invariant($"expert parallelism runs inside data parallelism, so it must divide it: {expert} does not divide {data}"));
            }

            string? recipe = OneOf(fields, "recipe", CatalogSchema.Recipes, "one of " + string.Join(", ", CatalogSchema.Recipes));
            string? stateLayout = OneOf(fields, "stateLayout", CatalogSchema.StateLayouts, "one of " + string.Join(", ", CatalogSchema.StateLayouts));
            string recomputation = OneOf(fields, "recomputation", CatalogSchema.Recomputations, "none, selective or full") ?? "none";
            string storage = OneOf(fields, "activationStorage", CatalogSchema.ActivationStorages, "korthikanti or deepseek-v3") ?? "korthikanti";

            int zero = fields.Integer("zero") ?? 0;
            if (zero > 3)
            {
                fields.Fail(DiagnosticDescriptors.InconsistentPlan, fields.LocationOf("zero"), entry.Id,
                    Invariant($"'zero' is the ZeRO stage, 0 to 3 (1: optimizer states, 2: and gradients, 3: and parameters), not {zero}"));
            }

            double? computeEfficiency = Efficiency(fields, "computeEfficiency");
            double networkEfficiency = Efficiency(fields, "networkEfficiency") ?? 1.0;

            if (!fields.Ok || recipe is null)
            {
                return null;
            }

            var keys = new List<KeyLocation>();
            foreach (ParsedField field in fields.All)
            {
                keys.Add(new KeyLocation(field.Path, field.Location));
            }

            return new TrainingEntry(
                Id: entry.Id,
                Identifier: identifier,
                Name: fields.Text("name") ?? entry.Id,
                ModelId: fields.Text("model")!,
                SystemId: fields.Text("system")!,
                Gpus: gpus,
                Tensor: tensor,
                Pipeline: pipeline,
                VirtualStages: virtualStages,
                Data: data,
                Expert: expert,
                Context: context,
                SequenceParallel: fields.Flag("sequenceParallel"),
                MicroBatch: microBatch,
                GlobalBatch: globalBatch,
                SequenceLength: sequenceLength,
                Recipe: recipe,
                StateLayout: stateLayout,
                Zero: zero,
                Recomputation: recomputation,
                ActivationStorage: storage,
                ComputeEfficiency: computeEfficiency,
                NetworkEfficiency: networkEfficiency,
                OverlapDataParallel: fields.Field("overlapDataParallel") is not { Number: 0 },
                Notes: fields.Text("notes"),
                Sources: fields.Field("sources")?.Items ?? EquatableArray<string>.Empty,
                IsBuiltIn: entry.IsBuiltIn,
                Keys: keys.ToEquatableArray(),
                EntryLocation: entry.Get("id")?.Location ?? entry.EntryLocation);
        }

        /// <summary>A size, count or batch: 1 when the plan leaves it out, and never 0.</summary>
        private static int AtLeastOne(EntryFields fields, string key)
        {
            int? value = fields.Integer(key);
            if (value is 0)
            {
                fields.Fail(DiagnosticDescriptors.InconsistentPlan, fields.LocationOf(key), fields.Entry.Id, $"'{key}' must be at least 1");
            }

            return value ?? 1;
        }

        private static string? OneOf(EntryFields fields, string key, string[] allowed, string expected)
        {
            ParsedField? field = fields.Field(key);
            if (field is null) return null;
            if (Array.IndexOf(allowed, field.Text) >= 0) return field.Text;
            fields.Fail(DiagnosticDescriptors.WrongShape, field.Location, key, expected, $"'{field.Text}'{Suggestions.DidYouMean(field.Text, allowed)}");
            return null;
        }

        private static double? Efficiency(EntryFields fields, string key)
        {
            ParsedField? field = fields.Field(key);
            if (field is null) return null;
            if (field.Number > 0 && field.Number <= 1) return field.Number;
            fields.Fail(DiagnosticDescriptors.InconsistentPlan, field.Location, fields.Entry.Id,
                $"'{key}' is a share of a peak, more than 0 and at most 1, not {field.Text}");
            return null;
        }

        private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
    }
}
