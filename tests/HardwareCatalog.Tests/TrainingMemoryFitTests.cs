using System;
using System.Linq;
using HardwareCatalog.Planning;
using HardwareCatalog.Units;
using Xunit;

namespace HardwareCatalog.Tests
{
    /// <summary>
    /// Uneven pipeline stages and the fit against a GPU's usable memory, with two published layouts: DeepSeek-V3 on 2,048
    /// H800 (arXiv:2412.19437) and Llama 3.1 405B on 16,384 H100 (arXiv:2407.21783).
    /// </summary>
    public class TrainingMemoryFitTests
    {
        private const double GiB = 1024.0 * 1024 * 1024;
        private const double MiB = 1024.0 * 1024;

        // DeepSeek-V3, report section 3.2: 16-way pipeline, 64-way expert parallelism over 8 nodes, ZeRO-1 data parallelism,
        // no tensor parallelism, 2,048 H800: d = 2048 / 16 = 128. Section 4.2: sequences of 4K tokens; the batch reaches
        // 15,360 sequences and stays there. The report does not give the micro-batch: 1 sequence is assumed. Section 3.3:
        // the FP8 recipe; sections 3.2.3 and 3.3.3: what is recomputed and cached in which format (ActivationStorage.DeepSeekV3).
        // FlashAttention-style attention never stores the scores: selective recomputation. DualPipe (section 3.2.1) and the
        // MTP module are not modelled: 1F1B holds p micro-batches on the first stage.
        private static TrainingSettings DeepSeekV3Settings(ActivationRecomputation recomputation = ActivationRecomputation.Selective) => new(
            new ParallelLayout(pipeline: 16, data: 128, expert: 64),
            microBatch: 1, sequenceLength: 4096, globalBatch: 15360, PrecisionRecipe.Fp8DeepSeekV3, ZeroStage.OptimizerStates,
            recomputation, activationStorage: ActivationStorage.DeepSeekV3);

        // Llama 3.1 405B, Llama 3 paper section 3.3.2 and table 4 (the 8K phase on 16,384 GPUs): TP 8, CP 1, PP 16, DP 128,
        // sequences of 8,192 tokens, 16 sequences per data-parallel rank (16M tokens per step: 2,048 sequences). FSDP shards
        // weights, gradients and optimizer states but "does not reshard after forward computation": the weights are whole
        // (per TP/PP shard) from the forward to the backward pass, so the peak is ZeRO stage 2's (P_os+g). Assumed, as the
        // paper does not say: micro-batch 1 (16 micro-batches, p of them in flight), no interleaving (v = 1), Megatron-style
        // sequence parallelism with TP, selective recomputation (FlashAttention does not store the scores), BF16 mixed
        // precision with FP32 gradients and optimizer states (18 bytes).
        private static TrainingSettings Llama405bSettings(int virtualStages = 1, bool sequenceParallel = true) => new(
            new ParallelLayout(tensor: 8, pipeline: 16, data: 128, virtualStages: virtualStages, sequenceParallel: sequenceParallel),
            microBatch: 1, sequenceLength: 8192, globalBatch: 2048, PrecisionRecipe.Bf16Mixed, ZeroStage.Gradients, ActivationRecomputation.Selective);

