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
            object[] arguments = Arguments.Cast<object>().ToArray();
            if (Location?.Pack is { } pack)
            {
                // Same id, severity and help link; the message names the catalog pack the located file belongs to.
                descriptor = new DiagnosticDescriptor(descriptor.Id, descriptor.Title, descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture) + " (catalog pack {" + arguments.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + "})",
                    descriptor.Category, descriptor.DefaultSeverity, descriptor.IsEnabledByDefault, descriptor.Description, descriptor.HelpLinkUri, descriptor.CustomTags.ToArray());
                arguments = arguments.Concat(new object[] { pack }).ToArray();
            }

            return Diagnostic.Create(descriptor, Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None, arguments);
        }
    }
}
