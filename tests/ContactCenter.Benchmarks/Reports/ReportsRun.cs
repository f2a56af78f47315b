using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ContactCenter.Benchmarks.Scale;
using ContactCenter.Benchmarks.Support;
using ContactCenter.Domain.Reporting;
using ContactCenter.Portal.Features.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace ContactCenter.Benchmarks.Reports;

/// <summary>
/// One build in a process of its own, as the portal's scheduler makes it: <see cref="ReportBuilder.BuildAsync"/> with
/// the portal's own context. Before it, a warm-up build of one day (the JIT and EF's compiled queries, which a running
/// portal already has) and the baseline: the same rows read and nothing else done with them.
/// </summary>
public static class ReportsRun
{
    public const string Command = "reports-run";

    public static async Task<int> RunAsync(CommandLine options)
    {
        var kind = options.String("kind", "register");
        var resultPath = options.String("result") ?? throw new ArgumentException("--result is required.");
        var database = ScaleDatabase.From(options, 0);
        var factory = database.Factory();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Portal:PublicBaseUrl"] = "https://kontakt.example.gov.ua" })
            .Build();
        var builder = new ReportBuilder(factory, new FixedClock(ReportsCommand.BuiltAt), configuration);
        var reportKind = kind switch
        {
            "register" => ReportKind.Register,
            "monthly" => ReportKind.MonthlyCompliance,
            _ => throw new ArgumentException($"--kind must be register or monthly, not '{kind}'."),
        };
        var month = ReportsCommand.Month;

        var firstDay = new ReportingPeriod(month.From, month.From.AddDays(1));
        await builder.BuildAsync(new ReportRun(reportKind, firstDay, ReportScope.Community));

        var baseline = Stopwatch.StartNew();
        var cardsRead = reportKind == ReportKind.Register ? await ReadRegisterAsync(factory, month) : await ReadMonthAsync(factory, month);
        baseline.Stop();

        for (var i = 0; i < 2; i++)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        var before = ProcMemory.WorkingSetBytes();
        ProcMemory.ResetPeak();
        using var sampler = new HeapSampler();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var build = Stopwatch.StartNew();
        var file = await builder.BuildAsync(new ReportRun(reportKind, month, ReportScope.Community));
        build.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var peakHeap = sampler.Stop();
        var peak = ProcMemory.PeakWorkingSetBytes();

        var result = new ReportsResult(
            kind,
            0,
            0,
            cardsRead,
            build.Elapsed.TotalMilliseconds,
            cpu.TotalMilliseconds,
            baseline.Elapsed.TotalMilliseconds,
            file.Content.LongLength,
            before / 1024.0 / 1024.0,
            peak / 1024.0 / 1024.0,
            peakHeap / 1024.0 / 1024.0);
        await File.WriteAllTextAsync(resultPath, JsonSerializer.Serialize(result));
        return 0;
    }

    /// <summary>The register's own query, every value touched, nothing written.</summary>
    private static async Task<long> ReadRegisterAsync(IDbContextFactory<ContactCenter.Infrastructure.Persistence.ContactCenterDbContext> factory, ReportingPeriod month)
    {
        await using var db = await factory.CreateDbContextAsync();
        var rows = RegisterReport.Rows(RegisterReport.InPeriod(db, month.From.ToUniversalTime(), month.To.ToUniversalTime()));
        long count = 0, checksum = 0;
        await foreach (var row in rows.AsAsyncEnumerable())
        {
            count++;
            checksum += row.RegisteredAt.Ticks ^ row.ExtensionCount ^ (row.Number?.Length ?? 0);
        }

        GC.KeepAlive(checksum);
        return count;
    }

    /// <summary>The monthly report's own read of the cards and their facts, without computing or writing anything.</summary>
    private static async Task<long> ReadMonthAsync(IDbContextFactory<ContactCenter.Infrastructure.Persistence.ContactCenterDbContext> factory, ReportingPeriod month)
    {
        var query = new ReportCardsQuery(factory);
        var directory = await query.DirectoryAsync(CancellationToken.None);
        var cards = await query.CardsAsync(month, ReportScope.Community, directory, withHandling: false, CancellationToken.None);
        return cards.Count;
    }

    /// <summary>The largest managed heap seen while a build runs, sampled every few milliseconds on a thread of its own.</summary>
    private sealed class HeapSampler : IDisposable
    {
        private readonly Thread thread;
        private volatile bool stop;
        private long peak;

        public HeapSampler()
        {
            thread = new Thread(() =>
            {
                while (!stop)
                {
                    peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
                    Thread.Sleep(5);
                }
            }) { IsBackground = true, Name = "heap sampler" };
            thread.Start();
        }

        public long Stop()
        {
            stop = true;
            thread.Join();
            return Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
        }

        public void Dispose() => stop = true;
    }

    /// <summary>The process's resident memory from /proc (Linux): now, and its peak since <see cref="ResetPeak"/>.</summary>
    private static class ProcMemory
    {
        public static long WorkingSetBytes() => Read("VmRSS:");

        public static long PeakWorkingSetBytes() => Read("VmHWM:");

        /// <summary>Writing 5 to clear_refs resets the peak resident set size (VmHWM) to the current one.</summary>
        public static void ResetPeak() => File.WriteAllText("/proc/self/clear_refs", "5");

        private static long Read(string field)
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith(field, StringComparison.Ordinal))
                {
                    var kilobytes = line[field.Length..].Trim().Split(' ')[0];
                    return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
                }
            }

            throw new InvalidOperationException($"{field} is not in /proc/self/status.");
        }
    }
}
