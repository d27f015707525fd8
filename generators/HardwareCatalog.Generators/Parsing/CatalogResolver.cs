using System;
using System.Collections.Generic;
using System.Linq;
using HardwareCatalog.Generators.Model;
using HardwareCatalog.Generators.Schema;
using Microsoft.CodeAnalysis.CSharp;

namespace HardwareCatalog.Generators.Parsing
{
    /// <summary>
    /// The cross-file step: ids, <c>extends</c>, identifiers and required keys. Its input is every parsed file; its
    /// output is one equatable model per valid entry, in id order, whatever the order of the files.
    /// </summary>
    internal sealed class CatalogResolver
    {
        /// <summary>Member names of the generated index classes that an entry may not take.</summary>
        private static readonly HashSet<string> s_reservedIdentifiers = new(StringComparer.Ordinal)
        {
            // Members of the generated index classes and of System.Object.
            "All", "Find", "AllHolder", "Equals", "GetHashCode", "GetType", "ToString", "ReferenceEquals", "MemberwiseClone", "Finalize",
            // Members the generated entry types declare: a type cannot have a member of its own name (CS0542).
            "Instance", "Dense", "Sparse", "DensePeaks", "SparsePeaks", "Memory", "MemoryBandwidth", "Tdp", "Training",
            // The generated namespaces and classes, and the runtime base types.
            "Gpus", "Models", "Accelerators", "LanguageModels", "Accelerator", "ModelSpec",
        };

        private readonly Dictionary<string, RawEntry> _byId = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<RawField>?> _merged = new(StringComparer.Ordinal);
        private readonly List<DiagnosticInfo> _diagnostics = new();
        private static readonly List<RawField> NoFields = new();

        /// <summary>
        /// Builds, at parse time, an accelerator entry that needs nothing from other files (no <c>extends</c>), so that
        /// the cross-file step, which reruns on every catalog edit, only checks ids and identifiers for it.
        /// </summary>
        public static StandaloneBuild? Prebuild(RawEntry entry, List<DiagnosticInfo> diagnostics)
        {
            if (entry.Kind != CatalogSchema.GpuKind || entry.Get("extends") is not null)
            {
                return null;
            }

            if (entry.IsInvalid("extends"))
            {
                return new StandaloneBuild(null); // it meant to extend something; alone it would be another entry
            }

            var resolver = new CatalogResolver();
            List<RawField> fields = entry.Fields.ToList();
            AcceleratorModel? model = resolver.CheckRequired(entry, fields) && resolver.ResolveIdentifier(entry) is { } identifier
                ? resolver.BuildAccelerator(entry, identifier, fields)
                : null;
            diagnostics.AddRange(resolver._diagnostics);
            return new StandaloneBuild(model);
        }

        /// <summary>Identifies one standalone entry among all files (a file may hold the same id twice).</summary>
        public static string StandaloneKey(RawEntry entry) => entry.Ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + entry.FilePath;

        public static ResolvedCatalog Resolve(IEnumerable<ParsedFile> files, CatalogOptions options)
        {
            var resolver = new CatalogResolver();
            return resolver.Run(files, options);
        }

