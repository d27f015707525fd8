using System;
using System.Collections.Generic;
using System.Linq;
using HardwareCatalog.Catalogs;
using HardwareCatalog.Cli.Catalogs;

namespace HardwareCatalog.Cli
{
    /// <summary>A user error: printed as one line on standard error, exit code 2, no stack trace.</summary>
    public sealed class CliException : Exception
    {
        public CliException(string message)
            : base(message)
        {
        }
    }

    /// <summary>The catalog by id (the built-in one, with any <c>--catalog</c> entries), with the nearest ids offered when an id is unknown.</summary>
    public static class CatalogLookup
    {
        private static LoadedCatalog Catalog => RuntimeCatalog.Current;

        public static IEnumerable<string> AllIds => Catalog.Gpus.Select(g => g.Id).Concat(Catalog.Models.Select(m => m.Id)).Concat(Catalog.Systems.Select(s => s.Id));

        public static Accelerator Gpu(string id) => Catalog.FindGpu(id) ?? throw Unknown("GPU", id, Catalog.Gpus.Select(g => g.Id));

        public static ModelSpec Model(string id) => Catalog.FindModel(id) ?? throw Unknown("model", id, Catalog.Models.Select(m => m.Id));

        public static AcceleratorSystem System(string id) => Catalog.FindSystem(id) ?? throw Unknown("system", id, Catalog.Systems.Select(s => s.Id));

        /// <summary>The error for an unknown id: what kind was asked for and the nearest known ids.</summary>
        public static CliException Unknown(string kind, string id, IEnumerable<string> known)
        {
            IReadOnlyList<string> all = known.ToList();
            IReadOnlyList<string> nearest = Nearest(id, all);
            // A short list (recipes, formats, columns) is worth printing whole when nothing is near.
            string hint = nearest.Count > 0 ? $"; did you mean {string.Join(" or ", nearest.Select(n => $"'{n}'"))}?"
                : all.Count <= 20 ? $"; use one of: {string.Join(", ", all)}"
                : "";
            return new CliException($"unknown {kind} '{id}'{hint}");
        }

        /// <summary>
        /// The known ids at the smallest edit distance from <paramref name="id"/> (at most three), if that distance is at most
        /// a third of the id's length (at least 2), so that a wild guess gets no suggestion rather than a random one.
        /// </summary>
        public static IReadOnlyList<string> Nearest(string id, IEnumerable<string> known)
        {
            string wanted = id.ToLowerInvariant();
            var scored = known.Select(k => (Id: k, Distance: EditDistance(wanted, k))).ToList();
            if (scored.Count == 0) return Array.Empty<string>();
            int best = scored.Min(s => s.Distance);
            if (best > Math.Max(2, wanted.Length / 3)) return Array.Empty<string>();
            return scored.Where(s => s.Distance == best).Select(s => s.Id).OrderBy(s => s, StringComparer.Ordinal).Take(3).ToArray();
        }

        /// <summary>Levenshtein distance: insertions, deletions and substitutions, one row of the table at a time.</summary>
        public static int EditDistance(string a, string b)
        {
            var previous = new int[b.Length + 1];
            var current = new int[b.Length + 1];
            for (int j = 0; j <= b.Length; j++) previous[j] = j;
            for (int i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (int j = 1; j <= b.Length; j++)
                {
                    int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                    current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
                }

                (previous, current) = (current, previous);
            }

            return previous[b.Length];
        }
    }
}
