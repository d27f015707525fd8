using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using HardwareCatalog.Testing;
using Xunit;

namespace HardwareCatalog.Cli.Tests
{
    public class ValidateCommandTests
    {
        /// <summary>Files with one or more faults each, of every stage: YAML, keys, units, ids across files, references, and warnings.</summary>
        public static readonly (string Name, string Text)[] BadFiles =
        {
            ("units.yaml", """
                kind: gpu
                id: acme-x1
                name: Acme X1
                vendor: Acme
                architecture: Foo
                memory: 80 GiBB
                dense:
                  bf16: 500 TFLOP/s
                """),
            ("typo.yaml", """
                kind: gpu
                id: acme-x2
                name: Acme X2
                vendor: Acme
                architecture: Foo
                memroy: 80 GB
                sources: [https://example.com/x2]
                """),
            ("nested/dup.yaml", """
                kind: gpu
                id: acme-x2
                name: Acme X2 again
                vendor: Acme
                architecture: Foo
                sources: [https://example.com/x2]
                """),
            ("extends.yaml", """
                kind: gpu
                id: acme-x3
                extends: h100-sxx
                name: Acme X3
                sources: [https://example.com/x3]
                """),
            ("system.yml", """
                kind: system
                id: acme-node
                name: Acme node
                vendor: Acme
                gpu: nope-gpu
                gpusPerNode: 8
                scaleUp: { link: nvlink, bandwidth: 900 GB/s, direction: both, domain: 8 }
                sources: [https://example.com/node]
                """),
            ("syntax.yaml", "kind: gpu\nid: [unclosed\n"),
            ("empty.yaml", "# nothing yet\n"),
            ("sparse.yaml", """
                kind: gpu
                id: acme-x4
                name: Acme X4
                vendor: Acme
                architecture: Foo
                memory: 80 GB
                dense:
                  bf16: 500 TFLOP/s
                sparse:
                  bf16: 1500 TFLOP/s
                sources: [https://example.com/x4]
                """),
        };

        private static readonly Regex s_line = new(@"^(?<path>.+)\((?<line>\d+),(?<column>\d+)\): (?<level>error|warning) (?<id>HWC\d{3}): (?<message>.+)$");

        private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

        private static string Relative(string path) => Path.GetRelativePath(Directory.GetCurrentDirectory(), path);

        /// <summary>The 1-based line of the first line of <paramref name="text"/> that starts with <paramref name="start"/>.</summary>
        private static int LineOf(string text, string start) => Array.FindIndex(text.Split('\n'), l => l.StartsWith(start, StringComparison.Ordinal)) + 1;

        [Fact]
        public void A_valid_file_that_extends_a_built_in_gpu_passes_with_no_output_and_exit_code_0()
        {
            using var folder = new TempCatalog();
            string file = folder.Write("acme.yaml", UserCatalogTexts.DerivedGpu);

            Hwcat.Result result = Hwcat.Run("validate", file);

            Assert.Equal(0, result.ExitCode);
            Assert.Equal("", result.Raw);
            Assert.Contains("1 catalog file checked with the built-in catalog: 0 errors, 0 warnings", result.Errors);
        }

