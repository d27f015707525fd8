using System;
using System.Collections.Generic;

namespace HardwareCatalog
{
    /// <summary>
    /// The own source of one catalog value, written in the long form <c>{ value: 400 W, source: URL, secondary: true }</c>:
    /// where it comes from and whether that is a secondary source (press, reseller, a third-party database) rather than
    /// the vendor or the paper. Build with <c>HardwareCatalogSecondaryValues=exclude</c> to leave secondary values out.
    /// </summary>
    public sealed class ValueSource
    {
        /// <summary>Creates the record of one value's source.</summary>
        public ValueSource(string key, string? url, bool isSecondary)
        {
            Key = key ?? throw new ArgumentNullException(nameof(key));
            Url = url;
            IsSecondary = isSecondary;
        }

        /// <summary>The value's catalog path, for example <c>tdp</c> or <c>dense.bf16</c>.</summary>
        public string Key { get; }

        /// <summary>The URL the value comes from, when the entry names one.</summary>
        public string? Url { get; }

        /// <summary>Whether the source is secondary: press, a reseller, a third-party database.</summary>
        public bool IsSecondary { get; }

        /// <inheritdoc/>
        public override string ToString() => Key + (IsSecondary ? " (secondary)" : "") + (Url is null ? "" : ": " + Url);

        /// <summary>Reads the generated form: key, URL or empty, "secondary" or empty, repeated.</summary>
        internal static IReadOnlyList<ValueSource> Read(string[]? triples)
        {
            if (triples is null || triples.Length == 0) return Array.Empty<ValueSource>();
            if (triples.Length % 3 != 0) throw new ArgumentException("Expected key, URL and mark triples.", nameof(triples));
            var sources = new ValueSource[triples.Length / 3];
            for (int i = 0; i < sources.Length; i++)
            {
                string url = triples[3 * i + 1];
                sources[i] = new ValueSource(triples[3 * i], url.Length == 0 ? null : url, triples[3 * i + 2] == "secondary");
            }

            return Array.AsReadOnly(sources);
        }
    }
}
