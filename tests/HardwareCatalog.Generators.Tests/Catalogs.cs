namespace HardwareCatalog.Generators.Tests
{
    /// <summary>Small catalog texts shared by the tests.</summary>
    internal static class Catalogs
    {
        public const string Hopper = """
            kind: gpu
            id: test-h100
            name: Test H100
            vendor: NVIDIA
            architecture: Hopper
            released: 2022
            formFactor: SXM
            memory: 80 GB
            memoryBandwidth: 3.35 TB/s
            tdp: 700 W
            interconnect:
              nvlink: 900 GB/s
              pcie: 128 GB/s
            dense:
              fp64: 34 TFLOP/s
              bf16: 989.4 TFLOP/s
              fp8: 1978.9 TFLOP/s
              int8: 1978.9 TOPS
            sparsity: "2:4"
            notes: Dense figures from the whitepaper.
            sources:
              - https://example.com/h100-datasheet.pdf
            """;

        public const string Derived = """
            kind: gpu
            id: test-h800
            extends: test-h100
            name: Test H800
            interconnect:
              nvlink: 400 GB/s
            sources: [ https://example.com/h800.pdf ]
            """;

        /// <summary>A GPU with usable memory, measured rates and a secondary value.</summary>
        public const string Measured = """
            kind: gpu
            id: test-measured
            name: Test Measured
            vendor: NVIDIA
            architecture: Hopper
            memory: 80 GiB
            usableMemory:
              value: 81559 MiB
              source: https://example.com/smi-output
            memoryBandwidth: 3.35 TB/s
            tdp: { value: 700 W, source: "https://example.com/press", secondary: true }
            dense:
              bf16: 989.4 TFLOP/s
              fp8: 1978.9 TFLOP/s
            measured:
              source: https://example.com/mamf
              stack: torch 2.4, CUDA 12.4
              matmul:
                bf16: 794.5 TFLOP/s
              memoryBandwidth: 2.9 TB/s
            sources: [ https://example.com/datasheet ]
            """;

        /// <summary>A system of eight <c>test-h100</c> (see <see cref="Hopper"/>).</summary>
        public const string System = """
            kind: system
            id: test-node
            name: Test Node
            vendor: NVIDIA
            gpu: test-h100
            gpusPerNode: 8
            scaleUp:
              link: nvlink
              domain: 8
              bandwidth: 900 GB/s
              direction: both
            scaleOut:
              link: infiniband
              bandwidth: 400 Gb/s
              direction: each
            sources: [ https://example.com/node ]
            """;

        public const string Mla = """
            kind: model
            id: test-mla
            name: Test MLA
            developer: Example
            parameters: 671B
            activeParameters: 37B
            layers: 61
            hiddenSize: 7168
            contextWindow: 131072
            attention:
              kind: mla
              heads: 128
              headDim: 128
              kvLoraRank: 512
              ropeHeadDim: 64
            moe:
              routedExperts: 256
              activeExperts: 8
              sharedExperts: 1
            training:
              tokens: 14.8T
              gpu: test-h100
              gpuCount: 2048
              gpuHours: 2.788M
              precision: fp8
            sources: [ https://example.com/paper ]
            """;

        /// <summary>A dense model with its full shape: Llama 3.1 8B's config.json (intermediate_size 14336, silu, untied).</summary>
        public const string Shaped = """
            kind: model
            id: test-shaped
            name: Test Shaped
            parameters: 8B
            layers: 32
            hiddenSize: 4096
            vocabularySize: 128256
            ffnHiddenSize: 14336
            activation: swiglu
            tiedEmbeddings: false
            attention:
              kind: gqa
              heads: 32
              headDim: 128
              kvHeads: 8
              slidingWindow: 4096
              localLayers: 1
              globalLayers: 1
            sources: [ https://example.com/config.json ]
            """;

        /// <summary>
        /// A training plan of Llama 3.1 8B's shape (<see cref="Shaped"/>) on the test node (<see cref="System"/>: 8 × test-h100
        /// with NVLink and one 400 Gb/s NIC per GPU): a user's own model and system, in the same compilation as the plan.
        /// </summary>
        public const string Plan = """
            kind: training
            id: test-plan
            model: test-shaped
            system: test-node
            gpus: 16
            tensor: 8
            data: 2
            microBatch: 1
            globalBatch: 8
            sequenceLength: 4096
            recipe: bf16-mixed
            recomputation: selective
            computeEfficiency: 0.5
            networkEfficiency: 0.8
            overlapDataParallel: false
            """;

        /// <summary>
        /// A serving plan of Llama 3.1 8B's shape (<see cref="Shaped"/>) on two GPUs of the test node (<see cref="System"/>):
        /// FP8 weights and KV cache, 16 requests of 2,048 + 512 tokens, rates as shares of test-h100's peaks (it has no
        /// measured ones).
        /// </summary>
        public const string Serving = """
            kind: serving
            id: test-serving
            model: test-shaped
            system: test-node
            gpus: 2
            tensor: 2
            weightFormat: fp8
            kvCache: fp8
            concurrency: 16
            inputTokens: 2048
            outputTokens: 512
            computeEfficiency: 0.6
            bandwidthEfficiency: 0.8
            networkEfficiency: 0.9
            """;

        public const string Ampere = """
            kind: gpu
            id: test-a100
            identifier: TestA100GB
            name: Test A100
            vendor: NVIDIA
            architecture: Ampere
            memory: 80 GB
            memoryBandwidth: 2039 GB/s
            dense:
              bf16: 312 TFLOP/s
            sparse:
              bf16: 624 TFLOP/s
            sources: [ https://example.com/a100.pdf ]
            """;
    }
}
