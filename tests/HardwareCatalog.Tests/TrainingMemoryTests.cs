using System;
using HardwareCatalog.Planning;
using HardwareCatalog.Units;
using Xunit;

namespace HardwareCatalog.Tests
{
    /// <summary>
    /// Memory per GPU against the papers' worked figures: Korthikanti et al. 2022 ("Reducing Activation Recomputation in
    /// Large Transformer Models", arXiv:2205.05198), figure 1 and table 2; Rajbhandari et al. 2020 ("ZeRO",
    /// arXiv:1910.02054), figure 1.
    /// </summary>
    /// <remarks>
    /// How Korthikanti et al.'s figure 1 counts, worked back from its numbers: activations are the transformer layers'
    /// only (no embedding dropout mask, no output layer or loss), on the first pipeline stage, holding p micro-batches,
    /// times 1 + (p − 1)/(p·v) when interleaved; "parameters and optimizer state" is 12·L·h²/(t·p) parameters (each
    /// layer's attention and MLP matrices; no embeddings, norms or biases) at 18 bytes. The figure's numbers match exactly
    /// under this reading and under no other we tried (adding the embeddings, norms or the output layer moves every one of
    /// them); our breakdown reports the parts it leaves out (<see cref="TrainingMemory.EmbeddingsAndOutput"/>, <see cref="TrainingMemory.Norms"/>) separately.
    /// </remarks>
    public class TrainingMemoryTests
    {
        private const double GiB = 1024.0 * 1024 * 1024;

        // GPT-3 175B as in Korthikanti et al.'s figure 1: TP 8, PP 8, 3 virtual stages, micro-batch 1, s = 2048, FP16.
        // The figure assumes the first stage has p micro-batches in flight, so the step must have at least 8: 64 here.
        private static TrainingSettings Gpt3Settings(bool sequenceParallel, ActivationRecomputation recomputation) => new(
            new ParallelLayout(tensor: 8, pipeline: 8, virtualStages: 3, sequenceParallel: sequenceParallel),
            microBatch: 1, sequenceLength: 2048, globalBatch: 64, PrecisionRecipe.Fp16Mixed,
            recomputation: recomputation, stateLayout: OptimizerStateLayout.MegatronFp32Gradients);

        // The 22B model: TP 8, PP 1, micro-batch 4, s = 2048.
        private static TrainingSettings Gpt22bSettings(bool sequenceParallel, ActivationRecomputation recomputation) => new(
            new ParallelLayout(tensor: 8, sequenceParallel: sequenceParallel),
            microBatch: 4, sequenceLength: 2048, globalBatch: 4, PrecisionRecipe.Fp16Mixed,
            recomputation: recomputation, stateLayout: OptimizerStateLayout.MegatronFp32Gradients);

        // Korthikanti et al.'s 22B GPT: 48 layers, h = 6144, 64 heads, f = 4h, GELU; vocabulary 51,200 assumed
        // (the paper's figure does not count the embeddings, so the vocabulary does not change what is compared).
        private static readonly ModelSpec Gpt22B = Shaped("gpt-22b", layers: 48, hidden: 6144, heads: 64, vocabulary: 51200);

        [Fact]
        public void Gpt3_175b_activations_without_recomputation_are_66_84375_gib()
        {
            TrainingMemory memory = TrainingMemoryModel.PerGpu(Models.Gpt3, Gpt3Settings(sequenceParallel: false, ActivationRecomputation.None));

            // Per layer, tensor parallel without sequence parallelism (table 2): sbh(10 + 24/t + 5as/(ht)).
            const double sbh = 2048.0 * 1 * 12288;
            const double perLayer = sbh * (10 + 24.0 / 8 + 5.0 * 96 * 2048 / (12288 * 8)); // = 23·sbh
            // The first stage: L/p layers × p micro-batches = L layers' worth, × 1 + (p − 1)/(p·v).
            double expected = perLayer * 96 * (1 + (8 - 1) / (8.0 * 3));

            Assert.Equal(expected, memory.Layers.Activations.Bytes, 1e-6);
            Assert.Equal(66.84375, memory.Layers.Activations.Bytes / GiB, 9); // figure 1
            Assert.Equal(8, memory.MicroBatchesInFlight);

            // What the figure leaves out: the embedding's dropout mask, 1 byte per element, for each micro-batch in flight.
            Assert.Equal(sbh * 8, memory.EmbeddingsAndOutput.Activations.Bytes);
            Assert.Equal(memory.Layers.Activations.Bytes + sbh * 8, memory.Activations.Bytes);
            Assert.Equal(TrainingMemoryTerm.Activations, memory.LargestTerm);
        }

