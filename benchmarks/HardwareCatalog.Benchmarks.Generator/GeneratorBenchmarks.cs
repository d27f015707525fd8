using System.Collections.Generic;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using HardwareCatalog.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using YamlDotNet.RepresentationModel;

namespace HardwareCatalog.Benchmarks.Generator
{
    /// <summary>
    /// A full generator run over N catalog files against its floor, YamlDotNet parsing the same texts and nothing else,
    /// in the same run. N = 0 stands for the built-in catalog (24 GPU and 14 model files).
    /// </summary>
    [MemoryDiagnoser]
    public class FullRunBenchmarks
    {
        private IReadOnlyList<(string Path, string Text)> _inputs = null!;
        private List<AdditionalText> _texts = null!;
        private CSharpCompilation _compilation = null!;

        [Params(0, 300, 3000)]
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
        public int GeneratorFullRun()
        {
            GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { new CatalogGenerator().AsSourceGenerator() }, _texts,
                optionsProvider: CatalogInputs.Options());
            return driver.RunGenerators(_compilation).GetRunResult().GeneratedTrees.Length;
        }
    }

    /// <summary>The run after editing one of 3,000 files, against a full run over the same files.</summary>
    [MemoryDiagnoser]
    public class IncrementalBenchmarks
    {
        private const int Files = 3000;
        private List<AdditionalText> _texts = null!;
        private CSharpCompilation _compilation = null!;
        private GeneratorDriver _driver = null!;
        private AdditionalText _current = null!;
        private AdditionalText _a = null!;
        private AdditionalText _b = null!;

        [GlobalSetup]
        public void Setup()
        {
            var inputs = CatalogInputs.Make(Files);
            _texts = inputs.Select(i => CatalogInputs.Text(i.Path, i.Text)).ToList();
            _compilation = CSharpCompilation.Create("Bench", new[] { CSharpSyntaxTree.ParseText("class A { }") },
                new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) });
            _driver = CSharpGeneratorDriver.Create(new[] { new CatalogGenerator().AsSourceGenerator() }, _texts,
                optionsProvider: CatalogInputs.Options()).RunGenerators(_compilation);
            _a = _texts[1234];
            _b = CatalogInputs.Text(_a.Path, CatalogInputs.Gpu(1234, "96 GB"));
            _current = _a;
        }

        [Benchmark(Baseline = true, Description = "full run, 3,000 files")]
        public int FullRun()
        {
            GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { new CatalogGenerator().AsSourceGenerator() }, _texts,
                optionsProvider: CatalogInputs.Options());
            return driver.RunGenerators(_compilation).GetRunResult().GeneratedTrees.Length;
        }

        [Benchmark(Description = "incremental run after editing one of 3,000 files")]
        public int OneFileEdited()
        {
            AdditionalText next = ReferenceEquals(_current, _a) ? _b : _a;
            _driver = _driver.ReplaceAdditionalText(_current, next).RunGenerators(_compilation);
            _current = next;
            return _driver.GetRunResult().GeneratedTrees.Length;
        }
    }
}
