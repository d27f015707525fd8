using System.Collections.Generic;
using System.Globalization;
using HardwareCatalog.Generators.Building;
using HardwareCatalog.Generators.Model;
using HardwareCatalog.Planning;

namespace HardwareCatalog.Generators.Emitting
{
    /// <summary>
    /// Writes the C# for one serving plan: a <c>ServingPlan</c> in the <c>ServingPlans</c> class, built from the catalog's
    /// model and system as a C# user would build it, with what the build computed in its documentation.
    /// </summary>
    internal static class ServingPlanEmitter
    {
        public static string HintName(ServingPlanOutput plan) => $"ServingPlans.{plan.Plan.Identifier}.g.cs";

        public static string Emit(ServingPlanOutput output, CatalogOptions options)
        {
            ServingEntry plan = output.Plan;
            string notNull = CodeWriter.NotNull(options);
            string system = $"Systems.Find({CodeWriter.Literal(plan.SystemId)}){notNull}";
            var w = new CodeWriter();
            CodeWriter.Header(w, options);
            w.Open($"namespace {options.Namespace}");
            w.Line(CodeWriter.RuntimeAlias);
            w.Line();
            w.Open($"{options.Visibility} static partial class ServingPlans");
            w.Doc(Doc(output));
            w.Line($"public static _HC.Planning.ServingPlan {plan.Identifier} => _{plan.Identifier};");
            w.Line();

            string layout = string.Format(CultureInfo.InvariantCulture,
                "new _HC.Planning.ServingLayout(tensor: {0}, pipeline: {1}, expert: {2}, replicas: {3}, redundantExperts: {4})",
                plan.Tensor, plan.Pipeline, plan.Expert, plan.Replicas, plan.RedundantExperts);
            string workload = string.Format(CultureInfo.InvariantCulture,
                "new _HC.Planning.ServingWorkload(concurrency: {0}, inputTokens: {1}, outputTokens: {2}, prefixHitRate: {3}, draftTokens: {4}, acceptance: {5})",
                plan.Concurrency, plan.InputTokens, plan.OutputTokens, CodeWriter.Number(plan.PrefixHitRate), plan.DraftTokens, CodeWriter.Number(plan.Acceptance));
            string compute = plan.ComputeEfficiency is double computeShare
                ? $"_HC.Achieved.FromEfficiency({system}.Gpu.Peak(_HC.Precision.{PrecisionTable.Rows[output.ComputePrecision].MemberName}), {CodeWriter.Number(computeShare)})"
                : "null";

            // A share of a datasheet bandwidth the catalog does not give is no rate (HWC229, a warning): the plan says so too.
            string bandwidth = plan.BandwidthEfficiency is double bandwidthShare && output.Bandwidth is not null
                ? $"_HC.Achieved.FromEfficiency({system}.Gpu.MemoryBandwidth{notNull}.Value, {CodeWriter.Number(bandwidthShare)})"
                : "null";
            w.Line($"private static readonly _HC.Planning.ServingPlan _{plan.Identifier} = new _HC.Planning.ServingPlan(");
            w.Line($"    model: Models.Find({CodeWriter.Literal(plan.ModelId)}){notNull}, system: {system}, gpus: {plan.Gpus.ToString(CultureInfo.InvariantCulture)},");
            w.Line($"    layout: {layout},");
            w.Line($"    weights: _HC.Planning.WeightFormat.Find({CodeWriter.Literal(plan.WeightFormat)}){notNull}, kvCache: _HC.Precision.{PrecisionTable.Rows[plan.KvCache].MemberName},");
            w.Line($"    workload: {workload},");
            w.Line($"    compute: {compute},");
            w.Line($"    memoryBandwidth: {bandwidth},");
            w.Line($"    networkEfficiency: {CodeWriter.Number(plan.NetworkEfficiency)}, prefillChunk: {plan.PrefillChunk.ToString(CultureInfo.InvariantCulture)}, id: {CodeWriter.Literal(plan.Id)});");
            w.Close();
            w.Close();
            return w.ToString();
        }

