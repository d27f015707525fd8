using System;
using System.Collections.Generic;
using System.ComponentModel;
using HardwareCatalog.Units;

namespace HardwareCatalog
{
    /// <summary>How a model's attention caches keys and values.</summary>
    public enum AttentionKind
    {
        /// <summary>Multi-head attention: one key/value head per query head.</summary>
        Mha,
        /// <summary>Grouped-query attention: query heads share fewer key/value heads.</summary>
        Gqa,
        /// <summary>Multi-query attention: one key/value head for all query heads.</summary>
        Mqa,
        /// <summary>Multi-head latent attention (DeepSeek-V2/V3): a compressed latent plus a RoPE key is cached.</summary>
        Mla,
    }

    /// <summary>The activation of a model's feed-forward network; the gated ones have three matrices (gate, up, down), the others two.</summary>
    public enum Activation
    {
        /// <summary>SwiGLU: a SiLU-gated FFN (config.json <c>hidden_act: silu</c>; Llama, DeepSeek, Mixtral). Gated.</summary>
        SwiGlu,
        /// <summary>GeGLU: a GELU-gated FFN (Gemma). Gated.</summary>
        GeGlu,
        /// <summary>GELU without a gate (GPT-2, GPT-3): two matrices.</summary>
        Gelu,
        /// <summary>ReLU without a gate (the original Transformer, OPT): two matrices.</summary>
        Relu,
    }

    /// <summary>A model's attention shape, as far as memory and compute estimates need it.</summary>
    public sealed class AttentionSpec
    {
        /// <summary>Creates an attention description.</summary>
        public AttentionSpec(AttentionKind kind, int heads, int headDim, int? kvHeads = null, int? kvLoraRank = null, int? ropeHeadDim = null)
        {
            if (heads <= 0) throw new ArgumentOutOfRangeException(nameof(heads), heads, "Heads must be positive.");
            if (headDim <= 0) throw new ArgumentOutOfRangeException(nameof(headDim), headDim, "The head dimension must be positive.");
            if (kind == AttentionKind.Mla && (kvLoraRank is null || ropeHeadDim is null))
            {
                throw new ArgumentException("MLA needs kvLoraRank and ropeHeadDim.", nameof(kind));
            }

            Kind = kind;
            Heads = heads;
            HeadDim = headDim;
            KvHeads = kind switch
            {
                AttentionKind.Mha => kvHeads ?? heads,
                AttentionKind.Mqa => 1,
                AttentionKind.Gqa => kvHeads ?? throw new ArgumentException("GQA needs kvHeads.", nameof(kvHeads)),
                _ => kvHeads ?? 0,
            };
            KvLoraRank = kvLoraRank;
            RopeHeadDim = ropeHeadDim;
        }

        private AttentionSpec(AttentionSpec shape, int? qLoraRank, int? vHeadDim, int? slidingWindow, int? localLayers, int? globalLayers)
        {
            Kind = shape.Kind;
            Heads = shape.Heads;
            HeadDim = shape.HeadDim;
            KvHeads = shape.KvHeads;
            KvLoraRank = shape.KvLoraRank;
            RopeHeadDim = shape.RopeHeadDim;
            QLoraRank = qLoraRank;
            VHeadDim = vHeadDim;
            SlidingWindow = slidingWindow;
            LocalLayers = localLayers;
            GlobalLayers = globalLayers;
        }

        /// <summary>
        /// The same attention with MLA's query and value sizes: <paramref name="qLoraRank"/> (<c>q_lora_rank</c>; null when
        /// queries are projected directly) and <paramref name="vHeadDim"/> (<c>v_head_dim</c>; <see cref="HeadDim"/> then is
        /// <c>qk_nope_head_dim</c>).
        /// </summary>
        /// <exception cref="InvalidOperationException">The attention is not <see cref="AttentionKind.Mla"/>.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A size is not positive.</exception>
        public AttentionSpec WithLatentProjections(int? qLoraRank, int vHeadDim)
        {
            if (Kind != AttentionKind.Mla) throw new InvalidOperationException("Query and value ranks belong to multi-head latent attention.");
            if (qLoraRank <= 0) throw new ArgumentOutOfRangeException(nameof(qLoraRank), qLoraRank, "The query rank must be positive.");
            if (vHeadDim <= 0) throw new ArgumentOutOfRangeException(nameof(vHeadDim), vHeadDim, "The value head dimension must be positive.");
            return new AttentionSpec(this, qLoraRank, vHeadDim, SlidingWindow, LocalLayers, GlobalLayers);
        }

