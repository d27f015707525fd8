using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using BenchmarkDotNet.Attributes;
using HardwareCatalog.Generators.Building;
using HardwareCatalog.Generators.Emitting;
using HardwareCatalog.Generators.Model;
using HardwareCatalog.Generators.Parsing;
using HardwareCatalog.Generators.Resolving;

namespace HardwareCatalog.Benchmarks.Generator
{
    /// <summary>Where a full run's time goes, phase by phase, over 3,000 files: what to optimize, measured.</summary>
    [MemoryDiagnoser]
    public class PhaseBenchmarks
    {
        private IReadOnlyList<(string Path, string Text)> _inputs = null!;
        private ImmutableArray<ParsedFile> _parsed;
        private ImmutableArray<BuiltFile> _built;

        [GlobalSetup]
        public void Setup()
        {
            _inputs = CatalogInputs.Make(3000);
            _parsed = _inputs.Select(i => CatalogParser.Parse(i.Path, i.Text, isBuiltIn: false)).ToImmutableArray();
            _built = _parsed.Select(EntryBuilder.BuildFile).ToImmutableArray();
        }

        [Benchmark(Description = "parse: guard, events, schema and unit checks")]
        public int Parse() => _inputs.Sum(i => CatalogParser.Parse(i.Path, i.Text, isBuiltIn: false).Entries.Count);

        [Benchmark(Description = "build: entries that extend nothing")]
        public int Build() => _parsed.Sum(f => EntryBuilder.BuildFile(f).Entries.Count);

        [Benchmark(Description = "resolve: ids, extends, names, references")]
        public int Resolve() => CatalogResolver.LinkBuildAndResolve(_built).GpuIndex.Count;

        [Benchmark(Description = "emit: C# text for every entry")]
        public int Emit() => _built.SelectMany(f => f.Entries).Where(e => e.Gpu is not null).Sum(e => AcceleratorEmitter.Emit(e.Gpu!, CatalogOptions.Default).Length);
    }
}
