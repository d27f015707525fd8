using System;
using System.Diagnostics;
using System.Linq;
using System.Text;
using Xunit;

namespace HardwareCatalog.Generators.Tests
{
    /// <summary>Inputs built to crash, hang or fool the generator: each ends in a located diagnostic, quickly.</summary>
    public class HostileInputTests
    {
        private static GeneratorResult RunTimed(string path, string text, out TimeSpan elapsed)
        {
            var stopwatch = Stopwatch.StartNew();
            GeneratorResult result = GeneratorHarness.Run(path, text);
            elapsed = stopwatch.Elapsed;
            return result;
        }

        [Fact]
        public void Deeply_nested_flow_mappings_are_refused_before_the_parser_recurses()
        {
            // 100,000 nested flow mappings overflow YamlStream.Load's stack, which would kill the compiler.
            string text = "kind: gpu\nid: bomb\nname: " + new string('{', 100_000) + new string('}', 100_000) + "\n";
            GeneratorResult result = RunTimed("/p/catalogs/bomb.yaml", text, out TimeSpan elapsed);

            Assert.Equal(new[] { "/p/catalogs/bomb.yaml(3,71): HWC118" }, result.Located);
            Assert.True(elapsed < TimeSpan.FromSeconds(10), $"took {elapsed}");
        }

        [Fact]
        public void Deeply_nested_flow_sequences_are_refused_before_the_scanner_crawls()
        {
            string text = new string('[', 200_000) + new string(']', 200_000);
            GeneratorResult result = RunTimed("/p/catalogs/bomb.yaml", text, out _);

            Assert.Equal(new[] { "/p/catalogs/bomb.yaml(1,65): HWC118" }, result.Located);
        }

        [Fact]
        public void A_quote_does_not_hide_a_bracket_bomb()
        {
            string text = "name: 'it's " + new string('[', 10_000) + "\n";
            GeneratorResult result = RunTimed("/p/catalogs/bomb.yaml", text, out _);

            Assert.Contains("HWC118", result.GeneratorDiagnostics.Select(d => d.Id));
        }

        [Fact]
        public void Deep_block_nesting_is_refused()
        {
            var text = new StringBuilder("kind: gpu\nid: deep\nnotes:\n");
            for (int i = 1; i <= 100; i++) text.Append(new string(' ', i)).Append('k').Append(i).Append(":\n");
            GeneratorResult result = RunTimed("/p/catalogs/deep.yaml", text.ToString(), out _);

            Assert.Equal("HWC118", Assert.Single(result.GeneratorDiagnostics).Id);
        }

        [Fact]
        public void Billion_laughs_is_refused_at_the_first_anchor()
        {
            const string text = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n";
            GeneratorResult result = RunTimed("/p/catalogs/laughs.yaml", text, out _);

            Assert.Equal(new[] { "/p/catalogs/laughs.yaml(1,4): HWC119" }, result.Located);
        }

        [Fact]
        public void Too_many_values_are_refused()
        {
            string text = "kind: gpu\nid: wide\nsources: [" + string.Join(",", Enumerable.Repeat("x", 250_000)) + "]\n";
            GeneratorResult result = RunTimed("/p/catalogs/wide.yaml", text, out TimeSpan elapsed);

            Assert.Equal("HWC118", Assert.Single(result.GeneratorDiagnostics).Id);
            Assert.True(elapsed < TimeSpan.FromSeconds(10), $"took {elapsed}");
        }

        [Fact]
        public void A_file_over_the_size_limit_is_refused_without_parsing()
        {
            string text = "kind: gpu\n# " + new string('x', 1_100_000) + "\n";
            GeneratorResult result = RunTimed("/p/catalogs/big.yaml", text, out _);

            Assert.Equal(new[] { "/p/catalogs/big.yaml(1,1): HWC117" }, result.Located);
        }