        private ResolvedCatalog Run(IEnumerable<ParsedFile> files, CatalogOptions options)
        {
            // Order by normalized path so that which duplicate "wins" does not depend on the host's file order.
            IEnumerable<RawEntry> entries = files
                .Where(f => options.IncludeBuiltIns || !f.IsBuiltIn)
                .OrderBy(f => f.Path.Replace('\\', '/'), StringComparer.Ordinal)
                .SelectMany(f => f.Entries);

            foreach (RawEntry entry in entries)
            {
                if (_byId.TryGetValue(entry.Id, out RawEntry? first))
                {
                    Report(DiagnosticDescriptors.DuplicateId, entry.Get("id")?.Location ?? entry.EntryLocation, entry.Id, Describe(first.EntryLocation));
                    continue;
                }

                _byId.Add(entry.Id, entry);
            }

            var resolved = new List<(RawEntry Entry, List<RawField> Fields, string Identifier)>();
            var derivedModels = new Dictionary<RawEntry, AcceleratorModel>();
            foreach (RawEntry entry in _byId.Values.OrderBy(e => e.Id, StringComparer.Ordinal))
            {
                if (entry.Standalone is { } standalone)
                {
                    // Built, and its problems reported, when its file was parsed (see Prebuild).
                    if (standalone.Model is { } built) resolved.Add((entry, NoFields, built.Identifier));
                    continue;
                }

                if (entry.IsInvalid("extends"))
                {
                    continue; // reported where it was written
                }

                List<RawField>? fields = Merge(entry);
                if (fields is not null && CheckRequired(entry, fields) && ResolveIdentifier(entry) is { } identifier)
                {
                    // Build accelerators before names are shared out, so that an entry that fails cannot take a name.
                    if (entry.Kind == CatalogSchema.GpuKind)
                    {
                        if (BuildAccelerator(entry, identifier, fields) is not { } built) continue;
                        derivedModels[entry] = built;
                    }

                    resolved.Add((entry, fields, identifier));
                }
            }

            var keepers = new List<(RawEntry Entry, List<RawField> Fields, string Identifier)>();
            foreach (var group in resolved.GroupBy(r => r.Identifier, StringComparer.Ordinal))
            {
                // On a collision the entry whose name was derived keeps it; the one that chose it is told to choose again.
                var keeper = group.FirstOrDefault(r => r.Entry.Get("identifier") is null);
                if (keeper.Entry is null) keeper = group.First();
                foreach (var other in group.Where(r => !ReferenceEquals(r.Entry, keeper.Entry)))
                {
                    Report(DiagnosticDescriptors.IdentifierCollision, other.Entry.Get("identifier")?.Location ?? other.Entry.Get("id")!.Location, keeper.Entry.Id, other.Entry.Id, group.Key);
                }

                keepers.Add(keeper);
            }

            keepers.Sort((x, y) => string.CompareOrdinal(x.Entry.Id, y.Entry.Id));

            // Standalone entries were built with their file and are emitted from the per-file pipeline; here they are
            // only accepted (not a duplicate, no collision). Derived entries are built now.
            var accepted = new List<string>();
            var derived = new List<AcceleratorModel>();
            var gpuIndex = new List<IndexEntry>();
            var gpuById = new Dictionary<string, AcceleratorModel>(StringComparer.Ordinal);
            foreach (var (entry, fields, identifier) in keepers.Where(k => k.Entry.Kind == CatalogSchema.GpuKind))
            {
                AcceleratorModel? model = entry.Standalone?.Model;
                if (model is not null)
                {
                    accepted.Add(StandaloneKey(entry));
                }
                else if (derivedModels.TryGetValue(entry, out model))
                {
                    derived.Add(model);
                }

                if (model is not null)
                {
                    gpuIndex.Add(new IndexEntry(model.Id, model.Identifier));
                    gpuById[model.Id] = model;
                }
            }

            // Models refer to accelerators, so they are built once every accelerator is known.
            var models = new List<ModelModel>();
            foreach (var (entry, fields, identifier) in keepers.Where(k => k.Entry.Kind == CatalogSchema.ModelKind))
            {
                if (BuildModel(entry, identifier, fields, gpuById) is { } model) models.Add(model);
            }

            accepted.Sort(StringComparer.Ordinal);
            return new ResolvedCatalog(
                accepted.ToEquatableArray(),
                derived.ToEquatableArray(),
                gpuIndex.ToEquatableArray(),
                models.ToEquatableArray(),
                _diagnostics.Distinct().ToEquatableArray());
        }

