using System;
using System.Collections.Generic;
using System.Linq;
using HardwareCatalog.Units;

namespace HardwareCatalog.Generators.Schema
{
    /// <summary>The shape a key's value must have.</summary>
    internal enum ValueKind
    {
        String,
        Integer,
        Boolean,
        Quantity,
        StringList,
        Mapping,

        /// <summary>A plain decimal number without a unit (a plan's efficiencies).</summary>
        Number,
    }

    /// <summary>One key of the DSL: its value's shape, dimension and children.</summary>
    internal sealed class FieldSpec
    {
        public FieldSpec(string key, ValueKind kind, Dimension dimension = default, bool required = false, bool inherited = true, bool requiredOnEveryEntry = false, params FieldSpec[] children)
        {
            RequiredOnEveryEntry = requiredOnEveryEntry;
            Key = key;
            Kind = kind;
            Dimension = dimension;
            Required = required;
            Inherited = inherited;
            Children = children;
        }

        public string Key { get; }
        public ValueKind Kind { get; }
        public Dimension Dimension { get; }

        /// <summary>Required once <c>extends</c> is resolved (a derived entry may inherit it).</summary>
        public bool Required { get; }

        /// <summary>Whether a derived entry inherits the value (<c>id</c>, <c>identifier</c> and <c>extends</c> are the entry's own).</summary>
        public bool Inherited { get; }

        public FieldSpec[] Children { get; }

        /// <summary>Required in each entry itself, even one that <c>extends</c> another (<c>sources</c>: inherited values keep the parent's, the entry's own need its own).</summary>
        public bool RequiredOnEveryEntry { get; }

        public FieldSpec? Child(string key) => Children.FirstOrDefault(c => c.Key == key);
    }

    /// <summary>The keys of the catalog DSL per entry kind: the one table the parser, the docs and the JSON Schema agree on.</summary>
    internal static class CatalogSchema
    {
        public const string GpuKind = "gpu";

        /// <summary>One key per row of <see cref="PrecisionTable"/>: a new precision is a new key without an edit here.</summary>
        private static FieldSpec[] PrecisionRates() =>
            PrecisionTable.Keys.Select(p => new FieldSpec(p, ValueKind.Quantity, Dimension.ComputeRate)).ToArray();

        /// <summary>Keys every entry has, whatever its kind.</summary>
        private static readonly FieldSpec[] Common =
        {
            new("kind", ValueKind.String, required: true, inherited: false),
            new("id", ValueKind.String, required: true, inherited: false),
            new("identifier", ValueKind.String, inherited: false),
            new("extends", ValueKind.String, inherited: false),
            new("name", ValueKind.String, required: true),
            new("notes", ValueKind.String, inherited: false),
            new("estimated", ValueKind.Boolean),
            new("sources", ValueKind.StringList, required: true, requiredOnEveryEntry: true),
        };

        public static readonly FieldSpec Gpu = new("gpu", ValueKind.Mapping, children: Common.Concat(new FieldSpec[]
        {
            new("vendor", ValueKind.String, required: true),
            new("architecture", ValueKind.String, required: true),
            new("released", ValueKind.Integer),
            new("formFactor", ValueKind.String),
            new("memory", ValueKind.Quantity, Dimension.Size),
            // Measured on one SKU: a derived SKU (a cut-down part, another memory size) states its own or has none.
            new("usableMemory", ValueKind.Quantity, Dimension.Size, inherited: false),
            new("memoryBandwidth", ValueKind.Quantity, Dimension.Bandwidth),
            new("tdp", ValueKind.Quantity, Dimension.Power),
            new("interconnect", ValueKind.Mapping, children: LinkTable.Keys.Select(k => new FieldSpec(k, ValueKind.Quantity, Dimension.Bandwidth)).ToArray()),
            new("dense", ValueKind.Mapping, children: PrecisionRates()),
            new("sparse", ValueKind.Mapping, children: PrecisionRates()),
            new("sparsity", ValueKind.String),
            new("measured", ValueKind.Mapping, inherited: false, children: new FieldSpec[]
            {
                new("source", ValueKind.String),
                new("stack", ValueKind.String),
                new("matmul", ValueKind.Mapping, children: PrecisionRates()),
                new("memoryBandwidth", ValueKind.Quantity, Dimension.Bandwidth),
            }),
        }).ToArray());

