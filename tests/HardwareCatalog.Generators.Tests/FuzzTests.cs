using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace HardwareCatalog.Generators.Tests
{
    /// <summary>
    /// Mutates valid catalog files (byte flips, truncations, deleted, duplicated and swapped lines, swapped keys and
    /// units, hostile numbers) with a fixed seed. For every case: no exception escapes the generator, every diagnostic
    /// is located in a catalog file, whatever is generated compiles, and a file that generates nothing says why.
    /// HARDWARECATALOG_FUZZ_CASES raises the number of cases (default 2,000); HARDWARECATALOG_FUZZ_SEED changes the seed.
    /// </summary>
    public class FuzzTests
    {
        private static readonly string[] Units = { "TFLOP/s", "TOPS", "GB", "GiB", "TB/s", "GB/s", "Gb/s", "MiB", "W", "kW", "B", "T", "", "PFLOP/s", "h" };
        private static readonly string[] Keys = { "kind", "id", "name", "vendor", "architecture", "memory", "memoryBandwidth", "tdp", "dense", "sparse", "sparsity", "extends", "identifier", "sources", "fp8", "bf16", "parameters", "attention", "training", "gpu", "precision", "heads", "kvHeads", "moe",
            "usableMemory", "measured", "matmul", "stack", "value", "source", "secondary", "gpusPerNode", "scaleUp", "scaleOut", "link", "domain", "direction",
            "ffnHiddenSize", "activation", "tiedEmbeddings", "qLoraRank", "vHeadDim", "slidingWindow", "localLayers", "globalLayers",
            "expertFfnHiddenSize", "denseLayers", "layerInterval", "swiglu", "gelu", "true",
            "training", "model", "system", "gpus", "tensor", "pipeline", "virtualStages", "data", "expert", "context", "sequenceParallel", "microBatch",
            "globalBatch", "sequenceLength", "recipe", "stateLayout", "zero", "recomputation", "activationStorage", "computeEfficiency", "networkEfficiency",
            "overlapDataParallel", "bf16-mixed", "fp8-deepseek-v3", "selective", "full", "deepseek-v3", "test-node", "test-shaped", "0.5",
            "serving", "replicas", "redundantExperts", "weightFormat", "kvCache", "concurrency", "inputTokens", "outputTokens", "prefixHitRate",
            "draftTokens", "acceptance", "prefillChunk", "bandwidthEfficiency", "nvfp4", "int4-g128", "mxfp4", "contextWindow" };
        private static readonly string[] Numbers = { "-1", "0", "1e999", "NaN", ".inf", "99999999999999999999", "1e-320", "0x10", "1,000", "3.3.3" };
        private static readonly char[] Characters = { ':', '-', '[', ']', '{', '}', '"', '\'', '#', '&', '*', '!', '|', '>', '\t', '\n', ' ', ',', '%', '@', '`', '\u202E', '\uFFFD', '\0', 'x', '9' };

        private readonly ITestOutputHelper _output;

        public FuzzTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public void Mutated_catalog_files_never_crash_and_always_explain_themselves()
        {
            int cases = int.TryParse(Environment.GetEnvironmentVariable("HARDWARECATALOG_FUZZ_CASES"), out int n) && n > 0 ? n : 2000;
            int seed = int.TryParse(Environment.GetEnvironmentVariable("HARDWARECATALOG_FUZZ_SEED"), out int s) ? s : 20261125;
            string[] corpus = Corpus();
            var failures = new ConcurrentQueue<string>();

            Parallel.For(0, cases, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
            {
                var random = new Random(unchecked(seed * 31 + i));
                string original = corpus[random.Next(corpus.Length)];
                string mutated = Mutate(original, random);
                string path = random.Next(4) == 0 ? "/p/catalogs/fuzz.json" : "/p/catalogs/fuzz.yaml";
                string problem = Check(path, mutated);
                if (problem.Length > 0)
                {
                    failures.Enqueue($"case {i} (seed {seed}): {problem}\n--- input ---\n{mutated}\n-------------");
                }
            });

            _output.WriteLine($"{cases} cases, seed {seed}, {failures.Count} failures");
            Assert.True(failures.IsEmpty, string.Join("\n\n", failures.Take(3)));
        }

        /// <summary>Runs the mutated file beside an untouched base file (so 'extends' and 'gpu' references can resolve).</summary>
        private static string Check(string path, string text)
        {
            var files = new[] { new CatalogFile("/p/catalogs/base.yaml", Catalogs.Hopper), new CatalogFile(path, text) };
            GeneratorResult result;
            try
            {
                result = GeneratorHarness.Run(files);
            }
            catch (Exception exception)
            {
                return "the driver threw " + exception;
            }

            GeneratorRunResult run = result.RunResult.Results.Single();
            if (run.Exception is not null) return "the generator threw " + run.Exception;
            if (result.GeneratorDiagnostics.Any(d => d.Id is "HWC199" or "CS8785")) return "internal error: " + string.Join("; ", result.GeneratorDiagnostics);

            foreach (Diagnostic diagnostic in result.GeneratorDiagnostics.Where(d => d.Id != "HWC112"))
            {
                if (!diagnostic.Id.StartsWith("HWC", StringComparison.Ordinal)) return "unexpected diagnostic " + diagnostic;
                string? file = diagnostic.Location.GetLineSpan().Path;
                if (file != path && file != "/p/catalogs/base.yaml") return "diagnostic without a catalog location: " + diagnostic;
            }

            Diagnostic[] errors = result.CompilationDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
            if (errors.Length > 0) return "generated code does not compile: " + string.Join("; ", errors.Take(3));

            // The base file alone generates TestH100 plus the two index files.
            bool generatedFromMutated = result.HintNames.Count() > 3;
            // A diagnostic at the base file explains it too: the mutated entry took the base entry's name (HWC108, HWC122).
            bool explained = result.GeneratorDiagnostics.Any(d => d.Location.GetLineSpan().Path is { } file && (file == path || file == "/p/catalogs/base.yaml"));
            if (!generatedFromMutated && !explained) return "the file generated nothing and no diagnostic says why";
            return "";
        }

        private static string[] Corpus()
        {
            string catalogs = Path.Combine(DiagnosticTests.RepositoryRoot(), "catalogs");
            return Directory.GetFiles(catalogs, "*.yaml", SearchOption.AllDirectories)
                .OrderBy(p => p, StringComparer.Ordinal)
                .Select(File.ReadAllText)
                .Concat(new[] { Catalogs.Derived, Catalogs.Ampere, Catalogs.Mla, Catalogs.Hopper.Replace("id: test-h100", "id: other-h100"), Catalogs.Measured, Catalogs.System, Catalogs.Shaped })
                // Plans: with their model and system in the same file (the base file has their GPU), so that a
                // mutation reaches the plan's checks and emission, not only its references; and the sample's plans.
                .Concat(new[] { Catalogs.System + "\n---\n" + Catalogs.Shaped + "\n---\n" + Catalogs.Plan })
                // Serving plans likewise, beside their model and system.
                .Concat(new[] { Catalogs.System + "\n---\n" + Catalogs.Shaped + "\n---\n" + Catalogs.Serving })
                .Concat(Directory.GetFiles(Path.Combine(DiagnosticTests.RepositoryRoot(), "samples", "TrainingCost", "catalogs"), "*.yaml").OrderBy(p => p, StringComparer.Ordinal).Select(File.ReadAllText))
                .ToArray();
        }

        internal static string Mutate(string text, Random random)
        {
            int mutations = 1 + random.Next(3);
            for (int m = 0; m < mutations; m++)
            {
                text = random.Next(9) switch
                {
                    8 => NearDuplicateId(text, random),
                    0 => FlipCharacter(text, random),
                    1 => text.Substring(0, random.Next(text.Length + 1)),
                    2 => EditLines(text, random, (lines, i) => lines.RemoveAt(i)),
                    3 => EditLines(text, random, (lines, i) => lines.Insert(i, lines[i])),
                    4 => EditLines(text, random, (lines, i) => { int j = random.Next(lines.Count); (lines[i], lines[j]) = (lines[j], lines[i]); }),
                    5 => ReplaceOne(text, random, Units.Where(u => u.Length > 0).ToArray(), Units),
                    6 => ReplaceOne(text, random, Keys, Keys),
                    _ => ReplaceNumber(text, random),
                };
            }

            return text;
        }

        /// <summary>
        /// Rewrites the entry's id as a near-duplicate of the base file's <c>test-h100</c> or of its own id: separators
        /// dropped, doubled or added, so that the C# names equal or differ only in case (<c>h100nvl</c> beside
        /// <c>h100-nvl</c> once crashed the generator with a hint-name clash).
        /// </summary>
        private static string NearDuplicateId(string text, Random random)
        {
            const string marker = "id: ";
            int at = text.IndexOf("\n" + marker, StringComparison.Ordinal);
            if (at < 0) return text;
            int start = at + 1 + marker.Length;
            int end = text.IndexOf('\n', start);
            if (end < 0) end = text.Length;
            string id = random.Next(2) == 0 ? "test-h100" : text.Substring(start, end - start).Trim();
            if (id.Length < 2) return text;
            int position = 1 + random.Next(id.Length - 1);
            string variant = random.Next(3) switch
            {
                0 => id.Replace("-", "").Replace(".", ""),
                1 => id.Substring(0, position) + (random.Next(2) == 0 ? "-" : "..") + id.Substring(position),
                _ => id.Replace("-", random.Next(2) == 0 ? "." : "--"),
            };

            return text.Substring(0, start) + variant + text.Substring(end);
        }

        private static string FlipCharacter(string text, Random random)
        {
            if (text.Length == 0) return text;
            int at = random.Next(text.Length);
            return text.Substring(0, at) + Characters[random.Next(Characters.Length)] + text.Substring(at + 1);
        }

        private static string EditLines(string text, Random random, Action<List<string>, int> edit)
        {
            var lines = text.Split('\n').ToList();
            if (lines.Count == 0) return text;
            edit(lines, random.Next(lines.Count));
            return string.Join("\n", lines);
        }

        private static string ReplaceOne(string text, Random random, string[] find, string[] replacements)
        {
            string target = find[random.Next(find.Length)];
            int at = text.IndexOf(target, StringComparison.Ordinal);
            if (at < 0) return text;
            return text.Substring(0, at) + replacements[random.Next(replacements.Length)] + text.Substring(at + target.Length);
        }

        private static string ReplaceNumber(string text, Random random)
        {
            int start = -1;
            for (int tries = 0; tries < 20 && start < 0; tries++)
            {
                int at = random.Next(Math.Max(1, text.Length));
                if (at < text.Length && char.IsDigit(text[at])) start = at;
            }

            if (start < 0) return text;
            int end = start;
            while (start > 0 && (char.IsDigit(text[start - 1]) || text[start - 1] == '.')) start--;
            while (end < text.Length && (char.IsDigit(text[end]) || text[end] == '.')) end++;
            return text.Substring(0, start) + Numbers[random.Next(Numbers.Length)] + text.Substring(end);
        }
    }
}
