using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Xunit;

namespace HardwareCatalog.Generators.Tests
{
    public class GeneratorTests
    {
        private static readonly CatalogFile[] HopperAndDerived =
        {
            new("/p/catalogs/h100.yaml", Catalogs.Hopper),
            new("/p/catalogs/h800.yaml", Catalogs.Derived),
        };

        [Fact]
        public void Generates_a_typed_member_per_supported_precision_and_the_code_compiles()
        {
            GeneratorResult result = GeneratorHarness.Run(HopperAndDerived, """
                using HardwareCatalog;
                using HardwareCatalog.Units;
                class Use
                {
                    FlopRate a = Gpus.TestH100.Dense.Fp8;
                    FlopRate b = Gpus.TestH800.Sparse.Bf16;
                    DataSize m = Gpus.TestH800.Memory;
                    Accelerator? c = Gpus.Find("test-h800");
                }
                """);

            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Empty(result.CompilationDiagnostics);
            Assert.Equal(new[] { "Gpus.TestH100.g.cs", "Gpus.TestH800.g.cs", "Gpus.g.cs", "Models.g.cs", "Systems.g.cs" }, result.HintNames.OrderBy(n => n, System.StringComparer.Ordinal));
        }

        [Fact]
        public void A_precision_the_entry_lacks_has_no_member()
        {
            GeneratorResult result = GeneratorHarness.Run(new[] { new CatalogFile("/p/catalogs/a100.yaml", Catalogs.Ampere) }, """
                class Use { object a = HardwareCatalog.Gpus.TestA100GB.Dense.Fp8; }
                """);

            Diagnostic error = Assert.Single(result.CompilationDiagnostics);
            Assert.Equal("CS1061", error.Id);
            Assert.Contains("Fp8", error.GetMessage());
        }

        [Fact]
        public void Extends_inherits_values_and_overrides_what_differs()
        {
            GeneratorResult result = GeneratorHarness.Run(HopperAndDerived);
            string derived = result.Source("Gpus.TestH800.g.cs");

            // memory, bandwidth and tdp inherited, released inherited
            Assert.Contains("80000000000d, 3350000000000d, 700d, 2022,", derived);
            // nvlink overridden (400 GB/s), pcie inherited
            Assert.Contains("400000000000d, 128000000000d, double.NaN, double.NaN, double.NaN,", derived);
            // dense peaks inherited: fp64, bf16, fp8, int8
            Assert.Contains("34000000000000d, double.NaN, double.NaN, double.NaN, 989400000000000d, double.NaN, 1978900000000000d, double.NaN, double.NaN, 1978900000000000d, double.NaN,", derived);
            // Inherited values keep their provenance: the parent's sources come first, then the entry's own.
            // Notes describe the entry they are written in, so they are not inherited (null, before the sources).
            Assert.Contains("\"SXM\", null, new[] { \"https://example.com/h100-datasheet.pdf\", \"https://example.com/h800.pdf\" }", derived);
        }

        [Fact]
        public void Sparsity_two_four_doubles_the_tensor_precisions_only()
        {
            GeneratorResult result = GeneratorHarness.Run(HopperAndDerived);
            string source = result.Source("Gpus.TestH100.g.cs");

            Assert.Contains("Sparse = new[] { _HC.Precision.Bf16, _HC.Precision.Fp8, _HC.Precision.Int8 }", source);
            // The sparse row of the values (fp64 fp64Tensor fp32 tf32 bf16 fp16 fp8 fp6 fp4 int8 int4): 2 × dense for bf16, fp8, int8.
            Assert.Contains("double.NaN, double.NaN, double.NaN, double.NaN, 1978800000000000d, double.NaN, 3957800000000000d, double.NaN, double.NaN, 3957800000000000d, double.NaN,", source);
            string sparsePeaks = source.Substring(source.IndexOf("public readonly struct SparsePeaks"));
            Assert.Contains("public _U.FlopRate Fp8 => Instance.PeakSparse(_HC.Precision.Fp8);", sparsePeaks);
            Assert.Contains("INT8 2:4 sparse peak: 3957.8 TOPS (twice the dense peak).", sparsePeaks);
            Assert.DoesNotContain("Fp64", sparsePeaks);
        }

