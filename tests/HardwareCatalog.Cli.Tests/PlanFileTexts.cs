using System.IO;

namespace HardwareCatalog.Cli.Tests
{
    /// <summary>Plan files the plan and chart command tests share, and the options that give the same plans.</summary>
    internal static class PlanFileTexts
    {
        /// <summary>The sample's plan files (samples/TrainingCost/catalogs).</summary>
        public static readonly string Llama405BPlan = Sample("llama-3.1-405b-plan.yaml");

        public static readonly string DeepSeekV3Plan = Sample("deepseek-v3-plan.yaml");

        public static readonly string DeepSeekV3Serving = Sample("deepseek-v3-h200-serving.yaml");

        /// <summary>The options that give the plan of llama-3.1-405b-plan.yaml.</summary>
        public static readonly string[] Llama405BOptions =
        {
            "--model", "llama-3.1-405b", "--system", "dgx-h100", "--gpus", "16384", "--tensor", "8", "--pipeline", "16", "--data", "128", "--sequence-parallel",
            "--micro-batch", "1", "--global-batch", "2048", "--sequence-length", "8192", "--recipe", "bf16-mixed", "--zero", "2", "--recompute", "selective",
        };

        /// <summary>The options that give the plan of deepseek-v3-h200-serving.yaml.</summary>
        public static readonly string[] DeepSeekV3ServingOptions =
        {
            "--model", "deepseek-v3", "--system", "hgx-h200", "--gpus", "8", "--tensor", "8", "--weights", "fp8", "--kv-cache", "bf16",
            "--concurrency", "64", "--input", "7168", "--output", "1024", "--bandwidth-efficiency", "1.0",
        };

        /// <summary>A training plan over memory: llama-3.1-70b in BF16 on one DGX H100 with data parallelism only (HWC208).</summary>
        public const string OverMemoryTraining = """
            kind: training
            id: too-big
            model: llama-3.1-70b
            system: dgx-h100
            gpus: 8
            data: 8
            microBatch: 1
            globalBatch: 8
            sequenceLength: 4096
            recipe: bf16-mixed
            """;

        /// <summary>Two training plans and a serving plan in one file.</summary>
        public const string SeveralPlans = """
            - kind: training
              id: llama-70b-tp8-pp4
              model: llama-3.1-70b
              system: dgx-h100
              gpus: 64
              tensor: 8
              pipeline: 4
              data: 2
              microBatch: 1
              globalBatch: 64
              sequenceLength: 4096
              recipe: bf16-mixed
              recomputation: selective
            - kind: training
              id: llama-70b-tp8-pp2
              model: llama-3.1-70b
              system: dgx-h100
              gpus: 64
              tensor: 8
              pipeline: 2
              data: 4
              microBatch: 1
              globalBatch: 64
              sequenceLength: 4096
              recipe: bf16-mixed
              recomputation: full
            - kind: serving
              id: llama-70b-tp4
              model: llama-3.1-70b
              system: dgx-h100
              gpus: 4
              tensor: 4
              weightFormat: fp8
              concurrency: 64
              inputTokens: 7168
              outputTokens: 1024
              bandwidthEfficiency: 0.8
            """;

        private static string Sample(string name) => Path.Combine(Build.RepositoryRoot, "samples", "TrainingCost", "catalogs", name);
    }
}