        [Fact]
        public void The_size_limit_is_an_msbuild_property()
        {
            var properties = new System.Collections.Generic.Dictionary<string, string> { ["HardwareCatalogMaxFileSize"] = "100" };
            GeneratorResult result = GeneratorHarness.Run(new[] { new CatalogFile("/p/catalogs/a.yaml", Catalogs.Ampere) }, "", properties);

            Assert.Equal("HWC117", Assert.Single(result.GeneratorDiagnostics).Id);
        }

        [Theory]
        [InlineData('\u202E', "202E")] // right-to-left override: "Trojan Source"
        [InlineData('\u2066', "2066")] // left-to-right isolate
        [InlineData('\u200B', "200B")] // zero-width space
        [InlineData('\u2028', "2028")] // line separator, a C# newline
        [InlineData('\u0007', "0007")] // bell
        public void Invisible_and_bidirectional_characters_are_rejected_where_they_are(char c, string code)
        {
            GeneratorResult result = GeneratorHarness.Run("/p/catalogs/a.yaml", Catalogs.Ampere.Replace("name: Test A100", "name: Test" + c + " A100"));

            Assert.Equal(new[] { "/p/catalogs/a.yaml(4,11): HWC120" }, result.Located);
            Assert.Contains("U+" + code, result.GeneratorDiagnostics.Single().GetMessage());
            Assert.DoesNotContain("Gpus.TestA100GB.g.cs", result.HintNames);
        }

        [Fact]
        public void Bytes_that_are_not_utf8_are_reported()
        {
            GeneratorResult result = GeneratorHarness.Run("/p/catalogs/a.yaml", Catalogs.Ampere.Replace("Test A100", "Test \uFFFD A100"));

            Assert.Equal(new[] { "/p/catalogs/a.yaml(4,12): HWC121" }, result.Located);
        }

        [Fact]
        public void A_tab_in_indentation_is_reported_at_the_tab()
        {
            GeneratorResult result = GeneratorHarness.Run("/p/catalogs/a.yaml", Catalogs.Ampere.Replace("  bf16: 312", "\tbf16: 312"));

            Assert.Equal(new[] { "/p/catalogs/a.yaml(10,1): HWC101" }, result.Located);
            Assert.Contains("tab", result.GeneratorDiagnostics.Single().GetMessage());
        }

        [Fact]
        public void A_yamldotnet_scanner_state_error_becomes_a_located_syntax_error()
        {
            // Found by the fuzz test: YamlDotNet throws InvalidOperationException, not YamlException, on this input.
            const string text = "kind: gpu\nid: x\nsources: [ https://exampl\nname: X\ndense:\n  bf16: 1 TFLOP/s\nidentifier: X\n  bf16: 2 TFLOP/s\n";
            GeneratorResult result = GeneratorHarness.Run("/p/catalogs/a.yaml", text);

            // Located at the unclosed "[", the last event the parser produced.
            Assert.Equal(new[] { "/p/catalogs/a.yaml(3,10): HWC101" }, result.Located);
        }

        [Fact]
        public void Tabs_are_fine_whitespace_in_json()
        {
            GeneratorResult result = GeneratorHarness.Run("/p/catalogs/a.json",
                "{\n\t\"kind\": \"gpu\",\n\t\"id\": \"tabbed\",\n\t\"name\": \"T\", \"vendor\": \"V\", \"architecture\": \"Hopper\",\n\t\"sources\": [\"https://example.com\"]\n}\n");

            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Contains("Gpus.Tabbed.g.cs", result.HintNames);
        }

        [Fact]
        public void Invisible_characters_outside_the_basic_plane_are_rejected()
        {
            // U+E0041, a tag character: invisible, and used to smuggle text past reviewers.
            GeneratorResult result = GeneratorHarness.Run("/p/catalogs/a.yaml", Catalogs.Ampere.Replace("name: Test A100", "name: Test\U000E0041 A100"));

            Assert.Equal(new[] { "/p/catalogs/a.yaml(4,11): HWC120" }, result.Located);
            Assert.Contains("U+E0041", result.GeneratorDiagnostics.Single().GetMessage());
        }

