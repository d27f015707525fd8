using System.IO;
using System.Linq;
using System.Text.Json;
using HardwareCatalog.Cli.Output;
using Spectre.Console.Testing;

namespace HardwareCatalog.Cli.Tests
{
    /// <summary>Runs hwcat in-process with test consoles and returns what it wrote where.</summary>
    public static class Hwcat
    {
        public sealed record Result(int ExitCode, string Table, string Raw, string Errors, string Status)
        {
            /// <summary>Everything standard output received: tables and the machine formats.</summary>
            public string Output => Table + Raw;

            public JsonElement Json() => JsonDocument.Parse(Raw).RootElement;

            /// <summary>The row of the show/compare "values" array with this key.</summary>
            public JsonElement Value(string key) => Json().GetProperty("values").EnumerateArray().Single(v => v.GetProperty("key").GetString() == key);
        }

        public static Result Run(params string[] args)
        {
            var console = new TestConsole().Width(250);
            var status = new TestConsole().Width(250).Interactive();
            var raw = new StringWriter();
            var errors = new StringWriter();
            int exit = HwcatApp.Run(args, new CliOutput(console, raw, status, errors));
            return new Result(exit, console.Output, raw.ToString(), errors.ToString(), status.Output);
        }

        /// <summary>A quantity as JSON writes it: its value in the base unit, after checking the unit's name.</summary>
        public static double Quantity(JsonElement element, string unit)
        {
            Xunit.Assert.Equal(unit, element.GetProperty("unit").GetString());
            return element.GetProperty("value").GetDouble();
        }

        /// <summary>
        /// The "performance" object <c>serve --format json</c> prints against what <paramref name="plan"/> computes: the
        /// largest concurrency at <paramref name="context"/> tokens, TTFT, time per output token, tokens/s and the cost
        /// per million output tokens at <paramref name="usdPerGpuHour"/>.
        /// </summary>
        public static void AssertServingPerformance(Planning.ServingPlan plan, JsonElement performance, int context, double usdPerGpuHour)
        {
            Xunit.Assert.Equal(plan.MaxConcurrency(context), performance.GetProperty("maxConcurrency").GetInt32());
            Xunit.Assert.Equal(plan.TimeToFirstToken!.Value.TotalSeconds, Quantity(performance.GetProperty("timeToFirstToken"), "s"));
            Xunit.Assert.Equal(plan.Decode!.TimePerOutputToken.TotalSeconds, Quantity(performance.GetProperty("timePerOutputToken"), "s"));
            Xunit.Assert.Equal(plan.Decode.OutputTokensPerSecond, Quantity(performance.GetProperty("outputTokensPerSecond"), "tokens/s"));
            Xunit.Assert.Equal(plan.CostPerMillionOutputTokens(Units.GpuHourPrice.Usd(usdPerGpuHour))!.Value.Usd, Quantity(performance.GetProperty("costPerMillionOutputTokens"), "USD"));
        }
    }
}
