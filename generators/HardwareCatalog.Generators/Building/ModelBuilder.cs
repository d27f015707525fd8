using System;
using HardwareCatalog.Generators.Model;
using HardwareCatalog.Generators.Parsing;
using HardwareCatalog.Generators.Schema;

namespace HardwareCatalog.Generators.Building
{
    /// <summary>
    /// Builds a model entry from its values, with the shape and consistency checks. The training GPU is kept as the
    /// id the entry wrote; the resolver, which knows every GPU, proves it (HWC109, HWC113).
    /// </summary>
    internal static class ModelBuilder
    {
        public static ModelEntry? Build(EntryFields fields, string identifier)
        {
            ParsedEntry entry = fields.Entry;
            CheckShape(fields);
            Attention? attention = fields.Has("attention") ? BuildAttention(fields) : null;
            Moe? moe = fields.Has("moe") ? BuildMoe(fields) : null;
            CheckConsistency(fields, attention, moe);
            Model.TrainingRun? training = fields.Has("training") ? BuildTraining(fields) : null;
            if (!fields.Ok)
            {
                return null;
            }

            var model = new ModelEntry(
                Id: entry.Id,
                Identifier: identifier,
                Name: fields.Text("name")!,
                Developer: fields.Text("developer"),
                Released: fields.Integer("released"),
                Parameters: fields.Quantity("parameters")!,
                ActiveParameters: fields.Quantity("activeParameters"),
                Layers: fields.Integer("layers"),
                HiddenSize: fields.Integer("hiddenSize"),
                VocabularySize: fields.Integer("vocabularySize"),
                ContextWindow: fields.Integer("contextWindow"),
                FfnHiddenSize: fields.Integer("ffnHiddenSize"),
                Activation: fields.Text("activation"),
                TiedEmbeddings: fields.Field("tiedEmbeddings") is null ? null : fields.Flag("tiedEmbeddings"),
                Attention: attention,
                Moe: moe,
                Training: training,
                Extends: entry.Get("extends")?.Text,
                Notes: entry.Get("notes")?.Text,
                Sources: fields.Field("sources")?.Items ?? EquatableArray<string>.Empty,
                IsEstimated: fields.Flag("estimated"),
                IsBuiltIn: entry.IsBuiltIn,
                Values: fields.Values(),
                ExternalNamespace: fields.ExternalNamespace);
            DerivedParameterCheck.Check(fields, model);
            return model;
        }

        private static Attention? BuildAttention(EntryFields fields)
        {
            bool ok = fields.Require("attention.kind", $" (one of: {string.Join(", ", CatalogSchema.AttentionKinds)})");
            ok &= fields.Require("attention.heads", "");
            ok &= fields.Require("attention.headDim", "");
            ParsedField? kind = fields.Field("attention.kind");
            if (kind is not null && Array.IndexOf(CatalogSchema.AttentionKinds, kind.Text) < 0)
            {
                fields.Fail(DiagnosticDescriptors.WrongShape, kind.Location, "attention.kind", "one of " + string.Join(", ", CatalogSchema.AttentionKinds),
                    $"'{kind.Text}'{Suggestions.DidYouMean(kind.Text, CatalogSchema.AttentionKinds)}");
                ok = false;
            }

            foreach (string positive in new[] { "attention.heads", "attention.headDim" })
            {
                if (fields.Field(positive) is { Number: <= 0 } zero)
                {
                    fields.Fail(DiagnosticDescriptors.WrongShape, zero.Location, positive, "a positive whole number", $"'{zero.Text}'");
                    ok = false;
                }
            }

            if (kind?.Text == "gqa")
            {
                ok &= fields.Require("attention.kvHeads", " (grouped-query attention needs its number of key/value heads)");
            }

            if (kind?.Text == "mla")
            {
                ok &= fields.Require("attention.kvLoraRank", " (multi-head latent attention caches a latent of this rank)");
                ok &= fields.Require("attention.ropeHeadDim", " (multi-head latent attention caches a decoupled RoPE key of this size)");
            }

            if (fields.Field("attention.localLayers") is not null || fields.Field("attention.globalLayers") is not null)
            {
                ok &= fields.Require("attention.localLayers", " (the layer pattern is localLayers local layers, then globalLayers global ones)");
                ok &= fields.Require("attention.globalLayers", " (the layer pattern is localLayers local layers, then globalLayers global ones; 0 when every layer is local)");
            }

            return ok
                ? new Attention(kind!.Text, fields.Integer("attention.heads")!.Value, fields.Integer("attention.headDim")!.Value,
                    fields.Integer("attention.kvHeads"), fields.Integer("attention.kvLoraRank"), fields.Integer("attention.ropeHeadDim"),
                    fields.Integer("attention.qLoraRank"), fields.Integer("attention.vHeadDim"), fields.Integer("attention.slidingWindow"),
                    fields.Integer("attention.localLayers"), fields.Integer("attention.globalLayers"))
                : null;
        }

        /// <summary>The shape keys that must be positive (0 would be no layer, no head, no window), and the activation's name.</summary>
        private static readonly string[] PositiveShapeKeys =
        {
            "ffnHiddenSize", "attention.qLoraRank", "attention.vHeadDim", "attention.slidingWindow", "attention.localLayers",
            "moe.expertFfnHiddenSize", "moe.layerInterval",
        };

