using ContactCenter.Domain.Deadlines;
using ContactCenter.Domain.Reporting;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Infrastructure.Reporting;
using ContactCenter.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Infrastructure.Tests.Persistence;

/// <summary>The archive's unique key is what makes a report exactly-once: it must hold on every provider, the community included.</summary>
public sealed class ReportArchiveTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 6, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<DatabaseProvider> Providers => new() { DatabaseProvider.Sqlite, DatabaseProvider.Postgres };

    private static ArchivedReport Claim(ReportRun run) =>
        ArchivedReport.Claim(run, "Громада", "Щомісячний звіт", ReportOrigin.Schedule, Now, null, "Система", Now);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ASecondRowForTheSameRun_IsRefused_AlsoForTheCommunity(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var november = ReportingPeriod.Month(2026, 11, DeadlinePolicy.Kyiv);
        var community = new ReportRun(ReportKind.MonthlyCompliance, november, ReportScope.Community);
        var executor = new ReportRun(ReportKind.DailyCompliance, ReportingPeriod.Day(new DateOnly(2026, 11, 30), DeadlinePolicy.Kyiv), ReportScope.Executor(Guid.NewGuid()));
        await using (var db = database.CreateContext())
        {
            db.Reports.AddRange(Claim(community), Claim(executor));

            // The same month cut short is another run: it may sit beside the whole month.
            db.Reports.Add(Claim(community with { Period = new ReportingPeriod(november.From, november.To.AddDays(-3)) }));
            await db.SaveChangesAsync(Ct);
        }

        foreach (var again in new[] { community, executor })
        {
            await using var db = database.CreateContext();
            db.Reports.Add(Claim(again));
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));
        }

        await using var check = database.CreateContext();
        Assert.Equal(3, await check.Reports.CountAsync(Ct));
        var stored = await check.Reports.AsNoTracking().SingleAsync(r => r.ScopeKind == ScopeKind.Community && r.PeriodTo == november.To, Ct);
        Assert.Equal(community, stored.ToRun(DeadlinePolicy.Kyiv));
        Assert.Equal(ReportingPeriodKind.Month, stored.ToRun(DeadlinePolicy.Kyiv).Period.Kind);
    }
}