        /// <summary>
        /// The same attention with local layers of <paramref name="slidingWindow"/> tokens: from the first layer,
        /// <paramref name="localLayers"/> local layers, then <paramref name="globalLayers"/> global ones, repeated; both
        /// null, or <paramref name="globalLayers"/> 0, make every layer local.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">The window or the local run is not positive, the global run is negative, or only one of the two is given.</exception>
        public AttentionSpec WithSlidingWindow(int slidingWindow, int? localLayers = null, int? globalLayers = null)
        {
            if (slidingWindow <= 0) throw new ArgumentOutOfRangeException(nameof(slidingWindow), slidingWindow, "The window must be positive.");
            if (localLayers is null != globalLayers is null) throw new ArgumentOutOfRangeException(nameof(localLayers), localLayers, "Give both localLayers and globalLayers, or neither.");
            if (localLayers <= 0) throw new ArgumentOutOfRangeException(nameof(localLayers), localLayers, "The run of local layers must be positive.");
            if (globalLayers < 0) throw new ArgumentOutOfRangeException(nameof(globalLayers), globalLayers, "The run of global layers cannot be negative.");
            return new AttentionSpec(this, QLoraRank, VHeadDim, slidingWindow, localLayers, globalLayers);
        }

        /// <summary>The shape of a catalog entry: generated code passes it in the compact form, NaN for a value not given.</summary>
        internal AttentionSpec WithShape(int? qLoraRank, int? vHeadDim, int? slidingWindow, int? localLayers, int? globalLayers)
            => qLoraRank is null && vHeadDim is null && slidingWindow is null && localLayers is null && globalLayers is null
                ? this
                : new AttentionSpec(this, qLoraRank, vHeadDim, slidingWindow, localLayers, globalLayers);

        /// <summary>Multi-head attention with <paramref name="heads"/> heads of <paramref name="headDim"/>.</summary>
        public static AttentionSpec Mha(int heads, int headDim) => new(AttentionKind.Mha, heads, headDim, heads);

        /// <summary>The kind of attention.</summary>
        public AttentionKind Kind { get; }

        /// <summary>Query heads.</summary>
        public int Heads { get; }

        /// <summary>Dimension of one head.</summary>
        public int HeadDim { get; }

        /// <summary>Key/value heads (MHA: <see cref="Heads"/>; MQA: 1; MLA: not used for the cache).</summary>
        public int KvHeads { get; }

        /// <summary>MLA only: rank of the compressed key/value latent (<c>kv_lora_rank</c>).</summary>
        public int? KvLoraRank { get; }

        /// <summary>MLA only: dimension of the decoupled RoPE key (<c>qk_rope_head_dim</c>).</summary>
        public int? RopeHeadDim { get; }

        /// <summary>MLA only: rank of the compressed query (<c>q_lora_rank</c>); null when queries are projected directly.</summary>
        public int? QLoraRank { get; }

        /// <summary>MLA only: dimension of one value head (<c>v_head_dim</c>); <see cref="HeadDim"/> is then <c>qk_nope_head_dim</c>.</summary>
        public int? VHeadDim { get; }

        /// <summary>Tokens a local (sliding-window or chunked) layer attends to; null when every layer attends to the whole context.</summary>
        public int? SlidingWindow { get; }

        /// <summary>
        /// Local layers in each repeat of the layer pattern (from the first layer: <see cref="LocalLayers"/> local, then
        /// <see cref="GlobalLayers"/> global); null, with a <see cref="SlidingWindow"/>, when every layer is local.
        /// </summary>
        public int? LocalLayers { get; }

        /// <summary>Global layers in each repeat of the layer pattern; 0 or null, with a <see cref="SlidingWindow"/>, when every layer is local.</summary>
        public int? GlobalLayers { get; }

        /// <summary>Whether layer <paramref name="layer"/> (counted from 0) attends only to the last <see cref="SlidingWindow"/> tokens.</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="layer"/> is negative.</exception>
        public bool IsLocalLayer(int layer)
        {
            if (layer < 0) throw new ArgumentOutOfRangeException(nameof(layer), layer, "Layers are counted from 0.");
            if (SlidingWindow is null) return false;
            if (LocalLayers is not int local || GlobalLayers is not int global || global == 0) return true;
            return layer % (local + global) < local;
        }

