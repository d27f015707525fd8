using System;
using System.Collections.Generic;
using HardwareCatalog.Units;

namespace HardwareCatalog
{
    /// <summary>Peak throughput per precision; a precision without a value is unsupported.</summary>
    public sealed class PeakTable
    {
        private readonly double[] _flopsPerSecond;

        /// <summary>Creates a table; pass a value for each supported precision.</summary>
        public PeakTable(
            FlopRate? fp64 = null, FlopRate? fp64Tensor = null, FlopRate? fp32 = null, FlopRate? tf32 = null,
            FlopRate? bf16 = null, FlopRate? fp16 = null, FlopRate? fp8 = null, FlopRate? fp6 = null,
            FlopRate? fp4 = null, FlopRate? int8 = null, FlopRate? int4 = null)
            : this(Slots(fp64, fp64Tensor, fp32, tf32, bf16, fp16, fp8, fp6, fp4, int8, int4))
        {
        }

        private static double[] Slots(params FlopRate?[] rates)
        {
            var slots = new double[rates.Length];
            for (int i = 0; i < rates.Length; i++) slots[i] = rates[i]?.FlopsPerSecond ?? double.NaN;
            return slots;
        }

        private PeakTable(double[] flopsPerSecond)
        {
            _flopsPerSecond = flopsPerSecond;
            var supported = new List<Precision>();
            for (int i = 0; i < flopsPerSecond.Length; i++)
            {
                if (!double.IsNaN(flopsPerSecond[i])) supported.Add((Precision)i);
            }

            Supported = supported.AsReadOnly();
        }

        /// <summary>Writes one slot per precision (NaN: unsupported) into <paramref name="values"/> from <paramref name="offset"/>.</summary>
        internal void CopyTo(double[] values, int offset) => Array.Copy(_flopsPerSecond, 0, values, offset, _flopsPerSecond.Length);

        /// <summary>An empty table: no precision supported.</summary>
        public static PeakTable Empty { get; } = new PeakTable();

        /// <summary>The supported precisions, in <see cref="Precision"/> order.</summary>
        public IReadOnlyList<Precision> Supported { get; }

        /// <summary>Whether <paramref name="precision"/> has a value.</summary>
        public bool Contains(Precision precision) => (uint)precision < (uint)_flopsPerSecond.Length && !double.IsNaN(_flopsPerSecond[(int)precision]);

        /// <summary>Gets the value for <paramref name="precision"/> if there is one.</summary>
        public bool TryGet(Precision precision, out FlopRate rate)
        {
            if (Contains(precision))
            {
                rate = FlopRate.FromFlopsPerSecond(_flopsPerSecond[(int)precision]);
                return true;
            }

            rate = default;
            return false;
        }
    }
}
