using Xunit;

namespace HardwareCatalog.Generators.Tests
{
    /// <summary>The emitted code for representative entries, compared with reviewed snapshots.</summary>
    public class SnapshotTests
    {
        private static readonly CatalogFile[] Files =
        {
            new("/p/catalogs/h100.yaml", Catalogs.Hopper),
            new("/p/catalogs/h800.yaml", Catalogs.Derived),
            new("/p/catalogs/a100.yaml", Catalogs.Ampere),
            new("/p/catalogs/mla.yaml", Catalogs.Mla),
            new("/p/catalogs/measured.yaml", Catalogs.Measured),
            new("/p/catalogs/node.yaml", Catalogs.System),
            new("/p/catalogs/shaped.yaml", Catalogs.Shaped),
            new("/p/catalogs/plan.yaml", Catalogs.Plan),
            new("/p/catalogs/serving.yaml", Catalogs.Serving),
            new("/p/catalogs/unpublished.yaml", """
                kind: gpu
                id: unpublished
                name: A part with no published compute
                vendor: Example
                architecture: Hopper
                memory: 96 GB
                notes: No datasheet gives its peaks.
                estimated: true
                sources: [ https://example.com/guide ]
                """),
        };

        [Theory]
        [InlineData("Gpus.TestH100.g.cs")]
        [InlineData("Gpus.TestH800.g.cs")]
        [InlineData("Gpus.TestA100GB.g.cs")]
        [InlineData("Gpus.Unpublished.g.cs")]
        [InlineData("Gpus.g.cs")]
        [InlineData("Models.TestMla.g.cs")]
        [InlineData("Models.TestShaped.g.cs")]
        [InlineData("Models.g.cs")]
        [InlineData("Gpus.TestMeasured.g.cs")]
        [InlineData("Systems.TestNode.g.cs")]
        [InlineData("Systems.g.cs")]
        [InlineData("TrainingPlans.TestPlan.g.cs")]
        [InlineData("TrainingPlans.g.cs")]
        [InlineData("ServingPlans.TestServing.g.cs")]
        [InlineData("ServingPlans.g.cs")]
        public void Emitted_code_matches_the_reviewed_snapshot(string hintName)
        {
            GeneratorResult result = GeneratorHarness.Run(Files);

            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Empty(result.CompilationDiagnostics);
            Snapshot.Verify(hintName.Replace(".g.cs", ""), result.Source(hintName));
        }
    }
}