        /// <summary>
        /// The entry's fields with those of its <c>extends</c> chain beneath them; null when the chain is broken.
        /// The chain is walked with a loop, not recursion: a hostile catalog may chain thousands of entries.
        /// </summary>
        private List<RawField>? Merge(RawEntry entry)
        {
            var chain = new List<RawEntry>();
            var onChain = new HashSet<string>(StringComparer.Ordinal);
            List<RawField>? inherited = null;
            bool broken = false;
            for (RawEntry current = entry; ;)
            {
                if (_merged.TryGetValue(current.Id, out List<RawField>? done))
                {
                    inherited = done;
                    broken = done is null;
                    break;
                }

                if (!onChain.Add(current.Id))
                {
                    int start = chain.FindIndex(e => e.Id == current.Id);
                    string cycle = string.Join(" -> ", chain.Skip(start).Select(e => e.Id).Concat(new[] { current.Id }));
                    Report(DiagnosticDescriptors.ExtendsCycle, current.Get("extends")!.Location, cycle);
                    broken = true;
                    break;
                }

                chain.Add(current);
                RawField? extends = current.Get("extends");
                if (extends is null)
                {
                    break;
                }

                if (!_byId.TryGetValue(extends.Text, out RawEntry? parent) || parent.Kind != current.Kind)
                {
                    string kind = current.Kind;
                    IEnumerable<string> candidates = _byId.Values.Where(e => e.Kind == kind).Select(e => e.Id);
                    Report(DiagnosticDescriptors.UnknownReference, extends.Location, current.Id, extends.Text, kind, Suggestions.DidYouMean(extends.Text, candidates));
                    broken = true;
                    break;
                }

                current = parent;
            }

            // Apply the chain from its root down, remembering each step for the entries that extend it.
            List<RawField>? fields = inherited;
            for (int i = chain.Count - 1; i >= 0; i--)
            {
                RawEntry link = chain[i];
                if (!broken)
                {
                    fields = fields is null ? link.Fields.ToList() : Overlay(link, fields);
                }

                _merged[link.Id] = broken ? null : fields;
            }

            return broken ? null : fields;
        }

        private static List<RawField> Overlay(RawEntry entry, List<RawField> parentFields)
        {
            FieldSpec spec = CatalogSchema.ForKind(entry.Kind)!;
            var result = new List<RawField>();
            foreach (RawField field in parentFields)
            {
                string top = field.Path.Split('.')[0];
                if (spec.Child(top) is { Inherited: false } || entry.Get(field.Path) is not null && field.Path != "sources")
                {
                    continue;
                }

                result.Add(field);
            }

            foreach (RawField field in entry.Fields)
            {
                RawField? inheritedSources = field.Path == "sources" ? result.FirstOrDefault(f => f.Path == "sources") : null;
                if (inheritedSources is not null)
                {
                    // Inherited values keep their provenance: the sources are the parent's plus the entry's own.
                    result.Remove(inheritedSources);
                    var union = inheritedSources.Items.Concat(field.Items).Distinct(StringComparer.Ordinal).ToEquatableArray();
                    result.Add(field with { Items = union });
                    continue;
                }

                result.Add(field);
            }

            return result;
        }

        private bool CheckRequired(RawEntry entry, List<RawField> fields)
        {
            FieldSpec spec = CatalogSchema.ForKind(entry.Kind)!;
            bool ok = true;
            foreach (FieldSpec child in spec.Children.Where(c => c.Required))
            {
                bool present = child.RequiredOnEveryEntry ? entry.Get(child.Key) is not null : fields.Any(f => f.Path == child.Key);
                if (!present && entry.IsInvalid(child.Key))
                {
                    ok = false; // written but rejected: reported where it was written
                }
                else if (!present)
                {
                    string inherited = child.RequiredOnEveryEntry ? " (each entry names the sources of its own values)"
                        : entry.Get("extends") is { } extends ? $" (nor does '{extends.Text}', which it extends)" : "";
                    Report(DiagnosticDescriptors.MissingKey, entry.EntryLocation, "The " + entry.Kind + " entry", entry.Id, child.Key, inherited);
                    ok = false;
                }
            }

            return ok;
        }

