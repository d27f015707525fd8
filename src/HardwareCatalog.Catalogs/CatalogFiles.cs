extern alias catalogs;

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using catalogs::HardwareCatalog.Catalogs;

namespace HardwareCatalog.Cli.Catalogs
{
    /// <summary>
    /// Catalog files for the pipeline: the built-in catalog the tool carries (the files the package hands the generator,
    /// tagged builtin) and the files or directories a user names.
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
        /// (not *.schema.json), in ordinal order. A path that does not exist or cannot be read is a usage error.
        /// </summary>
        public static IReadOnlyList<CatalogSource> Read(IEnumerable<string> paths, string option)
        {
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
                        throw new CliException($"{option}: cannot read the directory '{path}': {exception.Message}");
                    }
                }
                else if (File.Exists(path))
                {
                    files.Add(path);
                }
                else
                {
                    throw new CliException($"{option}: no such file or directory: '{path}'");
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
                    throw new CliException($"{option}: cannot read '{Relative(file)}': {exception.Message}");
                }
            }).ToList();
        }

        /// <summary>A path as diagnostics print it: relative to the current directory (a built-in file's resource name as it is).</summary>
        public static string Relative(string path)
            => Path.IsPathRooted(path) ? Path.GetRelativePath(Directory.GetCurrentDirectory(), path) : path;

        private static bool IsCatalogFile(string file)
            => s_extensions.Any(e => file.EndsWith(e, StringComparison.OrdinalIgnoreCase)) && !file.EndsWith(".schema.json", StringComparison.OrdinalIgnoreCase);
    }
}
