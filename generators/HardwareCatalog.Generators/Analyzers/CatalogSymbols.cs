using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace HardwareCatalog.Generators.Analyzers
{
    /// <summary>
    /// The runtime library's types as one compilation sees them, and what the accelerator types in it support. Created
    /// once per compilation; <see cref="TryCreate"/> returns null when the compilation does not reference the library,
    /// so the analyzers register nothing there.
    /// </summary>
    internal sealed class CatalogSymbols
    {
        private readonly ConcurrentDictionary<INamedTypeSymbol, AcceleratorSupport?> _support = new(SymbolEqualityComparer.Default);

        private CatalogSymbols(Compilation compilation, INamedTypeSymbol accelerator, INamedTypeSymbol precision, INamedTypeSymbol supportedPrecisions)
        {
            Accelerator = accelerator;
            Precision = precision;
            SupportedPrecisionsAttribute = supportedPrecisions;
            PrecisionOfAttribute = compilation.GetTypeByMetadataName("HardwareCatalog.PrecisionOfAttribute");
            DenseThroughputAttribute = compilation.GetTypeByMetadataName("HardwareCatalog.DenseThroughputAttribute");
            FlopRate = compilation.GetTypeByMetadataName("HardwareCatalog.Units.FlopRate");
            Peak = SinglePrecisionMethod(accelerator, "Peak");
            PeakSparse = SinglePrecisionMethod(accelerator, "PeakSparse");
        }

        public INamedTypeSymbol Accelerator { get; }

        public INamedTypeSymbol Precision { get; }

        public INamedTypeSymbol SupportedPrecisionsAttribute { get; }

        public INamedTypeSymbol? PrecisionOfAttribute { get; }

        public INamedTypeSymbol? DenseThroughputAttribute { get; }

        public INamedTypeSymbol? FlopRate { get; }

        /// <summary><c>Accelerator.Peak(Precision)</c>.</summary>
        public IMethodSymbol? Peak { get; }

        /// <summary><c>Accelerator.PeakSparse(Precision)</c>.</summary>
        public IMethodSymbol? PeakSparse { get; }

        public static CatalogSymbols? TryCreate(Compilation compilation)
        {
            INamedTypeSymbol? accelerator = compilation.GetTypeByMetadataName("HardwareCatalog.Accelerator");
            INamedTypeSymbol? precision = compilation.GetTypeByMetadataName("HardwareCatalog.Precision");
            INamedTypeSymbol? supported = compilation.GetTypeByMetadataName("HardwareCatalog.SupportedPrecisionsAttribute");
            return accelerator is null || precision is null || supported is null || precision.TypeKind != TypeKind.Enum
                ? null
                : new CatalogSymbols(compilation, accelerator, precision, supported);
        }

        public bool IsPrecision(ITypeSymbol? type) => SymbolEqualityComparer.Default.Equals(type, Precision);

        public bool IsAccelerator(ITypeSymbol? type)
        {
            for (ITypeSymbol? current = type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, Accelerator)) return true;
            }

            return false;
        }

        /// <summary>
        /// What <paramref name="type"/> supports according to its <c>[SupportedPrecisions]</c> attribute; null for the
        /// abstract <c>Accelerator</c>, for a type without the attribute and for anything that is not an accelerator.
        /// </summary>
        public AcceleratorSupport? SupportOf(ITypeSymbol? type)
            => type is INamedTypeSymbol named && IsAccelerator(named) ? _support.GetOrAdd(named, ReadSupport) : null;

        private AcceleratorSupport? ReadSupport(INamedTypeSymbol type)
        {
            AttributeData? attribute = type.GetAttributes()
                .FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, SupportedPrecisionsAttribute));
            if (attribute is null || attribute.ConstructorArguments.Length != 1) return null;

            PrecisionSet dense = PrecisionSet.From(attribute.ConstructorArguments[0]);
            PrecisionSet sparse = PrecisionSet.Empty;
            foreach (var named in attribute.NamedArguments)
            {
                if (named.Key == "Sparse") sparse = PrecisionSet.From(named.Value);
            }

            return new AcceleratorSupport(type.Name, dense, sparse);
        }

        /// <summary>Attributes of a parameter, including those on the parameter it overrides (the attributes say Inherited = true).</summary>
        public static ImmutableArray<AttributeData> ParameterAttributes(IParameterSymbol parameter)
        {
            if (parameter.ContainingSymbol is not IMethodSymbol { IsOverride: true } method) return parameter.GetAttributes();

            ImmutableArray<AttributeData>.Builder all = ImmutableArray.CreateBuilder<AttributeData>();
            all.AddRange(parameter.GetAttributes());
            for (IMethodSymbol? overridden = method.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
            {
                if (parameter.Ordinal < overridden.Parameters.Length) all.AddRange(overridden.Parameters[parameter.Ordinal].GetAttributes());
            }

            return all.ToImmutable();
        }

        private static IMethodSymbol? SinglePrecisionMethod(INamedTypeSymbol accelerator, string name)
            => accelerator.GetMembers(name).OfType<IMethodSymbol>().FirstOrDefault(m => m.Parameters.Length == 1 && !m.IsStatic);
    }

    /// <summary>The precisions an accelerator type claims in its <c>[SupportedPrecisions]</c> attribute.</summary>
    internal sealed record AcceleratorSupport(string Name, PrecisionSet Dense, PrecisionSet Sparse);
}