        /// <summary>HWC105: shape values that no model can have, each at its key; the entry is skipped, as for a zero head count.</summary>
        private static void CheckShape(EntryFields fields)
        {
            foreach (string positive in PositiveShapeKeys)
            {
                if (fields.Field(positive) is { Number: <= 0 } zero)
                {
                    fields.Fail(DiagnosticDescriptors.WrongShape, zero.Location, positive, "a positive whole number", $"'{zero.Text}'");
                }
            }

            if (fields.Field("activation") is { } activation && Array.IndexOf(CatalogSchema.Activations, activation.Text) < 0)
            {
                fields.Fail(DiagnosticDescriptors.WrongShape, activation.Location, "activation", "one of " + string.Join(", ", CatalogSchema.Activations),
                    $"'{activation.Text}'{Suggestions.DidYouMean(activation.Text, CatalogSchema.Activations)}");
            }
        }

        private static Moe? BuildMoe(EntryFields fields)
        {
            bool ok = fields.Require("moe.routedExperts", "");
            ok &= fields.Require("moe.activeExperts", "");
            return ok
                ? new Moe(fields.Integer("moe.routedExperts")!.Value, fields.Integer("moe.activeExperts")!.Value, fields.Integer("moe.sharedExperts") ?? 0,
                    fields.Integer("moe.expertFfnHiddenSize"), fields.Integer("moe.denseLayers") ?? 0, fields.Integer("moe.layerInterval") ?? 1)
                : null;
        }

        /// <summary>HWC116: values that cannot all be true of one model.</summary>
        private static void CheckConsistency(EntryFields fields, Attention? attention, Moe? moe)
        {
            void Inconsistent(string path, string message)
                => fields.Fail(DiagnosticDescriptors.InconsistentModel, fields.Field(path)?.Location ?? fields.Field("id")!.Location, fields.Entry.Id, message);

            if (moe is not null && moe.ActiveExperts > moe.RoutedExperts)
            {
                Inconsistent("moe.activeExperts", $"activeExperts ({moe.ActiveExperts}) exceeds routedExperts ({moe.RoutedExperts})");
            }

            if (attention is { KvHeads: int kvHeads } && attention.Kind is "mha" or "gqa")
            {
                if (kvHeads <= 0 || kvHeads > attention.Heads || attention.Heads % kvHeads != 0)
                {
                    Inconsistent("attention.kvHeads", $"heads ({attention.Heads}) must be a positive multiple of kvHeads ({kvHeads}): each key/value head serves a whole group of query heads");
                }
                else if (attention.Kind == "mha" && kvHeads != attention.Heads)
                {
                    Inconsistent("attention.kvHeads", $"multi-head attention has one key/value head per query head, but kvHeads is {kvHeads} and heads is {attention.Heads}; use 'kind: gqa'");
                }
            }

            if (attention is { Kind: "mqa", KvHeads: int mqaKvHeads } && mqaKvHeads != 1)
            {
                Inconsistent("attention.kvHeads", $"multi-query attention has one key/value head, but kvHeads is {mqaKvHeads}; use 'kind: gqa'");
            }

            if (fields.Field("activeParameters") is { } active && fields.Field("parameters") is { } total && active.Number > total.Number)
            {
                Inconsistent("activeParameters", $"activeParameters ({active.Text}) exceeds parameters ({total.Text})");
            }

            string? attentionKind = fields.Text("attention.kind");
            foreach (string latentOnly in new[] { "attention.qLoraRank", "attention.vHeadDim" })
            {
                if (attentionKind is not null and not "mla" && Array.IndexOf(CatalogSchema.AttentionKinds, attentionKind) >= 0 && fields.Field(latentOnly) is not null)
                {
                    Inconsistent(latentOnly, $"{latentOnly.Substring("attention.".Length)} belongs to multi-head latent attention, but attention.kind is '{attentionKind}'");
                }
            }

            if (fields.Field("attention.slidingWindow") is null)
            {
                foreach (string pattern in new[] { "attention.localLayers", "attention.globalLayers" })
                {
                    if (fields.Field(pattern) is not null)
                    {
                        Inconsistent(pattern, $"{pattern.Substring("attention.".Length)} describes which layers attend to a sliding window, but attention.slidingWindow is not given");
                    }
                }
            }

            if (fields.Integer("layers") is int layers && fields.Integer("moe.denseLayers") is int denseLayers && denseLayers >= layers)
            {
                Inconsistent("moe.denseLayers", $"denseLayers ({denseLayers}) leaves no MoE layer: the model has {layers} layers");
            }

            if (fields.Integer("layers") is int count && fields.Integer("attention.localLayers") is int local && local > count)
            {
                Inconsistent("attention.localLayers", $"localLayers ({local}) exceeds layers ({count})");
            }
        }

        private static Model.TrainingRun BuildTraining(EntryFields fields)
        {
            int? precision = null;
            if (fields.Field("training.precision") is { } precisionField)
            {
                int index = PrecisionTable.IndexOf(precisionField.Text);
                if (index < 0)
                {
                    fields.Fail(DiagnosticDescriptors.WrongShape, precisionField.Location, "training.precision", "a precision (" + string.Join(", ", PrecisionTable.Keys) + ")",
                        $"'{precisionField.Text}'{Suggestions.DidYouMean(precisionField.Text, PrecisionTable.Keys)}");
                }
                else
                {
                    precision = index;
                }
            }

            return new Model.TrainingRun(fields.Quantity("training.tokens"), fields.Text("training.gpu"), null, fields.Integer("training.gpuCount"), fields.Quantity("training.gpuHours"), precision);
        }
    }
}
