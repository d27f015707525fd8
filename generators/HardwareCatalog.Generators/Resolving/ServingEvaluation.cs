using System;
using System.Collections.Generic;
using System.Linq;
using HardwareCatalog.Generators.Building;
using HardwareCatalog.Generators.Model;
using HardwareCatalog.Planning;

namespace HardwareCatalog.Generators.Resolving
{
    /// <summary>
    /// A serving plan against its model and system: the references (HWC109), then every check the runtime's
    /// <c>ServingPlan.Validate()</c> runs (HWC221–230, through the same <see cref="ServingCore"/>), each reported at the
    /// plan file's key it concerns, and the figures the emitted plan's documentation shows.
    /// </summary>
    internal static class ServingEvaluation
    {
        /// <summary>The plan with its figures; null when a reference is wrong or a check failed with an error (reported).</summary>
        public static ServingPlanOutput? Evaluate(
            ServingEntry plan,
            IReadOnlyDictionary<string, ModelEntry> models,
            IReadOnlyDictionary<string, SystemEntry> systems,
            IReadOnlyDictionary<string, GpuEntry> gpus,
            Lazy<Dictionary<string, ParsedEntry>> byId,
            DiagnosticBag diagnostics)
        {
            if (PlanEvaluation.Resolve(plan, models, systems, gpus, byId, diagnostics, "its memory, latency and throughput") is not { } target)
            {
                return null;
            }

            ModelEntry model = target.Model;
            GpuEntry gpu = target.Gpu;
            ModelShape shape = target.Shape;

            // The routed experts and their redundant copies are counted in a 32-bit integer, as the runtime counts them.
            if (shape.IsMixtureOfExperts && (long)shape.RoutedExperts + plan.RedundantExperts > int.MaxValue)
            {
                diagnostics.Report(DiagnosticDescriptors.InconsistentPlan, plan.LocationOf("redundantExperts"), plan.Id,
                    FormattableString.Invariant($"{shape.RoutedExperts:N0} routed experts and {plan.RedundantExperts:N0} redundant copies are more than a plan counts ({int.MaxValue:N0})"));
                return null;
            }

            WeightFormatRow format = ServingBuilder.Format(plan.WeightFormat);
            ServingInputs inputs = Inputs(plan, format);
            var findings = new List<PlanFinding>();
            ServingCore.CheckLayout(shape, model.Id, model.ContextWindow, inputs, plan.Gpus, findings);

            // HWC225: the GPU's dense peaks are the precisions it computes in (the runtime's Supports rule).
            int compute = PrecisionTable.IndexOf(format.ComputeKey);
            Peak? dense = gpu.Dense.FirstOrDefault(p => p.Precision == compute);
            if (dense is null)
            {
                findings.Add(ServingCore.FormatUnsupported(gpu.Id, PrecisionTable.Rows[compute].DisplayName, format.DisplayName, format.WeightOnly,
                    gpu.Dense.Select(p => PrecisionTable.Rows[p.Precision].DisplayName)));
            }

            // Memory once the layout splits the model, as the runtime decides; against the usable memory, else the nominal.
            var core = new ServingCore(target.Core);
            double? capacity = target.Capacity(out bool nominal);
            bool layoutSplits = ServingCore.LayoutSplits(findings);
            if (layoutSplits && capacity is double available && core.CheckMemory(inputs, available, nominal, gpu.Id) is { } memory)
            {
                findings.Add(memory);
            }

            // The rates as the emitted plan's constructor takes them: a share of the peak when the plan gives one, else the measured figure.
            double? flopRate = null, bandwidth = null;
            bool flopMeasured = false, bandwidthMeasured = false;
            if (plan.ComputeEfficiency is double computeShare)
            {
                if (dense is not null) flopRate = dense.FlopsPerSecond * computeShare;
            }
            else if (gpu.Measured.FirstOrDefault(p => p.Precision == compute) is { } rate)
            {
                flopRate = rate.FlopsPerSecond;
                flopMeasured = true;
            }

            if (plan.BandwidthEfficiency is double bandwidthShare)
            {
                if (gpu.MemoryBandwidth is { } peak) bandwidth = peak.Value * bandwidthShare;
            }
            else if (gpu.MeasuredMemoryBandwidth is { } measured)
            {
                bandwidth = measured.Value;
                bandwidthMeasured = true;
            }

            // HWC229 (a GPU that cannot compute in the format has HWC225, which says more).
            bool computeMissing = flopRate is null && dense is not null;
            if (computeMissing || bandwidth is null)
            {
                findings.Add(ServingCore.NoRate(gpu.Id, computeMissing, PrecisionTable.Rows[compute].DisplayName));
            }

            findings.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
            PlanEvaluation.Report(plan, findings, "HWC229", diagnostics);
            if (findings.Any(f => f.IsError) || !layoutSplits)
            {
                return null;
            }

            ServingBytes bytes = core.Memory(inputs);
            double context = (double)plan.InputTokens + plan.OutputTokens;
            double? maxConcurrency = capacity is double held ? core.MaxConcurrency(inputs, held, context) : null;
            double? ttft = null, tpot = null, tokensPerSecond = null;
            if (flopRate is double flops && bandwidth is double bytesPerSecond)
            {
                var network = new PlanNetwork(target.System, plan.NetworkEfficiency);
                ttft = core.Prefill(inputs, flops, bytesPerSecond, network.ScaleUp).Seconds;
                DecodeStep step = core.Decode(inputs, flops, bytesPerSecond, network.ScaleUp, network.ScaleOut, network.Domain);
                tpot = step.Seconds / step.TokensPerStep;
                tokensPerSecond = plan.Concurrency * step.TokensPerStep / step.Seconds;
            }

            return new ServingPlanOutput(
                plan,
                gpu.Id,
                compute,
                bytes.DenseWeights,
                bytes.ExpertWeights,
                bytes.KvCache,
                bytes.Workspace,
                capacity,
                nominal,
                maxConcurrency,
                flopRate,
                flopMeasured,
                bandwidth,
                bandwidthMeasured,
                ttft,
                tpot,
                tokensPerSecond,
                inputs.GpuCount);
        }

        /// <summary>The plan's settings as the numbers <see cref="ServingCore"/> evaluates (the runtime's <c>ServingPlan</c> constructor fills the same).</summary>
        internal static ServingInputs Inputs(ServingEntry plan, WeightFormatRow format) => new()
        {
            Tensor = plan.Tensor,
            Pipeline = plan.Pipeline,
            Expert = plan.Expert,
            Replicas = plan.Replicas,
            RedundantExperts = plan.RedundantExperts,
            WeightBytes = format.BitsPerParameter / 8,
            KvBytes = PrecisionTable.Rows[plan.KvCache].BytesPerElement,
            Concurrency = plan.Concurrency,
            InputTokens = plan.InputTokens,
            OutputTokens = plan.OutputTokens,
            PrefixHitRate = plan.PrefixHitRate,
            DraftTokens = plan.DraftTokens,
            Acceptance = plan.Acceptance,
            PrefillChunk = plan.PrefillChunk,
        };
    }
}
