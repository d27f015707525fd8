using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;

namespace HardwareCatalog.PackageTests
{
    /// <summary>Runs the dotnet CLI as a user would, isolated from the test host's MSBuild environment.</summary>
    public static class DotNet
    {
        public sealed record Result(int ExitCode, string Output, TimeSpan Elapsed);

        public static Result Run(string workingDirectory, string arguments, IReadOnlyDictionary<string, string>? environment = null, int timeoutSeconds = 600)
            => Execute(workingDirectory, "dotnet", arguments, environment, timeoutSeconds);

        /// <summary>Runs a program (a published app, a native executable) with the same isolated environment as the CLI.</summary>
        public static Result Execute(string workingDirectory, string fileName, string arguments, IReadOnlyDictionary<string, string>? environment = null, int timeoutSeconds = 600)
        {
            var start = new ProcessStartInfo(fileName, arguments)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };

            // The test host runs inside 'dotnet test'; its MSBuild variables would leak into the child build.
            foreach (string key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k == "DOTNET_HOST_PATH").ToList())
            {
                start.Environment.Remove(key);
            }

            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
            foreach (KeyValuePair<string, string> pair in environment ?? new Dictionary<string, string>())
            {
                start.Environment[pair.Key] = pair.Value;
            }

            var output = new StringBuilder();
            var stopwatch = Stopwatch.StartNew();
            using var process = new Process { StartInfo = start };
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit(timeoutSeconds * 1000))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{fileName} {arguments} did not finish in {timeoutSeconds} s:\n{output}");
            }

            process.WaitForExit();
            return new Result(process.ExitCode, output.ToString(), stopwatch.Elapsed);
        }

        public static void WriteFile(string path, string text)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text.Replace("\r\n", "\n"));
        }
    }
}
