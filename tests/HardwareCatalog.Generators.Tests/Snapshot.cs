using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Xunit;

namespace HardwareCatalog.Generators.Tests
{
    /// <summary>
    /// Compares generated code against checked-in <c>Snapshots/*.verified.cs</c> files (Verify's naming). On a
    /// difference it writes <c>*.received.cs</c> beside it and fails. Setting HARDWARECATALOG_UPDATE_SNAPSHOTS=1
    /// rewrites the verified files instead; reviewing that diff is the approval. The generator's version is replaced by
    /// <c>{version}</c> before comparing, so snapshots do not embed the package version.
    /// </summary>
    internal static class Snapshot
    {
        private static readonly string s_directory = typeof(Snapshot).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "SnapshotDirectory").Value!;

        public static void Verify(string name, string actual)
        {
            string verified = Path.Combine(s_directory, name + ".verified.cs");
            string received = Path.Combine(s_directory, name + ".received.cs");
            actual = ScrubVersion(actual.Replace("\r\n", "\n"));

            if (Environment.GetEnvironmentVariable("HARDWARECATALOG_UPDATE_SNAPSHOTS") == "1")
            {
                File.WriteAllText(verified, actual);
                return;
            }

            string expected = File.Exists(verified) ? File.ReadAllText(verified).Replace("\r\n", "\n") : "";
            if (expected != actual)
            {
                File.WriteAllText(received, actual);
                Assert.Fail($"{name}: the generated code differs from {verified} (see {received}). Review the difference; if it is intended, rerun with HARDWARECATALOG_UPDATE_SNAPSHOTS=1 and commit the verified file.");
            }

            if (File.Exists(received)) File.Delete(received);
        }

        /// <summary>
        /// The generator's version in <c>[GeneratedCode]</c> becomes a placeholder, so that a version bump does not change
        /// every snapshot. The attribute must still be there: a file without it keeps the text as it is, and fails.
        /// </summary>
        internal static string ScrubVersion(string source)
            => Regex.Replace(source, @"(GeneratedCode\(""HardwareCatalog\.Generators"", "")[^""]*("")", "${1}{version}${2}");
    }
}
