using System;
using System.Collections.Generic;
using System.IO;
using HardwareCatalog.Generators.Model;
using Microsoft.CodeAnalysis.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace HardwareCatalog.Generators.Parsing
{
    /// <summary>A node of a catalog document, with the marks of its first and last character.</summary>
    internal abstract class YamlTreeNode
    {
        protected YamlTreeNode(Mark start, Mark end)
        {
            Start = start;
            End = end;
        }

        public Mark Start { get; }

        public Mark End { get; set; }
    }

    internal sealed class YamlTreeScalar : YamlTreeNode
    {
        public YamlTreeScalar(string value, Mark start, Mark end) : base(start, end) => Value = value;

        public string Value { get; }
    }

    internal sealed class YamlTreeMapping : YamlTreeNode
    {
        public YamlTreeMapping(Mark start, Mark end) : base(start, end)
        {
        }

        public List<KeyValuePair<YamlTreeNode, YamlTreeNode>> Pairs { get; } = new();
    }

    internal sealed class YamlTreeSequence : YamlTreeNode
    {
        public YamlTreeSequence(Mark start, Mark end) : base(start, end)
        {
        }

        public List<YamlTreeNode> Items { get; } = new();
    }

    /// <summary>
    /// Builds the documents of a catalog file from YamlDotNet's event stream in one pass, with an explicit stack.
    /// YamlDotNet's own representation model recurses once per nesting level (100,000 nested flow mappings overflow
    /// the stack, which no catch survives) and would need a second pass over the text for the guards; here depth,
    /// node count, anchors, aliases and duplicate keys are checked as the events arrive.
    /// </summary>
    internal static class YamlTree
    {
        /// <summary>Deeper than any catalog needs (the DSL nests three levels), shallow enough for any stack.</summary>
        public const int MaxDepth = 64;

        /// <summary>Far more scalars, mappings and lists than any catalog file holds.</summary>
        public const int MaxNodes = 200_000;

        /// <summary>The document roots, or null after a problem (reported to <paramref name="diagnostics"/>).</summary>
        public static List<YamlTreeNode>? Load(string path, string text, bool isJson, List<DiagnosticInfo> diagnostics)
        {
            var documents = new List<YamlTreeNode>();
            var stack = new Stack<Frame>();
            var parser = new Parser(new StringReader(text));
            int nodes = 0;
            ParsingEvent? last = null;
            string syntax = isJson ? "JSON syntax error" : "YAML syntax error";
            try
            {
                while (parser.MoveNext())
                {
                    ParsingEvent current = parser.Current!;
                    last = current;
                    if (current is AnchorAlias)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.AliasNotSupported, Span(path, current.Start, current.End), "aliases (*name)"));
                        return null;
                    }

                    if (current is NodeEvent { Anchor.IsEmpty: false })
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.AliasNotSupported, Span(path, current.Start, current.End), "anchors (&name)"));
                        return null;
                    }

                    if (current is NodeEvent && ++nodes > MaxNodes)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TooComplex, Span(path, current.Start, current.End), "The file has more than " + MaxNodes.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " values"));
                        return null;
                    }

                    YamlTreeNode? complete = null;
                    switch (current)
                    {
                        case Scalar scalar:
                            complete = new YamlTreeScalar(scalar.Value, scalar.Start, scalar.End);
                            break;
                        case MappingStart:
                        case SequenceStart:
                            if (stack.Count >= MaxDepth)
                            {
                                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TooComplex, Span(path, current.Start, current.End), $"Mappings and lists are nested more than {MaxDepth} deep here"));
                                return null;
                            }

                            stack.Push(new Frame(current is MappingStart ? new YamlTreeMapping(current.Start, current.End) : new YamlTreeSequence(current.Start, current.End)));
                            break;
                        case MappingEnd:
                        case SequenceEnd:
                            Frame done = stack.Pop();
                            done.Node.End = current.End;
                            complete = done.Node;
                            break;
                    }

                    if (complete is null)
                    {
                        continue;
                    }

                    if (stack.Count == 0)
                    {
                        documents.Add(complete);
                    }
                    else if (!stack.Peek().Add(complete, out YamlTreeScalar? duplicate))
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SyntaxError, Span(path, duplicate!.Start, duplicate.End), syntax, $"duplicate key '{duplicate.Value}'"));
                        return null;
                    }
                }
            }
            catch (YamlException exception)
            {
                string message = exception.InnerException is { } inner && exception.Message.Length == 0 ? inner.Message : exception.Message;
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SyntaxError, Span(path, exception.Start, exception.End), syntax, message));
                return null;
            }
            catch (InvalidOperationException)
            {
                // YamlDotNet (16.3 and 18.1) throws this instead of a YamlException for some unclosed flow collections
                // followed by multi-line plain scalars; the last event that parsed is the best position there is.
                LocationInfo where = last is null ? LocationInfo.FileStart(path) : Span(path, last.Start, last.End);
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SyntaxError, where, syntax,
                    "the parser failed after this point; look for an unclosed '[' or '{' or a value that runs over several lines"));
                return null;
            }

            return documents;
        }

        internal static LocationInfo Span(string path, Mark start, Mark end)
        {
            int startIndex = (int)Math.Max(0, start.Index);
            int endIndex = (int)Math.Max(startIndex, end.Index);
            var startPosition = new LinePosition((int)Math.Max(0, start.Line - 1), (int)Math.Max(0, start.Column - 1));
            var endPosition = new LinePosition((int)Math.Max(0, end.Line - 1), (int)Math.Max(0, end.Column - 1));
            if (endPosition < startPosition) endPosition = startPosition;
            return new LocationInfo(path, TextSpan.FromBounds(startIndex, endIndex), new LinePositionSpan(startPosition, endPosition));
        }

        /// <summary>An open mapping or sequence; a mapping takes its children as alternating keys and values.</summary>
        private sealed class Frame
        {
            private YamlTreeNode? _pendingKey;
            private HashSet<string>? _keys;

            public Frame(YamlTreeNode node) => Node = node;

            public YamlTreeNode Node { get; }

            public bool Add(YamlTreeNode child, out YamlTreeScalar? duplicate)
            {
                duplicate = null;
                if (Node is YamlTreeSequence sequence)
                {
                    sequence.Items.Add(child);
                    return true;
                }

                if (_pendingKey is null)
                {
                    _pendingKey = child;
                    if (child is YamlTreeScalar key && !(_keys ??= new HashSet<string>(StringComparer.Ordinal)).Add(key.Value))
                    {
                        duplicate = key;
                        return false;
                    }

                    return true;
                }

                ((YamlTreeMapping)Node).Pairs.Add(new KeyValuePair<YamlTreeNode, YamlTreeNode>(_pendingKey, child));
                _pendingKey = null;
                return true;
            }
        }
    }
}
