using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Xunit;

namespace HardwareCatalog.Generators.Tests
{
    /// <summary>
    /// Every diagnostic the generator assembly declares, found by reflection (not from a hand-kept list): listed where the
    /// generator and analyzers look descriptors up, tracked in the analyzer release files with its category and severity,
    /// documented in docs/diagnostics, linked to its page. The release-tracking analyzer already fails the build when an
    /// id is missing from the release files (RS2000) or tracked without a descriptor (RS2002), so those are not repeated
    /// here; it does not compare category and severity for the HWC1xx descriptors, which are built through a helper
    /// (RS2001 sees only direct constructor calls), so that comparison is.
    /// </summary>
    public class DescriptorTests
    {
        private static readonly string Root = DiagnosticTests.RepositoryRoot();
        private static readonly string GeneratorDirectory = Path.Combine(Root, "generators", "HardwareCatalog.Generators");
        private static readonly string DocsDirectory = Path.Combine(Root, "docs", "diagnostics");

        /// <summary>Each static field or property of type DiagnosticDescriptor in the generator assembly, by declaring member.</summary>
        public static IReadOnlyList<(string Member, DiagnosticDescriptor Descriptor)> Declared()
        {
            const BindingFlags declaredAnyVisibility = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
            var found = new List<(string, DiagnosticDescriptor)>();
            foreach (Type type in typeof(CatalogGenerator).Assembly.GetTypes())
            {
                foreach (FieldInfo field in type.GetFields(declaredAnyVisibility).Where(f => f.FieldType == typeof(DiagnosticDescriptor)))
                {
                    found.Add(($"{type.Name}.{field.Name}", (DiagnosticDescriptor)field.GetValue(null)!));
                }
            }

            return found;
        }

        public static IEnumerable<object[]> Ids() => Declared().Select(d => d.Descriptor.Id).Distinct().OrderBy(i => i, StringComparer.Ordinal).Select(i => new object[] { i });

        [Fact]
        public void Reflection_finds_the_catalog_and_the_code_descriptors()
        {
            // Guards the reflection itself: if it found nothing, every test below would pass vacuously.
            string[] ids = Declared().Select(d => d.Descriptor.Id).ToArray();
            Assert.Contains("HWC001", ids);
            Assert.Contains("HWC002", ids);
            Assert.Contains("HWC101", ids);
            Assert.Contains("HWC199", ids);
            Assert.True(ids.Length >= 20, $"only {ids.Length} descriptors found");
        }

        [Fact]
        public void No_two_descriptors_share_an_id()
        {
            var shared = Declared()
                .GroupBy(d => d.Descriptor.Id, StringComparer.Ordinal)
                .Where(g => g.Select(d => d.Descriptor).Distinct().Count() > 1)
                .Select(g => $"{g.Key}: {string.Join(", ", g.Select(d => d.Member))}")
                .ToList();

            Assert.True(shared.Count == 0, "ids declared twice: " + string.Join("; ", shared));
        }

        [Fact]
        public void Every_declared_descriptor_is_in_the_index_lists()
        {
            // DiagnosticDescriptors.ById and the analyzers' SupportedDiagnostics read these lists.
            var listed = new HashSet<DiagnosticDescriptor>(DiagnosticDescriptors.All.Concat(Analyzers.AnalyzerDescriptors.All));
            var missing = Declared().Where(d => !listed.Contains(d.Descriptor)).Select(d => d.Member).ToList();

            Assert.True(missing.Count == 0, "declared but not listed in All: " + string.Join(", ", missing));
        }

