using ContactCenter.Domain.Common;
using ContactCenter.Domain.Deadlines;
using ContactCenter.Domain.Reporting;
using ContactCenter.Infrastructure.Files;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Infrastructure.Reporting;
using ContactCenter.Portal.Features.Reports;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Tests.Features.Reports;

/// <summary>Design decision 7: a run of a report is built, stored and delivered once, however often it is asked for.</summary>
public sealed class BuildReportTests
{
    /// <summary>Tuesday 3 November 2026, 08:00 in Kyiv.</summary>
    private static readonly DateTimeOffset Now = new(2026, 11, 3, 6, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<DatabaseProvider> Providers => new() { DatabaseProvider.Sqlite, DatabaseProvider.Postgres };

    private static ReportRun Daily(ReportsWorld world) =>
        new(ReportKind.DailyCompliance, ReportingPeriod.Day(new DateOnly(2026, 11, 2), DeadlinePolicy.Kyiv), ReportScope.Executor(world.Cards.Water.Id));

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task TheSameRunTwice_OneRowOneFileOneSetOfLetters(DatabaseProvider provider)
    {
        await using var world = await ReportsWorld.CreateAsync(provider, Now);

        var first = await world.BuildAsync(Daily(world));
        var second = await world.BuildAsync(Daily(world));

        Assert.Equal(BuildOutcome.Built, first.Outcome);
        Assert.Equal(BuildOutcome.AlreadyBuilt, second.Outcome);
        Assert.Equal(first.ReportId, second.ReportId);
        Assert.Equal(1, world.Workbooks.Calls);
        await using var db = world.Db();
        var report = await db.Reports.SingleAsync(Ct);
        Assert.Equal(ReportStatus.Ready, report.Status);
        Assert.Equal("Водоканал", report.ScopeName);
        Assert.True(world.Get<ReportStore>().Exists(report.StoredName));
        Assert.Equal(["water-head@rada.example.ua", "water-responsible@rada.example.ua"], (await db.OutgoingMails.Select(m => m.To).ToListAsync(Ct)).Order());
        Assert.Equal(2, await db.ReportRecipients.CountAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task TheSameRunConcurrently_OneBuildsAndTheOthersAreToldItIsTaken(DatabaseProvider provider)
    {
        await using var world = await ReportsWorld.CreateAsync(provider, Now);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        world.Workbooks.Gate = gate;
        const int Callers = 6;

        // The winner is held inside the build until every other caller has been answered, so all of them overlap it.
        var calls = Enumerable.Range(0, Callers).Select(_ => Task.Run(() => world.BuildAsync(Daily(world)), Ct)).ToList();
        await world.Workbooks.Reached.Task.WaitAsync(TimeSpan.FromSeconds(60), Ct);
        await WaitUntilAsync(() => calls.Count(c => c.IsCompleted) >= Callers - 1);
        gate.SetResult();
        var results = await Task.WhenAll(calls);

        Assert.Single(results, r => r.Outcome == BuildOutcome.Built);
        Assert.All(results.Where(r => r.Outcome != BuildOutcome.Built), r => Assert.Equal(BuildOutcome.InProgress, r.Outcome));
        Assert.Single(results.Select(r => r.ReportId).Distinct());
        Assert.Equal(1, world.Workbooks.Calls);
        await using var db = world.Db();
        Assert.Equal(1, await db.Reports.CountAsync(Ct));
        Assert.Equal(2, await db.OutgoingMails.CountAsync(Ct));
        Assert.Single(Directory.EnumerateFiles(world.ReportsRoot, "*.xlsx", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task ABuildThatFails_IsMarkedFailed_AndRetriedOnlyAfterAPause_ThenDeliveredOnce()
    {
        await using var world = await ReportsWorld.CreateAsync(DatabaseProvider.Sqlite, Now);
        world.Workbooks.FailNext = 1;

        var failed = await world.BuildAsync(Daily(world));
        world.Clock.Advance(ArchivedReport.RetryFailedAfter - TimeSpan.FromSeconds(1));
        var tooSoon = await world.BuildAsync(Daily(world));
        world.Clock.Advance(TimeSpan.FromSeconds(1));
        var retried = await world.BuildAsync(Daily(world));

        Assert.Equal(BuildOutcome.Failed, failed.Outcome);
        Assert.Equal(BuildOutcome.Failed, tooSoon.Outcome);
        Assert.Equal(BuildOutcome.Built, retried.Outcome);
        Assert.Equal(failed.ReportId, retried.ReportId);
        await using var db = world.Db();
        var report = await db.Reports.SingleAsync(Ct);
        Assert.Equal(2, report.Attempts);
        Assert.Null(report.Error);
        Assert.Equal(2, await db.OutgoingMails.CountAsync(Ct));
    }

    [Fact]
    public async Task AClaimLeftByADeadBuilder_IsTakenOverAfterItGoesStale_AndTheLateBuilderDeliversNothing()
    {
        await using var world = await ReportsWorld.CreateAsync(DatabaseProvider.Sqlite, Now);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        world.Workbooks.Gate = gate;

        // The first builder hangs (a stuck instance); while its claim is fresh nobody may take the run.
        var hung = Task.Run(() => world.BuildAsync(Daily(world)), Ct);
        await world.Workbooks.Reached.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        world.Workbooks.Gate = null;
        world.Clock.Advance(ArchivedReport.StaleAfter - TimeSpan.FromMinutes(1));
        var whileFresh = await world.BuildAsync(Daily(world));
        world.Clock.Advance(TimeSpan.FromMinutes(1));
        var takeover = await world.BuildAsync(Daily(world));

        // The hung builder wakes up after all: its attempt has been superseded.
        gate.SetResult();
        var late = await hung;

        Assert.Equal(BuildOutcome.InProgress, whileFresh.Outcome);
        Assert.Equal(BuildOutcome.Built, takeover.Outcome);
        Assert.Equal(BuildOutcome.InProgress, late.Outcome);
        await using var db = world.Db();
        var report = await db.Reports.SingleAsync(Ct);
        Assert.Equal(2, report.Attempts);
        Assert.EndsWith("-2.xlsx", report.StoredName, StringComparison.Ordinal);
        Assert.Equal(2, await db.OutgoingMails.CountAsync(Ct));
        Assert.Equal([Path.GetFileName(report.StoredName!)], Directory.EnumerateFiles(world.ReportsRoot, "*", SearchOption.AllDirectories).Select(Path.GetFileName));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), "The condition did not come true in a minute.");
            await Task.Delay(20, Ct);
        }
    }
}