        [Fact]
        public void A_bad_file_prints_each_diagnostic_in_the_msbuild_format_at_its_place_and_exits_with_1()
        {
            using var folder = new TempCatalog();
            (string name, string text) = BadFiles[0];
            string file = folder.Write(name, text);

            Hwcat.Result result = Hwcat.Run("validate", file);

            Assert.Equal(1, result.ExitCode);
            Match[] lines = Lines(result.Raw).Select(l => s_line.Match(l)).ToArray();
            Assert.All(lines, m => Assert.True(m.Success, m.Value));
            Assert.Equal(2, lines.Length);
            // The unit: at the value of 'memory' (its line, the column after "memory: ").
            Assert.Equal(Relative(file), lines[0].Groups["path"].Value);
            Assert.Equal(LineOf(text, "memory:"), int.Parse(lines[0].Groups["line"].Value));
            Assert.Equal("memory: ".Length + 1, int.Parse(lines[0].Groups["column"].Value));
            Assert.Equal(("error", "HWC103"), (lines[0].Groups["level"].Value, lines[0].Groups["id"].Value));
            Assert.StartsWith("'memory': '80 GiBB' has an unknown unit", lines[0].Groups["message"].Value);
            // The missing 'sources': at the entry, the file's first line and column.
            Assert.Equal(Relative(file), lines[1].Groups["path"].Value);
            Assert.Equal((1, 1), (int.Parse(lines[1].Groups["line"].Value), int.Parse(lines[1].Groups["column"].Value)));
            Assert.Equal(("error", "HWC102"), (lines[1].Groups["level"].Value, lines[1].Groups["id"].Value));
            Assert.Contains("'acme-x1' has no 'sources'", lines[1].Groups["message"].Value);
        }

        [Fact]
        public void Validate_reports_exactly_the_diagnostics_the_generator_reports_in_a_build()
        {
            using var folder = new TempCatalog();
            string[] files = BadFiles.Select(f => folder.Write(f.Name, f.Text)).ToArray();

            Hwcat.Result result = Hwcat.Run("validate", folder.Root);
            IReadOnlyList<string> build = Build.GeneratorDiagnostics(files);

            // One to one: same ids, severities, messages, files, lines and columns; only the order may differ.
            Assert.Equal(build.OrderBy(l => l, StringComparer.Ordinal), Lines(result.Raw).OrderBy(l => l, StringComparer.Ordinal));
            // The comparison covers every stage: YAML, keys, units, required keys, ids across files, references and warnings.
            string[] ids = Lines(result.Raw).Select(l => s_line.Match(l).Groups["id"].Value).Distinct().ToArray();
            foreach (string id in new[] { "HWC100", "HWC101", "HWC102", "HWC103", "HWC104", "HWC106", "HWC109", "HWC115" }) Assert.Contains(id, ids);
            Assert.Contains(Lines(result.Raw), l => l.Contains("'nope-gpu'", StringComparison.Ordinal));
            Assert.Equal(1, result.ExitCode);
        }

        [Fact]
        public void Warnings_do_not_fail_unless_warnings_are_errors()
        {
            using var folder = new TempCatalog();
            string file = folder.Write("empty.yaml", "# nothing yet\n");

            Hwcat.Result lenient = Hwcat.Run("validate", file);
            Hwcat.Result strict = Hwcat.Run("validate", file, "--warnings-as-errors");

            Assert.Equal(0, lenient.ExitCode);
            Assert.Equal(new[] { $"{Relative(file)}(1,1): warning HWC100: The catalog file has no entries" }, Lines(lenient.Raw));
            Assert.Equal(1, strict.ExitCode);
            Assert.Equal(Lines(lenient.Raw), Lines(strict.Raw));
        }

        [Fact]
        public void A_path_that_cannot_be_read_is_a_clear_error_with_exit_code_2()
        {
            using var folder = new TempCatalog();
            string missing = Path.Combine(folder.Root, "missing.yaml");

            Hwcat.Result result = Hwcat.Run("validate", missing);

            Assert.Equal(2, result.ExitCode);
            Assert.Equal($"error: validate: no such file or directory: '{missing}'", result.Errors.Trim());
            Assert.DoesNotContain("   at ", result.Errors);
            Assert.Equal("", result.Raw);
        }

