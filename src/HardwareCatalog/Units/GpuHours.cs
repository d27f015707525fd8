using System;
using System.Globalization;

namespace HardwareCatalog.Units
{
    /// <summary>Accelerator time: one GPU busy for one hour is one GPU-hour. The unit that clouds bill by.</summary>
    public readonly struct GpuHours : IEquatable<GpuHours>, IComparable<GpuHours>, IFormattable
    {
        private GpuHours(double hours) => Hours = hours;

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

        /// <summary>The price of these hours at <paramref name="price"/> per GPU-hour.</summary>
        public static Money operator *(GpuHours hours, GpuHourPrice price) => Money.FromUsd(hours.Hours * price.UsdPerGpuHour);

        /// <summary>The price of these hours at <paramref name="price"/> per GPU-hour.</summary>
        public static Money operator *(GpuHourPrice price, GpuHours hours) => hours * price;

        /// <summary>The sum of two amounts.</summary>
        public static GpuHours operator +(GpuHours left, GpuHours right) => new GpuHours(left.Hours + right.Hours);

        /// <summary>Scales an amount.</summary>
        public static GpuHours operator *(GpuHours hours, double factor) => new GpuHours(hours.Hours * factor);

        /// <summary>The dimensionless ratio of two amounts.</summary>
        public static double operator /(GpuHours left, GpuHours right) => left.Hours / right.Hours;

        /// <summary>Compares two amounts.</summary>
        public static bool operator ==(GpuHours left, GpuHours right) => left.Equals(right);

        /// <summary>Compares two amounts.</summary>
        public static bool operator !=(GpuHours left, GpuHours right) => !left.Equals(right);

        /// <inheritdoc/>
        public bool Equals(GpuHours other) => Hours.Equals(other.Hours);

        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is GpuHours other && Equals(other);

        /// <inheritdoc/>
        public override int GetHashCode() => Hours.GetHashCode();

        /// <inheritdoc/>
        public int CompareTo(GpuHours other) => Hours.CompareTo(other.Hours);

        /// <summary>Formats with a K/M/B suffix: <c>2.788M GPU-h</c>.</summary>
        public override string ToString() => ToString(null);

        /// <summary>Formats with a K/M/B suffix, the number formatted with <paramref name="format"/>.</summary>
        public string ToString(string? format) => QuantityText.Format(Hours, Dimension.Count, format) + " GPU-h";

        /// <inheritdoc/>
        public string ToString(string? format, IFormatProvider? formatProvider) => ToString(format);
    }

    /// <summary>A price per GPU-hour in US dollars.</summary>
    public readonly struct GpuHourPrice : IEquatable<GpuHourPrice>
    {
        private GpuHourPrice(double usdPerGpuHour) => UsdPerGpuHour = usdPerGpuHour;

        /// <summary>US dollars per GPU-hour.</summary>
        public double UsdPerGpuHour { get; }

        /// <summary>Creates a price in US dollars per GPU-hour.</summary>
        public static GpuHourPrice Usd(double usdPerGpuHour) => new GpuHourPrice(usdPerGpuHour);

        /// <inheritdoc/>
        public bool Equals(GpuHourPrice other) => UsdPerGpuHour.Equals(other.UsdPerGpuHour);

        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is GpuHourPrice other && Equals(other);

        /// <inheritdoc/>
        public override int GetHashCode() => UsdPerGpuHour.GetHashCode();

        /// <summary>Formats as <c>$2/GPU-h</c>.</summary>
        public override string ToString() => "$" + UsdPerGpuHour.ToString("R", CultureInfo.InvariantCulture) + "/GPU-h";
    }

    /// <summary>An amount of money in US dollars.</summary>
    public readonly struct Money : IEquatable<Money>, IComparable<Money>, IFormattable
    {
        private Money(double usd) => Usd = usd;

        /// <summary>The amount in US dollars.</summary>
        public double Usd { get; }

        /// <summary>Creates an amount in US dollars.</summary>
        public static Money FromUsd(double usd) => new Money(usd);

        /// <summary>The sum of two amounts.</summary>
        public static Money operator +(Money left, Money right) => new Money(left.Usd + right.Usd);

        /// <summary>The difference of two amounts.</summary>
        public static Money operator -(Money left, Money right) => new Money(left.Usd - right.Usd);

        /// <summary>Scales an amount.</summary>
        public static Money operator *(Money money, double factor) => new Money(money.Usd * factor);

        /// <summary>The dimensionless ratio of two amounts.</summary>
        public static double operator /(Money left, Money right) => left.Usd / right.Usd;

        /// <summary>The GPU-hours that <paramref name="money"/> buys at <paramref name="price"/>.</summary>
        public static GpuHours operator /(Money money, GpuHourPrice price) => GpuHours.FromHours(money.Usd / price.UsdPerGpuHour);

        /// <summary>Compares two amounts.</summary>
        public static bool operator ==(Money left, Money right) => left.Equals(right);

        /// <summary>Compares two amounts.</summary>
        public static bool operator !=(Money left, Money right) => !left.Equals(right);

        /// <inheritdoc/>
        public bool Equals(Money other) => Usd.Equals(other.Usd);

        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is Money other && Equals(other);

        /// <inheritdoc/>
        public override int GetHashCode() => Usd.GetHashCode();

        /// <inheritdoc/>
        public int CompareTo(Money other) => Usd.CompareTo(other.Usd);

        /// <summary>Formats with a K/M/B suffix: <c>$13.96M</c>.</summary>
        public override string ToString() => ToString(null);

        /// <summary>Formats with a K/M/B suffix, the number formatted with <paramref name="format"/> (<c>"0.00"</c>: <c>$13.96M</c>).</summary>
        public string ToString(string? format)
            => (Usd < 0 ? "-$" : "$") + QuantityText.Format(Math.Abs(Usd), Dimension.Count, format);

        /// <inheritdoc/>
        public string ToString(string? format, IFormatProvider? formatProvider) => ToString(format);
    }
}
