namespace HardwareCatalog.Planning
{
    /// <summary>
    /// How much of the model state data parallelism shards (Rajbhandari et al. 2020, "ZeRO", arXiv:1910.02054, section 5).
    /// </summary>
    public enum ZeroStage
    {
        /// <summary>Nothing sharded: every data-parallel rank holds weights, gradients and optimizer states whole.</summary>
        None = 0,

        /// <summary>P_os: the optimizer states (master weights and moments) are sharded; Megatron-LM's distributed optimizer.</summary>
        OptimizerStates = 1,

        /// <summary>P_os+g: the gradients too.</summary>
        Gradients = 2,

        /// <summary>P_os+g+p: the weights too (FSDP's full sharding).</summary>
        Parameters = 3,
    }
}
