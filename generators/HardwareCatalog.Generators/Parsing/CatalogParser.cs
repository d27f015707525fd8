using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using HardwareCatalog.Generators.Model;
using HardwareCatalog.Generators.Schema;
using HardwareCatalog.Units;
using YamlDotNet.Core;

namespace HardwareCatalog.Generators.Parsing
{
    /// <summary>
    /// Turns the text of one catalog file (YAML, or JSON, which YAML reads as flow style) into raw entries whose leaf
    /// values are checked against the schema: shape, unit and dimension. Problems become located diagnostics:
    /// a bad value or entry is skipped and the rest of the file still parses; a syntax error drops the file,
    /// and the other files still generate.
    /// </summary>
    internal sealed class CatalogParser
    {
        private readonly string _path;
        private readonly bool _isBuiltIn;
        private readonly List<DiagnosticInfo> _diagnostics = new();
        private readonly List<string> _invalidPaths = new();
        private readonly List<KeyLocation> _mappings = new();

        private readonly string? _pack;
        private readonly bool _excludeSecondary;

        private CatalogParser(string path, bool isBuiltIn, string? pack, bool excludeSecondary)
        {
            _path = path;
            _isBuiltIn = isBuiltIn;
            _pack = pack;
            _excludeSecondary = excludeSecondary;
        }

        /// <param name="pack">The package id of the catalog pack the file ships in, or null: every location in the file
        /// carries it, so that any diagnostic about the file's entries, in whatever stage, names the pack.</param>
        /// <param name="excludeSecondary">Leave out values marked <c>secondary: true</c> (MSBuild property
        /// <c>HardwareCatalogSecondaryValues=exclude</c>), after checking them.</param>
        public static ParsedFile Parse(string path, string text, bool isBuiltIn, int maxFileSize = InputGuard.DefaultMaxFileSize, string? pack = null, bool excludeSecondary = false)
        {
            var parser = new CatalogParser(path, isBuiltIn, pack, excludeSecondary);
            List<ParsedEntry> entries = InputGuard.Check(path, text, parser.IsJson, maxFileSize, parser._diagnostics) ? parser.ParseText(text) : new List<ParsedEntry>();
            if (entries.Count == 0 && parser._diagnostics.Count == 0)
            {
                parser._diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EmptyFile, LocationInfo.FileStart(path)));
            }

            if (pack is not null)
            {
                // The input guard and the YAML reader locate their findings themselves.
                for (int i = 0; i < parser._diagnostics.Count; i++)
                {
                    DiagnosticInfo diagnostic = parser._diagnostics[i];
                    if (diagnostic.Location is { Pack: null } location) parser._diagnostics[i] = diagnostic with { Location = location with { Pack = pack } };
                }
            }

