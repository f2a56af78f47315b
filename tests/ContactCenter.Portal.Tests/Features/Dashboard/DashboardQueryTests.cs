using Microsoft.Extensions.Caching.Memory;
using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Common;
using ContactCenter.Domain.Deadlines;
using ContactCenter.Domain.Reporting;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Infrastructure.Tests.Support;
using ContactCenter.Portal.Features.Dashboard;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Portal.Tests.Features.Dashboard;

public sealed class DashboardQueryTests
{
    public static TheoryData<DatabaseProvider> Providers => new() { DatabaseProvider.Sqlite, DatabaseProvider.Postgres };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(TestDatabase Database, DashboardData Data, DashboardQuery Query)> ArrangeAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var data = await DashboardData.SeedAsync(database);
        return (database, data, new DashboardQuery(database.Factory(), new FakeTimeProvider(DashboardData.Now)));
    }

    private static DashboardExecutorRow Row(DashboardFigures figures, Guid executorId) =>
        figures.Directions.SelectMany(d => d.Executors).Single(e => e.ExecutorId == executorId);

    private static DashboardDirection Direction(DashboardFigures figures, Guid directionId) =>
        figures.Directions.Single(d => d.DirectionId == directionId);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Figures_OfTheManager_AreTheKnownAnswers(DatabaseProvider provider)
    {
        var (database, data, query) = await ArrangeAsync(provider);
        await using var _ = database;

        var figures = (await query.FiguresAsync(DashboardData.Manager, Ct))!;

        Assert.True(figures.AllDirections);
        Assert.Equal(new LoadLine(new LoadCounts(5, 1, 2, 1), 25.0m), Row(figures, data.Water.Id).Line);
        Assert.Equal(new LoadLine(new LoadCounts(1, 0, 1, 0), 50.0m), Row(figures, data.Roads.Id).Line);
        Assert.Equal(new LoadLine(LoadCounts.Zero, null), Row(figures, data.Quiet.Id).Line);
        Assert.Equal(new LoadLine(new LoadCounts(2, 0, 1, 0), 0.0m), Row(figures, data.School.Id).Line);
        Assert.Equal(new LoadLine(new LoadCounts(6, 1, 3, 1), 33.3m), Direction(figures, data.Utilities.Id).Total);
        Assert.Equal(new LoadLine(new LoadCounts(2, 0, 1, 0), 0.0m), Direction(figures, data.Education.Id).Total);
        Assert.Equal(new LoadLine(new LoadCounts(8, 1, 4, 1), 28.6m), figures.Total);
        Assert.Equal(DashboardData.Now, figures.Now);
        Assert.Equal(new DateTimeOffset(2026, 2, 28, 22, 0, 0, TimeSpan.Zero), figures.MonthFrom);
        Assert.Equal(["Житлово-комунальне господарство", "Освіта"], figures.Directions.Select(d => d.Name));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Figures_EqualAnIndependentCountOfTheCards_AndTheCalculatorsCompliance(DatabaseProvider provider)
    {
        var (database, data, query) = await ArrangeAsync(provider);
        await using var _ = database;
        await using var db = database.CreateContext();
        var all = await db.Appeals.AsNoTracking().Include(a => a.DueDates).Include(a => a.Redirects).ToListAsync(Ct);
        var now = DashboardData.Now;
        var window = DeadlinePolicy.DefaultAtRiskWindow;
        var month = new ReportingPeriod(ReportingPeriod.Month(2026, 3, DeadlinePolicy.Kyiv).From, now);
        var facts = all.Select(a => a.ToFacts()).ToList();
        var byExecutor = ComplianceCalculator.ComputeByExecutor(facts, month);

        var figures = (await query.FiguresAsync(DashboardData.Manager, Ct))!;

        foreach (var executor in new[] { data.Water, data.Roads, data.Quiet, data.School })
        {
            var cards = all.Where(a => a.ExecutorId == executor.Id && a.IsOpen).ToList();
            var expected = new LoadCounts(
                cards.Count,
                cards.Count(a => !a.IsInSerPlan && a.DeadlineStateAt(now, window) == DeadlineState.AtRisk),
                cards.Count(a => a.IsOverdueAt(now)),
                cards.Count(a => !a.IsInSerPlan && a.ExtensionCount > 0));
            var line = Row(figures, executor.Id).Line;
            Assert.Equal(expected, line.Counts);
            Assert.Equal(byExecutor.GetValueOrDefault(executor.Id)?.CompliancePercent, line.CompliancePercent);
        }

        Assert.Equal(ComplianceCalculator.Compute(facts, month, ReportScope.Direction(data.Utilities.Id)).CompliancePercent, Direction(figures, data.Utilities.Id).Total.CompliancePercent);
        Assert.Equal(ComplianceCalculator.Compute(facts, month, ReportScope.Community).CompliancePercent, figures.Total.CompliancePercent);
        Assert.Equal(ComplianceCalculator.Compute(facts, month, ReportScope.Community).Overdue, figures.Total.Counts.Overdue);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Figures_OfADeputy_HoldOnlyTheExecutorsOfTheirDirection(DatabaseProvider provider)
    {
        var (database, data, query) = await ArrangeAsync(provider);
        await using var _ = database;

        var utilities = (await query.FiguresAsync(data.UtilitiesDeputy, Ct))!;
        var education = (await query.FiguresAsync(data.EducationDeputy, Ct))!;

        Assert.False(utilities.AllDirections);
        Assert.Equal([data.Utilities.Id], utilities.Directions.Select(d => d.DirectionId));
        Assert.Equal(new[] { data.Water.Id, data.Roads.Id, data.Quiet.Id }.Order(), utilities.Directions.Single().Executors.Select(e => e.ExecutorId).Order());
        Assert.Equal(new LoadLine(new LoadCounts(6, 1, 3, 1), 33.3m), utilities.Total);
        Assert.Equal([data.School.Id], education.Directions.SelectMany(d => d.Executors).Select(e => e.ExecutorId));
        Assert.Equal(new LoadLine(new LoadCounts(2, 0, 1, 0), 0.0m), education.Total);
    }

    public static TheoryData<Role> Refused => new() { Role.ExecutorResponsible, Role.Performer, Role.ExecutorHead, Role.Applicant };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Everything_ForAnyoneButDeputiesManagementAndTheDepartment_IsNothing(Role role)
    {
        var (database, data, query) = await ArrangeAsync(DatabaseProvider.Sqlite);
        await using var _ = database;
        var actor = new Actor("someone", "Працівник Водоканалу", role, data.Water.Id, [data.Utilities.Id]);

        Assert.Null(await query.FiguresAsync(actor, Ct));
        Assert.Null(await query.FiguresAsync(null, Ct));
        Assert.Empty(await query.TrendAsync(actor, Ct));
        Assert.Null(await query.CardsAsync(new DrillDownRequest(DashboardFigure.Overdue, data.Water.Id), actor, Ct));
        Assert.Null(await query.CardsAsync(new DrillDownRequest(DashboardFigure.Open), actor, Ct));
    }

    public static TheoryData<Role> Allowed => new() { Role.Operator, Role.Admin, Role.Manager, Role.Mayor };

    [Theory]
    [MemberData(nameof(Allowed))]
    public async Task TheDepartmentTheManagerAndTheMayor_SeeEveryExecutor(Role role)
    {
        var (database, _, query) = await ArrangeAsync(DatabaseProvider.Sqlite);
        await using var __ = database;

        var figures = (await query.FiguresAsync(new Actor("x", "Х", role), Ct))!;

        Assert.Equal(4, figures.Directions.Sum(d => d.Executors.Count));
        Assert.Equal(8, figures.Total.Counts.Open);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Drilldown_ListsExactlyTheCardsBehindEachNumber(DatabaseProvider provider)
    {
        var (database, data, query) = await ArrangeAsync(provider);
        await using var _ = database;
        var n = data.Numbers;
        async Task<string[]> Numbers(DashboardFigure figure, Guid? executor = null, Guid? direction = null, Actor? actor = null) =>
            (await query.CardsAsync(new DrillDownRequest(figure, executor, direction), actor ?? DashboardData.Manager, Ct))!.Rows.Select(r => r.Number).Order().ToArray();
        string[] Of(params string[] keys) => keys.Select(k => n[k]).Order().ToArray();

        Assert.Equal(Of("w-overdue", "w-extended-overdue", "w-at-risk", "w-on-time", "w-ser"), await Numbers(DashboardFigure.Open, data.Water.Id));
        Assert.Equal(Of("w-at-risk"), await Numbers(DashboardFigure.AtRisk, data.Water.Id));
        Assert.Equal(Of("w-overdue", "w-extended-overdue"), await Numbers(DashboardFigure.Overdue, data.Water.Id));
        Assert.Equal(Of("w-extended-overdue"), await Numbers(DashboardFigure.Extended, data.Water.Id));
        Assert.Equal(Of("w-overdue", "w-extended-overdue", "w-closed-on-time", "w-closed-late"), await Numbers(DashboardFigure.Compliance, data.Water.Id));
        Assert.Empty(await Numbers(DashboardFigure.Open, data.Quiet.Id));
        Assert.Equal(Of("w-overdue", "w-extended-overdue", "r-overdue"), await Numbers(DashboardFigure.Overdue, direction: data.Utilities.Id));
        Assert.Equal(Of("w-overdue", "w-extended-overdue", "r-overdue", "s-overdue"), await Numbers(DashboardFigure.Overdue));
        Assert.Equal(Of("w-overdue", "w-extended-overdue", "r-overdue"), await Numbers(DashboardFigure.Overdue, actor: data.UtilitiesDeputy));

        var overdue = (await query.CardsAsync(new DrillDownRequest(DashboardFigure.Overdue, data.Water.Id), DashboardData.Manager, Ct))!;
        Assert.Equal(2, overdue.Total);
        Assert.Equal("КП «Водоканал»", overdue.ScopeName);

        // Due on Monday 9 March (Kyiv), seen on Wednesday 18 March: nine calendar days late.
        var late = overdue.Rows.Single(r => r.Number == n["w-overdue"]);
        Assert.Equal(9, late.DaysOverdue);
        Assert.Equal(DeadlineState.Overdue, late.Deadline);
        Assert.Equal("Відсутнє водопостачання", late.ProblemName);
        Assert.Equal("вул. Соборна, 1", late.ProblemAddress);
        Assert.Equal(AppealStatus.Registered, late.Status);

        var compliance = (await query.CardsAsync(new DrillDownRequest(DashboardFigure.Compliance, data.Water.Id), DashboardData.Manager, Ct))!;
        Assert.Equal(ComplianceVerdict.ClosedOnTime, compliance.Rows.Single(r => r.Number == n["w-closed-on-time"]).Verdict);
        Assert.Equal(ComplianceVerdict.ClosedLate, compliance.Rows.Single(r => r.Number == n["w-closed-late"]).Verdict);
        Assert.Equal(ComplianceVerdict.Overdue, compliance.Rows.Single(r => r.Number == n["w-overdue"]).Verdict);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Drilldown_ADeputyEditingTheAddress_GetsNothingOfAnotherDirection(DatabaseProvider provider)
    {
        var (database, data, query) = await ArrangeAsync(provider);
        await using var _ = database;
        var deputy = data.UtilitiesDeputy;

        Assert.Null(await query.CardsAsync(new DrillDownRequest(DashboardFigure.Overdue, data.School.Id), deputy, Ct));
        Assert.Null(await query.CardsAsync(new DrillDownRequest(DashboardFigure.Open, DirectionId: data.Education.Id), deputy, Ct));
        Assert.Null(await query.CardsAsync(new DrillDownRequest(DashboardFigure.Open, Guid.NewGuid()), deputy, Ct));

        // A direction that is theirs with an executor that is not: the executor decides.
        Assert.Null(await query.CardsAsync(new DrillDownRequest(DashboardFigure.Open, data.School.Id, data.Utilities.Id), deputy, Ct));
        Assert.NotNull(await query.CardsAsync(new DrillDownRequest(DashboardFigure.Overdue, data.Water.Id), deputy, Ct));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Trend_EachWeekIsTheCalculatorsFigureForThatWeek(DatabaseProvider provider)
    {
        var (database, data, query) = await ArrangeAsync(provider);
        await using var _ = database;
        await using var db = database.CreateContext();
        var facts = (await db.Appeals.AsNoTracking().Include(a => a.DueDates).Include(a => a.Redirects).ToListAsync(Ct))
            .Select(a => a.ToFacts())
            .Where(f => f.DirectionId == data.Utilities.Id)
            .ToList();

        var trend = await query.TrendAsync(data.UtilitiesDeputy, Ct);

        Assert.Equal(DashboardQuery.TrendWeeks, trend.Count);
        Assert.Equal(new DateOnly(2026, 3, 16), trend[^1].WeekStart);
        Assert.Equal(new DateOnly(2026, 1, 26), trend[0].WeekStart);
        var weeks = ExecutorLoad.RecentWeeks(DashboardData.Now, DeadlinePolicy.Kyiv, DashboardQuery.TrendWeeks);
        for (var i = 0; i < weeks.Count; i++)
        {
            var expected = ComplianceCalculator.Compute(facts, weeks[i], ReportScope.Community);
            Assert.Equal(expected.CompliancePercent, trend[i].CompliancePercent);
            Assert.Equal(expected.Overdue, trend[i].Overdue);
        }

        // The week to date ends now: its overdue count is today's, 3 in the utilities.
        Assert.Equal(3, trend[^1].Overdue);

        // Week of 9 March: w-closed-on-time closed on time, w-closed-late late; at its end w-overdue, w-extended-overdue
        // and r-overdue were past due (w-ser was in SER plans): 1 ÷ (2 + 3).
        Assert.Equal(new TrendPoint(new DateOnly(2026, 3, 9), 20.0m, 3), trend[^2]);

        // Kept past weeks give the same points; the running week is counted afresh each time.
        using var kept = new MemoryCache(new MemoryCacheOptions());
        var cached = new DashboardQuery(database.Factory(), new FakeTimeProvider(DashboardData.Now), kept);
        Assert.Equal(trend, await cached.TrendAsync(data.UtilitiesDeputy, Ct));
        Assert.Equal(DashboardQuery.TrendWeeks - 1, kept.Count);
        Assert.Equal(trend, await cached.TrendAsync(data.UtilitiesDeputy, Ct));
    }

    [Fact]
    public async Task TheAtRiskWindow_IsTheOneTheSystemIsSetTo()
    {
        var (database, data, query) = await ArrangeAsync(DatabaseProvider.Sqlite);
        await using var _ = database;
        await using (var db = database.CreateContext())
        {
            db.Settings.Add(new Setting { Key = WorkingCalendarStore.AtRiskHoursKey, Value = "240" });
            await db.SaveChangesAsync(Ct);
        }

        var figures = (await query.FiguresAsync(DashboardData.Manager, Ct))!;

        // Ten days: the card due on Monday 23 March is at risk too.
        Assert.Equal(TimeSpan.FromHours(240), figures.AtRiskWindow);
        Assert.Equal(2, Row(figures, data.Water.Id).Line.Counts.AtRisk);
        Assert.Equal(2, (await query.CardsAsync(new DrillDownRequest(DashboardFigure.AtRisk, data.Water.Id), DashboardData.Manager, Ct))!.Total);
    }
}
