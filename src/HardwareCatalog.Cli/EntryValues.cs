using System;
using System.Collections.Generic;
using System.Linq;
using HardwareCatalog.Cli.Output;
using HardwareCatalog.Units;

namespace HardwareCatalog.Cli
{
    /// <summary>One value of a catalog entry: its catalog key, a label, the value, and where it comes from.</summary>
    /// <param name="Key">The key as the catalog file writes it (<c>dense.bf16</c>, <c>usableMemory</c>).</param>
    /// <param name="Source">The value's own source, when the entry gives one; otherwise the entry's sources apply.</param>
    /// <param name="IsSecondary">True when the value is taken from a secondary source (not the vendor's own document).</param>
    public sealed record EntryValue(string Key, string Label, Field Value, string? Source, bool IsSecondary);

    /// <summary>A catalog entry of any kind, as the values <c>show</c> and <c>compare</c> print.</summary>
    public sealed record Entry(string Kind, string Id, string Name, IReadOnlyList<EntryValue> Values, IReadOnlyList<string> Sources, string? Notes);

    /// <summary>Turns the runtime's typed entries into rows of values, with each value's source from the entry's value sources.</summary>
    public static class EntryValues
    {
        public static Entry Find(string id)
        {
            var catalog = Catalogs.RuntimeCatalog.Current;
            if (catalog.FindGpu(id) is { } gpu) return Of(gpu);
            if (catalog.FindModel(id) is { } model) return Of(model);
            if (catalog.FindSystem(id) is { } system) return Of(system);
            throw CatalogLookup.Unknown("id", id, CatalogLookup.AllIds);
        }

        public static Entry Of(Accelerator gpu)
        {
            var values = new List<EntryValue>();
            void Add(string key, string label, Field value, string? source = null)
            {
                if (value.Kind == FieldKind.Empty) return;
                ValueSource? own = gpu.SourceOf(key);
                values.Add(new EntryValue(key, label, value, own?.Url ?? source, own?.IsSecondary == true));
            }

            Add("name", "Name", Field.Of(gpu.Name));
            Add("vendor", "Vendor", Field.Of(gpu.Vendor));
            Add("architecture", "Architecture", Field.Of(gpu.Architecture));
            Add("released", "Released", Field.Year(gpu.Released));
            Add("formFactor", "Form factor", Field.Of(gpu.FormFactor));
            Add("memory", "Memory", Field.Of(gpu.Memory));
            Add("usableMemory", "Usable memory", Field.Of(gpu.UsableMemory));
            Add("memoryBandwidth", "Memory bandwidth", Field.Of(gpu.MemoryBandwidth));
            Add("tdp", "TDP", Field.Of(gpu.Tdp));
            Interconnect links = gpu.Interconnect;
            Add("interconnect.nvlink", "NVLink", Field.Of(links.NvLink));
            Add("interconnect.pcie", "PCIe", Field.Of(links.Pcie));
            Add("interconnect.infinityFabric", "Infinity Fabric", Field.Of(links.InfinityFabric));
            Add("interconnect.ici", "ICI", Field.Of(links.Ici));
            Add("interconnect.ethernet", "Ethernet", Field.Of(links.Ethernet));
            Add("interconnect.neuronLink", "NeuronLink", Field.Of(links.NeuronLink));
            foreach (Precision precision in gpu.SupportedPrecisions)
            {
                Add("dense." + precision.CatalogKey(), "Dense " + precision.DisplayName(), Field.Of(gpu.Peak(precision)));
            }

            foreach (Precision precision in gpu.SparsePrecisions)
            {
                Add("sparse." + precision.CatalogKey(), "Sparse " + precision.DisplayName(), Field.Of(gpu.PeakSparse(precision)));
            }

            foreach (Precision precision in gpu.MeasuredPrecisions)
            {
                Achieved<FlopRate> measured = gpu.MeasuredMatmul(precision)!.Value;
                Add("measured.matmul." + precision.CatalogKey(), "Measured matmul " + precision.DisplayName(), Field.Of(measured.Value), measured.Source);
            }

            if (gpu.MeasuredMemoryBandwidth is { } bandwidth) Add("measured.memoryBandwidth", "Measured memory bandwidth", Field.Of(bandwidth.Value), bandwidth.Source);
            Add("measured.stack", "Measured with", Field.Of(gpu.MeasurementStack));
            Add("estimated", "Estimated", Field.Of(gpu.IsEstimated));
            return new Entry("gpu", gpu.Id, gpu.Name, values, gpu.Sources, gpu.Notes);
        }