        /// <summary>The plan's documentation: what it is and what the build computed, so that IntelliSense shows it.</summary>
        internal static string Doc(ServingPlanOutput output)
        {
            ServingEntry plan = output.Plan;
            WeightFormatRow format = ServingBuilder.Format(plan.WeightFormat);
            string precision = PrecisionTable.Rows[output.ComputePrecision].DisplayName;
            string named = plan.Name == plan.Id ? $"<c>{CodeWriter.Xml(plan.Id)}</c>" : $"{CodeWriter.Xml(plan.Name)} (<c>{CodeWriter.Xml(plan.Id)}</c>)";
            var lines = new List<string>
            {
                $"<summary>{named}: <c>{CodeWriter.Xml(plan.ModelId)}</c> on {plan.Gpus.ToString("N0", CultureInfo.InvariantCulture)} GPUs of <c>{CodeWriter.Xml(plan.SystemId)}</c>, "
                    + $"{CodeWriter.Xml(Layout(plan))}, {CodeWriter.Xml(format.DisplayName)} weights, {PrecisionTable.Rows[plan.KvCache].DisplayName} KV cache; "
                    + string.Format(CultureInfo.InvariantCulture, "{0:N0} sequences of {1:N0} input and {2:N0} output tokens.</summary>", plan.Concurrency, plan.InputTokens, plan.OutputTokens),
                "<remarks>",
                "<para>Computed when the catalog was built (the same model as <see cref=\"_HC.Planning.ServingPlan.Memory\"/>, "
                    + "<see cref=\"_HC.Planning.ServingPlan.TimeToFirstToken\"/> and <see cref=\"_HC.Planning.ServingPlan.Decode\"/>):</para>",
            };

            string terms = $"dense weights {Gib(output.DenseWeightBytes)}"
                + (output.ExpertWeightBytes > 0 ? $", routed experts {Gib(output.ExpertWeightBytes)}" : "")
                + $", KV cache {Gib(output.KvCacheBytes)}, workspace {Gib(output.WorkspaceBytes)}";
            string against = output.NominalMemory ? "the nominal memory (no usable figure is published)" : "the usable memory";
            string gpu = $"<c>{CodeWriter.Xml(output.GpuId)}</c>";
            lines.Add(output.CapacityBytes is double capacity
                ? $"<para>Memory per GPU: {Gib(output.TotalBytes)} ({terms}); it fits {against} of {gpu}, {Gib(capacity)}, with {Gib(capacity - output.TotalBytes)} left.</para>"
                : $"<para>Memory per GPU: {Gib(output.TotalBytes)} ({terms}); not checked: the catalog gives no memory for {gpu}.</para>");
            if (output.MaxConcurrency is double most)
            {
                lines.Add(string.Format(CultureInfo.InvariantCulture, "<para>At {0:N0} tokens of context the plan holds {1:N0} sequences.</para>",
                    (long)plan.InputTokens + plan.OutputTokens, most));
            }

            if (output.FlopRate is double flops && output.Bandwidth is double bandwidth
                && output.TimeToFirstToken is double ttft && output.TimePerOutputToken is double tpot && output.OutputTokensPerSecond is double tokens)
            {
                string computeHow = output.FlopRateMeasured ? $"the catalog's measured {precision} matmul rate" : $"{TrainingPlanEmitter.Percent(plan.ComputeEfficiency!.Value)} of the {precision} dense peak";
                string bandwidthHow = output.BandwidthMeasured ? "the catalog's measured memory bandwidth" : $"{TrainingPlanEmitter.Percent(plan.BandwidthEfficiency!.Value)} of the datasheet memory bandwidth";
                lines.Add($"<para>Rates per GPU: {TrainingPlanEmitter.Tera(flops)} ({computeHow}), {TeraBytes(bandwidth)} ({bandwidthHow}).</para>");
                lines.Add(string.Format(CultureInfo.InvariantCulture,
                    "<para>Time to first token: {0} ms; time per output token: {1} ms; {2} output tokens/s ({3} per GPU).</para>",
                    Milliseconds(ttft), Milliseconds(tpot), tokens.ToString("N0", CultureInfo.InvariantCulture), (tokens / output.GpuCount).ToString("N0", CultureInfo.InvariantCulture)));
            }
            else
            {
                lines.Add($"<para>No latency or throughput (HWC229): the plan gives no efficiency for a rate the catalog does not measure for {gpu}.</para>");
            }

            CodeWriter.NotesAndSources(lines, plan.Notes, plan.Sources);
            lines.Add("</remarks>");
            return string.Join("\n", lines);
        }

        private static string Layout(ServingEntry plan)
            => string.Format(CultureInfo.InvariantCulture, "TP {0}", plan.Tensor)
               + (plan.Pipeline > 1 ? string.Format(CultureInfo.InvariantCulture, ", PP {0}", plan.Pipeline) : "")
               + (plan.Expert > 1 ? string.Format(CultureInfo.InvariantCulture, ", EP {0}", plan.Expert) : "")
               + (plan.RedundantExperts > 0 ? string.Format(CultureInfo.InvariantCulture, " (+{0} redundant)", plan.RedundantExperts) : "")
               + string.Format(CultureInfo.InvariantCulture, ", {0} replica{1}", plan.Replicas, plan.Replicas > 1 ? "s" : "");

        internal static string Gib(double bytes) => TrainingPlanEmitter.Gib(bytes);

        internal static string Milliseconds(double seconds) => (seconds * 1000).ToString("0.##", CultureInfo.InvariantCulture);

        internal static string TeraBytes(double bytesPerSecond) => (bytesPerSecond / 1e12).ToString("0.###", CultureInfo.InvariantCulture) + " TB/s";
    }
}
