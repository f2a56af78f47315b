using ContactCenter.Infrastructure.Events;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Infrastructure.Tests.Persistence;

/// <summary>
/// The outbox reader is woken by a save on this instance only once the events are committed: woken earlier, it would
/// find nothing (or a gap it must wait out) and the card would reach screens a poll later.
/// </summary>
public sealed class OutboxSignalTests
{
    public static TheoryData<DatabaseProvider> Providers => new() { DatabaseProvider.Sqlite, DatabaseProvider.Postgres };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Only guards against a hang; no timing is asserted (the fake clock never reaches the wait's own timeout).
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ARegistration_WakesTheReaderOnCommit_NotOnTheSaveInsideItsTransaction(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var cards = new Cards();
        await using (var setup = database.CreateContext())
        {
            await cards.AddReferenceDataAsync(setup);
        }

        var signal = new OutboxSignal();
        var clock = new FakeTimeProvider(Cards.Now);
        await using var db = database.CreateContext(signal);
        await using var transaction = await db.Database.BeginTransactionAsync(Ct);
        var number = (await RegistrationNumbers.TakeAsync(db, 2026, 1, Ct))[0];
        var card = cards.NewCard();
        Assert.True(card.AssignNumber(number).IsSuccess);
        db.Appeals.Add(card);

        var wait = signal.WaitAsync(TimeSpan.FromSeconds(1), clock, Ct);
        await db.SaveChangesAsync(Ct);
        Assert.False(wait.IsCompleted);

        await transaction.CommitAsync(Ct);
        Assert.True(await wait.WaitAsync(Guard, Ct));
        await using var check = database.CreateContext();
        Assert.Equal(1, await check.OutboxEvents.CountAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AChangeSavedWithoutATransaction_WakesTheReader(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var cards = new Cards();
        string number;
        await using (var setup = database.CreateContext())
        {
            await cards.AddReferenceDataAsync(setup);
            number = (await CardStore.SaveNewAsync(setup, cards.NewCard(), cards.Policy, Ct)).ToString();
        }

        var signal = new OutboxSignal();
        var clock = new FakeTimeProvider(Cards.Now);
        await using var db = database.CreateContext(signal);
        var card = (await CardStore.LoadAsync(db, number, Ct))!;
        card.AddComment(cards.WaterStaff, Cards.Now.AddMinutes(6), "Бригада виїхала");
        var wait = signal.WaitAsync(TimeSpan.FromSeconds(1), clock, Ct);
        Assert.True((await CardStore.SaveChangesAsync(db, Ct)).IsSuccess);
        Assert.True(await wait.WaitAsync(Guard, Ct));
    }

    [Fact]
    public async Task WithoutANotification_TheWaitEndsWhenItsTimeoutPassesOnTheClock()
    {
        var signal = new OutboxSignal();
        var clock = new FakeTimeProvider(Cards.Now);
        var wait = signal.WaitAsync(TimeSpan.FromMilliseconds(200), clock, Ct);
        clock.Advance(TimeSpan.FromMilliseconds(199));
        Assert.False(wait.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.False(await wait.WaitAsync(Guard, Ct));
    }

    [Fact]
    public async Task NotificationsBeforeAWait_CountAsOne()
    {
        var signal = new OutboxSignal();
        var clock = new FakeTimeProvider(Cards.Now);
        signal.Notify();
        signal.Notify();
        Assert.True(await signal.WaitAsync(TimeSpan.FromSeconds(1), clock, Ct).WaitAsync(Guard, Ct));
        var second = signal.WaitAsync(TimeSpan.FromSeconds(1), clock, Ct);
        Assert.False(second.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(await second.WaitAsync(Guard, Ct));
    }
}
