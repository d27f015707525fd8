using System;
using System.Collections.Generic;
using System.ComponentModel;
using HardwareCatalog.Units;

namespace HardwareCatalog
{
    /// <summary>
    /// An accelerator SKU from the catalog. Each catalog entry becomes a sealed subclass whose <c>Dense</c> and
    /// <c>Sparse</c> members exist only for the precisions it supports; this base type answers the same questions
    /// for a precision known only at run time.
    /// </summary>
    public abstract class Accelerator
    {
        private readonly PeakTable _dense;
        private readonly PeakTable _sparse;

        /// <summary>Creates the accelerator; generated code calls this with the catalog entry's values.</summary>
        protected Accelerator(
            string id,
            string name,
            string vendor,
            string architecture,
            PeakTable dense,
            PeakTable? sparse = null,
            DataSize? memory = null,
            Bandwidth? memoryBandwidth = null,
            int? released = null,
            string? formFactor = null,
            Power? tdp = null,
            Interconnect? interconnect = null,
            string? notes = null,
            IReadOnlyList<string>? sources = null,
            bool isEstimated = false)
        {
            Id = id ?? throw new ArgumentNullException(nameof(id));
            Name = name ?? throw new ArgumentNullException(nameof(name));
            Vendor = vendor ?? throw new ArgumentNullException(nameof(vendor));
            Architecture = architecture ?? throw new ArgumentNullException(nameof(architecture));
            Memory = memory;
            MemoryBandwidth = memoryBandwidth;
            _dense = dense ?? throw new ArgumentNullException(nameof(dense));
            _sparse = sparse ?? PeakTable.Empty;
            Released = released;
            FormFactor = formFactor;
            Tdp = tdp;
            Interconnect = interconnect ?? Interconnect.None;
            Notes = notes;
            Sources = sources ?? Array.Empty<string>();
            IsEstimated = isEstimated;
        }

        /// <summary>
        /// Creates the accelerator from the compact form the generator emits: the numbers in one array laid out as
        /// <c>AcceleratorLayout</c> says, NaN for a value the catalog does not give. One array initializer compiles to a
        /// data blob, so a generated type's constructor stays small and the first access to a catalog stays cheap.
        /// </summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        protected Accelerator(string id, string name, string vendor, string architecture, string? formFactor, string? notes, string[] sources, bool isEstimated, double[] values)
            : this(
                id,
                name,
                vendor,
                architecture,
                PeakTable.FromSlots(Checked(values), AcceleratorLayout.Dense),
                PeakTable.FromSlots(values, AcceleratorLayout.Sparse),
                memory: Slot(values, AcceleratorLayout.Memory) is double memory ? DataSize.FromBytes(memory) : null,
                memoryBandwidth: Slot(values, AcceleratorLayout.MemoryBandwidth) is double bandwidth ? Bandwidth.FromBytesPerSecond(bandwidth) : null,
                released: Slot(values, AcceleratorLayout.Released) is double year ? (int)year : null,
                formFactor: formFactor,
                tdp: Slot(values, AcceleratorLayout.Tdp) is double watts ? Power.FromWatts(watts) : null,
                interconnect: Links(values),
                notes: notes,
                sources: sources,
                isEstimated: isEstimated)
        {
        }

        private static double[] Checked(double[] values)
            => values?.Length == AcceleratorLayout.Length ? values : throw new ArgumentException($"Expected {AcceleratorLayout.Length} values.", nameof(values));

        private static double? Slot(double[] values, int index) => double.IsNaN(values[index]) ? null : values[index];

        private static Interconnect Links(double[] values)
        {
            Bandwidth? Link(int i) => Slot(values, AcceleratorLayout.Links + i) is double bytesPerSecond ? Bandwidth.FromBytesPerSecond(bytesPerSecond) : null;
            bool any = false;
            for (int i = 0; i < AcceleratorLayout.LinkKeys.Length; i++) any |= !double.IsNaN(values[AcceleratorLayout.Links + i]);
            return any ? new Interconnect(Link(0), Link(1), Link(2), Link(3), Link(4)) : Interconnect.None;
        }

        /// <summary>The catalog id, for example <c>h800-sxm</c>.</summary>
        public string Id { get; }

        /// <summary>The product name, for example <c>NVIDIA H800 SXM5 80GB</c>.</summary>
        public string Name { get; }

        /// <summary>The vendor, for example <c>NVIDIA</c>.</summary>
        public string Vendor { get; }

        /// <summary>The architecture, for example <c>Hopper</c>.</summary>
        public string Architecture { get; }

        /// <summary>The year of release, when the catalog gives it.</summary>
        public int? Released { get; }

        /// <summary>The form factor (SXM, PCIe, OAM, ...), when the catalog gives it.</summary>
        public string? FormFactor { get; }

        /// <summary>Device memory capacity, when the vendor publishes it.</summary>
        /// <remarks>A generated accelerator type whose catalog entry gives the value hides this with a non-nullable member.</remarks>
        public DataSize? Memory { get; }

        /// <summary>Peak device memory bandwidth, when the vendor publishes it.</summary>
        /// <remarks>A generated accelerator type whose catalog entry gives the value hides this with a non-nullable member.</remarks>
        public Bandwidth? MemoryBandwidth { get; }

        /// <summary>Maximum board power, when the vendor publishes it.</summary>
        public Power? Tdp { get; }

        /// <summary>Link bandwidths per device.</summary>
        public Interconnect Interconnect { get; }

        /// <summary>Remarks from the catalog entry: derivations, fields the datasheets do not give.</summary>
        public string? Notes { get; }

        /// <summary>URLs of the datasheets and papers the values come from.</summary>
        public IReadOnlyList<string> Sources { get; }

        /// <summary>Whether the figures are unofficial estimates.</summary>
        public bool IsEstimated { get; }

        /// <summary>The precisions with a dense peak, in <see cref="Precision"/> order.</summary>
        public IReadOnlyList<Precision> SupportedPrecisions => _dense.Supported;

        /// <summary>The precisions with a 2:4 structured-sparsity peak.</summary>
        public IReadOnlyList<Precision> SparsePrecisions => _sparse.Supported;

        /// <summary>Whether the accelerator computes in <paramref name="precision"/> at all.</summary>
        public bool Supports(Precision precision) => _dense.Contains(precision);

        /// <summary>Whether the accelerator has a sparse peak for <paramref name="precision"/>.</summary>
        public bool SupportsSparse(Precision precision) => _sparse.Contains(precision);

        /// <summary>The dense peak for <paramref name="precision"/>: what training and inference can approach.</summary>
        /// <exception cref="PrecisionNotSupportedException">The accelerator does not support <paramref name="precision"/>.</exception>
        public FlopRate Peak(Precision precision)
            => _dense.TryGet(precision, out FlopRate rate) ? rate : throw new PrecisionNotSupportedException(Id, precision, _dense.Supported);

        /// <summary>The 2:4 structured-sparsity peak for <paramref name="precision"/>; reachable only with pruned weights.</summary>
        /// <exception cref="PrecisionNotSupportedException">No sparse peak is known for <paramref name="precision"/>.</exception>
        public FlopRate PeakSparse(Precision precision)
            => _sparse.TryGet(precision, out FlopRate rate) ? rate : throw new PrecisionNotSupportedException(Id, precision, _sparse.Supported, sparse: true);

        /// <summary>The dense peak for <paramref name="precision"/>, if supported.</summary>
        public bool TryGetPeak(Precision precision, out FlopRate rate) => _dense.TryGet(precision, out rate);

        /// <inheritdoc/>
        public override string ToString() => Name;
    }
}
