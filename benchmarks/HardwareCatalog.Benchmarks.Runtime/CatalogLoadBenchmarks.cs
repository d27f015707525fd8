using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using BenchmarkDotNet.Attributes;
using HardwareCatalog.Catalogs;

namespace HardwareCatalog.Benchmarks.Runtime
{
    /// <summary>
    /// Loading catalog files at run time (HardwareCatalog.Catalogs): the generator's pipeline over the 87 built-in files
    /// with no user file, and with the sample's three plan files, which adds building the plans (their memory and step
    /// are computed lazily, on first use, and not here). The files are read once in the setup, so no disk time is counted.
    /// </summary>
    [MemoryDiagnoser]
    public class CatalogLoadBenchmarks
    {
        private IReadOnlyList<CatalogSource> _plans = null!;

        [GlobalSetup]
        public void Setup()
        {
            string directory = typeof(CatalogLoadBenchmarks).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SamplePlanDirectory").Value!;
            _plans = CatalogFiles.Read(new[] { directory });
            _ = CatalogFiles.BuiltIn;
        }

        [Benchmark(Description = "LoadedCatalog.Load: built-in files only")]
        public LoadedCatalog BuiltInOnly() => LoadedCatalog.Load(System.Array.Empty<CatalogSource>());

        [Benchmark(Description = "LoadedCatalog.Load: built-in + 3 plan files")]
        public LoadedCatalog WithPlans() => LoadedCatalog.Load(_plans);
    }
}
