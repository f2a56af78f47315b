using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using ContactCenter.Benchmarks.Support;
using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Common;
using ContactCenter.Domain.Deadlines;
using ContactCenter.Domain.Reporting;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Portal.Features.Appeals;
using ContactCenter.Portal.Features.Dashboard;
using ContactCenter.Portal.Features.Intake;
using ContactCenter.Portal.Features.Queue;
using ContactCenter.Portal.Features.Reports;
using ContactCenter.Portal.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ContactCenter.Benchmarks.Scale;

/// <summary>
/// <c>queries</c>: the portal's own read code (the query classes the pages call, not SQL written here) against a
/// database made by <c>generate</c>, each query many times after a warm-up; p50/p95/max against the targets, and with
/// <c>--plans</c> the SQL each one sends and the database's plan for it.
/// </summary>
public static class QueriesCommand
{
    private sealed record Query(string Name, double? TargetMs, Func<int, Task> Run);

    public static async Task<int> RunAsync(CommandLine options)
    {
        var cards = options.Int("cards", 6_000_000);
        var database = ScaleDatabase.From(options, cards);
        var runs = options.Int("runs", 50);
        var warmup = options.Int("warmup", 5);
        var seconds = options.Int("seconds", 60);
        var capture = new SqlCapture();
        var factory = database.Factory(capture);

        if (options.String("migrate") is not null)
        {
            await MigrateAsync(factory, database.Provider);
        }

        // The parameters: read once, not measured. "Now" is just after the last card the generator wrote.
        var setup = Stopwatch.StartNew();
        await using var db = await factory.CreateDbContextAsync();
        var now = (await db.Appeals.MaxAsync(a => a.RegisteredAt)).AddMinutes(5);
        var count = await db.Appeals.CountAsync();
        var big = await db.Appeals.Where(a => a.ClosedAt == null)
            .GroupBy(a => a.ExecutorId)
            .Select(g => new { ExecutorId = g.Key, Open = g.Count() })
            .OrderByDescending(x => x.Open)
            .FirstAsync();
        var direction = await db.Executors.Where(e => e.Id == big.ExecutorId).Select(e => e.DirectionId).FirstAsync();
        var directionOpen = await db.Appeals.CountAsync(a => a.ClosedAt == null && a.DirectionId == direction);
        var totalOpen = await db.Appeals.CountAsync(a => a.ClosedAt == null);
        var random = new Random(7);
        var sample = new List<(string Number, string? Phone)>();
        for (var i = 0; i < 50; i++)
        {
            var id = KyivHistory.AppealId(random.NextInt64(count));
            sample.Add(await db.Appeals.Where(a => a.Id == id).Select(a => new ValueTuple<string, string?>(a.Number!, a.Phone)).FirstAsync());
        }

        var heavyPhone = KyivHistory.HeavyPhone(0);
        var heavyCards = await db.Appeals.CountAsync(a => a.Phone == heavyPhone);
        var localNow = TimeZoneInfo.ConvertTime(now, DeadlinePolicy.Kyiv);
        var monthStart = new DateOnly(localNow.Year, localNow.Month, 1).AddMonths(-1);
        var month = ReportingPeriod.Month(monthStart.Year, monthStart.Month, DeadlinePolicy.Kyiv);
        Console.Error.WriteLine(
            $"queries: {database.Provider} {database.Name}: {count:N0} cards, {totalOpen:N0} open; now {now:u}; big executor {big.Open:N0} open; " +
            $"its direction {directionOpen:N0} open; heavy phone {heavyCards:N0} cards; month {month.From:u}–{month.To:u} (setup {setup.Elapsed.TotalSeconds:0} s)");

        var clock = new FixedClock(now);
        var dashboard = new DashboardQuery(factory, clock);

        // As the portal runs it: the trend's past weeks kept between loads (the first load computes them).
        using var keptWeeks = new MemoryCache(new MemoryCacheOptions());
        var keptDashboard = new DashboardQuery(factory, clock, keptWeeks);
        var queue = new QueueQuery(factory, clock);
        var card = new CardDetailsQuery(factory, clock, NullLogger<CardDetailsQuery>.Instance);
        var intake = new IntakeLookups(factory, clock);
        var deputy = new Actor("bench-deputy", "Заступник", Role.Deputy, null, [direction]);
        var mayor = new Actor("bench-mayor", "Міський голова", Role.Mayor);
        var executor = new Actor("bench-executor", "Відповідальна особа", Role.ExecutorResponsible, big.ExecutorId);
        var operatorActor = new Actor("bench-operator", "Оператор", Role.Operator);
        var reportCards = new ReportCardsQuery(factory);
        var directory = await reportCards.DirectoryAsync(CancellationToken.None);

        // The dashboard's month to date comes from counts and the verdicts kept on the cards; the reports compute the same
        // period from the due-date history. At this size they must still agree.
        var monthToDate = ExecutorLoad.MonthToDate(now, DeadlinePolicy.Kyiv)!;
        var fromHistory = ComplianceCalculator.Compute(
            (await reportCards.CardsAsync(monthToDate, ReportScope.Community, directory, withHandling: false, CancellationToken.None)).Select(c => c.Facts),
            monthToDate,
            ReportScope.Community);
        var fromCounts = (await dashboard.FiguresAsync(mayor))!.Total;
        Console.Error.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"month to date, whole city: dashboard {fromCounts.CompliancePercent} % ({fromCounts.Counts.Overdue:N0} overdue), calculator over the history {fromHistory.CompliancePercent} % ({fromHistory.ClosedOnTime:N0} on time, {fromHistory.ClosedLate:N0} late, {fromHistory.Overdue:N0} overdue)"));
        if (fromCounts.CompliancePercent != fromHistory.CompliancePercent || fromCounts.Counts.Overdue != fromHistory.Overdue)
        {
            throw new InvalidOperationException("The dashboard's month to date disagrees with the calculator over the history.");
        }

        // The month's close, as the nightly job does it on the 1st: every executor's counts from the cards' history, kept.
        // Kept again on each run (the benchmark's own months are removed first), so its time is measured each time.
        await using (var cleanup = await factory.CreateDbContextAsync())
        {
            await cleanup.ClosedMonths.ExecuteDeleteAsync();
        }

        var keeper = new KeepClosedMonths(factory, clock, NullLogger<KeepClosedMonths>.Instance);
        await keeper.KeepAsync(month.Previous());
        var closing = Stopwatch.StartNew();
        await keeper.KeepAsync(month);
        closing.Stop();
        var closedMonths = new ClosedMonthQuery(factory);
        var keptFigures = (await closedMonths.LatestAsync(mayor))!.Total.Figures;
        var monthFromHistory = ComplianceCalculator.Compute(
            (await reportCards.CardsAsync(month, ReportScope.Community, directory, withHandling: false, CancellationToken.None)).Select(c => c.Facts),
            month,
            ReportScope.Community);
        Console.Error.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"month close: {monthStart:yyyy-MM} kept in {closing.Elapsed.TotalSeconds:0.0} s; whole city kept {keptFigures.CompliancePercent} % ({keptFigures.ClosedOnTime:N0} on time, {keptFigures.ClosedLate:N0} late, {keptFigures.Overdue:N0} overdue at its end), calculator over the history {monthFromHistory.CompliancePercent} %"));
        if (keptFigures != monthFromHistory)
        {
            throw new InvalidOperationException("The kept month disagrees with the calculator over the history.");
        }

        var queries = new List<Query>
        {
            new($"deputy's dashboard, one direction ({directionOpen:N0} open)", 50, async _ => Require(await dashboard.FiguresAsync(deputy))),
            new($"whole-city dashboard ({totalOpen:N0} open)", 200, async _ => Require(await dashboard.FiguresAsync(mayor))),
            new("deputy's dashboard trend, 8 weeks, one direction, computed", 200, async _ => await dashboard.TrendAsync(deputy)),
            new("deputy's dashboard trend, 8 weeks, one direction, past weeks kept", 50, async _ => await keptDashboard.TrendAsync(deputy)),
            new("whole-city dashboard trend, 8 weeks, past weeks kept", 200, async _ => await keptDashboard.TrendAsync(mayor)),
            new($"big executor's queue ({big.Open:N0} open), top 50 by urgency", 50, async _ => Require(await queue.HandleAsync(new QueueRequest(PageSize: 50), executor))),
            new("card page with its timeline", 50, async i => Require(await card.HandleAsync(sample[i % sample.Count].Number, operatorActor))),
            new($"applicant history, heavy caller ({heavyCards:N0} cards)", 50, async _ => await intake.HistoryAsync(heavyPhone, operatorActor)),
            new("applicant history, ordinary phone", 50, async i => await intake.HistoryAsync(sample[i % sample.Count].Phone ?? heavyPhone, operatorActor)),
            new($"monthly compliance figures, whole city, {monthStart:yyyy-MM}, kept at the month's close", 200, async _ => Require(await closedMonths.LatestAsync(mayor))),
            new($"monthly compliance figures, one direction, {monthStart:yyyy-MM}, kept at the month's close", 200, async _ => Require(await closedMonths.LatestAsync(deputy))),
            new($"monthly compliance figures, whole city, {monthStart:yyyy-MM}, computed from the history (the month close's work)", null, async _ =>
            {
                // The monthly report's own loading: the cards that can weigh in the month, with their due-date history.
                var cards = await reportCards.CardsAsync(month, ReportScope.Community, directory, withHandling: false, CancellationToken.None);
                var facts = cards.Select(c => c.Facts).ToList();
                ComplianceCalculator.ComputeByExecutor(facts, month);
                ComplianceCalculator.Compute(facts, month, ReportScope.Community);
            }),
        };

        // --only TEXT: just the queries whose name holds TEXT (to profile one of them, e.g. under dotnet-trace).
        if (options.String("only") is { } only)
        {
            queries.RemoveAll(q => !q.Name.Contains(only, StringComparison.OrdinalIgnoreCase));
        }

        var results = new List<string>();
        foreach (var query in queries)
        {
            for (var i = 0; i < warmup; i++)
            {
                await query.Run(i);
            }

            var samples = new List<double>();
            var elapsed = Stopwatch.StartNew();
            for (var i = 0; i < runs && (elapsed.Elapsed.TotalSeconds < seconds || samples.Count < 5); i++)
            {
                var start = Stopwatch.GetTimestamp();
                await query.Run(i);
                samples.Add(Stats.Milliseconds(start, Stopwatch.GetTimestamp()));
            }

            var p95 = Stats.Percentile(samples, 95);
            var target = query.TargetMs is { } ms ? string.Create(CultureInfo.InvariantCulture, $"< {ms:0}") : "—";
            var verdict = query.TargetMs is null ? string.Empty : p95 < query.TargetMs ? "met" : "**not met**";
            var row = string.Create(
                CultureInfo.InvariantCulture,
                $"| {query.Name} | {target} | {samples.Count} | {Stats.Percentile(samples, 50):0.0} | {p95:0.0} | {Stats.Max(samples):0.0} | {verdict} |");
            Console.Error.WriteLine(row);
            results.Add(row);
        }

        Console.WriteLine($"{database.Provider}, {count:N0} cards ({totalOpen:N0} open), `{string.Join(' ', Environment.GetCommandLineArgs().Skip(1))}`:");
        Console.WriteLine();
        Console.WriteLine("| query | target p95 ms | runs | p50 ms | p95 ms | max ms | |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        results.ForEach(Console.WriteLine);

        if (options.String("plans") is not null)
        {
            foreach (var query in queries)
            {
                capture.Start();
                await query.Run(0);
                var commands = capture.Stop();
                Console.WriteLine();
                Console.WriteLine($"### {query.Name}");
                foreach (var command in commands)
                {
                    Console.WriteLine();
                    Console.WriteLine("```sql");
                    Console.WriteLine(command.Text.Trim());
                    Console.WriteLine("```");
                    Console.WriteLine("```");
                    Console.WriteLine(await ExplainAsync(factory, database.Provider, command));
                    Console.WriteLine("```");
                }
            }
        }

        return 0;
    }

    /// <summary>Applies the portal's migrations added since the database was generated, then refreshes the planner's statistics.</summary>
    private static async Task MigrateAsync(IDbContextFactory<ContactCenterDbContext> factory, DatabaseProvider provider)
    {
        var watch = Stopwatch.StartNew();
        await using var db = await factory.CreateDbContextAsync();
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync(provider == DatabaseProvider.Sqlite ? "ANALYZE" : "VACUUM ANALYZE");
        Console.Error.WriteLine($"migrated ({string.Join(", ", pending)}) and analysed in {watch.Elapsed.TotalSeconds:0} s");
    }

    private static void Require(object? result)
    {
        if (result is null)
        {
            throw new InvalidOperationException("A query returned nothing: the actor or the generated data do not fit.");
        }
    }

    /// <summary>The plan, on a connection the portal's context opened (so SQLite has the portal's functions).</summary>
    private static async Task<string> ExplainAsync(IDbContextFactory<ContactCenterDbContext> factory, DatabaseProvider provider, CapturedCommand captured)
    {
        await using var db = await factory.CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = (provider == DatabaseProvider.Sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN (ANALYZE, BUFFERS) ") + captured.Text;
        foreach (var parameter in captured.Parameters)
        {
            command.Parameters.Add(parameter);
        }

        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(provider == DatabaseProvider.Sqlite
                ? $"{reader.GetInt32(0),3} {reader.GetInt32(1),3} {reader.GetString(3)}"
                : reader.GetString(0));
        }

        return string.Join('\n', lines);
    }
}
