using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;

namespace HardwareCatalog.Catalogs
{
    /// <summary>
    /// Catalog files for the pipeline: the built-in catalog this library carries (the files the package hands the
    /// generator, tagged built-in) and the files or directories a user names.
    /// </summary>
    public static class CatalogFiles
    {
        private const string ResourcePrefix = "catalogs/";

        /// <summary>The extensions of catalog files, as the package's build props collect them.</summary>
        private static readonly string[] s_extensions = { ".yaml", ".yml", ".json" };

        private static readonly Lazy<IReadOnlyList<CatalogSource>> s_builtIn = new(() =>
        {
            Assembly assembly = typeof(CatalogFiles).Assembly;
            var sources = new List<CatalogSource>();
            foreach (string name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).OrderBy(n => n, StringComparer.Ordinal))
            {
                using Stream stream = assembly.GetManifestResourceStream(name)!;
                using var reader = new StreamReader(stream);
                sources.Add(new CatalogSource(name, reader.ReadToEnd(), IsBuiltIn: true));
            }

            return sources;
        });

        /// <summary>The built-in catalog files, named <c>catalogs/gpus/h100-sxm.yaml</c> and so on.</summary>
        public static IReadOnlyList<CatalogSource> BuiltIn => s_builtIn.Value;

        /// <summary>
        /// The user's catalog files: each path a file, or a directory searched recursively for *.yaml, *.yml and *.json
        /// (not *.schema.json), in ordinal order; each file once, by its full path.
        /// </summary>
        /// <exception cref="FileNotFoundException">A path is neither a file nor a directory.</exception>
        /// <exception cref="IOException">A directory or a file cannot be read (the message names it).</exception>
        public static IReadOnlyList<CatalogSource> Read(IEnumerable<string> paths)
        {
            if (paths is null) throw new ArgumentNullException(nameof(paths));
            var files = new List<string>();
            foreach (string path in paths)
            {
                if (Directory.Exists(path))
                {
                    try
                    {
                        files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Where(IsCatalogFile).OrderBy(f => f, StringComparer.Ordinal));
                    }
                    catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                    {
                        throw new IOException($"cannot read the directory '{path}': {exception.Message}", exception);
                    }
                }
                else if (File.Exists(path))
                {
                    files.Add(path);
                }
                else
                {
                    throw new FileNotFoundException($"no such file or directory: '{path}'", path);
                }
            }

            return files.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).Select(file =>
            {
                try
                {
                    return new CatalogSource(file, File.ReadAllText(file), IsBuiltIn: false);
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    throw new IOException($"cannot read '{file}': {exception.Message}", exception);
                }
            }).ToList();
        }

        private static bool IsCatalogFile(string file)
            => s_extensions.Any(e => file.EndsWith(e, StringComparison.OrdinalIgnoreCase)) && !file.EndsWith(".schema.json", StringComparison.OrdinalIgnoreCase);
    }
}
