using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using HardwareCatalog.Generators.Model;
using HardwareCatalog.Generators.Schema;

namespace HardwareCatalog.Generators.Emitting
{
    /// <summary>Writes the C# for one model entry.</summary>
    internal static class ModelEmitter
    {
        private const string Runtime = "global::HardwareCatalog.";

        public static string HintName(ModelEntry model) => $"Models.{model.Identifier}.g.cs";

        public static string Emit(ModelEntry model, CatalogOptions options)
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

        private static void WriteConstructor(CodeWriter w, ModelEntry model, CatalogOptions options)
        {
            var values = new string[ModelLayout.Length];
            for (int i = 0; i < values.Length; i++) values[i] = "double.NaN";
            values[ModelLayout.TotalParameters] = CodeWriter.Number(model.Parameters.Value);
            if (model.ActiveParameters is { } active) values[ModelLayout.ActiveParameters] = CodeWriter.Number(active.Value);
            Set(ModelLayout.Released, model.Released);
            Set(ModelLayout.Layers, model.Layers);
            Set(ModelLayout.HiddenSize, model.HiddenSize);
            Set(ModelLayout.VocabularySize, model.VocabularySize);
            Set(ModelLayout.ContextWindow, model.ContextWindow);
            if (model.Attention is { } attention)
            {
                Set(ModelLayout.AttentionKind, System.Array.IndexOf(CatalogSchema.AttentionKinds, attention.Kind));
                Set(ModelLayout.Heads, attention.Heads);
                Set(ModelLayout.HeadDim, attention.HeadDim);
                Set(ModelLayout.KvHeads, attention.KvHeads);
                Set(ModelLayout.KvLoraRank, attention.KvLoraRank);
                Set(ModelLayout.RopeHeadDim, attention.RopeHeadDim);
            }

            if (model.Moe is { } moe)
            {
                Set(ModelLayout.RoutedExperts, moe.RoutedExperts);
                Set(ModelLayout.ActiveExperts, moe.ActiveExperts);
                Set(ModelLayout.SharedExperts, moe.SharedExperts);
            }

            void Set(int slot, int? value)
            {
                if (value is { } v) values[slot] = v.ToString(CultureInfo.InvariantCulture);
            }

            w.Line($"private {model.Identifier}()");
            w.Line("    : base(");
            w.Line($"        id: {CodeWriter.Literal(model.Id)},");
            w.Line($"        name: {CodeWriter.Literal(model.Name)},");
            w.Line($"        developer: {CodeWriter.Literal(model.Developer)},");
            w.Line($"        notes: {CodeWriter.Literal(model.Notes)},");
            w.Line($"        {CodeWriter.SourcesArgument(model.Sources)},");
            w.Line($"        isEstimated: {(model.IsEstimated ? "true" : "false")},");
            w.Line("        values: new double[]");
            w.Line("        {");
            w.Line("            // parameters, activeParameters, released, layers, hiddenSize, vocabularySize, contextWindow");
            w.Line("            " + string.Join(", ", values.Take(ModelLayout.AttentionKind)) + ",");
            w.Line("            // attention: kind (" + string.Join(" ", CatalogSchema.AttentionKinds.Select((k, i) => $"{i} {k}")) + "), heads, headDim, kvHeads, kvLoraRank, ropeHeadDim");
            w.Line("            " + string.Join(", ", values.Skip(ModelLayout.AttentionKind).Take(ModelLayout.RoutedExperts - ModelLayout.AttentionKind)) + ",");
            w.Line("            // moe: routedExperts, activeExperts, sharedExperts");
            w.Line("            " + string.Join(", ", values.Skip(ModelLayout.RoutedExperts)) + ",");
            w.Line("        },");
            w.Line($"        training: {Training(model.Training, options)})");
            w.Line("{");
            w.Line("}");
        }

        private static string Training(TrainingRun? training, CatalogOptions options)
        {
            if (training is null) return "null";
            string[] slots =
            {
                training.Tokens is { } tokens ? CodeWriter.Number(tokens.Value) : "double.NaN",
                training.GpuCount is { } count ? count.ToString(CultureInfo.InvariantCulture) : "double.NaN",
                training.GpuHours is { } hours ? CodeWriter.Number(hours.Value) : "double.NaN",
                training.Precision is { } p ? p.ToString(CultureInfo.InvariantCulture) : "double.NaN",
            };

            // tokens, gpuCount, gpuHours, precision (the Precision value)
            string array = $"new double[] {{ {string.Join(", ", slots)} }}";
            return training.GpuIdentifier is { } gpu
                ? $"{Runtime}TrainingRun.FromSlots(global::{options.Namespace}.Accelerators.{gpu}.Instance, {array})"
                : $"{Runtime}TrainingRun.FromSlots({array})";
        }

        private static string Summary(ModelEntry model)
        {
            string active = model.ActiveParameters is { } a ? $", {a.Text} active" : "";
            string estimated = model.IsEstimated ? " (estimated: unofficial figures)" : "";
            return CodeWriter.Xml($"{model.Name}{estimated}: {model.Parameters.Text} parameters{active}") + ".";
        }

        private static string TypeDoc(ModelEntry model)
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
                if (training.Precision is { } p) run.Add(PrecisionTable.DisplayNames[p]);
                if (run.Count > 0) lines.Add($"<para>Training: {CodeWriter.Xml(string.Join(", ", run))}.</para>");
            }

            CodeWriter.NotesAndSources(lines, model.Notes, model.Sources);
            lines.Add("</remarks>");
            return string.Join("\n", lines);
        }
    }
}
