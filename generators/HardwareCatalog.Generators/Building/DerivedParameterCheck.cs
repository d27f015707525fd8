using System;
using System.Globalization;
using HardwareCatalog.Generators.Model;

namespace HardwareCatalog.Generators.Building
{
    /// <summary>HWC130: the parameter count the model's shape gives (<see cref="ParameterCount"/>) against the one the entry writes.</summary>
    internal static class DerivedParameterCheck
    {
        /// <summary>The relative difference allowed beyond the written figure's own rounding.</summary>
        public const double Tolerance = 0.02;

        public static void Check(EntryFields fields, ModelEntry model)
        {
            // A referenced catalog's entry was checked, and warned about, where it was built.
            if (fields.Entry.IsReferenced) return;
            if (!ParameterCount.TryCount(Shape(model), out long derived, out _)) return;
            double published = model.Parameters.Value;
            double difference = derived - published;
            if (Math.Abs(difference) <= Allowed(model.Parameters)) return;

            string relative = published > 0 ? (difference / published).ToString("+0.0%;-0.0%", CultureInfo.InvariantCulture) : "n/a";
            fields.Warn(DiagnosticDescriptors.DerivedParametersDiffer, fields.LocationOf("parameters"), model.Id,
                derived.ToString("N0", CultureInfo.InvariantCulture), model.Parameters.Text,
                difference.ToString("+#,0;-#,0", CultureInfo.InvariantCulture), relative);
        }

        /// <summary>
        /// The larger of 2% and half a unit of the figure's last written digit: '7B' says only 6.5B to 7.5B (a model's
        /// name), '6.74B' says 6.735B to 6.745B, so the tolerance decides.
        /// </summary>
        public static double Allowed(Quantity parameters)
        {
            double allowed = Tolerance * Math.Abs(parameters.Value);
            string text = parameters.Text.Trim();
            int end = 0;
            while (end < text.Length && (char.IsDigit(text[end]) || text[end] == '.')) end++;
            if (end == 0 || (end < text.Length && text[end] is 'e' or 'E')) return allowed;
            string number = text.Substring(0, end);
            if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double mantissa) || mantissa <= 0) return allowed;
            int point = number.IndexOf('.');
            int decimals = point < 0 ? 0 : number.Length - point - 1;
            double lastDigit = parameters.Value / mantissa * Math.Pow(10, -decimals);
            return Math.Max(allowed, lastDigit / 2);
        }

        public static ModelShape Shape(ModelEntry model)
        {
            Attention? attention = model.Attention;
            Moe? moe = model.Moe;
            return new ModelShape
            {
                Layers = model.Layers,
                HiddenSize = model.HiddenSize,
                VocabularySize = model.VocabularySize,
                FfnHiddenSize = model.FfnHiddenSize,
                Gated = model.Activation is null ? null : model.Activation is "swiglu" or "geglu",
                TiedEmbeddings = model.TiedEmbeddings,
                IsLatentAttention = attention?.Kind == "mla",
                Heads = attention?.Heads ?? 0,
                HeadDim = attention?.HeadDim ?? 0,
                KvHeads = attention is null ? 0 : attention.Kind switch
                {
                    "mha" => attention.KvHeads ?? attention.Heads,
                    "mqa" => 1,
                    _ => attention.KvHeads ?? 0,
                },
                KvLoraRank = attention?.KvLoraRank,
                RopeHeadDim = attention?.RopeHeadDim,
                QLoraRank = attention?.QLoraRank,
                VHeadDim = attention?.VHeadDim,
                SlidingWindow = attention?.SlidingWindow,
                LocalLayers = attention?.LocalLayers,
                GlobalLayers = attention?.GlobalLayers,
                IsMixtureOfExperts = moe is not null,
                RoutedExperts = moe?.RoutedExperts ?? 0,
                ActiveExperts = moe?.ActiveExperts ?? 0,
                SharedExperts = moe?.SharedExperts ?? 0,
                ExpertFfnHiddenSize = moe?.ExpertFfnHiddenSize,
                DenseLayers = moe?.DenseLayers ?? 0,
                LayerInterval = moe?.LayerInterval ?? 1,
            };
        }
    }
}
