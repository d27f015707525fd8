using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace HardwareCatalog.Generators.Tests
{
    /// <summary>README's "Built-in catalog" section lists every built-in entry, and its counts are the catalog's.</summary>
    public class ReadmeCatalogTests
    {
        [Fact]
        public void The_readme_lists_every_built_in_entry_with_the_right_counts()
        {
            string root = DiagnosticTests.RepositoryRoot();
            string readme = File.ReadAllText(Path.Combine(root, "README.md"));
            int start = readme.IndexOf("\n## Built-in catalog", StringComparison.Ordinal);
            Assert.True(start >= 0, "README has no 'Built-in catalog' section");
            int end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
            string section = readme.Substring(start, (end < 0 ? readme.Length : end) - start);

            string[] Ids(string folder) => Directory.GetFiles(Path.Combine(root, "catalogs", folder), "*.yaml")
                .Select(f => Regex.Match(File.ReadAllText(f), @"^id:\s*(\S+)", RegexOptions.Multiline).Groups[1].Value)
                .OrderBy(id => id, StringComparer.Ordinal)
                .ToArray();

            string[] gpus = Ids("gpus"), models = Ids("models"), systems = Ids("systems");
            Assert.Contains($"({gpus.Length} accelerators, {models.Length} models, {systems.Length} systems;", section);
            var listed = Regex.Matches(section, "`([a-z0-9][a-z0-9.-]*)`").Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
            string[] missing = gpus.Concat(models).Concat(systems).Where(id => !listed.Contains(id)).ToArray();
            Assert.True(missing.Length == 0, "README's built-in catalog lacks: " + string.Join(", ", missing));
        }
    }
}
