using System.Collections.Generic;
using System.Globalization;
using HardwareCatalog.Generators.Building;
using HardwareCatalog.Generators.Model;

namespace HardwareCatalog.Generators.Emitting
{
    /// <summary>
    /// Writes the C# for one training plan: a <c>TrainingPlan</c> in the <c>TrainingPlans</c> class, built from the
    /// catalog's model and system as a C# user would build it, with what the build computed in its documentation.
    /// </summary>
    internal static class TrainingPlanEmitter
    {
        public static string HintName(TrainingPlanOutput plan) => $"TrainingPlans.{plan.Plan.Identifier}.g.cs";

        public static string Emit(TrainingPlanOutput output, CatalogOptions options)
        {
            TrainingEntry plan = output.Plan;
            RecipeRow recipe = TrainingRecipes.Recipe(plan.Recipe)!;
            string notNull = CodeWriter.NotNull(options);
            string system = $"Systems.Find({CodeWriter.Literal(plan.SystemId)}){notNull}";
            var w = new CodeWriter();
            CodeWriter.Header(w, options);
            w.Open($"namespace {options.Namespace}");
            w.Line(CodeWriter.RuntimeAlias);
            w.Line();
            w.Open($"{options.Visibility} static partial class TrainingPlans");
            w.Doc(Doc(output, recipe));
            w.Line($"public static _HC.Planning.TrainingPlan {plan.Identifier} => _{plan.Identifier};");
            w.Line();

            string layout = string.Format(CultureInfo.InvariantCulture,
                "new _HC.Planning.ParallelLayout(tensor: {0}, pipeline: {1}, data: {2}, expert: {3}, virtualStages: {4}, sequenceParallel: {5}, context: {6})",
                plan.Tensor, plan.Pipeline, plan.Data, plan.Expert, plan.VirtualStages, CodeWriter.Bool(plan.SequenceParallel), plan.Context);
            string stateLayout = plan.StateLayout is { } key ? "_HC.Planning.OptimizerStateLayout." + TrainingRecipes.StateLayout(key)!.RuntimeName : "null";
            string settings = string.Format(CultureInfo.InvariantCulture,
                "new _HC.Planning.TrainingSettings({0}, microBatch: {1}, sequenceLength: {2}, globalBatch: {3}, recipe: _HC.Planning.PrecisionRecipe.{4}, "
                + "zero: _HC.Planning.ZeroStage.{5}, recomputation: _HC.Planning.ActivationRecomputation.{6}, stateLayout: {7}, activationStorage: _HC.Planning.ActivationStorage.{8})",
                layout, plan.MicroBatch, plan.SequenceLength, plan.GlobalBatch, recipe.RuntimeName, ZeroName(plan.Zero), Pascal(plan.Recomputation), stateLayout,
                plan.ActivationStorage == "deepseek-v3" ? "DeepSeekV3" : "Korthikanti");
            string perGpu = plan.ComputeEfficiency is double efficiency
                ? $"_HC.Achieved.FromEfficiency({system}.Gpu.Peak(_HC.Precision.{PrecisionTable.Rows[output.ComputePrecision].MemberName}), {CodeWriter.Number(efficiency)})"
                : "null";
            w.Line($"private static readonly _HC.Planning.TrainingPlan _{plan.Identifier} = new _HC.Planning.TrainingPlan(");
            w.Line($"    Models.Find({CodeWriter.Literal(plan.ModelId)}){notNull}, {system}, {plan.Gpus.ToString(CultureInfo.InvariantCulture)},");
            w.Line($"    {settings},");
            w.Line($"    perGpu: {perGpu}, networkEfficiency: {CodeWriter.Number(plan.NetworkEfficiency)}, overlapDataParallel: {CodeWriter.Bool(plan.OverlapDataParallel)}, id: {CodeWriter.Literal(plan.Id)});");
            w.Close();
            w.Close();
            return w.ToString();
        }

        private static string ZeroName(int zero) => zero switch
        {
            1 => "OptimizerStates",
            2 => "Gradients",
            3 => "Parameters",
            _ => "None",
        };

        private static string Pascal(string word) => char.ToUpperInvariant(word[0]) + word.Substring(1);