        /// <summary>How many of the first <paramref name="layers"/> layers are local (see <see cref="IsLocalLayer"/>).</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="layers"/> is negative.</exception>
        public int LocalLayerCount(int layers)
        {
            if (layers < 0) throw new ArgumentOutOfRangeException(nameof(layers), layers, "The layer count cannot be negative.");
            if (SlidingWindow is null) return 0;
            if (LocalLayers is not int local || GlobalLayers is not int global || global == 0) return layers;
            int period = local + global;
            return layers / period * local + Math.Min(layers % period, local);
        }
    }

    /// <summary>A mixture-of-experts layout.</summary>
    public sealed class MoeSpec
    {
        /// <summary>Creates a mixture-of-experts description.</summary>
        public MoeSpec(int routedExperts, int activeExperts, int sharedExperts = 0)
        {
            RoutedExperts = routedExperts;
            ActiveExperts = activeExperts;
            SharedExperts = sharedExperts;
            LayerInterval = 1;
        }

        /// <summary>
        /// The same experts with each expert's FFN width (<c>moe_intermediate_size</c>), <paramref name="denseLayers"/>
        /// leading dense layers (<c>first_k_dense_replace</c>) and, after them, every <paramref name="layerInterval"/>-th
        /// layer a MoE layer.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">The width or the interval is not positive, or <paramref name="denseLayers"/> is negative.</exception>
        public MoeSpec WithLayout(int? expertFfnHiddenSize, int denseLayers = 0, int layerInterval = 1)
        {
            if (expertFfnHiddenSize <= 0) throw new ArgumentOutOfRangeException(nameof(expertFfnHiddenSize), expertFfnHiddenSize, "The expert width must be positive.");
            if (denseLayers < 0) throw new ArgumentOutOfRangeException(nameof(denseLayers), denseLayers, "The dense layers cannot be negative.");
            if (layerInterval <= 0) throw new ArgumentOutOfRangeException(nameof(layerInterval), layerInterval, "The interval must be positive.");
            return new MoeSpec(RoutedExperts, ActiveExperts, SharedExperts)
            {
                ExpertFfnHiddenSize = expertFfnHiddenSize,
                DenseLayers = denseLayers,
                LayerInterval = layerInterval,
            };
        }

        /// <summary>FFN width of each routed and shared expert (<c>moe_intermediate_size</c>), when published.</summary>
        public int? ExpertFfnHiddenSize { get; private set; }

        /// <summary>Leading layers whose FFN is dense, not a mixture of experts (<c>first_k_dense_replace</c>); 0 when none.</summary>
        public int DenseLayers { get; private set; }

        /// <summary>After the <see cref="DenseLayers"/>, every n-th layer is MoE (layers n, 2n, ...), the others dense; 1 when every one is.</summary>
        public int LayerInterval { get; private set; }

        /// <summary>How many of a model's <paramref name="layers"/> layers are MoE layers.</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="layers"/> is negative.</exception>
        public int MoeLayerCount(int layers)
        {
            if (layers < 0) throw new ArgumentOutOfRangeException(nameof(layers), layers, "The layer count cannot be negative.");
            return ParameterCount.MoeLayers(new ModelShape { IsMixtureOfExperts = true, DenseLayers = DenseLayers, LayerInterval = LayerInterval }, layers);
        }

        /// <summary>Routed experts per MoE layer.</summary>
        public int RoutedExperts { get; }

        /// <summary>Routed experts each token is sent to.</summary>
        public int ActiveExperts { get; }

        /// <summary>Experts every token passes through.</summary>
        public int SharedExperts { get; }
    }

    /// <summary>A reported pre-training run, with what its paper publishes (any part may be unknown).</summary>
    public class TrainingRun
    {
        // tokens, gpuCount, gpuHours, precision, laid out as ModelLayout says (NaN: not published); values are built on
        // access, so that creating the catalog's runs costs an array store.
        private readonly double[] _slots;

        /// <summary>Creates the description of a run.</summary>
        public TrainingRun(Tokens? tokens = null, Accelerator? gpu = null, int? gpuCount = null, GpuHours? gpuHours = null, Precision? precision = null)
            : this(gpu, new double[]
            {
                tokens?.Count ?? double.NaN,
                gpuCount ?? double.NaN,
                gpuHours?.Hours ?? double.NaN,
                precision is { } p ? (int)p : double.NaN,
            })
        {
        }

