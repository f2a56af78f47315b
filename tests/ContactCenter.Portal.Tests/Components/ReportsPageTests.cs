using System.Security.Claims;
using Bunit;
using ContactCenter.Domain.Common;
using ContactCenter.Domain.Deadlines;
using ContactCenter.Domain.Reporting;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Portal.Auth;
using ContactCenter.Portal.Features.Reports;
using ContactCenter.Portal.Tests.Features.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Portal.Tests.Components;

/// <summary>The archive page and the inbox badge, rendered against a real database.</summary>
public sealed class ReportsPageTests : PortalComponentTest, IAsyncLifetime
{
    private ReportsWorld world = null!;

    public async ValueTask InitializeAsync()
    {
        world = await ReportsWorld.CreateAsync(DatabaseProvider.Sqlite, new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero));
        Services.AddSingleton(world.Get<ReportsQuery>());
        Services.AddSingleton(world.Get<OnDemandReports>());
        Services.AddSingleton(world.Get<ReportInbox>());
        Services.AddSingleton(world.Factory);
        Services.AddSingleton<TimeProvider>(world.Clock);
        Services.AddScoped<CurrentUser>();
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await world.DisposeAsync();
    }

    private void SignIn(string person, Role role)
    {
        var user = world.People[person];
        var auth = AddAuthorization();
        auth.SetAuthorized(user.UserName!);
        auth.SetRoles(role.ToString());
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, user.Id), new(PortalClaims.FullName, user.FullName) };
        if (user.ExecutorId is { } executor)
        {
            claims.Add(new Claim(PortalClaims.ExecutorId, executor.ToString()));
        }

        auth.SetClaims([.. claims]);
    }

    [Fact]
    public async Task TheDepartment_BuildsAReportOnDemand_FollowsItsProgress_AndGetsTheDownload()
    {
        SignIn("operator", Role.Operator);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        world.Workbooks.Gate = gate;
        var page = Render<ReportsPage>();
        Assert.Contains("Звітів за цими умовами немає", page.Markup);

        page.Find("[data-testid=build-start]").Click();

        // The build waits half-way: the page shows how far it got and stays usable.
        page.WaitForAssertion(() => Assert.Contains("45 %", page.Find("[data-testid=build-progress]").TextContent), TimeSpan.FromSeconds(30));
        gate.SetResult();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=build-download]")), TimeSpan.FromSeconds(30));

        await using var db = world.Db();
        var report = await db.Reports.SingleAsync(Xunit.TestContext.Current.CancellationToken);
        Assert.Equal(ReportKind.MonthlyCompliance, report.Kind);
        Assert.Equal(ReportingPeriod.Month(2026, 11, DeadlinePolicy.Kyiv).From, report.PeriodFrom);
        Assert.Equal(world.People["operator"].Id, report.RequestedById);
        Assert.Equal($"/reports/{report.Id}/file", page.Find("[data-testid=build-download]").GetAttribute("href"));
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=report-download]")), TimeSpan.FromSeconds(30));
        Assert.Contains("листопад 2026", page.Find("[data-testid=reports]").TextContent);
    }

    [Fact]
    public void AnExecutorsPerson_SeesNoBuildPanel()
    {
        SignIn("water-head", Role.ExecutorHead);

        var page = Render<ReportsPage>();

        Assert.Empty(page.FindAll("[data-testid=build-panel]"));
    }

    [Fact]
    public async Task TheBadge_CountsUnreadReportsAddressedToThePerson_AndFollowsReading()
    {
        var day = ReportingPeriod.Day(new DateOnly(2026, 11, 30), DeadlinePolicy.Kyiv);
        var daily = await world.BuildAsync(new ReportRun(ReportKind.DailyCompliance, day, ReportScope.Executor(world.Cards.Water.Id)));
        await world.BuildAsync(new ReportRun(ReportKind.WeeklyCompliance, ReportingPeriod.Week(new DateOnly(2026, 11, 23), DeadlinePolicy.Kyiv), ReportScope.Direction(world.Cards.Direction.Id)));
        await world.BuildAsync(new ReportRun(ReportKind.DailyCompliance, day, ReportScope.Executor(world.Cards.Roads.Id)));
        SignIn("water-head", Role.ExecutorHead);

        var badge = Render<ReportsNavLink>();

        badge.WaitForAssertion(() => Assert.Equal("2", badge.Find("[data-testid=reports-badge]").TextContent.Trim()));
        await world.Get<ReportInbox>().MarkReadAsync(world.People["water-head"].Id, daily.ReportId!.Value, Xunit.TestContext.Current.CancellationToken);
        badge.WaitForAssertion(() => Assert.Equal("1", badge.Find("[data-testid=reports-badge]").TextContent.Trim()), TimeSpan.FromSeconds(10));

        // A report for someone else does not move this person's badge; a new one for them does.
        await world.BuildAsync(new ReportRun(ReportKind.DailyCompliance, ReportingPeriod.Day(new DateOnly(2026, 12, 1), DeadlinePolicy.Kyiv), ReportScope.Executor(world.Cards.Water.Id)));
        badge.WaitForAssertion(() => Assert.Equal("2", badge.Find("[data-testid=reports-badge]").TextContent.Trim()), TimeSpan.FromSeconds(10));
    }
}
