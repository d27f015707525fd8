using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using HardwareCatalog.Generators.Model;
using HardwareCatalog.Generators.Schema;

namespace HardwareCatalog.Generators.Emitting
{
    /// <summary>
    /// Writes the C# for one model entry: its numbers once, as a base-type instance in the <c>Models</c> index, and the
    /// typed entry class built from it (see <see cref="AcceleratorEmitter"/>).
    /// </summary>
    internal static class ModelEmitter
    {
        public static string HintName(ModelEntry model) => $"Models.{model.Identifier}.g.cs";

        public static string Emit(ModelEntry model, CatalogOptions options)
        {
            var w = new CodeWriter();
            CodeWriter.Header(w, options);
            CodeWriter.EntryMetadata(w, options, "model", model.Id, model.Identifier, model.IsBuiltIn, model.Values);
            w.Open($"namespace {options.Namespace}");
            w.Line(CodeWriter.RuntimeAlias);
            w.Line();
            w.Open($"{options.Visibility} static partial class Models");
            if (options.TypedMembers)
            {
                w.Doc($"<summary>{Summary(model)}</summary>\n<remarks>See <see cref=\"LanguageModels.{model.Identifier}\"/> for every value and its sources.</remarks>");
                w.Line($"public static LanguageModels.{model.Identifier} {model.Identifier} => LanguageModels.{model.Identifier}.Instance;");
                w.Line();
            }

            WriteEntry(w, model);
            w.Close();
            w.Close();
            if (!options.TypedMembers) return w.ToString();

            w.Line();

            w.Open($"namespace {options.Namespace}.LanguageModels");
            w.Line(CodeWriter.RuntimeAlias);
            w.Line();
            w.Doc(TypeDoc(model));
            w.Line(CodeWriter.GeneratedCodeAttribute);
            w.Open($"{options.Visibility} sealed partial class {model.Identifier} : _HC.ModelSpec");
            w.Doc($"<summary>The catalog entry <c>{CodeWriter.Xml(model.Id)}</c>.</summary>");
            w.Line($"public static readonly {model.Identifier} Instance = new {model.Identifier}();");
            w.Line();
            string baseCall = $"base(Models.Find({CodeWriter.Literal(model.Id)}){CodeWriter.NotNull(options)})";
            if (model.Training?.GpuIdentifier is { } gpuIdentifier)
            {
                // A GPU of a referenced assembly's catalog is named with its own namespace.
                string gpu = model.Training.GpuNamespace is { } external ? $"global::{external}.Accelerators.{gpuIdentifier}" : "Accelerators." + gpuIdentifier;
                string typed = $"_HC.TrainingRun<{gpu}>";
                w.Line($"private {model.Identifier}() : {baseCall} => Training = _HC.TrainingRun.Typed(base.Training, {gpu}.Instance);");
                w.Line();
                w.Doc($"<summary>The reported pre-training run, on <see cref=\"{gpu}\"/>.</summary>");
                w.Line($"public new {typed} Training {{ get; }}");
            }
            else
            {
                w.Line($"private {model.Identifier}() : {baseCall} {{ }}");
            }

            w.Close();
            w.Close();
            return w.ToString();
        }

        /// <summary>The base-type instance, private to <c>Models</c> (see the accelerator's twin).</summary>
        private static void WriteEntry(CodeWriter w, ModelEntry model)
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
                Set(ModelLayout.QLoraRank, attention.QLoraRank);
                Set(ModelLayout.VHeadDim, attention.VHeadDim);
                Set(ModelLayout.SlidingWindow, attention.SlidingWindow);
                Set(ModelLayout.LocalLayers, attention.LocalLayers);
                Set(ModelLayout.GlobalLayers, attention.GlobalLayers);
            }

            Set(ModelLayout.FfnHiddenSize, model.FfnHiddenSize);
            if (model.Activation is { } activation) Set(ModelLayout.Activation, System.Array.IndexOf(CatalogSchema.Activations, activation));
            if (model.TiedEmbeddings is { } tied) Set(ModelLayout.TiedEmbeddings, tied ? 1 : 0);

            if (model.Moe is { } moe)
            {
                Set(ModelLayout.RoutedExperts, moe.RoutedExperts);
                Set(ModelLayout.ActiveExperts, moe.ActiveExperts);
                Set(ModelLayout.SharedExperts, moe.SharedExperts);
                Set(ModelLayout.ExpertFfnHiddenSize, moe.ExpertFfnHiddenSize);
                Set(ModelLayout.DenseLayers, moe.DenseLayers);
                Set(ModelLayout.LayerInterval, moe.LayerInterval);
            }

            void Set(int slot, int? value)
            {
                if (value is { } v) values[slot] = v.ToString(CultureInfo.InvariantCulture);
            }

            string strings = string.Join(", ", new[] { model.Id, model.Name, model.Developer, model.Notes }.Select(CodeWriter.Literal));
            w.Line($"private static readonly _HC.ModelSpec _{model.Identifier} = _HC.ModelSpec.Create({strings}, {CodeWriter.StringArray(model.Sources)}, {CodeWriter.Bool(model.IsEstimated)}, new double[]");
            w.Line("{");
            w.Line("    // parameters, activeParameters, released, layers, hiddenSize, vocabularySize, contextWindow");
            w.Line("    " + string.Join(", ", values.Take(ModelLayout.AttentionKind)) + ",");
            w.Line("    // attention: kind (" + string.Join(" ", CatalogSchema.AttentionKinds.Select((k, i) => $"{i} {k}")) + "), heads, headDim, kvHeads, kvLoraRank, ropeHeadDim; moe: routedExperts, activeExperts, sharedExperts");
            w.Line("    " + string.Join(", ", values.Skip(ModelLayout.AttentionKind).Take(ModelLayout.LengthWithoutShape - ModelLayout.AttentionKind)) + ",");
            w.Line("    // ffnHiddenSize, activation (" + string.Join(" ", CatalogSchema.Activations.Select((a, i) => $"{i} {a}")) + "), tiedEmbeddings; attention: qLoraRank, vHeadDim, slidingWindow, localLayers, globalLayers; moe: expertFfnHiddenSize, denseLayers, layerInterval");
            w.Line("    " + string.Join(", ", values.Skip(ModelLayout.LengthWithoutShape)) + ",");
            w.Line($"}}, {Training(model.Training)});");
        }

        /// <summary>The run on the accelerator's base-type instance, so that <c>Models.All</c> loads no accelerator type either.</summary>
        private static string Training(Model.TrainingRun? training)
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
            string gpu = training.GpuId is { } id && training.GpuIdentifier is not null ? $"Gpus.Find({CodeWriter.Literal(id)})" : "null";
            return $"_HC.TrainingRun.Create({gpu}, new double[] {{ {string.Join(", ", slots)} }})";
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
            if (model.FfnHiddenSize is { } ffn) facts.Add("FFN " + ffn + (model.Activation is { } act ? " " + act : ""));
            if (model.Attention is { } attention) facts.Add($"{attention.Kind.ToUpperInvariant()} attention, {attention.Heads} heads of {attention.HeadDim}");
            if (model.Attention?.SlidingWindow is { } window) facts.Add($"sliding window {window}" + (model.Attention.LocalLayers is { } local ? $" ({local} local, {model.Attention.GlobalLayers} global)" : ""));
            if (model.Moe is { } moe) facts.Add($"{moe.RoutedExperts} routed experts, {moe.ActiveExperts} active, {moe.SharedExperts} shared" + (moe.ExpertFfnHiddenSize is { } fe ? $" of FFN {fe}" : ""));
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
