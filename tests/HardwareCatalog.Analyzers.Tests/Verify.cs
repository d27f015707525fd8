using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace HardwareCatalog.Analyzers.Tests
{
    /// <summary>
    /// Microsoft.CodeAnalysis.Testing, set up to run offline: the references are the test host's framework assemblies,
    /// the runtime library and the fixture catalog, and <see cref="ReferenceAssemblies"/> names no package, so nothing
    /// is resolved through NuGet at test time.
    /// </summary>
    internal static class Verify
    {
        public static readonly ReferenceAssemblies NoPackages = new("net10.0");

        public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => new(descriptor);

        public static Task Analyzer<TAnalyzer>(string source, params DiagnosticResult[] expected)
            where TAnalyzer : DiagnosticAnalyzer, new()
        {
            var test = new AnalyzerTest<TAnalyzer> { TestCode = source };
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync();
        }

        public static Task CodeFix<TAnalyzer, TCodeFix>(string source, string fixedSource, string? equivalenceKey = null, int? actionIndex = null)
            where TAnalyzer : DiagnosticAnalyzer, new()
            where TCodeFix : CodeFixProvider, new()
        {
            var test = new CodeFixTest<TAnalyzer, TCodeFix> { TestCode = source, FixedCode = fixedSource, CodeActionEquivalenceKey = equivalenceKey, CodeActionIndex = actionIndex };
            return test.RunAsync();
        }

        internal static void Configure(SolutionState state)
        {
            state.AdditionalReferences.AddRange(FixtureCatalog.Framework);
            state.AdditionalReferences.Add(FixtureCatalog.Assembly);
        }

        internal class AnalyzerTest<TAnalyzer> : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
            where TAnalyzer : DiagnosticAnalyzer, new()
        {
            public AnalyzerTest()
            {
                ReferenceAssemblies = NoPackages;
                Configure(TestState);
            }

            protected override ParseOptions CreateParseOptions() => new CSharpParseOptions(LanguageVersion.CSharp12);
        }

        internal sealed class CodeFixTest<TAnalyzer, TCodeFix> : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
            where TAnalyzer : DiagnosticAnalyzer, new()
            where TCodeFix : CodeFixProvider, new()
        {
            public CodeFixTest()
            {
                ReferenceAssemblies = NoPackages;
                Configure(TestState);
            }

            protected override ParseOptions CreateParseOptions() => new CSharpParseOptions(LanguageVersion.CSharp12);
        }
    }
}