        [Fact]
        public void Uneven_stages_put_the_extra_layers_on_the_first_stages()
        {
            var settings = new TrainingSettings(new ParallelLayout(pipeline: 5), 1, 2048, 8, PrecisionRecipe.Bf16Mixed);
            TrainingMemory memory = TrainingMemoryModel.PerGpu(Models.Gpt3, settings);

            // 96 = 5 × 19 + 1: the first stage holds ⌈96/5⌉ = 20 layers of 12h² weights (attention 4h², MLP 8h²), 2 bytes each.
            Assert.Equal(20, memory.LayersOnStage);
            Assert.Equal(20 * 12.0 * 12288 * 12288 * 2, memory.Layers.Parameters.Bytes);

            // Interleaved: 96 layers in 5 × 2 = 10 chunks of 9 or 10; chunks 0..5 hold 10, so the first stage's chunks 0 and 5
            // hold 20; with 7 × 2 = 14 chunks (6 or 7 layers, the first 12 of 7) chunks 0 and 7 hold 14.
            var interleaved = new TrainingSettings(new ParallelLayout(pipeline: 5, virtualStages: 2), 1, 2048, 8, PrecisionRecipe.Bf16Mixed);
            Assert.Equal(20, TrainingMemoryModel.PerGpu(Models.Gpt3, interleaved).LayersOnStage);
            var seven = new TrainingSettings(new ParallelLayout(pipeline: 7, virtualStages: 2), 1, 2048, 14, PrecisionRecipe.Bf16Mixed);
            Assert.Equal(14, TrainingMemoryModel.PerGpu(Models.Gpt3, seven).LayersOnStage);

            // Interleaved, stage i runs 2(p − i − 1) + (v − 1)p + 1 chunk forwards before its first backward (Megatron-LM):
            // with p = 8, v = 3 (chunks of 4 layers) stage 0 holds 31 chunks (124 layers' worth: 96·(1 + 7/24)), stage 7 17.
            var gpt3 = new TrainingSettings(new ParallelLayout(tensor: 8, pipeline: 8, virtualStages: 3), 1, 2048, 64, PrecisionRecipe.Fp16Mixed);
            double first = TrainingMemoryModel.PerStage(Models.Gpt3, gpt3, 0).Layers.Activations.Bytes;
            double lastStage = TrainingMemoryModel.PerStage(Models.Gpt3, gpt3, 7).Layers.Activations.Bytes;
            Assert.Equal(17.0 / 31, lastStage / first, 12);

            // An even split is unchanged: 96 / 8 = 12.
            Assert.Equal(12, TrainingMemoryModel.PerGpu(Models.Gpt3, new TrainingSettings(new ParallelLayout(pipeline: 8), 1, 2048, 8, PrecisionRecipe.Bf16Mixed)).LayersOnStage);
        }