        [Fact]
        public void An_unpaired_surrogate_is_an_encoding_error()
        {
            GeneratorResult result = GeneratorHarness.Run("/p/catalogs/a.yaml", Catalogs.Ampere.Replace("name: Test A100", "name: Test\uD800 A100"));

            Assert.Equal(new[] { "/p/catalogs/a.yaml(4,11): HWC121" }, result.Located);
            Assert.Contains("unpaired surrogate, U+D800", result.GeneratorDiagnostics.Single().GetMessage());
        }

        [Fact]
        public void A_chain_of_fifty_thousand_extends_does_not_overflow_the_stack()
        {
            // The resolver alone: compiling 50,000 generated classes would only measure the C# compiler.
            const int links = 50_000, perFile = 5_000;
            var files = new System.Collections.Generic.List<Model.ParsedFile> { Parsing.CatalogParser.Parse("/p/catalogs/root.yaml", Catalogs.Hopper.Replace("id: test-h100", "id: link-0"), isBuiltIn: false) };
            for (int start = 1; start <= links; start += perFile)
            {
                var text = new StringBuilder();
                for (int i = start; i < start + perFile; i++)
                {
                    text.Append("---\nkind: gpu\nid: link-").Append(i).Append("\nextends: link-").Append(i - 1).Append("\nsources: [ s ]\n");
                }

                files.Add(Parsing.CatalogParser.Parse($"/p/catalogs/chain-{start}.yaml", text.ToString(), isBuiltIn: false, maxFileSize: 10_000_000));
            }

            var built = files.Select(Building.EntryBuilder.BuildFile).ToList();
            Model.ResolvedCatalog catalog = Resolving.CatalogResolver.LinkBuildAndResolve(built);

            Assert.Empty(files.SelectMany(f => f.Diagnostics));
            Assert.Empty(built.SelectMany(f => f.Diagnostics));
            Assert.Empty(catalog.Diagnostics);
            Assert.Equal(links + 1, catalog.GpuIndex.Count);
            Assert.Equal("Test H100", catalog.DerivedGpus.Single(g => g.Id == "link-50000").Name);
        }

        [Fact]
        public void A_tab_inside_a_value_is_fine()
        {
            GeneratorResult result = GeneratorHarness.Run("/p/catalogs/a.yaml", Catalogs.Ampere.Replace("name: Test A100", "name: \"Test\tA100\""));

            Assert.Empty(result.GeneratorDiagnostics);
        }

        [Theory]
        [InlineData("")]
        [InlineData("   \n\n")]
        [InlineData("# only a comment\n")]
        [InlineData("---\n---\n")]
        public void An_empty_file_is_a_warning(string text)
        {
            GeneratorResult result = GeneratorHarness.Run("/p/catalogs/empty.yaml", text);

            Assert.Equal(new[] { "/p/catalogs/empty.yaml(1,1): HWC100" }, result.Located);
        }

        [Fact]
        public void Entries_in_any_order_give_identical_output()
        {
            GeneratorResult a = GeneratorHarness.Run("/p/catalogs/all.yaml", Catalogs.Hopper + "\n---\n" + Catalogs.Derived + "\n---\n" + Catalogs.Ampere);
            GeneratorResult b = GeneratorHarness.Run("/p/catalogs/all.yaml", Catalogs.Ampere + "\n---\n" + Catalogs.Derived + "\n---\n" + Catalogs.Hopper);

            Assert.Empty(a.GeneratorDiagnostics);
            Assert.Equal(a.HintNames.OrderBy(h => h, StringComparer.Ordinal), b.HintNames.OrderBy(h => h, StringComparer.Ordinal));
            Assert.All(a.HintNames, hint => Assert.Equal(a.Source(hint), b.Source(hint)));
        }
    }
}