        [Fact]
        public void Json_files_work_as_one_object_or_an_array()
        {
            const string single = """{ "kind": "gpu", "id": "json-one", "name": "One", "vendor": "V", "architecture": "Hopper", "dense": { "bf16": "100 TFLOP/s" }, "sources": ["https://example.com/1"] }""";
            const string array = """[ { "kind": "gpu", "id": "json-two", "extends": "json-one", "name": "Two", "memory": "96 GB", "sources": ["https://example.com/2"] } ]""";
            GeneratorResult result = GeneratorHarness.Run(new[] { new CatalogFile("/p/catalogs/one.json", single), new CatalogFile("/p/catalogs/two.json", array) },
                "class Use { HardwareCatalog.Units.FlopRate r = HardwareCatalog.Gpus.JsonTwo.Dense.Bf16; HardwareCatalog.Units.DataSize m = HardwareCatalog.Gpus.JsonTwo.Memory; }");

            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Empty(result.CompilationDiagnostics);
        }

        [Fact]
        public void Several_entries_in_one_yaml_file_are_separated_by_document_markers()
        {
            GeneratorResult result = GeneratorHarness.Run("/p/catalogs/both.yaml", Catalogs.Hopper + "\n---\n" + Catalogs.Derived + "\n---\n");

            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Contains("Gpus.TestH800.g.cs", result.HintNames);
        }

        [Theory]
        [InlineData("h100-sxm", "H100Sxm")]
        [InlineData("llama-3.1-405b", "Llama3_1_405b")]
        [InlineData("h800-sxm", "H800Sxm")]
        [InlineData("tpu-v5p", "TpuV5p")]
        [InlineData("a.b-c", "ABC")]
        [InlineData("9000-turbo", "9000Turbo")]
        public void Ids_map_to_identifiers_by_the_dsl_rule(string id, string identifier)
            => Assert.Equal(identifier, Building.Identifiers.ToIdentifier(id));

        [Fact]
        public void Namespace_and_visibility_follow_the_msbuild_properties()
        {
            var properties = new Dictionary<string, string> { ["HardwareCatalogNamespace"] = "Acme.Hardware", ["HardwareCatalogVisibility"] = "public" };
            GeneratorResult result = GeneratorHarness.Run(HopperAndDerived, "class Use { object o = Acme.Hardware.Gpus.TestH100.Dense.Bf16; }", properties);

            Assert.Empty(result.CompilationDiagnostics);
            Assert.Contains("public static partial class Gpus", result.Source("Gpus.g.cs"));
            Assert.Contains("namespace Acme.Hardware.Accelerators", result.Source("Gpus.TestH100.g.cs"));
        }

        [Fact]
        public void Typed_members_can_be_switched_off_for_an_index_only_catalog()
        {
            // HopperAndDerived, a model and a node: every kind of entry, with the index only.
            CatalogFile[] files = HopperAndDerived.Append(new CatalogFile("/p/catalogs/node.yaml", Catalogs.System)).Append(new CatalogFile("/p/catalogs/model.yaml", Catalogs.Shaped)).ToArray();
            var properties = new Dictionary<string, string> { ["HardwareCatalogTypedMembers"] = "false" };

            GeneratorResult result = GeneratorHarness.Run(files, """
                using HardwareCatalog;
                class Use
                {
                    Accelerator? a = Gpus.Find("test-h800");
                    ModelSpec? m = Models.Find("test-shaped");
                    AcceleratorSystem? s = Systems.Find("test-node");
                    int n = Gpus.All.Count + Models.All.Count + Systems.All.Count;
                }
                """, properties);

            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Empty(result.CompilationDiagnostics);
            foreach ((string hint, string typedNamespace, string index) in new[]
            {
                ("Gpus.TestH100.g.cs", "HardwareCatalog.Accelerators", "_TestH100 = _HC.Accelerator.Create("),
                ("Gpus.TestH800.g.cs", "HardwareCatalog.Accelerators", "_TestH800 = _HC.Accelerator.Create("),
                ("Models.TestShaped.g.cs", "HardwareCatalog.LanguageModels", "_TestShaped = _HC.ModelSpec.Create("),
                ("Systems.TestNode.g.cs", "HardwareCatalog.AcceleratorSystems", "_TestNode = _HC.AcceleratorSystem.Create("),
            })
            {
                Assert.DoesNotContain("namespace " + typedNamespace, result.Source(hint));
                Assert.Contains(index, result.Source(hint));
            }

            // With the typed members off, a typed member does not compile; with the default, the same code does.
            const string typedUse = "class Use { object o = HardwareCatalog.Gpus.TestH100.Dense.Bf16; }";
            Assert.Contains(GeneratorHarness.Run(files, typedUse, properties).CompilationDiagnostics, d => d.Id == "CS0117");
            Assert.Empty(GeneratorHarness.Run(files, typedUse).CompilationDiagnostics);
        }

