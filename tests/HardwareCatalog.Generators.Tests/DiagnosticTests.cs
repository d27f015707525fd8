using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace HardwareCatalog.Generators.Tests
{
    /// <summary>Each catalog diagnostic, asserted with its exact file, line and column.</summary>
    public class DiagnosticTests
    {
        private static GeneratorResult RunWithHopper(string path, string text)
            => GeneratorHarness.Run(new[] { new CatalogFile("/p/catalogs/h100.yaml", Catalogs.Hopper), new CatalogFile(path, text) });

        [Fact]
        public void Yaml_syntax_error_is_located_and_the_rest_of_the_catalog_still_generates()
        {
            GeneratorResult result = RunWithHopper("/p/catalogs/bad.yaml", "kind: gpu\nid: bad\nname: [unclosed\n");

            Diagnostic diagnostic = Assert.Single(result.GeneratorDiagnostics);
            Assert.Equal("HWC101", diagnostic.Id);
            Assert.Equal("/p/catalogs/bad.yaml", diagnostic.Location.GetLineSpan().Path);
            Assert.Contains("Gpus.TestH100.g.cs", result.HintNames);
        }

        [Fact]
        public void Json_syntax_error_is_located()
        {
            GeneratorResult result = GeneratorHarness.Run("/p/catalogs/bad.json", "{ \"kind\": \"gpu\",\n  \"id\": \"x\" \"name\": 1 }");

            Assert.Equal(new[] { "/p/catalogs/bad.json(2,13): HWC101" }, result.Located);
        }

        [Fact]
        public void Duplicate_key_is_a_syntax_error_at_the_second_key()
        {
            GeneratorResult result = GeneratorHarness.Run("/p/catalogs/dup.yaml", "kind: gpu\nid: dup\nid: again\n");

            Assert.Equal(new[] { "/p/catalogs/dup.yaml(3,1): HWC101" }, result.Located);
        }

        [Fact]
        public void Missing_required_key_points_at_the_entry_kind()
        {
            const string text = "# a comment\nkind: gpu\nid: nameless\nvendor: V\narchitecture: Hopper\nsources: [ https://example.com ]\n";
            GeneratorResult result = GeneratorHarness.Run("/p/catalogs/x.yaml", text);

            Assert.Equal(new[] { "/p/catalogs/x.yaml(2,1): HWC102" }, result.Located);
            Assert.Contains("'name'", result.GeneratorDiagnostics.Single().GetMessage());
        }

        [Fact]
        public void A_derived_entry_still_needs_its_own_sources()
        {
            GeneratorResult result = RunWithHopper("/p/catalogs/x.yaml", Catalogs.Derived.Replace("sources: [ https://example.com/h800.pdf ]", ""));

            Assert.Equal(new[] { "/p/catalogs/x.yaml(1,1): HWC102" }, result.Located);
            Assert.Contains("'sources'", result.GeneratorDiagnostics.Single().GetMessage());
        }

        [Fact]
        public void Missing_kind_is_reported_at_the_first_key()
        {
            GeneratorResult result = GeneratorHarness.Run("/p/catalogs/x.yaml", "id: kindless\nname: X\n");

            Assert.Equal(new[] { "/p/catalogs/x.yaml(1,1): HWC102" }, result.Located);
        }

        [Fact]
        public void Unknown_key_suggests_the_closest()
        {
            GeneratorResult result = RunWithHopper("/p/catalogs/x.yaml", Catalogs.Derived.Replace("interconnect:", "interconect:"));

            Assert.Equal(new[] { "/p/catalogs/x.yaml(5,1): HWC104" }, result.Located);
            Assert.Contains("did you mean 'interconnect'?", result.GeneratorDiagnostics.Single().GetMessage());
        }

        [Fact]
        public void Unknown_precision_key_suggests_the_closest()
        {
            GeneratorResult result = GeneratorHarness.Run("/p/catalogs/x.yaml", Catalogs.Hopper.Replace("  fp8:", "  fp08:"));

            Assert.Equal(new[] { "/p/catalogs/x.yaml(17,3): HWC104" }, result.Located);
            Assert.Contains("did you mean 'fp8'?", result.GeneratorDiagnostics.Single().GetMessage());
        }

        [Theory]
        [InlineData("memoryBandwidth: 80 GB", "is a data size, but 'memoryBandwidth' is a bandwidth")]
        [InlineData("memoryBandwidth: 3.35", "has no unit")]
        [InlineData("memoryBandwidth: 3.35 TB/h", "unknown unit")]
        [InlineData("memoryBandwidth: -3 TB/s", "must be positive")]
        [InlineData("memoryBandwidth: fast", "does not start with a number")]
        [InlineData("memoryBandwidth: 1e999 TB/s", "out of range")]
        public void Unit_errors_are_located_at_the_value(string line, string expected)
        {
            GeneratorResult result = GeneratorHarness.Run("/p/catalogs/x.yaml", Catalogs.Hopper.Replace("memoryBandwidth: 3.35 TB/s", line));

            Assert.Equal(new[] { "/p/catalogs/x.yaml(9,18): HWC103" }, result.Located);
            Assert.Contains(expected, result.GeneratorDiagnostics.Single().GetMessage());
        }

        [Fact]
        public void Wrong_shape_is_located()
        {
            GeneratorResult result = GeneratorHarness.Run("/p/catalogs/x.yaml", Catalogs.Hopper.Replace("released: 2022", "released: soon"));

            Assert.Equal(new[] { "/p/catalogs/x.yaml(6,11): HWC105" }, result.Located);
        }

        [Fact]
        public void Duplicate_id_is_reported_at_the_later_file()
        {
            GeneratorResult result = RunWithHopper("/p/catalogs/z.yaml", Catalogs.Hopper);

            Assert.Equal(new[] { "/p/catalogs/z.yaml(2,5): HWC106" }, result.Located);
            Assert.Contains("h100.yaml(1,1)", result.GeneratorDiagnostics.Single().GetMessage());
        }

        [Fact]
        public void Id_that_yields_no_identifier_asks_for_one()
        {
            GeneratorResult result = GeneratorHarness.Run("/p/catalogs/x.yaml", Catalogs.Ampere.Replace("id: test-a100\nidentifier: TestA100GB", "id: 9000-turbo"));

            Assert.Equal(new[] { "/p/catalogs/x.yaml(2,5): HWC107" }, result.Located);
            Assert.Contains("set 'identifier:'", result.GeneratorDiagnostics.Single().GetMessage());
        }

        [Theory]
        [InlineData("class")]
        [InlineData("All")]
        [InlineData("Not-Valid")]
        [InlineData("Ünïcode")]
        [InlineData("Instance")]
        [InlineData("Dense")]
        [InlineData("AllHolder")]
        public void Invalid_or_reserved_identifier_is_rejected(string identifier)
        {
            GeneratorResult result = GeneratorHarness.Run("/p/catalogs/x.yaml", Catalogs.Ampere.Replace("identifier: TestA100GB", "identifier: " + identifier));

            Assert.Equal(new[] { "/p/catalogs/x.yaml(3,13): HWC107" }, result.Located);
        }

        [Fact]
        public void An_entry_that_fails_does_not_take_a_contested_name()
        {
            // test-h800 fails (no such parent); test-h801 asks for its name and must get it.
            string failing = Catalogs.Derived.Replace("extends: test-h100", "extends: nothing");
            string second = Catalogs.Derived.Replace("id: test-h800", "id: test-h801\nidentifier: TestH800");
            GeneratorResult result = GeneratorHarness.Run(new[] { new CatalogFile("/p/catalogs/h100.yaml", Catalogs.Hopper), new CatalogFile("/p/catalogs/a.yaml", failing), new CatalogFile("/p/catalogs/b.yaml", second) });

            Assert.Equal(new[] { "HWC109" }, result.GeneratorDiagnostics.Select(d => d.Id));
            Assert.Contains("test-h801", result.Source("Gpus.TestH800.g.cs"));
        }

        [Fact]
        public void An_empty_extends_does_not_leave_a_standalone_entry()
        {
            GeneratorResult result = GeneratorHarness.Run("/p/catalogs/x.yaml", Catalogs.Ampere.Replace("identifier: TestA100GB", "identifier: TestA100GB\nextends: \"\""));

            Assert.Equal(new[] { "/p/catalogs/x.yaml(4,10): HWC105" }, result.Located);
            Assert.DoesNotContain("Gpus.TestA100GB.g.cs", result.HintNames);
        }

        [Fact]
        public void Two_ids_with_one_identifier_collide()
        {
            GeneratorResult result = RunWithHopper("/p/catalogs/x.yaml", Catalogs.Ampere.Replace("identifier: TestA100GB", "identifier: TestH100"));

            Assert.Equal(new[] { "/p/catalogs/x.yaml(3,13): HWC108" }, result.Located);
        }

        /// <summary>'h100-nvl' and a copy 'h100nvl' that extends it: C# names H100Nvl and H100nvl.</summary>
        private const string NvlAndCopy = """
            kind: gpu
            id: h100-nvl
            name: H100 NVL
            vendor: NVIDIA
            architecture: Hopper
            sources: [ https://example.com/nvl ]
            ---
            kind: gpu
            id: h100nvl
            extends: h100-nvl
            name: H100 NVL (copy)
            sources: [ https://example.com/nvl ]
            """;

        [Fact]
        public void Identifiers_that_differ_only_in_case_are_an_error_not_a_crash()
        {
            // 'h100nvl' becomes H100nvl and 'h100-nvl' H100Nvl: distinct in C#, but one generated file name to Roslyn,
            // which compares hint names without regard to case (this once threw inside AddSource: CS8785).
            GeneratorResult result = RunWithHopper("/p/catalogs/x.yaml", NvlAndCopy);

            Assert.Null(result.RunResult.Results.Single().Exception);
            Assert.Equal(new[] { "/p/catalogs/x.yaml(9,5): HWC122" }, result.Located);
            Assert.Equal("'h100nvl' becomes the C# identifier 'H100nvl', which differs only in case from 'H100Nvl' of 'h100-nvl'; names that differ only in case are one name to case-insensitive languages, file systems and generated file names: set 'identifier:' on one of them",
                result.GeneratorDiagnostics.Single().GetMessage());
            Assert.Contains("Gpus.H100Nvl.g.cs", result.HintNames);
            Assert.Contains("Gpus.TestH100.g.cs", result.HintNames);
            Assert.DoesNotContain(result.HintNames, h => h.Contains("H100nvl", StringComparison.Ordinal));
            Assert.Empty(result.CompilationDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        }

        [Fact]
        public void Identifiers_that_differ_only_in_case_are_fine_once_one_chooses_its_name()
        {
            GeneratorResult result = RunWithHopper("/p/catalogs/x.yaml", NvlAndCopy.Replace("id: h100nvl\n", "id: h100nvl\nidentifier: H100NvlCopy\n"));

            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Contains("Gpus.H100NvlCopy.g.cs", result.HintNames);
        }

        [Fact]
        public void Unknown_extends_suggests_the_closest_id()
        {
            GeneratorResult result = RunWithHopper("/p/catalogs/x.yaml", Catalogs.Derived.Replace("extends: test-h100", "extends: test-h10"));

            Assert.Equal(new[] { "/p/catalogs/x.yaml(3,10): HWC109" }, result.Located);
            Assert.Contains("did you mean 'test-h100'?", result.GeneratorDiagnostics.Single().GetMessage());
        }

        [Fact]
        public void Extends_cycle_names_the_cycle()
        {
            string a = Catalogs.Derived.Replace("id: test-h800", "id: a").Replace("extends: test-h100", "extends: b");
            string b = Catalogs.Derived.Replace("id: test-h800", "id: b").Replace("extends: test-h100", "extends: a");
            GeneratorResult result = GeneratorHarness.Run(new[] { new CatalogFile("/p/catalogs/a.yaml", a), new CatalogFile("/p/catalogs/b.yaml", b) });

            Diagnostic diagnostic = Assert.Single(result.GeneratorDiagnostics);
            Assert.Equal("HWC110", diagnostic.Id);
            Assert.Contains("a -> b -> a", diagnostic.GetMessage());
        }

        [Fact]
        public void Unknown_kind_suggests_the_closest()
        {
            GeneratorResult result = GeneratorHarness.Run("/p/catalogs/x.yaml", "kind: gpus\nid: x\n");

            Assert.Equal(new[] { "/p/catalogs/x.yaml(1,7): HWC111" }, result.Located);
            Assert.Contains("did you mean 'gpu'?", result.GeneratorDiagnostics.Single().GetMessage());
        }

        [Fact]
        public void Invalid_sparsity_is_rejected()
        {
            GeneratorResult result = GeneratorHarness.Run("/p/catalogs/x.yaml", Catalogs.Hopper.Replace("sparsity: \"2:4\"", "sparsity: \"1:2\""));

            Assert.Equal(new[] { "/p/catalogs/x.yaml(19,11): HWC105" }, result.Located);
        }

        [Theory]
        [InlineData("name: Test A100", "name: \"\"", "(4,7)")]
        [InlineData("sources: [ https://example.com/a100.pdf ]", "sources: []", "(13,10)")]
        public void Empty_required_values_are_wrong_not_missing(string from, string to, string at)
        {
            GeneratorResult result = GeneratorHarness.Run("/p/catalogs/x.yaml", Catalogs.Ampere.Replace(from, to));

            Assert.Equal(new[] { $"/p/catalogs/x.yaml{at}: HWC105" }, result.Located);
        }

        [Theory]
        [InlineData("bf16: 989.4 TFLOP/s", "bf16: 989.4 TOPS", "floating-point precision")]
        [InlineData("int8: 1978.9 TOPS", "int8: 1978.9 TFLOP/s", "integer precision")]
        public void Integer_precisions_take_tops_and_floating_point_ones_flops(string from, string to, string expected)
        {
            GeneratorResult result = GeneratorHarness.Run("/p/catalogs/x.yaml", Catalogs.Hopper.Replace(from, to));

            Assert.Equal("HWC103", Assert.Single(result.GeneratorDiagnostics).Id);
            Assert.Contains(expected, result.GeneratorDiagnostics.Single().GetMessage());
        }

        [Fact]
        public void Invalid_msbuild_properties_fall_back_with_a_diagnostic()
        {
            var properties = new System.Collections.Generic.Dictionary<string, string>
            {
                ["HardwareCatalogNamespace"] = "Not A Namespace",
                ["HardwareCatalogVisibility"] = "friends",
                ["HardwareCatalogIncludeBuiltIns"] = "yes",
                ["HardwareCatalogMaxFileSize"] = "-5",
                ["HardwareCatalogTypedMembers"] = "sometimes",
            };
            GeneratorResult result = GeneratorHarness.Run(new[] { new CatalogFile("/p/catalogs/a.yaml", Catalogs.Ampere) }, "", properties);

            Assert.Equal(new[] { "HWC112", "HWC112", "HWC112", "HWC112", "HWC112" }, result.GeneratorDiagnostics.Select(d => d.Id));
            Assert.Empty(result.CompilationDiagnostics);
        }

        internal static string RepositoryRoot()
        {
            string? directory = System.AppContext.BaseDirectory;
            while (directory is not null && !System.IO.File.Exists(System.IO.Path.Combine(directory, "Catalog.sln")))
            {
                directory = System.IO.Path.GetDirectoryName(directory);
            }

            return directory ?? throw new System.InvalidOperationException("Catalog.sln not found above " + System.AppContext.BaseDirectory);
        }
    }
}
