using System.Security.Claims;
using Bunit;
using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Intake;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Infrastructure.Tests.Support;
using ContactCenter.Portal.Auth;
using ContactCenter.Portal.Features.Appeals;
using ContactCenter.Portal.Features.Queue;
using ContactCenter.Portal.Realtime;
using ContactCenter.Portal.Tests.Features.Dashboard;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Portal.Tests.Components;

/// <summary>An executor's queue page on a real SQLite database, signed in as the water utility's responsible person.</summary>
public sealed class QueuePageTests : PortalComponentTest, IAsyncLifetime
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private TestDatabase database = null!;
    private DashboardData data = null!;
    private FakeTimeProvider clock = null!;

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        data = await DashboardData.SeedAsync(database);
        clock = new FakeTimeProvider(DashboardData.Now);

        // 40 more open cards of the water utility, every other one privileged, some of them in a SER plan: more than a page.
        for (var i = 0; i < 40; i++)
        {
            var privilege = i % 2 == 0 ? PrivilegedCategory.WarDisabled : PrivilegedCategory.None;
            var card = Appeal.Register(
                new NewAppeal(Channel.Phone, new Applicant("Мельник", "Ірина", "Петрівна", "вул. Соборна, 5", "0501234567", null, Privilege: privilege), "Немає води в під'їзді з ранку, тиск слабкий", "вул. Соборна, 5"),
                data.Cards.Problem, data.Water, data.Cards.Policy, IntakeScreen.Open, null, Cards.Operator, DashboardData.Now.AddHours(-5 * i - 1)).Value;
            if (i % 5 == 3)
            {
                data.IncludeInSerPlan(card, card.RegisteredAt.AddHours(2));
            }

            await using var db = database.CreateContext();
            await CardStore.SaveNewAsync(db, card, data.Cards.Policy, Ct);
        }

        Services.AddLogging();
        Services.AddSignalR();
        Services.AddSingleton<TimeProvider>(clock);
        Services.AddSingleton<IDbContextFactory<ContactCenterDbContext>>(database.Factory());
        Services.AddTransient<QueueQuery>();
        Services.AddTransient<CardDetailsQuery>();
        Services.AddScoped<CurrentUser>();
        Services.AddSingleton(sp => new OutboxDispatcher(database.Factory(), sp.GetRequiredService<IHubContext<CardsHub>>(), new ContactCenter.Infrastructure.Events.OutboxSignal(), clock, NullLogger<OutboxDispatcher>.Instance));
    }

    private Task SignInAsWaterUtilityAsync()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("Відповідальна особа");
        auth.SetRoles("ExecutorResponsible");
        auth.SetClaims(
            new Claim(ClaimTypes.NameIdentifier, "water-1"),
            new Claim(PortalClaims.FullName, "Відповідальна особа"),
            new Claim(PortalClaims.ExecutorId, data.Water.Id.ToString()));
        return StartDispatcherAsync();
    }

    private Task SignInAsOperatorAsync()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("Оператор");
        auth.SetRoles("Operator");
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, "operator-1"), new Claim(PortalClaims.FullName, "Оператор"));
        return StartDispatcherAsync();
    }

    // The dispatcher takes its starting point: what was seeded is not news.
    private Task StartDispatcherAsync() => Services.GetRequiredService<OutboxDispatcher>().DispatchAsync(Ct);

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await database.DisposeAsync();
    }

    private async Task<int> OpenCardsAsync()
    {
        await using var db = database.CreateContext();
        return await db.Appeals.CountAsync(a => a.ExecutorId == data.Water.Id && a.ClosedAt == null, Ct);
    }

    private IRenderedComponent<QueuePage> RenderLoaded()
    {
        var page = Render<QueuePage>();
        page.WaitForAssertion(() => Assert.Equal(25, page.FindAll("[data-testid=queue-number]").Count), TimeSpan.FromSeconds(10));
        return page;
    }

    /// <summary>The frames of a component's current render tree, as the renderer keeps them (its own method, not public).</summary>
    private int RenderTreeFrameCount(int componentId)
    {
        var method = typeof(Microsoft.AspNetCore.Components.RenderTree.Renderer).GetMethod("GetCurrentRenderTreeFrames", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!;
        var range = method.Invoke(Renderer, [componentId])!;
        return (int)range.GetType().GetField("Count")!.GetValue(range)!;
    }

    [Fact]
    public async Task AnExecutor_SeesTwentyFiveCardsAPage_AndThePageKeepsItsRenderTreeUnder512Frames()
    {
        await SignInAsWaterUtilityAsync();
        var open = await OpenCardsAsync();
        var page = RenderLoaded();

        Assert.Equal($"1–25 з {open}", page.Find(".mud-table-page-number-information").TextContent.Trim());
        Assert.Equal("Черга звернень виконавця", page.Find("h4").TextContent.Trim());

        // Blazor keeps each component's current and previous render tree in power-of-two buffers of 40-byte frames for
        // as long as the page is open: under 512 frames the queue holds two buffers of 512 (41 KB) rather than two of
        // 2,048 (164 KB) as when its rows were Razor markup (docs/performance.md, "Circuit memory").
        var frames = RenderTreeFrameCount(page.ComponentId);
        Assert.True(frames < 512, $"The queue page renders {frames} frames for 25 rows.");
        Assert.Equal(25, page.FindAll("tbody tr td[data-label=Номер] a.cc-number").Count);
        Assert.Equal(25, page.FindAll("[data-testid=deadline] .cc-countdown").Count);
        Assert.NotEmpty(page.FindAll("tbody .cc-mark-privileged"));
    }

    [Fact]
    public async Task TheAlertToggles_ShowWhatTheBrowserKeeps_AndTurnOnSound()
    {
        await SignInAsWaterUtilityAsync();
        JSInterop.Setup<string>("ccLiveAlerts.settings").SetResult("off off denied");
        JSInterop.Setup<string>("ccLiveAlerts.setSound", true).SetResult("on off denied");
        var page = RenderLoaded();

        page.WaitForAssertion(() => Assert.True(page.Find("[data-testid=alerts-notify]").HasAttribute("disabled")));
        Assert.Equal("false", page.Find("[data-testid=alerts-sound]").GetAttribute("aria-pressed"));
        Assert.Equal("Сповіщення заборонено в налаштуваннях браузера для цього сайту", page.Find("[data-testid=alerts-notify]").GetAttribute("title"));

        page.Find("[data-testid=alerts-sound]").Click();

        page.WaitForAssertion(() => Assert.Equal("true", page.Find("[data-testid=alerts-sound]").GetAttribute("aria-pressed")));
    }

    [Fact]
    public async Task TheDepartment_ChoosesAnExecutor_AndSeesOnlyItsCards_ThenAllAgain()
    {
        await SignInAsOperatorAsync();
        var page = Render<QueuePage>();
        page.WaitForAssertion(() => Assert.Equal(25, page.FindAll("[data-testid=queue-number]").Count), TimeSpan.FromSeconds(10));
        Assert.True(page.FindAll("tbody td[data-label=Виконавець]").Select(td => td.TextContent).Distinct().Count() > 1);

        page.Find("[data-testid=queue-executor]").Change(data.Roads.Id.ToString());

        page.WaitForAssertion(() => Assert.True(page.FindAll("[data-testid=queue-number]").Count is > 0 and < 25), TimeSpan.FromSeconds(10));
        Assert.Single(page.FindAll("tbody td[data-label=Виконавець]").Select(td => td.TextContent).Distinct());
        Assert.True(page.Find($"[data-testid=queue-executor] option[value='{data.Roads.Id}']").HasAttribute("selected"));

        page.Find("[data-testid=queue-executor]").Change(string.Empty);

        page.WaitForAssertion(() => Assert.Equal(25, page.FindAll("[data-testid=queue-number]").Count), TimeSpan.FromSeconds(10));
    }
}
