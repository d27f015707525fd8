using System;
using FsCheck.Xunit;
using FsCheck;
using HardwareCatalog.Units;
using Xunit;

namespace HardwareCatalog.Tests
{
    /// <summary>GpuHours, Money and GpuHourPrice read back the text they print, and the relations between them hold.</summary>
    public class MoneyAndGpuHourTests
    {
        [Property(MaxTest = 500)]
        public bool GpuHours_round_trip(NormalFloat value)
            => !UnitPropertyTests.Usable(value.Get) || GpuHours.Parse(GpuHours.FromHours(value.Get).ToString()).Hours.Equals(value.Get);

        [Property(MaxTest = 500)]
        public bool Money_round_trips(NormalFloat value)
            => !UnitPropertyTests.Usable(value.Get) || Money.Parse(Money.FromUsd(value.Get).ToString()).Usd.Equals(value.Get);

        [Property(MaxTest = 500)]
        public bool GpuHourPrice_round_trips(NormalFloat value)
            => !UnitPropertyTests.Usable(value.Get) || GpuHourPrice.Parse(GpuHourPrice.Usd(value.Get).ToString()).UsdPerGpuHour.Equals(value.Get);

        [Theory]
        [InlineData("2.788M GPU-h", 2.788e6)]
        [InlineData("  512 GPU-h ", 512)]
        [InlineData("-1.5K GPU-h", -1.5e3)]
        public void GpuHours_parse_their_printed_form(string text, double hours)
            => Assert.Equal(hours, GpuHours.Parse(text).Hours);

        [Theory]
        [InlineData("$13.96M", 13.96e6)]
        [InlineData("-$2.5K", -2.5e3)]
        [InlineData("$0.75", 0.75)]
        public void Money_parses_its_printed_form(string text, double usd)
            => Assert.Equal(usd, Money.Parse(text).Usd);

        [Theory]
        [InlineData("$2/GPU-h", 2)]
        [InlineData("$1.3/GPU-h", 1.3)]
        public void GpuHourPrice_parses_its_printed_form(string text, double usd)
            => Assert.Equal(usd, GpuHourPrice.Parse(text).UsdPerGpuHour);

        [Theory]
        [InlineData("13.96M")]
        [InlineData("$13.96M GPU-h")]
        [InlineData("$ten")]
        [InlineData("")]
        public void Money_rejects_other_text(string text)
        {
            Assert.False(Money.TryParse(text, out _));
            FormatException error = Assert.Throws<FormatException>(() => Money.Parse(text));
            Assert.Contains($"'{text}'", error.Message);
        }

        [Theory]
        [InlineData("2.788M")]
        [InlineData("2.788M GB")]
        [InlineData("$2/GPU-h")]
        public void GpuHours_reject_other_text(string text)
        {
            Assert.False(GpuHours.TryParse(text, out _));
            Assert.Throws<FormatException>(() => GpuHours.Parse(text));
        }

        [Fact]
        public void GpuHourPrice_formats_the_number_it_is_given()
        {
            Assert.Equal("$2/GPU-h", GpuHourPrice.Usd(2).ToString());
            Assert.Equal("$1.30/GPU-h", GpuHourPrice.Usd(1.3).ToString("0.00"));
            Assert.Equal("-$2.5K", Money.FromUsd(-2500).ToString());
        }

        [Fact]
        public void The_relation_gives_all_four_operators()
        {
            // DeepSeek-V3 technical report, section 1: 2.788M H800 GPU-hours at $2 per GPU-hour cost $5.576M.
            GpuHours hours = GpuHours.FromHours(2.788e6);
            GpuHourPrice price = GpuHourPrice.Usd(2);
            Money cost = hours * price;
            Assert.Equal(2.788e6 * 2, cost.Usd);
            Assert.Equal(cost, price * hours);
            Assert.Equal(2.788e6 * 2 / 2, (cost / price).Hours);
            Assert.Equal(2.788e6 * 2 / 2.788e6, (cost / hours).UsdPerGpuHour);
        }

        [Fact]
        public void The_three_compare_and_sort()
        {
            Assert.True(Money.FromUsd(1) < Money.FromUsd(2));
            Assert.True(GpuHours.FromHours(3) >= GpuHours.FromHours(3));
            Assert.True(GpuHourPrice.Usd(1.3) < GpuHourPrice.Usd(2));
            Money[] sorted = { Money.FromUsd(3), Money.FromUsd(-1), Money.FromUsd(2) };
            Array.Sort(sorted);
            Assert.Equal(new[] { -1.0, 2, 3 }, Array.ConvertAll(sorted, m => m.Usd));
        }
    }
}
