using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using HardwareCatalog.Generators.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;

namespace HardwareCatalog.CodeFixes
{
    /// <summary>
    /// HWC002: uses the dense peak, <c>.Sparse.X</c> → <c>.Dense.X</c> and <c>PeakSparse</c> → <c>Peak</c>. The analyzer
    /// passes the name to rename as the diagnostic's additional location, and only where the dense peak exists.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SparsePeakCodeFix)), Shared]
    public sealed class SparsePeakCodeFix : CodeFixProvider
    {
        private const string EquivalenceKey = AnalyzerDescriptors.SparsePeakAsDenseId;

        private static readonly Dictionary<string, string> s_denseNames = new(System.StringComparer.Ordinal)
        {
            ["Sparse"] = "Dense",
            ["PeakSparse"] = "Peak",
        };

        /// <inheritdoc/>
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(AnalyzerDescriptors.SparsePeakAsDenseId);

        /// <summary>Several arguments may come from one sparse peak (a local); Fix All renames it once.</summary>
        public override FixAllProvider GetFixAllProvider()
            => FixAllProvider.Create((context, document, diagnostics) => RenameAsync(document, diagnostics, context.CancellationToken)!);

        /// <inheritdoc/>
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null) return;

            foreach (Diagnostic diagnostic in context.Diagnostics)
            {
                if (SparseName(root, diagnostic) is not { } token) continue;

                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Use the dense peak ('{s_denseNames[token.ValueText]}')",
                        cancellationToken => RenameAsync(context.Document, ImmutableArray.Create(diagnostic), cancellationToken),
                        EquivalenceKey),
                    diagnostic);
            }
        }

        private static async Task<Document> RenameAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null) return document;

            var tokens = new HashSet<SyntaxToken>();
            foreach (Diagnostic diagnostic in diagnostics)
            {
                if (SparseName(root, diagnostic) is { } token) tokens.Add(token);
            }

            return document.WithSyntaxRoot(root.ReplaceTokens(tokens, (original, _) =>
                SyntaxFactory.Identifier(original.LeadingTrivia, s_denseNames[original.ValueText], original.TrailingTrivia)));
        }

        private static SyntaxToken? SparseName(SyntaxNode root, Diagnostic diagnostic)
        {
            if (diagnostic.AdditionalLocations.Count == 0) return null;

            Location location = diagnostic.AdditionalLocations[0];
            if (location.SourceTree != root.SyntaxTree || !root.FullSpan.Contains(location.SourceSpan)) return null;

            SyntaxToken token = root.FindToken(location.SourceSpan.Start);
            return token.Span == location.SourceSpan && token.IsKind(SyntaxKind.IdentifierToken) && s_denseNames.ContainsKey(token.ValueText)
                ? token
                : null;
        }
    }
}
