using System;

namespace HardwareCatalog
{
    /// <summary>
    /// Marks a <see cref="Units.FlopRate"/> parameter that means dense throughput: what training and inference
    /// achieve. The HardwareCatalog analyzers warn (HWC002) when a 2:4 structured-sparsity peak (<c>.Sparse.X</c>,
    /// <see cref="Accelerator.PeakSparse(Precision)"/>) is passed to it, since reaching that peak needs pruned weights.
    /// Put it on your own APIs to get the same check.
    /// </summary>
    [AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = true)]
    public sealed class DenseThroughputAttribute : Attribute
    {
    }
}
