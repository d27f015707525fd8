using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace HardwareCatalog.Benchmarks.Generator
{
    /// <summary>Catalog texts for the benchmarks: the built-in files, or N synthetic GPU files.</summary>
    internal static class CatalogInputs
    {
        public static IReadOnlyList<(string Path, string Text)> Make(int count)
        {
            if (count <= 0)
            {
                string directory = typeof(CatalogInputs).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "CatalogDirectory").Value!;
                return Directory.GetFiles(directory, "*.yaml", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal)
                    .Select(p => (p, File.ReadAllText(p))).ToList();
            }

            return Enumerable.Range(0, count).Select(i => ($"/bench/catalogs/gpu-{i}.yaml", Gpu(i, "80 GB"))).ToList();
        }

        public static string Gpu(int i, string memory) => $"""
            kind: gpu
            id: bench-gpu-{i}
            name: Benchmark GPU {i}
            vendor: Example
            architecture: Hopper
            released: 2024
            formFactor: SXM
            memory: {memory}
            memoryBandwidth: 3.35 TB/s
            tdp: 700 W
            interconnect:
              nvlink: 900 GB/s
              pcie: 128 GB/s
            dense:
              fp64: 34 TFLOP/s
              tf32: 494.7 TFLOP/s
              bf16: 989.4 TFLOP/s
              fp16: 989.4 TFLOP/s
              fp8: 1978.9 TFLOP/s
              int8: 1978.9 TOPS
            sparsity: "2:4"
            notes: A synthetic entry shaped like the H100 SXM.
            sources:
              - https://example.com/{i}
            """;

        public static AdditionalText Text(string path, string text) => new InMemoryText(path, text);

        public static AnalyzerConfigOptionsProvider Options() => new CatalogOptions();

        private sealed class InMemoryText : AdditionalText
        {
            private readonly SourceText _text;

            public InMemoryText(string path, string text)
            {
                Path = path;
                _text = SourceText.From(text);
            }

            public override string Path { get; }

            public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
        }

        /// <summary>Tags every file as a user catalog file, as the package's build props do.</summary>
        private sealed class CatalogOptions : AnalyzerConfigOptionsProvider
        {
            private static readonly AnalyzerConfigOptions Empty = new Values(ImmutableDictionary<string, string>.Empty);
            private static readonly AnalyzerConfigOptions Tagged = new Values(ImmutableDictionary<string, string>.Empty.Add("build_metadata.AdditionalFiles.HardwareCatalogFile", "user"));

            public override AnalyzerConfigOptions GlobalOptions => Empty;

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Tagged;

            private sealed class Values : AnalyzerConfigOptions
            {
                private readonly ImmutableDictionary<string, string> _values;

                public Values(ImmutableDictionary<string, string> values) => _values = values;

                public override bool TryGetValue(string key, out string value)
                {
                    bool found = _values.TryGetValue(key, out string? v);
                    value = v ?? "";
                    return found;
                }
            }
        }
    }
}
