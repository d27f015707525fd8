using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace HardwareCatalog.Planning
{
    /// <summary>How serious a plan check is.</summary>
    public enum PlanCheckSeverity
    {
        /// <summary>The plan runs, but not as written (uneven pipeline stages, for example).</summary>
        Warning,

        /// <summary>The plan cannot run.</summary>
        Error,
    }

    /// <summary>
    /// One failed check of a plan: a stable id (HWC2xx, with a page under docs/diagnostics/), the severity, the message and
    /// the plan field it concerns, so that a plan file can report it at that key and a C# plan gets the same from
    /// <see cref="TrainingPlan.Validate"/>.
    /// </summary>
    public sealed class PlanCheck
    {
        internal PlanCheck(string id, PlanCheckSeverity severity, string field, string message)
        {
            Id = id;
            Severity = severity;
            Field = field;
            Message = message;
        }

        /// <summary>The check's stable id, for example <c>HWC208</c>.</summary>
        public string Id { get; }

        /// <summary>Whether the plan cannot run (error) or runs otherwise than written (warning).</summary>
        public PlanCheckSeverity Severity { get; }

        /// <summary>The plan field the check concerns: <c>gpus</c>, <c>tensor</c>, <c>pipeline</c>, <c>expert</c>, <c>recipe</c>, <c>memory</c>.</summary>
        public string Field { get; }

        /// <summary>What is wrong and what would fix it.</summary>
        public string Message { get; }

        /// <inheritdoc/>
        public override string ToString() => $"{(Severity == PlanCheckSeverity.Error ? "error" : "warning")} {Id}: {Message}";
    }

    /// <summary>
    /// A training plan: a model on a system's GPUs with its settings. <see cref="Validate"/> runs every check; the
    /// memory and step-time models answer the rest (docs/planning.md).
    /// </summary>
    public sealed class TrainingPlan
    {
        /// <summary>Creates the plan.</summary>
        /// <param name="model">The model, with its full shape.</param>
        /// <param name="system">The system whose GPU and networks the plan runs on.</param>
        /// <param name="gpus">The GPUs of the run: t·p·d of <paramref name="settings"/>'s layout, or HWC201.</param>
        /// <param name="settings">Layout, batch, recipe, ZeRO stage, recomputation.</param>
        public TrainingPlan(ModelSpec model, AcceleratorSystem system, int gpus, TrainingSettings settings)
        {
            Model = model ?? throw new ArgumentNullException(nameof(model));
            System = system ?? throw new ArgumentNullException(nameof(system));
            Settings = settings ?? throw new ArgumentNullException(nameof(settings));
            if (gpus <= 0) throw new ArgumentOutOfRangeException(nameof(gpus), gpus, "A plan runs on at least one GPU.");
            Gpus = gpus;
        }

        /// <summary>The model.</summary>
        public ModelSpec Model { get; }

        /// <summary>The system.</summary>
        public AcceleratorSystem System { get; }

        /// <summary>The GPUs of the run.</summary>
        public int Gpus { get; }

        /// <summary>The settings.</summary>
        public TrainingSettings Settings { get; }

        /// <summary>
        /// Every check of the plan, in id order; empty when the plan can run as written. The memory check compares the most
        /// loaded stage with the GPU's usable memory (the nominal memory when none is published, which the message says).
        /// </summary>
        public IReadOnlyList<PlanCheck> Validate()
        {
            var checks = new List<PlanCheck>();
            ParallelLayout layout = Settings.Layout;
            int t = layout.Tensor, p = layout.Pipeline, v = layout.VirtualStages, e = layout.Expert;
            if (layout.GpuCount != Gpus)
            {
                checks.Add(new PlanCheck("HWC201", PlanCheckSeverity.Error, "gpus",
                    Invariant($"The plan has {Gpus:N0} GPUs, but tensor × pipeline × data parallelism is {t} × {p} × {layout.Data} = {layout.GpuCount:N0}")));
            }

            if (Model.Attention is { } attention)
            {
                if (attention.Heads % t != 0)
                {
                    checks.Add(new PlanCheck("HWC202", PlanCheckSeverity.Error, "tensor",
                        Invariant($"'{Model.Id}' has {attention.Heads} attention heads, which tensor parallelism {t} does not divide: each GPU must hold whole heads")));
                }

                if (attention.Kind != AttentionKind.Mla && attention.KvHeads % t != 0 && t % attention.KvHeads != 0)
                {
                    checks.Add(new PlanCheck("HWC203", PlanCheckSeverity.Error, "tensor",
                        Invariant($"'{Model.Id}' has {attention.KvHeads} key/value heads: tensor parallelism {t} neither splits them evenly nor replicates them evenly")));
                }
            }

            if (Model.Layers is int layers && layers % (p * v) != 0)
            {
                checks.Add(new PlanCheck("HWC204", PlanCheckSeverity.Warning, "pipeline",
                    Invariant($"'{Model.Id}' has {layers} layers, which pipeline {p} × virtual stages {v} does not divide: the first stages hold one layer more and set the step time and the memory peak")));
            }

            if (e > 1 && Model.Moe is { } moe && moe.RoutedExperts % e != 0)
            {
                checks.Add(new PlanCheck("HWC205", PlanCheckSeverity.Error, "expert",
                    Invariant($"'{Model.Id}' has {moe.RoutedExperts} routed experts, which expert parallelism {e} does not divide")));
            }

            Accelerator gpu = System.Gpu;
            Precision compute = Settings.Recipe.Compute;
            if (!gpu.Supports(compute))
            {
                checks.Add(new PlanCheck("HWC207", PlanCheckSeverity.Error, "recipe",
                    $"'{gpu.Id}' does not compute in {compute.DisplayName()} (the recipe '{Settings.Recipe}' needs it); it supports: {string.Join(", ", gpu.SupportedPrecisions.Select(x => x.DisplayName()))}"));
            }

            if (checks.All(c => c.Severity != PlanCheckSeverity.Error || c.Id == "HWC201"))
            {
                MemoryFit fit = MemoryFit.Of(TrainingMemoryModel.Peak(Model, Settings), gpu);
                if (!fit.Fits)
                {
                    string terms = string.Join(", ", fit.LargestTerms.Take(3).Select(x => $"{x.Part} {x.Term} {Gib(x.Size)}"));
                    string against = fit.AgainstNominalMemory ? "its nominal memory (no usable figure is published)" : "its usable memory";
                    checks.Add(new PlanCheck("HWC208", PlanCheckSeverity.Error, "memory",
                        $"The plan needs {Gib(fit.Required)} per GPU on '{gpu.Id}', {Gib(fit.Overflow)} more than {against}, {Gib(fit.Available)}. Largest terms: {terms}. "
                        + "More tensor or pipeline parallelism, a higher ZeRO stage, recomputation or a smaller micro-batch would shrink them"));
                }
            }

            checks.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
            return checks;
        }

        private static string Gib(Units.DataSize size) => (size.Bytes / (1024d * 1024 * 1024)).ToString("N1", CultureInfo.InvariantCulture) + " GiB";

        private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
    }
}
