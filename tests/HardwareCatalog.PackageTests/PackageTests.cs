using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace HardwareCatalog.PackageTests
{
    /// <summary>How users meet the product: pack, reference the package from a folder feed, build, run.</summary>
    [Collection(PackageCollection.Name)]
    public class PackageTests
    {
        private static int BuiltInGpuFiles => Directory.GetFiles(Path.Combine(PackageFixture.RepositoryRoot, "catalogs", "gpus"), "*.yaml").Length;

        private readonly PackageFixture _package;
        private readonly ITestOutputHelper _output;

        public PackageTests(PackageFixture package, ITestOutputHelper output)
        {
            _package = package;
            _output = output;
        }

        [Fact]
        public void The_package_holds_the_library_the_generator_its_dependency_and_the_catalogs()
        {
            IReadOnlyList<string> entries = _package.PackageEntries();

            Assert.Contains("lib/netstandard2.0/HardwareCatalog.dll", entries);
            Assert.Contains("lib/net8.0/HardwareCatalog.dll", entries);
            Assert.Contains("analyzers/dotnet/cs/HardwareCatalog.Generators.dll", entries);
            Assert.Contains("analyzers/dotnet/cs/YamlDotNet.dll", entries);
            Assert.Contains("analyzers/dotnet/cs/HardwareCatalog.CodeFixes.dll", entries);
            Assert.DoesNotContain(entries, e => e.Contains("Microsoft.CodeAnalysis", System.StringComparison.Ordinal));
            Assert.Contains("buildTransitive/HardwareCatalog.props", entries);
            Assert.Contains("buildTransitive/HardwareCatalog.targets", entries);
            Assert.Contains("catalogs/gpus/h800-sxm.yaml", entries);
            Assert.Contains("catalogs/catalog.schema.json", entries);
            Assert.Contains("README.md", entries);
            Assert.DoesNotContain(entries, e => e.StartsWith("lib/", System.StringComparison.Ordinal) && e.Contains("YamlDotNet"));
            _output.WriteLine($"package size: {new FileInfo(_package.PackagePath).Length} bytes");
        }

        [Fact]
        public void A_consumer_gets_built_in_and_its_own_yaml_and_json_gpus()
        {
            const string program = """
                using HardwareCatalog;
                using HardwareCatalog.Units;

                FlopRate fp8 = Gpus.H800Sxm.Dense.Fp8;
                Console.WriteLine($"h800 fp8: {fp8}");
                Console.WriteLine($"acme memory: {Gpus.AcmeX1.Memory}");
                Console.WriteLine($"acme fp8: {Gpus.AcmeX1.Dense.Fp8}");
                Console.WriteLine($"acme nvlink: {Gpus.AcmeX1.Interconnect.NvLink}");
                Console.WriteLine($"json bf16: {Gpus.JsonOne.Dense.Bf16}");
                Console.WriteLine($"find: {Gpus.Find("acme-x1")?.Name}");
                Console.WriteLine($"count: {Gpus.All.Count}");
                Console.WriteLine($"supports fp4: {Gpus.H800Sxm.Supports(Precision.Fp4)}");
                Console.WriteLine($"v3 trained on: {Models.DeepSeekV3.Training.Gpu.Name}, {Models.DeepSeekV3.Training.Gpu.Dense.Fp8}");
                Console.WriteLine($"kv: {HardwareCatalog.Estimation.KvCache.BytesPerToken(Models.DeepSeekV3, Precision.Bf16).Bytes}");
                Console.WriteLine($"own model on: {Models.AcmeLm.Training.Gpu.Memory}");
                try { Gpus.Find("a100-sxm-80gb")!.Peak(Precision.Fp8); }
                catch (PrecisionNotSupportedException e) { Console.WriteLine("error: " + e.Message); }
                """;
            string directory = _package.CreateConsumer("Consumer", program, new Dictionary<string, string>
            {
                ["catalogs/acme.yaml"] = """
                    # yaml-language-server: $schema=https://example.com/catalog.schema.json
                    kind: gpu
                    id: acme-x1
                    extends: h800-sxm
                    name: Acme X1
                    memory: 96 GB
                    sources: [ https://example.com/acme-x1 ]
                    """,
                ["catalogs/models/acme-lm.yaml"] = """
                    kind: model
                    id: acme-lm
                    name: Acme LM
                    parameters: 7B
                    training: { tokens: 2T, gpu: acme-x1, precision: bf16 }
                    sources: [ https://example.com/acme-lm ]
                    """,
                ["catalogs/more/json-one.json"] = """
                    [ { "kind": "gpu", "id": "json-one", "name": "Json One", "vendor": "Acme", "architecture": "Hopper",
                        "memory": "64 GB", "dense": { "bf16": "500 TFLOP/s" }, "sources": [ "https://example.com/json-one" ] } ]
                    """,
            });

            DotNet.Result build = _package.Build(directory);
            _output.WriteLine($"fresh consumer build (restore from the folder feed + build): {build.Elapsed.TotalSeconds:0.0} s");
            Assert.True(build.ExitCode == 0, build.Output);
            Assert.DoesNotContain("warning HWC", build.Output);
            // The code fix assembly beside the analyzers must not make the compiler complain (CS8032 and friends).
            Assert.DoesNotContain("warning CS80", build.Output);
            Assert.DoesNotContain("warning AD0001", build.Output);

            DotNet.Result run = _package.RunBuilt(directory);
            Assert.True(run.ExitCode == 0, run.Output);
            string[] lines = run.Output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToArray();
            Assert.Equal(new[]
            {
                "h800 fp8: 1978.9 TFLOP/s",
                "acme memory: 96 GB",
                "acme fp8: 1978.9 TFLOP/s",
                "acme nvlink: 400 GB/s",
                "json bf16: 500 TFLOP/s",
                "find: Acme X1",
                $"count: {BuiltInGpuFiles + 2}", // the built-in GPU files (one entry each) and the two of this consumer
                "supports fp4: False",
                "v3 trained on: NVIDIA H800 SXM5 80GB, 1978.9 TFLOP/s",
                "kv: 70272",
                "own model on: 96 GB",
                "error: 'a100-sxm-80gb' does not support FP8; it supports: FP64, FP64 Tensor, FP32, TF32, BF16, FP16, INT8, INT4.",
            }, lines);

            // IntelliSense shows what the XML documentation file holds: values, units and sources of the user's entry.
            string docs = File.ReadAllText(Path.Combine(directory, "bin", "Debug", PackageFixture.TargetFramework, "Consumer.xml"));
            Assert.Contains("Acme X1 (<c>acme-x1</c>)", docs);
            Assert.Contains("Device memory: 96 GB.", docs);
            Assert.Contains("https://example.com/acme-x1", docs);
        }

        [Fact]
        public void Fp8_on_an_a100_does_not_compile()
        {
            string directory = _package.CreateConsumer("NoFp8", """
                using HardwareCatalog;

                var rate = Gpus.A100Sxm80GB.Dense.Fp8;
                Console.WriteLine(rate);
                """);

            DotNet.Result build = _package.Build(directory);

            Assert.NotEqual(0, build.ExitCode);
            Assert.Contains("Program.cs(3,35): error CS1061", build.Output);
            Assert.Contains("'Fp8'", build.Output);
        }

        [Fact]
        public void Fp8_through_the_general_api_on_an_a100_is_HWC001()
        {
            string directory = _package.CreateConsumer("PeakFp8", """
                using HardwareCatalog;
                using HardwareCatalog.Units;

                FlopRate rate = Gpus.A100Sxm80GB.Peak(Precision.Fp8);
                Console.WriteLine(rate);
                """);

            DotNet.Result build = _package.Build(directory);

            Assert.NotEqual(0, build.ExitCode);
            Assert.Contains("Program.cs(4,39): error HWC001: 'A100Sxm80GB' does not support FP8; it supports FP64, FP64 Tensor, FP32, TF32, BF16, FP16, INT8, INT4", build.Output);
        }

        [Fact]
        public void Int8_on_a_user_catalog_gpu_without_it_is_HWC001()
        {
            const string program = """
                using HardwareCatalog;

                var gpu = Gpus.AcmeY2;
                Console.WriteLine(gpu.Peak(Precision.Bf16));
                Console.WriteLine(gpu.Peak(Precision.Int8));
                """;
            string directory = _package.CreateConsumer("UserNoInt8", program, new Dictionary<string, string>
            {
                ["catalogs/acme-y2.yaml"] = """
                    kind: gpu
                    id: acme-y2
                    name: Acme Y2
                    vendor: Acme
                    architecture: Hopper
                    dense: { bf16: 800 TFLOP/s, fp8: 1600 TFLOP/s }
                    sources: [ https://example.com/acme-y2 ]
                    """,
            });

            DotNet.Result build = _package.Build(directory);

            Assert.NotEqual(0, build.ExitCode);
            Assert.Contains("Program.cs(5,28): error HWC001: 'AcmeY2' does not support INT8; it supports BF16, FP8", build.Output);
            Assert.DoesNotContain("Program.cs(4,", build.Output);
        }

        [Fact]
        public void A_sparse_peak_as_dense_is_a_warning_that_editorconfig_can_make_an_error()
        {
            const string program = """
                using HardwareCatalog;
                using HardwareCatalog.Estimation;
                using HardwareCatalog.Units;

                TimeSpan t = Training.Duration(Flops.FromCount(1e24), 1024, Gpus.H100Sxm.Sparse.Fp16);
                Console.WriteLine(t);
                """;
            string warned = _package.CreateConsumer("SparseWarning", program);
            string raised = _package.CreateConsumer("SparseError", program, new Dictionary<string, string>
            {
                [".editorconfig"] = "root = true\n\n[*.cs]\ndotnet_diagnostic.HWC002.severity = error\n",
            });

            DotNet.Result warning = _package.Build(warned);
            DotNet.Result error = _package.Build(raised);

            Assert.True(warning.ExitCode == 0, warning.Output);
            Assert.Contains("Program.cs(5,61): warning HWC002", warning.Output);
            Assert.NotEqual(0, error.ExitCode);
            Assert.Contains("Program.cs(5,61): error HWC002", error.Output);
        }

        [Fact]
        public void A_bad_catalog_file_fails_the_build_at_its_line_and_column()
        {
            string directory = _package.CreateConsumer("BadCatalog", "Console.WriteLine(HardwareCatalog.Gpus.H100Sxm.Name);", new Dictionary<string, string>
            {
                ["catalogs/bad.yaml"] = """
                    kind: gpu
                    id: bad-one
                    name: Bad
                    vendor: Acme
                    architecture: Hopper
                    memoryBandwidth: 80 GB
                    sources: [ https://example.com ]
                    """,
            });

            DotNet.Result build = _package.Build(directory);

            Assert.NotEqual(0, build.ExitCode);
            Assert.Matches(@"catalogs[/\\]bad\.yaml\(6,18\): error HWC103: 'memoryBandwidth': '80 GB' is a data size, but 'memoryBandwidth' is a bandwidth", build.Output);
        }

        [Fact]
        public void Namespace_visibility_and_built_ins_follow_msbuild_properties()
        {
            const string program = """
                Console.WriteLine(Acme.Hardware.Gpus.All.Count);
                Console.WriteLine(typeof(Acme.Hardware.Gpus).IsPublic);
                """;
            string directory = _package.CreateConsumer("Options", program, new Dictionary<string, string>
            {
                ["catalogs/only.yaml"] = "kind: gpu\nid: only\nname: Only\nvendor: Acme\narchitecture: Hopper\nsources: [ https://example.com ]\n",
            }, """
                <HardwareCatalogNamespace>Acme.Hardware</HardwareCatalogNamespace>
                <HardwareCatalogVisibility>public</HardwareCatalogVisibility>
                <HardwareCatalogIncludeBuiltIns>false</HardwareCatalogIncludeBuiltIns>
                """);

            DotNet.Result build = _package.Build(directory);
            Assert.True(build.ExitCode == 0, build.Output);

            DotNet.Result run = _package.RunBuilt(directory);
            Assert.Equal("1\nTrue", run.Output.Replace("\r", "").Trim());
        }
    }
}
