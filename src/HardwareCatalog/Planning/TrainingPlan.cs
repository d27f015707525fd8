using System;
using System.Collections.Generic;
using System.Linq;
using HardwareCatalog.Units;

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

        /// <summary>The checks of <paramref name="findings"/>, in id order: what every plan's Validate returns.</summary>
        internal static IReadOnlyList<PlanCheck> InIdOrder(List<PlanFinding> findings)
        {
            var checks = findings.ConvertAll(f => new PlanCheck(f.Id, f.IsError ? PlanCheckSeverity.Error : PlanCheckSeverity.Warning, f.Field, f.Message));
            checks.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
            return checks;
        }
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
        /// <param name="perGpu">
        /// What a GPU achieves on the model's matmuls; null takes the GPU's measured matmul rate at the recipe's compute
        /// precision from the catalog (never the peak). Without either the plan has no <see cref="Step"/> (HWC211).
        /// </param>
        /// <param name="networkEfficiency">The share of the fabrics' per-direction bandwidth collectives reach, in (0, 1].</param>
        /// <param name="overlapDataParallel">Whether the gradient reduction runs under the backward pass.</param>
        /// <param name="id">The plan's catalog id, for a plan compiled from a catalog file.</param>
        /// <exception cref="ArgumentException">The model does not give the full shape a plan needs (a plan file reports HWC128).</exception>
        public TrainingPlan(ModelSpec model, AcceleratorSystem system, int gpus, TrainingSettings settings, Achieved<FlopRate>? perGpu = null,
            double networkEfficiency = 1.0, bool overlapDataParallel = true, string? id = null)
        {
            Model = model ?? throw new ArgumentNullException(nameof(model));
            System = system ?? throw new ArgumentNullException(nameof(system));
            Settings = settings ?? throw new ArgumentNullException(nameof(settings));
            if (model.TrainingCore() is null) throw new ArgumentException($"'{model.Id}' does not give the shape a plan needs: {model.TrainingShapeMissing()}.", nameof(model));
            if (gpus <= 0) throw new ArgumentOutOfRangeException(nameof(gpus), gpus, "A plan runs on at least one GPU.");
            if (!(networkEfficiency > 0 && networkEfficiency <= 1)) throw new ArgumentOutOfRangeException(nameof(networkEfficiency), networkEfficiency, "The network efficiency is in (0, 1].");
            if (perGpu is { } rate && !(rate.Value.FlopsPerSecond > 0)) throw new ArgumentOutOfRangeException(nameof(perGpu), rate, "An achieved rate is positive.");
            Gpus = gpus;
            PerGpu = perGpu ?? system.Gpu.MeasuredMatmul(settings.Recipe.Compute);
            NetworkEfficiency = networkEfficiency;
            OverlapDataParallel = overlapDataParallel;
            Id = id;
        }

        /// <summary>The plan's catalog id when it was compiled from a plan file; otherwise null.</summary>
        public string? Id { get; }

        /// <summary>The model.</summary>
        public ModelSpec Model { get; }

        /// <summary>The system.</summary>
        public AcceleratorSystem System { get; }

        /// <summary>The GPUs of the run.</summary>
        public int Gpus { get; }

        /// <summary>The settings.</summary>
        public TrainingSettings Settings { get; }

        /// <summary>The compute rate a GPU achieves in the plan: as given, or the catalog's measured rate; null when neither is known.</summary>
        public Achieved<FlopRate>? PerGpu { get; }

        /// <summary>The share of the fabrics' bandwidth the collectives reach.</summary>
        public double NetworkEfficiency { get; }

        /// <summary>Whether the gradient reduction is hidden under the backward pass.</summary>
        public bool OverlapDataParallel { get; }

        /// <summary>The memory of the most loaded pipeline stage (<see cref="TrainingMemoryModel.Peak"/>).</summary>
        /// <exception cref="ArgumentException">The layout does not split the model (an error of <see cref="Validate"/>).</exception>
        public TrainingMemory Memory => _memory ??= TrainingMemoryModel.Peak(Model, Settings);

        /// <summary><see cref="Memory"/> against the GPU's usable memory.</summary>
        /// <exception cref="ArgumentException">As <see cref="Memory"/>.</exception>
        public MemoryFit Fit => MemoryFit.Of(Memory, System.Gpu);

        /// <summary>The modelled step at <see cref="PerGpu"/> over the system's fabrics, or null without a rate.</summary>
        /// <exception cref="ArgumentException">The layout does not split the model or the batch (an error of <see cref="Validate"/>).</exception>
        public StepTimeBreakdown? Step => PerGpu is { } rate
            ? _step ??= StepTime.Estimate(Model, Settings, rate, TrainingNetwork.Of(System, NetworkEfficiency), OverlapDataParallel)
            : null;

        private TrainingMemory? _memory;
        private StepTimeBreakdown? _step;

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

            // Memory is evaluated once the layout splits the model (a count mismatch alone does not stop it) and the GPU
            // publishes a memory size (a GPU without one cannot be checked).
            if (findings.All(f => !f.IsError || f.Id is "HWC201" or "HWC206" or "HWC207") && Model.TrainingCore() is { } core
                && MemoryFit.Capacity(gpu, out bool nominal) is { } capacity)
            {
                StageLoad peak = core.Peak(inputs, out _);
                if (TrainingCore.CheckMemory(inputs, peak, capacity.Bytes, nominal, gpu.Id) is { } memory) findings.Add(memory);
            }

            // HWC211, as a plan file reports it: a GPU that cannot compute in the recipe's precision has HWC207, which says more.
            if (PerGpu is null && gpu.Supports(compute))
            {
                findings.Add(new PlanFinding("HWC211", false, "computeEfficiency",
                    $"'{gpu.Id}' has no measured {compute.DisplayName()} matmul rate in the catalog, so the plan's step time is not modelled: give an achieved rate (computeEfficiency, a share of the dense peak); its memory is still checked"));
            }

            return PlanCheck.InIdOrder(findings);
        }

    }
}