        /// <summary>The plan's documentation: what it is and what the build computed, so that IntelliSense shows it.</summary>
        internal static string Doc(TrainingPlanOutput output, RecipeRow recipe)
        {
            TrainingEntry plan = output.Plan;
            string precision = PrecisionTable.Rows[output.ComputePrecision].DisplayName;
            var lines = new List<string>
            {
                $"<summary>{(plan.Name == plan.Id ? "" : CodeWriter.Xml(plan.Name) + " (")}<c>{CodeWriter.Xml(plan.Id)}</c>{(plan.Name == plan.Id ? "" : ")")}: <c>{CodeWriter.Xml(plan.ModelId)}</c> on {plan.Gpus.ToString("N0", CultureInfo.InvariantCulture)} GPUs of "
                    + $"<c>{CodeWriter.Xml(plan.SystemId)}</c>, {CodeWriter.Xml(Layout(plan))}, {CodeWriter.Xml(recipe.Name)}.</summary>",
                "<remarks>",
                "<para>Computed when the catalog was built (the same model as <see cref=\"_HC.Planning.TrainingPlan.Memory\"/> and <see cref=\"_HC.Planning.TrainingPlan.Step\"/>):</para>",
            };

            string stage = plan.Pipeline > 1 ? string.Format(CultureInfo.InvariantCulture, " (pipeline stage {0} of {1})", output.PeakStage, plan.Pipeline) : "";
            string against = output.NominalMemory ? "the nominal memory (no usable figure is published)" : "the usable memory";
            lines.Add(output.CapacityBytes is double capacity
                ? $"<para>Memory per GPU: {Gib(output.PeakBytes)}{stage}; it fits {against} of <c>{CodeWriter.Xml(output.GpuId)}</c>, {Gib(capacity)}, with {Gib(capacity - output.PeakBytes)} to spare.</para>"
                : $"<para>Memory per GPU: {Gib(output.PeakBytes)}{stage}; not checked: the catalog gives no memory for <c>{CodeWriter.Xml(output.GpuId)}</c>.</para>");

            if (output.StepSeconds is double step && output.PerGpu is double rate)
            {
                string how = output.RateMeasured
                    ? $"the catalog's measured {precision} matmul rate"
                    : $"{Percent(plan.ComputeEfficiency!.Value)} of the {precision} dense peak";
                lines.Add(string.Format(CultureInfo.InvariantCulture,
                    "<para>Step time: {0} s at {1} per GPU ({2}): compute {3} s, pipeline bubble {4} s, exposed communication {5} s.</para>",
                    Seconds(step), Tera(rate), how, Seconds(output.ComputeSeconds), Seconds(output.BubbleSeconds), Seconds(output.CommunicationSeconds)));
                double mfu = output.ModelFlops / (output.GpuCount * step * output.DensePeak);
                double tokens = (double)plan.GlobalBatch * plan.SequenceLength / step;
                lines.Add(string.Format(CultureInfo.InvariantCulture,
                    "<para>MFU: {0} of the {1} dense peak ({2}); {3} tokens/s.</para>", Percent(mfu), precision, Tera(output.DensePeak), tokens.ToString("N0", CultureInfo.InvariantCulture)));
            }
            else
            {
                lines.Add($"<para>No step time: the catalog has no measured {precision} matmul rate for <c>{CodeWriter.Xml(output.GpuId)}</c> and the plan gives no computeEfficiency (HWC211).</para>");
            }

            CodeWriter.NotesAndSources(lines, plan.Notes, plan.Sources);
            lines.Add("</remarks>");
            return string.Join("\n", lines);
        }

        private static string Layout(TrainingEntry plan)
            => string.Format(CultureInfo.InvariantCulture, "TP {0}, PP {1}", plan.Tensor, plan.Pipeline)
               + (plan.VirtualStages > 1 ? string.Format(CultureInfo.InvariantCulture, " (v {0})", plan.VirtualStages) : "")
               + string.Format(CultureInfo.InvariantCulture, ", DP {0}", plan.Data)
               + (plan.Context > 1 ? string.Format(CultureInfo.InvariantCulture, ", CP {0}", plan.Context) : "")
               + (plan.Expert > 1 ? string.Format(CultureInfo.InvariantCulture, ", EP {0}", plan.Expert) : "")
               + (plan.SequenceParallel ? ", SP" : "");

        internal static string Gib(double bytes) => (bytes / (1024d * 1024 * 1024)).ToString("N1", CultureInfo.InvariantCulture) + " GiB";

        internal static string Seconds(double seconds) => seconds.ToString("0.###", CultureInfo.InvariantCulture);

        internal static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

        internal static string Tera(double flops) => (flops / 1e12).ToString("0.#", CultureInfo.InvariantCulture) + " TFLOP/s";
    }
}
