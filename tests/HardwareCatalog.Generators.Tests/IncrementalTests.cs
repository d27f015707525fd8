using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace HardwareCatalog.Generators.Tests
{
    /// <summary>
    /// The pipeline caches to the file: an unrelated edit regenerates nothing, an edit to one catalog file re-parses
    /// that file and regenerates that entry alone, and no step holds a compiler object.
    /// </summary>
    public class IncrementalTests
    {
        private const int FileCount = 20;

        private static string Gpu(int i, string memory = "80 GB") => $"""
            kind: gpu
            id: gpu-{i}
            name: GPU {i}
            vendor: Example
            architecture: Hopper
            memory: {memory}
            memoryBandwidth: 3 TB/s
            dense:
              bf16: {100 + i} TFLOP/s
            sources: [ https://example.com/{i} ]
            """;

        private static CatalogFile[] Files() => Enumerable.Range(0, FileCount).Select(i => new CatalogFile($"/p/catalogs/gpu-{i}.yaml", Gpu(i))).ToArray();

        [Fact]
        public void An_unrelated_csharp_edit_regenerates_nothing()
        {
            GeneratorDriver driver = GeneratorHarness.Driver(Files());
            CSharpCompilation compilation = GeneratorHarness.Compilation("class A { }");
            driver = driver.RunGenerators(compilation);

            CSharpCompilation edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class B { }", new CSharpParseOptions(LanguageVersion.CSharp12)));
            GeneratorRunResult second = driver.RunGenerators(edited).GetRunResult().Results.Single();

            // Roslyn's own input step for the compilation changes; the step that reads referenced catalogs from it must
            // not, and nothing after it may run again.
            Assert.All(second.TrackedSteps["Compilation"].SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Modified, o.Reason));
            Assert.All(second.TrackedSteps[TrackingNames.Referenced].SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Unchanged, o.Reason));
            AssertAll(second.TrackedSteps.Remove("Compilation"), reason => reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
            AssertAll(second.TrackedOutputSteps, reason => reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
        }

        [Fact]
        public void Editing_one_of_many_files_reparses_it_and_regenerates_its_entry_alone()
        {
            CatalogFile[] files = Files();
            (GeneratorDriver driver, Compilation compilation, AdditionalText[] texts) = Start(files);

            driver = driver.ReplaceAdditionalText(texts[7], GeneratorHarness.Text(files[7].Path, Gpu(7, memory: "96 GB")));
            GeneratorRunResult second = driver.RunGenerators(compilation).GetRunResult().Results.Single();

            var parse = second.TrackedSteps[TrackingNames.ParsedFiles].SelectMany(s => s.Outputs).ToList();
            Assert.Equal(1, parse.Count(o => o.Reason == IncrementalStepRunReason.Modified));
            Assert.Equal(FileCount - 1, parse.Count(o => o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));

            var entries = second.TrackedSteps[TrackingNames.StandaloneGpus].SelectMany(s => s.Outputs).ToList();
            Assert.Equal(1, entries.Count(o => o.Reason == IncrementalStepRunReason.Modified));
            Assert.Equal(FileCount - 1, entries.Count(o => o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));

            Assert.All(second.TrackedSteps[TrackingNames.GpuIndex].SelectMany(s => s.Outputs),
                o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
        }

        private static string Derived(int i, int parent) => $"""
            kind: gpu
            id: derived-{i}
            extends: gpu-{parent}
            name: Derived {i}
            sources: [ https://example.com/derived-{i} ]
            """;

        [Fact]
        public void Editing_an_entry_that_others_extend_rebuilds_those_entries_alone()
        {
            // derived-0 and derived-1 extend gpu-2; derived-2 extends gpu-5.
            CatalogFile[] files = Files()
                .Append(new CatalogFile("/p/catalogs/derived-0.yaml", Derived(0, parent: 2)))
                .Append(new CatalogFile("/p/catalogs/derived-1.yaml", Derived(1, parent: 2)))
                .Append(new CatalogFile("/p/catalogs/derived-2.yaml", Derived(2, parent: 5)))
                .ToArray();
            (GeneratorDriver driver, Compilation compilation, AdditionalText[] texts) = Start(files);

            driver = driver.ReplaceAdditionalText(texts[2], GeneratorHarness.Text(files[2].Path, Gpu(2, memory: "96 GB")));
            GeneratorRunResult second = driver.RunGenerators(compilation).GetRunResult().Results.Single();

            var builds = second.TrackedSteps[TrackingNames.DerivedBuilds].SelectMany(s => s.Outputs).ToList();
            Assert.Equal(2, builds.Count(o => o.Reason == IncrementalStepRunReason.Modified));
            Assert.Equal(1, builds.Count(o => o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));

            // The two derived entries and gpu-2 itself are emitted again; nothing else is.
            var emitted = second.TrackedSteps[TrackingNames.DerivedGpus].SelectMany(s => s.Outputs)
                .Concat(second.TrackedSteps[TrackingNames.StandaloneGpus].SelectMany(s => s.Outputs)).ToList();
            Assert.Equal(3, emitted.Count(o => o.Reason == IncrementalStepRunReason.Modified));
            Assert.Equal(FileCount, emitted.Count(o => o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        }

        [Fact]
        public void Editing_a_standalone_entry_leaves_every_derived_build_cached()
        {
            CatalogFile[] files = Files().Append(new CatalogFile("/p/catalogs/derived-0.yaml", Derived(0, parent: 2))).ToArray();
            (GeneratorDriver driver, Compilation compilation, AdditionalText[] texts) = Start(files);

            driver = driver.ReplaceAdditionalText(texts[9], GeneratorHarness.Text(files[9].Path, Gpu(9, memory: "96 GB")));
            GeneratorRunResult second = driver.RunGenerators(compilation).GetRunResult().Results.Single();

            Assert.All(second.TrackedSteps[TrackingNames.DerivedBuilds].SelectMany(s => s.Outputs),
                o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
        }

        [Theory]
        [InlineData("# a comment at the top shifts every location\n", "")]
        [InlineData("", "\n# a comment at the end\n")]
        public void An_edit_that_changes_nothing_regenerates_nothing(string before, string after)
        {
            CatalogFile[] files = Files();
            (GeneratorDriver driver, Compilation compilation, AdditionalText[] texts) = Start(files);

            driver = driver.ReplaceAdditionalText(texts[3], GeneratorHarness.Text(files[3].Path, before + Gpu(3) + after));
            GeneratorRunResult second = driver.RunGenerators(compilation).GetRunResult().Results.Single();

            AssertAll(second.TrackedOutputSteps, reason => reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
            Assert.All(second.TrackedSteps[TrackingNames.StandaloneGpus].SelectMany(s => s.Outputs),
                o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
        }

        [Fact]
        public void Changing_the_namespace_regenerates_everything()
        {
            CatalogFile[] files = Files();
            GeneratorDriver driver = GeneratorHarness.Driver(files);
            Compilation compilation = GeneratorHarness.Compilation("class A { }");
            driver = driver.RunGenerators(compilation);

            GeneratorDriver renamed = driver.WithUpdatedAnalyzerConfigOptions(GeneratorHarness.Options(files, new Dictionary<string, string> { ["HardwareCatalogNamespace"] = "Acme" }));
            GeneratorRunResult second = renamed.RunGenerators(compilation).GetRunResult().Results.Single();

            Assert.All(second.TrackedSteps[TrackingNames.StandaloneGpus].SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Modified, o.Reason));
            Assert.All(second.GeneratedSources, s => Assert.Contains("namespace Acme", s.SourceText.ToString()));
        }

        [Fact]
        public void No_step_holds_a_compilation_symbol_syntax_or_location()
        {
            var files = Files()
                .Append(new CatalogFile("/p/catalogs/h100.yaml", Catalogs.Hopper))
                .Append(new CatalogFile("/p/catalogs/h800.yaml", Catalogs.Derived))
                .Append(new CatalogFile("/p/catalogs/node.yaml", Catalogs.System))
                .Append(new CatalogFile("/p/catalogs/m.yaml", Catalogs.Mla.Replace("gpu: test-h100", "gpu: gpu-1").Replace("precision: fp8", "precision: bf16")))
                .Append(new CatalogFile("/p/catalogs/shaped.yaml", Catalogs.Shaped))
                .Append(new CatalogFile("/p/catalogs/plan.yaml", Catalogs.Plan))
                .Append(new CatalogFile("/p/catalogs/serving.yaml", Catalogs.Serving)).ToArray();
            GeneratorDriver driver = GeneratorHarness.Driver(files).RunGenerators(GeneratorHarness.Compilation("class A { }"));
            GeneratorRunResult result = driver.GetRunResult().Results.Single();

            var forbidden = new[] { typeof(Compilation), typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Location), typeof(AdditionalText) };
            // Our own steps; Roslyn's "SourceOutput" steps hold the reported diagnostics, which is their job.
            string[] ours = typeof(TrackingNames).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!).ToArray();
            Assert.Equal(ours.OrderBy(n => n), result.TrackedSteps.Keys.Where(k => ours.Contains(k)).OrderBy(n => n));
            foreach (var step in result.TrackedSteps.Where(s => ours.Contains(s.Key)))
            {
                foreach (var (value, _) in step.Value.SelectMany(s => s.Outputs))
                {
                    Walk(value, step.Key, forbidden, new HashSet<object>(ReferenceEqualityComparer.Instance));
                }
            }
        }

        private static void Walk(object? value, string path, Type[] forbidden, HashSet<object> seen)
        {
            if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum) return;
            Type type = value.GetType();
            Assert.False(forbidden.Any(f => f.IsAssignableFrom(type)), $"{path} holds a {type.Name}");
            if (!type.IsValueType && !seen.Add(value)) return;
            if (value is IEnumerable sequence)
            {
                int i = 0;
                foreach (object? item in sequence) Walk(item, $"{path}[{i++}]", forbidden, seen);
                return;
            }

            foreach (FieldInfo field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            {
                Walk(field.GetValue(value), $"{path}.{field.Name}", forbidden, seen);
            }
        }

        private static (GeneratorDriver, Compilation, AdditionalText[]) Start(CatalogFile[] files)
        {
            AdditionalText[] texts = files.Select(f => GeneratorHarness.Text(f.Path, f.Text)).ToArray();
            GeneratorDriver driver = GeneratorHarness.Driver(texts, GeneratorHarness.Options(files));
            Compilation compilation = GeneratorHarness.Compilation("class A { }");
            return (driver.RunGenerators(compilation), compilation, texts);
        }

        private static void AssertAll(ImmutableDictionary<string, ImmutableArray<IncrementalGeneratorRunStep>> steps, Func<IncrementalStepRunReason, bool> ok)
        {
            foreach (var step in steps)
            {
                foreach (var output in step.Value.SelectMany(s => s.Outputs))
                {
                    Assert.True(ok(output.Reason), $"{step.Key}: {output.Reason}");
                }
            }
        }
    }
}
