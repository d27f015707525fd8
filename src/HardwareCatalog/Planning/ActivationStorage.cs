namespace HardwareCatalog.Planning
{
    /// <summary>Which activations a layer keeps for the backward pass, and in which format; docs/planning.md gives each term.</summary>
    public enum ActivationStorage
    {
        /// <summary>
        /// What Korthikanti et al. 2022 (arXiv:2205.05198, section 4.1) count: every tensor the backward pass reads, in the
        /// recipe's activation format, with 1-byte dropout masks.
        /// </summary>
        Korthikanti = 0,

        /// <summary>
        /// DeepSeek-V3's (arXiv:2412.19437): RMSNorm outputs and MLA's up-projections are recomputed in the backward pass
        /// (section 3.2.3), so a layer keeps the norms' inputs, MLA's latents and its RoPE key, not the full-width queries,
        /// keys and values; linear-layer inputs are cached in FP8, the input of the linear after attention in E5M6 (12 bits),
        /// the SwiGLU input in FP8 with its output recomputed (section 3.3.3); no dropout. Needs MLA attention.
        /// </summary>
        DeepSeekV3 = 1,
    }
}
