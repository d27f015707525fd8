using System;
using System.Collections.Generic;
using HardwareCatalog;
using HardwareCatalog.Planning;
using HardwareCatalog.Units;

namespace TrainingCost
{
    /// <summary>
    /// The serving plans the main job prints (docs/serving.md, "The main job"): DeepSeek-V3 on one HGX H200 and on
    /// DeepSeek's disclosed H800 decode layout, and Llama 3.1 70B on 1, 2, 4 and 8 H100 in BF16, FP8 and INT4 weight-only.
    /// Compute runs at a measured matmul rate; memory bandwidth at the datasheet's peak, so every time is a bound.
    /// </summary>
    public static class ServingPlans
    {
        /// <summary>Requests of 7,168 prompt tokens and 1,024 output tokens: an 8K context.</summary>
        public const int InputTokens = 7168, OutputTokens = 1024;

        /// <summary>The most sequences a row runs: the largest concurrency that fits at 8K, up to this.</summary>
        public const int MaxRowConcurrency = 256;

        /// <summary>The price the cost column assumes.</summary>
        public const double DollarsPerGpuHour = 2;

        public sealed record Row(string Name, ServingPlan Plan, int MaxConcurrencyAt8K);

        public static IReadOnlyList<Row> All()
        {
            var rows = new List<Row>
            {
                Fitted("DeepSeek-V3, 8 H200, FP8", Models.DeepSeekV3, Systems.HgxH200, new ServingLayout(tensor: 8), WeightFormat.Fp8, Precision.Bf16,
                    Gpus.H200Sxm.MeasuredMatmul(Precision.Fp8)),
                DeepSeekDisclosed(),
            };

            foreach (WeightFormat format in new[] { WeightFormat.Bf16, WeightFormat.Fp8, WeightFormat.Int4WeightOnly })
            {
                foreach (int gpus in new[] { 1, 2, 4, 8 })
                {
                    string name = $"Llama 3.1 70B, {gpus} H100, {(format == WeightFormat.Int4WeightOnly ? "INT4 w-only" : format.Key.ToUpperInvariant())}";
                    rows.Add(Fitted(name, Models.Llama31_70B, Systems.DgxH100, new ServingLayout(tensor: gpus), format,
                        format == WeightFormat.Bf16 ? Precision.Bf16 : Precision.Fp8, Gpus.H100Sxm.MeasuredMatmul(format.Compute)));
                }
            }

            return rows;
        }

        /// <summary>
        /// DeepSeek's decode deployment (open-infra-index, day 6): 18 HGX H800 nodes, expert parallelism 144 with attention
        /// data-parallel 144, 256 + 32 redundant experts (2 per GPU); 88 sequences per GPU (about 1,850 tokens/s per GPU at
        /// 20–22 tokens/s per user). The H800 has no published MAMF: the H100 SXM's measured FP8 rate stands in.
        /// </summary>
        public static Row DeepSeekDisclosed()
        {
            var plan = new ServingPlan(Models.DeepSeekV3, Systems.HgxH800, 144, new ServingLayout(expert: 144, replicas: 144, redundantExperts: 32),
                WeightFormat.Fp8, Precision.Bf16, new ServingWorkload(88 * 144, InputTokens, OutputTokens),
                Gpus.H100Sxm.MeasuredMatmul(Precision.Fp8), Achieved.FromEfficiency(Gpus.H800Sxm.MemoryBandwidth, 1.0));
            return new Row("DeepSeek-V3, 144 H800, EP 144", plan, plan.MaxConcurrency(InputTokens + OutputTokens));
        }

        private static Row Fitted(string name, ModelSpec model, AcceleratorSystem system, ServingLayout layout, WeightFormat format, Precision kv, Achieved<FlopRate>? compute)
        {
            Achieved<Bandwidth> bandwidth = Achieved.FromEfficiency(system.Gpu.MemoryBandwidth!.Value, 1.0);
            var probe = new ServingPlan(model, system, layout.GpuCount, layout, format, kv, new ServingWorkload(1, InputTokens, OutputTokens), compute, bandwidth);
            int max = probe.MaxConcurrency(InputTokens + OutputTokens);
            int concurrency = Math.Max(1, Math.Min(max, MaxRowConcurrency));
            return new Row(name, new ServingPlan(model, system, layout.GpuCount, layout, format, kv, new ServingWorkload(concurrency, InputTokens, OutputTokens), compute, bandwidth), max);
        }
    }
}
