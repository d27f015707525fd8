using System;
using System.IO;
using System.Linq;
using System.Reflection;
using HardwareCatalog.Generators.Schema;
using Newtonsoft.Json.Linq;
using Xunit;

namespace HardwareCatalog.Generators.Tests
{
    /// <summary>
    /// The facts about precisions and links live in one table each (src/HardwareCatalog/PrecisionTable.cs); what is
    /// still written by hand elsewhere (the public enum, the public constructors, the JSON Schema) is checked against it
    /// here, so a missed edit fails a test instead of silently shifting an index.
    /// </summary>
    public class PrecisionTableTests
    {
        [Fact]
        public void The_enum_has_one_member_per_row_in_the_same_order()
        {
            Assert.Equal(PrecisionTable.MemberNames, Enum.GetNames(typeof(Precision)));
            Assert.Equal(Enumerable.Range(0, PrecisionTable.Count), Enum.GetValues(typeof(Precision)).Cast<Precision>().Select(p => (int)p));
            Assert.Equal(PrecisionFacts.Count, PrecisionTable.Count);
            Assert.Equal(PrecisionTable.Count, PrecisionFacts.All.Count);
        }

        [Fact]
        public void The_public_facts_read_the_table()
        {
            foreach (Precision precision in PrecisionFacts.All)
            {
                PrecisionRow row = PrecisionTable.Rows[(int)precision];
                Assert.Equal(row.Key, precision.CatalogKey());
                Assert.Equal(row.DisplayName, precision.DisplayName());
                Assert.Equal(row.IsInteger, precision.IsInteger());
                Assert.Equal(row.BytesPerElement, precision.BytesPerElement());
            }
        }

        [Fact]
        public void The_peak_table_constructor_takes_one_rate_per_row_in_order()
        {
            ConstructorInfo constructor = typeof(PeakTable).GetConstructors().Single(c => c.GetParameters().Length > 1);
            Assert.Equal(PrecisionTable.Keys, constructor.GetParameters().Select(p => p.Name));
        }

        [Fact]
        public void The_interconnect_has_one_link_per_row_in_order()
        {
            ConstructorInfo constructor = typeof(Interconnect).GetConstructors().Single();
            Assert.Equal(LinkTable.Keys, constructor.GetParameters().Select(p => p.Name!), StringComparer.OrdinalIgnoreCase);
            Assert.Equal(LinkTable.Rows.Select(r => r.MemberName), typeof(Interconnect).GetProperties().Where(p => p.PropertyType != typeof(Interconnect)).Select(p => p.Name));
        }

        [Fact]
        public void The_slot_layout_has_one_slot_per_row()
        {
            Assert.Equal(AcceleratorLayout.LinkCount, LinkTable.Count);
            Assert.Equal(AcceleratorLayout.PrecisionCount, PrecisionTable.Count);
            Assert.Equal(AcceleratorLayout.Dense, AcceleratorLayout.Links + LinkTable.Count);
            Assert.Equal(AcceleratorLayout.Sparse, AcceleratorLayout.Dense + PrecisionTable.Count);
            Assert.Equal(AcceleratorLayout.Measured, AcceleratorLayout.Sparse + PrecisionTable.Count);
            Assert.Equal(AcceleratorLayout.Length, AcceleratorLayout.Measured + PrecisionTable.Count);
        }

        [Fact]
        public void The_json_schema_lists_every_precision_and_link_key()
        {
            JObject schema = JObject.Parse(File.ReadAllText(Path.Combine(DiagnosticTests.RepositoryRoot(), "catalogs", "catalog.schema.json")));
            var precisionKeys = ((JObject)schema["definitions"]!["precisionRates"]!["properties"]!).Properties().Select(p => p.Name);
            var linkKeys = ((JObject)schema["definitions"]!["gpu"]!["properties"]!["interconnect"]!["properties"]!).Properties().Select(p => p.Name);

            Assert.Equal(PrecisionTable.Keys, precisionKeys);
            Assert.Equal(LinkTable.Keys, linkKeys);
        }

        [Theory]
        // NVIDIA's architecture whitepapers: FP8 tensor cores arrived with Ada Lovelace (8.9) and Hopper (9.0), FP6 and
        // FP4 with Blackwell (10.0); Ampere (8.0) has neither.
        [InlineData("Ampere", "fp8", false)]
        [InlineData("Ampere", "bf16", true)]
        [InlineData("Ampere", "int4", true)]
        [InlineData("Ada Lovelace", "fp8", true)]
        [InlineData("Ada", "fp4", false)]
        [InlineData("Hopper", "fp8", true)]
        [InlineData("Hopper", "fp6", false)]
        [InlineData("Hopper", "fp4", false)]
        [InlineData("Blackwell", "fp4", true)]
        [InlineData("Volta", "fp8", false)]
        [InlineData("CDNA 3", "fp8", true)] // another vendor's architecture is not checked
        public void The_architecture_rule_follows_the_table(string architecture, string precision, bool possible)
        {
            string? why = ArchitectureRules.WhyImpossible(architecture, precision);
            Assert.Equal(possible, why is null);
            if (!possible)
            {
                Assert.Contains(PrecisionTable.Rows[PrecisionTable.IndexOf(precision)].IntroducedWith!, why);
            }
        }

        [Fact]
        public void Every_precision_that_needs_a_newer_architecture_says_which()
        {
            Assert.All(PrecisionTable.Rows.Where(r => r.MinimumComputeCapability > 0), r => Assert.False(string.IsNullOrEmpty(r.IntroducedWith)));
            Assert.All(PrecisionTable.Rows.Where(r => r.IsInteger), r => Assert.True(r.IsTensor));
        }
    }
}
