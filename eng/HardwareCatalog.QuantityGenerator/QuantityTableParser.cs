using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using HardwareCatalog.Units;
using Microsoft.CodeAnalysis.Text;

namespace HardwareCatalog.QuantityGenerator
{
    /// <summary>
    /// Reads the line-oriented quantity table (<c>kind | column | column ...</c>, <c>#</c> comments) and checks it:
    /// names, dimensions, the text pattern against its own example, and that no two rows declare the same operator.
    /// A row with a problem is reported and left out; the others are still generated.
    /// </summary>
    internal static class QuantityTableParser
    {
        public static QuantityTable Parse(SourceText text)
        {
            var table = new QuantityTable();
            var names = new Dictionary<string, int>(StringComparer.Ordinal);
            var relations = new List<RelationRow>();
            foreach (TextLine line in text.Lines)
            {
                table.LineSpans.Add(line.Span);
                int number = line.LineNumber + 1;
                string content = line.ToString().Trim();
                if (content.Length == 0 || content[0] == '#')
                {
                    continue;
                }

                string[] cells = content.Split('|').Select(c => c.Trim()).ToArray();
                switch (cells[0])
                {
                    case "quantity":
                        ReadQuantity(table, names, cells, number);
                        break;
                    case "external":
                        ReadExternal(table, names, cells, number);
                        break;
                    case "relation":
                        if (ReadRelation(table, cells, number) is RelationRow relation) relations.Add(relation);
                        break;
                    default:
                        table.Problems.Add(new("QTY001", $"A row starts with 'quantity', 'external' or 'relation', not '{cells[0]}'", number));
                        break;
                }
            }

            CheckRelations(table, relations);
            return table;
        }

        private static void ReadQuantity(QuantityTable table, Dictionary<string, int> names, string[] cells, int line)
        {
            if (cells.Length != 7)
            {
                table.Problems.Add(new("QTY001", $"A quantity row has 7 cells (quantity | type | value property | dimension | noun | text | example), this one has {cells.Length}", line));
                return;
            }

            string name = cells[1], value = cells[2], dimension = cells[3], noun = cells[4], example = cells[6];
            if (!IsIdentifier(name) || !IsIdentifier(value))
            {
                table.Problems.Add(new("QTY001", $"'{name}' and '{value}' must be C# identifiers", line));
                return;
            }

            if (!Enum.TryParse(dimension, out Dimension parsedDimension) || !Enum.IsDefined(typeof(Dimension), parsedDimension) || dimension != parsedDimension.ToString())
            {
                string known = string.Join(", ", Enum.GetNames(typeof(Dimension)));
                table.Problems.Add(new("QTY001", $"'{dimension}' is not a dimension of the unit table ({known})", line));
                return;
            }

            if (noun.Length == 0 || noun.IndexOfAny(new[] { '"', '\\', '<', '>', '&' }) >= 0)
            {
                table.Problems.Add(new("QTY001", $"The noun of '{name}' must be plain words", line));
                return;
            }

            if (!TryReadPattern(cells[5], out TextPattern? pattern, out string? patternProblem))
            {
                table.Problems.Add(new("QTY001", patternProblem!, line));
                return;
            }

            if (!ExampleParses(example, pattern!, parsedDimension))
            {
                table.Problems.Add(new("QTY001", $"The example '{example}' of '{name}' does not read as the text pattern '{cells[5]}' with a {UnitTable.DimensionName(parsedDimension)}", line));
                return;
            }

            if (Claim(table, names, name, line))
            {
                table.Quantities.Add(new QuantityRow(name, value, dimension, noun, pattern!, example, line));
            }
        }

        private static void ReadExternal(QuantityTable table, Dictionary<string, int> names, string[] cells, int line)
        {
            if (cells.Length != 4 || !IsIdentifier(cells[1]) || !IsIdentifier(cells[2]) || !cells[3].Split('.').All(IsIdentifier))
            {
                table.Problems.Add(new("QTY001", "An external row reads 'external | Type | ValueMember | Factory.Method'", line));
                return;
            }

            if (Claim(table, names, cells[1], line))
            {
                table.Externals.Add(new ExternalRow(cells[1], cells[2], cells[3], line));
            }
        }

        private static RelationRow? ReadRelation(QuantityTable table, string[] cells, int line)
        {
            string[] sides = cells.Length == 2 ? cells[1].Split('=') : Array.Empty<string>();
            string[] factors = sides.Length == 2 ? sides[1].Split('*') : Array.Empty<string>();
            if (factors.Length != 2 || !IsIdentifier(sides[0].Trim()) || !IsIdentifier(factors[0].Trim()) || !IsIdentifier(factors[1].Trim()))
            {
                table.Problems.Add(new("QTY001", "A relation row reads 'relation | Product = Left * Right'", line));
                return null;
            }

            return new RelationRow(sides[0].Trim(), factors[0].Trim(), factors[1].Trim(), line);
        }

        private static bool Claim(QuantityTable table, Dictionary<string, int> names, string name, int line)
        {
            if (names.TryGetValue(name, out int first))
            {
                table.Problems.Add(new("QTY002", $"'{name}' is already declared on line {first}", line));
                return false;
            }

            names.Add(name, line);
            return true;
        }

