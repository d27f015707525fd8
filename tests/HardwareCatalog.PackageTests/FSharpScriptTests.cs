using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace HardwareCatalog.PackageTests
{
    /// <summary>
    /// The catalog without the source generator: an F# script (dotnet fsi) that references the packed library reads the
    /// built-in entries by id through BuiltInCatalog and runs an estimator and a plan on them.
    /// </summary>
    [Collection(PackageCollection.Name)]
    public class FSharpScriptTests
    {
        private readonly PackageFixture _package;

        public FSharpScriptTests(PackageFixture package) => _package = package;

        [Fact]
        public void An_fsharp_script_reads_the_built_in_catalog_from_the_packed_library()
        {
            // The library as users get it: lib/net8.0 of the packed package.
            string directory = Path.Combine(_package.Root, "fsharp-script");
            Directory.CreateDirectory(directory);
            using (ZipArchive package = ZipFile.OpenRead(_package.PackagePath))
            {
                package.GetEntry("lib/net8.0/HardwareCatalog.dll")!.ExtractToFile(Path.Combine(directory, "HardwareCatalog.dll"), overwrite: true);
            }

            DotNet.WriteFile(Path.Combine(directory, "capacity.fsx"), """
                #r "HardwareCatalog.dll"
                open HardwareCatalog
                open HardwareCatalog.Planning

                let h100 = BuiltInCatalog.FindGpu "h100-sxm"
                let v3 = BuiltInCatalog.FindModel "deepseek-v3"
                printfn "gpus=%d" BuiltInCatalog.Gpus.Count
                printfn "models=%d" BuiltInCatalog.Models.Count
                printfn "systems=%d" BuiltInCatalog.Systems.Count
                printfn "h100.bf16=%.17g" (h100.Peak(Precision.Bf16).FlopsPerSecond)
                printfn "v3.kv=%.17g" (HardwareCatalog.Estimation.KvCache.BytesPerToken(v3, Precision.Bf16).Bytes)
                printfn "missing=%b" (isNull (BuiltInCatalog.FindGpu "no-such-gpu"))
                let plan = ServingPlan(BuiltInCatalog.FindModel "llama-3.1-70b", BuiltInCatalog.FindSystem "dgx-h100", 2, ServingLayout(tensor = 2),
                                       WeightFormat.Bf16, Precision.Bf16, ServingWorkload(8, 7168, 1024))
                printfn "plan.dense=%.17g" plan.Memory.DenseWeights.Bytes
                """);

            DotNet.Result run = DotNet.Run(directory, "fsi capacity.fsx");
            Assert.True(run.ExitCode == 0, run.Output);
            var report = run.Output.Split('\n').Select(l => l.Trim()).Where(l => l.Contains('=')).Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);

            // Counts are the catalog files' entries; the H100's dense BF16 peak is catalogs/gpus/h100-sxm.yaml's 989.4
            // TFLOP/s; DeepSeek-V3's MLA caches 61 layers × (512 + 64) × 2 bytes per token.
            string catalogs = Path.Combine(PackageFixture.RepositoryRoot, "catalogs");
            Assert.Equal(Count(catalogs, "gpus", "gpu"), int.Parse(report["gpus"], CultureInfo.InvariantCulture));
            Assert.Equal(Count(catalogs, "models", "model"), int.Parse(report["models"], CultureInfo.InvariantCulture));
            Assert.Equal(Count(catalogs, "systems", "system"), int.Parse(report["systems"], CultureInfo.InvariantCulture));
            Assert.Equal(989.4e12, double.Parse(report["h100.bf16"], CultureInfo.InvariantCulture));
            Assert.Equal(61 * (512 + 64) * 2, double.Parse(report["v3.kv"], CultureInfo.InvariantCulture));
            Assert.Equal("true", report["missing"]);

            // Llama 3.1 70B (config.json): 80 layers of attention 2·8192·8192 + 2·8192·1024, SwiGLU 3·8192·28672 and two
            // norms of 8192; untied embeddings 2·128256·8192; a final norm. In BF16 (2 bytes) over 2 GPUs.
            double weights = 80 * (2.0 * 8192 * 8192 + 2.0 * 8192 * 1024 + 3.0 * 8192 * 28672 + 2 * 8192) + 2.0 * 128256 * 8192 + 8192;
            Assert.Equal(70_553_706_496, weights);
            Assert.Equal(weights * 2 / 2, double.Parse(report["plan.dense"], CultureInfo.InvariantCulture), 1);
        }

        private static int Count(string catalogs, string folder, string kind)
            => Directory.GetFiles(Path.Combine(catalogs, folder), "*.yaml").Sum(f => Regex.Matches(File.ReadAllText(f), $@"^kind: {kind}\s*$", RegexOptions.Multiline).Count);
    }
}
