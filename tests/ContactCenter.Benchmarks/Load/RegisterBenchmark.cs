using System.Globalization;
using System.Text.Json;
using ContactCenter.Benchmarks.Push;
using ContactCenter.Benchmarks.Support;

namespace ContactCenter.Benchmarks.Load;

/// <param name="Concurrency">Concurrent callers (HTTP clients, or use-case callers) per measurement.</param>
/// <param name="Settle">Seconds each path runs, unmeasured, before the first is measured (0: none).</param>
public sealed record RegisterSettings(IReadOnlyList<PushProvider> Providers, IReadOnlyList<int> Concurrency, int Runs, int Seconds, int Warmup, int Executors, int Settle)
{
    public static RegisterSettings From(CommandLine options)
    {
        var providers = options.String("provider", "sqlite,postgres")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.ToLowerInvariant() switch
            {
                "postgres" or "postgresql" => PushProvider.Postgres,
                "sqlite" => PushProvider.Sqlite,
                var other => throw new ArgumentException($"--provider takes sqlite and/or postgres, not '{other}'."),
            })
            .Distinct()
            .ToList();
        return new RegisterSettings(
            providers.Count > 0 ? providers : throw new ArgumentException("--provider is empty."),
            options.Ints("concurrency", [16]),
            Math.Max(1, options.Int("runs", 3)),
            Math.Max(1, options.Int("seconds", 20)),
            options.Int("warmup", 3),
            Math.Max(1, options.Int("executors", 50)),
            Math.Max(0, options.Int("settle", 5)));
    }
}

/// <summary>
/// <c>register</c>: registration throughput. For each run and each provider a fresh server process
/// (<see cref="RegisterRun"/>); then, per provider and concurrency, each path's requests per second, its ratio to the
/// baseline of the same run, and its latency, as the median (min–max) of the runs.
/// </summary>
public static class RegisterBenchmark
{
    public static async Task<int> RunAsync(RegisterSettings settings, CommandLine options)
    {
        var results = new List<RegisterFigures>();
        var failed = 0;
        for (var run = 1; run <= settings.Runs; run++)
        {
            foreach (var provider in settings.Providers)
            {
                Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] register: run {run} of {settings.Runs} ({provider})");
                var resultPath = Path.Combine(Path.GetTempPath(), $"cc-bench-register-{Guid.NewGuid():N}.json");
                var arguments = new List<string>();
                foreach (var name in new[] { "seconds", "warmup", "concurrency", "executors", "settle" })
                {
                    if (options.String(name) is { } value)
                    {
                        arguments.AddRange(["--" + name, value]);
                    }
                }

                arguments.AddRange(["--provider", provider.ToString().ToLowerInvariant(), "--run", run.ToString(CultureInfo.InvariantCulture), "--result", resultPath]);
                await using (var child = ChildProcess.Start(RegisterRun.Command, arguments))
                {
                    var exit = await child.WaitForExitAsync(TimeSpan.FromMinutes(30));
                    if (exit != 0 || !File.Exists(resultPath))
                    {
                        Console.Error.WriteLine($"  run failed (exit code {exit})");
                        failed++;
                        continue;
                    }
                }

                results.AddRange(JsonSerializer.Deserialize<List<RegisterFigures>>(await File.ReadAllTextAsync(resultPath))!);
                File.Delete(resultPath);
            }
        }

        if (results.Count == 0)
        {
            Console.Error.WriteLine("No run succeeded.");
            return 1;
        }

        Print(settings, results, Console.Out);
        return failed == 0 ? 0 : 1;
    }

    public static void Print(RegisterSettings settings, IReadOnlyList<RegisterFigures> results, TextWriter output)
    {
        var loads = Spread.Of(results.Select(r => r.LoadAverage));
        output.WriteLine(Invariant($"Registration throughput, closed loop, {settings.Seconds} s measured after {settings.Warmup} s warm-up, {results.Select(r => r.Run).Distinct().Count()} runs; load average {loads.Format("0.0")}."));
        output.WriteLine();
        foreach (var group in results.GroupBy(r => (r.Provider, r.Concurrency)).OrderBy(g => g.Key.Provider).ThenBy(g => g.Key.Concurrency))
        {
            var baselineOf = group.Where(r => r.Path == RegisterPath.Baseline).ToDictionary(r => r.Run, r => r.Figures.PerSecond);
            var baselineCpuOf = group.Where(r => r.Path == RegisterPath.Baseline).ToDictionary(r => r.Run, r => r.TotalCpuMillisecondsPerRequest);
            output.WriteLine(Invariant($"**{(group.Key.Provider == nameof(PushProvider.Postgres) ? "PostgreSQL" : "SQLite")}, {group.Key.Concurrency} concurrent callers**"));
            output.WriteLine();
            output.WriteLine("| path | requests/s | ratio to the baseline | p50, ms | p99, ms | max, ms | errors | SQL commands per request | CPU per request, ms: server | database | load generator | machine busy | CPU-bound ratio | allocated per request, KB |");
            output.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
            foreach (var path in Enum.GetValues<RegisterPath>())
            {
                var rows = group.Where(r => r.Path == path).ToList();
                if (rows.Count == 0)
                {
                    continue;
                }

                var ratio = Spread.Of(rows.Where(r => baselineOf.ContainsKey(r.Run)).Select(r => r.Figures.PerSecond / baselineOf[r.Run]));
                // The ratio the path would reach if it and the baseline were each held only by the machine's processors:
                // the baseline's CPU per request, every process counted, over the path's.
                var cpuRatio = Spread.Of(rows.Where(r => baselineCpuOf.ContainsKey(r.Run)).Select(r => baselineCpuOf[r.Run] / r.TotalCpuMillisecondsPerRequest));
                var errors = rows.Sum(r => r.Figures.Errors);
                var requests = rows.Sum(r => r.Figures.Requests);
                output.WriteLine(Invariant(
                    $"| {Name(path)} | {Spread.Of(rows.Select(r => r.Figures.PerSecond)).Format("0")} | {(path == RegisterPath.Baseline ? "1" : ratio.Format("0.00"))} | {Spread.Of(rows.Select(r => r.Figures.P50)).Format("0.0")} | {Spread.Of(rows.Select(r => r.Figures.P99)).Format("0")} | {Spread.Of(rows.Select(r => r.Figures.Max)).Format("0")} | {errors} of {requests} | {Spread.Of(rows.Select(r => r.CommandsPerRequest)).Format("0.0")} | {Spread.Of(rows.Select(r => r.CpuMillisecondsPerRequest)).Format("0.00")} | {Spread.Of(rows.Select(r => r.DatabaseCpuMillisecondsPerRequest)).Format("0.00")} | {Spread.Of(rows.Select(r => r.ClientCpuMillisecondsPerRequest)).Format("0.00")} | {Spread.Of(rows.Select(r => r.MachineBusy * 100)).Format("0")} % | {(path == RegisterPath.Baseline ? "1" : cpuRatio.Format("0.00"))} | {Spread.Of(rows.Select(r => r.KilobytesPerRequest)).Format("0")} |"));
            }

            output.WriteLine();
            foreach (var failure in group.SelectMany(r => r.Figures.Failures).Distinct().Take(5))
            {
                output.WriteLine("- failure: `" + failure.ReplaceLineEndings(" ") + "`");
            }
        }
    }

    private static string Name(RegisterPath path) => path switch
    {
        RegisterPath.Baseline => "baseline: bare Kestrel, one ADO.NET insert (HTTP)",
        RegisterPath.Open311 => "Open311 `POST requests.json` (HTTP)",
        _ => "`RegisterAppeal` in process",
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
