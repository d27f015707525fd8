using System.Linq;
using Xunit;

namespace HardwareCatalog.Generators.Tests
{
    /// <summary>
    /// The generator rules that make some properties of the built-in catalog hold by construction (no FP8 before Hopper,
    /// no FP6/FP4 before Blackwell, a vendor and sources on every entry). A test over the built-in catalog cannot fail on
    /// these, since the build fails first; so each rule is fed the offending text here and its diagnostic is asserted
    /// with file, line and column.
    /// </summary>
    public class CatalogRuleTests
    {
        private static GeneratorResult RunWithHopper(string path, string text)
            => GeneratorHarness.Run(new[] { new CatalogFile("/p/catalogs/h100.yaml", Catalogs.Hopper), new CatalogFile(path, text) });

        private static string AmpereWith(string densePeak)
            => Catalogs.Ampere.Replace("  bf16: 312 TFLOP/s\nsparse:", "  bf16: 312 TFLOP/s\n" + densePeak + "\nsparse:");

        [Fact]
        public void Fp6_on_hopper_is_impossible()
        {
            GeneratorResult result = GeneratorHarness.Run("/p/catalogs/h.yaml", Catalogs.Hopper.Replace("  fp8: 1978.9 TFLOP/s", "  fp8: 1978.9 TFLOP/s\n  fp6: 1978.9 TFLOP/s"));

            Assert.Equal(new[] { "/p/catalogs/h.yaml(18,8): HWC114" }, result.Located);
            Assert.Contains("'test-h100' cannot have FP6: its architecture is Hopper, and FP6 tensor cores first shipped with Blackwell", result.GeneratorDiagnostics.Single().GetMessage());
            Assert.DoesNotContain("Gpus.TestH100.g.cs", result.HintNames);
        }

        [Fact]
        public void Fp8_in_the_sparse_table_of_ampere_is_impossible_too()
        {
            GeneratorResult result = GeneratorHarness.Run("/p/catalogs/a.yaml", Catalogs.Ampere.Replace("  bf16: 624 TFLOP/s", "  bf16: 624 TFLOP/s\n  fp8: 1248 TFLOP/s"));

            Assert.Equal(new[] { "/p/catalogs/a.yaml(13,8): HWC114" }, result.Located);
            Assert.Contains("cannot have FP8: its architecture is Ampere", result.GeneratorDiagnostics.Single().GetMessage());
        }

        [Theory]
        [InlineData("ampere")]
        [InlineData("AMPERE")]
        [InlineData("\" Ampere \"")]
        public void The_architecture_is_matched_ignoring_case_and_surrounding_spaces(string architecture)
        {
            GeneratorResult result = GeneratorHarness.Run("/p/catalogs/a.yaml", AmpereWith("  fp8: 624 TFLOP/s").Replace("architecture: Ampere", "architecture: " + architecture));

            Assert.Equal(new[] { "/p/catalogs/a.yaml(11,8): HWC114" }, result.Located);
        }

        [Theory]
        [InlineData("Volta", "  fp8: 1 TFLOP/s", "FP8")]
        [InlineData("Turing", "  fp4: 1 TFLOP/s", "FP4")]
        [InlineData("Ada Lovelace", "  fp4: 1 TFLOP/s", "FP4")]
        [InlineData("Hopper", "  fp4: 1 TFLOP/s", "FP4")]
        public void Every_pre_blackwell_architecture_rejects_what_it_lacks(string architecture, string peak, string precision)
        {
            GeneratorResult result = GeneratorHarness.Run("/p/catalogs/a.yaml", AmpereWith(peak).Replace("architecture: Ampere", "architecture: " + architecture));

            Assert.Equal(new[] { "/p/catalogs/a.yaml(11,8): HWC114" }, result.Located);
            Assert.Contains($"cannot have {precision}: its architecture is {architecture}", result.GeneratorDiagnostics.Single().GetMessage());
        }

        [Theory]
        [InlineData("Ada Lovelace", "  fp8: 1 TFLOP/s")]
        [InlineData("Hopper", "  fp8: 1 TFLOP/s")]
        [InlineData("Blackwell", "  fp4: 1 TFLOP/s")]
        [InlineData("Blackwell", "  fp6: 1 TFLOP/s")]
        public void What_an_architecture_has_is_accepted(string architecture, string peak)
        {
            GeneratorResult result = GeneratorHarness.Run("/p/catalogs/a.yaml", AmpereWith(peak).Replace("architecture: Ampere", "architecture: " + architecture));

            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Contains("Gpus.TestA100GB.g.cs", result.HintNames);
        }

        [Fact]
        public void An_entry_derived_from_an_ampere_part_cannot_add_fp8()
        {
            string derived = "kind: gpu\nid: test-a800\nextends: test-a100\nname: Test A800\ndense:\n  fp8: 624 TFLOP/s\nsources: [ https://example.com/a800.pdf ]\n";
            GeneratorResult result = GeneratorHarness.Run(new[] { new CatalogFile("/p/catalogs/a100.yaml", Catalogs.Ampere), new CatalogFile("/p/catalogs/a800.yaml", derived) });

            Assert.Equal(new[] { "/p/catalogs/a800.yaml(6,8): HWC114" }, result.Located);
            Assert.Contains("'test-a800' cannot have FP8: its architecture is Ampere", result.GeneratorDiagnostics.Single().GetMessage());
        }

