using System.Collections.Generic;
using System.IO;
using HardwareCatalog.Catalogs;

namespace HardwareCatalog.Cli.Catalogs
{
    /// <summary>The catalog files a command is given, read as the library reads them; a path that cannot be read is a usage error naming the option.</summary>
    public static class InputFiles
    {
        /// <summary>The files of <paramref name="paths"/> (files, or directories searched recursively), as <see cref="CatalogFiles.Read"/> reads them.</summary>
        public static IReadOnlyList<CatalogSource> Read(IEnumerable<string> paths, string option)
        {
            try
            {
                return CatalogFiles.Read(paths);
            }
            catch (IOException exception)
            {
                throw new CliException($"{option}: {exception.Message}");
            }
        }

        /// <summary>A path as diagnostics print it: relative to the current directory (a built-in file's resource name as it is).</summary>
        public static string Relative(string path)
            => Path.IsPathRooted(path) ? Path.GetRelativePath(Directory.GetCurrentDirectory(), path) : path;
    }
}