        [Fact]
        public void Gpt3_175b_activations_with_sequence_parallelism_and_selective_recomputation_are_12_3515625_gib()
        {
            TrainingMemory memory = TrainingMemoryModel.PerGpu(Models.Gpt3, Gpt3Settings(sequenceParallel: true, ActivationRecomputation.Selective));

            // Table 2: sbh · 34/t per layer.
            const double sbh = 2048.0 * 1 * 12288;
            double expected = sbh * 34 / 8 * 96 * (1 + 7 / 24.0);

            Assert.Equal(expected, memory.Layers.Activations.Bytes, 1e-6);
            Assert.Equal(12.3515625, memory.Layers.Activations.Bytes / GiB, 9); // figure 1
            // Sequence parallelism splits the embedding's dropout mask over t too (section 4.3: sbhp/t).
            Assert.Equal(sbh * 8 / 8, memory.EmbeddingsAndOutput.Activations.Bytes);
        }

        [Fact]
        public void Gpt3_175b_parameters_and_optimizer_state_are_45_5625_gib_at_18_bytes()
        {
            TrainingMemory memory = TrainingMemoryModel.PerGpu(Models.Gpt3, Gpt3Settings(sequenceParallel: true, ActivationRecomputation.Selective));

            // 12·L·h²/(t·p) parameters (attention 4h², MLP 2·h·4h) at 2 + 4 + 4 + 8 = 18 bytes.
            double layerParameters = 12.0 * 96 * 12288 * 12288 / (8 * 8);
            Assert.Equal(layerParameters * 2, memory.Layers.Parameters.Bytes);
            Assert.Equal(layerParameters * 4, memory.Layers.Gradients.Bytes);
            Assert.Equal(layerParameters * 12, memory.Layers.OptimizerStates.Bytes);
            Assert.Equal(45.5625, memory.Layers.ModelStates.Bytes / GiB, 12); // figure 1

            // Left out by the figure: the first stage's norms (two of h per layer, whole on every tensor-parallel rank) and
            // its vocabulary-parallel input embedding (the output layer sits on the last stage).
            Assert.Equal(2.0 * 12288 * (96 / 8) * 18, memory.Norms.ModelStates.Bytes);
            Assert.Equal(50257.0 * 12288 / 8 * 18, memory.EmbeddingsAndOutput.ModelStates.Bytes);
            Assert.Equal(0, memory.Experts.Total.Bytes);
            Assert.Equal(
                memory.Layers.Total.Bytes + memory.Norms.Total.Bytes + memory.EmbeddingsAndOutput.Total.Bytes,
                memory.Total.Bytes,
                1e-3);
        }

        [Fact]
        public void Gpt_22b_activations_are_59_25_and_9_5625_gib()
        {
            TrainingMemory baseline = TrainingMemoryModel.PerGpu(Gpt22B, Gpt22bSettings(sequenceParallel: false, ActivationRecomputation.None));
            TrainingMemory reduced = TrainingMemoryModel.PerGpu(Gpt22B, Gpt22bSettings(sequenceParallel: true, ActivationRecomputation.Selective));

            const double sbh = 2048.0 * 4 * 6144;
            // No pipeline: one micro-batch in flight, all 48 layers on the GPU.
            Assert.Equal(sbh * (10 + 24.0 / 8 + 5.0 * 64 * 2048 / (6144 * 8)) * 48, baseline.Layers.Activations.Bytes, 1e-6);
            Assert.Equal(sbh * 34 / 8 * 48, reduced.Layers.Activations.Bytes, 1e-6);
            Assert.Equal(59.25, baseline.Layers.Activations.Bytes / GiB, 9);  // figure 1
            Assert.Equal(9.5625, reduced.Layers.Activations.Bytes / GiB, 9);  // figure 1

            // With p = 1 the one stage is also the last: the output layer's activations (section 4.3), 4sbh/t·(1 + v/h)
            // with sequence parallelism, plus the embedding's dropout mask sbh/t.
            Assert.Equal(4 * sbh / 8 * (1 + 51200.0 / 6144) + sbh / 8, reduced.EmbeddingsAndOutput.Activations.Bytes, 1e-3);
        }

