using ContactCenter.Domain.Reporting;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Infrastructure.Reporting;
using ContactCenter.Portal.Features.Reports;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Tests.Features.Reports;

/// <summary>The schedule builds what fell due, catches up what it missed while down, and never builds anything twice.</summary>
public sealed class ScheduledReportsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A Kyiv wall-clock time as an instant.</summary>
    private static DateTimeOffset Kyiv(int year, int month, int day, int hour, int minute = 0) =>
        new(TimeZoneInfo.ConvertTimeToUtc(new DateTime(year, month, day, hour, minute, 0), Domain.Deadlines.DeadlinePolicy.Kyiv), TimeSpan.Zero);

    public static TheoryData<DatabaseProvider> Providers => new() { DatabaseProvider.Sqlite, DatabaseProvider.Postgres };

    private static async Task<List<(ReportKind Kind, ScopeKind Scope, DateTimeOffset? DueAt)>> ArchiveAsync(ReportsWorld world)
    {
        await using var db = world.Db();
        return (await db.Reports.AsNoTracking().Select(r => new { r.Kind, r.ScopeKind, r.DueAt }).ToListAsync(Ct))
            .Select(r => (r.Kind, r.ScopeKind, r.DueAt)).ToList();
    }

    [Fact]
    public async Task AFreshArchive_GetsTheLatestReportOfEveryKindForEveryScope_Once()
    {
        // Saturday 28 November 2026: the latest daily is Friday's, the weekly Monday's, the monthly of 1 November.
        await using var world = await ReportsWorld.CreateAsync(DatabaseProvider.Sqlite, Kyiv(2026, 11, 28, 12));
        var scheduled = world.Get<ScheduledReports>();

        var built = await scheduled.RunAsync(Ct);
        var again = await scheduled.RunAsync(Ct);

        // Executors: Water, Roads, Social; directions: two; so 3 daily + 2 weekly + (2 + 1) monthly + note + unresolved + state.
        Assert.Equal(3 + 2 + 3 + 3, built);
        Assert.Equal(0, again);
        var archive = await ArchiveAsync(world);
        Assert.Equal(11, archive.Count);
        Assert.All(archive.Where(r => r.Kind == ReportKind.DailyCompliance), r => Assert.Equal(Kyiv(2026, 11, 27, 8), r.DueAt));
        Assert.Equal(11, world.Workbooks.Calls);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AMissedSchedule_IsCaughtUpOnceWhenThePortalComesBack(DatabaseProvider provider)
    {
        // Running on Friday evening; then down over the weekend until Tuesday 10:00.
        await using var world = await ReportsWorld.CreateAsync(provider, Kyiv(2026, 11, 6, 18));
        var scheduled = world.Get<ScheduledReports>();
        await scheduled.RunAsync(Ct);
        var before = (await ArchiveAsync(world)).Count;
        world.Clock.SetUtcNow(Kyiv(2026, 11, 10, 10));

        var caughtUp = await scheduled.RunAsync(Ct);
        var again = await scheduled.RunAsync(Ct);

        // Monday: 3 dailies (Friday to Sunday), 2 weeklies, the unresolved; Tuesday: 3 dailies (Monday).
        Assert.Equal(3 + 2 + 1 + 3, caughtUp);
        Assert.Equal(0, again);
        var archive = await ArchiveAsync(world);
        Assert.Equal(before + caughtUp, archive.Count);
        var added = archive.Where(r => r.DueAt > Kyiv(2026, 11, 6, 18)).ToList();
        Assert.Equal(3, added.Count(r => r.Kind == ReportKind.DailyCompliance && r.DueAt == Kyiv(2026, 11, 9, 8)));
        Assert.Equal(3, added.Count(r => r.Kind == ReportKind.DailyCompliance && r.DueAt == Kyiv(2026, 11, 10, 8)));
        Assert.Equal(2, added.Count(r => r.Kind == ReportKind.WeeklyCompliance && r.DueAt == Kyiv(2026, 11, 9, 8)));
        Assert.Single(added, r => r.Kind == ReportKind.WeeklyUnresolved);
        await using var db = world.Db();
        var monday = await db.Reports.FirstAsync(r => r.Kind == ReportKind.DailyCompliance && r.DueAt == Kyiv(2026, 11, 9, 8), Ct);
        Assert.Equal(Kyiv(2026, 11, 6, 0), monday.PeriodFrom);
        Assert.Equal(Kyiv(2026, 11, 9, 0), monday.PeriodTo);
    }

    [Fact]
    public async Task AFailedScheduledRun_IsRetriedByALaterRound()
    {
        await using var world = await ReportsWorld.CreateAsync(DatabaseProvider.Sqlite, Kyiv(2026, 11, 3, 8, 1));
        var scheduled = world.Get<ScheduledReports>();
        world.Workbooks.FailNext = 1;
        world.Workbooks.FailOnly = ReportKind.DailyCompliance;
        await scheduled.RunAsync(Ct);
        await using (var db = world.Db())
        {
            Assert.Equal(1, await db.Reports.CountAsync(r => r.Status == ReportStatus.Failed, Ct));
        }

        // Days later that daily is neither in the catch-up window nor the latest of its kind, but a round still finds it.
        world.Clock.Advance(TimeSpan.FromDays(20));
        await scheduled.RunAsync(Ct);

        await using var check = world.Db();
        Assert.Equal(0, await check.Reports.CountAsync(r => r.Status != ReportStatus.Ready, Ct));
    }
}
