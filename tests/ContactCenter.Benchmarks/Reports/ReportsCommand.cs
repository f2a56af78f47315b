using System.Globalization;
using System.Text.Json;
using ContactCenter.Benchmarks.Scale;
using ContactCenter.Benchmarks.Support;
using ContactCenter.Domain.Deadlines;
using ContactCenter.Domain.Reporting;

namespace ContactCenter.Benchmarks.Reports;

/// <summary>
/// <c>reports</c>: time and peak memory of the monthly compliance report and of the register for a month of N cards.
/// For each size a month's data set is generated (the Kyiv history's mix of states, compressed into one month), then
/// every build runs in a process of its own so that its memory is its own.
/// </summary>
public static class ReportsCommand
{
    /// <summary>The month the data sets hold: the last full month before the scheduled build on the 1st at 08:00.</summary>
    public static readonly ReportingPeriod Month = ReportingPeriod.Month(2026, 10, DeadlinePolicy.Kyiv);

    public static DateTimeOffset BuiltAt => Month.To.AddHours(8);

    public static async Task<int> RunAsync(CommandLine options)
    {
        var sizes = options.Ints("cards", [1_000, 100_000]);
        var runs = options.Int("runs", 3);
        var kinds = (options.String("kinds") ?? "register,monthly").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var provider = options.String("provider", "sqlite");
        var results = new List<ReportsResult>();

        foreach (var cards in sizes)
        {
            var name = provider == "sqlite"
                ? Path.Combine(Path.GetTempPath(), $"cc-bench-month-{cards}.db")
                : $"cc_bench_month_{cards}";
            var location = provider == "sqlite" ? new[] { "--out", name } : ["--database", name];
            var generateOptions = CommandLine.Parse(["--provider", provider, .. location]);
            Console.Error.WriteLine($"reports: a month of {cards:N0} cards on {provider}");
            var executors = Math.Clamp(cards / 30, 20, 3000);
            var history = new KyivHistory(cards, executors, Math.Clamp(executors / 75, 4, 40), BuiltAt, Month.From, Month.To);
            await GenerateCommand.RunAsync(generateOptions, history);

            try
            {
                for (var run = 1; run <= runs; run++)
                {
                    foreach (var kind in kinds)
                    {
                        var resultPath = Path.Combine(Path.GetTempPath(), $"cc-bench-report-{Guid.NewGuid():N}.json");
                        await using (var child = ChildProcess.Start(ReportsRun.Command, ["--provider", provider, .. location, "--kind", kind, "--result", resultPath]))
                        {
                            var exit = await child.WaitForExitAsync(TimeSpan.FromMinutes(30));
                            if (exit != 0)
                            {
                                throw new InvalidOperationException($"The {kind} build for {cards:N0} cards ended with exit code {exit}.");
                            }
                        }

                        var result = JsonSerializer.Deserialize<ReportsResult>(await File.ReadAllTextAsync(resultPath))!;
                        File.Delete(resultPath);
                        results.Add(result with { Cards = cards, Run = run });
                        Console.Error.WriteLine($"  run {run}: {kind} {result.BuildMilliseconds:0} ms, peak working set {result.PeakWorkingSetMegabytes:0} MB");
                    }
                }
            }
            finally
            {
                if (options.String("keep") is null)
                {
                    await ReportsDatabase.DropAsync(provider, name);
                }
            }
        }

        Print(results, provider);
        return 0;
    }

    private static void Print(List<ReportsResult> results, string provider)
    {
        Console.WriteLine($"Provider: {provider}; the month {TimeZoneInfo.ConvertTime(Month.From, DeadlinePolicy.Kyiv):yyyy-MM}, built on {TimeZoneInfo.ConvertTime(BuiltAt, DeadlinePolicy.Kyiv):yyyy-MM-dd HH:mm} Kyiv time; median of runs (min–max).");
        Console.WriteLine("Build CPU = the process's processor time during the build, all threads (the server GC's included): on a shared machine it varies less than the wall time.");
        Console.WriteLine();
        Console.WriteLine("| report | cards in the month | cards read | build s | build CPU s | baseline (read only) s | build / baseline | file MB | peak working set MB (process) | working set added MB | peak GC heap MB |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var group in results.GroupBy(r => (r.Kind, r.Cards)).OrderBy(g => g.Key.Kind).ThenBy(g => g.Key.Cards))
        {
            var list = group.ToList();
            string F(Func<ReportsResult, double> figure, string format = "0.00") => Spread.Of(list.Select(figure)).Format(format);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {group.Key.Kind} | {group.Key.Cards:N0} | {list[0].CardsRead:N0} | {F(r => r.BuildMilliseconds / 1000)} | {F(r => r.BuildCpuMilliseconds / 1000)} | {F(r => r.BaselineMilliseconds / 1000)} | {F(r => r.BuildMilliseconds / r.BaselineMilliseconds, "0.0")}× | {F(r => r.FileBytes / 1024.0 / 1024.0, "0.0")} | {F(r => r.PeakWorkingSetMegabytes, "0")} | {F(r => r.PeakWorkingSetMegabytes - r.WorkingSetBeforeMegabytes, "0")} | {F(r => r.PeakGcHeapMegabytes, "0")} |"));
        }

        Console.WriteLine();
        Console.WriteLine("Every run:");
        Console.WriteLine();
        Console.WriteLine("| report | cards | run | build ms | build CPU ms | baseline ms | working set before MB | peak working set MB | peak GC heap MB |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var r in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Kind} | {r.Cards:N0} | {r.Run} | {r.BuildMilliseconds:0} | {r.BuildCpuMilliseconds:0} | {r.BaselineMilliseconds:0} | {r.WorkingSetBeforeMegabytes:0} | {r.PeakWorkingSetMegabytes:0} | {r.PeakGcHeapMegabytes:0} |"));
        }
    }
}

/// <summary>What one build measured (written by the child as JSON).</summary>
public sealed record ReportsResult(
    string Kind,
    int Cards,
    int Run,
    long CardsRead,
    double BuildMilliseconds,
    double BuildCpuMilliseconds,
    double BaselineMilliseconds,
    long FileBytes,
    double WorkingSetBeforeMegabytes,
    double PeakWorkingSetMegabytes,
    double PeakGcHeapMegabytes);
