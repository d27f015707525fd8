using System;

namespace HardwareCatalog.Planning
{
    /// <summary>
    /// How a training run splits a model over GPUs: tensor (t), pipeline (p) with virtual stages (v) for the interleaved
    /// schedule, context (c), data (d) and expert (e) parallelism, and whether sequence parallelism splits the parts tensor
    /// parallelism leaves whole.
    /// </summary>
    /// <remarks>
    /// As in Megatron-LM, the GPU count is t·p·c·d; expert parallelism runs inside data parallelism, so e divides d (the
    /// expert weights are then replicated d·c/e times, not d·c times). Context parallelism splits each sequence over c GPUs
    /// that hold the same weights; ZeRO shards the states over the d·c GPUs of the data-parallel group with context.
    /// <c>default(ParallelLayout)</c> is one GPU: every size 1.
    /// </remarks>
    public readonly struct ParallelLayout : IEquatable<ParallelLayout>
    {
        // Stored as size − 1, so that default(ParallelLayout) means no parallelism.
        private readonly int _tensorMinusOne, _pipelineMinusOne, _virtualStagesMinusOne, _dataMinusOne, _expertMinusOne, _contextMinusOne;

        /// <summary>Creates a layout.</summary>
        /// <exception cref="ArgumentOutOfRangeException">A size is not positive, or <paramref name="expert"/> does not divide <paramref name="data"/>.</exception>
        /// <exception cref="ArgumentException"><paramref name="virtualStages"/> is above 1 without pipeline parallelism.</exception>
        public ParallelLayout(int tensor = 1, int pipeline = 1, int data = 1, int expert = 1, int virtualStages = 1, bool sequenceParallel = false, int context = 1)
        {
            if (context <= 0) throw new ArgumentOutOfRangeException(nameof(context), context, "Context parallelism must be at least 1.");
            if (tensor <= 0) throw new ArgumentOutOfRangeException(nameof(tensor), tensor, "Tensor parallelism must be at least 1.");
            if (pipeline <= 0) throw new ArgumentOutOfRangeException(nameof(pipeline), pipeline, "Pipeline parallelism must be at least 1.");
            if (data <= 0) throw new ArgumentOutOfRangeException(nameof(data), data, "Data parallelism must be at least 1.");
            if (expert <= 0) throw new ArgumentOutOfRangeException(nameof(expert), expert, "Expert parallelism must be at least 1.");
            if (virtualStages <= 0) throw new ArgumentOutOfRangeException(nameof(virtualStages), virtualStages, "Virtual stages must be at least 1.");
            if (data % expert != 0) throw new ArgumentOutOfRangeException(nameof(expert), expert, $"Expert parallelism runs inside data parallelism, so it must divide it ({data}).");
            if (virtualStages > 1 && pipeline == 1) throw new ArgumentException("Virtual stages (the interleaved schedule) need pipeline parallelism above 1.", nameof(virtualStages));

            _tensorMinusOne = tensor - 1;
            _pipelineMinusOne = pipeline - 1;
            _dataMinusOne = data - 1;
            _expertMinusOne = expert - 1;
            _virtualStagesMinusOne = virtualStages - 1;
            _contextMinusOne = context - 1;
            SequenceParallel = sequenceParallel;
        }

        /// <summary>Tensor-parallel size t: each layer's matrices are split over t GPUs (Megatron-LM).</summary>
        public int Tensor => _tensorMinusOne + 1;

        /// <summary>Pipeline-parallel size p: the layers are split into p stages.</summary>
        public int Pipeline => _pipelineMinusOne + 1;

        /// <summary>Model chunks per pipeline stage v under the interleaved 1F1B schedule; 1 for plain 1F1B.</summary>
        public int VirtualStages => _virtualStagesMinusOne + 1;

        /// <summary>
        /// Context-parallel size c: each sequence is split over c GPUs (Megatron-LM's context parallelism: 2c chunks, two per
        /// GPU for causal load balance), which exchange keys and values in a ring for attention.
        /// </summary>
        public int Context => _contextMinusOne + 1;

        /// <summary>Data-parallel size d: replicas of the model, each on t·p GPUs.</summary>
        public int Data => _dataMinusOne + 1;

        /// <summary>Expert-parallel size e: a MoE layer's routed experts are split over e of the d data-parallel ranks.</summary>
        public int Expert => _expertMinusOne + 1;

        /// <summary>Whether sequence parallelism (Korthikanti et al. 2022, section 4.2.2) splits norms and dropouts over the t GPUs along the sequence.</summary>
        public bool SequenceParallel { get; }

        /// <summary>The GPUs this layout needs: t·p·c·d.</summary>
        public int GpuCount => Tensor * Pipeline * Context * Data;

        /// <inheritdoc/>
        public bool Equals(ParallelLayout other)
            => Tensor == other.Tensor && Pipeline == other.Pipeline && VirtualStages == other.VirtualStages && Data == other.Data
               && Expert == other.Expert && Context == other.Context && SequenceParallel == other.SequenceParallel;

        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is ParallelLayout other && Equals(other);

        /// <inheritdoc/>
        public override int GetHashCode()
            => (((((Tensor * 397 ^ Pipeline) * 397 ^ VirtualStages) * 397 ^ Data) * 397 ^ Expert) * 397 ^ Context) * 2 + (SequenceParallel ? 1 : 0);

        /// <summary>Whether the two layouts are the same.</summary>
        public static bool operator ==(ParallelLayout left, ParallelLayout right) => left.Equals(right);

        /// <summary>Whether the two layouts differ.</summary>
        public static bool operator !=(ParallelLayout left, ParallelLayout right) => !left.Equals(right);

        /// <inheritdoc/>
        public override string ToString()
            => $"TP {Tensor}, PP {Pipeline}" + (VirtualStages > 1 ? $" (v {VirtualStages})" : "") + $", DP {Data}" + (Context > 1 ? $", CP {Context}" : "") + (Expert > 1 ? $", EP {Expert}" : "") + (SequenceParallel ? ", SP" : "");
    }
}
