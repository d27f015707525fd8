using HardwareCatalog.Units;
using Xunit;

namespace HardwareCatalog.Tests
{
    /// <summary>Networks are sold in bits per second, memory in bytes: the parser reads both and never confuses them.</summary>
    public class NetworkUnitTests
    {
        [Theory]
        // NVIDIA ConnectX-7: 400 Gb/s per port, 400e9 bits / 8 = 50e9 bytes per second.
        [InlineData("400 Gb/s", 400e9 / 8)]
        [InlineData("400 Gbit/s", 400e9 / 8)]
        [InlineData("800 Gb/s", 800e9 / 8)]
        [InlineData("1.6 Tb/s", 1.6e12 / 8)]
        [InlineData("100 Mb/s", 100e6 / 8)]
        [InlineData("8 b/s", 1)]
        // Bytes stay bytes: NVLink 4 is 900 GB/s.
        [InlineData("900 GB/s", 900e9)]
        [InlineData("50 GB/s", 50e9)]
        public void Bits_and_bytes_per_second_parse_to_bytes_per_second(string text, double bytesPerSecond)
        {
            Assert.Equal(bytesPerSecond, Bandwidth.Parse(text).BytesPerSecond);
        }

        [Fact]
        public void A_bandwidth_given_in_bits_prints_in_bytes_and_reads_back()
        {
            Bandwidth infiniBand = Bandwidth.Parse("400 Gb/s");

            Assert.Equal("50 GB/s", infiniBand.ToString());
            Assert.Equal(infiniBand, Bandwidth.Parse(infiniBand.ToString()));
        }

        [Theory]
        [InlineData("400 gb/s")] // units are case-sensitive: 'gb' is neither a bit nor a byte unit
        [InlineData("400 GB")] // a size, not a bandwidth
        [InlineData("400 Gb")] // bits without '/s'
        public void What_is_neither_is_rejected(string text)
        {
            Assert.False(Bandwidth.TryParse(text, out _));
        }
    }
}
