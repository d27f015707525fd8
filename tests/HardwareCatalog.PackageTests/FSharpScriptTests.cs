using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.RegularExpressions;
using HardwareCatalog.Testing;
using Xunit;

namespace HardwareCatalog.PackageTests
{
    /// <summary>
    /// The catalog without the source generator: an F# script (dotnet fsi) that references the packed library reads the
    /// built-in entries by id through BuiltInCatalog and runs an estimator and a plan on them; one that references the
    /// packed HardwareCatalog.Catalogs package loads user catalog files with the build's parser and checks.
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
            Dictionary<string, string> report = Report(run.Output);

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

        [Fact]
        public void An_fsharp_script_loads_user_catalog_files_through_the_packed_catalogs_package()
        {
            DotNet.Result pack = _package.PackCatalogsLibrary();
            Assert.True(pack.ExitCode == 0, pack.Output);

            string directory = Path.Combine(_package.Root, "fsharp-catalogs");
            DotNet.WriteFile(Path.Combine(directory, "catalogs", "acme-gpu.yaml"), UserCatalogTexts.DerivedGpu);
            DotNet.WriteFile(Path.Combine(directory, "catalogs", "acme-node.yaml"), UserCatalogTexts.DerivedGpuNode);
            const string serving = """
                kind: serving
                id: acme-70b-tp2
                name: Llama 3.1 70B on two Acme GPUs
                model: llama-3.1-70b
                system: acme-node
                gpus: 2
                tensor: 2
                weightFormat: bf16
                kvCache: bf16
                concurrency: 8
                inputTokens: 7168
                outputTokens: 1024
                sources: [https://huggingface.co/meta-llama/Llama-3.1-70B/blob/main/config.json]
                """;
            DotNet.WriteFile(Path.Combine(directory, "catalogs", "serving.yaml"), serving);
            DotNet.WriteFile(Path.Combine(directory, "bad", "plan.yaml"), serving.Replace("id: acme-70b-tp2", "id: acme-70b-bad").Replace("system: acme-node", "system: acme-nod"));

            // The package as users reference it: from the feed, by version, with its dependencies (Roslyn, YamlDotNet)
            // from the machine's NuGet cache as a fallback folder and the packed packages in a cache of this run's own.
            // fsi adds the FSharp.Core of its own version, which the machine's configured sources serve when no cache has it.
            DotNet.WriteFile(Path.Combine(directory, "load.fsx"), $$"""
                #i "nuget: {{_package.Feed}}"
                #r "nuget: HardwareCatalog.Catalogs, {{PackageFixture.Version}}"
                open HardwareCatalog
                open HardwareCatalog.Catalogs

                let catalog = LoadedCatalog.Load "catalogs"
                let acme = catalog.FindGpu "acme-h100-96"
                printfn "gpus=%d" catalog.Gpus.Count
                printfn "acme.memory=%.17g" acme.Memory.Value.Bytes
                printfn "acme.bf16=%.17g" (acme.Peak(Precision.Bf16).FlopsPerSecond)
                let plan = catalog.FindServingPlan "acme-70b-tp2"
                printfn "plan.gpu=%s" plan.System.Gpu.Id
                printfn "plan.dense=%.17g" plan.Memory.DenseWeights.Bytes
                try
                    LoadedCatalog.Load [| "catalogs"; "bad" |] |> ignore
                    printfn "bad=loaded"
                with :? CatalogException as e ->
                    let error = e.Diagnostics |> Seq.find (fun d -> d.Severity = CatalogSeverity.Error)
                    printfn "bad=%s(%d,%d) %s" (System.IO.Path.GetFileName error.Path) error.Line error.Column error.Id
                """);

            DotNet.Result run = DotNet.Run(directory, "fsi load.fsx", new Dictionary<string, string>
            {
                ["NUGET_PACKAGES"] = Path.Combine(_package.Root, "fsharp-nuget-packages"),
                ["NUGET_FALLBACK_PACKAGES"] = PackageFixture.NuGetPackageRoot,
            });
            Assert.True(run.ExitCode == 0, run.Output);
            Dictionary<string, string> report = Report(run.Output);

            // The built-in GPUs and the file's; 96 GB as the file gives it; the H100 SXM's dense BF16 989.4 TFLOP/s
            // (catalogs/gpus/h100-sxm.yaml), which the file extends.
            string catalogs = Path.Combine(PackageFixture.RepositoryRoot, "catalogs");
            Assert.Equal(Count(catalogs, "gpus", "gpu") + 1, int.Parse(report["gpus"], CultureInfo.InvariantCulture));
            Assert.Equal(96e9, double.Parse(report["acme.memory"], CultureInfo.InvariantCulture));
            Assert.Equal(989.4e12, double.Parse(report["acme.bf16"], CultureInfo.InvariantCulture));
            Assert.Equal("acme-h100-96", report["plan.gpu"]);

            // Llama 3.1 70B's 70,553,706,496 parameters (the arithmetic of the test above) in BF16 over tensor 2.
            Assert.Equal(70_553_706_496.0 * 2 / 2, double.Parse(report["plan.dense"], CultureInfo.InvariantCulture), 1);

            // The misspelt system is an error at its key (line 5, after "system: "), as the build reports it.
            Assert.Equal("plan.yaml(5,9) HWC109", report["bad"]);
        }

        /// <summary>The script's <c>key=value</c> lines.</summary>
        private static Dictionary<string, string> Report(string output)
            => output.Split('\n').Select(l => l.Trim()).Where(l => l.Contains('=')).Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);

        private static int Count(string catalogs, string folder, string kind)
            => Directory.GetFiles(Path.Combine(catalogs, folder), "*.yaml").Sum(f => Regex.Matches(File.ReadAllText(f), $@"^kind: {kind}\s*$", RegexOptions.Multiline).Count);
    }
}
