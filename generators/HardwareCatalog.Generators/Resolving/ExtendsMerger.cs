using System;
using System.Collections.Generic;
using System.Linq;
using HardwareCatalog.Generators.Building;
using HardwareCatalog.Generators.Model;
using HardwareCatalog.Generators.Parsing;
using HardwareCatalog.Generators.Schema;

namespace HardwareCatalog.Generators.Resolving
{
    /// <summary>
    /// Applies <c>extends</c>: an entry's values laid over those of its chain. Each chain is walked once with a loop,
    /// not recursion (a hostile catalog may chain thousands of entries), and every step is remembered for the entries
    /// that extend it.
    /// </summary>
    internal sealed class ExtendsMerger
    {
        private readonly IReadOnlyDictionary<string, ParsedEntry> _byId;
        private readonly DiagnosticBag _diagnostics;
        private readonly Dictionary<string, List<ParsedField>?> _merged = new(StringComparer.Ordinal);

        public ExtendsMerger(IReadOnlyDictionary<string, ParsedEntry> byId, DiagnosticBag diagnostics)
        {
            _byId = byId;
            _diagnostics = diagnostics;
        }

        /// <summary>The entry's fields with those of its chain beneath them; null when the chain is broken (reported).</summary>
        public List<ParsedField>? Merge(ParsedEntry entry)
        {
            var chain = new List<ParsedEntry>();
            var onChain = new HashSet<string>(StringComparer.Ordinal);
            List<ParsedField>? inherited = null;
            bool broken = false;
            for (ParsedEntry current = entry; ;)
            {
                if (_merged.TryGetValue(current.Id, out List<ParsedField>? done))
                {
                    inherited = done;
                    broken = done is null;
                    break;
                }

                if (!onChain.Add(current.Id))
                {
                    int start = chain.FindIndex(e => e.Id == current.Id);
                    string cycle = string.Join(" -> ", chain.Skip(start).Select(e => e.Id).Concat(new[] { current.Id }));
                    _diagnostics.Report(DiagnosticDescriptors.ExtendsCycle, current.Get("extends")!.Location, cycle);
                    broken = true;
                    break;
                }

                chain.Add(current);
                ParsedField? extends = current.Get("extends");
                if (extends is null)
                {
                    break;
                }

                if (!_byId.TryGetValue(extends.Text, out ParsedEntry? parent) || parent.Kind != current.Kind)
                {
                    string kind = current.Kind;
                    IEnumerable<string> candidates = _byId.Values.Where(e => e.Kind == kind).Select(e => e.Id);
                    _diagnostics.Report(DiagnosticDescriptors.UnknownReference, extends.Location, current.Id, extends.Text, kind, Suggestions.DidYouMean(extends.Text, candidates));
                    broken = true;
                    break;
                }

                current = parent;
            }

            // Apply the chain from its root down, remembering each step for the entries that extend it.
            List<ParsedField>? fields = inherited;
            for (int i = chain.Count - 1; i >= 0; i--)
            {
                ParsedEntry link = chain[i];
                if (!broken)
                {
                    fields = fields is null ? link.Fields.ToList() : Overlay(link, fields);
                }

                _merged[link.Id] = broken ? null : fields;
            }

            return broken ? null : fields;
        }

        /// <summary>
        /// The entry's own values replace inherited ones key by key; values that are never inherited (id, identifier,
        /// extends, notes) are dropped; sources are the parent's plus the entry's, so inherited values keep their provenance.
        /// </summary>
        private static List<ParsedField> Overlay(ParsedEntry entry, List<ParsedField> parentFields)
        {
            HashSet<string> notInherited = NotInherited(entry.Kind);
            ReadOnlySpan<ParsedField> own = entry.Fields.AsSpan();
            HashSet<string>? ownPaths = own.Length > 8 ? new HashSet<string>(entry.Fields.Select(f => f.Path), StringComparer.Ordinal) : null;
            var result = new List<ParsedField>(parentFields.Count + own.Length);
            ParsedField? inheritedSources = null;
            foreach (ParsedField field in parentFields)
            {
                if (field.Path == "sources")
                {
                    inheritedSources = field;
                }
                else if (!(ownPaths?.Contains(field.Path) ?? ParsedField.Find(own, field.Path) is not null) && !IsUnder(notInherited, field.Path))
                {
                    // A nested value ('dense.fp8') is inherited key by key, unless its whole mapping is not ('measured').
                    result.Add(field);
                }
            }

            foreach (ParsedField field in own)
            {
                if (field.Path == "sources" && inheritedSources is not null)
                {
                    result.Add(field with { Items = Union(inheritedSources.Items, field.Items) });
                    inheritedSources = null;
                    continue;
                }

                result.Add(field);
            }

            if (inheritedSources is not null) result.Add(inheritedSources);
            return result;
        }

        /// <summary>The parent's sources, then the entry's own that are new, in order.</summary>
        private static EquatableArray<string> Union(EquatableArray<string> inherited, EquatableArray<string> own)
        {
            var union = new List<string>(inherited.Count + own.Count);
            foreach (string source in inherited) union.Add(source);
            foreach (string source in own)
            {
                if (!union.Contains(source)) union.Add(source);
            }

            return new EquatableArray<string>(union.ToArray());
        }

        private static readonly Dictionary<string, HashSet<string>> s_notInherited = CatalogSchema.Kinds.ToDictionary(
            kind => kind,
            kind => new HashSet<string>(CatalogSchema.ForKind(kind)!.Children.Where(c => !c.Inherited).Select(c => c.Key), StringComparer.Ordinal),
            StringComparer.Ordinal);

        private static HashSet<string> NotInherited(string kind) => s_notInherited[kind];

        /// <summary>Whether <paramref name="path"/> is one of <paramref name="keys"/> or lies under one (without allocating: it runs per inherited value).</summary>
        private static bool IsUnder(HashSet<string> keys, string path)
        {
            foreach (string key in keys)
            {
                if (path.StartsWith(key, StringComparison.Ordinal) && (path.Length == key.Length || path[key.Length] == '.')) return true;
            }

            return false;
        }
    }
}
