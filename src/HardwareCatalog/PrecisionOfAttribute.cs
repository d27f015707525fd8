using System;

namespace HardwareCatalog
{
    /// <summary>
    /// Ties a <see cref="Precision"/> parameter to an <see cref="Accelerator"/> parameter of the same method, so that
    /// the HardwareCatalog analyzers can reject, at compile time, a precision that the accelerator passed cannot run.
    /// Put it on your own APIs to get the same check.
    /// </summary>
    [AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = true)]
    public sealed class PrecisionOfAttribute : Attribute
    {
        /// <summary>Names the accelerator parameter: <c>[PrecisionOf(nameof(gpu))]</c>.</summary>
        public PrecisionOfAttribute(string acceleratorParameter) => AcceleratorParameter = acceleratorParameter;

        /// <summary>The name of the accelerator parameter.</summary>
        public string AcceleratorParameter { get; }
    }
}
