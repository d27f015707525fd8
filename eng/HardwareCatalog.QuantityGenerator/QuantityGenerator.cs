using System;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace HardwareCatalog.QuantityGenerator
{
    /// <summary>
    /// Generates the shared members of the unit structs (arithmetic, comparison, equality, formatting, parsing) and the
    /// operators between quantities from one table, <c>Quantities.txt</c>, given to the compiler as an additional file.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class QuantityGenerator : IIncrementalGenerator
    {
        /// <summary>The file name the generator reads; other additional files are ignored.</summary>
        public const string TableFileName = "Quantities.txt";

        /// <inheritdoc/>
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            IncrementalValuesProvider<(string Path, string Text)> tables = context.AdditionalTextsProvider
                .Where(static file => string.Equals(Path.GetFileName(file.Path), TableFileName, StringComparison.OrdinalIgnoreCase))
                .Select(static (file, cancellationToken) => (file.Path, file.GetText(cancellationToken)?.ToString() ?? ""));

            context.RegisterSourceOutput(tables, static (output, table) => Execute(output, table.Path, table.Text));
        }

        private static void Execute(SourceProductionContext output, string path, string text)
        {
            SourceText source = SourceText.From(text);
            QuantityTable table = QuantityTableParser.Parse(source);
            foreach (TableProblem problem in table.Problems)
            {
                TextSpan span = table.LineSpans[problem.Line - 1];
                Location location = Location.Create(path, span, source.Lines.GetLinePositionSpan(span));
                output.ReportDiagnostic(Diagnostic.Create(QuantityDiagnostics.ById(problem.Id), location, problem.Message));
            }

            foreach ((string hintName, string code) in QuantityEmitter.Emit(table))
            {
                output.AddSource(hintName, SourceText.From(code, System.Text.Encoding.UTF8));
            }
        }
    }
}