        [Fact]
        public void DeepSeek_v3_published_layout_fits_on_an_h800()
        {
            TrainingMemory memory = TrainingMemoryModel.PerGpu(Models.DeepSeekV3, DeepSeekV3Settings());

            // 61 = 16 × 3 + 13: stages 0..12 hold 4 layers, 13..15 hold 3. The first: layers 0, 1, 2 (dense) and 3 (MoE).
            Assert.Equal(4, memory.LayersOnStage);

            // Weights on the stage (t = 1). MLA per layer: q_a 7168·1536, q_b 1536·128·(128 + 64), kv_a 7168·(512 + 64),
            // kv_b 512·128·(128 + 128), o 128·128·7168, and the latents' norms 1536 + 512.
            const double mla = 7168.0 * 1536 + 1536.0 * 128 * 192 + 7168.0 * 576 + 512.0 * 128 * 256 + 128.0 * 128 * 7168 + 1536 + 512;
            const double denseFfn = 3.0 * 7168 * 18432;                 // SwiGLU, intermediate 18,432
            const double expert = 3.0 * 7168 * 2048;                    // one expert, intermediate 2,048
            const double router = 7168.0 * 256;
            const double layerWeights = 4 * mla + 3 * denseFfn + expert + router; // the shared expert is dense (split over t only)
            const double routed = 256 * expert / 64;                   // 256 routed experts over e = 64
            const double norms = 4 * 2 * 7168.0;
            const double embedding = 129280.0 * 7168;                  // the input embedding; the output layer is on stage 15

            // Fp8DeepSeekV3: 2 (BF16 weights) + 4 (FP32 gradients) + 8 (FP32 master, BF16 moments) bytes; ZeRO-1 shards
            // the 8 over d = 128 for dense parts and over d/e = 2 replicas for routed experts.
            const double dense = 2 + 4 + 8.0 / 128, experts = 2 + 4 + 8.0 / 2;
            Assert.Equal(layerWeights * 2, memory.Layers.Parameters.Bytes, 1e-3);
            Assert.Equal(layerWeights * 4, memory.Layers.Gradients.Bytes, 1e-3);
            Assert.Equal(routed * experts, memory.Experts.ModelStates.Bytes, 1e-3);
            Assert.Equal(embedding * dense, memory.EmbeddingsAndOutput.ModelStates.Bytes, 1e-3);

            // Activations per token and layer (ActivationStorage.DeepSeekV3): norms' inputs 2·2·7168, latents 1·(1536 + 512),
            // RoPE key 2·64, attention output in E5M6 1.5·128·128, then per FFN the input 1·7168 and the SwiGLU input 1·2f.
            const double attentionPart = 2 * 2 * 7168.0 + (1536 + 512) + 2 * 64 + 1.5 * 128 * 128;
            const double denseLayer = attentionPart + (7168 + 2 * 18432);            // 99,456 B
            const double moeLayer = attentionPart + (8 + 1) * (7168 + 2 * 2048);     // 156,800 B: 8 routed + 1 shared
            // × 4,096 tokens × 16 micro-batches in flight (1F1B: min(p, 15360 / (1 · 128)) = 16).
            const double activations = (3 * denseLayer + moeLayer) * 4096 * 16;       // 29,829,890,048 B ≈ 27.78 GiB
            Assert.Equal(16, memory.MicroBatchesInFlight);
            Assert.Equal(activations, memory.Activations.Bytes, 1e-3);

            double total = (layerWeights + norms + embedding) * dense + routed * experts + activations; // 49,234,137,088 B
            Assert.Equal(total, memory.Total.Bytes, 1e-3);

            // The peak is stage 1, not 0: layers 4..7 are all MoE layers, which keep more activations than the dense ones,
            // and 15 micro-batches of them outweigh the first stage's 16 of 3 dense + 1 MoE layer and its embedding.
            TrainingMemory peak = TrainingMemoryModel.Peak(Models.DeepSeekV3, DeepSeekV3Settings());
            Assert.Equal(1, peak.Stage);
            Assert.Equal(15, peak.MicroBatchesInFlight);
            const double peakLayerWeights = 4 * (mla + expert + router);
            const double peakActivations = 4 * moeLayer * 4096 * 15;                  // 38,535,168,000 B ≈ 35.89 GiB
            double peakTotal = (peakLayerWeights + norms) * dense + 4 * routed * experts + peakActivations; // 51,231,772,672 B
            Assert.Equal(peakActivations, peak.Activations.Bytes, 1e-3);
            Assert.Equal(0, peak.EmbeddingsAndOutput.Total.Bytes);
            Assert.Equal(peakTotal, peak.Total.Bytes, 1e-3);
            Assert.Equal(peakTotal, TrainingMemoryModel.PerStage(Models.DeepSeekV3, DeepSeekV3Settings(), 1).Total.Bytes, 1e-3);

            // The H800 SXM has no published usable memory (no nvidia-smi total): the fit falls back to the nominal 80 GiB and
            // says so.
            MemoryFit fit = MemoryFit.Of(peak, Gpus.H800Sxm);
            Assert.Null(Gpus.H800Sxm.UsableMemory);
            Assert.True(fit.AgainstNominalMemory);
            Assert.Equal(80 * GiB, fit.Available.Bytes);
            Assert.True(fit.Fits);
            Assert.Equal(80 * GiB - peakTotal, fit.Headroom.Bytes, 1e-3);             // ≈ 32.29 GiB
            Assert.Equal(0, fit.Overflow.Bytes);
            Assert.Contains("nominal memory", fit.ToString());

            // The largest terms: the activations, then the layers' FP32 gradients (4 × 931,930,112 B), then the routed
            // experts' FP32 gradients and their optimizer states sharded over 2 replicas (both 4 × 704,643,072 B).
            Assert.Equal(new MemoryTermSize(TrainingMemoryPart.Layers, TrainingMemoryTerm.Activations, DataSize.FromBytes(peakActivations)), fit.LargestTerms[0]);
            Assert.Equal(new MemoryTermSize(TrainingMemoryPart.Layers, TrainingMemoryTerm.Gradients, DataSize.FromBytes(4 * peakLayerWeights)), fit.LargestTerms[1]);
            Assert.Equal(new MemoryTermSize(TrainingMemoryPart.Experts, TrainingMemoryTerm.Gradients, DataSize.FromBytes(4 * 4 * routed)), fit.LargestTerms[2]);
            Assert.Equal(new MemoryTermSize(TrainingMemoryPart.Experts, TrainingMemoryTerm.OptimizerStates, DataSize.FromBytes(4 * routed * 8 / 2)), fit.LargestTerms[3]);
        }

