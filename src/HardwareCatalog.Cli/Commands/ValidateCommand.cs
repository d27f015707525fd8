using System;
using System.ComponentModel;
using System.Linq;
using System.Reflection;
using System.Threading;
using HardwareCatalog.Catalogs;
using HardwareCatalog.Cli.Catalogs;
using HardwareCatalog.Cli.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace HardwareCatalog.Cli.Commands
{
    /// <summary>How <c>validate</c> writes its diagnostics.</summary>
    public enum DiagnosticFormat
    {
        /// <summary>One line per diagnostic in the MSBuild format: <c>path(line,col): error HWC123: message</c>.</summary>
        Text,

        /// <summary>A SARIF 2.1.0 log.</summary>
        Sarif,
    }

    public sealed class ValidateSettings : CommandSettings
    {
        [CommandArgument(0, "<PATH>")]
        [Description("Catalog files or directories (searched for *.yaml, *.yml and *.json).")]
        public string[] Paths { get; set; } = Array.Empty<string>();

        [CommandOption("-f|--format <FORMAT>")]
        [Description("text (the build's line format) or sarif (SARIF 2.1.0).")]
        [DefaultValue(DiagnosticFormat.Text)]
        public DiagnosticFormat Format { get; set; } = DiagnosticFormat.Text;

        [CommandOption("--warnings-as-errors")]
        [Description("Exit with 1 when there is a warning too.")]
        public bool WarningsAsErrors { get; set; }

        public override ValidationResult Validate()
            => Paths.Length == 0 ? ValidationResult.Error("validate needs at least one file or directory") : base.Validate();
    }

    /// <summary>
    /// <c>hwcat validate PATH…</c>: the files with the built-in catalog through the generator's own pipeline, so the same
    /// diagnostics as a build; exit code 1 when there is an error (or a warning, with --warnings-as-errors), 0 otherwise.
    /// </summary>
    public sealed class ValidateCommand : Command<ValidateSettings>
    {
        private readonly CliOutput _output;

        public ValidateCommand(CliOutput output) => _output = output;

        public override int Execute(CommandContext context, ValidateSettings settings, CancellationToken cancellationToken)
        {
            var files = InputFiles.Read(settings.Paths, "validate");
            CatalogCheckResult result = UserCatalogs.Check(files);
            if (settings.Format == DiagnosticFormat.Sarif)
            {
                _output.Raw.WriteLine(Sarif.Write(result.Diagnostics, ToolVersion));
            }
            else
            {
                foreach (CatalogDiagnostic diagnostic in result.Diagnostics) _output.Raw.WriteLine(DiagnosticText.Line(diagnostic));
            }

            int errors = result.Diagnostics.Count(d => d.Severity == CatalogSeverity.Error);
            int warnings = result.Diagnostics.Count(d => d.Severity == CatalogSeverity.Warning);
            _output.Note($"{files.Count} catalog file{(files.Count == 1 ? "" : "s")} checked with the built-in catalog: {errors} error{(errors == 1 ? "" : "s")}, {warnings} warning{(warnings == 1 ? "" : "s")}");

            return result.Diagnostics.Any(d => DiagnosticText.Fails(d, settings.WarningsAsErrors)) ? 1 : 0;
        }

        private static string ToolVersion
            => typeof(ValidateCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
    }
}