            return new ParsedFile(path, isBuiltIn, entries.ToEquatableArray(), parser._diagnostics.ToEquatableArray());
        }

        private List<ParsedEntry> ParseText(string text)
        {
            var entries = new List<ParsedEntry>();
            List<YamlTreeNode>? documents = YamlTree.Load(_path, text, IsJson, _diagnostics);
            if (documents is null)
            {
                return entries;
            }

            foreach (YamlTreeNode root in documents)
            {
                switch (root)
                {
                    case YamlTreeMapping mapping:
                        AddEntry(mapping, entries);
                        break;
                    case YamlTreeSequence sequence:
                        foreach (YamlTreeNode item in sequence.Items)
                        {
                            if (item is YamlTreeMapping itemMapping)
                            {
                                AddEntry(itemMapping, entries);
                            }
                            else
                            {
                                Report(DiagnosticDescriptors.WrongShape, Span(item), "entry", "a mapping (an object with 'kind', 'id', ...)", Describe(item));
                            }
                        }

                        break;
                    case YamlTreeScalar { Value: "" }:
                        break; // an empty document, such as a trailing '---'
                    default:
                        Report(DiagnosticDescriptors.WrongShape, Span(root), "document", "a mapping or a list of mappings", Describe(root));
                        break;
                }
            }

            return entries;
        }

        internal bool IsJson => _path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

        private void AddEntry(YamlTreeMapping mapping, List<ParsedEntry> entries)
        {
            LocationInfo entryLocation = Span(mapping.Pairs.Count > 0 ? mapping.Pairs[0].Key : mapping);
            if (!TryGetScalar(mapping, "kind", out YamlTreeScalar? kindNode))
            {
                Report(DiagnosticDescriptors.MissingKey, entryLocation, "The entry", EntryName(mapping), "kind", $" (one of: {string.Join(", ", CatalogSchema.Kinds)})");
                return;
            }

            string kind = kindNode!.Value ?? "";
            FieldSpec? spec = CatalogSchema.ForKind(kind);
            if (spec is null)
            {
                Report(DiagnosticDescriptors.UnknownKind, Span(kindNode), kind, string.Join(", ", CatalogSchema.Kinds), Suggestions.DidYouMean(kind, CatalogSchema.Kinds));
                return;
            }

            entryLocation = Span(FindKey(mapping, "kind")!);
            if (!TryGetScalar(mapping, "id", out YamlTreeScalar? idNode) || string.IsNullOrEmpty(idNode!.Value))
            {
                Report(DiagnosticDescriptors.MissingKey, entryLocation, "The " + kind + " entry", EntryName(mapping), "id", "");
                return;
            }

            var fields = new List<ParsedField>();
            _invalidPaths.Clear();
            _mappings.Clear();
            ReadMapping(mapping, spec, prefix: "", context: kind + " '" + idNode.Value + "'", fields);
            entries.Add(new ParsedEntry(kind, idNode.Value!, new EntryKey(_path, entries.Count), _isBuiltIn, entryLocation,
                fields.ToEquatableArray(), _mappings.ToEquatableArray(), _invalidPaths.ToEquatableArray()));
        }

        private void ReadMapping(YamlTreeMapping mapping, FieldSpec spec, string prefix, string context, List<ParsedField> fields)
        {
            foreach (KeyValuePair<YamlTreeNode, YamlTreeNode> pair in mapping.Pairs)
            {
                if (pair.Key is not YamlTreeScalar { Value: { } key })
                {
                    Report(DiagnosticDescriptors.WrongShape, Span(pair.Key), "key", "a plain name", Describe(pair.Key));
                    continue;
                }

                FieldSpec? child = spec.Child(key);
                if (child is null)
                {
                    string where = prefix.Length == 0 ? context : $"'{prefix.TrimEnd('.')}' of {context}";
                    Report(DiagnosticDescriptors.UnknownKey, Span(pair.Key), key, where, Suggestions.DidYouMean(key, spec.Children.Select(c => c.Key)));
                    _invalidPaths.Add(prefix + key); // a misspelt key is a value written and rejected: a plan must not take its default
                    continue;
                }

                int reported = _diagnostics.Count;
                ReadValue(pair.Value, Span(pair.Key), child, prefix + key, context, fields);
                if (_diagnostics.Count > reported)
                {
                    _invalidPaths.Add(prefix + key);
                }
            }
        }

        private void ReadValue(YamlTreeNode node, LocationInfo keyLocation, FieldSpec spec, string path, string context, List<ParsedField> fields)
        {
            if (spec.Kind == ValueKind.Mapping)
            {
                if (node is YamlTreeMapping mapping)
                {
                    _mappings.Add(new KeyLocation(path, keyLocation));
                    ReadMapping(mapping, spec, path + ".", context, fields);
                }
                else
                {
                    Report(DiagnosticDescriptors.WrongShape, Span(node), path, "a mapping of " + string.Join(", ", spec.Children.Select(c => c.Key)), Describe(node));
                }

                return;
            }

            if (spec.Kind == ValueKind.StringList)
            {
                ReadStringList(node, path, fields);
                return;
            }

            if (node is YamlTreeMapping sourced)
            {
                ReadSourcedValue(sourced, keyLocation, spec, path, context, fields);
                return;
            }

            if (node is not YamlTreeScalar scalar)
            {
                Report(DiagnosticDescriptors.WrongShape, Span(node), path, ExpectedScalar(spec), Describe(node));
                return;
            }

            string text = scalar.Value ?? "";
            LocationInfo location = Span(scalar);
            switch (spec.Kind)
            {
                case ValueKind.String:
                    if (text.Trim().Length == 0)
                    {
                        Report(DiagnosticDescriptors.WrongShape, location, path, "a non-empty string", "empty");
                        break;
                    }

                    fields.Add(new ParsedField(path, spec.Kind, text, 0, EquatableArray<string>.Empty, location));
                    break;
                case ValueKind.Boolean:
                    if (text is "true" or "false")
                    {
                        fields.Add(new ParsedField(path, spec.Kind, text, text == "true" ? 1 : 0, EquatableArray<string>.Empty, location));
                    }
                    else
                    {
                        Report(DiagnosticDescriptors.WrongShape, location, path, "true or false", $"'{text}'");
                    }

                    break;
                case ValueKind.Integer:
                    if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int integer))
                    {
                        fields.Add(new ParsedField(path, spec.Kind, text, integer, EquatableArray<string>.Empty, location));
                    }
                    else
                    {
                        Report(DiagnosticDescriptors.WrongShape, location, path, "a whole number", $"'{text}'");
                    }

                    break;
                case ValueKind.Quantity:
                    ReadQuantity(text, spec, path, location, fields);
                    break;
                case ValueKind.Number:
                    if (double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double number) && !double.IsInfinity(number))
                    {
                        fields.Add(new ParsedField(path, spec.Kind, text, number, EquatableArray<string>.Empty, location));
                    }
                    else
                    {
                        Report(DiagnosticDescriptors.WrongShape, location, path, "a decimal number such as 0.4", $"'{text}'");
                    }

                    break;
            }
        }

        /// <summary>The long form of a value, which names the value's own source: <c>{ value: 400 W, source: URL, secondary: true }</c>.</summary>
        private void ReadSourcedValue(YamlTreeMapping mapping, LocationInfo keyLocation, FieldSpec spec, string path, string context, List<ParsedField> fields)
        {
            YamlTreeScalar? value = null;
            string? source = null;
            bool secondary = false;
            bool ok = true;
            foreach (KeyValuePair<YamlTreeNode, YamlTreeNode> pair in mapping.Pairs)
            {
                string key = (pair.Key as YamlTreeScalar)?.Value ?? "";
                YamlTreeScalar? scalar = pair.Value as YamlTreeScalar;
                switch (key)
                {
                    case ValueKey when scalar is not null:
                        value = scalar;
                        break;
                    case SourceKey when scalar is { Value: { } url } && url.Trim().Length > 0:
                        source = url.Trim();
                        break;
                    case SecondaryKey when scalar is { Value: "true" or "false" }:
                        secondary = scalar.Value == "true";
                        break;
                    case ValueKey:
                        Report(DiagnosticDescriptors.WrongShape, Span(pair.Value), path + "." + key, ExpectedScalar(spec), Describe(pair.Value));
                        ok = false;
                        break;
                    case SourceKey:
                        Report(DiagnosticDescriptors.WrongShape, Span(pair.Value), path + "." + key, "the URL the value comes from", Describe(pair.Value));
                        ok = false;
                        break;
                    case SecondaryKey:
                        Report(DiagnosticDescriptors.WrongShape, Span(pair.Value), path + "." + key, "true or false", Describe(pair.Value));
                        ok = false;
                        break;
                    default:
                        Report(DiagnosticDescriptors.UnknownKey, Span(pair.Key), key, $"the value '{path}' of {context}", Suggestions.DidYouMean(key, SourcedValueKeys));
                        ok = false;
                        break;
                }
            }

            if (value is null)
            {
                if (ok) Report(DiagnosticDescriptors.MissingKey, keyLocation, "The value", path, ValueKey, $" (a value written as a mapping holds '{ValueKey}:', with '{SourceKey}:' and '{SecondaryKey}:' beside it)");
                return;
            }

            if (secondary && source is null)
            {
                Report(DiagnosticDescriptors.MissingKey, keyLocation, "The secondary value", path, SourceKey, " (a value from a secondary source names it, so that a reader can weigh it)");
                return;
            }

            int count = fields.Count;
            ReadValue(value, keyLocation, spec, path, context, fields);
            if (!ok || fields.Count == count)
            {
                if (fields.Count > count) fields.RemoveAt(count);
                return;
            }

            // HardwareCatalogSecondaryValues=exclude: the value is checked, then marked; the builder leaves it out.
            fields[count] = fields[count] with { Source = source, IsSecondary = secondary, IsExcluded = secondary && _excludeSecondary };
        }

        /// <summary>The keys of a value's long form.</summary>
        internal const string ValueKey = "value", SourceKey = "source", SecondaryKey = "secondary";

        private static readonly string[] SourcedValueKeys = { ValueKey, SourceKey, SecondaryKey };

        private void ReadQuantity(string text, FieldSpec spec, string path, LocationInfo location, List<ParsedField> fields)
        {
            QuantityError error = UnitTable.TryParse(text, spec.Dimension, out double value, out UnitDefinition unit, out _);
            string? problem = error switch
            {
                QuantityError.None when value <= 0 => $"'{text}' must be positive",
                QuantityError.None => null,
                _ => UnitTable.Describe(error, text, spec.Dimension, unit, $"'{path}'"),
            };

            if (problem is null && spec.Dimension == Dimension.ComputeRate)
            {
                int precision = PrecisionTable.IndexOf(spec.Key);
                bool integer = precision >= 0 && PrecisionTable.Rows[precision].IsInteger;
                if (precision >= 0 && integer != unit.IsIntegerOps)
                {
                    problem = integer
                        ? $"'{text}' counts floating-point operations, but {PrecisionTable.Rows[precision].DisplayName} is an integer precision: use GOPS, TOPS or POPS"
                        : $"'{text}' counts integer operations, but {PrecisionTable.Rows[precision].DisplayName} is a floating-point precision: use GFLOP/s, TFLOP/s, PFLOP/s or EFLOP/s";
                }
            }

            if (problem is not null)
            {
                Report(DiagnosticDescriptors.InvalidQuantity, location, path, problem);
                return;
            }

            fields.Add(new ParsedField(path, ValueKind.Quantity, text.Trim(), value, EquatableArray<string>.Empty, location));
        }

        private void ReadStringList(YamlTreeNode node, string path, List<ParsedField> fields)
        {
            var items = new List<string>();
            switch (node)
            {
                case YamlTreeSequence sequence:
                    foreach (YamlTreeNode item in sequence.Items)
                    {
                        if (item is YamlTreeScalar { Value: { Length: > 0 } value })
                        {
                            items.Add(value);
                        }
                        else
                        {
                            Report(DiagnosticDescriptors.WrongShape, Span(item), path, "a list of strings", "a list containing " + Describe(item));
                        }
                    }

                    break;
                case YamlTreeScalar { Value: { Length: > 0 } single }:
                    items.Add(single);
                    break;
                default:
                    Report(DiagnosticDescriptors.WrongShape, Span(node), path, "a list of strings", Describe(node));
                    return;
            }

            if (items.Count == 0)
            {
                Report(DiagnosticDescriptors.WrongShape, Span(node), path, "a list of at least one string", "empty");
                return;
            }

            fields.Add(new ParsedField(path, ValueKind.StringList, "", 0, items.ToEquatableArray(), Span(node)));
        }

        private static string ExpectedScalar(FieldSpec spec) => spec.Kind switch
        {
            ValueKind.Integer => "a whole number",
            ValueKind.Boolean => "true or false",
            ValueKind.Number => "a decimal number such as 0.4",
            ValueKind.Quantity => "a " + UnitTable.DimensionName(spec.Dimension) + " such as " + Example(spec.Dimension),
            _ => "a string",
        };

        private static string Example(Dimension dimension) => dimension switch
        {
            Dimension.Count => "'671B'",
            Dimension.Size => "'80 GB'",
            Dimension.Bandwidth => "'3.35 TB/s'",
            Dimension.ComputeRate => "'989.4 TFLOP/s'",
            Dimension.Power => "'700 W'",
            _ => "a number with a unit",
        };

        private static string Describe(YamlTreeNode node) => node switch
        {
            YamlTreeMapping => "a mapping",
            YamlTreeSequence => "a list",
            YamlTreeScalar scalar => $"'{scalar.Value}'",
            _ => "an alias",
        };

        private static string EntryName(YamlTreeMapping mapping)
            => TryGetScalar(mapping, "id", out YamlTreeScalar? id) ? id!.Value ?? "" : "(no id)";

        private static YamlTreeNode? FindKey(YamlTreeMapping mapping, string key)
        {
            foreach (KeyValuePair<YamlTreeNode, YamlTreeNode> pair in mapping.Pairs)
            {
                if (pair.Key is YamlTreeScalar { Value: { } value } && value == key) return pair.Key;
            }

            return null;
        }

        private static bool TryGetScalar(YamlTreeMapping mapping, string key, out YamlTreeScalar? value)
        {
            foreach (KeyValuePair<YamlTreeNode, YamlTreeNode> pair in mapping.Pairs)
            {
                if (pair.Key is YamlTreeScalar { Value: { } name } && name == key && pair.Value is YamlTreeScalar scalar)
                {
                    value = scalar;
                    return true;
                }
            }

            value = null;
            return false;
        }

        private LocationInfo Span(YamlTreeNode node) => Span(node.Start, node.End);

        private LocationInfo Span(Mark start, Mark end)
            => _pack is null ? YamlTree.Span(_path, start, end) : YamlTree.Span(_path, start, end) with { Pack = _pack };

        private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, LocationInfo location, params string[] arguments)
            => _diagnostics.Add(DiagnosticInfo.Create(descriptor, location, arguments));
    }
}
