using System;
using HardwareCatalog.Units;

namespace HardwareCatalog
{
    /// <summary>How a fabric's bandwidth figure counts the two directions of a link.</summary>
    public enum FabricDirection
    {
        /// <summary>The figure adds both directions, as NVIDIA writes NVLink bandwidth (900 GB/s is 450 GB/s each way).</summary>
        Both,

        /// <summary>The figure is per direction, as a NIC's line rate is (400 Gb/s each way).</summary>
        Each,
    }

    /// <summary>
    /// One network of a system, per GPU: the scale-up fabric inside a domain (NVLink, Infinity Fabric, ICI) or the
    /// scale-out network between domains (InfiniBand, RoCE). The bandwidth is kept as the vendor writes it, in bits or
    /// bytes per second, with <see cref="Direction"/> saying what it counts; <see cref="BandwidthPerDirection"/> is
    /// what a collective's time is computed from.
    /// </summary>
    public sealed class Fabric
    {
        /// <summary>Creates the description of one network.</summary>
        /// <param name="link">The catalog's name of the link: <c>nvlink</c>, <c>infiniband</c>, ...</param>
        /// <param name="bandwidth">The per-GPU bandwidth as the vendor writes it.</param>
        /// <param name="direction">What <paramref name="bandwidth"/> counts.</param>
        /// <param name="domain">For a scale-up fabric, the GPUs in one domain; null for a scale-out network.</param>
        public Fabric(string link, Bandwidth bandwidth, FabricDirection direction, int? domain = null)
        {
            Link = link ?? throw new ArgumentNullException(nameof(link));
            if (!(bandwidth.BytesPerSecond > 0) || double.IsInfinity(bandwidth.BytesPerSecond)) throw new ArgumentOutOfRangeException(nameof(bandwidth), bandwidth, "A bandwidth must be positive and finite.");
            if (domain is <= 0) throw new ArgumentOutOfRangeException(nameof(domain), domain, "A domain holds at least one GPU.");
            Bandwidth = bandwidth;
            Direction = direction;
            Domain = domain;
        }

        /// <summary>The link, as the catalog names it: <c>nvlink</c>, <c>infinityFabric</c>, <c>ici</c>, <c>infiniband</c>, <c>roce</c>, ...</summary>
        public string Link { get; }

        /// <summary>The per-GPU bandwidth as the vendor writes it (see <see cref="Direction"/>).</summary>
        public Bandwidth Bandwidth { get; }

        /// <summary>Whether <see cref="Bandwidth"/> adds both directions or counts one.</summary>
        public FabricDirection Direction { get; }

        /// <summary>The per-GPU bandwidth in one direction: half of a both-directions figure.</summary>
        public Bandwidth BandwidthPerDirection => Direction == FabricDirection.Both ? Bandwidth / 2 : Bandwidth;

        /// <summary>For a scale-up fabric, how many GPUs share one domain (8 in an HGX node, 72 in an NVL72 rack); null for a scale-out network.</summary>
        public int? Domain { get; }

        /// <inheritdoc/>
        public override string ToString()
            => $"{Link} {Bandwidth} per GPU{(Direction == FabricDirection.Both ? " (both directions)" : " each way")}{(Domain is int d ? $", domain of {d}" : "")}";
    }
}
