using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Xunit;

namespace HardwareCatalog.Generators.Tests
{
    /// <summary>
    /// Compares generated code against checked-in <c>Snapshots/*.verified.cs</c> files (Verify's naming). On a
    /// difference it writes <c>*.received.cs</c> beside it and fails. Setting HARDWARECATALOG_UPDATE_SNAPSHOTS=1
    /// rewrites the verified files instead; reviewing that diff is the approval.
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
            actual = actual.Replace("\r\n", "\n");

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
    }
}
