using System.Globalization;

namespace ContactCenter.Benchmarks.Support;

/// <summary>Percentiles of one run's samples, and the median and spread of one figure over several runs.</summary>
public static class Stats
{
    /// <summary>Nearest-rank percentile (0–100) of unsorted samples; NaN when there are none.</summary>
    public static double Percentile(IReadOnlyCollection<double> samples, double percent)
    {
        if (samples.Count == 0)
        {
            return double.NaN;
        }

        var sorted = samples.Order().ToArray();
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }

    public static double Max(IReadOnlyCollection<double> samples) => samples.Count == 0 ? double.NaN : samples.Max();

    /// <summary>Milliseconds between two <see cref="System.Diagnostics.Stopwatch"/> timestamps.</summary>
    /// <remarks>
    /// On Linux the timestamp is CLOCK_MONOTONIC, one clock for every process on the machine, so a timestamp taken in
    /// the client process can be compared with one taken in the server process.
    /// </remarks>
    public static double Milliseconds(long from, long to) => (to - from) * 1000.0 / System.Diagnostics.Stopwatch.Frequency;
}

/// <summary>One figure over several runs: the median, and the smallest and largest value as the spread.</summary>
public readonly record struct Spread(double Median, double Min, double Max, int Runs)
{
    public static Spread Of(IEnumerable<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        if (sorted.Length == 0)
        {
            return new Spread(double.NaN, double.NaN, double.NaN, 0);
        }

        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new Spread(median, sorted[0], sorted[^1], sorted.Length);
    }

    /// <summary>"12.3 (9.8–15.1)", or the value alone for a single run.</summary>
    public string Format(string format = "0.0")
    {
        if (Runs == 0)
        {
            return "–";
        }

        var median = Median.ToString(format, CultureInfo.InvariantCulture);
        return Runs == 1 || Min == Max
            ? median
            : $"{median} ({Min.ToString(format, CultureInfo.InvariantCulture)}–{Max.ToString(format, CultureInfo.InvariantCulture)})";
    }
}
