using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace HardwareCatalog.Generators.Model
{
    /// <summary>A place in a catalog file, carried through the pipeline as data and made a <see cref="Location"/> only when reported.</summary>
    internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
    {
        /// <summary>The package id of the catalog pack whose file this is, or null for a project's own or a built-in file.</summary>
        /// <remarks>Set when the file is parsed, so that every diagnostic located in a pack's file says which pack it came from.</remarks>
        public string? Pack { get; init; }

        public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);

        /// <summary>The start of a file, for diagnostics about the file as a whole.</summary>
        public static LocationInfo FileStart(string path) => new(path, new TextSpan(0, 0), new LinePositionSpan(default, default));
    }
}
