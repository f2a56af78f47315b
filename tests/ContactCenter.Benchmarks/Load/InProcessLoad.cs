using System.Collections.Concurrent;
using System.Diagnostics;
using ContactCenter.Benchmarks.Support;

namespace ContactCenter.Benchmarks.Load;

/// <summary>
/// The same two ways of loading as <see cref="LoadClient"/>, for operations called in the server process from the
/// host's services (the use case, queries, card actions). An operation returns null when it succeeded, else what went
/// wrong.
/// </summary>
public sealed class InProcessLoad
{
    private readonly ConcurrentQueue<LoadSample> samples = new();
    private readonly ConcurrentDictionary<string, byte> failures = new();
    private int sequence;

    /// <summary><paramref name="concurrency"/> callers, each calling again as soon as its last call returned.</summary>
    public static async Task<LoadOutcome> ClosedAsync(int concurrency, int warmupSeconds, int seconds, Func<int, Task<string?>> operation)
    {
        var load = new InProcessLoad();
        var start = Stopwatch.GetTimestamp();
        var measuredFrom = start + (warmupSeconds * Stopwatch.Frequency);
        var end = measuredFrom + (seconds * Stopwatch.Frequency);

        // Each caller on the thread pool of its own from the start, as requests arrive on Kestrel's threads.
        var callers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < end)
            {
                await load.CallAsync(operation, measuredFrom, end);
            }
        }));
        await Task.WhenAll(callers);
        return load.Outcome(seconds);
    }

    /// <summary>Poisson arrivals at <paramref name="rate"/> per second until <paramref name="end"/> (a Stopwatch timestamp), none awaited before the next.</summary>
    public async Task OpenAsync(double rate, long end, int seed, Func<int, Task<string?>> operation, CancellationToken cancellationToken)
    {
        if (rate <= 0)
        {
            return;
        }

        var random = new Random(seed);
        var pending = new List<Task>();
        var at = Stopwatch.GetTimestamp();
        while (!cancellationToken.IsCancellationRequested)
        {
            at += (long)(-Math.Log(1 - random.NextDouble()) / rate * Stopwatch.Frequency);
            if (at >= end)
            {
                break;
            }

            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), at);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }

            pending.Add(Task.Run(() => CallAsync(operation, 0, long.MaxValue), CancellationToken.None));
            pending.RemoveAll(t => t.IsCompleted);
        }

        await Task.WhenAll(pending);
    }

    public LoadOutcome Outcome(double seconds) => new([.. samples], seconds, [.. failures.Keys]);

    private async Task CallAsync(Func<int, Task<string?>> operation, long measuredFrom, long end)
    {
        var n = Interlocked.Increment(ref sequence);
        var started = Stopwatch.GetTimestamp();
        string? failure;
        try
        {
            failure = await operation(n);
        }
        catch (Exception e)
        {
            failure = e.GetType().Name + ": " + e.Message;
        }

        var finished = Stopwatch.GetTimestamp();
        if (failure is not null && failures.Count < 10)
        {
            failures.TryAdd(failure.Length > 300 ? failure[..300] : failure, 0);
        }

        if (started >= measuredFrom && finished <= end)
        {
            samples.Enqueue(new LoadSample(started, Stats.Milliseconds(started, finished), failure is null));
        }
    }
}

/// <summary>One operation's figures over one stretch of load.</summary>
public sealed record OperationFigures(string Operation, int Requests, int Errors, double Seconds, double PerSecond, double P50, double P99, double Max, IReadOnlyList<string> Failures)
{
    /// <summary>Throughput counts the answered requests; latency percentiles are over all of them, failed ones too.</summary>
    public static OperationFigures Of(string operation, IReadOnlyCollection<LoadSample> samples, double seconds, IReadOnlyList<string> failures)
    {
        var latencies = samples.Select(s => s.Milliseconds).ToList();
        var ok = samples.Count(s => s.Ok);
        return new OperationFigures(
            operation,
            samples.Count,
            samples.Count - ok,
            seconds,
            seconds > 0 ? ok / seconds : double.NaN,
            Stats.Percentile(latencies, 50),
            Stats.Percentile(latencies, 99),
            Stats.Max(latencies),
            failures);
    }

    public static OperationFigures Of(string operation, LoadOutcome outcome) => Of(operation, outcome.Samples, outcome.MeasuredSeconds, outcome.Failures);

    public double ErrorRate => Requests == 0 ? double.NaN : (double)Errors / Requests;
}

public static class LoadAverage
{
    /// <summary>The 1-minute load average of the machine (/proc/loadavg), NaN where there is none.</summary>
    public static double Now()
    {
        try
        {
            var text = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            return double.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return double.NaN;
        }
    }
}
