using System.IO;
using Xunit;
using Xunit.Abstractions;

namespace HardwareCatalog.PackageTests
{
    /// <summary>The generated code compiles in the projects users have: an old language version, and the strictest settings.</summary>
    [Collection(PackageCollection.Name)]
    public class LanguageVersionTests
    {
        private readonly PackageFixture _package;
        private readonly ITestOutputHelper _output;

        public LanguageVersionTests(PackageFixture package, ITestOutputHelper output)
        {
            _package = package;
            _output = output;
        }

        [Fact]
        public void A_netstandard2_0_library_with_default_settings_builds_on_csharp_7_3()
        {
            // No LangVersion, no Nullable: what 'dotnet new classlib -f netstandard2.0' gives, C# 7.3 by default.
            string directory = _package.CreateProject("CSharp73Library", $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>netstandard2.0</TargetFramework>
                  </PropertyGroup>
                  <ItemGroup>
                    {PackageFixture.PackageReference}
                  </ItemGroup>
                </Project>
                """, upstreamSources: true);
            DotNet.WriteFile(Path.Combine(directory, "Sizing.cs"), """
                using HardwareCatalog;
                using HardwareCatalog.Estimation;

                namespace CSharp73Library
                {
                    public static class Sizing
                    {
                        public static double H800Fp8Tera()
                        {
                            return Gpus.H800Sxm.Dense.Fp8.TeraFlopsPerSecond;
                        }

                        public static double DeepSeekV3KvBytesPerToken()
                        {
                            return KvCache.BytesPerToken(Models.DeepSeekV3, Precision.Bf16).Bytes;
                        }
                    }
                }
                """);

            DotNet.Result version = DotNet.Run(directory, "msbuild -getProperty:LangVersion");
            Assert.Equal("7.3", version.Output.Trim());

            DotNet.Result build = _package.Build(directory);
            _output.WriteLine($"C# 7.3 library build: {build.Elapsed.TotalSeconds:0.0} s");
            Assert.True(build.ExitCode == 0, build.Output);
        }

        [Fact]
        public void A_library_with_warnings_as_errors_all_analyzers_and_nullable_builds()
        {
            string directory = _package.CreateProject("StrictLibrary", $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>{PackageFixture.TargetFramework}</TargetFramework>
                    <Nullable>enable</Nullable>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                    <AnalysisMode>All</AnalysisMode>
                    <GenerateDocumentationFile>true</GenerateDocumentationFile>
                    <!-- Public generated types: their documentation and signatures meet the same bar as the user's. -->
                    <HardwareCatalogVisibility>public</HardwareCatalogVisibility>
                  </PropertyGroup>
                  <ItemGroup>
                    {PackageFixture.PackageReference}
                  </ItemGroup>
                </Project>
                """, upstreamSources: false);
            DotNet.WriteFile(Path.Combine(directory, "Sizing.cs"), """
                using HardwareCatalog;
                using HardwareCatalog.Estimation;

                namespace StrictLibrary
                {
                    /// <summary>Figures a planning tool would compute from the catalog.</summary>
                    public static class Sizing
                    {
                        /// <summary>The H800's dense FP8 peak in TFLOP/s.</summary>
                        /// <returns>The peak.</returns>
                        public static double H800Fp8Tera() => Gpus.H800Sxm.Dense.Fp8.TeraFlopsPerSecond;

                        /// <summary>DeepSeek-V3's KV cache per token in BF16, in bytes.</summary>
                        /// <returns>The size.</returns>
                        public static double DeepSeekV3KvBytesPerToken() => KvCache.BytesPerToken(Models.DeepSeekV3, Precision.Bf16).Bytes;
                    }
                }
                """);

            DotNet.Result build = _package.Build(directory);
            _output.WriteLine($"strict library build: {build.Elapsed.TotalSeconds:0.0} s");
            Assert.True(build.ExitCode == 0, build.Output);
            Assert.Contains("StrictLibrary.dll", build.Output);
        }
    }
}