        public const string SystemKind = "system";

        /// <summary>The links a system's fabrics may name.</summary>
        public static readonly string[] FabricLinks = { "nvlink", "infinityFabric", "ici", "neuronLink", "pcie", "infiniband", "roce", "ethernet", "dcn" };

        /// <summary>How a fabric's bandwidth figure counts: both directions added (NVIDIA's NVLink figures), or one direction (a NIC's line rate).</summary>
        public static readonly string[] FabricDirections = { "both", "each" };

        private static FieldSpec[] Fabric(bool scaleUp) => new FieldSpec[]
        {
            new("link", ValueKind.String),
            new("bandwidth", ValueKind.Quantity, Dimension.Bandwidth),
            new("direction", ValueKind.String),
        }.Concat(scaleUp ? new[] { new FieldSpec("domain", ValueKind.Integer) } : Array.Empty<FieldSpec>()).ToArray();

        public static readonly FieldSpec System = new("system", ValueKind.Mapping, children: Common.Concat(new FieldSpec[]
        {
            new("vendor", ValueKind.String, required: true),
            new("released", ValueKind.Integer),
            new("gpu", ValueKind.String, required: true),
            new("gpusPerNode", ValueKind.Integer, required: true),
            new("scaleUp", ValueKind.Mapping, children: Fabric(scaleUp: true)),
            new("scaleOut", ValueKind.Mapping, children: Fabric(scaleUp: false)),
        }).ToArray());

        public const string ModelKind = "model";

        /// <summary>The attention kinds a model may declare.</summary>
        public static readonly string[] AttentionKinds = { "mha", "gqa", "mqa", "mla" };

        /// <summary>The FFN activations a model may declare, in the order of the runtime's <c>Activation</c> enum; the gated ones (three matrices) first.</summary>
        public static readonly string[] Activations = { "swiglu", "geglu", "gelu", "relu" };

        public static readonly FieldSpec Model = new("model", ValueKind.Mapping, children: Common.Concat(new FieldSpec[]
        {
            new("developer", ValueKind.String),
            new("released", ValueKind.Integer),
            new("parameters", ValueKind.Quantity, Dimension.Count, required: true),
            new("activeParameters", ValueKind.Quantity, Dimension.Count),
            new("layers", ValueKind.Integer),
            new("hiddenSize", ValueKind.Integer),
            new("vocabularySize", ValueKind.Integer),
            new("contextWindow", ValueKind.Integer),
            new("ffnHiddenSize", ValueKind.Integer),
            new("activation", ValueKind.String),
            new("tiedEmbeddings", ValueKind.Boolean),
            new("attention", ValueKind.Mapping, children: new FieldSpec[]
            {
                new("kind", ValueKind.String),
                new("heads", ValueKind.Integer),
                new("headDim", ValueKind.Integer),
                new("kvHeads", ValueKind.Integer),
                new("kvLoraRank", ValueKind.Integer),
                new("ropeHeadDim", ValueKind.Integer),
                new("qLoraRank", ValueKind.Integer),
                new("vHeadDim", ValueKind.Integer),
                new("slidingWindow", ValueKind.Integer),
                new("localLayers", ValueKind.Integer),
                new("globalLayers", ValueKind.Integer),
            }),
            new("moe", ValueKind.Mapping, children: new FieldSpec[]
            {
                new("routedExperts", ValueKind.Integer),
                new("activeExperts", ValueKind.Integer),
                new("sharedExperts", ValueKind.Integer),
                new("expertFfnHiddenSize", ValueKind.Integer),
                new("denseLayers", ValueKind.Integer),
                new("layerInterval", ValueKind.Integer),
            }),
            new("training", ValueKind.Mapping, children: new FieldSpec[]
            {
                new("tokens", ValueKind.Quantity, Dimension.Count),
                new("gpu", ValueKind.String),
                new("gpuCount", ValueKind.Integer),
                new("gpuHours", ValueKind.Quantity, Dimension.Count),
                new("precision", ValueKind.String),
            }),
        }).ToArray());

        public const string TrainingKind = "training";

        /// <summary>A plan's precision recipes, as the runtime's <c>PrecisionRecipe</c> names them (see <c>Building/TrainingRecipes</c>).</summary>
        public static readonly string[] Recipes = { "bf16-mixed", "fp16-mixed", "fp8-deepseek-v3" };