        /// <summary>A model's values. Model entries carry no per-value sources: the entry's sources apply to all of them.</summary>
        public static Entry Of(ModelSpec model)
        {
            var values = new List<EntryValue>();
            void Add(string key, string label, Field value)
            {
                if (value.Kind != FieldKind.Empty) values.Add(new EntryValue(key, label, value, null, false));
            }

            Add("name", "Name", Field.Of(model.Name));
            Add("developer", "Developer", Field.Of(model.Developer));
            Add("released", "Released", Field.Year(model.Released));
            Add("parameters", "Parameters", Field.Of(model.TotalParameters));
            Add("activeParameters", "Active parameters", Field.Of(model.ActiveParameters));
            Add("derivedParameters", "Parameters from the shape", Field.Of(model.DerivedParameters));
            Add("layers", "Layers", Field.Of(model.Layers));
            Add("hiddenSize", "Hidden size", Field.Of(model.HiddenSize));
            Add("ffnHiddenSize", "FFN hidden size", Field.Of(model.FfnHiddenSize));
            Add("vocabularySize", "Vocabulary", Field.Of(model.VocabularySize));
            Add("contextWindow", "Context window", Field.Of(model.ContextWindow));
            Add("activation", "Activation", Field.Of(model.Activation?.ToString()));
            if (model.Attention is { } attention)
            {
                Add("attention.kind", "Attention", Field.Of(attention.Kind.ToString().ToLowerInvariant()));
                Add("attention.heads", "Attention heads", Field.Of(attention.Heads));
                Add("attention.headDim", "Head dimension", Field.Of(attention.HeadDim));
                Add("attention.kvHeads", "KV heads", Field.Of(attention.KvHeads));
                Add("attention.kvLoraRank", "KV LoRA rank", Field.Of(attention.KvLoraRank));
                Add("attention.ropeHeadDim", "RoPE head dimension", Field.Of(attention.RopeHeadDim));
                Add("attention.slidingWindow", "Sliding window", Field.Of(attention.SlidingWindow));
            }

            if (model.Moe is { } moe)
            {
                Add("moe.routedExperts", "Routed experts", Field.Of(moe.RoutedExperts));
                Add("moe.activeExperts", "Active experts", Field.Of(moe.ActiveExperts));
                Add("moe.sharedExperts", "Shared experts", Field.Of(moe.SharedExperts));
            }

            if (model.Training is { } run)
            {
                if (run.Tokens is { } tokens) Add("training.tokens", "Training tokens", Field.Of(tokens));
                Add("training.gpu", "Training GPU", Field.Of(run.Gpu?.Id));
                Add("training.gpuCount", "Training GPUs", Field.Of(run.GpuCount));
                if (run.GpuHours is { } hours) Add("training.gpuHours", "Training GPU-hours", Field.Of(hours));
                Add("training.precision", "Training precision", Field.Of(run.Precision?.CatalogKey()));
            }

            Add("estimated", "Estimated", Field.Of(model.IsEstimated));
            return new Entry("model", model.Id, model.Name, values, model.Sources, model.Notes);
        }

        public static Entry Of(AcceleratorSystem system)
        {
            var values = new List<EntryValue>();
            void Add(string key, string label, Field value)
            {
                if (value.Kind == FieldKind.Empty) return;
                ValueSource? own = system.ValueSources.FirstOrDefault(s => string.Equals(s.Key, key, StringComparison.Ordinal));
                values.Add(new EntryValue(key, label, value, own?.Url, own?.IsSecondary == true));
            }

            Add("name", "Name", Field.Of(system.Name));
            Add("vendor", "Vendor", Field.Of(system.Vendor));
            Add("released", "Released", Field.Year(system.Released));
            Add("gpu", "GPU", Field.Of(system.Gpu.Id));
            Add("gpusPerNode", "GPUs per node", Field.Of(system.GpusPerNode));
            Add("scaleUp.link", "Scale-up link", Field.Of(system.ScaleUp.Link));
            Add("scaleUp.bandwidth", "Scale-up bandwidth", Field.Of(system.ScaleUp.Bandwidth));
            Add("scaleUp.direction", "Scale-up direction", Field.Of(system.ScaleUp.Direction.ToString().ToLowerInvariant()));
            Add("scaleUp.domain", "Scale-up domain", Field.Of(system.ScaleUpDomain));
            if (system.ScaleOut is { } scaleOut)
            {
                Add("scaleOut.link", "Scale-out link", Field.Of(scaleOut.Link));
                Add("scaleOut.bandwidth", "Scale-out bandwidth", Field.Of(scaleOut.Bandwidth));
                Add("scaleOut.direction", "Scale-out direction", Field.Of(scaleOut.Direction.ToString().ToLowerInvariant()));
            }

            Add("estimated", "Estimated", Field.Of(system.IsEstimated));
            return new Entry("system", system.Id, system.Name, values, system.Sources, system.Notes);
        }
    }
}
