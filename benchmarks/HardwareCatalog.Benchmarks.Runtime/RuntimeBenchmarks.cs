using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using HardwareCatalog.Estimation;
using HardwareCatalog.Units;
using YamlDotNet.Serialization;

namespace HardwareCatalog.Benchmarks.Runtime
{
    /// <summary>What the generated catalog costs at run time: look-ups, peaks and estimators (time and allocation).</summary>
    [MemoryDiagnoser]
    public class LookupBenchmarks
    {
        private Accelerator _gpu = null!;
        private ModelSpec _model = null!;
        private string _id = null!;
        private Flops _compute;
        private FlopRate _perGpu;

        [GlobalSetup]
        public void Setup()
        {
            _gpu = Gpus.H800Sxm;
            _model = Models.DeepSeekV3;
            _id = string.Concat("h800", "-sxm"); // not the interned literal, as an id read from input would be
            _compute = Training.Compute(_model.ActiveParameters, Tokens.FromTrillions(14.8), ComputeRule.EightTP);
            _perGpu = FlopRate.FromTera(458);
        }

        [Benchmark(Description = "Gpus.Find(id)")]
        public Accelerator? Find() => Gpus.Find(_id);

        [Benchmark(Description = "gpu.Peak(Precision.Fp8)")]
        public FlopRate Peak() => _gpu.Peak(Precision.Fp8);

        [Benchmark(Description = "Gpus.H800Sxm.Dense.Fp8 (typed)")]
        public FlopRate TypedPeak() => Gpus.H800Sxm.Dense.Fp8;

        [Benchmark(Description = "Training.Compute")]
        public Flops Compute() => Training.Compute(_model.ActiveParameters, Tokens.FromTrillions(14.8), ComputeRule.EightTP);

        [Benchmark(Description = "Training.EffectiveThroughputPerGpu")]
        public FlopRate Throughput() => Training.EffectiveThroughputPerGpu(_compute, 2048, TimeSpan.FromDays(54));

        [Benchmark(Description = "Training.GpusForDeadline")]
        public int GpusForDeadline() => Training.GpusForDeadline(_compute, TimeSpan.FromDays(54), _perGpu);

        [Benchmark(Description = "Training.Mfu")]
        public double Mfu() => Training.Mfu(_perGpu, _gpu, Precision.Fp8);

        [Benchmark(Description = "KvCache.BytesPerToken")]
        public DataSize KvBytes() => KvCache.BytesPerToken(_model, Precision.Bf16);

        [Benchmark(Description = "Memory.Weights")]
        public DataSize Weights() => Memory.Weights(_model, Precision.Fp8);

        [Benchmark(Description = "Inference.DecodeTokensPerSecondBound")]
#pragma warning disable CS0618 // obsolete since the serving plans; its cost is still measured
        public double Decode() => Inference.DecodeTokensPerSecondBound(_model, _gpu, Precision.Fp8, contextTokens: 4096, gpus: 8);
#pragma warning restore CS0618
    }

    /// <summary>
    /// First access to the whole catalog in a fresh process, against what a user would do without this library: read
    /// the same YAML files at run time and deserialize them with YamlDotNet. Each measurement is a new process.
    /// </summary>
    [SimpleJob(RunStrategy.ColdStart, launchCount: 15, warmupCount: 0, iterationCount: 1, invocationCount: 1)]
    [MemoryDiagnoser]
    public class FirstAccessBenchmarks
    {
        private static readonly string CatalogDirectory = typeof(FirstAccessBenchmarks).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "CatalogDirectory").Value!;

        [Benchmark(Baseline = true, Description = "YAML at run time: read + deserialize the catalog files")]
        public int LoadYamlAtRunTime()
        {
            var deserializer = new DeserializerBuilder().Build();
            int entries = 0;
            foreach (string path in Directory.GetFiles(CatalogDirectory, "*.yaml", SearchOption.AllDirectories))
            {
                var entry = deserializer.Deserialize<Dictionary<string, object>>(File.ReadAllText(path));
                entries += entry.Count > 0 ? 1 : 0;
            }

            return entries;
        }

        [Benchmark(Description = "generated: Gpus.All + Models.All + Systems.All")]
        public int GeneratedAll() => Gpus.All.Count + Models.All.Count + Systems.All.Count;

        /// <summary>Not only a count: every entry is enumerated and a value of each is read, as a report would.</summary>
        [Benchmark(Description = "generated: every entry of Gpus.All + Models.All + Systems.All, one value of each")]
        public double GeneratedAllValues()
        {
            double sum = 0;
            foreach (Accelerator gpu in Gpus.All)
            {
                sum += gpu.Memory?.Bytes ?? 0;
            }

            foreach (ModelSpec model in Models.All)
            {
                sum += model.TotalParameters.Count;
            }

            foreach (AcceleratorSystem system in Systems.All)
            {
                sum += system.GpusPerNode;
            }

            return sum;
        }

        /// <summary>What the typed API costs on first access: one entry type per touched entry.</summary>
        [Benchmark(Description = "generated: Gpus.H800Sxm.Dense.Fp8 (one typed entry)")]
        public FlopRate GeneratedTypedEntry() => Gpus.H800Sxm.Dense.Fp8;
    }
}