        [Fact]
        public async System.Threading.Tasks.Task Sarif_output_is_valid_against_the_sarif_2_1_0_schema_and_says_what_the_text_format_says()
        {
            using var folder = new TempCatalog();
            foreach ((string name, string content) in BadFiles) folder.Write(name, content);

            Hwcat.Result sarif = Hwcat.Run("validate", folder.Root, "--format", "sarif");
            Hwcat.Result text = Hwcat.Run("validate", folder.Root);

            Assert.Equal(1, sarif.ExitCode);
            NJsonSchema.JsonSchema schema = await NJsonSchema.JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "TestData", "sarif-schema-2.1.0.json"));
            Assert.Empty(schema.Validate(sarif.Raw));
            // The schema check can fail: a level SARIF does not have, or a region line of 0, is refused.
            Assert.NotEmpty(schema.Validate(sarif.Raw.Replace("\"level\": \"error\"", "\"level\": \"fatal\"", StringComparison.Ordinal)));
            Assert.NotEmpty(schema.Validate(Regex.Replace(sarif.Raw, "\"startLine\": \\d+", "\"startLine\": 0")));

            // The required shape, by hand: version, $schema, one run with the tool's name and its rules, results.
            JsonElement log = sarif.Json();
            Assert.Equal("2.1.0", log.GetProperty("version").GetString());
            Assert.Equal("https://json.schemastore.org/sarif-2.1.0.json", log.GetProperty("$schema").GetString());
            JsonElement run = log.GetProperty("runs").EnumerateArray().Single();
            JsonElement driver = run.GetProperty("tool").GetProperty("driver");
            Assert.Equal("hwcat", driver.GetProperty("name").GetString());
            JsonElement[] results = run.GetProperty("results").EnumerateArray().ToArray();
            JsonElement[] rules = driver.GetProperty("rules").EnumerateArray().ToArray();

            // Each rule: an id that a result uses, with its page under docs/diagnostics as help.
            Assert.Equal(results.Select(r => r.GetProperty("ruleId").GetString()).Distinct().OrderBy(id => id, StringComparer.Ordinal), rules.Select(r => r.GetProperty("id").GetString()));
            foreach (JsonElement rule in rules)
            {
                string id = rule.GetProperty("id").GetString()!;
                string help = rule.GetProperty("helpUri").GetString()!;
                Assert.EndsWith("/docs/diagnostics/" + id + ".md", help);
                Assert.True(File.Exists(Path.Combine(Build.RepositoryRoot, "docs", "diagnostics", id + ".md")), help);
            }

            // Each result is one line of the text format: same rule, level, message, file, line and column.
            string[] lines = Lines(text.Raw);
            Assert.Equal(lines.Length, results.Length);
            for (int i = 0; i < lines.Length; i++)
            {
                Match line = s_line.Match(lines[i]);
                JsonElement result = results[i];
                Assert.Equal(line.Groups["id"].Value, result.GetProperty("ruleId").GetString());
                Assert.Equal(line.Groups["id"].Value, rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
                Assert.Equal(line.Groups["level"].Value, result.GetProperty("level").GetString());
                Assert.Equal(line.Groups["message"].Value, result.GetProperty("message").GetProperty("text").GetString());
                JsonElement physical = result.GetProperty("locations").EnumerateArray().Single().GetProperty("physicalLocation");
                Assert.Equal(line.Groups["path"].Value.Replace('\\', '/'), Uri.UnescapeDataString(physical.GetProperty("artifactLocation").GetProperty("uri").GetString()!));
                Assert.Equal(int.Parse(line.Groups["line"].Value), physical.GetProperty("region").GetProperty("startLine").GetInt32());
                Assert.Equal(int.Parse(line.Groups["column"].Value), physical.GetProperty("region").GetProperty("startColumn").GetInt32());
            }
        }

        [Fact]
        public async System.Threading.Tasks.Task A_log_without_results_is_valid_sarif_too()
        {
            using var folder = new TempCatalog();
            string file = folder.Write("acme.yaml", UserCatalogTexts.DerivedGpu);

            Hwcat.Result sarif = Hwcat.Run("validate", file, "--format", "sarif");

            Assert.Equal(0, sarif.ExitCode);
            NJsonSchema.JsonSchema schema = await NJsonSchema.JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "TestData", "sarif-schema-2.1.0.json"));
            Assert.Empty(schema.Validate(sarif.Raw));
            Assert.Empty(sarif.Json().GetProperty("runs")[0].GetProperty("results").EnumerateArray());
        }
    }
}
