using ContactCenter.Domain.Appeals;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Infrastructure.Tests.Persistence;

/// <summary>Design decision 6: a card's change and its live events are committed together, or not at all.</summary>
public sealed class OutboxTests
{
    public static TheoryData<DatabaseProvider> Providers => new() { DatabaseProvider.Sqlite, DatabaseProvider.Postgres };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SavingACard_WritesItsEventsInOrder_WithItsNumber(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var cards = new Cards();
        string number;
        await using (var db = database.CreateContext())
        {
            await cards.AddReferenceDataAsync(db);
            number = (await CardStore.SaveNewAsync(db, cards.NewCard(), cards.Policy, Ct)).ToString();
        }

        await using (var db = database.CreateContext())
        {
            var card = (await CardStore.LoadAsync(db, number, Ct))!;
            card.TakeIntoWork(cards.WaterStaff, Cards.Now.AddMinutes(5));
            card.AddComment(cards.WaterStaff, Cards.Now.AddMinutes(6), "Бригада виїхала");
            Assert.True((await CardStore.SaveChangesAsync(db, Ct)).IsSuccess);
            Assert.Empty(card.DomainEvents);
        }

        await using var check = database.CreateContext();
        var events = await check.OutboxEvents.OrderBy(e => e.Sequence).ToListAsync(Ct);
        Assert.Equal(["Registered", "StatusChanged", "Commented"], events.Select(e => e.Kind));
        Assert.All(events, e => Assert.Equal(number, e.RegistrationNumber));
        Assert.All(events, e => Assert.Equal(cards.Water.Id, e.ExecutorId));
        Assert.All(events, e => Assert.Equal(cards.Direction.Id, e.DirectionId));
        Assert.True(events.Zip(events.Skip(1)).All(p => p.First.Sequence < p.Second.Sequence));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AFailedSave_WritesNoEvent(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var cards = new Cards();
        string number;
        await using (var db = database.CreateContext())
        {
            await cards.AddReferenceDataAsync(db);
            number = (await CardStore.SaveNewAsync(db, cards.NewCard(), cards.Policy, Ct)).ToString();
        }

        await using var first = database.CreateContext();
        await using var second = database.CreateContext();
        var a = (await CardStore.LoadAsync(first, number, Ct))!;
        var b = (await CardStore.LoadAsync(second, number, Ct))!;
        a.AddComment(Cards.Operator, Cards.Now.AddMinutes(1), "Перший");
        b.AddComment(cards.WaterStaff, Cards.Now.AddMinutes(2), "Другий");
        Assert.True((await CardStore.SaveChangesAsync(first, Ct)).IsSuccess);
        Assert.True((await CardStore.SaveChangesAsync(second, Ct)).IsFailure);

        // A registration that fails (an executor that does not exist) leaves no event either.
        var ghost = new ContactCenter.Domain.Organisation.Executor(Guid.NewGuid(), "Неіснуючий", "Н", ContactCenter.Domain.Organisation.ExecutorKind.Other, cards.Direction.Id, "—");
        var orphan = Appeal.Register(
            new NewAppeal(Channel.Phone, new Applicant("Іваненко", "Марія", "Петрівна", "вул. Соборна, 1", "0671234567", null), "Суть", "вул. Соборна, 1"),
            cards.Problem, ghost, cards.Policy, ContactCenter.Domain.Intake.IntakeScreen.Open, null, Cards.Operator, Cards.Now).Value;
        await using (var db = database.CreateContext())
        {
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => CardStore.SaveNewAsync(db, orphan, cards.Policy, Ct));
        }

        await using var check = database.CreateContext();
        Assert.Equal(["Registered", "Commented"], await check.OutboxEvents.OrderBy(e => e.Sequence).Select(e => e.Kind).ToListAsync(Ct));
    }
}
