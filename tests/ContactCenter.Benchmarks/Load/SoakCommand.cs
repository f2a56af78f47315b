using System.Globalization;
using System.Text.Json;
using ContactCenter.Benchmarks.Push;
using ContactCenter.Benchmarks.Support;

namespace ContactCenter.Benchmarks.Load;

/// <summary><c>soak</c>: one long run in a server process of its own (<see cref="SoakRun"/>), then its figures as Markdown.</summary>
public static class SoakCommand
{
    public static async Task<int> RunAsync(SoakSettings settings, CommandLine options)
    {
        Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] soak: {settings.Minutes} min on {settings.Provider}");
        var resultPath = Path.Combine(Path.GetTempPath(), $"cc-bench-soak-{Guid.NewGuid():N}.json");
        var arguments = new List<string>();
        foreach (var name in new[] { "provider", "minutes", "rate", "queue-rate", "dashboard-rate", "comment-rate", "executors", "sample-minutes" })
        {
            if (options.String(name) is { } value)
            {
                arguments.AddRange(["--" + name, value]);
            }
        }

        arguments.AddRange(["--result", resultPath]);
        await using (var child = ChildProcess.Start(SoakRun.Command, arguments))
        {
            var exit = await child.WaitForExitAsync(TimeSpan.FromMinutes(settings.Minutes + 30));
            if (exit != 0 || !File.Exists(resultPath))
            {
                Console.Error.WriteLine($"The soak failed (exit code {exit}).");
                return 1;
            }
        }

        var result = JsonSerializer.Deserialize<SoakResult>(await File.ReadAllTextAsync(resultPath))!;
        File.Delete(resultPath);
        Print(result, Console.Out);
        return 0;
    }

    public static void Print(SoakResult result, TextWriter output)
    {
        var s = result.Settings;
        var loads = result.Snapshots.Select(x => x.LoadAverage).Where(x => !double.IsNaN(x)).DefaultIfEmpty(double.NaN).ToList();
        output.WriteLine(Invariant($"Soak on {(s.Provider == PushProvider.Postgres ? "PostgreSQL" : "SQLite")}, {s.Minutes} min, {s.Executors} executors; offered per second: {s.Rate:0.0} registrations, {s.QueueRate:0.0} queue reads, {s.DashboardRate:0.0} dashboard refreshes, {s.CommentRate:0.0} comments; load average {loads.Min():0.0}–{loads.Max():0.0}."));
        output.WriteLine();
        output.WriteLine("| operation | done/s | requests | errors | p50, ms | p99, ms | max, ms |");
        output.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var o in result.Operations)
        {
            output.WriteLine(Invariant($"| {o.Operation} | {o.PerSecond:0.00} | {o.Requests} | {o.Errors} ({o.ErrorRate:0.###%}) | {o.P50:0.0} | {o.P99:0} | {o.Max:0} |"));
        }

        output.WriteLine();
        output.WriteLine(Invariant($"Comments that met a concurrent comment on the same card (`Card.Stale`) and were sent again: {result.StaleComments}."));
        foreach (var failure in result.Operations.SelectMany(o => o.Failures).Distinct().Take(5))
        {
            output.WriteLine("- failure: `" + failure.ReplaceLineEndings(" ") + "`");
        }

        output.WriteLine();
        output.WriteLine("| minute | GC heap (after a full GC), MB | working set, MB | cards | load average | p99 in the stretch before: registration / queue / dashboard / comment, ms |");
        output.WriteLine("|---|---|---|---|---|---|");
        foreach (var snapshot in result.Snapshots)
        {
            var window = result.Windows.LastOrDefault(w => w.To <= snapshot.Minute + 0.5 && snapshot.Minute > 0);
            var p99 = window is null ? "–" : string.Join(" / ", window.Operations.Select(o => o.Requests == 0 ? "–" : o.P99.ToString("0", CultureInfo.InvariantCulture)));
            output.WriteLine(Invariant($"| {snapshot.Minute:0} | {snapshot.GcHeapMegabytes:0.0} | {snapshot.WorkingSetMegabytes:0} | {snapshot.Cards} | {snapshot.LoadAverage:0.0} | {p99} |"));
        }

        // The trend is read from the first sample under load on: the start is before the JIT, the pools and the caches.
        var loaded = result.Snapshots.Where(x => x.Minute > 0).ToList();
        if (loaded.Count >= 2)
        {
            output.WriteLine();
            output.WriteLine(Invariant(
                $"Trend from minute {loaded[0].Minute:0} to the end (least squares): GC heap {Slope(loaded, x => x.GcHeapMegabytes):+0.0;-0.0} MB/hour, working set {Slope(loaded, x => x.WorkingSetMegabytes):+0;-0} MB/hour, while the cards grew by {loaded[^1].Cards - loaded[0].Cards}."));
        }
    }

    private static double Slope(IReadOnlyList<SoakSnapshot> points, Func<SoakSnapshot, double> value)
    {
        var meanX = points.Average(p => p.Minute);
        var meanY = points.Average(value);
        var covariance = points.Sum(p => (p.Minute - meanX) * (value(p) - meanY));
        var variance = points.Sum(p => (p.Minute - meanX) * (p.Minute - meanX));
        return variance == 0 ? double.NaN : covariance / variance * 60;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
