using System.Collections.Generic;
using System.Globalization;
using HardwareCatalog.Generators.Model;
using Microsoft.CodeAnalysis.Text;

namespace HardwareCatalog.Generators.Parsing
{
    /// <summary>
    /// Checks the characters of a catalog file before YamlDotNet's scanner sees them, so that no input can hang or
    /// fool the build: the size limit, invisible and bidirectional characters, undecodable bytes, tabs in indentation,
    /// and flow nesting depth (the scanner slows down badly on very deep flow nesting). The structural limits (depth,
    /// node count, aliases) are checked by <see cref="YamlTree"/> as it reads the events. Every check is a loop.
    /// </summary>
    internal static class InputGuard
    {
        /// <summary>The default size limit in characters; the MSBuild property HardwareCatalogMaxFileSize overrides it.</summary>
        public const int DefaultMaxFileSize = 1_000_000;

        private const int MaxCharacterReports = 10;

        /// <summary>Returns false when the file must not be parsed; the reasons are added to <paramref name="diagnostics"/>.</summary>
        public static bool Check(string path, string text, bool isJson, int maxFileSize, List<DiagnosticInfo> diagnostics)
        {
            if (text.Length > maxFileSize)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.FileTooLarge, LocationInfo.FileStart(path),
                    text.Length.ToString("N0", CultureInfo.InvariantCulture), maxFileSize.ToString("N0", CultureInfo.InvariantCulture)));
                return false;
            }

            return ScanCharacters(path, text, isJson, diagnostics);
        }

        /// <summary>Invisible and bidirectional characters, undecodable bytes, tabs in indentation, flow nesting depth.</summary>
        private static bool ScanCharacters(string path, string text, bool isJson, List<DiagnosticInfo> diagnostics)
        {
            int reports = 0;
            int flowDepth = 0;
            bool atIndentation = true;
            bool ok = true;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '\n')
                {
                    atIndentation = true;
                    continue;
                }

                // JSON allows tabs as whitespace anywhere; YAML forbids them in indentation.
                if (c == '\t' && atIndentation && !isJson && reports < MaxCharacterReports)
                {
                    reports++;
                    ok = false;
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SyntaxError, At(path, text, i), "YAML syntax error", "a tab is used for indentation; YAML allows only spaces there"));
                }

                if (c != ' ' && c != '\t' && c != '\r') atIndentation = false;

                if (c == '\uFFFD' && reports < MaxCharacterReports)
                {
                    reports++;
                    ok = false;
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidEncoding, At(path, text, i), "U+FFFD, the replacement for bytes that could not be decoded,"));
                }
                else if (char.IsSurrogate(c))
                {
                    // Characters outside the basic plane: the tag characters U+E0000-U+E007F are invisible format characters.
                    bool paired = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
                    if (!paired && reports < MaxCharacterReports)
                    {
                        reports++;
                        ok = false;
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidEncoding, At(path, text, i),
                            "an unpaired surrogate, U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) + ","));
                    }
                    else if (paired && CharUnicodeInfo.GetUnicodeCategory(text, i) == UnicodeCategory.Format && reports < MaxCharacterReports)
                    {
                        reports++;
                        ok = false;
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvisibleCharacter, At(path, text, i),
                            char.ConvertToUtf32(c, text[i + 1]).ToString("X4", CultureInfo.InvariantCulture), UnicodeCategory.Format.ToString()));
                    }

                    if (paired) i++;
                }
                else if (IsInvisible(c) && reports < MaxCharacterReports)
                {
                    reports++;
                    ok = false;
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvisibleCharacter, At(path, text, i),
                        ((int)c).ToString("X4", CultureInfo.InvariantCulture), CharUnicodeInfo.GetUnicodeCategory(c).ToString()));
                }

                // Quotes and comments are ignored on purpose: a stray quote must not hide a bracket bomb.
                if (c is '[' or '{')
                {
                    if (++flowDepth > YamlTree.MaxDepth)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TooComplex, At(path, text, i),
                            $"Flow collections ('[' and '{{') are nested more than {YamlTree.MaxDepth} deep here"));
                        return false;
                    }
                }
                else if (c is ']' or '}' && flowDepth > 0)
                {
                    flowDepth--;
                }
            }

            return ok;
        }

        /// <summary>
        /// Format characters (bidirectional controls such as U+202E, zero-width characters, soft hyphens), line and
        /// paragraph separators, and other invisible controls: the "Trojan Source" family (CVE-2021-42574).
        /// </summary>
        internal static bool IsInvisible(char c)
        {
            if (c is '\n' or '\r' or '\t') return false;
            UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(c);
            return category is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Control
                || c == '\u115F' || c == '\u1160' || c == '\u3164' || c == '\uFFA0'; // Hangul fillers render as blanks
        }

        private static LocationInfo At(string path, string text, int index)
        {
            int line = 0;
            int lineStart = 0;
            for (int i = 0; i < index; i++)
            {
                if (text[i] == '\n')
                {
                    line++;
                    lineStart = i + 1;
                }
            }

            var position = new LinePosition(line, index - lineStart);
            return new LocationInfo(path, new TextSpan(index, 1), new LinePositionSpan(position, new LinePosition(line, index - lineStart + 1)));
        }
    }
}
