using System;
using System.IO;

namespace TrainingCost.Tests
{
    /// <summary>
    /// Runs the sample's entry point with its standard output captured. Console.Out is process-wide and xunit runs test
    /// classes in parallel, so every capture goes through one lock: two tests swapping the writer at once would read
    /// each other's output.
    /// </summary>
    internal static class ProgramRun
    {
        private static readonly object s_console = new();

        public static int Run(out string output, params string[] args)
        {
            lock (s_console)
            {
                TextWriter previous = Console.Out;
                TextWriter previousError = Console.Error;
                using var writer = new StringWriter();
                try
                {
                    Console.SetOut(writer);
                    Console.SetError(TextWriter.Null);
                    object? result = typeof(Figures).Assembly.EntryPoint!.Invoke(null, new object[] { args });
                    output = writer.ToString();
                    return (int)result!;
                }
                finally
                {
                    Console.SetOut(previous);
                    Console.SetError(previousError);
                }
            }
        }
    }
}
