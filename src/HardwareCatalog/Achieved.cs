using System;
using System.Globalization;
using HardwareCatalog.Units;

namespace HardwareCatalog
{
    /// <summary>
    /// A rate a real program reaches, as opposed to a vendor's peak: either measured (with where it was published) or
    /// assumed as an explicit fraction of a dense peak. Estimators that need what a run achieves take this type, so a
    /// peak cannot be passed where an achieved rate is meant without saying how much of it is reached.
    /// </summary>
    /// <typeparam name="T">The quantity: <see cref="FlopRate"/> (matmul throughput) or <see cref="Bandwidth"/> (memory bandwidth).</typeparam>
    public readonly struct Achieved<T> : IEquatable<Achieved<T>>
        where T : struct, IEquatable<T>
    {
        internal Achieved(T value, double? efficiency, string? source, string? stack)
        {
            Value = value;
            Efficiency = efficiency;
            Source = source;
            Stack = stack;
        }

        /// <summary>The achieved rate.</summary>
        public T Value { get; }

        /// <summary>The fraction of the peak assumed, when the rate is an assumption (<see cref="Achieved.FromEfficiency(FlopRate, double)"/>); null when measured.</summary>
        public double? Efficiency { get; }

        /// <summary>Where the measurement is published; null when the rate is an assumed efficiency.</summary>
        public string? Source { get; }

        /// <summary>The software stack of the measurement (library, driver versions), when published.</summary>
        public string? Stack { get; }

        /// <summary>Whether the rate was measured (rather than assumed as a fraction of the peak).</summary>
        public bool IsMeasured => Efficiency is null;

        /// <inheritdoc/>
        public bool Equals(Achieved<T> other)
            => Value.Equals(other.Value) && Nullable.Equals(Efficiency, other.Efficiency) && string.Equals(Source, other.Source, StringComparison.Ordinal) && string.Equals(Stack, other.Stack, StringComparison.Ordinal);

        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is Achieved<T> other && Equals(other);

        /// <inheritdoc/>
        public override int GetHashCode() => Value.GetHashCode() ^ (Efficiency?.GetHashCode() ?? 0) ^ (Source is null ? 0 : StringComparer.Ordinal.GetHashCode(Source));

        /// <summary>Whether the two are the same rate with the same provenance.</summary>
        public static bool operator ==(Achieved<T> left, Achieved<T> right) => left.Equals(right);

        /// <summary>Whether the two differ in rate or provenance.</summary>
        public static bool operator !=(Achieved<T> left, Achieved<T> right) => !left.Equals(right);

        /// <summary>For example <c>794.5 TFLOP/s (measured)</c> or <c>395.8 TFLOP/s (40% of peak)</c>.</summary>
        public override string ToString()
            => Efficiency is double efficiency
                ? string.Format(CultureInfo.InvariantCulture, "{0} ({1:0.#}% of peak)", Value, efficiency * 100)
                : Value + " (measured)";
    }

    /// <summary>Creates <see cref="Achieved{T}"/> rates: measured, or an explicit fraction of a dense peak.</summary>
    public static class Achieved
    {
        /// <summary>A measured matmul rate, where it was published and the software stack it ran on (null when not published).</summary>
        /// <exception cref="ArgumentException"><paramref name="source"/> is empty: a measurement names its source.</exception>
        public static Achieved<FlopRate> Measured(FlopRate rate, string source, string? stack)
            => new(Positive(rate.FlopsPerSecond, rate, nameof(rate)), null, Source(source), stack);

        /// <summary>A measured memory bandwidth, where it was published and the software stack it ran on (null when not published).</summary>
        /// <exception cref="ArgumentException"><paramref name="source"/> is empty: a measurement names its source.</exception>
        public static Achieved<Bandwidth> Measured(Bandwidth bandwidth, string source, string? stack)
            => new(Positive(bandwidth.BytesPerSecond, bandwidth, nameof(bandwidth)), null, Source(source), stack);

        /// <summary>An assumed rate: <paramref name="efficiency"/> (0 &lt; e ≤ 1) of a dense peak, for example 0.4 × 989.4 TFLOP/s.</summary>
        public static Achieved<FlopRate> FromEfficiency([DenseThroughput] FlopRate densePeak, double efficiency)
            => new(Positive(densePeak.FlopsPerSecond, densePeak, nameof(densePeak)) * Fraction(efficiency), efficiency, null, null);

        /// <summary>An assumed bandwidth: <paramref name="efficiency"/> (0 &lt; e ≤ 1) of a peak bandwidth.</summary>
        public static Achieved<Bandwidth> FromEfficiency(Bandwidth peak, double efficiency)
            => new(Positive(peak.BytesPerSecond, peak, nameof(peak)) * Fraction(efficiency), efficiency, null, null);

        private static double Fraction(double efficiency)
            => efficiency > 0 && efficiency <= 1 ? efficiency : throw new ArgumentOutOfRangeException(nameof(efficiency), efficiency, "An efficiency is a fraction of the peak: more than 0, at most 1.");

        private static T Positive<T>(double value, T quantity, string name)
            => value > 0 && !double.IsInfinity(value) ? quantity : throw new ArgumentOutOfRangeException(name, quantity, "A rate must be positive and finite.");

        private static string Source(string source)
            => string.IsNullOrWhiteSpace(source) ? throw new ArgumentException("A measured rate names where it was published.", nameof(source)) : source;
    }
}
