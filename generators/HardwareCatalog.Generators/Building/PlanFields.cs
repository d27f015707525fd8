using System;
using System.Collections.Generic;
using System.Globalization;
using HardwareCatalog.Generators.Model;
using HardwareCatalog.Generators.Parsing;

namespace HardwareCatalog.Generators.Building
{
    /// <summary>
    /// The value rules both plan kinds share (sizes of at least 1, a choice from a list, a share of a peak), each reported
    /// at the key that breaks it, and where the plan's keys were written.
    /// </summary>
    internal static class PlanFields
    {
        /// <summary>A size, count or batch: 1 when the plan leaves it out, and never 0 (HWC128).</summary>
        public static int AtLeastOne(EntryFields fields, string key)
        {
            int? value = fields.Integer(key);
            if (value is 0)
            {
                fields.Fail(DiagnosticDescriptors.InconsistentPlan, fields.LocationOf(key), fields.Entry.Id, $"'{key}' must be at least 1");
            }

            return value ?? 1;
        }

        /// <summary>The value when it is one of <paramref name="allowed"/>; else HWC105 with the closest one; null when absent.</summary>
        public static string? OneOf(EntryFields fields, string key, IEnumerable<string> allowed, string expected)
        {
            ParsedField? field = fields.Field(key);
            if (field is null) return null;
            foreach (string value in allowed)
            {
                if (value == field.Text) return value;
            }

            fields.Fail(DiagnosticDescriptors.WrongShape, field.Location, key, expected, $"'{field.Text}'{Suggestions.DidYouMean(field.Text, allowed)}");
            return null;
        }

        /// <summary>A share of a peak, in (0, 1] (HWC128 otherwise); null when absent.</summary>
        public static double? Efficiency(EntryFields fields, string key)
        {
            ParsedField? field = fields.Field(key);
            if (field is null) return null;
            if (field.Number > 0 && field.Number <= 1) return field.Number;
            fields.Fail(DiagnosticDescriptors.InconsistentPlan, field.Location, fields.Entry.Id,
                $"'{key}' is a share of a peak, more than 0 and at most 1, not {field.Text}");
            return null;
        }

        /// <summary>Where each key of the plan was written.</summary>
        public static EquatableArray<KeyLocation> Keys(EntryFields fields)
        {
            var keys = new List<KeyLocation>();
            foreach (ParsedField field in fields.All)
            {
                keys.Add(new KeyLocation(field.Path, field.Location));
            }

            return keys.ToEquatableArray();
        }

        /// <summary>Where a check about a key the plan leaves to its default is reported: the <c>id</c> value.</summary>
        public static LocationInfo EntryLocation(ParsedEntry entry) => entry.Get("id")?.Location ?? entry.EntryLocation;

        public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
    }
}
