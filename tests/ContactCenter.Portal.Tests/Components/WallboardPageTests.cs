using System.Security.Claims;
using Bunit;
using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.RepairWorks;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Infrastructure.Tests.Support;
using ContactCenter.Portal.Auth;
using ContactCenter.Portal.Features.Wallboard;
using ContactCenter.Portal.Realtime;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Portal.Tests.Components;

/// <summary>The wallboard on a real SQLite database, a real outbox dispatcher and a fake clock.</summary>
public sealed class WallboardPageTests : PortalComponentTest
{
    /// <summary>Tuesday 03.03.2026, 11:00 in Kyiv.</summary>
    private static readonly DateTimeOffset Now = new(2026, 3, 3, 9, 0, 0, TimeSpan.Zero);

    private readonly Cards cards = new();

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheFiguresRender_AndCardEventsReloadThem_AtMostOnceASecond()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await SeedAsync(database, Now);
        var withRequest = cards.NewCard(Now.AddHours(-3), phone: "0671000002");
        Assert.True(withRequest.RequestRedirect(cards.WaterStaff, Now.AddMinutes(-90), "Мережа не наша").IsSuccess);
        await SaveAsync(database, cards.NewCard(Now.AddHours(-2), phone: "0671000001"), withRequest, cards.NewCard(new DateTimeOffset(2026, 2, 24, 9, 0, 0, TimeSpan.Zero), phone: "0671000003"));
        var clock = new FakeTimeProvider(Now);
        var (dispatcher, loads) = Provide(database, clock);
        await dispatcher.DispatchAsync(Ct);

        var page = Render<WallboardPage>();

        page.WaitForAssertion(() => Assert.Equal("2", Text(page, "wb-intake-today")));
        Assert.Equal("0", Text(page, "wb-intake-yesterday"));
        Assert.Contains("Телефон", Text(page, "wb-channel-Phone"));
        Assert.EndsWith("2", Text(page, "wb-channel-Phone"));
        Assert.EndsWith("0", Text(page, "wb-channel-Web"));
        Assert.Equal("1", Text(page, "wb-requests-total"));
        Assert.Equal("1 год. 30 хв.", Text(page, "wb-requests-oldest"));
        Assert.Contains("Переадресація", Text(page, "wb-request-Redirect"));
        Assert.Equal("1", Text(page, "wb-overdue-count"));
        Assert.Equal("0", Text(page, "wb-overdue-today"));
        Assert.Contains("Порив водогону", Text(page, "wb-emergency-work"));
        Assert.Contains("Водоканал", Text(page, "wb-emergency-work"));
        Assert.Equal("11:00", Text(page, "wb-clock"));
        Assert.Equal("оновлено о 11:00:00", Text(page, "wb-updated"));
        Assert.Equal(1, loads.Created);

        // Two registrations within the second after the last load: one reload when the second is over reads both.
        await SaveAsync(database, cards.NewCard(Now, phone: "0671000004"));
        await dispatcher.DispatchAsync(Ct);
        await SaveAsync(database, cards.NewCard(Now, phone: "0671000005"));
        await dispatcher.DispatchAsync(Ct);
        Assert.Equal("2", Text(page, "wb-intake-today"));
        Assert.Equal(1, loads.Created);

        clock.Advance(WallboardPage.MinReloadInterval);

        page.WaitForAssertion(() => Assert.Equal("4", Text(page, "wb-intake-today")));
        Assert.Equal("оновлено о 11:00:01", Text(page, "wb-updated"));
        Assert.Equal(2, loads.Created);

        // After a quiet spell an event reloads at once, without waiting for the clock.
        clock.Advance(TimeSpan.FromSeconds(5));
        await SaveAsync(database, cards.NewCard(Now.AddSeconds(5), phone: "0671000006"));
        await dispatcher.DispatchAsync(Ct);

