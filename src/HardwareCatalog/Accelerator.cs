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
    /// <remarks>
    /// Two accelerators are equal when their <see cref="Id"/>s are (ordinal comparison): a catalog id names one entry.
    /// <c>Gpus.Find(id)</c> and <c>Gpus.All</c> hand out one shared instance of this base type per entry, built
    /// without loading the entry's generated type; <c>Gpus.H100Sxm</c> is the typed instance of the same entry, built
    /// from the same values on first use. The two are equal (<c>Gpus.Find("h100-sxm") == Gpus.H100Sxm</c>,
    /// <c>Gpus.All.Contains(Gpus.H100Sxm)</c>) but not the same object.
    /// </remarks>
    public abstract class Accelerator : IEquatable<Accelerator>
    {
        private const int PrecisionCount = AcceleratorLayout.Sparse - AcceleratorLayout.Dense;

        // Every number of the entry, laid out as AcceleratorLayout says (NaN: not given). A typed entry shares the array
        // of the base instance it was built from, so each value exists once.
        private readonly double[] _values;
        private Interconnect? _interconnect;
        private IReadOnlyList<Precision>? _dense;
        private IReadOnlyList<Precision>? _sparse;
        private IReadOnlyList<Precision>? _measured;

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
            if (dense is null) throw new ArgumentNullException(nameof(dense));

            _values = new double[AcceleratorLayout.Length];
            _values[AcceleratorLayout.Memory] = memory?.Bytes ?? double.NaN;
            _values[AcceleratorLayout.MemoryBandwidth] = memoryBandwidth?.BytesPerSecond ?? double.NaN;
            _values[AcceleratorLayout.Tdp] = tdp?.Watts ?? double.NaN;
            _values[AcceleratorLayout.Released] = released ?? double.NaN;
            for (int i = 0; i < AcceleratorLayout.LinkCount; i++) _values[AcceleratorLayout.Links + i] = double.NaN;
            dense.CopyTo(_values, AcceleratorLayout.Dense);
            (sparse ?? PeakTable.Empty).CopyTo(_values, AcceleratorLayout.Sparse);
            _interconnect = interconnect ?? Interconnect.None;
            FormFactor = formFactor;
            Notes = notes;
            Sources = sources ?? Array.Empty<string>();
            IsEstimated = isEstimated;
            ValueSources = Array.Empty<ValueSource>();
        }

        /// <summary>
        /// Creates the accelerator from the compact form the generator emits: the numbers in one array laid out as
        /// <c>AcceleratorLayout</c> says, NaN for a value the catalog does not give. One array initializer compiles to a
        /// data blob, so generated code stays small and the first access to a catalog stays cheap.
        /// </summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        protected Accelerator(string id, string name, string vendor, string architecture, string? formFactor, string? notes, string[] sources, bool isEstimated, double[] values)
            : this(id, name, vendor, architecture, formFactor, notes, sources, isEstimated, values, null, null, null)
        {
        }

        /// <summary>
        /// Creates the accelerator from the compact form, with the measurements' stack and source and the values that
        /// name their own source (<paramref name="valueSources"/>: key, URL or empty, "secondary" or empty, repeated).
        /// </summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        protected Accelerator(string id, string name, string vendor, string architecture, string? formFactor, string? notes, string[] sources, bool isEstimated, double[] values,
            string? measurementStack, string? measurementSource, string[]? valueSources)
        {
            Id = id ?? throw new ArgumentNullException(nameof(id));
            Name = name ?? throw new ArgumentNullException(nameof(name));
            Vendor = vendor ?? throw new ArgumentNullException(nameof(vendor));
            Architecture = architecture ?? throw new ArgumentNullException(nameof(architecture));
            _values = values?.Length == AcceleratorLayout.Length ? values : throw new ArgumentException($"Expected {AcceleratorLayout.Length} values.", nameof(values));
            FormFactor = formFactor;
            Notes = notes;
            Sources = sources ?? Array.Empty<string>();
            IsEstimated = isEstimated;
            MeasurementStack = measurementStack;
            MeasurementSource = measurementSource;
            ValueSources = ValueSource.Read(valueSources);
        }

        /// <summary>
        /// Creates a typed accelerator over the values of <paramref name="entry"/>, sharing them: a generated entry type is
        /// built from the base instance that <c>Gpus.Find</c> returns, so no value is parsed or stored twice.
        /// </summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        protected Accelerator(Accelerator entry)
        {
            if (entry is null) throw new ArgumentNullException(nameof(entry));
            Id = entry.Id;
            Name = entry.Name;
            Vendor = entry.Vendor;
            Architecture = entry.Architecture;
            FormFactor = entry.FormFactor;
            Notes = entry.Notes;
            Sources = entry.Sources;
            IsEstimated = entry.IsEstimated;
            MeasurementStack = entry.MeasurementStack;
            MeasurementSource = entry.MeasurementSource;
            ValueSources = entry.ValueSources;
            _values = entry._values;
            _interconnect = entry._interconnect;
            _dense = entry._dense;
            _sparse = entry._sparse;
            _measured = entry._measured;
        }

        /// <summary>
        /// The base-type instance of a catalog entry, from the compact form the generator emits (see the protected
        /// constructor of the same shape). Generated index classes hold one per entry.
        /// </summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public static Accelerator Create(string id, string name, string vendor, string architecture, string? formFactor, string? notes, string[] sources, bool isEstimated, double[] values)
            => new CatalogAccelerator(id, name, vendor, architecture, formFactor, notes, sources, isEstimated, values, null, null, null);

        /// <summary>
        /// The base-type instance of a catalog entry with measurements or values that name their own source (see the
        /// protected constructor of the same shape).
        /// </summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public static Accelerator Create(string id, string name, string vendor, string architecture, string? formFactor, string? notes, string[] sources, bool isEstimated, double[] values,
            string? measurementStack, string? measurementSource, string[]? valueSources)
            => new CatalogAccelerator(id, name, vendor, architecture, formFactor, notes, sources, isEstimated, values, measurementStack, measurementSource, valueSources);

        /// <summary>The catalog id, for example <c>h800-sxm</c>.</summary>
        public string Id { get; }

        /// <summary>The product name, for example <c>NVIDIA H800 SXM5 80GB</c>.</summary>
        public string Name { get; }

        /// <summary>The vendor, for example <c>NVIDIA</c>.</summary>
        public string Vendor { get; }

        /// <summary>The architecture, for example <c>Hopper</c>.</summary>
        public string Architecture { get; }

        /// <summary>The year of release, when the catalog gives it.</summary>
        public int? Released => Slot(AcceleratorLayout.Released) is double year ? (int)year : null;

        /// <summary>The form factor (SXM, PCIe, OAM, ...), when the catalog gives it.</summary>
        public string? FormFactor { get; }

        /// <summary>Device memory capacity, when the vendor publishes it.</summary>
        /// <remarks>A generated accelerator type whose catalog entry gives the value hides this with a non-nullable member.</remarks>
        public DataSize? Memory => Slot(AcceleratorLayout.Memory) is double bytes ? DataSize.FromBytes(bytes) : null;

        /// <summary>Peak device memory bandwidth, when the vendor publishes it.</summary>
        /// <remarks>A generated accelerator type whose catalog entry gives the value hides this with a non-nullable member.</remarks>
        public Bandwidth? MemoryBandwidth => Slot(AcceleratorLayout.MemoryBandwidth) is double bytesPerSecond ? Bandwidth.FromBytesPerSecond(bytesPerSecond) : null;

        /// <summary>Maximum board power, when the vendor publishes it.</summary>
        /// <remarks>A generated accelerator type whose catalog entry gives the value hides this with a non-nullable member.</remarks>
        public Power? Tdp => Slot(AcceleratorLayout.Tdp) is double watts ? Power.FromWatts(watts) : null;

        /// <summary>
        /// The memory a process can allocate, as the driver reports it (nvidia-smi, rocm-smi, the vendor's framework),
        /// when published: less than <see cref="Memory"/>, the marketing figure. Plans compare against this.
        /// </summary>
        /// <remarks>A generated accelerator type whose catalog entry gives the value hides this with a non-nullable member.</remarks>
        public DataSize? UsableMemory => Slot(AcceleratorLayout.UsableMemory) is double bytes ? DataSize.FromBytes(bytes) : null;

        /// <summary>The precisions with a measured, achievable matmul rate (<see cref="MeasuredMatmul"/>).</summary>
        public IReadOnlyList<Precision> MeasuredPrecisions => _measured ??= Precisions(AcceleratorLayout.Measured);

        /// <summary>
        /// The measured, achievable dense matmul rate for <paramref name="precision"/> (for example the maximum achievable
        /// matmul FLOP/s of a published benchmark), or null when none is published. Never above <see cref="Peak"/>.
        /// </summary>
        public Achieved<FlopRate>? MeasuredMatmul(Precision precision)
            => Has(AcceleratorLayout.Measured, precision)
                ? new Achieved<FlopRate>(FlopRate.FromFlopsPerSecond(_values[AcceleratorLayout.Measured + (int)precision]), null, MeasurementSource ?? SourceOf(MeasuredKey(precision))?.Url, MeasurementStack)
                : null;

        /// <summary>The measured, achievable memory bandwidth, or null when none is published. Never above <see cref="MemoryBandwidth"/>.</summary>
        public Achieved<Bandwidth>? MeasuredMemoryBandwidth
            => Slot(AcceleratorLayout.MeasuredMemoryBandwidth) is double bytesPerSecond
                ? new Achieved<Bandwidth>(Bandwidth.FromBytesPerSecond(bytesPerSecond), null, MeasurementSource ?? SourceOf("measured.memoryBandwidth")?.Url, MeasurementStack)
                : null;

        /// <summary>The software stack the measurements ran on, as published (<c>measured.stack</c>).</summary>
        public string? MeasurementStack { get; }

        /// <summary>Where the measurements are published (<c>measured.source</c>); a value may name its own instead (<see cref="ValueSources"/>).</summary>
        public string? MeasurementSource { get; }

        /// <summary>
        /// The values that name their own source or come from a secondary source (press, reseller, a third-party
        /// database), keyed by their catalog path (<c>tdp</c>, <c>dense.bf16</c>). Every other value comes from <see cref="Sources"/>.
        /// </summary>
        public IReadOnlyList<ValueSource> ValueSources { get; }

        /// <summary>The own source of the value at catalog path <paramref name="key"/> (<c>tdp</c>, <c>dense.bf16</c>), or null when it has none.</summary>
        public ValueSource? SourceOf(string key)
        {
            foreach (ValueSource source in ValueSources)
            {
                if (string.Equals(source.Key, key, StringComparison.Ordinal)) return source;
            }

            return null;
        }

        /// <summary>Whether the value at catalog path <paramref name="key"/> comes from a secondary source (see <see cref="ValueSources"/>).</summary>
        public bool IsSecondary(string key) => SourceOf(key)?.IsSecondary == true;

        /// <summary>Link bandwidths per device.</summary>
        public Interconnect Interconnect => _interconnect ??= Links();

        /// <summary>Remarks from the catalog entry: derivations, fields the datasheets do not give.</summary>
        public string? Notes { get; }

        /// <summary>URLs of the datasheets and papers the values come from.</summary>
        public IReadOnlyList<string> Sources { get; }

        /// <summary>Whether the figures are unofficial estimates.</summary>
        public bool IsEstimated { get; }

        /// <summary>The precisions with a dense peak, in <see cref="Precision"/> order.</summary>
        public IReadOnlyList<Precision> SupportedPrecisions => _dense ??= Precisions(AcceleratorLayout.Dense);

        /// <summary>The precisions with a 2:4 structured-sparsity peak.</summary>
        public IReadOnlyList<Precision> SparsePrecisions => _sparse ??= Precisions(AcceleratorLayout.Sparse);

        /// <summary>Whether the accelerator computes in <paramref name="precision"/> at all.</summary>
        public bool Supports(Precision precision) => Has(AcceleratorLayout.Dense, precision);

        /// <summary>Whether the accelerator has a sparse peak for <paramref name="precision"/>.</summary>
        public bool SupportsSparse(Precision precision) => Has(AcceleratorLayout.Sparse, precision);

        /// <summary>The dense peak for <paramref name="precision"/>: what training and inference can approach.</summary>
        /// <exception cref="PrecisionNotSupportedException">The accelerator does not support <paramref name="precision"/>.</exception>
        public FlopRate Peak(Precision precision)
            => Has(AcceleratorLayout.Dense, precision)
                ? FlopRate.FromFlopsPerSecond(_values[AcceleratorLayout.Dense + (int)precision])
                : throw new PrecisionNotSupportedException(Id, precision, SupportedPrecisions);

        /// <summary>The 2:4 structured-sparsity peak for <paramref name="precision"/>; reachable only with pruned weights.</summary>
        /// <exception cref="PrecisionNotSupportedException">No sparse peak is known for <paramref name="precision"/>.</exception>
        public FlopRate PeakSparse(Precision precision)
            => Has(AcceleratorLayout.Sparse, precision)
                ? FlopRate.FromFlopsPerSecond(_values[AcceleratorLayout.Sparse + (int)precision])
                : throw new PrecisionNotSupportedException(Id, precision, SparsePrecisions, sparse: true);

        /// <summary>The dense peak for <paramref name="precision"/>, if supported.</summary>
        public bool TryGetPeak(Precision precision, out FlopRate rate)
        {
            if (Has(AcceleratorLayout.Dense, precision))
            {
                rate = FlopRate.FromFlopsPerSecond(_values[AcceleratorLayout.Dense + (int)precision]);
                return true;
            }

            rate = default;
            return false;
        }

        /// <summary>Whether <paramref name="other"/> is the same catalog entry: its <see cref="Id"/> is the same (ordinal).</summary>
        public bool Equals(Accelerator? other) => other is not null && string.Equals(Id, other.Id, StringComparison.Ordinal);

        /// <inheritdoc/>
        public override bool Equals(object? obj) => Equals(obj as Accelerator);

        /// <inheritdoc/>
        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Id);

        /// <summary>Whether both are null or both name the same catalog entry (see <see cref="Equals(Accelerator)"/>).</summary>
        public static bool operator ==(Accelerator? left, Accelerator? right) => left is null ? right is null : left.Equals(right);

        /// <summary>Whether the two do not name the same catalog entry.</summary>
        public static bool operator !=(Accelerator? left, Accelerator? right) => !(left == right);

        /// <inheritdoc/>
        public override string ToString() => Name;

        private static string MeasuredKey(Precision precision) => "measured.matmul." + precision.CatalogKey();

        private double? Slot(int index) => double.IsNaN(_values[index]) ? null : _values[index];

        private bool Has(int offset, Precision precision) => (uint)precision < PrecisionCount && !double.IsNaN(_values[offset + (int)precision]);

        private IReadOnlyList<Precision> Precisions(int offset)
        {
            var supported = new List<Precision>(PrecisionCount);
            for (int i = 0; i < PrecisionCount; i++)
            {
                if (!double.IsNaN(_values[offset + i])) supported.Add((Precision)i);
            }

            return supported.AsReadOnly();
        }

        private Interconnect Links()
        {
            Bandwidth? Link(int i) => Slot(AcceleratorLayout.Links + i) is double bytesPerSecond ? Bandwidth.FromBytesPerSecond(bytesPerSecond) : null;
            bool any = false;
            for (int i = 0; i < AcceleratorLayout.LinkCount; i++) any |= !double.IsNaN(_values[AcceleratorLayout.Links + i]);
            return any ? new Interconnect(Link(0), Link(1), Link(2), Link(3), Link(4), Link(5)) : Interconnect.None;
        }

        /// <summary>The base-type instance of a generated catalog entry (what <c>Gpus.Find</c> and <c>Gpus.All</c> hand out).</summary>
        private sealed class CatalogAccelerator : Accelerator
        {
            public CatalogAccelerator(string id, string name, string vendor, string architecture, string? formFactor, string? notes, string[] sources, bool isEstimated, double[] values,
                string? measurementStack, string? measurementSource, string[]? valueSources)
                : base(id, name, vendor, architecture, formFactor, notes, sources, isEstimated, values, measurementStack, measurementSource, valueSources)
            {
            }
        }
    }
}
