using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace HardwareCatalog.Generators.Tests
{
    /// <summary>
    /// Catalogs across compilations: a library with a public catalog marks its assembly, and a project that references it
    /// builds on that catalog (no second copy of its entries, its ids and names taken, its entries extendable) instead of
    /// generating the same entries again.
    /// </summary>
    public class ComposedCatalogTests
    {
        private static readonly Dictionary<string, string> s_public = new() { ["HardwareCatalogVisibility"] = "public" };

        private const string AcmeX1 = """
            kind: gpu
            id: acme-x1
            extends: test-h100
            name: Acme X1
            memory: 96 GB
            sources: [ https://example.com/acme ]
            """;

        private static CatalogFile BuiltIn() => new("/pkg/catalogs/gpus/test-h100.yaml", Catalogs.Hopper, "builtin");

        /// <summary>Generates and compiles a library, and hands it on as a reference.</summary>
        private static MetadataReference Library(string name, IEnumerable<CatalogFile> files, IReadOnlyDictionary<string, string> properties)
        {
            GeneratorResult result = GeneratorHarness.Run(files, "", properties);
            Assert.Empty(result.GeneratorDiagnostics);
            var compilation = (CSharpCompilation)result.Output;
            using var stream = new MemoryStream();
            var emit = compilation.WithAssemblyName(name).Emit(stream);
            Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
            return MetadataReference.CreateFromImage(stream.ToArray());
        }

        private static (GeneratorDriverRunResult Run, ImmutableArray<Diagnostic> Generator, ImmutableArray<Diagnostic> Compilation) Consumer(
            IEnumerable<CatalogFile> files, IEnumerable<MetadataReference> references, string source, IReadOnlyDictionary<string, string>? properties = null)
        {
            GeneratorDriver driver = GeneratorHarness.Driver(files, properties);
            CSharpCompilation compilation = GeneratorHarness.Compilation(source).AddReferences(references);
            driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);
            GeneratorDriverRunResult run = driver.GetRunResult();
            return (run, generatorDiagnostics.Concat(run.Diagnostics).Distinct().ToImmutableArray(),
                output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray());
        }

        [Fact]
        public void A_project_with_no_catalog_of_its_own_uses_the_referenced_public_catalog_as_it_is()
        {
            MetadataReference library = Library("Acme.Catalog", new[] { BuiltIn(), new CatalogFile("/a/catalogs/acme.yaml", AcmeX1) }, s_public);

            // The consumer gets the package's built-ins too (the analyzers and build props flow to it).
            var (run, generator, compilation) = Consumer(new[] { BuiltIn() }, new[] { library }, """
                class Use
                {
                    HardwareCatalog.Units.DataSize memory = HardwareCatalog.Gpus.AcmeX1.Memory;
                    HardwareCatalog.Units.FlopRate fp8 = HardwareCatalog.Gpus.TestH100.Dense.Fp8;
                    int count = HardwareCatalog.Gpus.All.Count;
                }
                """);

            Assert.Empty(generator);
            Assert.Empty(run.Results.Single().GeneratedSources); // nothing generated twice, no index hiding the library's
            Assert.Empty(compilation);
        }

        [Fact]
        public void A_project_extends_a_referenced_entry_and_its_index_covers_both_catalogs()
        {
            MetadataReference library = Library("Acme.Catalog", new[] { BuiltIn(), new CatalogFile("/a/catalogs/acme.yaml", AcmeX1) }, s_public);
            const string acmeY2 = """
                kind: gpu
                id: acme-y2
                extends: acme-x1
                name: Acme Y2
                tdp: 800 W
                sources: [ https://example.com/acme-y2 ]
                """;

            var (run, generator, compilation) = Consumer(new[] { BuiltIn(), new CatalogFile("/b/catalogs/y2.yaml", acmeY2) }, new[] { library }, """
                class Use
                {
                    // 96 GB from acme-x1 (in the library), 700 W replaced by 800 W, FP8 from test-h100 (a built-in of the library).
                    HardwareCatalog.Units.DataSize memory = Team.Hardware.Gpus.AcmeY2.Memory;
                    HardwareCatalog.Units.Power tdp = Team.Hardware.Gpus.AcmeY2.Tdp;
                    HardwareCatalog.Units.FlopRate fp8 = Team.Hardware.Gpus.AcmeY2.Dense.Fp8;
                    HardwareCatalog.Accelerator? x1 = Team.Hardware.Gpus.Find("acme-x1");
                    HardwareCatalog.Accelerators.AcmeX1 typed = Team.Hardware.Gpus.AcmeX1;
                    int count = Team.Hardware.Gpus.All.Count;
                }
                """, new Dictionary<string, string> { ["HardwareCatalogNamespace"] = "Team.Hardware" });

            Assert.Empty(generator);
            Assert.Empty(compilation);
            Assert.Equal(new[] { "Gpus.AcmeY2.g.cs", "Gpus.g.cs", "Models.g.cs", "Systems.g.cs" }, run.Results.Single().GeneratedSources.Select(s => s.HintName).OrderBy(h => h, System.StringComparer.Ordinal));
            string index = run.Results.Single().GeneratedSources.Single(s => s.HintName == "Gpus.g.cs").SourceText.ToString();
            Assert.Contains("case \"acme-x1\": return global::HardwareCatalog.Accelerators.AcmeX1.Instance;", index);
            Assert.Contains("case \"test-h100\": return global::HardwareCatalog.Accelerators.TestH100.Instance;", index);
            Assert.Contains("case \"acme-y2\": return _AcmeY2;", index);

            // The inherited values keep their provenance across the assembly boundary: test-h100's, acme-x1's, its own.
            string y2 = run.Results.Single().GeneratedSources.Single(s => s.HintName == "Gpus.AcmeY2.g.cs").SourceText.ToString();
            Assert.Contains("new[] { \"https://example.com/h100-datasheet.pdf\", \"https://example.com/acme\", \"https://example.com/acme-y2\" }", y2);
        }

        [Fact]
        public async System.Threading.Tasks.Task In_the_same_namespace_the_project_classes_hide_the_referenced_ones_without_a_warning()
        {
            MetadataReference library = Library("Acme.Catalog", new[] { BuiltIn(), new CatalogFile("/a/catalogs/acme.yaml", AcmeX1) }, s_public);
            string y2 = AcmeX1.Replace("id: acme-x1", "id: acme-y2").Replace("extends: test-h100", "extends: acme-x1").Replace("name: Acme X1", "name: Acme Y2");

            GeneratorDriver driver = GeneratorHarness.Driver(new[] { BuiltIn(), new CatalogFile("/b/catalogs/y2.yaml", y2) });
            CSharpCompilation compilation = GeneratorHarness.Compilation("""
                class Use
                {
                    HardwareCatalog.Units.DataSize x1 = HardwareCatalog.Gpus.AcmeX1.Memory;
                    HardwareCatalog.Units.DataSize y2 = HardwareCatalog.Gpus.AcmeY2.Memory;
                    int count = HardwareCatalog.Gpus.All.Count;
                }
                """).AddReferences(library);
            driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);

            // Without the suppressor the project's Gpus hides the library's: CS0436 at every use.
            Diagnostic[] plain = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray();
            Assert.NotEmpty(plain);
            Assert.All(plain, d => Assert.Equal("CS0436", d.Id));

            var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null,
                concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: true);
            ImmutableArray<Diagnostic> analyzed = await output.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new Analyzers.CatalogShadowingSuppressor()), options)
                .GetAllDiagnosticsAsync();
            Assert.Empty(analyzed.Where(d => d.Severity >= DiagnosticSeverity.Warning && !d.IsSuppressed));
            Assert.Equal(plain.Length, analyzed.Count(d => d.Id == "CS0436" && d.IsSuppressed));
        }

        [Fact]
        public void An_id_the_referenced_catalog_already_has_is_a_duplicate_located_in_the_project()
        {
            MetadataReference library = Library("Acme.Catalog", new[] { BuiltIn(), new CatalogFile("/a/catalogs/acme.yaml", AcmeX1) }, s_public);

            var (_, generator, _) = Consumer(new[] { BuiltIn(), new CatalogFile("/b/catalogs/x1.yaml", AcmeX1.Replace("name: Acme X1", "name: Another X1")) }, new[] { library }, "");

            Diagnostic duplicate = Assert.Single(generator);
            Assert.Equal("HWC106", duplicate.Id);
            Assert.Equal("/b/catalogs/x1.yaml", duplicate.Location.GetLineSpan().Path);
            Assert.Equal(1, duplicate.Location.GetLineSpan().StartLinePosition.Line); // line 2: 'id: acme-x1'
            Assert.Contains("the referenced assembly 'Acme.Catalog'", duplicate.GetMessage());
        }

        [Fact]
        public void Two_referenced_catalogs_with_the_same_entries_get_one_diagnostic()
        {
            MetadataReference first = Library("Acme.First", new[] { BuiltIn() }, s_public);
            MetadataReference second = Library("Acme.Second", new[] { BuiltIn() }, s_public);

            var (_, generator, _) = Consumer(new[] { BuiltIn() }, new[] { first, second }, "");

            Diagnostic diamond = Assert.Single(generator);
            Assert.Equal("HWC123", diamond.Id);
            Assert.Contains("'Acme.First' and 'Acme.Second' both carry a generated public catalog, and both carry 1 of the same ids (such as 'test-h100')", diamond.GetMessage());
        }

        [Fact]
        public void A_referenced_assembly_cannot_inject_code_through_its_catalog_metadata()
        {
            // Metadata comes from someone else's assembly: a namespace that is not one must not reach the generated code.
            CSharpCompilation hostile = GeneratorHarness.Compilation("""
                [assembly: HardwareCatalog.GeneratedCatalog("Evil { class Injected { } } namespace X", "0.1.0.0")]
                [assembly: HardwareCatalog.GeneratedCatalogEntry("gpu", "evil-x", "EvilX", false, new[] { "kind", "gpu", "id", "evil-x", "name", "Evil", "vendor", "V", "architecture", "A", "sources", "https://example.com" })]
                """).WithAssemblyName("Hostile");
            using var stream = new MemoryStream();
            Assert.True(hostile.Emit(stream).Success);

            var (run, generator, compilation) = Consumer(new[] { BuiltIn() }, new[] { MetadataReference.CreateFromImage(stream.ToArray()) }, "");

            Diagnostic rejected = Assert.Single(generator);
            Assert.Equal("HWC107", rejected.Id);
            Assert.Contains("'Hostile'", rejected.GetMessage());
            Assert.DoesNotContain(run.Results.Single().GeneratedSources, s => s.SourceText.ToString().Contains("Injected", System.StringComparison.Ordinal));
            Assert.Contains("Gpus.TestH100.g.cs", run.Results.Single().GeneratedSources.Select(s => s.HintName));
            Assert.Empty(compilation);
        }

        [Fact]
        public void An_internal_catalog_stays_private_and_the_project_builds_its_own()
        {
            MetadataReference library = Library("Acme.Internal", new[] { BuiltIn(), new CatalogFile("/a/catalogs/acme.yaml", AcmeX1) }, new Dictionary<string, string>());

            var (run, generator, compilation) = Consumer(new[] { BuiltIn() }, new[] { library }, """
                class Use
                {
                    HardwareCatalog.Units.FlopRate fp8 = HardwareCatalog.Gpus.TestH100.Dense.Fp8;
                }
                """);

            Assert.Empty(generator);
            Assert.Empty(compilation);
            Assert.Contains("Gpus.TestH100.g.cs", run.Results.Single().GeneratedSources.Select(s => s.HintName));
        }

        [Fact]
        public void A_reference_that_does_not_change_leaves_the_pipeline_cached()
        {
            MetadataReference library = Library("Acme.Catalog", new[] { BuiltIn(), new CatalogFile("/a/catalogs/acme.yaml", AcmeX1) }, s_public);
            CatalogFile[] files = { BuiltIn(), new CatalogFile("/b/catalogs/y2.yaml", AcmeX1.Replace("id: acme-x1", "id: acme-y2").Replace("extends: test-h100", "extends: acme-x1")) };
            var properties = new Dictionary<string, string> { ["HardwareCatalogNamespace"] = "Team.Hardware" };
            GeneratorDriver driver = GeneratorHarness.Driver(files, properties);
            CSharpCompilation compilation = GeneratorHarness.Compilation("class A { }").AddReferences(library);
            driver = driver.RunGenerators(compilation);

            CSharpCompilation edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class B { }", new CSharpParseOptions(LanguageVersion.CSharp12)));
            GeneratorRunResult second = driver.RunGenerators(edited).GetRunResult().Results.Single();

            Assert.All(second.TrackedSteps[TrackingNames.Referenced].SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Unchanged, o.Reason));
            Assert.All(second.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
                o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
        }
    }
}
