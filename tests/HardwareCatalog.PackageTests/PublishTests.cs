using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Xunit;
using Xunit.Abstractions;

namespace HardwareCatalog.PackageTests
{
    /// <summary>
    /// The library is marked trimmable and AOT-compatible; these consumers hold it to that: a trimmed self-contained app
    /// and a Native AOT app publish with warnings as errors, run, and print what the untrimmed library computes.
    /// </summary>
    [Collection(PackageCollection.Name)]
    public class PublishTests
    {
        /// <summary>Exercises the generated catalog, the estimators, parsing, formatting and the exception path.</summary>
        private const string Program = """
            using System;
            using System.Globalization;
            using System.Linq;
            using HardwareCatalog;
            using HardwareCatalog.Estimation;
            using HardwareCatalog.Units;

            ModelSpec v3 = Models.DeepSeekV3;
            TrainingRun run = v3.Training!;
            int gpus = run.GpuCount!.Value;
            Flops compute = Training.Compute(v3.ActiveParameters, run.Tokens!.Value);
            TimeSpan wallClock = TimeSpan.FromHours(run.GpuHours!.Value.Hours / gpus);
            FlopRate achieved = Training.EffectiveThroughputPerGpu(compute, gpus, wallClock);

            Print("gpus", Gpus.All.Count);
            Print("models", Models.All.Count);
            Print("systems", Systems.All.Count);
            Print("dgx-h100.scaleout.bytes", Systems.DgxH100.ScaleOut!.BandwidthPerDirection.BytesPerSecond);
            Print("h100.measured.bf16.tflops", Gpus.H100Sxm.Measured.Bf16.Value.TeraFlopsPerSecond);
            Print("find.h800-sxm", Gpus.Find("h800-sxm")?.Name);
            Print("h800.fp8.tflops", Gpus.H800Sxm.Dense.Fp8.TeraFlopsPerSecond);
            Print("h800.fp8", Gpus.H800Sxm.Dense.Fp8.ToString());
            Print("h800.memory.bytes", Gpus.H800Sxm.Memory.Bytes);
            Print("v3.compute.flop", compute.Count);
            Print("v3.mfu", Training.Mfu(achieved, Gpus.H800Sxm, Precision.Fp8));
            Print("v3.kv.bf16.bytes", KvCache.BytesPerToken(v3, Precision.Bf16).Bytes);
            Print("v3.weights.fp8.bytes", Memory.Weights(v3, Precision.Fp8).Bytes);
            Print("parse.80GiB.bytes", DataSize.Parse("80 GiB").Bytes);
            Print("precisions", string.Join(",", PrecisionFacts.All.Select(p => p.CatalogKey())));
            Print("enum", $"{Precision.Fp8}");
            try
            {
                Print("a100.fp8", Gpus.Find("a100-sxm-80gb")!.Peak(Precision.Fp8).ToString());
            }
            catch (Exception e)
            {
                Print("a100.fp8", e.GetType().Name);
            }

            static void Print(string key, object? value)
                => Console.WriteLine(key + "=" + (value is double d ? d.ToString("R", CultureInfo.InvariantCulture) : value));
            """;

        private readonly PackageFixture _package;
        private readonly ITestOutputHelper _output;

        public PublishTests(PackageFixture package, ITestOutputHelper output)
        {
            _package = package;
            _output = output;
        }

        /// <summary>A portable RID of this machine, such as linux-x64: the apps are published for it and run here.</summary>
        private static string RuntimeIdentifier => RuntimeInformation.RuntimeIdentifier;

        [Fact]
        public void The_net8_library_is_marked_trimmable_and_the_netstandard_one_is_not_analysed()
        {
            using ZipArchive archive = ZipFile.OpenRead(_package.PackagePath);

            Assert.Contains(("IsTrimmable", "True"), AssemblyMetadata(archive, "lib/net8.0/HardwareCatalog.dll"));
            // netstandard2.0 has no trim analysis; marking it would be a promise nothing checks.
            Assert.DoesNotContain(AssemblyMetadata(archive, "lib/netstandard2.0/HardwareCatalog.dll"), m => m.Key == "IsTrimmable");
        }

        [Fact]
        public void A_trimmed_self_contained_app_publishes_without_warnings_and_prints_what_the_library_computes()
        {
            string directory = CreatePublishConsumer("Trimmed", "<PublishTrimmed>true</PublishTrimmed>");

            DotNet.Result publish = _package.Publish(directory);
            _output.WriteLine($"trimmed publish ({RuntimeIdentifier}, fresh restore): {publish.Elapsed.TotalSeconds:0.0} s");
            AssertPublishedCleanly(publish);

            string published = Path.Combine(directory, "publish");
            // The library went through the trimmer: its unused members are gone.
            long packaged = PackagedLibrarySize("lib/net8.0/HardwareCatalog.dll");
            long trimmed = new FileInfo(Path.Combine(published, "HardwareCatalog.dll")).Length;
            _output.WriteLine($"HardwareCatalog.dll: {packaged} bytes in the package, {trimmed} bytes trimmed");
            Assert.True(trimmed < packaged, $"HardwareCatalog.dll was not trimmed: {trimmed} bytes, package {packaged} bytes");

            DotNet.Result run = DotNet.Execute(published, Path.Combine(published, "Trimmed"), "");
            Assert.True(run.ExitCode == 0, run.Output);
            AssertReport(run.Output);
        }

