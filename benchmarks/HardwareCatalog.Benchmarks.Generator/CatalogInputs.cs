using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace HardwareCatalog.Benchmarks.Generator
{
    /// <summary>
    /// Catalog texts for the benchmarks: the built-in files, plus N user files shaped as a team's catalog would be:
    /// four in five a standalone copy of a built-in GPU under a new id, one in five a short entry that extends a
    /// built-in GPU. N = 0 is the built-in catalog alone.
    /// </summary>
    internal static class CatalogInputs
    {
        public const string BuiltInPrefix = "/bench/builtin/";

        private static readonly Regex s_id = new("^id: .*$", RegexOptions.Multiline);
        private static readonly Regex s_identifier = new("^identifier: .*\\n", RegexOptions.Multiline);

        public static IReadOnlyList<(string Path, string Text)> Make(int userFiles)
        {
            string directory = typeof(CatalogInputs).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "CatalogDirectory").Value!;
            var builtIns = Directory.GetFiles(directory, "*.yaml", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal)
                .Select(p => (Path: BuiltInPrefix + System.IO.Path.GetRelativePath(directory, p).Replace('\\', '/'), Text: File.ReadAllText(p).Replace("\r\n", "\n")))
                .ToList();
            var gpus = builtIns.Where(b => b.Path.Contains("/gpus/", StringComparison.Ordinal)).ToList();
            var inputs = new List<(string Path, string Text)>(builtIns);
            for (int i = 0; i < userFiles; i++)
            {
                inputs.Add(($"/bench/catalogs/user-{i}.yaml", User(i, gpus, memory: null)));
            }

            return inputs;
        }

        /// <summary>User file <paramref name="i"/>; <paramref name="memory"/> changes one value, for the edit benchmarks.</summary>
        public static string User(int i, IReadOnlyList<(string Path, string Text)> builtInGpus, string? memory)
        {
            var (_, text) = builtInGpus[i % builtInGpus.Count];
            if (i % 5 == 4)
            {
                string parent = s_id.Match(text).Value.Substring("id: ".Length).Trim();
                return $"kind: gpu\nid: user-{i}\nextends: {parent}\nname: User GPU {i}\nmemory: {memory ?? "96 GB"}\nsources:\n  - https://example.com/{i}\n";
            }

            string copy = s_identifier.Replace(s_id.Replace(text, $"id: user-{i}", 1), "");
            return memory is null ? copy : Regex.Replace(copy, "^memory: .*$", "memory: " + memory, RegexOptions.Multiline);
        }

        /// <summary>The built-in GPU files, for <see cref="User"/>.</summary>
        public static IReadOnlyList<(string Path, string Text)> BuiltInGpus(IEnumerable<(string Path, string Text)> inputs)
            => inputs.Where(i => i.Path.StartsWith(BuiltInPrefix + "gpus/", StringComparison.Ordinal)).ToList();

        public static AdditionalText Text(string path, string text) => new InMemoryText(path, text);

        public static AnalyzerConfigOptionsProvider Options() => new CatalogOptions(Empty);

        /// <summary>The same files with the MSBuild property HardwareCatalogTypedMembers=false: the index only.</summary>
        public static AnalyzerConfigOptionsProvider IndexOnlyOptions()
            => new CatalogOptions(new Values(ImmutableDictionary<string, string>.Empty.Add("build_property.HardwareCatalogTypedMembers", "false")));

        private static readonly AnalyzerConfigOptions Empty = new Values(ImmutableDictionary<string, string>.Empty);

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

        /// <summary>Tags every file as a user or built-in catalog file, as the package's build props do, with the given MSBuild properties.</summary>
        private sealed class CatalogOptions : AnalyzerConfigOptionsProvider
        {
            private static readonly AnalyzerConfigOptions User = new Values(ImmutableDictionary<string, string>.Empty.Add("build_metadata.AdditionalFiles.HardwareCatalogFile", "user"));
            private static readonly AnalyzerConfigOptions BuiltIn = new Values(ImmutableDictionary<string, string>.Empty.Add("build_metadata.AdditionalFiles.HardwareCatalogFile", "builtin"));

            private readonly AnalyzerConfigOptions _global;

            public CatalogOptions(AnalyzerConfigOptions global) => _global = global;

            public override AnalyzerConfigOptions GlobalOptions => _global;

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => textFile.Path.StartsWith(BuiltInPrefix, StringComparison.Ordinal) ? BuiltIn : User;
        }

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