        private string? ResolveIdentifier(RawEntry entry)
        {
            RawField idField = entry.Get("id")!;
            if (!IsValidId(entry.Id))
            {
                Report(DiagnosticDescriptors.InvalidIdentifier, idField.Location, $"The id '{entry.Id}' is not valid: ids are lower-case letters, digits, '-' and '.', starting with a letter or digit");
                return null;
            }

            if (entry.Get("identifier") is { } explicitField)
            {
                string explicitName = explicitField.Text;
                if (!IsValidIdentifier(explicitName))
                {
                    Report(DiagnosticDescriptors.InvalidIdentifier, explicitField.Location, $"'{explicitName}' is not a valid C# identifier here: use ASCII letters, digits and '_', starting with a letter, not a C# keyword");
                    return null;
                }

                if (s_reservedIdentifiers.Contains(explicitName))
                {
                    Report(DiagnosticDescriptors.InvalidIdentifier, explicitField.Location, $"'{explicitName}' is reserved by the generated catalog classes; choose another identifier");
                    return null;
                }

                return explicitName;
            }

            string derived = ToIdentifier(entry.Id);
            if (!IsValidIdentifier(derived) || s_reservedIdentifiers.Contains(derived))
            {
                Report(DiagnosticDescriptors.InvalidIdentifier, idField.Location, $"The id '{entry.Id}' yields '{derived}', which is not a usable C# identifier; set 'identifier:' to choose one");
                return null;
            }

            return derived;
        }

        /// <summary>The DSL's identifier rule: split at '-' and '.', capitalize each part, join; '_' where digits meet.</summary>
        public static string ToIdentifier(string id)
        {
            var builder = new System.Text.StringBuilder(id.Length);
            foreach (string part in id.Split('-', '.'))
            {
                if (part.Length == 0) continue;
                if (builder.Length > 0 && char.IsDigit(builder[builder.Length - 1]) && char.IsDigit(part[0]))
                {
                    builder.Append('_');
                }

                builder.Append(char.ToUpperInvariant(part[0])).Append(part, 1, part.Length - 1);
            }

            return builder.ToString();
        }

        private static bool IsValidId(string id)
        {
            if (id.Length == 0 || id.Length > 100 || !IsLowerAlphanumeric(id[0])) return false;
            foreach (char c in id)
            {
                if (!IsLowerAlphanumeric(c) && c != '-' && c != '.') return false;
            }

            return true;
        }

