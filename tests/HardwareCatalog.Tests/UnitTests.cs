using System;
using System.Globalization;
using HardwareCatalog.Units;
using Xunit;

namespace HardwareCatalog.Tests
{
    public class UnitTests
    {
        [Theory]
        [InlineData("1978.9 TFLOP/s", 1978.9e12)]
        [InlineData("1978.9 TFLOPS", 1978.9e12)]
        [InlineData("1978.9 TOPS", 1978.9e12)]
        [InlineData("9 PFLOP/s", 9e15)]
        [InlineData("0.5 EFLOP/s", 0.5e18)]
        [InlineData("1.2e3 TFLOP/s", 1.2e15)]
        public void FlopRate_parses_the_dsl_units(string text, double flopsPerSecond)
            => Assert.Equal(flopsPerSecond, FlopRate.Parse(text).FlopsPerSecond);

        [Theory]
        [InlineData("80 GB", 80e9)]
        [InlineData("80 GiB", 80d * 1024 * 1024 * 1024)]
        [InlineData("512 KiB", 524288)]
        [InlineData("141GB", 141e9)]
        public void DataSize_parses_decimal_and_binary_units(string text, double bytes)
            => Assert.Equal(bytes, DataSize.Parse(text).Bytes);

        [Theory]
        [InlineData("671B", 671e9)]
        [InlineData("14.8T", 14.8e12)]
        [InlineData("2048", 2048)]
        [InlineData("37 B", 37e9)]
        public void Counts_take_k_m_b_t_suffixes(string text, double count)
            => Assert.Equal(count, Parameters.Parse(text).Count);

        [Theory]
        [InlineData("80 GB", "data size")]
        [InlineData("3.35", "no unit")]
        [InlineData("3.35 TB/h", "unknown unit")]
        [InlineData("fast", "does not start with a number")]
        [InlineData("", "empty")]
        public void Bandwidth_rejects_what_is_not_a_bandwidth(string text, string expected)
        {
            FormatException error = Assert.Throws<FormatException>(() => Bandwidth.Parse(text));
            Assert.Contains(expected, error.Message, StringComparison.OrdinalIgnoreCase);
            Assert.False(Bandwidth.TryParse(text, out _));
        }

        [Theory]
        [InlineData(1978.9e12, "1978.9 TFLOP/s")]
        [InlineData(458e12, "458 TFLOP/s")]
        [InlineData(9e15, "9000 TFLOP/s")]
        [InlineData(13.5e15, "13.5 PFLOP/s")]
        [InlineData(9.7e12, "9.7 TFLOP/s")]
        [InlineData(500e9, "500 GFLOP/s")]
        public void FlopRate_prints_in_tflops_as_vendors_do(double value, string expected)
            => Assert.Equal(expected, FlopRate.FromFlopsPerSecond(value).ToString());

        [Theory]
        [InlineData(80e9, "80 GB")]
        [InlineData(80d * 1024 * 1024 * 1024, "80 GiB")]
        [InlineData(524288, "512 KiB")]
        [InlineData(70272, "70.272 KB")]
        [InlineData(1500000, "1.5 MB")]
        [InlineData(1024000, "1000 KiB")]
        [InlineData(512, "512 B")]
        public void DataSize_prints_binary_units_only_for_whole_binary_multiples(double bytes, string expected)
            => Assert.Equal(expected, DataSize.FromBytes(bytes).ToString());

        [Fact]
        public void Other_units_print_with_si_prefixes()
        {
            Assert.Equal("3.35 TB/s", Bandwidth.FromTerabytesPerSecond(3.35).ToString());
            Assert.Equal("700 W", Power.FromWatts(700).ToString());
            Assert.Equal("1.4 kW", Power.FromWatts(1400).ToString());
            Assert.Equal("14.8T", Tokens.FromTrillions(14.8).ToString());
            Assert.Equal("671B", Parameters.FromBillions(671).ToString());
            Assert.Equal("2.788M GPU-h", GpuHours.FromHours(2.788e6).ToString());
            Assert.Equal("$13.96M", Money.FromUsd(13.96e6).ToString());
            Assert.Equal("3.79E+25 FLOP", Flops.FromCount(3.79e25).ToString());
        }

        [Fact]
        public void Formatting_uses_the_invariant_culture_whatever_the_current_one()
        {
            CultureInfo previous = CultureInfo.CurrentCulture;
            try
            {
                CultureInfo.CurrentCulture = new CultureInfo("de-DE");
                Assert.Equal("3.35 TB/s", Bandwidth.FromTerabytesPerSecond(3.35).ToString());
                Assert.Equal("989.4 TFLOP/s", $"{FlopRate.FromTera(989.4)}");
                Assert.Equal(3.35e12, Bandwidth.Parse("3.35 TB/s").BytesPerSecond);
            }
            finally
            {
                CultureInfo.CurrentCulture = previous;
            }
        }

        [Fact]
        public void A_number_format_applies_to_the_number_only()
        {
            Assert.Equal("458.3 TFLOP/s", FlopRate.FromTera(458.33333).ToString("0.0"));
            Assert.Equal("$13.96M", Money.FromUsd(13_960_123).ToString("0.00"));
        }

        [Fact]
        public void Dimensional_operators_give_the_right_units()
        {
            Flops compute = Flops.FromCount(3.14e23);
            FlopRate perGpu = FlopRate.FromTera(140);
            TimeSpan time = compute / (perGpu * 1024);
            Assert.Equal(3.14e23 / (140e12 * 1024), time.TotalSeconds, 6);

            Assert.Equal(compute.Count, ((perGpu * 1024) * time).Count, 1e-9 * compute.Count);
            Assert.Equal(140e12, (compute / time / 1024).FlopsPerSecond, 1e-6 * 140e12);

            TimeSpan transfer = DataSize.FromGigabytes(80) / Bandwidth.FromTerabytesPerSecond(3.35);
            Assert.Equal(80 / 3350.0, transfer.TotalSeconds, 6);

            Money cost = GpuHours.Of(2048, TimeSpan.FromHours(1300)) * GpuHourPrice.Usd(2);
            Assert.Equal(2048 * 1300 * 2.0, cost.Usd, 6);
            Assert.Equal(2.0, FlopRate.FromTera(2) / FlopRate.FromTera(1));
        }

        [Fact]
        public void Equality_and_ordering_compare_values()
        {
            Assert.Equal(DataSize.Parse("1000 MB"), DataSize.Parse("1 GB"));
            Assert.True(FlopRate.FromTera(1) < FlopRate.FromPeta(1));
            Assert.True(Bandwidth.Parse("900 GB/s") > Bandwidth.Parse("400 GB/s"));
            Assert.Equal(0, Power.FromKilowatts(1).CompareTo(Power.FromWatts(1000)));
        }

        [Fact]
        public void A_duration_too_long_for_a_timespan_throws_overflow()
            => Assert.Throws<OverflowException>(() => Flops.FromCount(1e40) / FlopRate.FromTera(1));
    }
}
