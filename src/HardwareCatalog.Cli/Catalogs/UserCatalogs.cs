using System.Collections.Generic;
using HardwareCatalog.Catalogs;
using HardwareCatalog.Cli.Output;
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

    /// <summary>Loads user catalog files through the generator's pipeline, with the built-in catalog, and maps their entries to runtime objects.</summary>
    public static class UserCatalogs
    {
        /// <summary>Checks the built-in files with <paramref name="files"/>, as a build would.</summary>
        internal static CatalogCheckResult Check(IReadOnlyList<CatalogSource> files) => LoadedCatalog.Run(files);

        /// <summary>
        /// The built-in catalog plus the entries of <paramref name="paths"/>. Errors throw <see cref="CatalogException"/>;
        /// warnings are written to standard error and the catalog is used.
        /// </summary>
        public static LoadedCatalog Load(IReadOnlyList<string> paths, CliOutput output)
        {
            LoadedCatalog catalog = LoadedCatalog.Load(InputFiles.Read(paths, "--catalog"));
            foreach (CatalogDiagnostic warning in catalog.Diagnostics) output.Note(DiagnosticText.Line(warning));
            return catalog;
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
                RuntimeCatalog.Current = LoadedCatalog.BuiltIn;
                return;
            }

            RuntimeCatalog.Current = settings is ICatalogSettings { Catalogs.Length: > 0 } catalog
                ? UserCatalogs.Load(catalog.Catalogs, _output)
                : LoadedCatalog.BuiltIn;
        }
    }

    /// <summary>Diagnostics in the MSBuild line format the build prints.</summary>
    public static class DiagnosticText
    {
        /// <summary><c>path(line,col): error HWC123: message</c>, the path relative to the current directory.</summary>
        public static string Line(CatalogDiagnostic diagnostic)
            => (diagnostic.Path is { } path ? $"{InputFiles.Relative(path)}({diagnostic.Line},{diagnostic.Column}): " : "")
                + $"{diagnostic.Level} {diagnostic.Id}: {diagnostic.Message}";

        /// <summary>Whether this diagnostic fails the run: an error, or a warning when warnings count as errors.</summary>
        public static bool Fails(CatalogDiagnostic diagnostic, bool warningsAsErrors)
            => diagnostic.Severity == CatalogSeverity.Error || (warningsAsErrors && diagnostic.Severity == CatalogSeverity.Warning);
    }
}
