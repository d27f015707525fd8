using System;
using HardwareCatalog.Units;

namespace HardwareCatalog.Estimation
{
    /// <summary>Serving estimates: how many accelerators hold a model, and the memory-bandwidth bound of decoding.</summary>
    public static class Inference
    {
        /// <summary>
        /// The least number of <paramref name="gpu"/> whose memory holds the weights of <paramref name="model"/> in
        /// <paramref name="precision"/> plus <paramref name="kvBudget"/>: ⌈(weights + KV) / memory⌉. Assumes even sharding
        /// and ignores activations, framework overhead and fragmentation.
        /// </summary>
        /// <exception cref="InvalidOperationException">The catalog gives no memory size for <paramref name="gpu"/>.</exception>
        [Obsolete("Compares the weights with the marketing memory and leaves out the workspace. Use Planning.ServingPlan: Memory (against usable memory), MaxConcurrency and Validate (HWC226). See docs/serving.md.")]
        public static int GpusToHold(ModelSpec model, Accelerator gpu, Precision precision, DataSize kvBudget = default)
        {
            if (model is null) throw new ArgumentNullException(nameof(model));
            if (gpu is null) throw new ArgumentNullException(nameof(gpu));
            DataSize memory = gpu.Memory ?? throw new InvalidOperationException($"'{gpu.Id}' has no published memory size.");
            double needed = Memory.Weights(model, precision).Bytes + kvBudget.Bytes;
            return Math.Max(1, (int)Math.Ceiling(needed / memory.Bytes));
        }

        /// <summary>
        /// The memory-bandwidth roofline of decoding: each generated token reads the active weights once (shared across a
        /// batch) and each sequence's KV cache, so tokens/s ≤ bandwidth × batch / (active weights + batch × KV bytes).
        /// Williams et al. 2009, "Roofline"; the decode step is memory-bound at small batch.
        /// </summary>
        /// <exception cref="InvalidOperationException">The catalog gives no memory bandwidth for <paramref name="gpu"/>.</exception>
        [Obsolete("Reads only the active experts at every batch size, which is far too optimistic for a mixture of experts at a real batch. Use Planning.ServingPlan.Decode, which reads every expert the batch reaches. See docs/serving.md.")]
        public static double DecodeTokensPerSecondBound(ModelSpec model, Accelerator gpu, Precision precision, int contextTokens = 0, int batch = 1, int gpus = 1)
        {
            if (model is null) throw new ArgumentNullException(nameof(model));
            if (gpu is null) throw new ArgumentNullException(nameof(gpu));
            if (gpus <= 0) throw new ArgumentOutOfRangeException(nameof(gpus), gpus, "The accelerator count must be positive.");
            Bandwidth bandwidth = gpu.MemoryBandwidth ?? throw new InvalidOperationException($"'{gpu.Id}' has no published memory bandwidth.");
            double weights = Memory.Weights(model.ActiveParameters, precision).Bytes;
            double kv = contextTokens == 0 ? 0 : KvCache.Bytes(model, precision, contextTokens, batch).Bytes;
            return bandwidth.BytesPerSecond * gpus * batch / (weights + kv);
        }
    }
}