        [Fact]
        public void Every_descriptor_has_its_category_and_severity_in_the_release_files()
        {
            Dictionary<string, ReleaseRow> rows = ReleaseRows();
            var problems = new List<string>();
            foreach ((string member, DiagnosticDescriptor descriptor) in Declared())
            {
                // A missing row is RS2000 at build time; the lookup still says which one, should that rule be switched off.
                if (!rows.TryGetValue(descriptor.Id, out ReleaseRow? row))
                {
                    problems.Add($"{descriptor.Id} ({member}) is in neither AnalyzerReleases.Shipped.md nor AnalyzerReleases.Unshipped.md");
                    continue;
                }

                if (row.Category != descriptor.Category)
                {
                    problems.Add($"{descriptor.Id}: category '{descriptor.Category}' in code, '{row.Category}' in {row.File}");
                }

                if (row.Severity != descriptor.DefaultSeverity.ToString())
                {
                    problems.Add($"{descriptor.Id}: severity {descriptor.DefaultSeverity} in code, {row.Severity} in {row.File}");
                }
            }

            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        [Theory]
        [MemberData(nameof(Ids))]
        public void Every_id_has_a_page_that_names_it_and_its_severity(string id)
        {
            DiagnosticDescriptor descriptor = Declared().First(d => d.Descriptor.Id == id).Descriptor;
            string page = Path.Combine(DocsDirectory, id + ".md");

            Assert.True(File.Exists(page), $"{id} has no page {Path.GetRelativePath(Root, page)}");
            string text = File.ReadAllText(page);
            Assert.StartsWith($"# {id}: ", text);
            Assert.Contains($"Severity: **{descriptor.DefaultSeverity}**", text);
        }

        [Theory]
        [MemberData(nameof(Ids))]
        public void Every_id_is_in_the_diagnostics_index_with_its_title(string id)
        {
            DiagnosticDescriptor descriptor = Declared().First(d => d.Descriptor.Id == id).Descriptor;
            string index = File.ReadAllText(Path.Combine(DocsDirectory, "README.md"));

            Match row = Regex.Match(index, $@"^\| \[{id}\]\({id}\.md\) \| (?<title>[^|]+) \|", RegexOptions.Multiline);
            Assert.True(row.Success, $"{id} has no row in docs/diagnostics/README.md");
            Assert.Equal(descriptor.Title.ToString(), row.Groups["title"].Value.Trim());
        }

        [Fact]
        public void Every_help_link_points_at_the_page_of_its_own_id()
        {
            var pattern = new Regex(@"^https://github\.com/[^/]+/[^/]+/blob/main/docs/diagnostics/(?<id>HWC\d{3})\.md$");
            var problems = new List<string>();
            foreach ((string member, DiagnosticDescriptor descriptor) in Declared())
            {
                Match match = pattern.Match(descriptor.HelpLinkUri ?? "");
                if (!match.Success || match.Groups["id"].Value != descriptor.Id)
                {
                    problems.Add($"{descriptor.Id} ({member}): '{descriptor.HelpLinkUri}'");
                }
            }

            Assert.True(problems.Count == 0, "help links that miss their page:\n" + string.Join("\n", problems));
            // One repository for all of them: a copied descriptor pointing at another fork is caught too.
            Assert.Single(Declared().Select(d => d.Descriptor.HelpLinkUri!.Substring(0, d.Descriptor.HelpLinkUri!.Length - "HWC000.md".Length)).Distinct());
        }

        private sealed record ReleaseRow(string File, string Category, string Severity);

        /// <summary>The rule rows of both release files ("Rule ID | Category | Severity | Notes"), by id.</summary>
        private static Dictionary<string, ReleaseRow> ReleaseRows()
        {
            var rows = new Dictionary<string, ReleaseRow>(StringComparer.Ordinal);
            foreach (string file in new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" })
            {
                foreach (string line in File.ReadAllLines(Path.Combine(GeneratorDirectory, file)))
                {
                    string[] cells = line.Split('|').Select(c => c.Trim()).ToArray();
                    if (cells.Length < 3 || !Regex.IsMatch(cells[0], @"^HWC\d{3}$")) continue;
                    Assert.True(rows.TryAdd(cells[0], new ReleaseRow(file, cells[1], cells[2])), $"{cells[0]} is tracked twice");
                }
            }

            return rows;
        }
    }
}
