using System;
using BenchmarkDotNet.Attributes;
using HardwareCatalog.Planning;

namespace HardwareCatalog.Benchmarks.Runtime
{
    /// <summary>
    /// The training-plan search on one core: every legal layout of a dense 70B model on 1,024 H100 and of DeepSeek-V3 on
    /// 2,048 H800 (expert parallelism multiplies the space). Plans per second = the search's Evaluated count (printed by
    /// the setup) over the mean time; allocation is per search, so per plan it is the allocated bytes over that count.
    /// </summary>
    [MemoryDiagnoser]
    public class TrainingSearchBenchmarks
    {
        private TrainingSearchSpace _dense = null!;
        private TrainingSearchSpace _moe = null!;

        [GlobalSetup]
        public void Setup()
        {
            _dense = new TrainingSearchSpace(Models.Llama31_70B, Systems.DgxH100, 1024, 8192, 1024, PrecisionRecipe.Bf16Mixed);
            _moe = new TrainingSearchSpace(Models.DeepSeekV3, Systems.HgxH800, 2048, 4096, 15360, PrecisionRecipe.Fp8DeepSeekV3,
                perGpu: Gpus.H100Sxm.MeasuredMatmul(Precision.Fp8), activationStorage: ActivationStorage.DeepSeekV3);
            Console.WriteLine($"// plans per search: Llama 3.1 70B on 1,024 H100 {TrainingSearch.Run(_dense).Evaluated:N0}; DeepSeek-V3 on 2,048 H800 {TrainingSearch.Run(_moe).Evaluated:N0}");
        }

        [Benchmark(Description = "search: Llama 3.1 70B, 1,024 H100")]
        public TrainingSearchResult Dense() => TrainingSearch.Run(_dense);

        [Benchmark(Description = "search: DeepSeek-V3, 2,048 H800")]
        public TrainingSearchResult Moe() => TrainingSearch.Run(_moe);
    }
}
