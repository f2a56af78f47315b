using System.Globalization;
using ContactCenter.Benchmarks.Support;

namespace ContactCenter.Benchmarks.Push;

/// <summary>The push figures as Markdown: a summary per client count (median and spread over runs), where the time goes, and every run.</summary>
public static class PushReport
{
    public static void Print(PushSettings settings, IReadOnlyList<PushResult> results, TextWriter output)
    {
        var byClients = results.GroupBy(r => r.Clients).OrderBy(g => g.Key).ToList();
        output.WriteLine();
        output.WriteLine(Invariant($"Live push, {settings.Provider}: cards at {settings.Rate}/s for {settings.Seconds} s after {settings.Warmup} s of warm-up; ms; median of {settings.Runs} runs (min–max)."));
        output.WriteLine();
        output.WriteLine("| clients | connections | ours p50 | ours p99 | bare p50 | bare p99 | ratio p50 | ratio p99 | lost ours / bare | duplicates ours / bare | server GC heap MB start → end | server working set MB start → end |");
        output.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var group in byClients)
        {
            var runs = group.ToList();
            output.WriteLine(Invariant($"| {group.Key:N0} | {runs[0].Connections:N0} | {Of(runs, r => r.Portal.P50)} | {Of(runs, r => r.Portal.P99)} | {Of(runs, r => r.Bare.P50)} | {Of(runs, r => r.Bare.P99)} | {Of(runs, r => r.Portal.P50 / r.Bare.P50, "0.0")}× | {Of(runs, r => r.Portal.P99 / r.Bare.P99, "0.0")}× | {Lost(runs, r => r.Portal)} / {Lost(runs, r => r.Bare)} | {runs.Sum(r => r.Portal.Duplicates):N0} / {runs.Sum(r => r.Bare.Duplicates):N0} | {Of(runs, r => r.Memory.Start.GcHeapMegabytes, "0")} → {Of(runs, r => r.Memory.End.GcHeapMegabytes, "0")} | {Of(runs, r => r.Memory.Start.WorkingSetMegabytes, "0")} → {Of(runs, r => r.Memory.End.WorkingSetMegabytes, "0")} |"));
        }

        output.WriteLine();
        output.WriteLine("Where the time goes (ms, p50 / p99; median of runs): the portal's steps from commit to send, then the wire, beside the bare hub's wire.");
        output.WriteLine();
        var names = results[0].Segments.Select(s => s.Name).ToList();
        output.WriteLine("| clients | " + string.Join(" | ", names) + " |");
        output.WriteLine("|---|" + string.Concat(names.Select(_ => "---|")));
        foreach (var group in byClients)
        {
            var cells = names.Select(name =>
            {
                var segments = group.Select(r => r.Segments.First(s => s.Name == name)).ToList();
                return $"{Spread.Of(segments.Select(s => s.P50)).Format()} / {Spread.Of(segments.Select(s => s.P99)).Format()}";
            });
            output.WriteLine(Invariant($"| {group.Key:N0} | ") + string.Join(" | ", cells) + " |");
        }

        output.WriteLine();
        output.WriteLine("Every run:");
        output.WriteLine();
        output.WriteLine("| clients | run | ours p50 / p99 / max | bare p50 / p99 / max | delivered ours / bare (due) | lost | dup | cards (failed) | closed connections | GC heap MB start / connected / end | working set MB start / connected / end |");
        output.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var result in results.OrderBy(r => r.Clients).ThenBy(r => r.Run))
        {
            output.WriteLine(RunRow(result));
        }

        var failures = results.SelectMany(r => r.Failures).Distinct().ToList();
        if (failures.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Registration failures: " + string.Join("; ", failures));
        }
    }

    public static string RunRow(PushResult r) =>
        Invariant($"| {r.Clients:N0} | {r.Run} | {r.Portal.P50:0.0} / {r.Portal.P99:0.0} / {r.Portal.Max:0} | {r.Bare.P50:0.0} / {r.Bare.P99:0.0} / {r.Bare.Max:0} | ")
        + Invariant($"{r.Portal.Delivered:N0} / {r.Bare.Delivered:N0} ({r.Portal.Expected:N0} / {r.Bare.Expected:N0}) | {r.Portal.Lost} / {r.Bare.Lost} | {r.Portal.Duplicates} / {r.Bare.Duplicates} | ")
        + Invariant($"{r.Registered} ({r.Failures.Count}) | {r.PortalClosed} / {r.BareClosed} | ")
        + Invariant($"{r.Memory.Start.GcHeapMegabytes:0} / {r.Memory.Connected.GcHeapMegabytes:0} / {r.Memory.End.GcHeapMegabytes:0} | ")
        + Invariant($"{r.Memory.Start.WorkingSetMegabytes:0} / {r.Memory.Connected.WorkingSetMegabytes:0} / {r.Memory.End.WorkingSetMegabytes:0} |");

    private static string Of(IEnumerable<PushResult> runs, Func<PushResult, double> figure, string format = "0.0") =>
        Spread.Of(runs.Select(figure)).Format(format);

    private static string Lost(IReadOnlyList<PushResult> runs, Func<PushResult, SideFigures> side) =>
        Invariant($"{runs.Sum(r => side(r).Lost):N0} of {runs.Sum(r => side(r).Expected):N0}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
