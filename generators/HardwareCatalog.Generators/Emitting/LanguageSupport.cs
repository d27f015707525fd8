using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HardwareCatalog.Generators.Emitting
{
    /// <summary>
    /// What the consumer's C# version allows in emitted code. The package targets netstandard2.0, whose projects default
    /// to C# 7.3: the emitted code uses nothing newer than C# 7.3 and adds nullable annotations only from C# 8 on.
    /// </summary>
    internal static class LanguageSupport
    {
        public static bool HasNullableAnnotations(ParseOptions options)
            => options is not CSharpParseOptions csharp || csharp.LanguageVersion >= LanguageVersion.CSharp8;
    }
}