        [Fact]
        public void A_public_catalog_keeps_its_typed_members()
        {
            // Referencing catalogs build their typed members on a public catalog's: switching them off is refused (HWC112).
            var properties = new Dictionary<string, string> { ["HardwareCatalogVisibility"] = "public", ["HardwareCatalogTypedMembers"] = "false" };
            GeneratorResult result = GeneratorHarness.Run(HopperAndDerived, "class Use { object o = HardwareCatalog.Gpus.TestH100.Dense.Bf16; }", properties);

            Diagnostic refused = Assert.Single(result.GeneratorDiagnostics);
            Assert.Equal("HWC112", refused.Id);
            Assert.Contains("HardwareCatalogTypedMembers", refused.GetMessage(), System.StringComparison.Ordinal);
            Assert.Empty(result.CompilationDiagnostics);
        }

        [Fact]
        public void Built_in_entries_can_be_switched_off()
        {
            var files = new[] { new CatalogFile("/pkg/catalogs/gpus/h100.yaml", Catalogs.Hopper, "builtin"), new CatalogFile("/p/catalogs/a100.yaml", Catalogs.Ampere) };
            var properties = new Dictionary<string, string> { ["HardwareCatalogIncludeBuiltIns"] = "false" };

            GeneratorResult result = GeneratorHarness.Run(files, "", properties);

            Assert.Equal(new[] { "Gpus.TestA100GB.g.cs", "Gpus.g.cs", "Models.g.cs", "Systems.g.cs" }, result.HintNames.OrderBy(n => n, System.StringComparer.Ordinal));
        }

        [Fact]
        public void Files_without_the_catalog_metadata_are_ignored()
        {
            var files = new[] { new CatalogFile("/p/stylecop.json", "{ \"settings\": {} }", Kind: ""), new CatalogFile("/p/catalogs/a100.yaml", Catalogs.Ampere) };

            GeneratorResult result = GeneratorHarness.Run(files);

            Assert.Empty(result.GeneratorDiagnostics);
        }

        [Fact]
        public void Output_is_identical_whatever_the_order_of_files_and_path_separators()
        {
            var forward = new[] { new CatalogFile("/p/catalogs/h100.yaml", Catalogs.Hopper), new CatalogFile("/p/catalogs/h800.yaml", Catalogs.Derived), new CatalogFile("/p/catalogs/a100.yaml", Catalogs.Ampere) };
            var backward = forward.Reverse().Select(f => f with { Path = f.Path.Replace('/', '\\') }).ToArray();

            GeneratorResult a = GeneratorHarness.Run(forward);
            GeneratorResult b = GeneratorHarness.Run(backward);

            foreach (string hint in a.HintNames)
            {
                Assert.Equal(a.Source(hint), b.Source(hint));
            }

            Assert.Equal(a.HintNames.OrderBy(h => h), b.HintNames.OrderBy(h => h));
        }

        [Fact]
        public void Catalog_strings_cannot_inject_code_and_come_back_unchanged_at_run_time()
        {
            const string evilName = "Evil\"; } } namespace Pwn { class X { */ </summary> \\u0022 \\";
            string catalog = $$"""
                kind: gpu
                id: evil
                name: '{{evilName.Replace("'", "''")}}'
                vendor: "<b>&amp;</b>"
                architecture: "line\nbreak"
                notes: "*/ </remarks> /// <summary>"
                dense:
                  bf16: 1 TFLOP/s
                sources: [ "https://example.com/?a=1&b=<2>" ]
                """;

            GeneratorResult result = GeneratorHarness.Run("/p/catalogs/evil.yaml", catalog);

            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Empty(result.CompilationDiagnostics);
            Assert.DoesNotContain(result.Output.SyntaxTrees.SelectMany(t => t.GetRoot().DescendantNodes()), n => n is Microsoft.CodeAnalysis.CSharp.Syntax.BaseNamespaceDeclarationSyntax ns && ns.Name.ToString() == "Pwn");

            using var stream = new MemoryStream();
            Assert.True(result.Output.Emit(stream).Success);
            Assembly assembly = Assembly.Load(stream.ToArray());
            var gpu = (Accelerator)assembly.GetType("HardwareCatalog.Accelerators.Evil")!.GetField("Instance")!.GetValue(null)!;
            Assert.Equal(evilName, gpu.Name);
            Assert.Equal("<b>&amp;</b>", gpu.Vendor);
            Assert.Equal("line\nbreak", gpu.Architecture);
        }
    }
}
