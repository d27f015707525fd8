using System.IO;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace HardwareCatalog.PackageTests
{
    /// <summary>
    /// A team's accelerators in one class library, used from an app that only references the library: the way a
    /// catalog is shared across projects. With a public catalog the app builds on it; with an internal one (the
    /// default) each project has its own.
    /// </summary>
    [Collection(PackageCollection.Name)]
    public class SharedCatalogLibraryTests
    {
        private const string AcmeX1 = """
            kind: gpu
            id: acme-x1
            extends: h800-sxm
            name: Acme X1
            memory: 96 GB
            sources: [ https://example.com/acme-x1 ]
            """;

        private readonly PackageFixture _package;
        private readonly ITestOutputHelper _output;

        public SharedCatalogLibraryTests(PackageFixture package, ITestOutputHelper output)
        {
            _package = package;
            _output = output;
        }

        private string Library(string name, string visibility)
        {
            string directory = _package.CreateProject(name, $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>{PackageFixture.TargetFramework}</TargetFramework>
                    <Nullable>enable</Nullable>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                    <HardwareCatalogVisibility>{visibility}</HardwareCatalogVisibility>
                  </PropertyGroup>
                  <ItemGroup>
                    {PackageFixture.PackageReference}
                  </ItemGroup>
                </Project>
                """, upstreamSources: false);
            Directory.CreateDirectory(Path.Combine(directory, "catalogs"));
            File.WriteAllText(Path.Combine(directory, "catalogs", "acme.yaml"), AcmeX1);
            return directory;
        }

        private string App(string name, string library, string program)
        {
            string directory = _package.CreateProject(name, $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>{PackageFixture.TargetFramework}</TargetFramework>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                  </PropertyGroup>
                  <ItemGroup>
                    <ProjectReference Include="../{library}/{library}.csproj" />
                  </ItemGroup>
                </Project>
                """, upstreamSources: false);
            File.WriteAllText(Path.Combine(directory, "Program.cs"), program);
            return directory;
        }

        [Fact]
        public void An_app_uses_the_public_catalog_of_a_library_it_references_with_no_warning()
        {
            Library("AcmePublicCatalog", "public");
            string app = App("AcmePublicApp", "AcmePublicCatalog", """
                using HardwareCatalog;
                Console.WriteLine($"{Gpus.AcmeX1.Name}: {Gpus.AcmeX1.Memory}, {Gpus.AcmeX1.Dense.Fp8}");
                Console.WriteLine($"find: {Gpus.Find("acme-x1") == Gpus.AcmeX1}");
                Console.WriteLine($"h800: {Gpus.H800Sxm.Interconnect.NvLink}");
                """);

            DotNet.Result build = _package.Build(app);
            _output.WriteLine(build.Output);
            Assert.True(build.ExitCode == 0, build.Output);
            Assert.DoesNotMatch(@"warning [A-Z]+[0-9]+", build.Output);

            DotNet.Result run = _package.RunBuilt(app);
            // acme-x1 extends h800-sxm (dense FP8 1978.9 TFLOP/s, NVLink 400 GB/s in catalogs/gpus/h800-sxm.yaml) and sets 96 GB.
            Assert.Equal(new[] { "Acme X1: 96 GB, 1978.9 TFLOP/s", "find: True", "h800: 400 GB/s" }, Lines(run.Output));
        }

        [Fact]
        public void The_analyzers_check_the_library_s_types_in_the_app()
        {
            Library("AcmeAnalyzedCatalog", "public");
            // acme-x1 extends h800-sxm, a Hopper part: no FP4, so HWC001 at the call.
            string app = App("AcmeAnalyzedApp", "AcmeAnalyzedCatalog", """
                using HardwareCatalog;
                Console.WriteLine(Gpus.AcmeX1.Peak(Precision.Fp4));
                """);

            DotNet.Result build = _package.Build(app);

            Assert.NotEqual(0, build.ExitCode);
            Assert.Contains(Lines(build.Output), l => l.Contains("Program.cs(2,", System.StringComparison.Ordinal) && l.Contains("error HWC001", System.StringComparison.Ordinal));
        }

        [Fact]
        public void An_internal_catalog_stays_the_library_s_business()
        {
            Library("AcmeInternalCatalog", "internal");
            string app = App("AcmeInternalApp", "AcmeInternalCatalog", """
                using HardwareCatalog;
                Console.WriteLine($"{Gpus.H800Sxm.Memory} {Gpus.Find("acme-x1") is null}");
                """);

            DotNet.Result build = _package.Build(app);
            Assert.True(build.ExitCode == 0, build.Output);
            Assert.DoesNotMatch(@"warning [A-Z]+[0-9]+", build.Output);
            Assert.Equal(new[] { "80 GiB True" }, Lines(_package.RunBuilt(app).Output));
        }

        [Fact]
        public void An_app_that_references_two_public_catalogs_with_the_same_entries_is_told_once()
        {
            // Both libraries carry the built-in catalog publicly: a diamond the app cannot use both sides of.
            Library("AcmeDiamondLeft", "public");
            string right = Library("AcmeDiamondRight", "public");
            File.Delete(Path.Combine(right, "catalogs", "acme.yaml"));
            string app = App("AcmeDiamondApp", "AcmeDiamondLeft", "System.Console.WriteLine(HardwareCatalog.Gpus.All.Count);");
            string project = Path.Combine(app, "AcmeDiamondApp.csproj");
            File.WriteAllText(project, File.ReadAllText(project).Replace(
                "<ProjectReference Include=\"../AcmeDiamondLeft/AcmeDiamondLeft.csproj\" />",
                "<ProjectReference Include=\"../AcmeDiamondLeft/AcmeDiamondLeft.csproj\" /><ProjectReference Include=\"../AcmeDiamondRight/AcmeDiamondRight.csproj\" />"));

            DotNet.Result build = _package.Build(app);

            Assert.NotEqual(0, build.ExitCode);
            string[] errors = Lines(build.Output).Where(l => l.Contains("error HWC123", System.StringComparison.Ordinal)).Distinct().ToArray();
            Assert.Single(errors);
            Assert.Contains("'AcmeDiamondLeft' and 'AcmeDiamondRight' both carry a generated public catalog", errors[0]);
        }

        private static string[] Lines(string output) => output.Replace("\r", "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
    }
}
