using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace HardwareCatalog.Generators.Model
{
    /// <summary>A place in a catalog file, carried through the pipeline as data and made a <see cref="Location"/> only when reported.</summary>
    internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
    {
        public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);

        /// <summary>The start of a file, for diagnostics about the file as a whole.</summary>
        public static LocationInfo FileStart(string path) => new(path, new TextSpan(0, 0), new LinePositionSpan(default, default));
    }
}
