using System;
using System.Collections.Generic;
using System.Linq;

namespace HardwareCatalog
{
    /// <summary>Thrown when an accelerator is asked for the peak of a precision it does not support.</summary>
    public sealed class PrecisionNotSupportedException : NotSupportedException
    {
        /// <summary>Creates the exception.</summary>
        public PrecisionNotSupportedException(string acceleratorId, Precision precision, IReadOnlyList<Precision> supported, bool sparse = false)
            : base(BuildMessage(acceleratorId, precision, supported, sparse))
        {
            AcceleratorId = acceleratorId;
            Precision = precision;
            Supported = supported;
        }

        /// <summary>The catalog id of the accelerator.</summary>
        public string AcceleratorId { get; }

        /// <summary>The precision that was asked for.</summary>
        public Precision Precision { get; }

        /// <summary>What the accelerator does support.</summary>
        public IReadOnlyList<Precision> Supported { get; }

        private static string BuildMessage(string id, Precision precision, IReadOnlyList<Precision> supported, bool sparse)
        {
            string list = supported.Count == 0 ? "none" : string.Join(", ", supported.Select(p => p.DisplayName()));
            return sparse
                ? $"'{id}' has no sparse {precision.DisplayName()} peak; its sparse peaks cover: {list}."
                : $"'{id}' does not support {precision.DisplayName()}; it supports: {list}.";
        }
    }
}
