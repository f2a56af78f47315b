using System.Globalization;
using System.Text.Json;
using ContactCenter.Benchmarks.Support;

namespace ContactCenter.Benchmarks.Circuits;

/// <summary><c>circuits</c>: each run a fresh server process (<see cref="CircuitsRun"/>); then the figures as Markdown.</summary>
public static class CircuitsBenchmark
{
    /// <summary>The target per connected circuit.</summary>
    public const double TargetKilobytes = 400;

    public static async Task<int> RunAsync(CircuitsSettings settings, CommandLine options)
    {
        var results = new List<CircuitsResult>();
        for (var run = 1; run <= settings.Runs; run++)
        {
            Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] circuits: {string.Join(" → ", settings.Sessions)} sessions of {settings.Page}, run {run} of {settings.Runs}");
            var resultPath = Path.Combine(Path.GetTempPath(), $"cc-bench-circuits-{Guid.NewGuid():N}.json");
            var arguments = new List<string>
            {
                "--sessions", string.Join(',', settings.Sessions),
                "--page", settings.Page,
                "--users", string.Join(',', settings.Users),
                "--parallel", settings.Parallel.ToString(CultureInfo.InvariantCulture),
                "--run", run.ToString(CultureInfo.InvariantCulture),
                "--jobs", settings.Jobs ? "on" : "off",
                "--result", resultPath,
            };
            foreach (var name in new[] { "password", "gcdump", "heapdump" })
            {
                if (options.String(name) is { } value)
                {
                    arguments.AddRange(["--" + name, name == "password" ? value : Path.GetFullPath(value)]);
                }
            }

            await using (var child = ChildProcess.Start(CircuitsRun.Command, arguments))
            {
                var exit = await child.WaitForExitAsync(TimeSpan.FromMinutes(30));
                if (exit != 0 || !File.Exists(resultPath))
                {
                    Console.Error.WriteLine($"  run failed (exit code {exit})");
                    continue;
                }
            }

            var result = JsonSerializer.Deserialize<CircuitsResult>(await File.ReadAllTextAsync(resultPath))!;
            File.Delete(resultPath);
            results.Add(result);
            Console.Error.WriteLine(Invariant($"  per circuit: GC heap {result.HeapKilobytesPerCircuit:0} KB, working set {result.WorkingSetKilobytesPerCircuit:0} KB"));
        }

        if (results.Count == 0)
        {
            Console.Error.WriteLine("No run succeeded.");
            return 1;
        }

        Print(settings, results, Console.Out);
        return results.Count == settings.Runs ? 0 : 1;
    }

    private static void Print(CircuitsSettings settings, IReadOnlyList<CircuitsResult> results, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine(Invariant($"Blazor circuits on {settings.Page}, signed in as {string.Join(", ", settings.Users)}{(settings.Jobs ? "" : "; no scheduled jobs")}; server process after a full collection; median of {results.Count} runs (min–max)."));
        output.WriteLine();
        output.WriteLine("| sessions | circuits open | GC heap MB | working set MB |");
        output.WriteLine("|---|---|---|---|");
        output.WriteLine(Invariant($"| 0 | 0 | {Spread.Of(results.Select(r => r.Baseline.GcHeapMegabytes)).Format()} | {Spread.Of(results.Select(r => r.Baseline.WorkingSetMegabytes)).Format("0")} |"));
        for (var i = 0; i < settings.Sessions.Count; i++)
        {
            var steps = results.Where(r => r.Steps.Count > i).Select(r => r.Steps[i]).ToList();
            output.WriteLine(Invariant($"| {settings.Sessions[i]} | {Spread.Of(steps.Select(s => (double)s.Circuits)).Format("0")} | {Spread.Of(steps.Select(s => s.Memory.GcHeapMegabytes)).Format()} | {Spread.Of(steps.Select(s => s.Memory.WorkingSetMegabytes)).Format("0")} |"));
        }

        var heap = Spread.Of(results.Select(r => r.HeapKilobytesPerCircuit));
        var workingSet = Spread.Of(results.Select(r => r.WorkingSetKilobytesPerCircuit));
        output.WriteLine();
        output.WriteLine(Invariant($"| per circuit ({settings.Sessions[0]} → {settings.Sessions[^1]}) | GC heap KB | working set KB | target < {TargetKilobytes:0} KB (GC heap) |"));
        output.WriteLine("|---|---|---|---|");
        output.WriteLine(Invariant($"| median (min–max) | {heap.Format("0")} | {workingSet.Format("0")} | {(heap.Median < TargetKilobytes ? "met" : "not met")} |"));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
