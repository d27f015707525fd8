using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using HardwareCatalog.Generators.Model;

namespace HardwareCatalog.Generators.Emitting
{
    /// <summary>Writes the C# for one model entry.</summary>
    internal static class ModelEmitter
    {
        private const string Units = "global::HardwareCatalog.Units.";
        private const string Runtime = "global::HardwareCatalog.";

        public static string HintName(ModelModel model) => $"Models.{model.Identifier}.g.cs";

        public static string Emit(ModelModel model, CatalogOptions options)
        {
            var w = new CodeWriter();
            AcceleratorEmitter.Header(w);
            w.Open($"namespace {options.Namespace}.LanguageModels");
            w.Doc(TypeDoc(model));
            w.Line(AcceleratorEmitter.GeneratedCodeAttribute);
            w.Open($"{options.Visibility} sealed partial class {model.Identifier} : {Runtime}ModelSpec");
            w.Doc($"<summary>The catalog entry <c>{CodeWriter.Xml(model.Id)}</c>.</summary>");
            w.Line($"public static readonly {model.Identifier} Instance = new {model.Identifier}();");
            w.Line();
            WriteConstructor(w, model, options);
            if (model.Training?.GpuIdentifier is { } gpu)
            {
                string typed = $"{Runtime}TrainingRun<global::{options.Namespace}.Accelerators.{gpu}>";
                w.Line();
                w.Doc($"<summary>The reported pre-training run, on <see cref=\"global::{options.Namespace}.Accelerators.{gpu}\"/>.</summary>");
                w.Line($"public new {typed} Training => ({typed})base.Training!;");
            }

            w.Close();
            w.Close();
            w.Line();
            w.Open($"namespace {options.Namespace}");
            w.Open($"{options.Visibility} static partial class Models");
            w.Doc($"<summary>{Summary(model)}</summary>\n<remarks>See <see cref=\"global::{options.Namespace}.LanguageModels.{model.Identifier}\"/> for every value and its sources.</remarks>");
            w.Line($"public static global::{options.Namespace}.LanguageModels.{model.Identifier} {model.Identifier} => global::{options.Namespace}.LanguageModels.{model.Identifier}.Instance;");
            w.Close();
            w.Close();
            return w.ToString();
        }

        private static void WriteConstructor(CodeWriter w, ModelModel model, CatalogOptions options)
        {
            var args = new List<string>
            {
                $"id: {CodeWriter.Literal(model.Id)}",
                $"name: {CodeWriter.Literal(model.Name)}",
                $"totalParameters: {Count("Parameters", model.Parameters)}",
                $"activeParameters: {(model.ActiveParameters is null ? "null" : Count("Parameters", model.ActiveParameters))}",
                $"developer: {CodeWriter.Literal(model.Developer)}",
                $"released: {Int(model.Released)}",
                $"layers: {Int(model.Layers)}",
                $"hiddenSize: {Int(model.HiddenSize)}",
                $"vocabularySize: {Int(model.VocabularySize)}",
                $"contextWindow: {Int(model.ContextWindow)}",
                $"attention: {Attention(model.Attention)}",
                $"moe: {(model.Moe is { } moe ? $"new {Runtime}MoeSpec({moe.RoutedExperts}, {moe.ActiveExperts}, {moe.SharedExperts})" : "null")}",
                $"training: {Training(model.Training, options)}",
                $"notes: {CodeWriter.Literal(model.Notes)}",
                $"sources: new string[] {{ {string.Join(", ", model.Sources.Select(CodeWriter.Literal))} }}",
                $"isEstimated: {(model.IsEstimated ? "true" : "false")}",
            };

            w.Line($"private {model.Identifier}()");
            w.Line("    : base(");
            for (int i = 0; i < args.Count; i++)
            {
                w.Line("        " + args[i] + (i == args.Count - 1 ? ")" : ","));
            }

            w.Line("{");
            w.Line("}");
        }

