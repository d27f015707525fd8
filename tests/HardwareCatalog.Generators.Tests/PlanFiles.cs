using System;
using System.IO;
using System.Linq;
using System.Reflection;
using HardwareCatalog.Generators.Building;
using HardwareCatalog.Generators.Model;
using HardwareCatalog.Generators.Parsing;
using HardwareCatalog.Generators.Resolving;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace HardwareCatalog.Generators.Tests
{
    /// <summary>What the tests of both plan kinds' files share: located diagnostics, the build's evaluation, the emitted plan.</summary>
    internal static class PlanFiles
    {
        /// <summary>The built-in gpus, models and systems, as the generator reads them.</summary>
        public static readonly Lazy<CatalogFile[]> BuiltIns = new(() =>
        {
            string root = Path.Combine(DiagnosticTests.RepositoryRoot(), "catalogs");
            return new[] { "gpus", "models", "systems" }
                .SelectMany(d => Directory.GetFiles(Path.Combine(root, d), "*.yaml"))
                .OrderBy(p => p, StringComparer.Ordinal)
                .Select(p => new CatalogFile(p, File.ReadAllText(p), "builtin"))
                .ToArray();
        });

        /// <summary>The diagnostics located in <paramref name="path"/>, "line,column: id severity".</summary>
        public static string[] Diagnostics(GeneratorResult result, string path) => result.GeneratorDiagnostics
            .Where(d => d.Location.GetLineSpan().Path == path)
            .Select(d =>
            {
                LinePosition start = d.Location.GetLineSpan().StartLinePosition;
                return $"{start.Line + 1},{start.Character + 1}: {d.Id} {d.Severity}";
            })
            .ToArray();

        /// <summary>The build's resolution of <paramref name="files"/>, through the stages the generator runs.</summary>
        public static ResolvedCatalog Resolve(CatalogFile[] files)
        {
            var built = files.Select(f => EntryBuilder.BuildFile(CatalogParser.Parse(f.Path, f.Text, f.Kind == "builtin"))).ToList();
            return CatalogResolver.LinkBuildAndResolve(built);
        }

        /// <summary>Compiles the generated code, loads it, and returns <c>&lt;className&gt;.&lt;identifier&gt;</c>: the plan a user's code gets.</summary>
        public static T Load<T>(GeneratorResult result, string className, string identifier)
        {
            using var stream = new MemoryStream();
            Microsoft.CodeAnalysis.Emit.EmitResult emitted = result.Output.Emit(stream);
            Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
            Assembly assembly = Assembly.Load(stream.ToArray());
            Type plans = assembly.GetType("HardwareCatalog." + className, throwOnError: true)!;
            return (T)plans.GetProperty(identifier, BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        }
    }
}