        [Fact]
        public void Fp8_on_ampere_is_located_in_a_json_file()
        {
            const string json = "{\n  \"kind\": \"gpu\", \"id\": \"json-a100\", \"name\": \"A100\", \"vendor\": \"NVIDIA\", \"architecture\": \"Ampere\",\n  \"dense\": { \"bf16\": \"312 TFLOP/s\", \"fp8\": \"624 TFLOP/s\" },\n  \"sources\": [\"https://example.com/a100.pdf\"]\n}";
            GeneratorResult result = GeneratorHarness.Run("/p/catalogs/a.json", json);

            Assert.Equal(new[] { "/p/catalogs/a.json(3,44): HWC114" }, result.Located);
        }

        [Fact]
        public void A_gpu_without_a_vendor_is_missing_a_key()
        {
            GeneratorResult result = GeneratorHarness.Run("/p/catalogs/a.yaml", Catalogs.Ampere.Replace("vendor: NVIDIA\n", ""));

            Assert.Equal(new[] { "/p/catalogs/a.yaml(1,1): HWC102" }, result.Located);
            Assert.Contains("has no 'vendor'", result.GeneratorDiagnostics.Single().GetMessage());
            Assert.DoesNotContain("Gpus.TestA100GB.g.cs", result.HintNames);
        }

        [Fact]
        public void A_vendor_of_spaces_is_empty()
        {
            GeneratorResult result = GeneratorHarness.Run("/p/catalogs/a.yaml", Catalogs.Ampere.Replace("vendor: NVIDIA", "vendor: \"   \""));

            Assert.Equal(new[] { "/p/catalogs/a.yaml(5,9): HWC105" }, result.Located);
            Assert.Contains("'vendor' must be a non-empty string", result.GeneratorDiagnostics.Single().GetMessage());
        }

        [Fact]
        public void A_model_without_sources_is_missing_a_key()
        {
            GeneratorResult result = RunWithHopper("/p/catalogs/m.yaml", Catalogs.Mla.Replace("sources: [ https://example.com/paper ]", ""));

            Assert.Equal(new[] { "/p/catalogs/m.yaml(1,1): HWC102" }, result.Located);
            Assert.Contains("has no 'sources'", result.GeneratorDiagnostics.Single().GetMessage());
            Assert.DoesNotContain("Models.TestMla.g.cs", result.HintNames);
        }

        [Fact]
        public void A_model_with_an_empty_source_list_is_wrong()
        {
            GeneratorResult result = RunWithHopper("/p/catalogs/m.yaml", Catalogs.Mla.Replace("sources: [ https://example.com/paper ]", "sources: []"));

            Assert.Equal(new[] { "/p/catalogs/m.yaml(26,10): HWC105" }, result.Located);
            Assert.Contains("'sources' must be a list of at least one string", result.GeneratorDiagnostics.Single().GetMessage());
            Assert.DoesNotContain("Models.TestMla.g.cs", result.HintNames);
        }

        [Fact]
        public void An_empty_source_is_reported_at_the_item()
        {
            GeneratorResult result = RunWithHopper("/p/catalogs/m.yaml", Catalogs.Mla.Replace("sources: [ https://example.com/paper ]", "sources: [ \"\" ]"));

            Assert.Contains("/p/catalogs/m.yaml(26,12): HWC105", result.Located);
            Assert.Contains(result.GeneratorDiagnostics, d => d.GetMessage().Contains("'sources' must be a list of strings, but is a list containing ''"));
            Assert.DoesNotContain("Models.TestMla.g.cs", result.HintNames);
        }

        [Fact]
        public void A_link_written_in_bits_per_second_is_stored_in_bytes()
        {
            // 400 Gb/s Ethernet per device is 50 GB/s; the catalog keeps the text as written for the docs.
            GeneratorResult result = GeneratorHarness.Run("/p/catalogs/h.yaml", Catalogs.Hopper.Replace("  pcie: 128 GB/s", "  ethernet: 400 Gb/s"), """
                class Use
                {
                    double ethernet = HardwareCatalog.Gpus.TestH100.Interconnect.Ethernet!.Value.BytesPerSecond;
                }
                """);

            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Empty(result.CompilationDiagnostics);
            // 400e9 bits per second / 8 = 5e10 bytes per second, the one number the generated entry writes for the link.
            string source = result.RunResult.Results.Single().GeneratedSources.Single(s => s.HintName == "Gpus.TestH100.g.cs").SourceText.ToString();
            Assert.Contains((400e9 / 8).ToString("R", System.Globalization.CultureInfo.InvariantCulture) + "d", source);
            Assert.Contains("ethernet 400 Gb/s", source);
        }
    }
}