        [Fact]
        public void A_native_aot_app_publishes_without_warnings_and_prints_what_the_library_computes()
        {
            string directory = CreatePublishConsumer("NativeAot", "<PublishAot>true</PublishAot>");

            DotNet.Result publish = _package.Publish(directory);
            _output.WriteLine($"Native AOT publish ({RuntimeIdentifier}, fresh restore): {publish.Elapsed.TotalSeconds:0.0} s");
            // The ILCompiler links with the platform's C toolchain (clang, or gcc when clang is absent).
            Assert.False(publish.Output.Contains("Platform linker", StringComparison.Ordinal),
                "Native AOT needs a C linker (clang or gcc) on PATH, see https://aka.ms/nativeaot-prerequisites\n" + publish.Output);
            AssertPublishedCleanly(publish);

            string published = Path.Combine(directory, "publish");
            // One native executable: no IL assemblies beside it, no runtime to host them.
            Assert.Empty(Directory.GetFiles(published, "*.dll"));
            Assert.False(File.Exists(Path.Combine(published, "libcoreclr.so")));

            DotNet.Result run = DotNet.Execute(published, Path.Combine(published, "NativeAot"), "");
            _output.WriteLine($"native executable: {new FileInfo(Path.Combine(published, "NativeAot")).Length} bytes, ran in {run.Elapsed.TotalMilliseconds:0} ms");
            Assert.True(run.ExitCode == 0, run.Output);
            AssertReport(run.Output);
        }

