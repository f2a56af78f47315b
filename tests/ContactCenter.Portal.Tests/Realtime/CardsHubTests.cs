using ContactCenter.Domain.Appeals;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Infrastructure.Tests.Support;
using ContactCenter.Portal.Features.Intake;
using ContactCenter.Portal.Realtime;
using ContactCenter.Portal.Tests.Hosting;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Portal.Tests.Realtime;

/// <summary>A real SignalR client, signed in by the portal's cookie, against the portal on Kestrel at a loopback port.</summary>
public sealed class CardsHubTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ANewCard_ReachesASignedInHubClient_AndCatchUpReplaysItInOrder()
    {
        await using var factory = PortalFactory.OnLoopback(PortalFactory.SqliteSettings());
        var baseUrl = factory.BaseUrl;
        var cards = new Cards();
        await using (var db = await factory.Services.GetRequiredService<IDbContextFactory<ContactCenterDbContext>>().CreateDbContextAsync(Ct))
        {
            await cards.AddReferenceDataAsync(db);
        }

        var cookies = await factory.SignInAsync(cancellationToken: Ct);
        var received = new TaskCompletionSource<CardEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var connection = new HubConnectionBuilder()
            .WithUrl(baseUrl + CardsHub.Path, o => o.Cookies = cookies)
            .Build();
        connection.On<CardEvent>(CardsHub.CardChanged, e =>
        {
            if (e.Kind == "Registered")
            {
                received.TrySetResult(e);
            }
        });
        await connection.StartAsync(Ct);

        // Let the dispatcher take its starting point before the card is saved.
        await factory.Services.GetRequiredService<OutboxDispatcher>().DispatchAsync(Ct);
        var register = factory.Services.GetRequiredService<RegisterAppeal>();
        var result = await register.HandleAsync(
            new RegisterAppealCommand(new NewAppeal(Channel.Phone, new Applicant("Іваненко", "Марія", "Петрівна", "вул. Соборна, 1", "0671234567", null), "Немає води", "вул. Соборна, 1"), cards.Problem.Id),
            Cards.Operator,
            Ct);

        var change = await received.Task.WaitAsync(TimeSpan.FromSeconds(20), Ct);
        Assert.Equal(result.RegistrationNumber, change.RegistrationNumber);
        Assert.Equal(cards.Water.Id, change.ExecutorId);
        Assert.True(change.Sequence > 0);

        var replay = await connection.InvokeAsync<IReadOnlyList<CardEvent>>(nameof(CardsHub.CatchUp), 0L, Ct);
        Assert.Contains(replay, e => e.Sequence == change.Sequence && e.RegistrationNumber == change.RegistrationNumber);
        Assert.Equal(replay.Select(e => e.Sequence).Order(), replay.Select(e => e.Sequence));
        Assert.Empty(await connection.InvokeAsync<IReadOnlyList<CardEvent>>(nameof(CardsHub.CatchUp), change.Sequence, Ct));
    }

    [Fact]
    public async Task AClientThatWasAway_CatchesUpEveryMissedEvent_ExactlyOnce_InOrder()
    {
        await using var factory = PortalFactory.OnLoopback(PortalFactory.SqliteSettings());
        var baseUrl = factory.BaseUrl;
        var dbFactory = factory.Services.GetRequiredService<IDbContextFactory<ContactCenterDbContext>>();
        var cards = new Cards();
        await using (var db = await dbFactory.CreateDbContextAsync(Ct))
        {
            await cards.AddReferenceDataAsync(db);
        }

        var cookies = await factory.SignInAsync(cancellationToken: Ct);
        var register = factory.Services.GetRequiredService<RegisterAppeal>();
        async Task<string> RegisterAsync(string phone) => (await register.HandleAsync(
            new RegisterAppealCommand(new NewAppeal(Channel.Phone, new Applicant("Іваненко", "Марія", "Петрівна", "вул. Соборна, 1", phone, null), "Немає води", "вул. Соборна, 1"), cards.Problem.Id),
            Cards.Operator,
            Ct)).RegistrationNumber!;

        var seen = new List<CardEvent>();
        var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var connection = new HubConnectionBuilder().WithUrl(baseUrl + CardsHub.Path, o => o.Cookies = cookies).Build();
        connection.On<CardEvent>(CardsHub.CardChanged, e =>
        {
            lock (seen)
            {
                seen.Add(e);
            }

            first.TrySetResult();
        });
        await connection.StartAsync(Ct);
        await factory.Services.GetRequiredService<OutboxDispatcher>().DispatchAsync(Ct);
        await RegisterAsync("0671230001");
        await first.Task.WaitAsync(TimeSpan.FromSeconds(20), Ct);
        long lastSeen;
        lock (seen)
        {
            lastSeen = seen.Max(e => e.Sequence);
        }

        // Away: the connection is gone while three cards are registered and one is commented.
        await connection.StopAsync(Ct);
        var missed = new[] { await RegisterAsync("0671230002"), await RegisterAsync("0671230003"), await RegisterAsync("0671230004") };
        await using (var db = await dbFactory.CreateDbContextAsync(Ct))
        {
            var card = (await CardStore.LoadAsync(db, missed[0], Ct))!;
            Assert.True(card.AddComment(cards.WaterStaff, Cards.Now.AddMinutes(1), "Бригада виїхала").IsSuccess);
            Assert.True((await CardStore.SaveChangesAsync(db, Ct)).IsSuccess);
        }

        await using var back = new HubConnectionBuilder().WithUrl(baseUrl + CardsHub.Path, o => o.Cookies = cookies).Build();
        await back.StartAsync(Ct);
        var replay = await back.InvokeAsync<IReadOnlyList<CardEvent>>(nameof(CardsHub.CatchUp), lastSeen, Ct);

        List<long> expected;
        await using (var db = await dbFactory.CreateDbContextAsync(Ct))
        {
            expected = await db.OutboxEvents.Where(e => e.Sequence > lastSeen).OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync(Ct);
        }

        Assert.Equal(4, expected.Count);
        Assert.Equal(expected, replay.Select(e => e.Sequence));
        Assert.Equal([.. missed, missed[0]], replay.Select(e => e.RegistrationNumber));
        Assert.Equal(["Registered", "Registered", "Registered", "Commented"], replay.Select(e => e.Kind));
        await connection.DisposeAsync();
    }

    [Fact]
    public async Task AnAnonymousClient_CannotConnect()
    {
        await using var factory = PortalFactory.OnLoopback(PortalFactory.SqliteSettings());
        await using var connection = new HubConnectionBuilder().WithUrl(factory.BaseUrl + CardsHub.Path).Build();

        await Assert.ThrowsAnyAsync<Exception>(() => connection.StartAsync(Ct));
    }
}
