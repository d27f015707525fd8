using System;
using System.Collections.Generic;

namespace HardwareCatalog.Generators.Parsing
{
    /// <summary>"Did you mean" by edit distance.</summary>
    internal static class Suggestions
    {
        /// <summary>Returns <c>"; did you mean 'x'?"</c> for the closest candidate, or an empty string when none is close.</summary>
        public static string DidYouMean(string actual, IEnumerable<string> candidates)
        {
            string? best = null;
            int bestDistance = int.MaxValue;
            foreach (string candidate in candidates)
            {
                int distance = Distance(actual.ToLowerInvariant(), candidate.ToLowerInvariant());
                if (distance < bestDistance)
                {
                    best = candidate;
                    bestDistance = distance;
                }
            }

            int allowed = Math.Max(2, actual.Length / 3);
            return best is not null && bestDistance <= allowed ? $"; did you mean '{best}'?" : "";
        }

        /// <summary>Levenshtein distance with transpositions (optimal string alignment).</summary>
        public static int Distance(string a, string b)
        {
            if (a.Length > 64 || b.Length > 64) return Math.Max(a.Length, b.Length);
            var d = new int[a.Length + 1, b.Length + 1];
            for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
            for (int j = 0; j <= b.Length; j++) d[0, j] = j;
            for (int i = 1; i <= a.Length; i++)
            {
                for (int j = 1; j <= b.Length; j++)
                {
                    int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                    if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    {
                        d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                    }
                }
            }

            return d[a.Length, b.Length];
        }
    }
}
