using System;
using System.Collections.Generic;
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

        /// <summary>
        /// The plan key the check concerns, as a plan file spells it: <c>gpus</c>, <c>tensor</c>, <c>pipeline</c>,
        /// <c>expert</c>, <c>context</c>, <c>globalBatch</c>, <c>recipe</c>, or <c>system</c> (memory: the GPU it does not fit).
        /// </summary>
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
        /// <param name="gpus">The GPUs of the run: t·p·c·d of <paramref name="settings"/>'s layout, or HWC201.</param>
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
            var findings = new List<PlanFinding>();
            TrainingInputs inputs = Settings.Inputs();
            TrainingCore.CheckLayout(Model.Shape(), Model.Id, inputs, Gpus, findings);

            Accelerator gpu = System.Gpu;
            Precision compute = Settings.Recipe.Compute;
            if (!gpu.Supports(compute))
            {
                findings.Add(new PlanFinding("HWC207", true, "recipe",
                    $"'{gpu.Id}' does not compute in {compute.DisplayName()} (the recipe '{Settings.Recipe}' needs it); it supports: {string.Join(", ", gpu.SupportedPrecisions.Select(x => x.DisplayName()))}"));
            }

            // Memory is evaluated once the layout splits the model (a count mismatch alone does not stop it).
            if (findings.All(f => !f.IsError || f.Id is "HWC201" or "HWC206" or "HWC207") && Model.TrainingCore() is { } core)
            {
                StageLoad peak = core.Peak(inputs, out _);
                MemoryFit fit = MemoryFit.Of(TrainingMemoryModel.ToMemory(inputs, peak), gpu);
                if (TrainingCore.CheckMemory(inputs, peak, fit.Available.Bytes, fit.AgainstNominalMemory, gpu.Id) is { } memory) findings.Add(memory);
            }

            var checks = findings.ConvertAll(f => new PlanCheck(f.Id, f.IsError ? PlanCheckSeverity.Error : PlanCheckSeverity.Warning, f.Field, f.Message));
            checks.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
            return checks;
        }

    }
}