        [Fact]
        public void DeepSeek_v3_storage_is_what_makes_the_layout_fit()
        {
            // The same layout with Korthikanti et al.'s storage (everything in BF16, Q/K/V at full width, dropout masks) needs
            // more than the H800 has: the fit reports the overflow and the activations as the term to shrink.
            var korthikanti = new TrainingSettings(
                new ParallelLayout(pipeline: 16, data: 128, expert: 64), 1, 4096, 15360, PrecisionRecipe.Fp8DeepSeekV3,
                ZeroStage.OptimizerStates, ActivationRecomputation.Selective);
            TrainingMemory memory = TrainingMemoryModel.Peak(Models.DeepSeekV3, korthikanti);
            MemoryFit fit = MemoryFit.Of(memory, Gpus.H800Sxm);

            Assert.False(fit.Fits);
            Assert.Equal(0, fit.Headroom.Bytes);
            Assert.Equal(memory.Total.Bytes - 80 * GiB, fit.Overflow.Bytes, 1e-3);
            Assert.Equal(TrainingMemoryTerm.Activations, fit.LargestTerms[0].Term);
            Assert.Contains("overflows by", fit.ToString());

            // The model states do not depend on the storage.
            TrainingMemory deepSeek = TrainingMemoryModel.PerStage(Models.DeepSeekV3, DeepSeekV3Settings(), memory.Stage);
            Assert.Equal(deepSeek.Terms.ModelStates.Bytes, memory.Terms.ModelStates.Bytes, 1e-3);

            // DeepSeek-V3's storage recomputes MLA's up-projections: a model without MLA is refused.
            var gqa = new TrainingSettings(new ParallelLayout(tensor: 8, pipeline: 16, data: 128), 1, 8192, 2048, PrecisionRecipe.Bf16Mixed,
                activationStorage: ActivationStorage.DeepSeekV3);
            Assert.Contains("MLA", Assert.Throws<ArgumentException>(() => TrainingMemoryModel.PerGpu(Models.Llama31_405B, gqa)).Message);
        }

        [Fact]
        public void Llama_3_1_405b_paper_layout_fits_on_an_h100()
        {
            TrainingMemory memory = TrainingMemoryModel.PerGpu(Models.Llama31_405B, Llama405bSettings());

            // 126 = 16 × 7 + 14: the first stage holds ⌈126/16⌉ = 8 layers. (The paper moves one layer off the first and the
            // last stage, leaving 7 there; this model keeps 8, an overestimate.)
            Assert.Equal(8, memory.LayersOnStage);

            // Weights per layer over t = 8: Q and O 16384², K and V 16384·8·128 each, the SwiGLU FFN 3·16384·53248.
            const double layer = (2.0 * 16384 * 16384 + 2.0 * 16384 * 1024 + 3.0 * 16384 * 53248) / 8;
            const double layers = 8 * layer;
            const double norms = 8 * 2 * 16384.0;
            const double embedding = 128256.0 * 16384 / 8;             // vocabulary-parallel input embedding
            // 18 bytes (2 weights, 4 FP32 gradients, 12 FP32 master and moments); ZeRO-2 shards gradients and optimizer over 128.
            const double bytesPerParameter = 2 + (4 + 12) / 128.0;     // 2.125
            Assert.Equal(layers * 2, memory.Layers.Parameters.Bytes, 1e-3);

            // Activations per token and layer with TP + SP and selective recomputation (Korthikanti et al. table 2,
            // generalised): whole (split by SP) 2·(2 + 1 + 1)·h + 2·h masks = 10h; split over t: Q, K, V, O at 2 bytes
            // 2·(16384 + 1024 + 1024 + 16384) and the gated FFN 3·2·53248.
            const double perToken = (10 * 16384.0 + 2 * (16384 + 1024 + 1024 + 16384) + 3 * 2 * 53248.0) / 8; // 69,120 B
            const double activations = perToken * 8192 * 8 * 16;       // 8 layers, 16 micro-batches: 72,477,573,120 B
            const double embeddingMask = 8192.0 * 16384 * 16 / 8;      // the embedding's dropout mask, split by SP
            Assert.Equal(activations, memory.Layers.Activations.Bytes, 1e-3);

            double total = (layers + norms + embedding) * bytesPerParameter + activations + embeddingMask; // 80,078,536,704 B
            Assert.Equal(total, memory.Total.Bytes, 1e-3);

            // Here the first stage is the peak: every stage holds the same kind of layer, and it has the most in flight.
            Assert.Equal(0, TrainingMemoryModel.Peak(Models.Llama31_405B, Llama405bSettings()).Stage);

            // Against the H100's usable 81,559 MiB (nvidia-smi), not the nominal 80 GiB.
            MemoryFit fit = MemoryFit.Of(memory, Gpus.H100Sxm);
            Assert.False(fit.AgainstNominalMemory);
            Assert.Equal(81559 * MiB, fit.Available.Bytes);
            Assert.True(fit.Fits);
            Assert.Equal(81559 * MiB - total, fit.Headroom.Bytes, 1e-3);              // ≈ 5.07 GiB
            Assert.Equal(new MemoryTermSize(TrainingMemoryPart.Layers, TrainingMemoryTerm.Activations, memory.Layers.Activations), fit.LargestTerms[0]);
            Assert.Equal(new MemoryTermSize(TrainingMemoryPart.Layers, TrainingMemoryTerm.Parameters, memory.Layers.Parameters), fit.LargestTerms[1]);
        }