        [Fact]
        public void Gpt_22b_parameters_and_optimizer_state_are_45_5625_gib()
        {
            TrainingMemory memory = TrainingMemoryModel.PerGpu(Gpt22B, Gpt22bSettings(sequenceParallel: true, ActivationRecomputation.Selective));

            Assert.Equal(12.0 * 48 * 6144 * 6144 / 8 * 18, memory.Layers.ModelStates.Bytes);
            Assert.Equal(45.5625, memory.Layers.ModelStates.Bytes / GiB, 12); // figure 1
            // p = 1: the input embedding and the output layer are one matrix (tied here), and the final norm is on this GPU.
            Assert.Equal(51200.0 * 6144 / 8 * 18, memory.EmbeddingsAndOutput.ModelStates.Bytes);
            Assert.Equal((2.0 * 6144 * 48 + 6144) * 18, memory.Norms.ModelStates.Bytes);
        }

        [Fact]
        public void Full_recomputation_keeps_each_layer_input()
        {
            TrainingMemory memory = TrainingMemoryModel.PerGpu(Gpt22B, Gpt22bSettings(sequenceParallel: false, ActivationRecomputation.Full));

            // Table 2: 2sbhL, whatever t.
            Assert.Equal(2.0 * 2048 * 4 * 6144 * 48, memory.Layers.Activations.Bytes);
        }

        [Fact]
        public void Zero_figure_1_7_5b_parameters_on_64_gpus()
        {
            // Rajbhandari et al. 2020, figure 1: Ψ = 7.5B, N_d = 64, K = 12 (the 16-byte accounting), in GB.
            const double psi = 7.5e9, nd = 64, k = 12;
            double Total(ZeroStage stage) => TrainingMemoryModel.ModelStates(Parameters.FromCount(psi), OptimizerStateLayout.ZeroPaper, stage, 64).Total.Gigabytes;

            Assert.Equal((2 + 2 + k) * psi / 1e9, Total(ZeroStage.None), 9);
            Assert.Equal((2 * psi + 2 * psi + k * psi / nd) / 1e9, Total(ZeroStage.OptimizerStates), 9);
            Assert.Equal((2 * psi + (2 + k) * psi / nd) / 1e9, Total(ZeroStage.Gradients), 9);
            Assert.Equal((2 + 2 + k) * psi / nd / 1e9, Total(ZeroStage.Parameters), 9);

            // The figure's rounded values: 120 GB, 31.4 GB, 16.6 GB, 1.88 GB.
            Assert.Equal(120, Total(ZeroStage.None), 9);
            Assert.Equal(31.4, Math.Round(Total(ZeroStage.OptimizerStates), 1));
            Assert.Equal(16.6, Math.Round(Total(ZeroStage.Gradients), 1));
            Assert.Equal(1.88, Math.Round(Total(ZeroStage.Parameters), 2));
        }

