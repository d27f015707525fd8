using System.Linq;
using Microsoft.CodeAnalysis;

namespace HardwareCatalog.Generators.Model
{
    /// <summary>A diagnostic as equatable data: descriptor id, message arguments and location.</summary>
    internal sealed record DiagnosticInfo(string Id, EquatableArray<string> Arguments, LocationInfo? Location)
    {
        public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments)
            => new(descriptor.Id, new EquatableArray<string>(arguments), location);

        /// <summary>
        /// The severity of this one report when it differs from the descriptor's: a plan check that is a warning in one
        /// case and an error in another (HWC204: uneven stages, or stages without a layer).
        /// </summary>
        public DiagnosticSeverity? Severity { get; init; }

        public Diagnostic ToDiagnostic()
        {
            DiagnosticDescriptor descriptor = DiagnosticDescriptors.ById(Id);
            object[] arguments = Arguments.Cast<object>().ToArray();
            if (Location?.Pack is { } pack)
            {
                // Same id, severity and help link; the message names the catalog pack the located file belongs to.
                descriptor = new DiagnosticDescriptor(descriptor.Id, descriptor.Title, descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture) + " (catalog pack {" + arguments.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + "})",
                    descriptor.Category, descriptor.DefaultSeverity, descriptor.IsEnabledByDefault, descriptor.Description, descriptor.HelpLinkUri, descriptor.CustomTags.ToArray());
                arguments = arguments.Concat(new object[] { pack }).ToArray();
            }

            Location location = Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None;
            return Severity is { } severity && severity != descriptor.DefaultSeverity
                ? Diagnostic.Create(descriptor, location, severity, additionalLocations: null, properties: null, arguments)
                : Diagnostic.Create(descriptor, location, arguments);
        }
    }
}
