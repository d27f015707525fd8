using System.Threading;
using HardwareCatalog.Catalogs;

namespace HardwareCatalog.Cli.Catalogs
{
    /// <summary>The catalog a command looks entries up in: the built-in one, plus any user entries loaded with <c>--catalog</c> or a plan file.</summary>
    public static class RuntimeCatalog
    {
        private static readonly AsyncLocal<LoadedCatalog?> s_current = new();

        /// <summary>The catalog of the command running on this flow: the built-in one unless files added entries.</summary>
        public static LoadedCatalog Current
        {
            get => s_current.Value ?? LoadedCatalog.BuiltIn;
            set => s_current.Value = value;
        }
    }
}
