using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace HardwareCatalog.Generators.Analyzers
{
    /// <summary>
    /// HWC001: a precision known at compile time, paired with an accelerator whose static type does not support it, in
    /// <c>Peak</c>/<c>PeakSparse</c> or in a method whose precision parameter is tied to an accelerator parameter by
    /// <c>[PrecisionOf]</c>. What a type supports is read from its <c>[SupportedPrecisions]</c> attribute, so the check
    /// works for built-in and user catalog entries and across assemblies alike.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PrecisionAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc/>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(AnalyzerDescriptors.PrecisionNotSupported);

        /// <inheritdoc/>
        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                CatalogSymbols? symbols = CatalogSymbols.TryCreate(start.Compilation);
                if (symbols is null) return;

                start.RegisterOperationAction(
                    c => AnalyzeCall(c, symbols, ((IInvocationOperation)c.Operation).TargetMethod, ((IInvocationOperation)c.Operation).Instance, ((IInvocationOperation)c.Operation).Arguments),
                    OperationKind.Invocation);
                if (symbols.PrecisionOfAttribute is not null)
                {
                    start.RegisterOperationAction(
                        c => AnalyzeCall(c, symbols, ((IObjectCreationOperation)c.Operation).Constructor, null, ((IObjectCreationOperation)c.Operation).Arguments),
                        OperationKind.ObjectCreation);
                }
            });
        }

        private static void AnalyzeCall(OperationAnalysisContext context, CatalogSymbols symbols, IMethodSymbol? method, IOperation? instance, ImmutableArray<IArgumentOperation> arguments)
        {
            if (method is null || !method.Parameters.Any(p => symbols.IsPrecision(p.Type))) return;

            IMethodSymbol definition = method.OriginalDefinition;
            bool isPeak = SymbolEqualityComparer.Default.Equals(definition, symbols.Peak);
            if (isPeak || SymbolEqualityComparer.Default.Equals(definition, symbols.PeakSparse))
            {
                if (instance is not null && arguments.Length == 1) Check(context, symbols, instance, arguments[0], sparse: !isPeak);
                return;
            }

            if (symbols.PrecisionOfAttribute is null) return;
            foreach (IArgumentOperation argument in arguments)
            {
                if (argument.Parameter is not { } parameter || !symbols.IsPrecision(parameter.Type)) continue;

                string? acceleratorParameter = CatalogSymbols.ParameterAttributes(parameter)
                    .Where(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, symbols.PrecisionOfAttribute))
                    .Select(a => a.ConstructorArguments.Length == 1 ? a.ConstructorArguments[0].Value as string : null)
                    .FirstOrDefault(name => name is not null);
                if (acceleratorParameter is null) continue;

                IArgumentOperation? accelerator = arguments.FirstOrDefault(a => a.Parameter?.Name == acceleratorParameter);
                if (accelerator is not null) Check(context, symbols, accelerator.Value, argument, sparse: false);
            }
        }

        private static void Check(OperationAnalysisContext context, CatalogSymbols symbols, IOperation acceleratorValue, IArgumentOperation precisionArgument, bool sparse)
        {
            if (precisionArgument.Value.ConstantValue is not { HasValue: true, Value: int precision } || !PrecisionSet.IsDefined(precision)) return;

            AcceleratorSupport? support = StaticSupport(symbols, acceleratorValue);
            if (support is null) return;

            PrecisionSet supported = sparse ? support.Sparse : support.Dense;
            if (supported.Contains(precision)) return;

            string name = PrecisionTable.DisplayNames[precision];
            string wanted = sparse ? name + " with 2:4 sparsity" : name;
            string has = sparse
                ? supported.Mask == 0 ? "it has no sparse peaks" : "its sparse peaks are " + supported.Describe()
                : supported.Mask == 0 ? "it supports no precision" : "it supports " + supported.Describe();
            string alternatives = string.Join(",", PrecisionNearness.Order(precision, supported).Select(p => PrecisionTable.MemberNames[p]));

            // A precision left to its default value has no syntax of its own: the call is underlined instead.
            Location location = precisionArgument.ArgumentKind == ArgumentKind.Explicit
                ? precisionArgument.Value.Syntax.GetLocation()
                : context.Operation.Syntax.GetLocation();
            context.ReportDiagnostic(Diagnostic.Create(
                AnalyzerDescriptors.PrecisionNotSupported,
                location,
                ImmutableDictionary<string, string?>.Empty.Add(AnalyzerDescriptors.AlternativesProperty, alternatives),
                support.Name,
                wanted,
                has));
        }

        /// <summary>
        /// The support of the accelerator's static type: the first type with <c>[SupportedPrecisions]</c> from the outer
        /// conversion inwards, or, for a local typed as the base <c>Accelerator</c>, that of the value it always holds.
        /// </summary>
        private static AcceleratorSupport? StaticSupport(CatalogSymbols symbols, IOperation value)
        {
            for (int depth = 0; depth < LocalValues.MaxDepth; depth++)
            {
                IOperation current = value;
                while (true)
                {
                    if (symbols.SupportOf(current.Type) is { } support) return support;
                    if (current is not IConversionOperation conversion) break;
                    current = conversion.Operand;
                }

                if (current is not ILocalReferenceOperation local || LocalValues.SingleValue(local) is not { } initializer) return null;
                value = initializer;
            }

            return null;
        }
    }
}
