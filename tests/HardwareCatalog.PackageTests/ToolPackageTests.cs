using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;
using System.Xml.Linq;
using Xunit;
using Xunit.Abstractions;

namespace HardwareCatalog.PackageTests
{
    /// <summary>The command-line tool as users get it: packed, installed with <c>dotnet tool install</c> into a fresh tool path, run.</summary>
    [Collection(PackageCollection.Name)]
    public class ToolPackageTests
    {
        private readonly PackageFixture _package;
        private readonly ITestOutputHelper _output;

        public ToolPackageTests(PackageFixture package, ITestOutputHelper output)
        {
            _package = package;
            _output = output;
        }

        [Fact]
        public void The_packed_tool_installs_its_platform_package_into_a_fresh_tool_path_and_answers_help_show_validate_and_chart()
        {
            string feed = Path.Combine(_package.Root, "tool-feed");
            string tools = Path.Combine(_package.Root, "tools");
            string project = Path.Combine(PackageFixture.RepositoryRoot, "src", "HardwareCatalog.Cli", "HardwareCatalog.Cli.csproj");
            DotNet.Result pack = DotNet.Run(PackageFixture.RepositoryRoot,
                $"pack \"{project}\" -c Release -o \"{feed}\" -p:Version={PackageFixture.Version} --disable-build-servers -nodeReuse:false -clp:NoSummary");
            Assert.True(pack.ExitCode == 0, pack.Output);
            _output.WriteLine($"pack: {pack.Elapsed.TotalSeconds:0.0} s");
            foreach (FileInfo nupkg in new DirectoryInfo(feed).EnumerateFiles("*.nupkg").OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                _output.WriteLine($"{nupkg.Name}: {nupkg.Length} bytes");
            }

            // The top-level package only names one package per platform; the platform packages carry the tool.
            string package = Path.Combine(feed, $"HardwareCatalog.Cli.{PackageFixture.Version}.nupkg");
            Dictionary<string, string> platformPackages = PlatformPackages(package);
            foreach (string rid in new[] { "linux-x64", "linux-arm64", "osx-x64", "osx-arm64", "win-x64", "win-arm64", "any" })
            {
                Assert.Equal($"HardwareCatalog.Cli.{rid}", platformPackages.GetValueOrDefault(rid));
            }

            Assert.DoesNotContain(Entries(package), e => e.EndsWith(".dll", StringComparison.Ordinal) || e.Contains("libSkiaSharp", StringComparison.Ordinal));
            foreach ((string rid, string id) in platformPackages)
            {
                string platformPackage = Path.Combine(feed, $"{id}.{PackageFixture.Version}.nupkg");
                Assert.True(File.Exists(platformPackage), $"{id}: no package in the feed");
                AssertNativesOf(rid, platformPackage);
            }

            // Only the packed feed: the install must not need any other source.
            string config = Path.Combine(_package.Root, "tool-nuget.config");
            DotNet.WriteFile(config, $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <clear />
                    <add key="tool-under-test" value="{feed}" />
                  </packageSources>
                </configuration>
                """);
            var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = _package.PackagesCache };
            DotNet.Result install = DotNet.Run(_package.Root,
                $"tool install --tool-path \"{tools}\" --configfile \"{config}\" HardwareCatalog.Cli --version {PackageFixture.Version}", environment);
            Assert.True(install.ExitCode == 0, install.Output);

            // The package for this machine's RID is the one installed, with this platform's natives alone.
            string machineRid = RuntimeInformation.RuntimeIdentifier;
            string store = Path.Combine(tools, ".store", "hardwarecatalog.cli", PackageFixture.Version);
            string[] installedPackages = Directory.GetDirectories(store).Select(d => Path.GetFileName(d)).OrderBy(n => n, StringComparer.Ordinal).ToArray();
            Assert.Equal(new[] { "hardwarecatalog.cli", $"hardwarecatalog.cli.{machineRid}" }, installedPackages);
            string installed = Path.Combine(store, $"hardwarecatalog.cli.{machineRid}", PackageFixture.Version, "tools");
            string[] installedFiles = Directory.GetFiles(installed, "*", SearchOption.AllDirectories);
            _output.WriteLine($"installed tool ({machineRid}): {installedFiles.Sum(f => new FileInfo(f).Length)} bytes in {installedFiles.Length} files under {Path.GetRelativePath(tools, installed)}");
            string[] installedNatives = installedFiles.Select(f => Path.GetFileName(f)).Where(IsSkiaOrHarfBuzzNative).OrderBy(n => n, StringComparer.Ordinal).ToArray();
            Assert.Equal(new[] { "libHarfBuzzSharp" + NativeExtension, "libSkiaSharp" + NativeExtension }, installedNatives);
            if (OperatingSystem.IsLinux())
            {
                // The native the csproj references on purpose: SkiaSharp.NativeAssets.Linux.NoDependencies, byte for byte.
                string skia = installedFiles.Single(f => Path.GetFileName(f) == "libSkiaSharp.so");
                Assert.Equal(Sha256(NoDependenciesSkia(machineRid)), Sha256(skia));
            }

            string hwcat = Path.Combine(tools, "hwcat");
            DotNet.Result help = DotNet.Execute(_package.Root, hwcat, "--help");
            Assert.True(help.ExitCode == 0, help.Output);
            foreach (string command in new[] { "gpus", "models", "systems", "show", "compare", "train", "serve", "search", "validate", "chart" })
            {
                Assert.Contains(" " + command + " ", help.Output);
            }

            DotNet.Result show = DotNet.Execute(_package.Root, hwcat, "show h100-sxm --format json");
            Assert.True(show.ExitCode == 0, show.Output);
            JsonElement values = JsonDocument.Parse(show.Output).RootElement.GetProperty("values");
            JsonElement bf16 = values.EnumerateArray().Single(v => v.GetProperty("key").GetString() == "dense.bf16").GetProperty("value");
            // catalogs/gpus/h100-sxm.yaml: "bf16: 989.4 TFLOP/s" (NVIDIA's H100 whitepaper, dense).
            Assert.Equal("FLOP/s", bf16.GetProperty("unit").GetString());
            Assert.Equal(989.4e12, bf16.GetProperty("value").GetDouble(), 1e-3);

            DotNet.Result table = DotNet.Execute(_package.Root, hwcat, "show h100-sxm");
            Assert.True(table.ExitCode == 0, table.Output);
            Assert.Contains("NVIDIA H100 SXM5 80GB", table.Output);

            DotNet.Result unknown = DotNet.Execute(_package.Root, hwcat, "show h100-sx");
            Assert.NotEqual(0, unknown.ExitCode);
            Assert.Contains("did you mean 'h100-sxm'", unknown.Output);

            // validate: the build's checks without a C# project, with the built-in catalog the tool carries.
            string[] bad =
            {
                "kind: gpu",
                "id: acme-x1",
                "extends: h100-sxm",
                "name: Acme X1",
                "memory: 80 GiBB",
                "sources: [https://example.com/acme-x1]",
            };
            DotNet.WriteFile(Path.Combine(_package.Root, "user-catalog", "acme.yaml"), string.Join("\n", bad) + "\n");
            DotNet.Result validate = DotNet.Execute(_package.Root, hwcat, "validate user-catalog/acme.yaml");
            Assert.True(validate.ExitCode == 1, validate.Output);
            // At the value of 'memory': its line (1-based) and the column after "memory: ".
            int line = System.Array.IndexOf(bad, "memory: 80 GiBB") + 1;
            Assert.Contains($"user-catalog/acme.yaml({line},{"memory: ".Length + 1}): error HWC103: 'memory': '80 GiBB' has an unknown unit", validate.Output);

            DotNet.WriteFile(Path.Combine(_package.Root, "user-catalog", "acme.yaml"), string.Join("\n", bad).Replace("80 GiBB", "96 GB") + "\n");
            DotNet.Result good = DotNet.Execute(_package.Root, hwcat, "show acme-x1 --catalog user-catalog --format json");
            Assert.True(good.ExitCode == 0, good.Output);
            Assert.Contains("acme-x1", good.Output);

            // A PNG is drawn by the native Skia library: this proves the installed package's native loads.
            DotNet.Result chart = DotNet.Execute(_package.Root, hwcat, "chart roofline --gpu h100-sxm --out roofline.png");
            Assert.True(chart.ExitCode == 0, chart.Output);
            byte[] signature = { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }; // PNG specification, section 5.2
            Assert.Equal(signature, File.ReadAllBytes(Path.Combine(_package.Root, "roofline.png")).Take(signature.Length).ToArray());
        }

        private static string NativeExtension =>
            OperatingSystem.IsWindows() ? ".dll" : OperatingSystem.IsMacOS() ? ".dylib" : ".so";

        private static bool IsSkiaOrHarfBuzzNative(string? fileName) =>
            fileName is not null
            && (fileName.StartsWith("libSkiaSharp.", StringComparison.Ordinal) || fileName.StartsWith("libHarfBuzzSharp.", StringComparison.Ordinal));

        private static IReadOnlyList<string> Entries(string package)
        {
            using ZipArchive archive = ZipFile.OpenRead(package);
            return archive.Entries.Select(e => e.FullName).ToList();
        }

        /// <summary>The RID → package id list in the top-level package's DotnetToolSettings.xml.</summary>
        private static Dictionary<string, string> PlatformPackages(string package)
        {
            using ZipArchive archive = ZipFile.OpenRead(package);
            ZipArchiveEntry settings = archive.Entries.Single(e => e.Name == "DotnetToolSettings.xml");
            using Stream stream = settings.Open();
            return XDocument.Load(stream).Descendants("RuntimeIdentifierPackage")
                .ToDictionary(e => (string)e.Attribute("RuntimeIdentifier")!, e => (string)e.Attribute("Id")!);
        }

        /// <summary>
        /// A platform package carries the Skia and HarfBuzz natives of its platform and no other; 'any' carries every
        /// platform's, under runtimes/, for the platforms without a package of their own.
        /// </summary>
        private static void AssertNativesOf(string rid, string package)
        {
            string[] natives = Entries(package).Where(e => IsSkiaOrHarfBuzzNative(Path.GetFileName(e))).ToArray();
            if (rid == "any")
            {
                foreach (string expected in new[] { "linux-x64/native/libSkiaSharp.so", "linux-musl-x64/native/libSkiaSharp.so", "osx/native/libSkiaSharp.dylib", "win-x64/native/libSkiaSharp.dll", "win-x86/native/libSkiaSharp.dll" })
                {
                    Assert.Contains(natives, n => n.EndsWith("/runtimes/" + expected, StringComparison.Ordinal));
                }

                return;
            }

            string extension = rid.StartsWith("win-", StringComparison.Ordinal) ? ".dll" : rid.StartsWith("osx-", StringComparison.Ordinal) ? ".dylib" : ".so";
            string folder = $"tools/{PackageFixture.TargetFramework}/{rid}/";
            Assert.Equal(new[] { folder + "libHarfBuzzSharp" + extension, folder + "libSkiaSharp" + extension }, natives.OrderBy(n => n, StringComparer.Ordinal).ToArray());
            if (rid.StartsWith("linux-", StringComparison.Ordinal))
            {
                using ZipArchive archive = ZipFile.OpenRead(package);
                using Stream skia = archive.GetEntry(folder + "libSkiaSharp.so")!.Open();
                Assert.True(Sha256(NoDependenciesSkia(rid)) == Convert.ToHexString(SHA256.HashData(skia)), $"{rid}: libSkiaSharp.so is not SkiaSharp.NativeAssets.Linux.NoDependencies's");
            }
        }

        /// <summary>libSkiaSharp.so for <paramref name="rid"/> in the restored SkiaSharp.NativeAssets.Linux.NoDependencies, at the version Directory.Packages.props pins.</summary>
        private static string NoDependenciesSkia(string rid)
        {
            const string id = "SkiaSharp.NativeAssets.Linux.NoDependencies";
            string version = XDocument.Load(Path.Combine(PackageFixture.RepositoryRoot, "Directory.Packages.props"))
                .Descendants("PackageVersion").Single(e => (string?)e.Attribute("Include") == id).Attribute("Version")!.Value;
            return Path.Combine(PackageFixture.NuGetPackageRoot, id.ToLowerInvariant(), version, "runtimes", rid, "native", "libSkiaSharp.so");
        }

        private static string Sha256(string path)
        {
            using FileStream stream = File.OpenRead(path);
            return Convert.ToHexString(SHA256.HashData(stream));
        }
    }
}
