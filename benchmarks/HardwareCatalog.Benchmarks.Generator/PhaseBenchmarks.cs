using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using BenchmarkDotNet.Attributes;
using HardwareCatalog.Generators.Emitting;
using HardwareCatalog.Generators.Model;
using HardwareCatalog.Generators.Parsing;

namespace HardwareCatalog.Benchmarks.Generator
{
    /// <summary>Where a full run's time goes, phase by phase, over 3,000 files: what to optimize, measured.</summary>
    [MemoryDiagnoser]
    public class PhaseBenchmarks
    {
        private IReadOnlyList<(string Path, string Text)> _inputs = null!;
        private ImmutableArray<ParsedFile> _parsed;

        [GlobalSetup]
        public void Setup()
        {
            _inputs = CatalogInputs.Make(3000);
            _parsed = _inputs.Select(i => CatalogParser.Parse(i.Path, i.Text, isBuiltIn: false)).ToImmutableArray();
        }

        [Benchmark(Description = "parse: guard, events, schema check, standalone build")]
        public int Parse() => _inputs.Sum(i => CatalogParser.Parse(i.Path, i.Text, isBuiltIn: false).Entries.Count);

        [Benchmark(Description = "resolve: ids, extends, identifiers, models")]
        public int Resolve() => CatalogResolver.Resolve(_parsed, CatalogOptions.Default).GpuIndex.Count;

        [Benchmark(Description = "emit: C# text for every entry")]
        public int Emit() => _parsed.SelectMany(f => f.Entries).Sum(e => AcceleratorEmitter.Emit(e.Standalone!.Model!, CatalogOptions.Default).Length);
    }
}