        private protected TrainingRun(Accelerator? gpu, double[] slots)
        {
            _slots = slots?.Length == ModelLayout.TrainingLength ? slots : throw new ArgumentException($"Expected {ModelLayout.TrainingLength} values.", nameof(slots));
            Gpu = gpu;
        }

        /// <summary>A run from the compact form generated code emits (<c>ModelLayout</c>; NaN: not published).</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public static TrainingRun FromSlots(double[] slots) => new(null, slots);

        /// <summary>A run on a typed accelerator from the compact form generated code emits.</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public static TrainingRun<TGpu> FromSlots<TGpu>(TGpu gpu, double[] slots)
            where TGpu : Accelerator
            => new(gpu, slots);

        /// <summary>A run on <paramref name="gpu"/> (the base-type instance of a catalog entry) from the compact form generated code emits.</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public static TrainingRun Create(Accelerator? gpu, double[] slots) => new(gpu, slots);

        /// <summary>The same run on its typed accelerator: what a generated model type exposes as <c>Training</c>.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="run"/> or <paramref name="gpu"/> is null.</exception>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public static TrainingRun<TGpu> Typed<TGpu>(TrainingRun? run, TGpu gpu)
            where TGpu : Accelerator
        {
            if (run is null) throw new ArgumentNullException(nameof(run));
            if (gpu is null) throw new ArgumentNullException(nameof(gpu));
            return new TrainingRun<TGpu>(gpu, run._slots);
        }

        internal static double? Slot(double[] slots, int index) => double.IsNaN(slots[index]) ? null : slots[index];

        /// <summary>Training tokens.</summary>
        public Tokens? Tokens => Slot(_slots, ModelLayout.TrainingTokens) is double tokens ? Units.Tokens.FromCount(tokens) : null;

        /// <summary>The accelerator the run used.</summary>
        public Accelerator? Gpu { get; }

        /// <summary>How many accelerators the run used.</summary>
        public int? GpuCount => Slot(_slots, ModelLayout.TrainingGpuCount) is double count ? (int)count : null;

        /// <summary>Reported accelerator time.</summary>
        public GpuHours? GpuHours => Slot(_slots, ModelLayout.TrainingGpuHours) is double hours ? Units.GpuHours.FromHours(hours) : null;

        /// <summary>The compute precision of the run.</summary>
        public Precision? Precision => Slot(_slots, ModelLayout.TrainingPrecision) is double precision ? (Precision)(int)precision : null;
    }

    /// <summary>A training run whose accelerator is known at compile time: <c>Models.DeepSeekV3.Training.Gpu</c> is <c>Gpus.H800Sxm</c>.</summary>
    /// <typeparam name="TGpu">The generated accelerator type.</typeparam>
    public sealed class TrainingRun<TGpu> : TrainingRun
        where TGpu : Accelerator
    {
        /// <summary>Creates the description of a run on <typeparamref name="TGpu"/>.</summary>
        public TrainingRun(TGpu gpu, Tokens? tokens = null, int? gpuCount = null, GpuHours? gpuHours = null, Precision? precision = null)
            : base(tokens, gpu, gpuCount, gpuHours, precision)
        {
            Gpu = gpu;
        }

        internal TrainingRun(TGpu gpu, double[] slots)
            : base(gpu, slots)
        {
            Gpu = gpu;
        }

        /// <summary>The accelerator the run used, typed.</summary>
        public new TGpu Gpu { get; }
    }

    /// <summary>A model from the catalog. Each catalog entry becomes a sealed subclass.</summary>
    /// <remarks>
    /// Two models are equal when their <see cref="Id"/>s are (ordinal comparison): a catalog id names one entry.
    /// <c>Models.Find(id)</c> and <c>Models.All</c> hand out one shared instance of this base type per entry, built
    /// without loading the entry's generated type; <c>Models.DeepSeekV3</c> is the typed instance of the same entry.
    /// The two are equal (<c>Models.Find("deepseek-v3") == Models.DeepSeekV3</c>) but not the same object.
    /// </remarks>
    public abstract class ModelSpec : IEquatable<ModelSpec>
    {
        // Every number of the entry, laid out as ModelLayout says (NaN: not given). A typed entry shares the array of
        // the base instance it was built from.
        private readonly double[] _values;
        private AttentionSpec? _attention;
        private MoeSpec? _moe;