        [Fact]
        public void Llama_3_1_405b_fit_depends_on_sequence_parallelism_and_interleaving()
        {
            // The margin is small: without sequence parallelism the 10h whole on every rank is 8 times larger, and the
            // interleaved schedule at v = 2 multiplies the first stage's activations by 1 + 15/32; either overflows.
            MemoryFit noSp = MemoryFit.Of(TrainingMemoryModel.PerGpu(Models.Llama31_405B, Llama405bSettings(sequenceParallel: false)), Gpus.H100Sxm);
            MemoryFit interleaved = MemoryFit.Of(TrainingMemoryModel.PerGpu(Models.Llama31_405B, Llama405bSettings(virtualStages: 2)), Gpus.H100Sxm);
            TrainingMemory plain = TrainingMemoryModel.PerGpu(Models.Llama31_405B, Llama405bSettings());

            Assert.False(noSp.Fits);
            Assert.False(interleaved.Fits);
            Assert.Equal(plain.Layers.Activations.Bytes * (1 + 15 / 32.0), interleaved.LargestTerms[0].Size.Bytes, 1e-3);
            Assert.Equal(interleaved.Required.Bytes - 81559 * MiB, interleaved.Overflow.Bytes, 1e-3);
        }

        [Fact]
        public void The_last_stage_holds_the_output_layer_the_final_norm_and_the_logits()
        {
            TrainingMemory last = TrainingMemoryModel.PerStage(Models.Llama31_405B, Llama405bSettings(), 15);

            // 126 = 16 × 7 + 14: stages 14 and 15 hold 7 layers; under 1F1B the last stage holds one micro-batch.
            Assert.Equal(7, last.LayersOnStage);
            Assert.Equal(1, last.MicroBatchesInFlight);
            Assert.Equal(15, last.Stage);

            // The output layer, 128256·16384/8 weights at 2 bytes; the norms: 7 layers × 2 and the final one, 16384 each.
            Assert.Equal(128256.0 * 16384 / 8 * 2, last.EmbeddingsAndOutput.Parameters.Bytes, 1e-3);
            Assert.Equal((7 * 2 + 1) * 16384.0 * 2, last.Norms.Parameters.Bytes, 1e-3);

            // Korthikanti et al. section 4.3 with SP: the final norm's and the output projection's inputs 2·2sbh/t and the
            // FP32 logits 4sbV/t; no embedding dropout mask on this stage.
            const double sbh = 8192.0 * 16384;
            Assert.Equal(2 * 2 * sbh / 8 + 4 * 8192.0 * 128256 / 8, last.EmbeddingsAndOutput.Activations.Bytes, 1e-3);

            Assert.Throws<ArgumentOutOfRangeException>(() => TrainingMemoryModel.PerStage(Models.Llama31_405B, Llama405bSettings(), 16));
        }

        [Fact]
        public void Largest_terms_are_every_non_zero_term_largest_first_and_add_up_to_the_total()
        {
            TrainingMemory memory = TrainingMemoryModel.PerGpu(Models.DeepSeekV3, DeepSeekV3Settings());
            MemoryFit fit = MemoryFit.Of(memory, Gpus.H100Sxm);

            Assert.Equal(memory.Total.Bytes, fit.LargestTerms.Sum(x => x.Size.Bytes), 1e-3);
            Assert.All(fit.LargestTerms, x => Assert.True(x.Size > DataSize.Zero));
            for (int i = 1; i < fit.LargestTerms.Count; i++) Assert.True(fit.LargestTerms[i - 1].Size >= fit.LargestTerms[i].Size);
            foreach (MemoryTermSize term in fit.LargestTerms) Assert.Equal(memory[term.Part, term.Term], term.Size);

            // Embedding activations are zero under DeepSeek-V3's storage (no dropout), so they are not listed.
            Assert.DoesNotContain(fit.LargestTerms, x => x.Part == TrainingMemoryPart.EmbeddingsAndOutput && x.Term == TrainingMemoryTerm.Activations);
            Assert.Throws<ArgumentNullException>(() => MemoryFit.Of(memory, null!));
        }
    }
}
