using ContactCenter.Domain.Common;
using ContactCenter.Domain.Reporting;
using ContactCenter.EndToEnd.Tests.Support;
using ContactCenter.Infrastructure.Identity;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Infrastructure.Reporting;
using ContactCenter.Portal.Features.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace ContactCenter.EndToEnd.Tests.Workspaces;

/// <summary>The archive of reports in the browser: on-demand builds, downloads, and the inbox the catch-up fills at first start.</summary>
public sealed class ReportsTests(PortalServer portal, BrowserFixture browser) : PortalPageTest(portal, browser)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheDepartment_BuildsTheRegisterOnDemand_AndDownloadsTheWorkbook()
    {
        await PortalPages.SignInAsync(Page, "operator@demo.local");
        await Page.GotoAsync("/reports");
        await PortalPages.WaitInteractiveAsync(Page);

        await Page.Locator("[data-testid=build-kind]").ClickAsync();
        await Page.Locator(".mud-popover-open .mud-list-item", new() { HasText = ReportBuilder.TitleOf(ReportKind.Register) }).ClickAsync();
        await Page.Locator("[data-testid=build-start]").ClickAsync();

        var link = Page.Locator("[data-testid=build-download]");
        await Expect(link).ToBeVisibleAsync(new() { Timeout = 60_000 });
        var download = await Page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        var path = Path.Combine(Path.GetTempPath(), "cc-e2e-" + Guid.NewGuid().ToString("N") + ".xlsx");
        await download.SaveAsAsync(path);
        try
        {
            Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
            var bytes = await File.ReadAllBytesAsync(path, Ct);
            Assert.Equal("PK"u8.ToArray(), bytes[..2]);
        }
        finally
        {
            File.Delete(path);
        }

        // It is in the archive, built at the operator's request.
        await using var db = await Factory().CreateDbContextAsync(Ct);
        var register = await db.Reports.SingleAsync(r => r.Kind == ReportKind.Register, Ct);
        Assert.Equal(ReportOrigin.OnDemand, register.Origin);
        Assert.Equal("Петренко Олена Василівна", register.RequestedByName);
        await Page.Locator("[data-testid=filter-kind]").ClickAsync();
        await Page.Locator(".mud-popover-open .mud-list-item", new() { HasText = ReportBuilder.TitleOf(ReportKind.Register) }).ClickAsync();
        await Expect(Page.Locator("[data-testid=reports] tbody tr")).ToHaveCountAsync(1);
        await Expect(Page.Locator("[data-testid=reports]")).ToContainTextAsync("на запит: Петренко Олена Василівна");
    }

    [Fact]
    public async Task FromTheQueue_WhichHasNoPopovers_TheMenuLeadsToTheReports_WhoseListsOpen()
    {
        // The layout leaves MudBlazor's popover provider out on the queue and adds it on the first page that needs it.
        await PortalPages.SignInAsync(Page, "operator@demo.local");
        await Page.GotoAsync("/queue");
        await PortalPages.WaitInteractiveAsync(Page);
        await Expect(Page.Locator(".mud-popover-provider")).ToHaveCountAsync(0);

        await Page.Locator("nav a[href='/reports']").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/reports$"));
        await Expect(Page.Locator(".mud-popover-provider")).ToHaveCountAsync(1);
        await Page.Locator("[data-testid=filter-kind]").ClickAsync();

        await Expect(Page.Locator(".mud-popover-open .mud-list-item", new() { HasText = ReportBuilder.TitleOf(ReportKind.Register) })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task OnFirstStart_TheHeadOfAnExecutorFindsTheLatestReportsInTheInbox_AndReadingOneLowersTheBadge()
    {
        // The catch-up at first start builds the latest daily, weekly and monthly reports; wait for it to finish.
        var head = await UserIdAsync("head@demo.local");
        await WaitForCatchUpAsync();
        var query = Portal.Services.GetRequiredService<ReportsQuery>();
        var actor = new Actor(head.Id, head.FullName, Role.ExecutorHead, head.ExecutorId);
        var unread = await query.UnreadCountAsync(actor, Ct);
        Assert.True(unread >= 2, $"The head should have the daily and the weekly report; has {unread}.");

        await PortalPages.SignInAsync(Page, "head@demo.local");
        await Page.GotoAsync("/reports");
        await PortalPages.WaitInteractiveAsync(Page);
        await Expect(Page.Locator("[data-testid=reports-badge]")).ToHaveTextAsync(unread.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(Page.Locator("[data-testid=reports]")).ToContainTextAsync(ReportBuilder.TitleOf(ReportKind.DailyCompliance));
        await Expect(Page.Locator("[data-testid=build-panel]")).ToHaveCountAsync(0);

        var first = Page.Locator(".cc-row-unread [data-testid=report-download]").First;
        var download = await Page.RunAndWaitForDownloadAsync(() => first.ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);

        await Expect(Page.Locator("[data-testid=reports-badge]")).ToHaveTextAsync((unread - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private IDbContextFactory<ContactCenterDbContext> Factory() => Portal.Services.GetRequiredService<IDbContextFactory<ContactCenterDbContext>>();

    private async Task<PortalUser> UserIdAsync(string email)
    {
        await using var db = await Factory().CreateDbContextAsync(Ct);
        return await db.Users.AsNoTracking().SingleAsync(u => u.Email == email, Ct);
    }

    /// <summary>Until every run the schedule asks for at this moment is in the archive, ready.</summary>
    private async Task WaitForCatchUpAsync()
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            await using var db = await Factory().CreateDbContextAsync(Ct);
            var schedule = await ScheduledReports.ScheduleAsync(db, Ct);
            var now = DateTimeOffset.UtcNow;
            var executors = await db.Executors.CountAsync(e => e.IsActive, Ct);
            var directions = await db.Directions.CountAsync(Ct);
            var expected = schedule.DueRuns(now, now).Sum(r => r.Scope switch
            {
                ScopeKind.Executor => executors,
                ScopeKind.Direction => directions,
                _ => 1,
            });
            var ready = await db.Reports.CountAsync(r => r.Origin == ReportOrigin.Schedule && r.Status == ReportStatus.Ready, Ct);
            if (ready >= expected && !await db.Reports.AnyAsync(r => r.Status == ReportStatus.Building, Ct))
            {
                return;
            }

            await Task.Delay(200, Ct);
        }

        Assert.Fail("The catch-up at start did not build the latest reports in two minutes.");
    }
}
