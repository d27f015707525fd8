using System;
using HardwareCatalog.Units;

namespace HardwareCatalog.Planning
{
    /// <summary>The collective operations the parallel dimensions of a plan need.</summary>
    public enum Collective
    {
        /// <summary>Every rank ends with the sum of every rank's tensor (data-parallel gradients, tensor-parallel activations).</summary>
        AllReduce,

        /// <summary>Every rank ends with its shard of the sum (ZeRO gradients, sequence-parallel activations).</summary>
        ReduceScatter,

        /// <summary>Every rank ends with every rank's shard (ZeRO-3 parameters, sequence-parallel activations).</summary>
        AllGather,

        /// <summary>Every rank sends a distinct part of its tensor to each rank (expert-parallel dispatch and combine).</summary>
        AllToAll,

        /// <summary>One rank sends to one other (pipeline-parallel activations and their gradients).</summary>
        PointToPoint,
    }

    /// <summary>
    /// How long a collective takes on a network, bandwidth term only, as NCCL's own tests account for it
    /// (nccl-tests, doc/PERFORMANCE.md, https://github.com/NVIDIA/nccl-tests/blob/master/doc/PERFORMANCE.md): a collective
    /// of S bytes over n ranks moves S·f(n) bytes through each rank's link in each direction, with f(n) = 2(n−1)/n for
    /// all-reduce, (n−1)/n for reduce-scatter, all-gather and all-to-all, and 1 for point-to-point (the "bus bandwidth"
    /// factors). Time = S·f(n) / the link's achieved bandwidth per direction. Limits: docs/planning.md, "Communication".
    /// </summary>
    public static class Collectives
    {
        /// <summary>f(n): the bytes each rank's link carries per direction, per byte of the collective's size.</summary>
        public static double TrafficFactor(Collective collective, int ranks)
        {
            if (ranks <= 0) throw new ArgumentOutOfRangeException(nameof(ranks), ranks, "A collective has at least one rank.");
            double n = ranks;
            return collective switch
            {
                Collective.AllReduce => 2 * (n - 1) / n,
                Collective.ReduceScatter or Collective.AllGather or Collective.AllToAll => (n - 1) / n,
                Collective.PointToPoint => 1,
                _ => throw new ArgumentOutOfRangeException(nameof(collective), collective, "Unknown collective."),
            };
        }

        /// <summary>
        /// The time of a collective of <paramref name="size"/> over <paramref name="ranks"/> ranks whose links each reach
        /// <paramref name="perDirection"/>: size is the whole tensor (what an all-reduce reduces, an all-gather assembles,
        /// a reduce-scatter scatters; what each rank sends in an all-to-all; what is sent point-to-point).
        /// </summary>
        public static TimeSpan Time(Collective collective, DataSize size, int ranks, Achieved<Bandwidth> perDirection)
            => QuantityText.ToTimeSpan(Seconds(collective, size, ranks, perDirection));

        /// <summary>As <see cref="Time"/>, in seconds, unrounded: a step adds thousands of collectives.</summary>
        internal static double Seconds(Collective collective, DataSize size, int ranks, Achieved<Bandwidth> perDirection)
        {
            if (!(size.Bytes >= 0)) throw new ArgumentOutOfRangeException(nameof(size), size, "A size is not negative.");
            double bytesPerSecond = perDirection.Value.BytesPerSecond;
            if (!(bytesPerSecond > 0)) throw new ArgumentOutOfRangeException(nameof(perDirection), perDirection, "A bandwidth is positive.");
            return size.Bytes * TrafficFactor(collective, ranks) / bytesPerSecond;
        }
    }
}
