using System;
using System.Collections.Generic;
using System.Linq;
using HardwareCatalog.Planning;
using HardwareCatalog.Units;
using G = HardwareCatalog.Generators.Model;
using Layout = HardwareCatalog.AcceleratorLayout;
using ModelSlots = HardwareCatalog.ModelLayout;
using PrecisionRows = HardwareCatalog.PrecisionTable;
using Recipes = HardwareCatalog.Generators.Building.TrainingRecipes;
using Schema = HardwareCatalog.Generators.Schema.CatalogSchema;

namespace HardwareCatalog.Catalogs
{
    /// <summary>
    /// The runtime objects of resolved catalog entries, built with the runtime's public factories from the same slots
    /// the generator's emitters write into the generated code (AcceleratorLayout, ModelLayout): the run-time twin of
    /// <c>Accelerator.Create(…)</c>, <c>ModelSpec.Create(…)</c> and <c>AcceleratorSystem.Create(…)</c> in the generated index classes.
    /// </summary>
    internal static class CatalogMapping
    {
        public static Accelerator Gpu(G.GpuEntry entry)
        {
            double[] values = Slots(Layout.Length);
            if (entry.Memory is { } memory) values[Layout.Memory] = memory.Value;
            if (entry.MemoryBandwidth is { } bandwidth) values[Layout.MemoryBandwidth] = bandwidth.Value;
            if (entry.Tdp is { } tdp) values[Layout.Tdp] = tdp.Value;
            if (entry.Released is { } year) values[Layout.Released] = year;
            if (entry.UsableMemory is { } usable) values[Layout.UsableMemory] = usable.Value;
            if (entry.MeasuredMemoryBandwidth is { } achieved) values[Layout.MeasuredMemoryBandwidth] = achieved.Value;
            foreach (G.Link link in entry.Interconnect) values[Layout.Links + Array.IndexOf(LinkTable.Keys, link.Key)] = link.Bandwidth.Value;
            foreach (G.Peak peak in entry.Dense) values[Layout.Dense + peak.Precision] = peak.FlopsPerSecond;
            foreach (G.Peak peak in entry.Sparse) values[Layout.Sparse + peak.Precision] = peak.FlopsPerSecond;
            foreach (G.Peak rate in entry.Measured) values[Layout.Measured + rate.Precision] = rate.FlopsPerSecond;
            return Accelerator.Create(entry.Id, entry.Name, entry.Vendor, entry.Architecture, entry.FormFactor, entry.Notes, entry.Sources.ToArray(), entry.IsEstimated, values,
                entry.MeasurementStack, entry.MeasurementSource, ValueSources(entry.ValueSources));
        }

        /// <param name="entry">A resolved model entry.</param>
        /// <param name="gpu">Finds the accelerator a model's training run names (the catalog's, built-in or not).</param>
        public static ModelSpec Model(G.ModelEntry entry, Func<string, Accelerator?> gpu)
        {
            double[] values = Slots(ModelSlots.Length);
            values[ModelSlots.TotalParameters] = entry.Parameters.Value;
            if (entry.ActiveParameters is { } active) values[ModelSlots.ActiveParameters] = active.Value;
            Set(ModelSlots.Released, entry.Released);
            Set(ModelSlots.Layers, entry.Layers);
            Set(ModelSlots.HiddenSize, entry.HiddenSize);
            Set(ModelSlots.VocabularySize, entry.VocabularySize);
            Set(ModelSlots.ContextWindow, entry.ContextWindow);
            if (entry.Attention is { } attention)
            {
                Set(ModelSlots.AttentionKind, Array.IndexOf(Schema.AttentionKinds, attention.Kind));
                Set(ModelSlots.Heads, attention.Heads);
                Set(ModelSlots.HeadDim, attention.HeadDim);
                Set(ModelSlots.KvHeads, attention.KvHeads);
                Set(ModelSlots.KvLoraRank, attention.KvLoraRank);
                Set(ModelSlots.RopeHeadDim, attention.RopeHeadDim);
                Set(ModelSlots.QLoraRank, attention.QLoraRank);
                Set(ModelSlots.VHeadDim, attention.VHeadDim);
                Set(ModelSlots.SlidingWindow, attention.SlidingWindow);
                Set(ModelSlots.LocalLayers, attention.LocalLayers);
                Set(ModelSlots.GlobalLayers, attention.GlobalLayers);
            }

            Set(ModelSlots.FfnHiddenSize, entry.FfnHiddenSize);
            if (entry.Activation is { } activation) Set(ModelSlots.Activation, Array.IndexOf(Schema.Activations, activation));
            if (entry.TiedEmbeddings is { } tied) Set(ModelSlots.TiedEmbeddings, tied ? 1 : 0);
            if (entry.Moe is { } moe)
            {
                Set(ModelSlots.RoutedExperts, moe.RoutedExperts);
                Set(ModelSlots.ActiveExperts, moe.ActiveExperts);
                Set(ModelSlots.SharedExperts, moe.SharedExperts);
                Set(ModelSlots.ExpertFfnHiddenSize, moe.ExpertFfnHiddenSize);
                Set(ModelSlots.DenseLayers, moe.DenseLayers);
                Set(ModelSlots.LayerInterval, moe.LayerInterval);
            }

            void Set(int slot, int? value)
            {
                if (value is { } v) values[slot] = v;
            }

            return ModelSpec.Create(entry.Id, entry.Name, entry.Developer, entry.Notes, entry.Sources.ToArray(), entry.IsEstimated, values, Training(entry.Training, gpu));
        }

