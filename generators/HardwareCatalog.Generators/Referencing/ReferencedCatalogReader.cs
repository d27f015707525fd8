using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using HardwareCatalog.Generators.Model;
using Microsoft.CodeAnalysis;

namespace HardwareCatalog.Generators.Referencing
{
    /// <summary>
    /// Reads the generated public catalogs of the referenced assemblies from their metadata
    /// (<c>[assembly: GeneratedCatalog]</c>, <c>[assembly: GeneratedCatalogEntry]</c>) into equatable data. This is the
    /// only step that looks at the compilation; its output compares by value, so an edit to C# code leaves the rest of
    /// the pipeline cached.
    /// </summary>
    internal static class ReferencedCatalogReader
    {
        private const string CatalogAttribute = "HardwareCatalog.GeneratedCatalogAttribute";
        private const string EntryAttribute = "HardwareCatalog.GeneratedCatalogEntryAttribute";

        public static ReferencedCatalogs Read(Compilation compilation, CancellationToken cancellationToken)
        {
            var catalogs = new List<ReferencedCatalog>();
            foreach (IAssemblySymbol assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                cancellationToken.ThrowIfCancellationRequested();
                ImmutableArray<AttributeData> attributes = assembly.GetAttributes();
                AttributeData? marker = attributes.FirstOrDefault(a => Is(a, "GeneratedCatalogAttribute", CatalogAttribute));
                if (marker is null || marker.ConstructorArguments.Length != 2) continue;

                var entries = new List<ReferencedEntry>();
                foreach (AttributeData attribute in attributes)
                {
                    if (!Is(attribute, "GeneratedCatalogEntryAttribute", EntryAttribute) || attribute.ConstructorArguments.Length != 5) continue;
                    ImmutableArray<TypedConstant> args = attribute.ConstructorArguments;
                    string[] values = args[4].IsNull ? Array.Empty<string>() : args[4].Values.Select(v => v.Value as string ?? "").ToArray();
                    entries.Add(new ReferencedEntry(args[0].Value as string ?? "", args[1].Value as string ?? "", args[3].Value is true, new EquatableArray<string>(values)));
                }

                entries.Sort((x, y) => string.CompareOrdinal(x.Id, y.Id));
                catalogs.Add(new ReferencedCatalog(assembly.Identity.Name, marker.ConstructorArguments[0].Value as string ?? "", marker.ConstructorArguments[1].Value as string ?? "", entries.ToEquatableArray()));
            }

            catalogs.Sort((x, y) => string.CompareOrdinal(x.AssemblyName, y.AssemblyName));

            // Metadata is input like a catalog file: the namespace lands in generated code, so it must be a namespace.
            // (Ids are quoted when emitted, and names are derived again by the builders, which check them.)
            var invalid = catalogs.Where(c => !CatalogGenerator.IsValidNamespace(c.Namespace)).ToList();
            ReferencedCatalogs result = Disagreements(catalogs.Except(invalid).ToList());
            if (invalid.Count == 0) return result;
            var diagnostics = invalid.Select(c => DiagnosticInfo.Create(DiagnosticDescriptors.InvalidIdentifier, null,
                $"The referenced assembly '{c.AssemblyName}' declares a catalog in '{c.Namespace}', which is not a C# namespace; its catalog is left out"));
            return result with { Diagnostics = result.Diagnostics.Concat(diagnostics).ToEquatableArray() };
        }

        /// <summary>
        /// Whether <paramref name="attribute"/> is of the type <paramref name="fullName"/>. The simple name is compared
        /// first: this runs over every attribute of every referenced assembly on each compilation, and only the rare
        /// match pays for the full name.
        /// </summary>
        private static bool Is(AttributeData attribute, string name, string fullName)
            => attribute.AttributeClass is { } type && type.Name == name && type.ToDisplayString() == fullName;

        /// <summary>
        /// HWC123: two referenced catalogs that share ids (a diamond: both carry the built-in catalog, or one carries
        /// the other's entries) or that share a namespace cannot both be used: their types would be ambiguous. The
        /// first by assembly name is kept, and one diagnostic names both and what to do.
        /// </summary>
        private static ReferencedCatalogs Disagreements(List<ReferencedCatalog> catalogs)
        {
            var kept = new List<ReferencedCatalog>();
            var diagnostics = new List<DiagnosticInfo>();
            foreach (ReferencedCatalog catalog in catalogs)
            {
                ReferencedCatalog? clash = kept.FirstOrDefault(k => k.Namespace == catalog.Namespace || SharedIds(k, catalog).Any());
                if (clash is null)
                {
                    kept.Add(catalog);
                    continue;
                }

                string[] shared = SharedIds(clash, catalog).ToArray();
                string what = shared.Length > 0
                    ? $"both carry {shared.Length} of the same ids (such as '{shared[0]}')"
                    : $"both generate the catalog classes of namespace '{catalog.Namespace}'";
                string versions = clash.GeneratorVersion == catalog.GeneratorVersion ? "" : $", and they were built with different versions of the built-in catalog ({clash.GeneratorVersion} and {catalog.GeneratorVersion})";
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ReferencedCatalogsDisagree, null, clash.AssemblyName, catalog.AssemblyName, what + versions));
            }

            return new ReferencedCatalogs(kept.ToEquatableArray(), diagnostics.ToEquatableArray());
        }

        private static IEnumerable<string> SharedIds(ReferencedCatalog a, ReferencedCatalog b)
        {
            var ids = new HashSet<string>(a.Entries.Select(e => e.Id), StringComparer.Ordinal);
            return b.Entries.Select(e => e.Id).Where(ids.Contains);
        }
    }
}
