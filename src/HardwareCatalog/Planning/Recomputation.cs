namespace HardwareCatalog.Planning
{
    /// <summary>What a training step recomputes in its backward pass instead of keeping activations.</summary>
    public enum Recomputation
    {
        /// <summary>Nothing: every activation is kept.</summary>
        None,

        /// <summary>The attention core (QKᵀ, softmax, attention over V) only (Korthikanti et al. 2022, section 4.1).</summary>
        Selective,

        /// <summary>Every transformer layer's forward pass, from its stored input.</summary>
        Full,
    }
}
