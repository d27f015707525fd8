using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace HardwareCatalog.Generators.Tests
{
    /// <summary>
    /// The emitted code compiled on each C# version the package claims (netstandard2.0 and .NET Framework projects
    /// default to C# 7.3), then loaded and run: identity of base and typed instances, values, and which entry types the
    /// first access to <c>All</c> initializes.
    /// </summary>
    public class EmittedCodeTests
    {
        private static readonly CatalogFile[] Files =
        {
            new("/p/catalogs/h100.yaml", Catalogs.Hopper),
            new("/p/catalogs/h800.yaml", Catalogs.Derived),
            new("/p/catalogs/a100.yaml", Catalogs.Ampere),
            new("/p/catalogs/mla.yaml", Catalogs.Mla),
            new("/p/catalogs/bare.yaml", """
                kind: gpu
                id: bare
                name: A part with nothing published but its name
                vendor: Example
                architecture: Hopper
                sources: [ https://example.com/bare ]
                """),
        };

        /// <summary>
        /// Consumer code in C# 7.3: it uses the typed members and checks identity. A static constructor in a partial part
        /// of each entry type records when that type is initialized.
        /// </summary>
        private const string Consumer = """
            using System.Collections.Generic;
            using System.Linq;
            using HardwareCatalog;

            public static class Probe
            {
                public static readonly List<string> Initialized = new List<string>();

                public static int FirstAccess() { return Gpus.All.Count + Models.All.Count; }

                public static string[] Check()
                {
                    var failures = new List<string>();
                    void Expect(bool condition, string what) { if (!condition) failures.Add(what); }

                    Accelerator found = Gpus.Find("test-h100");
                    Expect(found == Gpus.TestH100, "Find == typed");
                    Expect(Gpus.TestH100 == found, "typed == Find");
                    Expect(!(found != Gpus.TestH100), "!=");
                    Expect(found.Equals(Gpus.TestH100) && Gpus.TestH100.Equals((object)found), "Equals");
                    Expect(found.GetHashCode() == Gpus.TestH100.GetHashCode(), "GetHashCode");
                    Expect(Gpus.All.Contains(Gpus.TestH100), "All.Contains(typed)");
                    Expect(Gpus.All.ToList().IndexOf(Gpus.TestH100) == Gpus.All.ToList().IndexOf(found), "IndexOf");
                    Expect(!ReferenceEquals(found, Gpus.TestH100), "base and typed are distinct objects");
                    Expect(ReferenceEquals(found, Gpus.All.Single(g => g.Id == "test-h100")), "Find and All share one instance");
                    Expect(ReferenceEquals(Gpus.TestH100, Gpus.TestH100), "the typed instance is one object");
                    Expect(found != Gpus.TestH800 && !found.Equals(Gpus.TestH800), "another id is not equal");
                    Expect(found != null && !(found == null), "null");
                    Expect(new HashSet<Accelerator>(Gpus.All).Contains(Gpus.TestH800), "hash set");
                    Expect(Gpus.Find("no-such-gpu") == null, "unknown id");

                    // Catalog values (Catalogs.Hopper): 80 GB, 3.35 TB/s, 700 W, dense fp8 1978.9 TFLOP/s, sparsity 2:4.
                    Expect(Gpus.TestH100.Memory.Bytes == 80e9 && found.Memory.Value.Bytes == 80e9, "memory");
                    Expect(Gpus.TestH100.MemoryBandwidth.BytesPerSecond == 3.35e12, "bandwidth");
                    Expect(Gpus.TestH100.Tdp.Watts == 700, "tdp");
                    Expect(Gpus.TestH100.Dense.Fp8.FlopsPerSecond == 1978.9e12, "dense fp8");
                    Expect(Gpus.TestH100.Sparse.Fp8.FlopsPerSecond == 2 * 1978.9e12, "sparse fp8 (2:4 doubles dense)");
                    Expect(found.Peak(Precision.Fp8).FlopsPerSecond == Gpus.TestH100.Dense.Fp8.FlopsPerSecond, "Peak == Dense");
                    Expect(Gpus.TestH800.Interconnect.NvLink.Value.BytesPerSecond == 400e9 && Gpus.TestH800.Dense.Bf16.FlopsPerSecond == 989.4e12, "derived entry");
                    Expect(Gpus.TestA100GB.Sparse.Bf16.FlopsPerSecond == 624e12 && !Gpus.TestA100GB.Supports(Precision.Fp8), "a100");
                    Expect(Gpus.Bare.Memory == null && Gpus.Bare.SupportedPrecisions.Count == 0, "bare");

                    ModelSpec model = Models.Find("test-mla");
                    Expect(model == Models.TestMla && Models.All.Contains(Models.TestMla) && !ReferenceEquals(model, Models.TestMla), "model identity");
                    Expect(model.GetHashCode() == Models.TestMla.GetHashCode(), "model hash");
                    Expect(model.Training.Gpu == Gpus.TestH100, "base model's run: the base gpu, equal to the typed one");
                    Expect(ReferenceEquals(model.Training.Gpu, Gpus.Find("test-h100")), "base model's run: the shared base instance");
                    Expect(ReferenceEquals(Models.TestMla.Training.Gpu, Gpus.TestH100), "typed model's run: the typed gpu");
                    Expect(Models.TestMla.Training.Gpu.Dense.Fp8.FlopsPerSecond == 1978.9e12, "typed run, typed peak");
                    Expect(Models.TestMla.ActiveParameters.Count == 37e9 && model.Attention.KvLoraRank == 512 && model.Moe.RoutedExperts == 256, "model values");
                    return failures.ToArray();
                }
            }

            namespace HardwareCatalog.Accelerators
            {
                partial class TestH100 { static TestH100() { Probe.Initialized.Add("TestH100"); } }
                partial class TestH800 { static TestH800() { Probe.Initialized.Add("TestH800"); } }
                partial class TestA100GB { static TestA100GB() { Probe.Initialized.Add("TestA100GB"); } }
                partial class Bare { static Bare() { Probe.Initialized.Add("Bare"); } }
            }

            namespace HardwareCatalog.LanguageModels
            {
                partial class TestMla { static TestMla() { Probe.Initialized.Add("TestMla"); } }
            }
            """;

        public static TheoryData<LanguageVersion> Versions => new() { LanguageVersion.CSharp7_3, LanguageVersion.CSharp8, LanguageVersion.Latest };

        [Theory]
        [MemberData(nameof(Versions))]
        public void Emitted_code_compiles_without_diagnostics_on_each_language_version(LanguageVersion version)
        {
            (Compilation output, ImmutableArray<Diagnostic> generatorDiagnostics) = Generate(version);

            Assert.Empty(generatorDiagnostics);
            // No error anywhere; no warning or information in generated code (the consumer's own nullable warnings on C# 8+
            // are its business: it is written to compile on C# 7.3).
            Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error
                || (d.Severity != DiagnosticSeverity.Hidden && d.Location.SourceTree?.FilePath != "Consumer.cs")));
            string index = output.SyntaxTrees.Single(t => t.FilePath.EndsWith("Gpus.g.cs", StringComparison.Ordinal)).ToString();
            Assert.Equal(version >= LanguageVersion.CSharp8, index.Contains("#nullable enable"));
        }

        [Theory]
        [MemberData(nameof(Versions))]
        public void All_and_Find_use_base_instances_equal_to_the_typed_entries(LanguageVersion version)
        {
            (Compilation output, _) = Generate(version);
            var context = new AssemblyLoadContext("EmittedCode", isCollectible: true);
            try
            {
                using var image = new MemoryStream();
                Assert.True(output.Emit(image).Success);
                image.Position = 0;
                Type probe = context.LoadFromStream(image).GetType("Probe", throwOnError: true)!;
                var initialized = (List<string>)probe.GetField("Initialized")!.GetValue(null)!;

                int count = (int)probe.GetMethod("FirstAccess")!.Invoke(null, null)!;

                // Four accelerator files and one model file.
                Assert.Equal(4 + 1, count);
                Assert.Empty(initialized);

                var failures = (string[])probe.GetMethod("Check")!.Invoke(null, null)!;
                Assert.Empty(failures);

                // Check touched every typed entry, and so initialized them.
                Assert.Equal(new[] { "Bare", "TestA100GB", "TestH100", "TestH800", "TestMla" }, initialized.OrderBy(n => n, StringComparer.Ordinal));
            }
            finally
            {
                context.Unload();
            }
        }

        [Fact]
        public void An_entry_without_sparse_or_dense_peaks_gets_no_such_member()
        {
            (Compilation output, _) = Generate(LanguageVersion.Latest);
            string bare = output.SyntaxTrees.Single(t => t.FilePath.EndsWith("Gpus.Bare.g.cs", StringComparison.Ordinal)).ToString();
            string a100 = output.SyntaxTrees.Single(t => t.FilePath.EndsWith("Gpus.TestA100GB.g.cs", StringComparison.Ordinal)).ToString();

            Assert.DoesNotContain("Dense", bare);
            Assert.DoesNotContain("Sparse", bare);
            Assert.DoesNotContain("_U.", bare);
            Assert.Contains("public SparsePeaks Sparse", a100);

            // And code that asks for them does not compile.
            CSharpCompilation use = (CSharpCompilation)output.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
                "class Use { object a = HardwareCatalog.Gpus.Bare.Dense; object b = HardwareCatalog.Gpus.Bare.Sparse; }",
                (CSharpParseOptions)output.SyntaxTrees.First().Options));
            Assert.Equal(new[] { "CS1061", "CS1061" }, use.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id));
        }

        private static (Compilation Output, ImmutableArray<Diagnostic> Diagnostics) Generate(LanguageVersion version)
        {
            var parseOptions = new CSharpParseOptions(version);
            CSharpCompilation compilation = CSharpCompilation.Create(
                "Consumer" + version,
                new[] { CSharpSyntaxTree.ParseText(Consumer, parseOptions, path: "Consumer.cs") },
                References(),
                new CSharpCompilationOptions(
                    OutputKind.DynamicallyLinkedLibrary,
                    nullableContextOptions: version >= LanguageVersion.CSharp8 ? NullableContextOptions.Enable : NullableContextOptions.Disable));
            var driver = CSharpGeneratorDriver.Create(
                new[] { new CatalogGenerator().AsSourceGenerator() },
                Files.Select(f => GeneratorHarness.Text(f.Path, f.Text)),
                parseOptions,
                GeneratorHarness.Options(Files));
            driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
            return (output, diagnostics);
        }

        private static IEnumerable<MetadataReference> References()
        {
            string trusted = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
            return trusted.Split(Path.PathSeparator)
                .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
                .Append(MetadataReference.CreateFromFile(typeof(Accelerator).Assembly.Location));
        }
    }
}
