using System.Linq;
using HardwareCatalog.Generators.Model;
using HardwareCatalog.Planning;

namespace HardwareCatalog.Generators.Building
{
    /// <summary>
    /// Builds a serving plan entry: its values one by one, with their defaults, and the rules the runtime's constructors
    /// enforce (sizes and lengths of at least 1, a hit rate in [0, 1), an acceptance rate in [0, 1], efficiencies in
    /// (0, 1], a floating-point KV cache), so that an emitted plan never throws when it is created. Whether the plan fits
    /// its model and system is decided later, once both are known.
    /// </summary>
    internal static class ServingBuilder
    {
        /// <summary>The weight formats a plan names, as <c>WeightFormatTable</c> lists them.</summary>
        public static readonly string[] WeightFormats = WeightFormatTable.Rows.Select(r => r.Key).ToArray();

        /// <summary>The precisions a KV cache is stored in: the floating-point ones (the runtime's rule).</summary>
        public static readonly string[] KvCachePrecisions = PrecisionTable.Rows.Where(r => !r.IsInteger).Select(r => r.Key).ToArray();

        public static ServingEntry? Build(EntryFields fields, string identifier)
        {
            ParsedEntry entry = fields.Entry;

            // A value written but rejected (reported where it was written) would otherwise take its default here.
            if (entry.InvalidPaths.Count > 0) return null;

            int gpus = PlanFields.AtLeastOne(fields, "gpus");
            int tensor = PlanFields.AtLeastOne(fields, "tensor");
            int pipeline = PlanFields.AtLeastOne(fields, "pipeline");
            int expert = PlanFields.AtLeastOne(fields, "expert");
            int replicas = PlanFields.AtLeastOne(fields, "replicas");
            int concurrency = PlanFields.AtLeastOne(fields, "concurrency");
            int inputTokens = PlanFields.AtLeastOne(fields, "inputTokens");
            int outputTokens = PlanFields.AtLeastOne(fields, "outputTokens");
            int prefillChunk = fields.Field("prefillChunk") is null ? 8192 : PlanFields.AtLeastOne(fields, "prefillChunk");
            int redundantExperts = fields.Integer("redundantExperts") ?? 0;
            int draftTokens = fields.Integer("draftTokens") ?? 0;

            // The runtime counts t·p·r GPUs in a 32-bit integer: a hostile file must get a diagnostic, never an overflow.
            long product = (long)tensor * pipeline * replicas;
            if (product > int.MaxValue)
            {
                fields.Fail(DiagnosticDescriptors.InconsistentPlan, fields.LocationOf("gpus"), entry.Id,
                    PlanFields.Invariant($"tensor × pipeline × replicas is {product:N0}, more than a plan can have ({int.MaxValue:N0})"));
            }

            double prefixHitRate = fields.Field("prefixHitRate") is { } hits ? hits.Number : 0;
            if (!(prefixHitRate < 1))
            {
                fields.Fail(DiagnosticDescriptors.InconsistentPlan, fields.LocationOf("prefixHitRate"), entry.Id,
                    $"'prefixHitRate' is the share of prompt tokens found in the prefix cache, at least 0 and below 1, not {fields.Text("prefixHitRate")}");
            }

            double acceptance = fields.Field("acceptance") is { } accepted ? accepted.Number : 0;
            if (!(acceptance <= 1))
            {
                fields.Fail(DiagnosticDescriptors.InconsistentPlan, fields.LocationOf("acceptance"), entry.Id,
                    $"'acceptance' is the chance a drafted token is accepted, from 0 to 1, not {fields.Text("acceptance")}");
            }

            string? weightFormat = PlanFields.OneOf(fields, "weightFormat", WeightFormats, "one of " + string.Join(", ", WeightFormats));
            string kvCache = PlanFields.OneOf(fields, "kvCache", KvCachePrecisions, "a floating-point precision: " + string.Join(", ", KvCachePrecisions)) ?? "bf16";

            double? computeEfficiency = PlanFields.Efficiency(fields, "computeEfficiency");
            double? bandwidthEfficiency = PlanFields.Efficiency(fields, "bandwidthEfficiency");
            double networkEfficiency = PlanFields.Efficiency(fields, "networkEfficiency") ?? 1.0;

            if (!fields.Ok || weightFormat is null)
            {
                return null;
            }

            return new ServingEntry(
                Id: entry.Id,
                Identifier: identifier,
                Name: fields.Text("name") ?? entry.Id,
                ModelId: fields.Text("model")!,
                SystemId: fields.Text("system")!,
                Gpus: gpus,
                Tensor: tensor,
                Pipeline: pipeline,
                Expert: expert,
                Replicas: replicas,
                RedundantExperts: redundantExperts,
                WeightFormat: weightFormat,
                KvCache: PrecisionTable.IndexOf(kvCache),
                Concurrency: concurrency,
                InputTokens: inputTokens,
                OutputTokens: outputTokens,
                PrefixHitRate: prefixHitRate,
                DraftTokens: draftTokens,
                Acceptance: acceptance,
                PrefillChunk: prefillChunk,
                ComputeEfficiency: computeEfficiency,
                BandwidthEfficiency: bandwidthEfficiency,
                NetworkEfficiency: networkEfficiency,
                Notes: fields.Text("notes"),
                Sources: fields.Field("sources")?.Items ?? EquatableArray<string>.Empty,
                IsBuiltIn: entry.IsBuiltIn,
                Keys: PlanFields.Keys(fields),
                EntryLocation: PlanFields.EntryLocation(entry));
        }

        /// <summary>The row of <paramref name="key"/>, a key the builder accepted.</summary>
        public static WeightFormatRow Format(string key) => WeightFormatTable.Rows.First(r => r.Key == key);
    }
}