        [Fact]
        public void Zero_shards_dense_state_over_d_and_expert_state_over_d_over_e()
        {
            // Mixtral 8x22B (config.json: 56 layers, h = 6144, 48 heads / 8 KV heads of 128, 8 experts of 16384, SwiGLU):
            // TP 8, PP 4, DP 8 with EP 8 inside it, ZeRO-1, BF16 with FP32 gradients (18 bytes).
            var settings = new TrainingSettings(
                new ParallelLayout(tensor: 8, pipeline: 4, data: 8, expert: 8, sequenceParallel: true),
                microBatch: 1, sequenceLength: 4096, globalBatch: 256, PrecisionRecipe.Bf16Mixed, ZeroStage.OptimizerStates);
            TrainingMemory memory = TrainingMemoryModel.PerGpu(Models.Mixtral8x22B, settings);

            const int stageLayers = 56 / 4;
            // Routed experts: 8 per layer of 3·h·f, split over e = 8 and t = 8; their optimizer states sharded over d/e = 1.
            double experts = stageLayers * 8 * 3.0 * 6144 * 16384 / (8 * 8);
            Assert.Equal(experts * 2, memory.Experts.Parameters.Bytes);
            Assert.Equal(experts * 4, memory.Experts.Gradients.Bytes);
            Assert.Equal(experts * 12 / (8 / 8), memory.Experts.OptimizerStates.Bytes);

            // Attention (Q and O 48·128 wide, K and V 8·128) split over t, and the router (h × 8, whole): state over d = 8.
            double dense = stageLayers * ((6144.0 * 48 * 128 * 2 + 6144.0 * 8 * 128 * 2) / 8 + 6144.0 * 8);
            Assert.Equal(dense * 2, memory.Layers.Parameters.Bytes, 1e-3);
            Assert.Equal(dense * 12 / 8, memory.Layers.OptimizerStates.Bytes, 1e-3);
            Assert.Equal(4, memory.MicroBatchesInFlight);
        }

        [Fact]
        public void Fewer_key_value_heads_than_tensor_ranks_are_copied()
        {
            // Llama 3.1 405B (config.json: 126 layers, h = 16384, 128 heads and 8 KV heads of 128, f = 53248, SwiGLU) on
            // t = 16: each rank keeps one KV head, so each K and V head has 16/8 = 2 copies.
            var settings = new TrainingSettings(new ParallelLayout(tensor: 16, pipeline: 9), 1, 8192, 16, PrecisionRecipe.Bf16Mixed);
            TrainingMemory memory = TrainingMemoryModel.PerGpu(Models.Llama31_405B, settings);

            double attention = (16384.0 * 128 * 128 * 2 + 2 * 16384.0 * 16 * 128) / 16;
            double ffn = 3.0 * 16384 * 53248 / 16;
            Assert.Equal((attention + ffn) * (126 / 9) * 2, memory.Layers.Parameters.Bytes, 1e-3);
        }

        [Fact]
        public void Fewer_micro_batches_than_stages_hold_fewer_activations()
        {
            TrainingSettings Settings(int globalBatch) => new(
                new ParallelLayout(tensor: 8, pipeline: 8), 1, 2048, globalBatch, PrecisionRecipe.Bf16Mixed);

            TrainingMemory two = TrainingMemoryModel.PerGpu(Models.Gpt3, Settings(2));
            TrainingMemory eight = TrainingMemoryModel.PerGpu(Models.Gpt3, Settings(64));

            Assert.Equal(2, two.MicroBatchesInFlight);
            Assert.Equal(eight.Layers.Activations.Bytes * 2 / 8, two.Layers.Activations.Bytes, 1e-3);
        }

        [Fact]
        public void The_recipes_say_what_they_keep_in_which_precision()
        {
            Assert.Equal(16, OptimizerStateLayout.ZeroPaper.TotalBytes);
            Assert.Equal(12, OptimizerStateLayout.ZeroPaper.OptimizerStateBytes); // the ZeRO paper's K
            Assert.Equal(18, OptimizerStateLayout.MegatronFp32Gradients.TotalBytes);
            // DeepSeek-V3 section 3.3.3: FP32 master weights and gradients, BF16 moments; a BF16 working copy.
            Assert.Equal(2 + 4 + 4 + 2 * 2, OptimizerStateLayout.DeepSeekV3Fp8.TotalBytes);
            Assert.Equal(Precision.Fp8, PrecisionRecipe.Fp8DeepSeekV3.Compute);
            Assert.Equal(Precision.Bf16, PrecisionRecipe.Fp8DeepSeekV3.Activations);
            Assert.Equal(OptimizerStateLayout.MegatronFp32Gradients, PrecisionRecipe.Bf16Mixed.State);
        }

