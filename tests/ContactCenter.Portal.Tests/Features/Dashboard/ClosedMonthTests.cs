using ContactCenter.Domain.Common;
using ContactCenter.Domain.Deadlines;
using ContactCenter.Domain.Reporting;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Infrastructure.Tests.Support;
using ContactCenter.Portal.Features.Dashboard;
using ContactCenter.Portal.Features.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Portal.Tests.Features.Dashboard;

/// <summary>
/// The figures of an ended month (§4.1, the monthly report) are kept once, per executor, and summed for any scope on
/// the dashboard: the sums are what <see cref="ComplianceCalculator"/> computes over the cards' history.
/// </summary>
public sealed class ClosedMonthTests
{
    /// <summary>Thursday 02.04.2026: March and February have ended.</summary>
    private static readonly DateTimeOffset April2 = new(2026, 4, 2, 7, 0, 0, TimeSpan.Zero);

    private static readonly ReportingPeriod March = ReportingPeriod.Month(2026, 3, DeadlinePolicy.Kyiv);

    private static readonly ReportingPeriod February = ReportingPeriod.Month(2026, 2, DeadlinePolicy.Kyiv);

    public static TheoryData<DatabaseProvider> Providers => new() { DatabaseProvider.Sqlite, DatabaseProvider.Postgres };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static KeepClosedMonths Keeper(TestDatabase database, DateTimeOffset now) =>
        new(database.Factory(), new FakeTimeProvider(now), NullLogger<KeepClosedMonths>.Instance);

    private static async Task<List<CardFacts>> FactsAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var cards = await db.Appeals.AsNoTracking().Include(a => a.DueDates).Include(a => a.Redirects).ToListAsync(Ct);
        return cards.Select(a => a.ToFacts()).ToList();
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AKeptMonth_SummedForTheCommunityAndEachDirection_IsWhatTheCalculatorComputesFromTheHistory(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var data = await DashboardData.SeedAsync(database);
        var facts = await FactsAsync(database);
        var query = new ClosedMonthQuery(database.Factory());

        Assert.True(await Keeper(database, April2).KeepAsync(March, Ct));
        var march = (await query.LatestAsync(DashboardData.Manager, Ct))!;

        Assert.Equal("березень 2026", march.MonthName);
        Assert.Equal(March.From, march.From);
        Assert.Equal(April2, march.KeptAt);
        var community = ComplianceCalculator.Compute(facts, March, ReportScope.Community);
        Assert.Equal(community, march.Total.Figures);
        Assert.True(community.Overdue > 0 && community.ClosedTotal > 0 && community.InSerPlans > 0, "the data must exercise the end state and the closures");
        foreach (var direction in new[] { data.Utilities, data.Education })
        {
            var line = march.Directions.Single(d => d.DirectionId == direction.Id);
            Assert.Equal(direction.Name, line.Name);
            Assert.Equal(ComplianceCalculator.Compute(facts, March, ReportScope.Direction(direction.Id), _ => null), line.Figures);
        }

        // Without February kept there is nothing to compare with; once it is, each line shows February's percentage.
        Assert.Null(march.Total.PreviousCompliancePercent);
        Assert.True(await Keeper(database, April2).KeepAsync(February, Ct));
        var withFebruary = (await query.LatestAsync(DashboardData.Manager, Ct))!;
        var februaryFigures = ComplianceCalculator.Compute(facts, February, ReportScope.Community);
        Assert.NotNull(februaryFigures.CompliancePercent);
        Assert.Equal(februaryFigures.CompliancePercent, withFebruary.Total.PreviousCompliancePercent);
        Assert.Equal(march.Total.Figures, withFebruary.Total.Figures);
        Assert.Null(withFebruary.Directions.Single(d => d.DirectionId == data.Education.Id).PreviousCompliancePercent);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AKeptMonth_StaysAsItWasKept_WhenACardOfItChangesLater(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await DashboardData.SeedAsync(database);
        var facts = await FactsAsync(database);
        await Keeper(database, April2).KeepAsync(March, Ct);

        // April: every card is closed; March's figures as the monthly report gave them stay.
        await using (var db = database.CreateContext())
        {
            await db.Appeals.Where(a => a.ClosedAt == null).ExecuteUpdateAsync(s => s.SetProperty(a => a.ClosedAt, April2.AddHours(1)), Ct);
        }

        var march = (await new ClosedMonthQuery(database.Factory()).LatestAsync(DashboardData.Manager, Ct))!;
        Assert.Equal(ComplianceCalculator.Compute(facts, March, ReportScope.Community), march.Total.Figures);
        Assert.False(await Keeper(database, April2.AddDays(1)).KeepAsync(March, Ct));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task TwoInstancesKeepingOneMonthAtOnce_KeepItOnce(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await DashboardData.SeedAsync(database);

        var kept = await Task.WhenAll(Keeper(database, April2).KeepAsync(March, Ct), Keeper(database, April2).KeepAsync(March, Ct));

        Assert.Equal(1, kept.Count(k => k));
        await using var db = database.CreateContext();
        Assert.Equal(1, await db.ClosedMonths.CountAsync(Ct));
        Assert.Equal(3, await db.ClosedMonthFigures.CountAsync(f => f.Year == 2026 && f.Month == 3, Ct)); // the quiet executor has nothing to keep
    }

    [Fact]
    public async Task TheNightlyRun_KeepsTheLastTwoEndedMonthsOnce_AndARunningMonthIsRefused()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await DashboardData.SeedAsync(database);

        Assert.Equal(2, await Keeper(database, April2).RunAsync(Ct));
        Assert.Equal(0, await Keeper(database, April2.AddHours(12)).RunAsync(Ct));
        await using var db = database.CreateContext();
        Assert.Equal([(2026, 2), (2026, 3)], (await db.ClosedMonths.Select(m => new { m.Year, m.Month }).ToListAsync(Ct)).Select(m => (m.Year, m.Month)).Order());
        await Assert.ThrowsAsync<ArgumentException>(() => Keeper(database, April2).KeepAsync(ReportingPeriod.Month(2026, 4, DeadlinePolicy.Kyiv), Ct));
    }

    [Fact]
    public async Task ADeputy_SeesTheirDirectionsOnly_AndWhoMayNotSeeTheDashboardSeesNothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var data = await DashboardData.SeedAsync(database);
        var facts = await FactsAsync(database);
        await Keeper(database, April2).KeepAsync(March, Ct);
        var query = new ClosedMonthQuery(database.Factory());

        var deputy = (await query.LatestAsync(data.EducationDeputy, Ct))!;

        Assert.Equal([data.Education.Id], deputy.Directions.Select(d => d.DirectionId));
        Assert.Equal(ComplianceCalculator.Compute(facts, March, ReportScope.Direction(data.Education.Id), _ => null), deputy.Total.Figures);
        foreach (var role in new[] { Role.ExecutorResponsible, Role.Performer, Role.ExecutorHead, Role.Applicant })
        {
            Assert.Null(await query.LatestAsync(new Actor("x", "Х", role, data.Water.Id, [data.Utilities.Id]), Ct));
        }

        Assert.Null(await query.LatestAsync(null, Ct));
    }

    [Fact]
    public async Task BeforeAnyMonthIsKept_ThereIsNothingToShow()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await DashboardData.SeedAsync(database);

        Assert.Null(await new ClosedMonthQuery(database.Factory()).LatestAsync(DashboardData.Manager, Ct));
    }
}
