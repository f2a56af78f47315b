using System.Security.Claims;
using Bunit;
using ContactCenter.Domain.Organisation;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Infrastructure.Tests.Support;
using ContactCenter.Portal.Auth;
using ContactCenter.Portal.Features.Dashboard;
using ContactCenter.Portal.Realtime;
using ContactCenter.Portal.Tests.Features.Dashboard;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Portal.Tests.Components;

/// <summary>The dashboard page on a real SQLite database, with the real outbox dispatcher and a fake clock.</summary>
public sealed class DashboardPageTests : PortalComponentTest
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private TestDatabase database = null!;
    private DashboardData data = null!;
    private FakeTimeProvider clock = null!;
    private CountingFactory contexts = null!;
    private OutboxDispatcher dispatcher = null!;

    /// <summary>Seeds the data set and signs in a deputy of the utilities (or <paramref name="role"/> with no direction).</summary>
    private async Task ArrangeAsync(DateTimeOffset? now = null, string role = "Deputy")
    {
        database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        data = await DashboardData.SeedAsync(database);
        clock = new FakeTimeProvider(now ?? DashboardData.Now);
        contexts = new CountingFactory(database.Factory());
        Services.AddLogging();
        Services.AddSignalR();
        Services.AddSingleton<TimeProvider>(clock);
        Services.AddSingleton<IDbContextFactory<ContactCenterDbContext>>(contexts);
        Services.AddTransient<DashboardQuery>();
        Services.AddTransient<ClosedMonthQuery>();
        Services.AddScoped<CurrentUser>();

        // The dispatcher reads the outbox on its own factory, so that counting contexts counts the page's loads only.
        Services.AddSingleton(sp => new OutboxDispatcher(database.Factory(), sp.GetRequiredService<IHubContext<CardsHub>>(), new ContactCenter.Infrastructure.Events.OutboxSignal(), clock, NullLogger<OutboxDispatcher>.Instance));
        var auth = AddAuthorization();
        auth.SetAuthorized("Ковтун Олександр Миколайович");
        auth.SetRoles(role);
        auth.SetClaims(
            new Claim(ClaimTypes.NameIdentifier, "deputy-1"),
            new Claim(PortalClaims.FullName, "Ковтун Олександр Миколайович"),
            new Claim(PortalClaims.DirectionId, data.Utilities.Id.ToString()));
        dispatcher = Services.GetRequiredService<OutboxDispatcher>();

        // The dispatcher takes its starting point: what was seeded is not news.
        await dispatcher.DispatchAsync(Ct);
    }

    private IRenderedComponent<DashboardPage> RenderLoaded()
    {
        var page = Render<DashboardPage>();
        page.WaitForElement("[data-testid=total-row]", TimeSpan.FromSeconds(10));
        return page;
    }

    private IRenderedComponent<DashboardCardsPage> RenderDrilldown(string address)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(address);
        return Render<DashboardCardsPage>();
    }

    private static string Number(IRenderedComponent<DashboardPage> page, Guid executorId, string figure) =>
        page.Find($"[data-executor='{executorId}'] [data-testid=n-{figure}]").TextContent.Trim();

    private static string Total(IRenderedComponent<DashboardPage> page, string figure) =>
        page.Find($"[data-testid=total-row] [data-testid=n-{figure}]").TextContent.Trim();

    [Fact]
    public async Task ADeputy_SeesTheirExecutorsWorstFirst_WithTheDirectionAndTheTotal()
    {
        await ArrangeAsync();
        await using var _ = database;

        var page = RenderLoaded();

        var rows = page.FindAll("[data-testid=executor-row]");
        Assert.Equal([data.Water.Id.ToString(), data.Roads.Id.ToString(), data.Quiet.Id.ToString()], rows.Select(r => r.GetAttribute("data-executor")));
        Assert.Empty(page.FindAll($"[data-executor='{data.School.Id}']"));
        Assert.Equal("5", Number(page, data.Water.Id, "open"));
        Assert.Equal("1", Number(page, data.Water.Id, "atrisk"));
        Assert.Equal("2", Number(page, data.Water.Id, "overdue"));
        Assert.Equal("1", Number(page, data.Water.Id, "extended"));
        Assert.Equal("25,0", Number(page, data.Water.Id, "compliance"));
        Assert.Equal("—", Number(page, data.Quiet.Id, "compliance"));
        Assert.Equal("3", page.Find($"[data-direction='{data.Utilities.Id}'] [data-testid=n-overdue]").TextContent.Trim());
        Assert.Equal("6", Total(page, "open"));
        Assert.Equal("3", Total(page, "overdue"));
        Assert.Equal("33,3", Total(page, "compliance"));
        Assert.Contains("оновлено о 12:00:00", page.Find("[data-testid=updated-at]").TextContent);

        // Every number leads to the cards behind it.
        Assert.Equal($"/dashboard/cards?executor={data.Water.Id}&figure=overdue", page.Find($"[data-executor='{data.Water.Id}'] [data-testid=n-overdue]").GetAttribute("href"));
        Assert.Equal($"/dashboard/cards?direction={data.Utilities.Id}&figure=atrisk", page.Find($"[data-direction='{data.Utilities.Id}'] [data-testid=n-atrisk]").GetAttribute("href"));
        Assert.Equal("/dashboard/cards?figure=compliance", page.Find("[data-testid=total-row] [data-testid=n-compliance]").GetAttribute("href"));
        Assert.NotEmpty(page.FindAll("[data-testid=trend]"));
    }

    [Fact]
    public async Task SortingByAColumn_OrdersTheExecutors_AndAgainReversesThem()
    {
        await ArrangeAsync();
        await using var _ = database;
        var page = RenderLoaded();
        string[] Order() => page.FindAll("[data-testid=executor-row]").Select(r => r.GetAttribute("data-executor") ?? string.Empty).ToArray();

        // A MudButton's click handler completes asynchronously: the new order is waited for, not read at once.
        void ShowsInOrder(params Executor[] expected) =>
            page.WaitForAssertion(() => Assert.Equal(expected.Select(e => e.Id.ToString()), Order()), TimeSpan.FromSeconds(10));

        page.Find("[data-testid=sort-Compliance] button, button[data-testid=sort-Compliance]").Click();
        ShowsInOrder(data.Water, data.Roads, data.Quiet);

        page.Find("[data-testid=sort-Name] button, button[data-testid=sort-Name]").Click();
        ShowsInOrder(data.Roads, data.Water, data.Quiet);

        page.Find("[data-testid=sort-Name] button, button[data-testid=sort-Name]").Click();
        ShowsInOrder(data.Quiet, data.Water, data.Roads);
    }

    [Fact]
    public async Task AnExecutorsPerson_GetsTheRefusal()
    {
        await ArrangeAsync(role: "ExecutorResponsible");
        await using var _ = database;

        var page = Render<DashboardPage>();

        page.WaitForElement("[data-testid=forbidden]", TimeSpan.FromSeconds(10));
        Assert.Empty(page.FindAll("[data-testid=dashboard]"));
    }

    [Fact]
    public async Task TheDrilldown_ListsExactlyTheCardsBehindTheNumber()
    {
        await ArrangeAsync();
        await using var _ = database;

        var page = RenderDrilldown($"/dashboard/cards?executor={data.Water.Id}&figure=overdue");

        page.WaitForElement("[data-testid=drill-cards]", TimeSpan.FromSeconds(10));
        var numbers = page.FindAll("[data-testid=drill-number]");
        Assert.Equal(new[] { data.Numbers["w-overdue"], data.Numbers["w-extended-overdue"] }.Order(), numbers.Select(a => a.TextContent.Trim()).Order());
        Assert.All(numbers, a => Assert.Equal($"/cards/{a.TextContent.Trim()}", a.GetAttribute("href")));
        Assert.Contains("КП «Водоканал»", page.Find("[data-testid=drill-scope]").TextContent);
        Assert.Contains("Прострочено", page.Find("[data-testid=drill-title]").TextContent);
        Assert.Contains("9", page.FindAll("[data-testid=drill-days]").Select(d => d.TextContent.Trim()));
        Assert.All(page.FindAll("[data-testid=status]"), s => Assert.Equal("Зареєстровано", s.TextContent.Trim()));
        Assert.Equal(2, page.FindAll("[data-testid=deadline]").Count);
    }

    [Fact]
    public async Task TheDrilldown_OfAnotherDirectionsExecutor_IsRefused()
    {
        await ArrangeAsync();
        await using var _ = database;

        // The address a deputy could type by hand, with another direction's executor in it.
        var page = RenderDrilldown($"/dashboard/cards?executor={data.School.Id}&figure=overdue");

        page.WaitForElement("[data-testid=forbidden]", TimeSpan.FromSeconds(10));
        Assert.Empty(page.FindAll("[data-testid=drill-number]"));
    }

    [Fact]
    public async Task ACardRegisteredElsewhere_RaisesTheOpenCount_AfterTheCoalescingPause()
    {
        await ArrangeAsync();
        await using var _ = database;
        var page = RenderLoaded();

        await data.AddCardAsync(database, data.Water, DashboardData.Now, "live-1");
        await dispatcher.DispatchAsync(Ct);

        // The event arrived right after the first load: the reload waits for the spacing, then comes by itself.
        Assert.Equal("5", Number(page, data.Water.Id, "open"));
        clock.Advance(DashboardPage.ReloadSpacing);
        page.WaitForAssertion(() => Assert.Equal("6", Number(page, data.Water.Id, "open")), TimeSpan.FromSeconds(10));
        Assert.Equal("7", Total(page, "open"));
        Assert.Contains("оновлено о 12:00:01", page.Find("[data-testid=updated-at]").TextContent);
    }

    [Fact]
    public async Task TheLastEndedMonth_IsShownForTheDeputysDirection_AsKept()
    {
        await ArrangeAsync();
        await using var _ = database;
        var page = RenderLoaded();
        Assert.Empty(page.FindAll("[data-testid=closed-month]"));

        // February has ended on 18 March; its figures are kept and appear with the next minute's reload.
        var keeper = new ContactCenter.Portal.Features.Reports.KeepClosedMonths(database.Factory(), clock, NullLogger<ContactCenter.Portal.Features.Reports.KeepClosedMonths>.Instance);
        Assert.Equal(2, await keeper.RunAsync(Ct));
        clock.Advance(DashboardPage.TimePasses);

        page.WaitForElement("[data-testid=closed-month]", TimeSpan.FromSeconds(10));
        Assert.Equal("Підсумки місяця: лютий 2026", page.Find("[data-testid=closed-month-title]").TextContent.Trim());
        var rows = page.FindAll("[data-testid=closed-month-row]");
        Assert.Equal(2, rows.Count);
        Assert.Equal(data.Utilities.Id.ToString(), rows[0].GetAttribute("data-direction"));
        Assert.Contains("Житлово-комунальне господарство", rows[0].TextContent);

        // The water card closed in February: received 1, closed late (past its 3-day term), so 0 % — and January is kept but empty.
        Assert.Equal("1", rows[1].QuerySelector("[data-testid=m-received]")!.TextContent.Trim());
        Assert.Equal("0", rows[1].QuerySelector("[data-testid=m-on-time]")!.TextContent.Trim());
        Assert.Equal("1", rows[1].QuerySelector("[data-testid=m-late]")!.TextContent.Trim());
        Assert.Equal("0,0", rows[1].QuerySelector("[data-testid=m-compliance]")!.TextContent.Trim());
        Assert.Equal("—", rows[1].QuerySelector("[data-testid=m-previous]")!.TextContent.Trim());
    }

    [Fact]
    public async Task ABurstOfChanges_GivesOneReload()
    {
        await ArrangeAsync();
        await using var _ = database;
        var page = RenderLoaded();
        var before = contexts.Created;

        for (var i = 0; i < 5; i++)
        {
            await data.AddCardAsync(database, data.Water, DashboardData.Now, $"burst-{i}");
        }

        await dispatcher.DispatchAsync(Ct);
        clock.Advance(DashboardPage.ReloadSpacing);
        page.WaitForAssertion(() => Assert.Equal("10", Number(page, data.Water.Id, "open")), TimeSpan.FromSeconds(10));
        clock.Advance(DashboardPage.ReloadSpacing * 3);

        // Five events, one load of the figures (its three contexts: the figures, their open cards and the month's closures,
        // read side by side); nothing more once they were shown.
        Assert.Equal(3, contexts.Created - before);
    }

    [Fact]
    public async Task ACardOfAnotherDirection_DoesNotReloadTheDeputysFigures()
    {
        await ArrangeAsync();
        await using var _ = database;
        var page = RenderLoaded();
        var before = contexts.Created;

        await data.AddCardAsync(database, data.School, DashboardData.Now, "elsewhere");
        await dispatcher.DispatchAsync(Ct);
        clock.Advance(DashboardPage.ReloadSpacing * 2);

        Assert.Equal(0, contexts.Created - before);
        Assert.Equal("6", Total(page, "open"));
    }

    [Fact]
    public async Task AsTimePasses_ACardAtRiskBecomesOverdue_WithoutAnyEvent()
    {
        // Thirty seconds before the at-risk card's term ends (18 March, 23:59:59 Kyiv).
        await ArrangeAsync(now: new DateTimeOffset(2026, 3, 18, 21, 59, 30, TimeSpan.Zero));
        await using var _ = database;
        var page = RenderLoaded();
        Assert.Equal("1", Number(page, data.Water.Id, "atrisk"));
        Assert.Equal("2", Number(page, data.Water.Id, "overdue"));

        clock.Advance(DashboardPage.TimePasses);

        page.WaitForAssertion(() => Assert.Equal("3", Number(page, data.Water.Id, "overdue")), TimeSpan.FromSeconds(10));
        Assert.Equal("0", Number(page, data.Water.Id, "atrisk"));
    }

    private sealed class CountingFactory(IDbContextFactory<ContactCenterDbContext> inner) : IDbContextFactory<ContactCenterDbContext>
    {
        private int created;

        public int Created => Volatile.Read(ref created);

        public ContactCenterDbContext CreateDbContext()
        {
            Interlocked.Increment(ref created);
            return inner.CreateDbContext();
        }
    }
}
