using System;
using HardwareCatalog.Planning;
using HardwareCatalog.Units;
using Xunit;

namespace HardwareCatalog.Tests
{
    /// <summary>Collective times from the bus-bandwidth factors of NCCL's tests (nccl-tests, doc/PERFORMANCE.md).</summary>
    public class CollectivesTests
    {
        [Theory]
        // PERFORMANCE.md: busBw = algBw · 2(n−1)/n for all-reduce, · (n−1)/n for reduce-scatter and all-gather (and
        // all-to-all), · 1 for send/receive. Eight ranks: 14/8 and 7/8.
        [InlineData(Collective.AllReduce, 8, 14.0 / 8)]
        [InlineData(Collective.ReduceScatter, 8, 7.0 / 8)]
        [InlineData(Collective.AllGather, 8, 7.0 / 8)]
        [InlineData(Collective.AllToAll, 8, 7.0 / 8)]
        [InlineData(Collective.PointToPoint, 2, 1.0)]
        [InlineData(Collective.AllReduce, 1, 0.0)]
        public void The_traffic_factor_is_nccls_bus_bandwidth_factor(Collective collective, int ranks, double factor)
            => Assert.Equal(factor, Collectives.TrafficFactor(collective, ranks), 12);

        [Fact]
        public void A_gradient_all_reduce_on_a_dgx_h100_takes_the_nvlink_arithmetic()
        {
            // catalogs/systems/dgx-h100.yaml: NVLink 900 GB/s per GPU, both directions = 450 GB/s each way, 8 GPUs.
            // 1 GiB of BF16 gradients: 2^30 · 2·7/8 / 450e9 s = 4.1755 ms at the full link rate.
            Fabric nvlink = Systems.DgxH100.ScaleUp;
            Achieved<Bandwidth> link = Achieved.FromEfficiency(nvlink.BandwidthPerDirection, 1.0);
            double expectedSeconds = Math.Pow(2, 30) * 2 * 7 / 8 / 450e9;

            TimeSpan time = Collectives.Time(Collective.AllReduce, DataSize.Parse("1 GiB"), nvlink.Domain!.Value, link);

            Assert.Equal(expectedSeconds, time.TotalSeconds, 6);
            // At 80% of the link the same all-reduce takes 1/0.8 as long.
            Assert.Equal(expectedSeconds / 0.8, Collectives.Time(Collective.AllReduce, DataSize.Parse("1 GiB"), 8, Achieved.FromEfficiency(nvlink.BandwidthPerDirection, 0.8)).TotalSeconds, 6);
        }

        [Fact]
        public void Bad_arguments_are_refused()
        {
            Achieved<Bandwidth> link = Achieved.FromEfficiency(Bandwidth.Parse("50 GB/s"), 1.0);
            Assert.Throws<ArgumentOutOfRangeException>(() => Collectives.TrafficFactor(Collective.AllReduce, 0));
            Assert.Throws<ArgumentOutOfRangeException>(() => Collectives.Time(Collective.AllReduce, DataSize.FromBytes(-1), 8, link));
            Assert.Throws<ArgumentOutOfRangeException>(() => Collectives.Time(Collective.AllReduce, DataSize.FromBytes(1), 8, default));
        }
    }
}
