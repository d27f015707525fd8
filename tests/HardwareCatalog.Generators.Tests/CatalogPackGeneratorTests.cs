using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace HardwareCatalog.Generators.Tests
{
    /// <summary>
    /// Files a catalog pack's props tag <c>HardwareCatalogFile="pack"</c>. These runs leave out the pack's
    /// <c>HardwareCatalogPack</c> name, which the package tests check end to end; the generator then says "unnamed".
    /// </summary>
    public class CatalogPackGeneratorTests
    {
        private static readonly Dictionary<string, string> NoBuiltIns = new() { ["HardwareCatalogIncludeBuiltIns"] = "false" };

        [Fact]
        public void Pack_files_generate_like_user_files_and_stay_when_built_ins_are_switched_off()
        {
            var files = new[]
            {
                new CatalogFile("/pkg/catalogs/gpus/h100.yaml", Catalogs.Hopper, "builtin"),
                new CatalogFile("/nuget/acme.catalog/1.0.0/catalogs/a100.yaml", Catalogs.Ampere, "pack"),
            };

            GeneratorResult result = GeneratorHarness.Run(files, "", NoBuiltIns);

            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Equal(new[] { "Gpus.TestA100GB.g.cs", "Gpus.g.cs", "Models.g.cs", "Systems.g.cs" }, result.HintNames.OrderBy(n => n, System.StringComparer.Ordinal));
        }

        [Fact]
        public void A_user_entry_extends_a_pack_entry()
        {
            var files = new[]
            {
                new CatalogFile("/nuget/acme.catalog/1.0.0/catalogs/h100.yaml", Catalogs.Hopper, "pack"),
                new CatalogFile("/p/catalogs/h800.yaml", Catalogs.Derived),
            };

            GeneratorResult result = GeneratorHarness.Run(files);

            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Empty(result.CompilationDiagnostics);
            Assert.Contains("Gpus.TestH800.g.cs", result.HintNames);
        }

        [Fact]
        public void A_diagnostic_found_after_parsing_names_the_pack_and_keeps_its_descriptor()
        {
            // Without built-ins, the pack entry's extends target is unknown: HWC109, found when every file is linked.
            var asPack = new[] { new CatalogFile("/nuget/acme.catalog/1.0.0/catalogs/h800.yaml", Catalogs.Derived, "pack") };
            var asUser = new[] { new CatalogFile("/p/catalogs/h800.yaml", Catalogs.Derived) };

            Diagnostic pack = Assert.Single(GeneratorHarness.Run(asPack, "", NoBuiltIns).GeneratorDiagnostics);
            Diagnostic user = Assert.Single(GeneratorHarness.Run(asUser, "", NoBuiltIns).GeneratorDiagnostics);

            Assert.Equal("HWC109", pack.Id);
            Assert.Equal(user.GetMessage() + " (catalog pack unnamed)", pack.GetMessage());
            Assert.Equal("/nuget/acme.catalog/1.0.0/catalogs/h800.yaml", pack.Location.GetLineSpan().Path);
            Assert.Equal(user.Location.GetLineSpan().Span, pack.Location.GetLineSpan().Span);
            Assert.Equal(user.Severity, pack.Severity);
            Assert.Equal(user.Descriptor.HelpLinkUri, pack.Descriptor.HelpLinkUri);
            Assert.Equal(user.Descriptor.Title.ToString(), pack.Descriptor.Title.ToString());
        }

        [Fact]
        public void A_duplicate_of_a_pack_entry_says_the_first_is_in_the_pack()
        {
            // '/nuget/...' sorts before '/p/...', so the pack keeps the id and the user file is told where it is.
            GeneratorResult result = GeneratorHarness.Run(new[]
            {
                new CatalogFile("/nuget/acme.catalog/1.0.0/catalogs/h100.yaml", Catalogs.Hopper, "pack"),
                new CatalogFile("/p/catalogs/h100.yaml", Catalogs.Hopper),
            });

            Diagnostic duplicate = Assert.Single(result.GeneratorDiagnostics);
            Assert.Equal("HWC106", duplicate.Id);
            Assert.Equal("/p/catalogs/h100.yaml", duplicate.Location.GetLineSpan().Path);
            Assert.Contains("already defined at h100.yaml(1,1) in catalog pack unnamed;", duplicate.GetMessage());
        }

        [Fact]
        public void A_parse_diagnostic_in_a_pack_file_names_the_pack()
        {
            string bad = Catalogs.Hopper.Replace("memory: 80 GB", "memory: 80 GiBB", System.StringComparison.Ordinal);
            Assert.NotEqual(Catalogs.Hopper, bad);

            Diagnostic pack = GeneratorHarness.Run(new[] { new CatalogFile("/nuget/acme.catalog/1.0.0/catalogs/h100.yaml", bad, "pack") }).GeneratorDiagnostics
                .Single(d => d.Id == "HWC103");

            Assert.EndsWith(" (catalog pack unnamed)", pack.GetMessage(), System.StringComparison.Ordinal);
        }
    }
}