        private static string Int(int? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "null";

        private static string Count(string type, Quantity quantity) => $"{Units}{type}.FromCount({CodeWriter.Number(quantity.Value)})";

        private static string Attention(AttentionModel? attention)
        {
            if (attention is null) return "null";
            string kind = attention.Kind switch { "mha" => "Mha", "gqa" => "Gqa", "mqa" => "Mqa", _ => "Mla" };
            return $"new {Runtime}AttentionSpec({Runtime}AttentionKind.{kind}, heads: {attention.Heads}, headDim: {attention.HeadDim}, kvHeads: {Int(attention.KvHeads)}, kvLoraRank: {Int(attention.KvLoraRank)}, ropeHeadDim: {Int(attention.RopeHeadDim)})";
        }

        private static string Training(TrainingModel? training, CatalogOptions options)
        {
            if (training is null) return "null";
            string tokens = training.Tokens is null ? "null" : Count("Tokens", training.Tokens);
            string hours = training.GpuHours is null ? "null" : $"{Units}GpuHours.FromHours({CodeWriter.Number(training.GpuHours.Value)})";
            string precision = training.Precision is { } p ? $"{Runtime}Precision.{PrecisionNames.MemberNames[p]}" : "null";
            if (training.GpuIdentifier is { } gpu)
            {
                string gpuType = $"global::{options.Namespace}.Accelerators.{gpu}";
                return $"new {Runtime}TrainingRun<{gpuType}>({gpuType}.Instance, tokens: {tokens}, gpuCount: {Int(training.GpuCount)}, gpuHours: {hours}, precision: {precision})";
            }

            return $"new {Runtime}TrainingRun(tokens: {tokens}, gpu: null, gpuCount: {Int(training.GpuCount)}, gpuHours: {hours}, precision: {precision})";
        }

        private static string Summary(ModelModel model)
        {
            string active = model.ActiveParameters is { } a ? $", {a.Text} active" : "";
            string estimated = model.IsEstimated ? " (estimated: unofficial figures)" : "";
            return CodeWriter.Xml($"{model.Name}{estimated}: {model.Parameters.Text} parameters{active}") + ".";
        }

        private static string TypeDoc(ModelModel model)
        {
            var lines = new List<string>();
            string by = model.Developer is null ? "" : ", " + model.Developer + (model.Released is { } y ? " " + y.ToString(CultureInfo.InvariantCulture) : "");
            lines.Add($"<summary>{CodeWriter.Xml(model.Name)} (<c>{CodeWriter.Xml(model.Id)}</c>){CodeWriter.Xml(by)}.</summary>");
            lines.Add("<remarks>");
            if (model.IsEstimated)
            {
                lines.Add("<para><b>Estimated:</b> these figures are unofficial (rumoured or reconstructed), not published by the developer.</para>");
            }

            var facts = new List<string> { model.Parameters.Text + " parameters" };
            if (model.ActiveParameters is { } active) facts.Add(active.Text + " active per token");
            if (model.Layers is { } layers) facts.Add(layers + " layers");
            if (model.HiddenSize is { } hidden) facts.Add("hidden size " + hidden);
            if (model.ContextWindow is { } context) facts.Add("context " + context);
            if (model.Attention is { } attention) facts.Add($"{attention.Kind.ToUpperInvariant()} attention, {attention.Heads} heads of {attention.HeadDim}");
            if (model.Moe is { } moe) facts.Add($"{moe.RoutedExperts} routed experts, {moe.ActiveExperts} active, {moe.SharedExperts} shared");
            lines.Add($"<para>{CodeWriter.Xml(string.Join(", ", facts))}.</para>");
            if (model.Training is { } training)
            {
                var run = new List<string>();
                if (training.Tokens is { } tokens) run.Add(tokens.Text + " tokens");
                if (training.GpuCount is { } count) run.Add(count + " GPUs");
                if (training.GpuId is { } gpu) run.Add(gpu);
                if (training.GpuHours is { } hours) run.Add(hours.Text + " GPU-hours");
                if (training.Precision is { } p) run.Add(PrecisionNames.DisplayNames[p]);
                if (run.Count > 0) lines.Add($"<para>Training: {CodeWriter.Xml(string.Join(", ", run))}.</para>");
            }

            if (!string.IsNullOrEmpty(model.Notes)) lines.Add($"<para>{CodeWriter.Xml(model.Notes!)}</para>");
            if (model.Sources.Count > 0)
            {
                lines.Add("<para>Sources:</para>");
                lines.Add("<list type=\"bullet\">");
                lines.AddRange(model.Sources.Select(s => $"<item><description>{CodeWriter.Xml(s)}</description></item>"));
                lines.Add("</list>");
            }

            lines.Add("</remarks>");
            return string.Join("\n", lines);
        }
    }
}