        /// <summary>
        /// Every operator a row would declare, keyed by its signature: the shared ones of each quantity first, then each
        /// relation's four (two when both factors are the same type). A relation that repeats a signature is left out.
        /// </summary>
        private static void CheckRelations(QuantityTable table, List<RelationRow> relations)
        {
            var quantities = new HashSet<string>(table.Quantities.Select(q => q.Name), StringComparer.Ordinal);
            var externals = new HashSet<string>(table.Externals.Select(e => e.Name), StringComparer.Ordinal);
            var declared = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (QuantityRow quantity in table.Quantities)
            {
                foreach (string signature in SharedSignatures(quantity.Name))
                {
                    declared[signature] = $"the shared operators of {quantity.Name} (line {quantity.Line})";
                }
            }

            foreach (RelationRow relation in relations)
            {
                string text = $"{relation.Product} = {relation.Left} * {relation.Right}";
                string? unknown = new[] { relation.Product, relation.Left, relation.Right }
                    .FirstOrDefault(n => !quantities.Contains(n) && !externals.Contains(n));
                if (unknown is not null)
                {
                    table.Problems.Add(new("QTY002", $"The relation '{text}' names '{unknown}', which is neither a quantity nor an external row", relation.Line));
                    continue;
                }

                if (!quantities.Contains(relation.Product) || (!quantities.Contains(relation.Left) && !quantities.Contains(relation.Right)))
                {
                    table.Problems.Add(new("QTY002", $"The relation '{text}' needs a quantity of the table as its product and as one factor, to declare its operators in", relation.Line));
                    continue;
                }

                string[] signatures = RelationSignatures(relation).ToArray();
                string? taken = signatures.FirstOrDefault(declared.ContainsKey);
                if (taken is not null)
                {
                    table.Problems.Add(new("QTY003", $"The relation '{text}' declares the operator {taken}, which {declared[taken]} already declares", relation.Line));
                    continue;
                }

                foreach (string signature in signatures)
                {
                    declared.Add(signature, $"the relation on line {relation.Line}");
                }

                table.Relations.Add(relation);
            }
        }

        private static IEnumerable<string> SharedSignatures(string q) => new[]
        {
            $"{q} + {q}", $"{q} - {q}", $"{q} * double", $"double * {q}", $"{q} / double", $"{q} / {q}",
            $"{q} * int", $"int * {q}", $"{q} / int",
        };

        internal static IEnumerable<string> RelationSignatures(RelationRow relation)
        {
            yield return $"{relation.Left} * {relation.Right}";
            if (relation.Left != relation.Right) yield return $"{relation.Right} * {relation.Left}";
            yield return $"{relation.Product} / {relation.Left}";
            if (relation.Left != relation.Right) yield return $"{relation.Product} / {relation.Right}";
        }

        /// <summary>
        /// Reads <c>[{sign}]prefix{si}|{si:N}|{base}suffix</c>: literal text around exactly one number placeholder.
        /// </summary>
        private static bool TryReadPattern(string text, out TextPattern? pattern, out string? problem)
        {
            pattern = null;
            problem = null;
            const string signPlaceholder = "{sign}";
            bool signFirst = text.StartsWith(signPlaceholder, StringComparison.Ordinal);
            string rest = signFirst ? text.Substring(signPlaceholder.Length) : text;
            int open = rest.IndexOf('{');
            int close = open < 0 ? -1 : rest.IndexOf('}', open);
            if (close < 0 || rest.IndexOf('{', close) >= 0 || rest.IndexOf('}', close + 1) >= 0)
            {
                problem = $"The text pattern '{text}' needs exactly one of {{si}}, {{si:N}} or {{base}}";
                return false;
            }

            string placeholder = rest.Substring(open + 1, close - open - 1);
            string prefix = rest.Substring(0, open), suffix = rest.Substring(close + 1);
            if (prefix.IndexOfAny(new[] { '"', '\\' }) >= 0 || suffix.IndexOfAny(new[] { '"', '\\' }) >= 0)
            {
                problem = $"The text pattern '{text}' may not hold quotes or backslashes";
                return false;
            }

            if (signFirst && prefix.Length == 0)
            {
                problem = $"The text pattern '{text}' puts the sign before a prefix, but has none; leave {{sign}} out";
                return false;
            }

            if (placeholder == "base")
            {
                pattern = new TextPattern(prefix, NumberStyle.BaseUnit, null, suffix, signFirst);
                return true;
            }

            if (placeholder == "si")
            {
                pattern = new TextPattern(prefix, NumberStyle.Prefixed, null, suffix, signFirst);
                return true;
            }

            if (placeholder.StartsWith("si:", StringComparison.Ordinal)
                && int.TryParse(placeholder.Substring(3), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int exponent))
            {
                pattern = new TextPattern(prefix, NumberStyle.Prefixed, exponent, suffix, signFirst);
                return true;
            }

            problem = $"'{{{placeholder}}}' in the text pattern '{text}' is none of {{si}}, {{si:N}} or {{base}}";
            return false;
        }

        private static bool ExampleParses(string example, TextPattern pattern, Dimension dimension)
        {
            string inner = example;
            if (pattern.SignFirst && inner.StartsWith("-", StringComparison.Ordinal)) inner = inner.Substring(1);
            if (!inner.StartsWith(pattern.Prefix, StringComparison.Ordinal) || !inner.EndsWith(pattern.Suffix, StringComparison.Ordinal)
                || inner.Length < pattern.Prefix.Length + pattern.Suffix.Length)
            {
                return false;
            }

            inner = inner.Substring(pattern.Prefix.Length, inner.Length - pattern.Prefix.Length - pattern.Suffix.Length);
            return UnitTable.TryParse(inner, dimension, out _, out _, out _) == QuantityError.None;
        }

        private static bool IsIdentifier(string text)
            => text.Length > 0 && (char.IsLetter(text[0]) || text[0] == '_') && text.All(c => char.IsLetterOrDigit(c) || c == '_');
    }
}
