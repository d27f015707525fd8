namespace HardwareCatalog.Planning
{
    /// <summary>Which activations the backward pass recomputes instead of keeping (Korthikanti et al. 2022, arXiv:2205.05198, section 5 and table 2).</summary>
    public enum ActivationRecomputation
    {
        /// <summary>Every activation the backward pass needs is kept.</summary>
        None = 0,

        /// <summary>The attention's QKᵀ, softmax, softmax dropout and attention over V are recomputed: the 5as/h term goes.</summary>
        Selective = 1,

        /// <summary>Only each layer's input (2sbh bytes) is kept; the whole layer is recomputed.</summary>
        Full = 2,
    }
}