        public static AcceleratorSystem System(G.SystemEntry entry, Accelerator gpu)
            => AcceleratorSystem.Create(entry.Id, entry.Name, entry.Vendor, gpu, entry.GpusPerNode, Fabric(entry.ScaleUp), entry.ScaleOut is { } scaleOut ? Fabric(scaleOut) : null,
                entry.Released, entry.Notes, entry.Sources.ToArray(), entry.IsEstimated, ValueSources(entry.ValueSources));

        /// <summary>The generator names the run's GPU only when the catalog has it (an identifier); otherwise the run has none.</summary>
        private static TrainingRun? Training(G.TrainingRun? training, Func<string, Accelerator?> gpu)
        {
            if (training is null) return null;
            double[] slots =
            {
                training.Tokens?.Value ?? double.NaN,
                training.GpuCount ?? double.NaN,
                training.GpuHours?.Value ?? double.NaN,
                training.Precision ?? double.NaN,
            };
            Accelerator? device = training.GpuId is { } id && training.GpuIdentifier is not null ? gpu(id) : null;
            return TrainingRun.Create(device, slots);
        }

        private static Fabric Fabric(G.FabricEntry fabric)
            => new(fabric.Link, Bandwidth.FromBytesPerSecond(fabric.Bandwidth.Value), fabric.Direction == "both" ? FabricDirection.Both : FabricDirection.Each, fabric.Domain);

        /// <summary>Each value source as three strings (path, URL, "secondary" or empty), or null when there is none.</summary>
        private static string[]? ValueSources(G.EquatableArray<G.ValueSource> sources)
            => sources.Count == 0 ? null : sources.SelectMany(s => new[] { s.Path, s.Url ?? "", s.IsSecondary ? "secondary" : "" }).ToArray();

        private static double[] Slots(int length)
        {
            var values = new double[length];
            for (int i = 0; i < values.Length; i++) values[i] = double.NaN;
            return values;
        }

        /// <summary>
        /// The built-in catalog with the entries a pipeline run resolved that are not built in, references to built-in
        /// entries resolved through it, and the run's plans.
        /// </summary>
        public static LoadedCatalog WithUserEntries(LoadedCatalog builtIn, CatalogCheckResult result)
        {
            List<Accelerator> userGpus = result.Gpus.Where(g => !g.IsBuiltIn).Select(Gpu).ToList();
            var allGpus = builtIn.Gpus.Concat(userGpus).ToList();
            Accelerator? FindGpu(string id) => allGpus.FirstOrDefault(g => g.Id == id);
            List<ModelSpec> userModels = result.Resolved.Models.Where(m => !m.IsBuiltIn).Select(m => Model(m, FindGpu)).ToList();
            List<AcceleratorSystem> userSystems = result.Resolved.Systems.Where(s => !s.IsBuiltIn)
                .Select(s => System(s, FindGpu(s.GpuId) ?? throw new InvalidOperationException($"system '{s.Id}': GPU '{s.GpuId}' is not in the catalog")))
                .ToList();
            var entries = new LoadedCatalog(allGpus, builtIn.Models.Concat(userModels).ToList(), builtIn.Systems.Concat(userSystems).ToList(),
                Array.Empty<TrainingPlan>(), Array.Empty<ServingPlan>(), result.Diagnostics);
            return new LoadedCatalog(entries.Gpus, entries.Models, entries.Systems,
                result.Resolved.Plans.Select(p => Training(p, entries)).ToList(), result.Resolved.ServingPlans.Select(p => Serving(p, entries)).ToList(), result.Diagnostics);
        }