        page.WaitForAssertion(() => Assert.Equal("5", Text(page, "wb-intake-today")));
        Assert.Equal(3, loads.Created);
    }

    [Fact]
    public async Task TheMinuteTick_RollsTheDayOverAtKyivMidnight_WithoutAnyEvent()
    {
        // 23:59:30 in Kyiv on 03.03.2026; cards came at 00:00:30 and 23:00 that day.
        var lateEvening = new DateTimeOffset(2026, 3, 3, 21, 59, 30, TimeSpan.Zero);
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await SeedAsync(database, lateEvening);
        await SaveAsync(database, cards.NewCard(new DateTimeOffset(2026, 3, 2, 22, 0, 30, TimeSpan.Zero), phone: "0671000001"), cards.NewCard(new DateTimeOffset(2026, 3, 3, 21, 0, 0, TimeSpan.Zero), phone: "0671000002"));
        var clock = new FakeTimeProvider(lateEvening);
        Provide(database, clock);

        var page = Render<WallboardPage>();

        page.WaitForAssertion(() => Assert.Equal("2", Text(page, "wb-intake-today")));
        Assert.Equal("23:59", Text(page, "wb-clock"));
        Assert.Contains("3 березня 2026", Text(page, "wb-date"));

        clock.Advance(TimeSpan.FromSeconds(30));

        page.WaitForAssertion(() => Assert.Equal("0", Text(page, "wb-intake-today")));
        Assert.Equal("0", Text(page, "wb-intake-yesterday"));
        Assert.Equal("00:00", Text(page, "wb-clock"));
        Assert.Contains("середа, 4 березня 2026", Text(page, "wb-date"));

        // A minute later, yesterday by this time includes the card of 00:00:30.
        clock.Advance(TimeSpan.FromMinutes(1));

        page.WaitForAssertion(() => Assert.Equal("1", Text(page, "wb-intake-yesterday")));
        Assert.Equal("00:01", Text(page, "wb-clock"));
    }

    [Fact]
    public async Task AnExecutorsPerson_IsRefused()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await SeedAsync(database, Now);
        var (_, loads) = Provide(database, new FakeTimeProvider(Now), "ExecutorResponsible", cards.Water.Id);

        var page = Render<WallboardPage>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=forbidden]")));
        Assert.Empty(page.FindAll("[data-testid=wb-intake-today]"));
        Assert.Equal(0, loads.Created);
    }

    private static string Text(IRenderedComponent<WallboardPage> page, string testId) =>
        page.Find($"[data-testid={testId}]").TextContent.Trim();

    private async Task SeedAsync(TestDatabase database, DateTimeOffset now)
    {
        await using var db = database.CreateContext();
        await cards.AddReferenceDataAsync(db);
        db.RepairWorks.Add(RepairWork.RegisterEmergency(cards.WaterStaff, now.AddHours(-1), cards.Water.Id, UtilityService.Water, "Порив водогону", ["вул. Соборна"], now.AddHours(-1), now.AddHours(4)).Value);
        await db.SaveChangesAsync(Ct);
    }

    private async Task SaveAsync(TestDatabase database, params Appeal[] appeals)
    {
        foreach (var appeal in appeals)
        {
            await using var db = database.CreateContext();
            await CardStore.SaveNewAsync(db, appeal, cards.Policy, Ct);
        }
    }

    /// <summary>The page's services; the query's database opens are counted to see how often the page reloads.</summary>
    private (OutboxDispatcher Dispatcher, CountingFactory Loads) Provide(TestDatabase database, TimeProvider clock, string role = "Operator", Guid? executorId = null)
    {
        var loads = new CountingFactory(database.Factory());
        var hub = new ServiceCollection().AddLogging().AddSignalR().Services.BuildServiceProvider().GetRequiredService<IHubContext<CardsHub>>();
        var dispatcher = new OutboxDispatcher(database.Factory(), hub, new ContactCenter.Infrastructure.Events.OutboxSignal(), clock, NullLogger<OutboxDispatcher>.Instance);
        Services.AddLogging();
        Services.AddSingleton(clock);
        Services.AddSingleton(dispatcher);
        Services.AddSingleton(new WallboardQuery(loads, clock));
        Services.AddScoped<CurrentUser>();

        var auth = AddAuthorization();
        auth.SetAuthorized("Тестовий Користувач");
        auth.SetRoles(role);
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, "user-1") };
        if (executorId is { } id)
        {
            claims.Add(new Claim(PortalClaims.ExecutorId, id.ToString()));
        }

        auth.SetClaims([.. claims]);
        return (dispatcher, loads);
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
