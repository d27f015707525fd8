using HardwareCatalog.Generators.Model;
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

            int gpus = PlanFields.AtLeastOne(fields, "gpus");
            int tensor = PlanFields.AtLeastOne(fields, "tensor");
            int pipeline = PlanFields.AtLeastOne(fields, "pipeline");
            int virtualStages = PlanFields.AtLeastOne(fields, "virtualStages");
            int data = PlanFields.AtLeastOne(fields, "data");
            int expert = PlanFields.AtLeastOne(fields, "expert");
            int context = PlanFields.AtLeastOne(fields, "context");
            int microBatch = PlanFields.AtLeastOne(fields, "microBatch");
            int globalBatch = PlanFields.AtLeastOne(fields, "globalBatch");
            int sequenceLength = PlanFields.AtLeastOne(fields, "sequenceLength");

            // Bounds every product of parallel sizes the plan model forms in 32-bit integers (t·p·c·d GPUs, p·v chunks, e·t·c
            // ranks): a hostile file must get a diagnostic, never an overflow.
            long product = (long)tensor * pipeline * virtualStages * context * data;
            if (product > int.MaxValue)
            {
                fields.Fail(DiagnosticDescriptors.InconsistentPlan, fields.LocationOf("gpus"), entry.Id,
                    PlanFields.Invariant($"tensor × pipeline × virtual stages × context × data is {product:N0}, more than a plan can have ({int.MaxValue:N0})"));
            }

            if (virtualStages > 1 && pipeline == 1)
            {
                fields.Fail(DiagnosticDescriptors.InconsistentPlan, fields.LocationOf("virtualStages"), entry.Id,
                    PlanFields.Invariant($"{virtualStages} virtual stages (the interleaved schedule) need pipeline parallelism above 1"));
            }

            if (expert > 0 && data > 0 && data % expert != 0)
            {
                fields.Fail(DiagnosticDescriptors.InconsistentPlan, fields.LocationOf("expert"), entry.Id,
                    PlanFields.Invariant($"expert parallelism runs inside data parallelism, so it must divide it: {expert} does not divide {data}"));
            }

            string? recipe = PlanFields.OneOf(fields, "recipe", CatalogSchema.Recipes, "one of " + string.Join(", ", CatalogSchema.Recipes));
            string? stateLayout = PlanFields.OneOf(fields, "stateLayout", CatalogSchema.StateLayouts, "one of " + string.Join(", ", CatalogSchema.StateLayouts));
            string recomputation = PlanFields.OneOf(fields, "recomputation", CatalogSchema.Recomputations, "none, selective or full") ?? "none";
            string storage = PlanFields.OneOf(fields, "activationStorage", CatalogSchema.ActivationStorages, "korthikanti or deepseek-v3") ?? "korthikanti";

            int zero = fields.Integer("zero") ?? 0;
            if (zero > 3)
            {
                fields.Fail(DiagnosticDescriptors.InconsistentPlan, fields.LocationOf("zero"), entry.Id,
                    PlanFields.Invariant($"'zero' is the ZeRO stage, 0 to 3 (1: optimizer states, 2: and gradients, 3: and parameters), not {zero}"));
            }

            double? computeEfficiency = PlanFields.Efficiency(fields, "computeEfficiency");
            double networkEfficiency = PlanFields.Efficiency(fields, "networkEfficiency") ?? 1.0;

            if (!fields.Ok || recipe is null)
            {
                return null;
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
                Keys: PlanFields.Keys(fields),
                EntryLocation: PlanFields.EntryLocation(entry));
        }
    }
}
