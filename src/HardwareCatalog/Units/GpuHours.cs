using System;

namespace HardwareCatalog.Units
{
    /// <summary>Accelerator time: one GPU busy for one hour is one GPU-hour. The unit that clouds bill by.</summary>
    /// <remarks>Prints with a K/M/B suffix in the invariant culture (<c>2.788M GPU-h</c>) and parses that text back.</remarks>
    public readonly partial struct GpuHours
    {
        /// <summary>The number of GPU-hours.</summary>
        public double Hours { get; }

        /// <summary>Creates an amount from a number of GPU-hours.</summary>
        public static GpuHours FromHours(double hours) => new GpuHours(hours);

        /// <summary>The GPU-hours of <paramref name="gpus"/> accelerators busy for <paramref name="duration"/>.</summary>
        public static GpuHours Of(int gpus, TimeSpan duration)
        {
            if (gpus < 0) throw new ArgumentOutOfRangeException(nameof(gpus), gpus, "A GPU count cannot be negative.");
            return new GpuHours(gpus * duration.TotalHours);
        }

        /// <summary>The wall-clock time that <paramref name="gpus"/> accelerators take to spend these hours.</summary>
        public TimeSpan WallClock(int gpus)
        {
            if (gpus <= 0) throw new ArgumentOutOfRangeException(nameof(gpus), gpus, "A GPU count must be positive.");
            return QuantityText.ToTimeSpan(Hours / gpus * 3600);
        }
    }

    /// <summary>A price per GPU-hour in US dollars.</summary>
    /// <remarks>Prints in the invariant culture as <c>$2/GPU-h</c> and parses that text back.</remarks>
    public readonly partial struct GpuHourPrice
    {
        /// <summary>US dollars per GPU-hour.</summary>
        public double UsdPerGpuHour { get; }

        /// <summary>Creates a price in US dollars per GPU-hour.</summary>
        public static GpuHourPrice Usd(double usdPerGpuHour) => new GpuHourPrice(usdPerGpuHour);
    }

    /// <summary>An amount of money in US dollars.</summary>
    /// <remarks>Prints with a K/M/B suffix in the invariant culture (<c>$13.96M</c>, <c>-$2.5K</c>) and parses that text back.</remarks>
    public readonly partial struct Money
    {
        /// <summary>The amount in US dollars.</summary>
        public double Usd { get; }

        /// <summary>Creates an amount in US dollars.</summary>
        public static Money FromUsd(double usd) => new Money(usd);
    }
}