        private string CreatePublishConsumer(string name, string publishMode)
        {
            string directory = _package.CreateProject(name, $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>{PackageFixture.TargetFramework}</TargetFramework>
                    <Nullable>enable</Nullable>
                    <RuntimeIdentifier>{RuntimeIdentifier}</RuntimeIdentifier>
                    <SelfContained>true</SelfContained>
                    {publishMode}
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                    <!-- Every trim/AOT warning in full, instead of one IL2104 per assembly. -->
                    <TrimmerSingleWarn>false</TrimmerSingleWarn>
                  </PropertyGroup>
                  <ItemGroup>
                    {PackageFixture.PackageReference}
                  </ItemGroup>
                </Project>
                """, upstreamSources: true);
            DotNet.WriteFile(Path.Combine(directory, "Program.cs"), Program);
            return directory;
        }

        private static void AssertPublishedCleanly(DotNet.Result publish)
        {
            Assert.True(publish.ExitCode == 0, publish.Output);
            // Warnings are errors in these projects; this names the analyzers should that ever change.
            Assert.DoesNotMatch(@"(warning|error) IL\d{4}", publish.Output);
        }

        /// <summary>Checks the app's report against figures computed here from the catalog files and the formulas' sources.</summary>
        private static void AssertReport(string output)
        {
            Dictionary<string, string> report = output.Split('\n')
                .Select(l => l.TrimEnd('\r'))
                .Where(l => l.Contains('=', StringComparison.Ordinal))
                .Select(l => l.Split('=', 2))
                .ToDictionary(p => p[0], p => p[1]);

            string catalogs = Path.Combine(PackageFixture.RepositoryRoot, "catalogs");
            int builtInGpus = Directory.GetFiles(Path.Combine(catalogs, "gpus"), "*.yaml").Sum(f => CountEntries(f, "gpu"));
            int builtInModels = Directory.GetFiles(Path.Combine(catalogs, "models"), "*.yaml").Sum(f => CountEntries(f, "model"));
            int builtInSystems = Directory.GetFiles(Path.Combine(catalogs, "systems"), "*.yaml").Sum(f => CountEntries(f, "system"));
            string h800Name = Regex.Match(File.ReadAllText(Path.Combine(catalogs, "gpus", "h800-sxm.yaml")), @"^name: (.+)$", RegexOptions.Multiline).Groups[1].Value.Trim();

            // catalogs/gpus/h100-sxm.yaml, inherited by h800-sxm: dense FP8 1978.9 TFLOP/s, memory 80 GiB (NVIDIA's "80GB" of HBM3).
            const double h800Fp8 = 1978.9e12;
            // catalogs/models/deepseek-v3.yaml: 37B active parameters, 14.8T tokens, 2.788M H800 GPU-hours, 61 layers,
            // MLA with kvLoraRank 512 and ropeHeadDim 64, 671B parameters in all.
            const double compute = 6 * 37e9 * 14.8e12; // C ≈ 6ND (Kaplan et al. 2020, "Scaling Laws for Neural Language Models", section 2.1)
            const double achievedPerGpu = compute / (2.788e6 * 3600); // FLOP over GPU-seconds
            const double kvBytesPerToken = 61 * (512 + 64) * 2; // MLA caches the latent and the RoPE key per layer (DeepSeek-V2 paper, section 2.1), BF16 = 2 bytes

            Assert.Equal(builtInGpus.ToString(CultureInfo.InvariantCulture), report["gpus"]);
            Assert.Equal(builtInModels.ToString(CultureInfo.InvariantCulture), report["models"]);
            Assert.Equal(h800Name, report["find.h800-sxm"]);
            AssertClose(h800Fp8 / 1e12, report["h800.fp8.tflops"]);
            Assert.Equal("1978.9 TFLOP/s", report["h800.fp8"]);
            AssertClose(80 * 1024d * 1024 * 1024, report["h800.memory.bytes"]);
            Assert.Equal(builtInSystems.ToString(CultureInfo.InvariantCulture), report["systems"]);
            // catalogs/systems/dgx-h100.yaml: 8 ConnectX-7 at 400 Gb/s for 8 GPUs, per direction: 400e9 / 8 bytes per second.
            AssertClose(400e9 / 8, report["dgx-h100.scaleout.bytes"]);
            // catalogs/gpus/h100-sxm.yaml, measured.matmul.bf16: the MAMF table's 794.5 TFLOP/s.
            AssertClose(794.5, report["h100.measured.bf16.tflops"]);
            AssertClose(compute, report["v3.compute.flop"]);
            AssertClose(achievedPerGpu / h800Fp8, report["v3.mfu"]);
            AssertClose(kvBytesPerToken, report["v3.kv.bf16.bytes"]);
            AssertClose(671e9 * 1, report["v3.weights.fp8.bytes"]); // FP8 = 1 byte per parameter
            AssertClose(80 * Math.Pow(2, 30), report["parse.80GiB.bytes"]);
            // The DSL's precision keys, in the order docs/dsl.md lists them.
            Assert.Equal("fp64,fp64Tensor,fp32,tf32,bf16,fp16,fp8,fp6,fp4,int8,int4", report["precisions"]);
            Assert.Equal("Fp8", report["enum"]);
            Assert.Equal("PrecisionNotSupportedException", report["a100.fp8"]);
            Assert.Equal(17, report.Count); // every line the app prints is checked above
        }

        private static void AssertClose(double expected, string actual)
        {
            double value = double.Parse(actual, CultureInfo.InvariantCulture);
            Assert.True(Math.Abs(value - expected) <= 1e-12 * Math.Abs(expected), $"expected {expected:R}, got {actual}");
        }

        private static int CountEntries(string file, string kind)
            => Regex.Matches(File.ReadAllText(file), $@"^kind:\s*{kind}\s*$", RegexOptions.Multiline).Count;

        private long PackagedLibrarySize(string entry)
        {
            using ZipArchive archive = ZipFile.OpenRead(_package.PackagePath);
            return archive.GetEntry(entry)!.Length;
        }

        /// <summary>The assembly's [AssemblyMetadata(key, value)] pairs, read from its metadata without loading it.</summary>
        private static List<(string Key, string Value)> AssemblyMetadata(ZipArchive archive, string entry)
        {
            using var bytes = new MemoryStream();
            using (Stream stream = archive.GetEntry(entry)!.Open())
            {
                stream.CopyTo(bytes);
            }

            bytes.Position = 0;
            using var pe = new PEReader(bytes);
            MetadataReader metadata = pe.GetMetadataReader();
            var pairs = new List<(string Key, string Value)>();
            foreach (CustomAttributeHandle handle in metadata.GetAssemblyDefinition().GetCustomAttributes())
            {
                CustomAttribute attribute = metadata.GetCustomAttribute(handle);
                if (attribute.Constructor.Kind != HandleKind.MemberReference)
                {
                    continue;
                }

                EntityHandle parent = metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent;
                if (parent.Kind != HandleKind.TypeReference
                    || metadata.GetString(metadata.GetTypeReference((TypeReferenceHandle)parent).Name) != "AssemblyMetadataAttribute")
                {
                    continue;
                }

                BlobReader blob = metadata.GetBlobReader(attribute.Value);
                blob.ReadUInt16(); // prolog 0x0001
                pairs.Add((blob.ReadSerializedString()!, blob.ReadSerializedString()!));
            }

            return pairs;
        }
    }
}