        /// <summary>Creates the model; generated code calls this with the catalog entry's values.</summary>
        protected ModelSpec(
            string id,
            string name,
            Parameters totalParameters,
            Parameters? activeParameters = null,
            string? developer = null,
            int? released = null,
            int? layers = null,
            int? hiddenSize = null,
            int? vocabularySize = null,
            int? contextWindow = null,
            AttentionSpec? attention = null,
            MoeSpec? moe = null,
            TrainingRun? training = null,
            string? notes = null,
            IReadOnlyList<string>? sources = null,
            bool isEstimated = false)
        {
            Id = id ?? throw new ArgumentNullException(nameof(id));
            Name = name ?? throw new ArgumentNullException(nameof(name));
            _values = new double[ModelLayout.Length];
#if NET
            Array.Fill(_values, double.NaN);
#else
            for (int i = 0; i < _values.Length; i++) _values[i] = double.NaN;
#endif
            _values[ModelLayout.TotalParameters] = totalParameters.Count;
            _values[ModelLayout.ActiveParameters] = (activeParameters ?? totalParameters).Count;
            _values[ModelLayout.Released] = released ?? double.NaN;
            _values[ModelLayout.Layers] = layers ?? double.NaN;
            _values[ModelLayout.HiddenSize] = hiddenSize ?? double.NaN;
            _values[ModelLayout.VocabularySize] = vocabularySize ?? double.NaN;
            _values[ModelLayout.ContextWindow] = contextWindow ?? double.NaN;
            _attention = attention;
            _moe = moe;
            Developer = developer;
            Training = training;
            Notes = notes;
            Sources = sources ?? Array.Empty<string>();
            IsEstimated = isEstimated;
        }

        /// <summary>
        /// Creates the model from the compact form the generator emits: the numbers in one array laid out as
        /// <c>ModelLayout</c> says, NaN for a value the catalog does not give (see the accelerator's twin).
        /// </summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        protected ModelSpec(string id, string name, string? developer, string? notes, string[] sources, bool isEstimated, double[] values, TrainingRun? training)
        {
            Id = id ?? throw new ArgumentNullException(nameof(id));
            Name = name ?? throw new ArgumentNullException(nameof(name));
            _values = values?.Length switch
            {
                ModelLayout.Length => values,
                // A catalog compiled before the shape slots existed: its models have no shape values.
                ModelLayout.LengthWithoutShape => WithoutShape(values),
                _ => throw new ArgumentException($"Expected {ModelLayout.Length} values.", nameof(values)),
            };
            Developer = developer;
            Notes = notes;
            Sources = sources ?? Array.Empty<string>();
            IsEstimated = isEstimated;
            Training = training;
        }

        private static double[] WithoutShape(double[] values)
        {
            var padded = new double[ModelLayout.Length];
            Array.Copy(values, padded, values.Length);
            for (int i = values.Length; i < padded.Length; i++) padded[i] = double.NaN;
            return padded;
        }

        /// <summary>
        /// Creates a typed model over the values of <paramref name="entry"/>, sharing them: a generated entry type is built
        /// from the base instance that <c>Models.Find</c> returns, so no value is parsed or stored twice.
        /// </summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        protected ModelSpec(ModelSpec entry)
        {
            if (entry is null) throw new ArgumentNullException(nameof(entry));
            Id = entry.Id;
            Name = entry.Name;
            Developer = entry.Developer;
            Notes = entry.Notes;
            Sources = entry.Sources;
            IsEstimated = entry.IsEstimated;
            Training = entry.Training;
            _values = entry._values;
            _attention = entry._attention;
            _moe = entry._moe;
        }

        /// <summary>
        /// The base-type instance of a catalog entry, from the compact form the generator emits (see the protected
        /// constructor of the same shape). Generated index classes hold one per entry.
        /// </summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public static ModelSpec Create(string id, string name, string? developer, string? notes, string[] sources, bool isEstimated, double[] values, TrainingRun? training)
            => new CatalogModel(id, name, developer, notes, sources, isEstimated, values, training);

        /// <summary>The catalog id, for example <c>deepseek-v3</c>.</summary>
        public string Id { get; }

        /// <summary>The model's name.</summary>
        public string Name { get; }

        /// <summary>Who released it.</summary>
        public string? Developer { get; }

