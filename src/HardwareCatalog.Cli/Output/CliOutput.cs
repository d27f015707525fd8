using System.IO;
using Spectre.Console;

namespace HardwareCatalog.Cli.Output
{
    /// <summary>
    /// Where a command writes: <see cref="Console"/> for tables a person reads, <see cref="Raw"/> for the machine formats
    /// (never wrapped at the terminal's width), <see cref="Status"/> (standard error) for the progress display, and
    /// <see cref="ErrorText"/> (standard error) for error and check lines, one per line, never wrapped, so that standard
    /// output stays parseable and the lines stay greppable.
    /// </summary>
    public sealed class CliOutput
    {
        public CliOutput(IAnsiConsole console, TextWriter raw, IAnsiConsole status, TextWriter errorText)
        {
            Console = console;
            Raw = raw;
            Status = status;
            ErrorText = errorText;
        }

        public IAnsiConsole Console { get; }

        public TextWriter Raw { get; }

        public IAnsiConsole Status { get; }

        public TextWriter ErrorText { get; }

        /// <summary>Standard output and standard error of the process.</summary>
        public static CliOutput ForProcess()
            => new(AnsiConsole.Console, System.Console.Out, AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(System.Console.Error) }), System.Console.Error);

        /// <summary>Prints a line about what the command did (a file written) on standard error.</summary>
        public void Note(string message) => ErrorText.WriteLine(message);

        /// <summary>Prints an error line (<c>error: message</c>) on standard error.</summary>
        public void Error(string message) => ErrorText.WriteLine("error: " + message);
    }
}
