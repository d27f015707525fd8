using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HardwareCatalog.Generators.Analyzers
{
    /// <summary>
    /// A project with catalog entries of its own that references an assembly with a public catalog in the same namespace
    /// declares its own <c>Gpus</c>/<c>Models</c> classes, which cover both catalogs and forward to the referenced
    /// entries. The compiler warns that they hide the referenced classes (CS0436); that is the intent, so the warning is
    /// suppressed for the generated catalog classes alone (a type of the project's own code is left alone).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class CatalogShadowingSuppressor : DiagnosticSuppressor
    {
        internal static readonly SuppressionDescriptor Rule = new(
            "HWCSPR001",
            "CS0436",
            "The generated catalog class covers the referenced assembly's catalog and forwards to it; hiding the referenced class is intended");

        /// <inheritdoc/>
        public override ImmutableArray<SuppressionDescriptor> SupportedSuppressions { get; } = ImmutableArray.Create(Rule);

        /// <inheritdoc/>
        public override void ReportSuppressions(SuppressionAnalysisContext context)
        {
            foreach (Diagnostic diagnostic in context.ReportedDiagnostics)
            {
                if (diagnostic.Location.SourceTree is not { } tree) continue;
                SyntaxNode node = tree.GetRoot(context.CancellationToken).FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                SemanticModel model = context.GetSemanticModel(tree);
                ISymbol? symbol = model.GetSymbolInfo(node, context.CancellationToken).Symbol ?? model.GetTypeInfo(node, context.CancellationToken).Type;
                if (symbol is INamedTypeSymbol type && IsGeneratedCatalogType(type))
                {
                    context.ReportSuppression(Suppression.Create(Rule, diagnostic));
                }
            }
        }

        private static bool IsGeneratedCatalogType(INamedTypeSymbol type)
            => type.Locations.All(l => l.IsInSource)
                && type.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "System.CodeDom.Compiler.GeneratedCodeAttribute"
                    && a.ConstructorArguments.Length == 2
                    && a.ConstructorArguments[0].Value as string == "HardwareCatalog.Generators");
    }
}
