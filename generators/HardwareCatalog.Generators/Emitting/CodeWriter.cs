using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace HardwareCatalog.Generators.Emitting
{
    /// <summary>An indented writer for generated C#, with escaping for each context a catalog string can land in.</summary>
    internal sealed class CodeWriter
    {
        private static readonly char[] s_floatingPointMarks = { '.', 'E', 'e' };
        private readonly StringBuilder _builder = new(16 * 1024);
        private int _indent;

        public CodeWriter Line(string text = "")
        {
            if (text.Length > 0)
            {
                _builder.Append(' ', _indent * 4);
                _builder.Append(text);
            }

            _builder.Append('\n');
            return this;
        }

        public CodeWriter Open(string text)
        {
            Line(text);
            Line("{");
            _indent++;
            return this;
        }

        public CodeWriter Close(string suffix = "")
        {
            _indent--;
            return Line("}" + suffix);
        }

        /// <summary>Writes an XML doc comment block; <paramref name="xml"/> is already escaped and may span lines.</summary>
        public CodeWriter Doc(string xml)
        {
            foreach (string line in xml.Split('\n'))
            {
                Line(line.Length == 0 ? "///" : "/// " + line);
            }

            return this;
        }

        /// <summary>The shared tail of an entry's doc remarks: notes, then the sources as a list.</summary>
        public static void NotesAndSources(List<string> lines, string? notes, IEnumerable<string> sources)
        {
            if (!string.IsNullOrEmpty(notes))
            {
                lines.Add($"<para>{Xml(notes!)}</para>");
            }

            var list = sources.ToList();
            if (list.Count > 0)
            {
                lines.Add("<para>Sources:</para>");
                lines.Add("<list type=\"bullet\">");
                lines.AddRange(list.Select(source => $"<item><description>{Xml(source)}</description></item>"));
                lines.Add("</list>");
            }
        }

        /// <summary>The <c>sources:</c> argument of a base constructor.</summary>
        public static string SourcesArgument(IEnumerable<string> sources) => $"sources: new string[] {{ {string.Join(", ", sources.Select(Literal))} }}";

        public override string ToString() => _builder.ToString();

        /// <summary>A C# string literal; Roslyn escapes quotes, backslashes, control and non-printing characters.</summary>
        public static string Literal(string? value) => value is null ? "null" : SymbolDisplay.FormatLiteral(value, quote: true);

        /// <summary>Text for an XML doc comment: markup escaped, line breaks folded, control characters dropped.</summary>
        public static string Xml(string value)
        {
            var builder = new StringBuilder(value.Length);
            foreach (char c in value)
            {
                switch (c)
                {
                    case '&': builder.Append("&amp;"); break;
                    case '<': builder.Append("&lt;"); break;
                    case '>': builder.Append("&gt;"); break;
                    case '"': builder.Append("&quot;"); break;
                    case '\r':
                    case '\n':
                    case '\t':
                        builder.Append(' ');
                        break;
                    default:
                        if (!char.IsControl(c) && c != '\u2028' && c != '\u2029' && c != '\u0085')
                        {
                            builder.Append(c);
                        }

                        break;
                }
            }

            return builder.ToString();
        }

        /// <summary>A double literal that round-trips exactly.</summary>
        public static string Number(double value)
        {
            string text = value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            return text.IndexOfAny(s_floatingPointMarks) >= 0 ? text : text + "d";
        }
    }
}
