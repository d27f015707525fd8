using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
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
        public void The_packed_tool_installs_into_a_fresh_tool_path_and_answers_help_show_and_validate()
        {
            string feed = Path.Combine(_package.Root, "tool-feed");
            string tools = Path.Combine(_package.Root, "tools");
            string project = Path.Combine(PackageFixture.RepositoryRoot, "src", "HardwareCatalog.Cli", "HardwareCatalog.Cli.csproj");
            DotNet.Result pack = DotNet.Run(PackageFixture.RepositoryRoot,
                $"pack \"{project}\" -c Release -o \"{feed}\" -p:Version={PackageFixture.Version} --disable-build-servers -nodeReuse:false -clp:NoSummary");
            Assert.True(pack.ExitCode == 0, pack.Output);
            string package = Path.Combine(feed, $"HardwareCatalog.Cli.{PackageFixture.Version}.nupkg");
            _output.WriteLine($"tool package size: {new FileInfo(package).Length} bytes");

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
        }
    }
}
