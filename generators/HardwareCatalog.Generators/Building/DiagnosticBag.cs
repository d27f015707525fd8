using System.Collections.Generic;
using HardwareCatalog.Generators.Model;
using Microsoft.CodeAnalysis;

namespace HardwareCatalog.Generators.Building
{
    /// <summary>Collects located diagnostics as data; a stage hands them on with its result.</summary>
    internal sealed class DiagnosticBag
    {
        private readonly List<DiagnosticInfo> _items = new();

        public int Count => _items.Count;

        public void Report(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments)
            => _items.Add(DiagnosticInfo.Create(descriptor, location, arguments));

        public void Add(DiagnosticInfo diagnostic) => _items.Add(diagnostic);

        public void AddRange(IEnumerable<DiagnosticInfo> diagnostics) => _items.AddRange(diagnostics);

        /// <summary>The diagnostics, each once, in the order they were reported.</summary>
        public EquatableArray<DiagnosticInfo> ToEquatableArray()
        {
            var seen = new HashSet<DiagnosticInfo>();
            var distinct = new List<DiagnosticInfo>(_items.Count);
            foreach (DiagnosticInfo item in _items)
            {
                if (seen.Add(item)) distinct.Add(item);
            }

            return distinct.ToEquatableArray();
        }
    }
}