        /// <summary>A plan's optimizer state layouts, as the runtime's <c>OptimizerStateLayout</c> names them.</summary>
        public static readonly string[] StateLayouts = { "zero-paper", "megatron-fp32-gradients", "deepseek-v3-fp8" };

        /// <summary>A plan's activation recomputation, in the order of the runtime's <c>ActivationRecomputation</c> enum.</summary>
        public static readonly string[] Recomputations = { "none", "selective", "full" };

        /// <summary>A plan's activation storage, in the order of the runtime's <c>ActivationStorage</c> enum.</summary>
        public static readonly string[] ActivationStorages = { "korthikanti", "deepseek-v3" };

        /// <summary>
        /// The keys every plan kind starts with (what it is, which model on which system, how many GPUs, t and p),
        /// followed by <paramref name="own"/>.
        /// </summary>
        private static FieldSpec[] PlanKeys(FieldSpec[] own) => new FieldSpec[]
        {
            new("kind", ValueKind.String, required: true, inherited: false),
            new("id", ValueKind.String, required: true, inherited: false),
            new("identifier", ValueKind.String, inherited: false),
            new("name", ValueKind.String),
            new("notes", ValueKind.String, inherited: false),
            new("sources", ValueKind.StringList),
            new("model", ValueKind.String, required: true),
            new("system", ValueKind.String, required: true),
            new("gpus", ValueKind.Integer, required: true),
            new("tensor", ValueKind.Integer),
            new("pipeline", ValueKind.Integer),
        }.Concat(own).ToArray();

        /// <summary>
        /// A training plan: a model on a system's GPUs with its settings. A plan is a configuration, not a published
        /// figure: its name and sources are optional, and it extends nothing.
        /// </summary>
        public static readonly FieldSpec Training = new("training", ValueKind.Mapping, children: PlanKeys(new FieldSpec[]
        {
            new("virtualStages", ValueKind.Integer),
            new("data", ValueKind.Integer),
            new("expert", ValueKind.Integer),
            new("context", ValueKind.Integer),
            new("sequenceParallel", ValueKind.Boolean),
            new("microBatch", ValueKind.Integer, required: true),
            new("globalBatch", ValueKind.Integer, required: true),
            new("sequenceLength", ValueKind.Integer, required: true),
            new("recipe", ValueKind.String, required: true),
            new("stateLayout", ValueKind.String),
            new("zero", ValueKind.Integer),
            new("recomputation", ValueKind.String),
            new("activationStorage", ValueKind.String),
            new("computeEfficiency", ValueKind.Number),
            new("networkEfficiency", ValueKind.Number),
            new("overlapDataParallel", ValueKind.Boolean),
        }));

        public const string ServingKind = "serving";

        /// <summary>
        /// A serving plan: a model on a system's GPUs with its layout, weight format, KV cache precision and workload. Like a
        /// training plan, a configuration: its name and sources are optional, and it extends nothing.
        /// </summary>
        public static readonly FieldSpec Serving = new("serving", ValueKind.Mapping, children: PlanKeys(new FieldSpec[]
        {
            new("expert", ValueKind.Integer),
            new("replicas", ValueKind.Integer),
            new("redundantExperts", ValueKind.Integer),
            new("weightFormat", ValueKind.String, required: true),
            new("kvCache", ValueKind.String),
            new("concurrency", ValueKind.Integer, required: true),
            new("inputTokens", ValueKind.Integer, required: true),
            new("outputTokens", ValueKind.Integer, required: true),
            new("prefixHitRate", ValueKind.Number),
            new("draftTokens", ValueKind.Integer),
            new("acceptance", ValueKind.Number),
            new("prefillChunk", ValueKind.Integer),
            new("computeEfficiency", ValueKind.Number),
            new("bandwidthEfficiency", ValueKind.Number),
            new("networkEfficiency", ValueKind.Number),
        }));

        public static IReadOnlyList<string> Kinds { get; } = new[] { GpuKind, ModelKind, SystemKind, TrainingKind, ServingKind };

        public static FieldSpec? ForKind(string kind) => kind switch
        {
            GpuKind => Gpu,
            ModelKind => Model,
            SystemKind => System,
            TrainingKind => Training,
            ServingKind => Serving,
            _ => null,
        };
    }
}