        /// <summary>The runtime twin of the <c>TrainingPlans</c> member TrainingPlanEmitter writes for <paramref name="output"/>.</summary>
        public static TrainingPlan Training(G.TrainingPlanOutput output, LoadedCatalog catalog)
        {
            G.TrainingEntry plan = output.Plan;
            ModelSpec model = catalog.FindModel(plan.ModelId) ?? throw Missing("model", plan.ModelId);
            AcceleratorSystem system = catalog.FindSystem(plan.SystemId) ?? throw Missing("system", plan.SystemId);
            var layout = new ParallelLayout(tensor: plan.Tensor, pipeline: plan.Pipeline, data: plan.Data, expert: plan.Expert, virtualStages: plan.VirtualStages,
                sequenceParallel: plan.SequenceParallel, context: plan.Context);
            PrecisionRecipe recipe = Member<PrecisionRecipe>(Recipes.Recipe(plan.Recipe)!.RuntimeName);
            OptimizerStateLayout? stateLayout = plan.StateLayout is { } key ? Member<OptimizerStateLayout>(Recipes.StateLayout(key)!.RuntimeName) : null;
            var settings = new TrainingSettings(layout, microBatch: plan.MicroBatch, sequenceLength: plan.SequenceLength, globalBatch: plan.GlobalBatch, recipe: recipe,
                zero: (ZeroStage)plan.Zero, recomputation: (ActivationRecomputation)Enum.Parse(typeof(ActivationRecomputation), plan.Recomputation, ignoreCase: true),
                stateLayout: stateLayout, activationStorage: plan.ActivationStorage == "deepseek-v3" ? ActivationStorage.DeepSeekV3 : ActivationStorage.Korthikanti);
            Achieved<FlopRate>? perGpu = plan.ComputeEfficiency is double efficiency
                ? Achieved.FromEfficiency(system.Gpu.Peak(PrecisionAt(output.ComputePrecision)), efficiency)
                : null;
            return new TrainingPlan(model, system, plan.Gpus, settings, perGpu, networkEfficiency: plan.NetworkEfficiency, overlapDataParallel: plan.OverlapDataParallel, id: plan.Id);
        }

        /// <summary>The runtime twin of the <c>ServingPlans</c> member ServingPlanEmitter writes for <paramref name="output"/>.</summary>
        public static ServingPlan Serving(G.ServingPlanOutput output, LoadedCatalog catalog)
        {
            G.ServingEntry plan = output.Plan;
            ModelSpec model = catalog.FindModel(plan.ModelId) ?? throw Missing("model", plan.ModelId);
            AcceleratorSystem system = catalog.FindSystem(plan.SystemId) ?? throw Missing("system", plan.SystemId);
            var layout = new ServingLayout(tensor: plan.Tensor, pipeline: plan.Pipeline, expert: plan.Expert, replicas: plan.Replicas, redundantExperts: plan.RedundantExperts);
            var workload = new ServingWorkload(concurrency: plan.Concurrency, inputTokens: plan.InputTokens, outputTokens: plan.OutputTokens, prefixHitRate: plan.PrefixHitRate,
                draftTokens: plan.DraftTokens, acceptance: plan.Acceptance);
            Achieved<FlopRate>? compute = plan.ComputeEfficiency is double computeShare
                ? Achieved.FromEfficiency(system.Gpu.Peak(PrecisionAt(output.ComputePrecision)), computeShare)
                : null;

            // As the emitter: a share of a datasheet bandwidth the catalog does not give is no rate (HWC229).
            Achieved<Bandwidth>? bandwidth = plan.BandwidthEfficiency is double bandwidthShare && output.Bandwidth is not null
                ? Achieved.FromEfficiency(system.Gpu.MemoryBandwidth!.Value, bandwidthShare)
                : null;
            WeightFormat weights = WeightFormat.Find(plan.WeightFormat) ?? throw Missing("weight format", plan.WeightFormat);
            return new ServingPlan(model, system, plan.Gpus, layout, weights, PrecisionAt(plan.KvCache), workload, compute, bandwidth,
                networkEfficiency: plan.NetworkEfficiency, prefillChunk: plan.PrefillChunk, id: plan.Id);
        }

        /// <summary>The runtime's <c>Precision</c> at a row of the precision table, by the member name the emitter writes.</summary>
        private static Precision PrecisionAt(int row) => (Precision)Enum.Parse(typeof(Precision), PrecisionRows.Rows[row].MemberName);

        /// <summary>The runtime's static property the emitter writes for a table row (<c>PrecisionRecipe.Bf16Mixed</c>, …).</summary>
        private static T Member<T>(string name)
            => typeof(T).GetProperty(name, global::System.Reflection.BindingFlags.Public | global::System.Reflection.BindingFlags.Static)?.GetValue(null) is T value
                ? value
                : throw new InvalidOperationException($"{typeof(T).Name} has no member {name}");

        private static InvalidOperationException Missing(string what, string id) => new($"the resolved plan names {what} '{id}', which the catalog does not hold");
    }
}
