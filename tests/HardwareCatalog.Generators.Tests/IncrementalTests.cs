using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace HardwareCatalog.Generators.Tests
{
    /// <summary>The pipeline caches: unrelated edits regenerate nothing.</summary>
    public class IncrementalTests
    {
        [Fact]
        public void An_unrelated_csharp_edit_regenerates_nothing()
        {
            var files = new[] { new CatalogFile("/p/catalogs/h100.yaml", Catalogs.Hopper), new CatalogFile("/p/catalogs/a100.yaml", Catalogs.Ampere) };
            GeneratorDriver driver = GeneratorHarness.Driver(files);
            CSharpCompilation compilation = GeneratorHarness.Compilation("class A { }");
            driver = driver.RunGenerators(compilation);

            CSharpCompilation edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class B { }", new CSharpParseOptions(LanguageVersion.CSharp12)));
            GeneratorRunResult second = driver.RunGenerators(edited).GetRunResult().Results.Single();

            foreach (KeyValuePair<string, System.Collections.Immutable.ImmutableArray<IncrementalGeneratorRunStep>> step in second.TrackedSteps)
            {
                foreach (IncrementalGeneratorRunStep run in step.Value)
                {
                    Assert.All(run.Outputs, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step.Key}: {o.Reason}"));
                }
            }

            Assert.All(second.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(r => r.Outputs),
                o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
        }
    }
}
