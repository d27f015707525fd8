using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace HardwareCatalog
{
    /// <summary>
    /// A system from the catalog: its accelerators and the networks between them (a DGX/HGX node, an NVL72 rack, a
    /// TPU pod). Each catalog entry becomes a sealed subclass whose <c>Gpu</c> member is the accelerator's typed entry.
    /// </summary>
    /// <remarks>Two systems are equal when their <see cref="Id"/>s are (ordinal comparison), as accelerators are.</remarks>
    public abstract class AcceleratorSystem : IEquatable<AcceleratorSystem>
    {
        /// <summary>Creates the system; generated code calls this with the catalog entry's values.</summary>
        protected AcceleratorSystem(
            string id,
            string name,
            string vendor,
            Accelerator gpu,
            int gpusPerNode,
            Fabric scaleUp,
            Fabric? scaleOut = null,
            int? released = null,
            string? notes = null,
            IReadOnlyList<string>? sources = null,
            bool isEstimated = false,
            IReadOnlyList<ValueSource>? valueSources = null)
        {
            Id = id ?? throw new ArgumentNullException(nameof(id));
            Name = name ?? throw new ArgumentNullException(nameof(name));
            Vendor = vendor ?? throw new ArgumentNullException(nameof(vendor));
            Gpu = gpu ?? throw new ArgumentNullException(nameof(gpu));
            GpusPerNode = gpusPerNode > 0 ? gpusPerNode : throw new ArgumentOutOfRangeException(nameof(gpusPerNode), gpusPerNode, "A node holds at least one GPU.");
            ScaleUp = scaleUp ?? throw new ArgumentNullException(nameof(scaleUp));
            ScaleOut = scaleOut;
            Released = released;
            Notes = notes;
            Sources = sources ?? Array.Empty<string>();
            IsEstimated = isEstimated;
            ValueSources = valueSources ?? Array.Empty<ValueSource>();
        }

        /// <summary>Creates a typed system over the values of <paramref name="entry"/> (what <c>Systems.Find</c> returns).</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        protected AcceleratorSystem(AcceleratorSystem entry)
            : this((entry ?? throw new ArgumentNullException(nameof(entry))).Id, entry.Name, entry.Vendor, entry.Gpu, entry.GpusPerNode, entry.ScaleUp, entry.ScaleOut,
                entry.Released, entry.Notes, entry.Sources, entry.IsEstimated, entry.ValueSources)
        {
        }

        /// <summary>
        /// The base-type instance of a catalog entry; generated index classes hold one per entry. The values are those
        /// of the public constructor; <paramref name="valueSources"/> lists the values that name their own source as
        /// key, URL or empty, "secondary" or empty, repeated.
        /// </summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public static AcceleratorSystem Create(string id, string name, string vendor, Accelerator gpu, int gpusPerNode, Fabric scaleUp, Fabric? scaleOut, int? released,
            string? notes, string[] sources, bool isEstimated, string[]? valueSources)
            => new CatalogSystem(id, name, vendor, gpu, gpusPerNode, scaleUp, scaleOut, released, notes, sources, isEstimated, ValueSource.Read(valueSources));

        /// <summary>The catalog id, for example <c>dgx-h100</c>.</summary>
        public string Id { get; }

        /// <summary>The product name, for example <c>NVIDIA DGX H100</c>.</summary>
        public string Name { get; }

        /// <summary>The vendor.</summary>
        public string Vendor { get; }

        /// <summary>The accelerator the system is built of.</summary>
        public Accelerator Gpu { get; }

        /// <summary>Accelerators per server or compute tray.</summary>
        public int GpusPerNode { get; }

        /// <summary>The fabric inside a scale-up domain (NVLink, Infinity Fabric, ICI), per GPU.</summary>
        public Fabric ScaleUp { get; }

        /// <summary>The network between domains (InfiniBand, RoCE), per GPU; null when the catalog gives none.</summary>
        public Fabric? ScaleOut { get; }

        /// <summary>GPUs in one scale-up domain: the largest tensor- or expert-parallel group that stays on <see cref="ScaleUp"/>.</summary>
        public int ScaleUpDomain => ScaleUp.Domain ?? GpusPerNode;

        /// <summary>The year of release, when the catalog gives it.</summary>
        public int? Released { get; }

        /// <summary>Remarks from the catalog entry.</summary>
        public string? Notes { get; }

        /// <summary>URLs of the documents the values come from.</summary>
        public IReadOnlyList<string> Sources { get; }

        /// <summary>Whether the figures are unofficial estimates.</summary>
        public bool IsEstimated { get; }

        /// <summary>The values that name their own source or come from a secondary source, keyed by catalog path.</summary>
        public IReadOnlyList<ValueSource> ValueSources { get; }

        /// <summary>Whether <paramref name="other"/> is the same catalog entry (same <see cref="Id"/>, ordinal).</summary>
        public bool Equals(AcceleratorSystem? other) => other is not null && string.Equals(Id, other.Id, StringComparison.Ordinal);

        /// <inheritdoc/>
        public override bool Equals(object? obj) => Equals(obj as AcceleratorSystem);

        /// <inheritdoc/>
        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Id);

        /// <summary>Whether both are null or both name the same catalog entry.</summary>
        public static bool operator ==(AcceleratorSystem? left, AcceleratorSystem? right) => left is null ? right is null : left.Equals(right);

        /// <summary>Whether the two do not name the same catalog entry.</summary>
        public static bool operator !=(AcceleratorSystem? left, AcceleratorSystem? right) => !(left == right);

        /// <inheritdoc/>
        public override string ToString() => Name;

        private sealed class CatalogSystem : AcceleratorSystem
        {
            public CatalogSystem(string id, string name, string vendor, Accelerator gpu, int gpusPerNode, Fabric scaleUp, Fabric? scaleOut, int? released,
                string? notes, string[] sources, bool isEstimated, IReadOnlyList<ValueSource> valueSources)
                : base(id, name, vendor, gpu, gpusPerNode, scaleUp, scaleOut, released, notes, sources, isEstimated, valueSources)
            {
            }
        }
    }
}
