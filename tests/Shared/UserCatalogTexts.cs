namespace HardwareCatalog.Testing
{
    /// <summary>
    /// User catalog files that tests of several projects load (hwcat's --catalog and validate, LoadedCatalog, an F# script
    /// against the packed package): one text each, compiled into each test project by link.
    /// </summary>
    internal static class UserCatalogTexts
    {
        /// <summary>A GPU that derives from a built-in one: valid, and it needs the built-in catalog to be.</summary>
        public const string DerivedGpu = """
            kind: gpu
            id: acme-h100-96
            extends: h100-sxm
            name: Acme H100 96GB
            memory: 96 GB
            sources: [https://example.com/acme-h100-96]
            """;

        /// <summary>Llama 3.1 70B under another id: a model that derives from a built-in one.</summary>
        public const string DerivedModel = """
            kind: model
            id: acme-70b
            extends: llama-3.1-70b
            name: Acme 70B
            sources: [https://example.com/acme-70b]
            """;

        /// <summary>A node of <see cref="DerivedGpu"/>, with the fabrics of the built-in DGX H100.</summary>
        public const string DerivedGpuNode = """
            kind: system
            id: acme-node
            name: Acme node
            vendor: Acme
            gpu: acme-h100-96
            gpusPerNode: 8
            scaleUp: { link: nvlink, bandwidth: 900 GB/s, direction: each, domain: 8 }
            sources: [https://example.com/acme-node]
            """;
    }
}
