using ContactCenter.Domain.Appeals;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Infrastructure.Tests.Support;
using ContactCenter.Portal.Realtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Portal.Tests.Realtime;

public sealed class OverdueWatcherTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<DatabaseProvider> Providers => new() { DatabaseProvider.Sqlite, DatabaseProvider.Postgres };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AsTheDueDatePasses_TheCardIsMarkedOnce_AndTheChangeGoesToTheOutbox(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var cards = new Cards();
        var card = cards.NewCard();
        var inSer = cards.NewCard(phone: "0501234567");
        var proof = inSer.AddAttachment(cards.WaterStaff, Cards.Now.AddMinutes(1), new AttachmentInfo("кошторис.pdf", "application/pdf", 10, "k.pdf")).Value;
        var request = inSer.RequestPlanInclusion(cards.WaterStaff, Cards.Now.AddMinutes(2), "Потрібне бюджетне фінансування", [proof]).Value;
        inSer.ApprovePlanInclusion(Cards.Operator, Cards.Now.AddMinutes(3), request, "Програма розвитку водопостачання 2027", "Погоджено");
        await using (var db = database.CreateContext())
        {
            await cards.AddReferenceDataAsync(db);
            await CardStore.SaveNewAsync(db, card, cards.Policy, Ct);
            await CardStore.SaveNewAsync(db, inSer, cards.Policy, Ct);
        }

        var clock = new FakeTimeProvider(card.DueAt.AddSeconds(-1));
        var watcher = new OverdueWatcher(database.Factory(), clock, NullLogger<OverdueWatcher>.Instance);

        var before = await watcher.MarkAsync(Ct);
        clock.SetUtcNow(card.DueAt.AddSeconds(1));
        var atDue = await watcher.MarkAsync(Ct);
        var again = await watcher.MarkAsync(Ct);

        Assert.Equal(0, before);
        Assert.Equal(1, atDue);
        Assert.Equal(0, again);
        await using var check = database.CreateContext();
        var marked = await CardStore.LoadAsync(check, card.Number!, Ct);
        Assert.Equal(card.DueAt.AddSeconds(1), marked!.OverdueMarkedAt);
        Assert.Equal(TimelineKind.Overdue, marked.Timeline.OrderBy(e => e.Ordinal).Last().Kind);
        var overdueEvents = await check.OutboxEvents.Where(e => e.Kind == "Overdue").ToListAsync(Ct);
        Assert.Equal([card.Number], overdueEvents.Select(e => e.RegistrationNumber));
    }
}
