using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using HardwareCatalog.Generators.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace HardwareCatalog.CodeFixes
{
    /// <summary>
    /// HWC001: replaces the precision with one the accelerator supports, one fix per supported precision, nearest first
    /// (the analyzer orders them and passes them in the diagnostic's properties).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnsupportedPrecisionCodeFix)), Shared]
    public sealed class UnsupportedPrecisionCodeFix : CodeFixProvider
    {
        private const string EquivalenceKeyPrefix = AnalyzerDescriptors.PrecisionNotSupportedId + ":";

        /// <inheritdoc/>
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(AnalyzerDescriptors.PrecisionNotSupportedId);

        /// <summary>Fix All applies the same replacement (say, BF16) wherever the accelerator supports it.</summary>
        public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllAsync);

        /// <inheritdoc/>
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null) return;

            foreach (Diagnostic diagnostic in context.Diagnostics)
            {
                if (PrecisionExpression(root, diagnostic) is null) continue;

                foreach (string precision in Alternatives(diagnostic))
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            $"Use Precision.{precision}",
                            cancellationToken => ReplaceAsync(context.Document, new[] { diagnostic }, precision, cancellationToken),
                            EquivalenceKeyPrefix + precision),
                        diagnostic);
                }
            }
        }

        private static async Task<Document?> FixAllAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
        {
            string? key = context.CodeActionEquivalenceKey;
            if (key is null || !key.StartsWith(EquivalenceKeyPrefix, System.StringComparison.Ordinal)) return null;

            string precision = key.Substring(EquivalenceKeyPrefix.Length);
            return await ReplaceAsync(document, diagnostics.Where(d => Alternatives(d).Contains(precision)), precision, context.CancellationToken).ConfigureAwait(false);
        }

        private static async Task<Document> ReplaceAsync(Document document, IEnumerable<Diagnostic> diagnostics, string precision, CancellationToken cancellationToken)
        {
            SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null) return document;

            var expressions = diagnostics.Select(d => PrecisionExpression(root, d)).OfType<ExpressionSyntax>().Distinct().ToList();
            return document.WithSyntaxRoot(root.ReplaceNodes(expressions, (original, _) => Replacement(original, precision)));
        }

        /// <summary>Keeps the way the precision was written: <c>Precision.Fp8</c> becomes <c>Precision.Bf16</c>.</summary>
        private static ExpressionSyntax Replacement(ExpressionSyntax original, string precision) => original switch
        {
            MemberAccessExpressionSyntax { Name: IdentifierNameSyntax } access
                => access.WithName(SyntaxFactory.IdentifierName(precision).WithTriviaFrom(access.Name)),
            _ => SyntaxFactory.ParseExpression("global::HardwareCatalog.Precision." + precision)
                .WithTriviaFrom(original)
                .WithAdditionalAnnotations(Simplifier.Annotation),
        };

        /// <summary>The precision argument the diagnostic is on; null where it is on a whole call (a defaulted precision).</summary>
        private static ExpressionSyntax? PrecisionExpression(SyntaxNode root, Diagnostic diagnostic)
        {
            SyntaxNode node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            ArgumentSyntax? argument = node.FirstAncestorOrSelf<ArgumentSyntax>();
            return argument is not null && argument.Expression.Span == diagnostic.Location.SourceSpan ? argument.Expression : null;
        }

        private static IEnumerable<string> Alternatives(Diagnostic diagnostic)
            => diagnostic.Properties.TryGetValue(AnalyzerDescriptors.AlternativesProperty, out string? list) && !string.IsNullOrEmpty(list)
                ? list!.Split(',')
                : Enumerable.Empty<string>();
    }
}
