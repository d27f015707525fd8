using System;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using HardwareCatalog.Units;

namespace HardwareCatalog.Tests
{
    /// <summary>Round trips over arbitrary finite values: what a unit type prints, it parses back exactly.</summary>
    public class UnitPropertyTests
    {
        internal static bool Usable(double value) => !double.IsNaN(value) && !double.IsInfinity(value) && Math.Abs(value) < 1e300;

        [Property(MaxTest = 500)]
        public bool FlopRate_round_trips(NormalFloat value)
            => !Usable(value.Get) || FlopRate.Parse(FlopRate.FromFlopsPerSecond(value.Get).ToString()).FlopsPerSecond.Equals(value.Get);

        [Property(MaxTest = 500)]
        public bool DataSize_round_trips(NormalFloat value)
            => !Usable(value.Get) || DataSize.Parse(DataSize.FromBytes(value.Get).ToString()).Bytes.Equals(value.Get);

        [Property(MaxTest = 500)]
        public bool Whole_byte_counts_round_trip(long bytes)
            => DataSize.Parse(DataSize.FromBytes(bytes).ToString()).Bytes.Equals((double)bytes);

        [Property(MaxTest = 500)]
        public bool Bandwidth_round_trips(NormalFloat value)
            => !Usable(value.Get) || Bandwidth.Parse(Bandwidth.FromBytesPerSecond(value.Get).ToString()).BytesPerSecond.Equals(value.Get);

        [Property(MaxTest = 500)]
        public bool Counts_round_trip(NormalFloat value)
            => !Usable(value.Get) || Tokens.Parse(Tokens.FromCount(value.Get).ToString()).Count.Equals(value.Get);

        [Property(MaxTest = 500)]
        public bool Power_round_trips(NormalFloat value)
            => !Usable(value.Get) || Power.Parse(Power.FromWatts(value.Get).ToString()).Watts.Equals(value.Get);

        [Property(MaxTest = 200)]
        public Property Duration_times_rate_gives_back_the_compute(PositiveInt gpus, PositiveInt teraFlops, PositiveInt hours)
        {
            FlopRate total = FlopRate.FromTera(teraFlops.Get % 5000 + 1) * (gpus.Get % 100_000 + 1);
            TimeSpan time = TimeSpan.FromHours(hours.Get % 100_000 + 1);
            Flops compute = total * time;
            TimeSpan back = compute / total;
            return (Math.Abs((back - time).Ticks) <= 1).Label($"{back} vs {time}");
        }
    }
}