        /// <summary>Year of release.</summary>
        public int? Released => Int(ModelLayout.Released);

        /// <summary>All parameters (for MoE, every expert).</summary>
        public Parameters TotalParameters => Parameters.FromCount(_values[ModelLayout.TotalParameters]);

        /// <summary>Parameters used per token (for dense models, all of them).</summary>
        public Parameters ActiveParameters => Parameters.FromCount(double.IsNaN(_values[ModelLayout.ActiveParameters]) ? _values[ModelLayout.TotalParameters] : _values[ModelLayout.ActiveParameters]);

        /// <summary>Transformer layers.</summary>
        public int? Layers => Int(ModelLayout.Layers);

        /// <summary>Hidden (model) dimension.</summary>
        public int? HiddenSize => Int(ModelLayout.HiddenSize);

        /// <summary>Vocabulary size.</summary>
        public int? VocabularySize => Int(ModelLayout.VocabularySize);

        /// <summary>Context window in tokens, as released.</summary>
        public int? ContextWindow => Int(ModelLayout.ContextWindow);

        /// <summary>Width of the dense feed-forward network (<c>intermediate_size</c>); in a MoE model, that of its dense layers.</summary>
        public int? FfnHiddenSize => Int(ModelLayout.FfnHiddenSize);

        /// <summary>The feed-forward network's activation, when published.</summary>
        public Activation? Activation => Int(ModelLayout.Activation) is int activation ? (Activation)activation : null;

        /// <summary>Whether the feed-forward network is gated (SwiGLU, GeGLU: three matrices, not two); null when the activation is not published.</summary>
        public bool? IsGated => Activation is { } activation ? activation is HardwareCatalog.Activation.SwiGlu or HardwareCatalog.Activation.GeGlu : null;

        /// <summary>Whether the input embedding and the output layer share one matrix (<c>tie_word_embeddings</c>), when published.</summary>
        public bool? TiedEmbeddings => Int(ModelLayout.TiedEmbeddings) is int tied ? tied == 1 : null;

        /// <summary>Attention shape, when published.</summary>
        public AttentionSpec? Attention => _attention ??= double.IsNaN(_values[ModelLayout.AttentionKind]) ? null : new AttentionSpec(
            (AttentionKind)(int)_values[ModelLayout.AttentionKind],
            (int)_values[ModelLayout.Heads],
            (int)_values[ModelLayout.HeadDim],
            Int(ModelLayout.KvHeads),
            Int(ModelLayout.KvLoraRank),
            Int(ModelLayout.RopeHeadDim)).WithShape(
            Int(ModelLayout.QLoraRank),
            Int(ModelLayout.VHeadDim),
            Int(ModelLayout.SlidingWindow),
            Int(ModelLayout.LocalLayers),
            Int(ModelLayout.GlobalLayers));

        /// <summary>Mixture-of-experts layout, for MoE models.</summary>
        public MoeSpec? Moe => _moe ??= double.IsNaN(_values[ModelLayout.RoutedExperts]) ? null : new MoeSpec(
            (int)_values[ModelLayout.RoutedExperts], (int)_values[ModelLayout.ActiveExperts], Int(ModelLayout.SharedExperts) ?? 0).WithLayout(
            Int(ModelLayout.ExpertFfnHiddenSize), Int(ModelLayout.DenseLayers) ?? 0, Int(ModelLayout.LayerInterval) ?? 1);

        /// <summary>
        /// The parameter count the model's shape gives: embeddings (twice when untied), each layer's attention
        /// projections, FFN or experts and router, and norms. Null when the catalog leaves out a value the count needs
        /// (layers, hiddenSize, vocabularySize, activation, tiedEmbeddings, the FFN widths the layers use, MLA's
        /// vHeadDim). Biases and learned position embeddings are not counted.
        /// </summary>
        public Parameters? DerivedParameters => ParameterCount.TryCount(Shape(), out long total, out _) ? Parameters.FromCount(total) : null;

        /// <summary>The per-token count the shape gives: as <see cref="DerivedParameters"/>, with only the active and shared experts of each MoE layer.</summary>
        public Parameters? DerivedActiveParameters => ParameterCount.TryCount(Shape(), out _, out long active) ? Parameters.FromCount(active) : null;

