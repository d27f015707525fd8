extern alias catalogs;

using System;
using System.Collections.Generic;
using System.Linq;
using HardwareCatalog.Units;
using G = catalogs::HardwareCatalog.Generators.Model;
using Layout = catalogs::HardwareCatalog.AcceleratorLayout;
using LinkTable = catalogs::HardwareCatalog.LinkTable;
using ModelSlots = catalogs::HardwareCatalog.ModelLayout;
using Schema = catalogs::HardwareCatalog.Generators.Schema.CatalogSchema;

namespace HardwareCatalog.Cli.Catalogs
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
        private static string[]? ValueSources(catalogs::HardwareCatalog.Generators.Model.EquatableArray<G.ValueSource> sources)
            => sources.Count == 0 ? null : sources.SelectMany(s => new[] { s.Path, s.Url ?? "", s.IsSecondary ? "secondary" : "" }).ToArray();

        private static double[] Slots(int length)
        {
            var values = new double[length];
            for (int i = 0; i < values.Length; i++) values[i] = double.NaN;
            return values;
        }

        /// <summary>The runtime objects of every given entry that is not built in, with references to built-in entries resolved through <paramref name="builtIn"/>.</summary>
        public static RuntimeCatalog WithUserEntries(RuntimeCatalog builtIn, IEnumerable<G.GpuEntry> gpus, IEnumerable<G.ModelEntry> models, IEnumerable<G.SystemEntry> systems)
        {
            List<Accelerator> userGpus = gpus.Where(g => !g.IsBuiltIn).Select(Gpu).ToList();
            var allGpus = builtIn.GpuList.Concat(userGpus).ToList();
            Accelerator? FindGpu(string id) => allGpus.FirstOrDefault(g => g.Id == id);
            List<ModelSpec> userModels = models.Where(m => !m.IsBuiltIn).Select(m => Model(m, FindGpu)).ToList();
            List<AcceleratorSystem> userSystems = systems.Where(s => !s.IsBuiltIn)
                .Select(s => System(s, FindGpu(s.GpuId) ?? throw new InvalidOperationException($"system '{s.Id}': GPU '{s.GpuId}' is not in the catalog")))
                .ToList();
            return new RuntimeCatalog(allGpus, builtIn.ModelList.Concat(userModels).ToList(), builtIn.SystemList.Concat(userSystems).ToList());
        }
    }
}
