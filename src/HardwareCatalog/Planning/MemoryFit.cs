using System;
using System.Collections.Generic;
using System.Linq;
using HardwareCatalog.Units;

namespace HardwareCatalog.Planning
{
    /// <summary>One kind of memory in one part of the model, with its size: an entry of <see cref="MemoryFit.LargestTerms"/>.</summary>
    public readonly struct MemoryTermSize
    {
        /// <summary>Creates the entry.</summary>
        public MemoryTermSize(TrainingMemoryPart part, TrainingMemoryTerm term, DataSize size)
        {
            Part = part;
            Term = term;
            Size = size;
        }

        /// <summary>The part of the model.</summary>
        public TrainingMemoryPart Part { get; }

        /// <summary>The kind of memory.</summary>
        public TrainingMemoryTerm Term { get; }

        /// <summary>Its size on the GPU.</summary>
        public DataSize Size { get; }

        /// <inheritdoc/>
        public override string ToString() => $"{Part} {Term} {Size}";
    }

    /// <summary>
    /// A <see cref="TrainingMemory"/> compared with what a GPU offers: the usable memory the driver reports
    /// (<see cref="Accelerator.UsableMemory"/>), or, when the catalog has none for that GPU, the nominal memory, and then
    /// <see cref="AgainstNominalMemory"/> says so.
    /// </summary>
    public sealed class MemoryFit
    {
        private MemoryFit(Accelerator gpu, DataSize required, DataSize available, bool againstNominalMemory, IReadOnlyList<MemoryTermSize> largestTerms)
        {
            Gpu = gpu;
            Required = required;
            Available = available;
            AgainstNominalMemory = againstNominalMemory;
            LargestTerms = largestTerms;
        }

        /// <summary>
        /// Compares <paramref name="memory"/> with <paramref name="gpu"/>'s usable memory, or with its nominal memory when no
        /// usable figure is published (<see cref="AgainstNominalMemory"/> is then true).
        /// </summary>
        /// <exception cref="ArgumentNullException"><paramref name="gpu"/> is null.</exception>
        /// <exception cref="ArgumentException">The GPU has neither a usable nor a nominal memory figure.</exception>
        public static MemoryFit Of(TrainingMemory memory, Accelerator gpu)
        {
            if (gpu is null) throw new ArgumentNullException(nameof(gpu));
            DataSize available = Capacity(gpu, out bool nominal)
                ?? throw new ArgumentException($"{gpu.Id}: the catalog gives neither usable nor nominal memory.", nameof(gpu));

            var terms = new List<MemoryTermSize>(16);
            foreach (TrainingMemoryPart part in new[] { TrainingMemoryPart.Layers, TrainingMemoryPart.Experts, TrainingMemoryPart.Norms, TrainingMemoryPart.EmbeddingsAndOutput })
            {
                foreach (TrainingMemoryTerm term in new[] { TrainingMemoryTerm.Parameters, TrainingMemoryTerm.Gradients, TrainingMemoryTerm.OptimizerStates, TrainingMemoryTerm.Activations })
                {
                    DataSize size = memory[part, term];
                    if (size > DataSize.Zero) terms.Add(new MemoryTermSize(part, term, size));
                }
            }

            // Stable: equal sizes keep the breakdown's order.
            MemoryTermSize[] largest = terms.OrderByDescending(x => x.Size.Bytes).ToArray();
            return new MemoryFit(gpu, memory.Total, available, nominal, largest);
        }

        /// <summary>
        /// What every plan compares with: the GPU's usable memory, else its nominal memory (<paramref name="nominal"/> is then
        /// true); null when the catalog gives neither.
        /// </summary>
        internal static DataSize? Capacity(Accelerator gpu, out bool nominal)
        {
            nominal = gpu.UsableMemory is null;
            return gpu.UsableMemory ?? gpu.Memory;
        }

        /// <summary>The GPU compared with.</summary>
        public Accelerator Gpu { get; }

        /// <summary>What the plan needs per GPU: <see cref="TrainingMemory.Total"/>.</summary>
        public DataSize Required { get; }

        /// <summary>What the GPU offers: its usable memory, or its nominal memory when <see cref="AgainstNominalMemory"/>.</summary>
        public DataSize Available { get; }

        /// <summary>
        /// True when the catalog publishes no usable memory for the GPU and the nominal (marketing) figure was used instead:
        /// the driver reports less than that, so the headroom is overstated.
        /// </summary>
        public bool AgainstNominalMemory { get; }

        /// <summary>Whether the plan needs no more than the GPU offers.</summary>
        public bool Fits => Required <= Available;

        /// <summary>What is left when it fits; zero when it does not.</summary>
        public DataSize Headroom => Fits ? Available - Required : DataSize.Zero;

        /// <summary>What is missing when it does not fit; zero when it does.</summary>
        public DataSize Overflow => Fits ? DataSize.Zero : Required - Available;

        /// <summary>Every non-zero term of the breakdown (part and kind), largest first: what to shrink first.</summary>
        public IReadOnlyList<MemoryTermSize> LargestTerms { get; }

        /// <inheritdoc/>
        public override string ToString()
        {
            string against = AgainstNominalMemory ? "nominal memory (no usable figure published)" : "usable memory";
            string verdict = Fits ? $"fits with {Headroom} to spare" : $"overflows by {Overflow}";
            string top = string.Join(", ", LargestTerms.Take(3));
            return $"{Required} of {Available} {against} on {Gpu.Id}: {verdict}; largest: {top}";
        }
    }
}