        /// <summary>The weights a token multiplies through (see <c>ParameterCount.TryCountMatmulPerToken</c>), or null without the full shape.</summary>
        internal long? MatmulParametersPerToken() => ParameterCount.TryCountMatmulPerToken(Shape(), out long matmul) ? matmul : null;

        /// <summary>The shape prepared for the training-plan model, built once; null when the catalog leaves out a value it needs.</summary>
        internal Planning.TrainingCore? TrainingCore()
        {
            if (!_trainingCoreBuilt)
            {
                _trainingCore = Planning.TrainingCore.TryCreate(Id, Shape(), out _trainingShapeMissing);
                _trainingCoreBuilt = true;
            }

            return _trainingCore;
        }

        /// <summary>What <see cref="TrainingCore"/> lacks, when it is null.</summary>
        internal string? TrainingShapeMissing() => TrainingCore() is null ? _trainingShapeMissing : null;

        private Planning.TrainingCore? _trainingCore;
        private string? _trainingShapeMissing;
        private bool _trainingCoreBuilt;

        internal ModelShape Shape()
        {
            AttentionSpec? attention = Attention;
            MoeSpec? moe = Moe;
            return new ModelShape
            {
                Layers = Layers,
                HiddenSize = HiddenSize,
                VocabularySize = VocabularySize,
                FfnHiddenSize = FfnHiddenSize,
                Gated = IsGated,
                TiedEmbeddings = TiedEmbeddings,
                IsLatentAttention = attention?.Kind == AttentionKind.Mla,
                Heads = attention?.Heads ?? 0,
                HeadDim = attention?.HeadDim ?? 0,
                KvHeads = attention?.KvHeads ?? 0,
                KvLoraRank = attention?.KvLoraRank,
                RopeHeadDim = attention?.RopeHeadDim,
                QLoraRank = attention?.QLoraRank,
                VHeadDim = attention?.VHeadDim,
                SlidingWindow = attention?.SlidingWindow,
                LocalLayers = attention?.LocalLayers,
                GlobalLayers = attention?.GlobalLayers,
                IsMixtureOfExperts = moe is not null,
                RoutedExperts = moe?.RoutedExperts ?? 0,
                ActiveExperts = moe?.ActiveExperts ?? 0,
                SharedExperts = moe?.SharedExperts ?? 0,
                ExpertFfnHiddenSize = moe?.ExpertFfnHiddenSize,
                DenseLayers = moe?.DenseLayers ?? 0,
                LayerInterval = moe?.LayerInterval ?? 1,
            };
        }

        /// <summary>The reported pre-training run, when published.</summary>
        public TrainingRun? Training { get; }

        /// <summary>Remarks from the catalog entry.</summary>
        public string? Notes { get; }

        /// <summary>URLs of the papers, model cards and configs the values come from.</summary>
        public IReadOnlyList<string> Sources { get; }

        /// <summary>Whether the figures are unofficial estimates (rumours); say so wherever they print.</summary>
        public bool IsEstimated { get; }

        /// <summary>Whether <paramref name="other"/> is the same catalog entry: its <see cref="Id"/> is the same (ordinal).</summary>
        public bool Equals(ModelSpec? other) => other is not null && string.Equals(Id, other.Id, StringComparison.Ordinal);

        /// <inheritdoc/>
        public override bool Equals(object? obj) => Equals(obj as ModelSpec);

        /// <inheritdoc/>
        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Id);

        /// <summary>Whether both are null or both name the same catalog entry (see <see cref="Equals(ModelSpec)"/>).</summary>
        public static bool operator ==(ModelSpec? left, ModelSpec? right) => left is null ? right is null : left.Equals(right);

        /// <summary>Whether the two do not name the same catalog entry.</summary>
        public static bool operator !=(ModelSpec? left, ModelSpec? right) => !(left == right);

        /// <inheritdoc/>
        public override string ToString() => IsEstimated ? Name + " (estimated)" : Name;

        private int? Int(int index) => double.IsNaN(_values[index]) ? null : (int)_values[index];

        /// <summary>The base-type instance of a generated catalog entry (what <c>Models.Find</c> and <c>Models.All</c> hand out).</summary>
        private sealed class CatalogModel : ModelSpec
        {
            public CatalogModel(string id, string name, string? developer, string? notes, string[] sources, bool isEstimated, double[] values, TrainingRun? training)
                : base(id, name, developer, notes, sources, isEstimated, values, training)
            {
            }
        }
    }
}
