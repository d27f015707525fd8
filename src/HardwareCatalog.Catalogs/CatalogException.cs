using System;
using System.Collections.Generic;
using System.Linq;

namespace HardwareCatalog.Catalogs
{
    /// <summary>
    /// Catalog files with an error, which a build would fail on: the message lists every error in the MSBuild line format
    /// (<c>file(line,col): error HWC123: …</c>), and <see cref="Diagnostics"/> holds every diagnostic.
    /// </summary>
    public sealed class CatalogException : Exception
    {
        /// <summary>Catalog files with the errors among <paramref name="diagnostics"/>.</summary>
        internal CatalogException(IReadOnlyList<CatalogDiagnostic> diagnostics)
            : base(Describe(diagnostics ?? throw new ArgumentNullException(nameof(diagnostics))))
            => Diagnostics = diagnostics;

        /// <summary>Every diagnostic of the files (errors, warnings and infos), in the order the build reports them.</summary>
        public IReadOnlyList<CatalogDiagnostic> Diagnostics { get; }

        private static string Describe(IReadOnlyList<CatalogDiagnostic> diagnostics)
        {
            List<CatalogDiagnostic> errors = diagnostics.Where(d => d.Severity == CatalogSeverity.Error).ToList();
            return $"the catalog has {errors.Count} error{(errors.Count == 1 ? "" : "s")}:" + string.Concat(errors.Select(e => Environment.NewLine + e));
        }
    }
}
