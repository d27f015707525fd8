using System;
using HardwareCatalog.Units;

namespace HardwareCatalog.Estimation
{
    /// <summary>How many FLOPs a training token costs per parameter.</summary>
    public enum ComputeRule
    {
        /// <summary>
        /// 6·N·D: a forward pass (2 FLOPs per parameter per token) and a backward pass (4). Kaplan et al. 2020,
        /// "Scaling Laws for Neural Language Models", section 2.1: C ≈ 6NBS.
        /// </summary>
        SixND = 6,

        /// <summary>
        /// 8·T·P: as 6·N·D plus a second forward pass for full activation recomputation. Narayanan et al. 2021,
        /// "Efficient Large-Scale Language Model Training on GPU Clusters Using Megatron-LM", section 5.1 (eq. 3 drops
        /// the attention term and keeps 8TP).
        /// </summary>
        EightTP = 8,
    }

    /// <summary>Training compute, time, accelerator count, utilization and cost. Each formula has its source.</summary>
    public static class Training
    {
        /// <summary>
        /// The compute of training on <paramref name="tokens"/> with <paramref name="parameters"/> (for MoE, the
        /// active parameters): rule × P × T.
        /// </summary>
        public static Flops Compute(Parameters parameters, Tokens tokens, ComputeRule rule = ComputeRule.SixND)
        {
            if (rule is not (ComputeRule.SixND or ComputeRule.EightTP)) throw new ArgumentOutOfRangeException(nameof(rule), rule, "Unknown compute rule.");
            return Flops.FromCount((int)rule * parameters.Count * tokens.Count);
        }

        /// <summary>
        /// The throughput each accelerator achieved: X = C / (N·t). Megatron-LM (Narayanan et al. 2021), section 5.1,
        /// solves the same relation for end-to-end training time.
        /// </summary>
        public static FlopRate EffectiveThroughputPerGpu(Flops compute, int gpus, TimeSpan duration)
        {
            RequirePositive(gpus, nameof(gpus));
            if (duration <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(duration), duration, "The duration must be positive.");
            return compute / duration / gpus;
        }

        /// <summary>The wall-clock time of <paramref name="compute"/> on <paramref name="gpus"/> at <paramref name="perGpu"/> each: t = C / (N·X).</summary>
        public static TimeSpan Duration(Flops compute, int gpus, [DenseThroughput] FlopRate perGpu)
        {
            RequirePositive(gpus, nameof(gpus));
            RequirePositive(perGpu);
            return compute / (perGpu * gpus);
        }

        /// <summary>The accelerator time of <paramref name="compute"/> at <paramref name="perGpu"/>: C / X, in GPU-hours.</summary>
        public static GpuHours GpuHoursFor(Flops compute, [DenseThroughput] FlopRate perGpu)
        {
            RequirePositive(perGpu);
            return GpuHours.FromHours(compute.Count / perGpu.FlopsPerSecond / 3600);
        }

        /// <summary>
        /// The least number of accelerators at <paramref name="perGpu"/> each that finishes <paramref name="compute"/>
        /// within <paramref name="deadline"/>: ⌈C / (X·T)⌉ (assumes perfect scaling: no communication or pipeline bubbles).
        /// </summary>
        public static int GpusForDeadline(Flops compute, TimeSpan deadline, [DenseThroughput] FlopRate perGpu)
        {
            RequirePositive(perGpu);
            if (deadline <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(deadline), deadline, "The deadline must be positive.");
            double exact = compute.Count / (perGpu.FlopsPerSecond * deadline.TotalSeconds);
            if (exact > int.MaxValue) throw new OverflowException($"{exact:G4} accelerators do not fit in an int.");
            int n = Math.Max(1, (int)Math.Ceiling(exact));
            // Floating-point rounding can land ⌈x⌉ one off; settle on the least n whose duration meets the deadline.
            while (n > 1 && Meets(compute, n - 1, perGpu, deadline)) n--;
            while (!Meets(compute, n, perGpu, deadline)) n++;
            return n;
        }

        private static bool Meets(Flops compute, int gpus, FlopRate perGpu, TimeSpan deadline)
            => compute.Count / (perGpu.FlopsPerSecond * gpus) <= deadline.TotalSeconds;

        /// <summary>
        /// Model FLOPs utilization: the achieved throughput over the accelerator's DENSE peak for
        /// <paramref name="precision"/> (Chowdhery et al. 2022, "PaLM", appendix B). Sparse peaks need pruned weights and
        /// are never the denominator.
        /// </summary>
        /// <exception cref="PrecisionNotSupportedException">The accelerator does not support <paramref name="precision"/>.</exception>
        public static double Mfu([DenseThroughput] FlopRate achievedPerGpu, Accelerator gpu, [PrecisionOf(nameof(gpu))] Precision precision)
        {
            if (gpu is null) throw new ArgumentNullException(nameof(gpu));
            return achievedPerGpu / gpu.Peak(precision);
        }

        private static void RequirePositive(int gpus, string name)
        {
            if (gpus <= 0) throw new ArgumentOutOfRangeException(name, gpus, "The accelerator count must be positive.");
        }

        private static void RequirePositive(FlopRate perGpu)
        {
            if (!(perGpu.FlopsPerSecond > 0)) throw new ArgumentOutOfRangeException(nameof(perGpu), perGpu, "The throughput must be positive.");
        }
    }
}
