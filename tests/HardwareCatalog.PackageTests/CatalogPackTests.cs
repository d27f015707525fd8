using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace HardwareCatalog.PackageTests
{
    /// <summary>
    /// Catalog packs (samples/CatalogPack): a package of catalog files only, packed from the template into the folder
    /// feed and consumed from a fresh project beside the HardwareCatalog package.
    /// </summary>
    [Collection(PackageCollection.Name)]
    public class CatalogPackTests
    {
        private readonly PackageFixture _package;
        private readonly ITestOutputHelper _output;

        public CatalogPackTests(PackageFixture package, ITestOutputHelper output)
        {
            _package = package;
            _output = output;
        }

        private static string PackReference(string packageId) => $"""<PackageReference Include="{packageId}" Version="[{PackageFixture.Version}]" />""";

        [Fact]
        public void A_pack_flows_its_entries_into_a_consumer_whose_own_file_extends_one_of_them()
        {
            DotNet.Result pack = _package.PackCatalogPack("Acme.Catalog");
            _output.WriteLine($"pack the template: {pack.Elapsed.TotalSeconds:0.0} s");
            Assert.True(pack.ExitCode == 0, pack.Output);
            Assert.DoesNotContain("warning", pack.Output);

            const string program = """
                using HardwareCatalog;

                Console.WriteLine($"acme memory: {Gpus.AcmeX1.Memory}");
                Console.WriteLine($"acme bandwidth: {Gpus.AcmeX1.MemoryBandwidth}");
                Console.WriteLine($"acme fp8: {Gpus.AcmeX1.Dense.Fp8}");
                Console.WriteLine($"acme estimated: {Gpus.AcmeX1.IsEstimated}");
                Console.WriteLine($"team memory: {Gpus.TeamX1Dual.Memory}");
                Console.WriteLine($"team bandwidth: {Gpus.TeamX1Dual.MemoryBandwidth}");
                Console.WriteLine($"team fp8: {Gpus.TeamX1Dual.Dense.Fp8}");
                Console.WriteLine($"find: {Gpus.Find("acme-x1")?.Name}");
                Console.WriteLine($"count: {Gpus.All.Count}");
                """;
            string directory = _package.CreateConsumer("PackConsumer", program, new Dictionary<string, string>
            {
                // The user's file derives from the pack's entry, which derives from the built-in h800-sxm.
                ["catalogs/team.yaml"] = """
                    kind: gpu
                    id: team-x1-dual
                    extends: acme-x1
                    name: Team X1 Dual
                    memory: 282 GB
                    sources: [ https://example.com/team-x1-dual ]
                    """,
            }, extraProperties: "<TreatWarningsAsErrors>true</TreatWarningsAsErrors>", extraItems: PackReference("Acme.Catalog"));

            DotNet.Result build = _package.Build(directory);
            _output.WriteLine($"fresh consumer of the pack (restore + build): {build.Elapsed.TotalSeconds:0.0} s");
            Assert.True(build.ExitCode == 0, build.Output);
            Assert.DoesNotContain("warning", build.Output);

            DotNet.Result run = _package.RunBuilt(directory);
            Assert.True(run.ExitCode == 0, run.Output);
            string[] lines = run.Output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToArray();

            // samples/CatalogPack/catalogs/gpus/acme-x1.yaml: memory 141 GB, memoryBandwidth 4.8 TB/s, estimated: true.
            // Dense FP8 is inherited from the built-in h800-sxm, which inherits it from h100-sxm (catalogs/gpus).
            // The user's entry doubles the memory (2 x 141 GB) and inherits the rest through the pack's entry.
            // The count: one entry per built-in GPU file, plus the pack's entry and the user's.
            int builtInGpus = Directory.GetFiles(Path.Combine(PackageFixture.RepositoryRoot, "catalogs", "gpus"), "*.yaml").Length;
            string builtInFp8 = YamlValue(Path.Combine(PackageFixture.RepositoryRoot, "catalogs", "gpus", "h100-sxm.yaml"), "fp8", section: "dense");
            Assert.Equal(new[]
            {
                "acme memory: 141 GB",
                "acme bandwidth: 4.8 TB/s",
                $"acme fp8: {builtInFp8}",
                "acme estimated: True",
                $"team memory: {2 * 141} GB",
                "team bandwidth: 4.8 TB/s",
                $"team fp8: {builtInFp8}",
                "find: Acme X1 (fictional)",
                $"count: {builtInGpus + 2}",
            }, lines);
        }

        [Fact]
        public void A_bad_entry_in_a_pack_fails_the_consumer_build_at_the_pack_file_and_names_the_pack()
        {
            // A copy of the template whose entry has a misspelt unit (parsing finds it), and a second entry that extends
            // an id nobody defines (linking, across every file, finds it).
            DotNet.Result pack = _package.PackCatalogPack("Acme.Catalog.Broken", new Dictionary<string, string>
            {
                ["catalogs/gpus/acme-x1.yaml"] = File.ReadAllText(Path.Combine(PackageFixture.RepositoryRoot, "samples", "CatalogPack", "catalogs", "gpus", "acme-x1.yaml"))
                    .Replace("memory: 141 GB", "memory: 141 GiBB", System.StringComparison.Ordinal),
                ["catalogs/gpus/acme-x2.yaml"] = """
                    kind: gpu
                    id: acme-x2
                    extends: acme-x9
                    name: Acme X2 (fictional)
                    sources: [ https://example.com/acme-x2 ]
                    """,
            });
            Assert.True(pack.ExitCode == 0, pack.Output);

            string directory = _package.CreateConsumer("BrokenPackConsumer", """Console.WriteLine("unreachable");""",
                extraProperties: "<TreatWarningsAsErrors>true</TreatWarningsAsErrors>", extraItems: PackReference("Acme.Catalog.Broken"));

            DotNet.Result build = _package.Build(directory);
            _output.WriteLine($"fresh consumer of a broken pack (restore + build): {build.Elapsed.TotalSeconds:0.0} s");
            Assert.NotEqual(0, build.ExitCode);

            // Located in the pack's file in the consumer's NuGet cache (lower-cased id, then the version).
            string packFiles = Path.Combine(_package.PackagesCache, "acme.catalog.broken", PackageFixture.Version, "catalogs", "gpus");
            Assert.Contains(
                Path.Combine(packFiles, "acme-x1.yaml") + "(7,9): error HWC103: 'memory': ",
                build.Output);
            Assert.Matches(@"acme-x1\.yaml\(7,9\): error HWC103: [^\r\n]* \(catalog pack Acme\.Catalog\.Broken\)", build.Output);
            Assert.Contains(
                Path.Combine(packFiles, "acme-x2.yaml") + "(3,10): error HWC109: 'acme-x2' refers to 'acme-x9', which is not a gpu in the catalog",
                build.Output);
            Assert.Matches(@"acme-x2\.yaml\(3,10\): error HWC109: [^\r\n]* \(catalog pack Acme\.Catalog\.Broken\)", build.Output);
        }

        [Fact]
        public void A_project_entry_with_a_pack_entry_id_is_a_duplicate_reported_in_the_file_whose_path_sorts_later()
        {
            DotNet.Result pack = _package.PackCatalogPack("Acme.Catalog.Dup");
            Assert.True(pack.ExitCode == 0, pack.Output);

            // The consumer's folder ("DupConsumer") sorts before the fixture's NuGet cache ("nuget-packages") under the
            // same root, ordinally, so the project's entry keeps the id and the pack's entry is the one reported.
            Assert.True(string.CompareOrdinal(Path.Combine(_package.Root, "DupConsumer"), _package.PackagesCache) < 0);
            string directory = _package.CreateConsumer("DupConsumer", """Console.WriteLine(HardwareCatalog.Gpus.AcmeX1.Name);""",
                new Dictionary<string, string>
                {
                    ["catalogs/mine.yaml"] = """
                        kind: gpu
                        id: acme-x1
                        extends: h800-sxm
                        name: My X1
                        sources: [ https://example.com/my-x1 ]
                        """,
                }, extraItems: PackReference("Acme.Catalog.Dup"));

            DotNet.Result build = _package.Build(directory);
            _output.WriteLine($"fresh consumer with a duplicate id (restore + build): {build.Elapsed.TotalSeconds:0.0} s");
            Assert.NotEqual(0, build.ExitCode);
            string packFile = Path.Combine(_package.PackagesCache, "acme.catalog.dup", PackageFixture.Version, "catalogs", "gpus", "acme-x1.yaml");
            Assert.Contains(packFile + "(3,5): error HWC106: The id 'acme-x1' is already defined at mine.yaml(1,1);", build.Output);
            Assert.Matches(@"acme-x1\.yaml\(3,5\): error HWC106: [^\r\n]* \(catalog pack Acme\.Catalog\.Dup\)", build.Output);
            Assert.DoesNotContain("mine.yaml(2,5): error HWC106", build.Output);
        }

        /// <summary>The text of <c>key:</c> under <c>section:</c> in a built-in catalog file, without a trailing comment.</summary>
        private static string YamlValue(string path, string key, string section)
        {
            bool inSection = false;
            foreach (string line in File.ReadAllLines(path))
            {
                if (!line.StartsWith(' '))
                {
                    inSection = line.TrimEnd() == section + ":";
                }
                else if (inSection && line.TrimStart().StartsWith(key + ":", System.StringComparison.Ordinal))
                {
                    return line.Substring(line.IndexOf(':') + 1).Split('#')[0].Trim();
                }
            }

            throw new InvalidDataException($"{path} has no {section}.{key}");
        }
    }
}
