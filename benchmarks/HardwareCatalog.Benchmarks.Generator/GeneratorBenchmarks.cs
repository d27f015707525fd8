using System.Collections.Generic;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using HardwareCatalog.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace HardwareCatalog.Benchmarks.Generator
{
    /// <summary>
    /// A full generator run over the built-ins plus N user catalog files against its floor, YamlDotNet parsing the same
    /// texts and nothing else, in the same run. N = 0 is the built-in catalog alone (24 GPU and 14 model files).
    /// </summary>
    [MemoryDiagnoser]
    public class FullRunBenchmarks
    {
        private IReadOnlyList<(string Path, string Text)> _inputs = null!;
        private List<AdditionalText> _texts = null!;
        private CSharpCompilation _compilation = null!;

        [Params(0, 300, 1000, 3000)]
        public int Files { get; set; }

        [GlobalSetup]
        public void Setup()
        {
            _inputs = CatalogInputs.Make(Files);
            _texts = _inputs.Select(i => CatalogInputs.Text(i.Path, i.Text)).ToList();
            _compilation = CSharpCompilation.Create("Bench", new[] { CSharpSyntaxTree.ParseText("class A { }") },
                new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) });
        }

        [Benchmark(Baseline = true, Description = "floor: YamlDotNet YamlStream.Load of the same texts")]
        public int YamlDotNetParseOnly()
        {
            int documents = 0;
            foreach (var (_, text) in _inputs)
            {
                var stream = new YamlStream();
                stream.Load(new StringReader(text));
                documents += stream.Documents.Count;
            }

            return documents;
        }

        [Benchmark(Description = "generator: full run (parse, resolve, emit)")]
        public int GeneratorFullRun() => Run(CatalogInputs.Options());

        [Benchmark(Description = "generator: full run, index only (HardwareCatalogTypedMembers=false)")]
        public int GeneratorIndexOnlyRun() => Run(CatalogInputs.IndexOnlyOptions());

        private int Run(AnalyzerConfigOptionsProvider options)
        {
            GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { new CatalogGenerator().AsSourceGenerator() }, _texts, optionsProvider: options);
            GeneratorDriverRunResult result = driver.RunGenerators(_compilation).GetRunResult();
            if (result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error)) throw new System.InvalidOperationException(result.Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error).ToString());
            return result.GeneratedTrees.Length;
        }
    }

    /// <summary>
    /// The run after editing one file of 3,000 user files plus the built-ins, against a full run over the same files:
    /// an edit to a standalone entry, and an edit to a built-in entry that user entries extend.
    /// </summary>
    [MemoryDiagnoser]
    public class IncrementalBenchmarks
    {
        private const int Files = 3000;
        private List<AdditionalText> _texts = null!;
        private CSharpCompilation _compilation = null!;
        private AnalyzerConfigOptionsProvider _options = null!;
        private GeneratorDriver _driver = null!;
        private Edit _standalone = null!;
        private Edit _extended = null!;

        [GlobalSetup]
        public void Setup()
        {
            var inputs = CatalogInputs.Make(Files);
            _texts = inputs.Select(i => CatalogInputs.Text(i.Path, i.Text)).ToList();
            _options = CatalogInputs.Options();
            _compilation = CSharpCompilation.Create("Bench", new[] { CSharpSyntaxTree.ParseText("class A { }") },
                new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) });
            _driver = CSharpGeneratorDriver.Create(new[] { new CatalogGenerator().AsSourceGenerator() }, _texts, optionsProvider: _options).RunGenerators(_compilation);

            // User file 1233 is a standalone copy (1233 % 5 != 4); h100-sxm is extended by every fifth user file that copies it.
            var gpus = CatalogInputs.BuiltInGpus(inputs);
            AdditionalText user = _texts.Single(t => t.Path == "/bench/catalogs/user-1233.yaml");
            _standalone = new Edit(user, CatalogInputs.Text(user.Path, CatalogInputs.User(1233, gpus, memory: "96 GB")));
            AdditionalText h100 = _texts.Single(t => t.Path == CatalogInputs.BuiltInPrefix + "gpus/h100-sxm.yaml");
            string h100Text = h100.GetText()!.ToString();
            _extended = new Edit(h100, CatalogInputs.Text(h100.Path, h100Text.Replace("tdp: 700 W", "tdp: 701 W")));
            if (ReferenceEquals(h100Text, _extended.B.GetText()!.ToString()) || !h100Text.Contains("tdp: 700 W")) throw new System.InvalidOperationException("the h100-sxm edit changes nothing");
        }

        [Benchmark(Baseline = true, Description = "full run, 3,000 user files + built-ins")]
        public int FullRun()
        {
            GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { new CatalogGenerator().AsSourceGenerator() }, _texts, optionsProvider: _options);
            return driver.RunGenerators(_compilation).GetRunResult().GeneratedTrees.Length;
        }

        [Benchmark(Description = "run after editing a standalone user entry")]
        public int StandaloneEdited() => Run(_standalone);

        [Benchmark(Description = "run after editing a built-in entry that user entries extend")]
        public int ExtendedEdited() => Run(_extended);

        private int Run(Edit edit)
        {
            (AdditionalText from, AdditionalText to) = edit.Flip();
            _driver = _driver.ReplaceAdditionalText(from, to).RunGenerators(_compilation);
            return _driver.GetRunResult().GeneratedTrees.Length;
        }

        /// <summary>Two versions of one file; each run swaps in the other, so every run sees a real edit.</summary>
        private sealed class Edit
        {
            private bool _atB;

            public Edit(AdditionalText a, AdditionalText b)
            {
                A = a;
                B = b;
            }

            public AdditionalText A { get; }

            public AdditionalText B { get; }

            public (AdditionalText From, AdditionalText To) Flip()
            {
                _atB = !_atB;
                return _atB ? (A, B) : (B, A);
            }
        }
    }
}