        private static bool IsLowerAlphanumeric(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9');

        private static bool IsValidIdentifier(string name)
        {
            if (name.Length == 0 || name.Length > 100 || !(char.IsLetter(name[0]) && name[0] < 128)) return false;
            foreach (char c in name)
            {
                if (!(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_')) return false;
            }

            return SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None && SyntaxFacts.GetContextualKeywordKind(name) == SyntaxKind.None;
        }

        private AcceleratorModel? BuildAccelerator(RawEntry entry, string identifier, List<RawField> fields)
        {
            string? Text(string path) => fields.FirstOrDefault(f => f.Path == path)?.Text;
            Quantity? Quantity(string path) => fields.FirstOrDefault(f => f.Path == path) is { } f ? new Quantity(f.Number, f.Text) : null;
            List<PeakModel> Peaks(string table) => fields
                .Where(f => f.Path.StartsWith(table + ".", StringComparison.Ordinal))
                .Select(f => new PeakModel(PrecisionNames.IndexOf(f.Path.Substring(table.Length + 1)), f.Number, f.Text, false))
                .OrderBy(p => p.Precision)
                .ToList();

            List<PeakModel> dense = Peaks("dense");
            List<PeakModel> sparse = Peaks("sparse");
            RawField? sparsity = fields.FirstOrDefault(f => f.Path == "sparsity");
            if (sparsity is not null && sparsity.Text is not ("2:4" or "published"))
            {
                Report(DiagnosticDescriptors.WrongShape, sparsity.Location, "sparsity", "\"2:4\" (derive sparse peaks as twice dense) or \"published\" (the vendor's sparse figures, as given)", $"'{sparsity.Text}'");
                return null;
            }

            string architecture = Text("architecture")!;
            foreach (RawField peak in fields.Where(f => f.Path.StartsWith("dense.", StringComparison.Ordinal) || f.Path.StartsWith("sparse.", StringComparison.Ordinal)))
            {
                string precision = peak.Path.Substring(peak.Path.IndexOf('.') + 1);
                if (ArchitectureRules.WhyImpossible(architecture, precision) is { } reason)
                {
                    Report(DiagnosticDescriptors.ImpossiblePrecision, peak.Location, entry.Id, architecture, PrecisionNames.DisplayNames[PrecisionNames.IndexOf(precision)], reason);
                    return null;
                }
            }

            if (sparsity?.Text != "published")
            {
                foreach (PeakModel explicitSparse in sparse.Where(s => PrecisionNames.IsTensor[s.Precision]))
                {
                    PeakModel? matching = dense.FirstOrDefault(d => d.Precision == explicitSparse.Precision);
                    double ratio = matching is null ? double.NaN : explicitSparse.FlopsPerSecond / matching.FlopsPerSecond;
                    if (matching is not null && Math.Abs(ratio - 2) > 0.01)
                    {
                        RawField at = fields.First(f => f.Path == "sparse." + PrecisionNames.Keys[explicitSparse.Precision]);
                        Report(DiagnosticDescriptors.SparseNotTwiceDense, at.Location, PrecisionNames.DisplayNames[explicitSparse.Precision], entry.Id,
                            explicitSparse.Text, ratio.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture), matching.Text);
                    }
                }
            }

            if (sparsity?.Text == "2:4")
            {
                // 2:4 structured sparsity doubles the tensor-core peaks; an explicit sparse value takes precedence.
                foreach (PeakModel peak in dense.Where(p => PrecisionNames.IsTensor[p.Precision] && sparse.All(s => s.Precision != p.Precision)))
                {
                    sparse.Add(new PeakModel(peak.Precision, peak.FlopsPerSecond * 2, "", true));
                }

                sparse.Sort((a, b) => a.Precision.CompareTo(b.Precision));
            }

            var links = fields
                .Where(f => f.Path.StartsWith("interconnect.", StringComparison.Ordinal))
                .Select(f => new LinkModel(f.Path.Substring("interconnect.".Length), new Quantity(f.Number, f.Text)))
                .OrderBy(l => l.Key, StringComparer.Ordinal)
                .ToEquatableArray();

            RawField? released = fields.FirstOrDefault(f => f.Path == "released");
            return new AcceleratorModel(
                Id: entry.Id,
                Identifier: identifier,
                Name: Text("name")!,
                Vendor: Text("vendor")!,
                Architecture: Text("architecture")!,
                Released: released is null ? null : (int)released.Number,
                FormFactor: Text("formFactor"),
                Memory: Quantity("memory"),
                MemoryBandwidth: Quantity("memoryBandwidth"),
                Tdp: Quantity("tdp"),
                Interconnect: links,
                Dense: dense.ToEquatableArray(),
                Sparse: sparse.ToEquatableArray(),
                Extends: entry.Get("extends")?.Text,
                Notes: entry.Get("notes")?.Text,
                Sources: fields.FirstOrDefault(f => f.Path == "sources")?.Items ?? EquatableArray<string>.Empty,
                IsEstimated: fields.FirstOrDefault(f => f.Path == "estimated")?.Number == 1,
                IsBuiltIn: entry.IsBuiltIn);
        }

        private ModelModel? BuildModel(RawEntry entry, string identifier, List<RawField> fields, Dictionary<string, AcceleratorModel> gpuById)
        {
            RawField? Field(string path) => fields.FirstOrDefault(f => f.Path == path);
            int? Integer(string path) => Field(path) is { } f ? (int)f.Number : null;
            Quantity? Amount(string path) => Field(path) is { } f ? new Quantity(f.Number, f.Text) : null;
            bool Has(string prefix) => fields.Any(f => f.Path.StartsWith(prefix + ".", StringComparison.Ordinal));
            bool ok = true;

            void Require(string path, string why)
            {
                if (Field(path) is null && entry.IsInvalid(path))
                {
                    ok = false;
                }
                else if (Field(path) is null)
                {
                    Report(DiagnosticDescriptors.MissingKey, entry.EntryLocation, "The model entry", entry.Id, path, why);
                    ok = false;
                }
            }

            AttentionModel? attention = null;
            if (Has("attention"))
            {
                RawField? kind = Field("attention.kind");
                Require("attention.kind", $" (one of: {string.Join(", ", CatalogSchema.AttentionKinds)})");
                Require("attention.heads", "");
                Require("attention.headDim", "");
                if (kind is not null && Array.IndexOf(CatalogSchema.AttentionKinds, kind.Text) < 0)
                {
                    Report(DiagnosticDescriptors.WrongShape, kind.Location, "attention.kind", "one of " + string.Join(", ", CatalogSchema.AttentionKinds), $"'{kind.Text}'{Suggestions.DidYouMean(kind.Text, CatalogSchema.AttentionKinds)}");
                    ok = false;
                }

                foreach (string positive in new[] { "attention.heads", "attention.headDim" })
                {
                    if (Field(positive) is { Number: <= 0 } zero)
                    {
                        Report(DiagnosticDescriptors.WrongShape, zero.Location, positive, "a positive whole number", $"'{zero.Text}'");
                        ok = false;
                    }
                }

                if (kind?.Text == "gqa") Require("attention.kvHeads", " (grouped-query attention needs its number of key/value heads)");
                if (kind?.Text == "mla")
                {
                    Require("attention.kvLoraRank", " (multi-head latent attention caches a latent of this rank)");
                    Require("attention.ropeHeadDim", " (multi-head latent attention caches a decoupled RoPE key of this size)");
                }

                if (ok)
                {
                    attention = new AttentionModel(kind!.Text, Integer("attention.heads")!.Value, Integer("attention.headDim")!.Value,
                        Integer("attention.kvHeads"), Integer("attention.kvLoraRank"), Integer("attention.ropeHeadDim"));
                }
            }

            MoeModel? moe = null;
            if (Has("moe"))
            {
                Require("moe.routedExperts", "");
                Require("moe.activeExperts", "");
                if (ok) moe = new MoeModel(Integer("moe.routedExperts")!.Value, Integer("moe.activeExperts")!.Value, Integer("moe.sharedExperts") ?? 0);
            }

            void Inconsistent(string path, string message)
            {
                Report(DiagnosticDescriptors.InconsistentModel, (Field(path) ?? Field("id"))!.Location, entry.Id, message);
                ok = false;
            }

            if (moe is not null && moe.ActiveExperts > moe.RoutedExperts)
            {
                Inconsistent("moe.activeExperts", $"activeExperts ({moe.ActiveExperts}) exceeds routedExperts ({moe.RoutedExperts})");
            }

            if (attention is { KvHeads: int kvHeads } && attention.Kind is "mha" or "gqa")
            {
                if (kvHeads <= 0 || kvHeads > attention.Heads || attention.Heads % kvHeads != 0)
                {
                    Inconsistent("attention.kvHeads", $"heads ({attention.Heads}) must be a positive multiple of kvHeads ({kvHeads}): each key/value head serves a whole group of query heads");
                }
                else if (attention.Kind == "mha" && kvHeads != attention.Heads)
                {
                    Inconsistent("attention.kvHeads", $"multi-head attention has one key/value head per query head, but kvHeads is {kvHeads} and heads is {attention.Heads}; use 'kind: gqa'");
                }
            }

            if (attention is { Kind: "mqa", KvHeads: int mqaKvHeads } && mqaKvHeads != 1)
            {
                Inconsistent("attention.kvHeads", $"multi-query attention has one key/value head, but kvHeads is {mqaKvHeads}; use 'kind: gqa'");
            }

            if (Field("activeParameters") is { } activeField && activeField.Number > Field("parameters")!.Number)
            {
                Inconsistent("activeParameters", $"activeParameters ({activeField.Text}) exceeds parameters ({Field("parameters")!.Text})");
            }

            TrainingModel? training = null;
            if (Has("training"))
            {
                string? gpuId = null;
                string? gpuIdentifier = null;
                if (Field("training.gpu") is { } gpu)
                {
                    if (gpuById.TryGetValue(gpu.Text, out AcceleratorModel? found))
                    {
                        gpuId = gpu.Text;
                        gpuIdentifier = found.Identifier;
                    }
                    else if (!_byId.TryGetValue(gpu.Text, out RawEntry? target) || target.Kind != CatalogSchema.GpuKind)
                    {
                        IEnumerable<string> candidates = _byId.Values.Where(e => e.Kind == CatalogSchema.GpuKind).Select(e => e.Id);
                        Report(DiagnosticDescriptors.UnknownReference, gpu.Location, entry.Id, gpu.Text, CatalogSchema.GpuKind, Suggestions.DidYouMean(gpu.Text, candidates));
                        ok = false;
                    }

                    // A gpu that exists but did not resolve has its own diagnostic; the run is kept without it.
                }

                int? precision = null;
                if (Field("training.precision") is { } precisionField)
                {
                    int index = PrecisionNames.IndexOf(precisionField.Text);
                    if (index < 0)
                    {
                        Report(DiagnosticDescriptors.WrongShape, precisionField.Location, "training.precision", "a precision (" + string.Join(", ", PrecisionNames.Keys) + ")", $"'{precisionField.Text}'{Suggestions.DidYouMean(precisionField.Text, PrecisionNames.Keys)}");
                        ok = false;
                    }

                    precision = index;
                    if (index >= 0 && gpuId is not null && !gpuById[gpuId].Dense.Any(p => p.Precision == index))
                    {
                        var supported = gpuById[gpuId].Dense.Select(p => p.Precision).ToList();
                        Report(DiagnosticDescriptors.TrainingPrecisionUnsupported, precisionField.Location, entry.Id, PrecisionNames.DisplayNames[index], gpuId,
                            supported.Count == 0 ? "none published" : string.Join(", ", supported.Select(p => PrecisionNames.DisplayNames[p])));
                        ok = false;
                    }
                }

                training = new TrainingModel(Amount("training.tokens"), gpuId, gpuIdentifier, Integer("training.gpuCount"), Amount("training.gpuHours"), precision);
            }

            if (!ok)
            {
                return null;
            }

            return new ModelModel(
                Id: entry.Id,
                Identifier: identifier,
                Name: Field("name")!.Text,
                Developer: Field("developer")?.Text,
                Released: Integer("released"),
                Parameters: Amount("parameters")!,
                ActiveParameters: Amount("activeParameters"),
                Layers: Integer("layers"),
                HiddenSize: Integer("hiddenSize"),
                VocabularySize: Integer("vocabularySize"),
                ContextWindow: Integer("contextWindow"),
                Attention: attention,
                Moe: moe,
                Training: training,
                Extends: entry.Get("extends")?.Text,
                Notes: entry.Get("notes")?.Text,
                Sources: Field("sources")?.Items ?? EquatableArray<string>.Empty,
                IsEstimated: Field("estimated")?.Number == 1);
        }

        private static string Describe(LocationInfo location)
            => $"{System.IO.Path.GetFileName(location.FilePath)}({location.LineSpan.Start.Line + 1},{location.LineSpan.Start.Character + 1})";

        private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, LocationInfo location, params string[] arguments)
            => _diagnostics.Add(DiagnosticInfo.Create(descriptor, location, arguments));
    }
}
