extern alias catalogs;

using System;
using System.Collections.Generic;
using System.Linq;
using catalogs::HardwareCatalog.Catalogs;
using HardwareCatalog.Cli.Output;
using Microsoft.CodeAnalysis;
using Spectre.Console.Cli;

namespace HardwareCatalog.Cli.Catalogs
{
    /// <summary>Settings of a command that looks entries up, and so takes user catalog files with <c>--catalog</c>.</summary>
    public interface ICatalogSettings
    {
        /// <summary>Catalog files or directories to add to the built-in catalog.</summary>
        string[] Catalogs { get; }
    }

    /// <summary>The option text of <c>--catalog</c>, shared by the settings classes that declare it.</summary>
    public static class CatalogOption
    {
        public const string Template = "--catalog <PATH>";

        public const string Help = "A catalog file or directory (*.yaml, *.yml, *.json) to add to the built-in catalog (repeatable); checked as the build checks it.";
    }

    /// <summary>A user catalog with errors: its diagnostics are printed and the command exits with 1.</summary>
    public sealed class CatalogErrorsException : Exception
    {
        public CatalogErrorsException(IReadOnlyList<CatalogDiagnostic> diagnostics)
            : base("the catalog has errors")
            => Diagnostics = diagnostics;

        public IReadOnlyList<CatalogDiagnostic> Diagnostics { get; }
    }

    /// <summary>Loads user catalog files through the generator's pipeline, with the built-in catalog, and maps their entries to runtime objects.</summary>
    public static class UserCatalogs
    {
        /// <summary>Checks the built-in files with <paramref name="files"/>, as a build would.</summary>
        public static CatalogCheckResult Check(IReadOnlyList<CatalogSource> files) => CatalogCheck.Run(CatalogFiles.BuiltIn.Concat(files));

        /// <summary>
        /// The built-in catalog plus the entries of <paramref name="paths"/>. Errors throw <see cref="CatalogErrorsException"/>;
        /// warnings are written to standard error and the catalog is used.
        /// </summary>
        public static RuntimeCatalog Load(IReadOnlyList<string> paths, CliOutput output)
        {
            CatalogCheckResult result = Check(CatalogFiles.Read(paths, "--catalog"));
            if (result.HasErrors) throw new CatalogErrorsException(result.Diagnostics);
            foreach (CatalogDiagnostic warning in result.Diagnostics) output.Note(DiagnosticText.Line(warning));
            return CatalogMapping.WithUserEntries(RuntimeCatalog.BuiltIn, result.Gpus, result.Resolved.Models, result.Resolved.Systems);
        }
    }

    /// <summary>Before a command runs: the catalog it looks entries up in, with the <c>--catalog</c> files when it was given some.</summary>
    public sealed class CatalogInterceptor : ICommandInterceptor
    {
        private readonly CliOutput _output;

        public CatalogInterceptor(CliOutput output) => _output = output;

        public void Intercept(CommandContext context, CommandSettings settings)
        {
            // A plan file is checked together with the --catalog files by the command itself (PlanFiles), in one run of the pipeline.
            if (settings is IPlanFileSettings { File: not null })
            {
                RuntimeCatalog.Current = RuntimeCatalog.BuiltIn;
                return;
            }

            RuntimeCatalog.Current = settings is ICatalogSettings { Catalogs.Length: > 0 } catalog
                ? UserCatalogs.Load(catalog.Catalogs, _output)
                : RuntimeCatalog.BuiltIn;
        }
    }

    /// <summary>Diagnostics in the MSBuild line format the build prints.</summary>
    public static class DiagnosticText
    {
        /// <summary><c>path(line,col): error HWC123: message</c>, the path relative to the current directory.</summary>
        public static string Line(CatalogDiagnostic diagnostic)
            => (diagnostic.Path is { } path ? $"{CatalogFiles.Relative(path)}({diagnostic.Line},{diagnostic.Column}): " : "")
                + $"{diagnostic.Level} {diagnostic.Id}: {diagnostic.Message}";

        /// <summary>Whether this diagnostic fails the run: an error, or a warning when warnings count as errors.</summary>
        public static bool Fails(CatalogDiagnostic diagnostic, bool warningsAsErrors)
            => diagnostic.Severity == DiagnosticSeverity.Error || (warningsAsErrors && diagnostic.Severity == DiagnosticSeverity.Warning);
    }
}
