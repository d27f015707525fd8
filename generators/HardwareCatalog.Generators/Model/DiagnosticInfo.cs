using System.Linq;
using Microsoft.CodeAnalysis;

namespace HardwareCatalog.Generators.Model
{
    /// <summary>A diagnostic as equatable data: descriptor id, message arguments and location.</summary>
    internal sealed record DiagnosticInfo(string Id, EquatableArray<string> Arguments, LocationInfo? Location)
    {
        public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments)
            => new(descriptor.Id, new EquatableArray<string>(arguments), location);

        public Diagnostic ToDiagnostic()
        {
            DiagnosticDescriptor descriptor = DiagnosticDescriptors.ById(Id);
            return Diagnostic.Create(descriptor, Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None, Arguments.Cast<object>().ToArray());
        }
    }
}
