using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace HardwareCatalog.Generators.Analyzers
{
    /// <summary>
    /// Follows a local to the value it was initialized with, when that is the only value it can hold: the local is
    /// declared with an initializer and nothing in its method (lambdas and local functions included) writes to it again.
    /// </summary>
    internal static class LocalValues
    {
        /// <summary>How many locals a chain may pass through (<c>var a = ...; var b = a; f(b)</c>).</summary>
        public const int MaxDepth = 8;

        public static IOperation SkipConversions(IOperation operation)
        {
            while (operation is IConversionOperation conversion) operation = conversion.Operand;
            return operation;
        }

        /// <summary>The initializer's value of the local <paramref name="reference"/> reads, or null if the local may hold another value.</summary>
        public static IOperation? SingleValue(ILocalReferenceOperation reference)
        {
            ILocalSymbol local = reference.Local;
            if (local.IsRef) return null;

            IOperation root = reference;
            while (root.Parent is not null) root = root.Parent;

            IOperation? initializer = null;
            foreach (IOperation operation in root.Descendants())
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                        initializer = declarator.GetVariableInitializer()?.Value;
                        if (initializer is null) return null;
                        break;
                    case ILocalReferenceOperation use when SymbolEqualityComparer.Default.Equals(use.Local, local) && IsWrite(use):
                        return null;
                }
            }

            return initializer;
        }

        private static bool IsWrite(ILocalReferenceOperation use)
        {
            if (use.IsDeclaration || use.Syntax.Parent is RefExpressionSyntax) return true;

            // A deconstruction assigns through (nested) tuples: (g, x) = ...
            IOperation current = use;
            IOperation? parent = use.Parent;
            while (parent is ITupleOperation)
            {
                current = parent;
                parent = parent.Parent;
            }

            return parent switch
            {
                IAssignmentOperation assignment => assignment.Target == current,
                IIncrementOrDecrementOperation => true,
                IAddressOfOperation => true,
                IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } => true,
                _ => false,
            };
        }
    }
}
