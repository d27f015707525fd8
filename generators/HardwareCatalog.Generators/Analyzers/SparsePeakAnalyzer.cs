using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace HardwareCatalog.Generators.Analyzers
{
    /// <summary>
    /// HWC002: a 2:4 structured-sparsity peak (<c>.Sparse.X</c>, <c>PeakSparse(...)</c>), directly, multiplied, or through a
    /// local that always holds it, passed to a parameter marked <c>[DenseThroughput]</c>. A common mistake in published cost estimates
    /// (docs/seed-figures.md): quoting 624 and 1,979 TFLOP/s, the sparse FP16 peaks of A100 and H100, as dense.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SparsePeakAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc/>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(AnalyzerDescriptors.SparsePeakAsDense);

        /// <inheritdoc/>
        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                CatalogSymbols? symbols = CatalogSymbols.TryCreate(start.Compilation);
                if (symbols?.DenseThroughputAttribute is null || symbols.FlopRate is null) return;

                start.RegisterOperationAction(
                    c => AnalyzeCall(c, symbols, ((IInvocationOperation)c.Operation).TargetMethod, ((IInvocationOperation)c.Operation).Arguments),
                    OperationKind.Invocation);
                start.RegisterOperationAction(
                    c => AnalyzeCall(c, symbols, ((IObjectCreationOperation)c.Operation).Constructor, ((IObjectCreationOperation)c.Operation).Arguments),
                    OperationKind.ObjectCreation);
            });
        }

        private static void AnalyzeCall(OperationAnalysisContext context, CatalogSymbols symbols, IMethodSymbol? method, ImmutableArray<IArgumentOperation> arguments)
        {
            if (method is null || !method.Parameters.Any(p => SymbolEqualityComparer.Default.Equals(p.Type, symbols.FlopRate))) return;

            foreach (IArgumentOperation argument in arguments)
            {
                if (argument.ArgumentKind != ArgumentKind.Explicit
                    || argument.Parameter is not { } parameter
                    || !SymbolEqualityComparer.Default.Equals(parameter.Type, symbols.FlopRate)
                    || !CatalogSymbols.ParameterAttributes(parameter).Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, symbols.DenseThroughputAttribute)))
                {
                    continue;
                }

                if (SparseOrigin(symbols, argument.Value, 0) is not { } origin) continue;

                context.ReportDiagnostic(Diagnostic.Create(
                    AnalyzerDescriptors.SparsePeakAsDense,
                    argument.Value.Syntax.GetLocation(),
                    origin.FixLocation is null ? null : new[] { origin.FixLocation },
                    origin.Operation.Syntax.ToString(),
                    parameter.Name,
                    method.ContainingType.Name + "." + (method.MethodKind == MethodKind.Constructor ? method.ContainingType.Name : method.Name)));
            }
        }

        /// <summary>Where a sparse peak enters <paramref name="value"/>, and the name to rename to make it dense (when that compiles).</summary>
        private static Origin? SparseOrigin(CatalogSymbols symbols, IOperation value, int depth)
        {
            if (depth >= LocalValues.MaxDepth) return null;

            switch (LocalValues.SkipConversions(value))
            {
                case IPropertyReferenceOperation member when IsSparsePeak(symbols, member.Property):
                    return new Origin(member, DenseCounterpartOfSparseMember(symbols, member));

                case IInvocationOperation call when SymbolEqualityComparer.Default.Equals(call.TargetMethod.OriginalDefinition, symbols.PeakSparse):
                    return new Origin(call, DenseCounterpartOfPeakSparse(symbols, call));

                // A multiple is still sparse (8 × the sparse peak is a sparse node). A quotient is not followed: halving
                // the 2:4 peak is how one derives the dense one.
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Multiply } scaled:
                    return (SymbolEqualityComparer.Default.Equals(scaled.LeftOperand.Type, scaled.Type) ? SparseOrigin(symbols, scaled.LeftOperand, depth + 1) : null)
                        ?? (SymbolEqualityComparer.Default.Equals(scaled.RightOperand.Type, scaled.Type) ? SparseOrigin(symbols, scaled.RightOperand, depth + 1) : null);

                case ILocalReferenceOperation local when LocalValues.SingleValue(local) is { } initializer:
                    return SparseOrigin(symbols, initializer, depth + 1);

                default:
                    return null;
            }
        }

        /// <summary>A member <c>X</c> of the generated <c>SparsePeaks</c> struct nested in an accelerator type.</summary>
        private static bool IsSparsePeak(CatalogSymbols symbols, IPropertySymbol property)
            => property.ContainingType is { Name: "SparsePeaks", TypeKind: TypeKind.Struct } peaks
                && symbols.IsAccelerator(peaks.ContainingType)
                && SymbolEqualityComparer.Default.Equals(property.Type, symbols.FlopRate);

        /// <summary>For <c>gpu.Sparse.X</c>: the <c>Sparse</c> name, if <c>gpu.Dense.X</c> exists.</summary>
        private static Location? DenseCounterpartOfSparseMember(CatalogSymbols symbols, IPropertyReferenceOperation member)
        {
            if (member.Instance is null
                || LocalValues.SkipConversions(member.Instance) is not IPropertyReferenceOperation { Property.Name: "Sparse" } sparse
                || sparse.Syntax is not MemberAccessExpressionSyntax access)
            {
                return null;
            }

            bool denseExists = sparse.Property.ContainingType.GetMembers("Dense").OfType<IPropertySymbol>()
                .Any(dense => dense.Type.GetMembers(member.Property.Name).OfType<IPropertySymbol>().Any(p => SymbolEqualityComparer.Default.Equals(p.Type, symbols.FlopRate)));
            return denseExists ? access.Name.GetLocation() : null;
        }

        /// <summary>For <c>gpu.PeakSparse(p)</c>: the <c>PeakSparse</c> name, unless <c>gpu</c>'s type is known to lack a dense <c>p</c>.</summary>
        private static Location? DenseCounterpartOfPeakSparse(CatalogSymbols symbols, IInvocationOperation call)
        {
            SimpleNameSyntax? name = call.Syntax is InvocationExpressionSyntax invocation
                ? invocation.Expression switch
                {
                    MemberAccessExpressionSyntax access => access.Name,
                    MemberBindingExpressionSyntax binding => binding.Name,
                    _ => null,
                }
                : null;
            if (name is null) return null;

            if (call.Instance is not null
                && symbols.SupportOf(LocalValues.SkipConversions(call.Instance).Type) is { } support
                && call.Arguments.Length == 1
                && call.Arguments[0].Value.ConstantValue is { HasValue: true, Value: int precision }
                && !support.Dense.Contains(precision))
            {
                return null;
            }

            return name.GetLocation();
        }

        private sealed record Origin(IOperation Operation, Location? FixLocation);
    }
}
