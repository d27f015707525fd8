using System;

namespace HardwareCatalog
{
    /// <summary>
    /// Records, in metadata, which precisions a generated accelerator type supports, so that analyzers can check
    /// <c>Peak(Precision.X)</c> at compile time, across assemblies and for user catalog entries alike.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class SupportedPrecisionsAttribute : Attribute
    {
        /// <summary>Creates the attribute from the precisions that have a dense peak.</summary>
        public SupportedPrecisionsAttribute(params Precision[] dense)
        {
            Dense = dense ?? Array.Empty<Precision>();
        }

        /// <summary>The precisions that have a dense peak.</summary>
        public Precision[] Dense { get; }

        /// <summary>The precisions that have a sparse peak.</summary>
        public Precision[] Sparse { get; set; } = Array.Empty<Precision>();
    }
}
