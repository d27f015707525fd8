using System;
using HardwareCatalog.Units;
using Xunit;

namespace HardwareCatalog.Tests
{
    /// <summary>Achieved rates (measured or an explicit share of a peak) and system fabrics.</summary>
    public class AchievedAndFabricTests
    {
        [Fact]
        public void An_assumed_rate_is_the_stated_share_of_the_dense_peak()
        {
            // 40% of the H100 SXM dense BF16 peak: 0.4 * 989.4 = 395.76 TFLOP/s.
            Achieved<FlopRate> assumed = Achieved.FromEfficiency(FlopRate.FromTera(989.4), 0.4);

            Assert.Equal(395.76, assumed.Value.TeraFlopsPerSecond, 9);
            Assert.False(assumed.IsMeasured);
            Assert.Equal(0.4, assumed.Efficiency);
            Assert.Null(assumed.Source);
            Assert.Equal("395.76 TFLOP/s (40% of peak)", assumed.ToString());
        }

        [Fact]
        public void A_measured_rate_names_its_source()
        {
            Achieved<FlopRate> measured = Achieved.Measured(FlopRate.FromTera(794.5), "https://example.com/mamf", "torch 2.4");

            Assert.True(measured.IsMeasured);
            Assert.Null(measured.Efficiency);
            Assert.Equal("https://example.com/mamf", measured.Source);
            Assert.Equal("torch 2.4", measured.Stack);
            Assert.Equal("794.5 TFLOP/s (measured)", measured.ToString());
            Assert.Throws<ArgumentException>(() => Achieved.Measured(FlopRate.FromTera(794.5), " ", null));
        }

        [Theory]
        [InlineData(0)]
        [InlineData(-0.1)]
        [InlineData(1.01)]
        [InlineData(double.NaN)]
        public void An_efficiency_outside_zero_to_one_is_refused(double efficiency)
            => Assert.Throws<ArgumentOutOfRangeException>(() => Achieved.FromEfficiency(FlopRate.FromTera(989.4), efficiency));

        [Fact]
        public void Achieved_rates_are_equal_only_with_the_same_provenance()
        {
            Achieved<Bandwidth> a = Achieved.Measured(Bandwidth.FromBytesPerSecond(3e12), "https://example.com/a", null);
            Achieved<Bandwidth> b = Achieved.Measured(Bandwidth.FromBytesPerSecond(3e12), "https://example.com/b", null);

            Assert.Equal(a, Achieved.Measured(Bandwidth.FromBytesPerSecond(3e12), "https://example.com/a", null));
            Assert.NotEqual(a, b);
            Assert.True(a != b);
        }

        [Fact]
        public void A_fabric_keeps_the_vendors_figure_and_halves_a_both_directions_one()
        {
            // NVLink 4 on an H100: "900 GB/s" adds both directions; 450 GB/s each way.
            var nvlink = new Fabric("nvlink", Bandwidth.Parse("900 GB/s"), FabricDirection.Both, domain: 8);
            // A ConnectX-7 NIC: 400 Gb/s per direction = 400e9 / 8 = 50e9 bytes per second.
            var infiniband = new Fabric("infiniband", Bandwidth.Parse("400 Gb/s"), FabricDirection.Each);

            Assert.Equal(900e9, nvlink.Bandwidth.BytesPerSecond);
            Assert.Equal(450e9, nvlink.BandwidthPerDirection.BytesPerSecond);
            Assert.Equal(50e9, infiniband.Bandwidth.BytesPerSecond);
            Assert.Equal(50e9, infiniband.BandwidthPerDirection.BytesPerSecond);
            Assert.Equal(8, nvlink.Domain);
            Assert.Null(infiniband.Domain);
            Assert.Throws<ArgumentOutOfRangeException>(() => new Fabric("nvlink", Bandwidth.FromBytesPerSecond(0), FabricDirection.Both));
            Assert.Throws<ArgumentOutOfRangeException>(() => new Fabric("nvlink", Bandwidth.Parse("900 GB/s"), FabricDirection.Both, domain: 0));
        }

        [Fact]
        public void A_value_source_reads_the_generated_triples()
        {
            var sources = ValueSource.Read(new[] { "tdp", "https://example.com/press", "secondary", "usableMemory", "https://example.com/smi", "" });

            Assert.Equal(2, sources.Count);
            Assert.True(sources[0].IsSecondary);
            Assert.Equal("tdp (secondary): https://example.com/press", sources[0].ToString());
            Assert.False(sources[1].IsSecondary);
            Assert.Throws<ArgumentException>(() => ValueSource.Read(new[] { "tdp", "x" }));
        }
    }
}
