using System.Linq;
using Xunit;

namespace HardwareCatalog.Tests
{
    /// <summary>
    /// BuiltInCatalog, the catalog the runtime library carries for code without the generator (F#, scripts), holds the
    /// same entries with the same values as the catalog the generator writes into a C# project (this test project's).
    /// </summary>
    public class UntypedCatalogTests
    {
        [Fact]
        public void The_untyped_gpus_are_the_generated_ones_value_by_value()
        {
            Assert.Equal(Gpus.All.Select(g => g.Id), BuiltInCatalog.Gpus.Select(g => g.Id));
            foreach (Accelerator generated in Gpus.All)
            {
                Accelerator untyped = BuiltInCatalog.FindGpu(generated.Id)!;
                Assert.Equal(generated, untyped);
                Assert.Equal((generated.Name, generated.Vendor, generated.Architecture), (untyped.Name, untyped.Vendor, untyped.Architecture));
                Assert.Equal((generated.Memory, generated.UsableMemory, generated.MemoryBandwidth, generated.Tdp), (untyped.Memory, untyped.UsableMemory, untyped.MemoryBandwidth, untyped.Tdp));
                Assert.Equal(generated.SupportedPrecisions, untyped.SupportedPrecisions);
                foreach (Precision precision in generated.SupportedPrecisions)
                {
                    Assert.Equal(generated.Peak(precision), untyped.Peak(precision));
                    Assert.Equal(generated.MeasuredMatmul(precision)?.Value, untyped.MeasuredMatmul(precision)?.Value);
                }

                Assert.Equal(generated.ValueSources.Select(v => (v.Key, v.Url, v.IsSecondary)), untyped.ValueSources.Select(v => (v.Key, v.Url, v.IsSecondary)));
                Assert.Equal(generated.Sources, untyped.Sources);
            }
        }

        [Fact]
        public void The_untyped_models_and_systems_are_the_generated_ones()
        {
            Assert.Equal(Models.All.Select(m => m.Id), BuiltInCatalog.Models.Select(m => m.Id));
            foreach (ModelSpec generated in Models.All)
            {
                ModelSpec untyped = BuiltInCatalog.FindModel(generated.Id)!;
                Assert.Equal((generated.TotalParameters, generated.ActiveParameters, generated.Layers, generated.HiddenSize, generated.VocabularySize, generated.ContextWindow),
                    (untyped.TotalParameters, untyped.ActiveParameters, untyped.Layers, untyped.HiddenSize, untyped.VocabularySize, untyped.ContextWindow));
                Assert.Equal(generated.DerivedParameters, untyped.DerivedParameters);
                Assert.Equal(generated.Attention?.Kind, untyped.Attention?.Kind);
                Assert.Equal(generated.Moe?.RoutedExperts, untyped.Moe?.RoutedExperts);
                Assert.Equal(generated.Training?.Gpu?.Id, untyped.Training?.Gpu?.Id);
            }

            Assert.Equal(Systems.All.Select(s => s.Id), BuiltInCatalog.Systems.Select(s => s.Id));
            foreach (AcceleratorSystem generated in Systems.All)
            {
                AcceleratorSystem untyped = BuiltInCatalog.FindSystem(generated.Id)!;
                Assert.Equal((generated.Gpu.Id, generated.GpusPerNode, generated.ScaleUpDomain), (untyped.Gpu.Id, untyped.GpusPerNode, untyped.ScaleUpDomain));
                Assert.Equal(generated.ScaleUp.BandwidthPerDirection, untyped.ScaleUp.BandwidthPerDirection);
                Assert.Equal(generated.ScaleOut?.BandwidthPerDirection, untyped.ScaleOut?.BandwidthPerDirection);
            }

            Assert.Null(BuiltInCatalog.FindGpu("H100-SXM")); // ordinal, as Gpus.Find
        }
    }
}