        [Fact]
        public void Invalid_settings_are_rejected_with_the_reason()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new ParallelLayout(tensor: 0));
            Assert.Throws<ArgumentOutOfRangeException>(() => new ParallelLayout(data: 6, expert: 4));
            Assert.Throws<ArgumentException>(() => new ParallelLayout(virtualStages: 2));
            Assert.Throws<ArgumentOutOfRangeException>(() => new OptimizerStateLayout(2, -1, 4, 8));
            Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingSettings(default, 0, 2048, 8, PrecisionRecipe.Bf16Mixed));
            // 12 sequences are not a whole number of micro-batches of 2 on 4 data-parallel ranks: accepted, so that a plan reports
            // HWC206, and refused by the step-time model.
            var uneven = new TrainingSettings(new ParallelLayout(data: 4), 2, 2048, 12, PrecisionRecipe.Bf16Mixed);
            Assert.False(uneven.BatchDivides);
            Assert.Contains("HWC206", Assert.Throws<ArgumentException>(() => StepTime.Estimate(Models.Gpt3, uneven,
                Achieved.FromEfficiency(Gpus.H100Sxm.Dense.Bf16, 0.4), TrainingNetwork.Of(Systems.DgxH100, 1.0))).Message);
            Assert.Throws<ArgumentException>(() => new TrainingSettings(default, 1, 2048, 8, PrecisionRecipe.Bf16Mixed, stateLayout: default(OptimizerStateLayout)));

            // 96 layers cannot fill 97 stages (every stage needs a layer); 96 heads do not split over 64 tensor ranks.
            var tooDeep = new TrainingSettings(new ParallelLayout(pipeline: 97), 1, 2048, 8, PrecisionRecipe.Bf16Mixed);
            var wide = new TrainingSettings(new ParallelLayout(tensor: 64), 1, 2048, 8, PrecisionRecipe.Bf16Mixed);
            Assert.Contains("96 layers", Assert.Throws<ArgumentException>(() => TrainingMemoryModel.PerGpu(Models.Gpt3, tooDeep)).Message);
            Assert.Contains("96 attention heads", Assert.Throws<ArgumentException>(() => TrainingMemoryModel.PerGpu(Models.Gpt3, wide)).Message);
            // GPT-4's shape is not published.
            Assert.Throws<ArgumentException>(() => TrainingMemoryModel.PerGpu(Models.Gpt4, new TrainingSettings(default, 1, 2048, 8, PrecisionRecipe.Bf16Mixed)));

            // default(ParallelLayout) is one GPU.
            Assert.Equal(new ParallelLayout(1, 1, 1, 1, 1, false), default(ParallelLayout));
            Assert.Equal(1, default(ParallelLayout).GpuCount);
        }

        private static ModelSpec Shaped(string id, int layers, int hidden, int heads, int vocabulary)
        {
            var values = new double[ModelLayout.Length];
            for (int i = 0; i < values.Length; i++) values[i] = double.NaN;
            values[ModelLayout.TotalParameters] = 12.0 * layers * hidden * hidden;
            values[ModelLayout.Layers] = layers;
            values[ModelLayout.HiddenSize] = hidden;
            values[ModelLayout.VocabularySize] = vocabulary;
            values[ModelLayout.AttentionKind] = (int)AttentionKind.Mha;
            values[ModelLayout.Heads] = heads;
            values[ModelLayout.HeadDim] = hidden / heads;
            values[ModelLayout.KvHeads] = heads;
            values[ModelLayout.FfnHiddenSize] = 4 * hidden;
            values[ModelLayout.Activation] = (int)Activation.Gelu;
            values[ModelLayout.TiedEmbeddings] = 1;
            return ModelSpec.Create(id, id, null, null, Array.Empty<string>(), false, values, null);
        }
    }
}
