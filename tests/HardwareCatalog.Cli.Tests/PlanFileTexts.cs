namespace HardwareCatalog.Cli.Tests
{
    /// <summary>Plan files the plan and chart command tests share.</summary>
    internal static class PlanFileTexts
    {
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
    }
}
