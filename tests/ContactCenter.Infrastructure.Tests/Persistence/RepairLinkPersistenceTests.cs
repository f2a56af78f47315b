using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.RepairWorks;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Infrastructure.Tests.Persistence;

/// <summary>A card linked to repair works (§3.1), on the embedded default and on a real PostgreSQL server.</summary>
public sealed class RepairLinkPersistenceTests
{
    public static TheoryData<DatabaseProvider> Providers => new() { DatabaseProvider.Sqlite, DatabaseProvider.Postgres };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task CardLinkedToRepairWorks_RoundTripsTheLinkAndIsFoundByTheWork(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        var cards = new Cards();
        var work = RepairWork.RegisterEmergency(
            cards.WaterStaff, Cards.Now, cards.Water.Id, UtilityService.Water, "Порив водогону", ["вул. Соборна"], Cards.Now.AddMinutes(-30), Cards.Now.AddHours(6)).Value;
        string number;
        await using (var db = database.CreateContext())
        {
            await cards.AddReferenceDataAsync(db);
            db.RepairWorks.Add(work);
            await db.SaveChangesAsync(ct);
            number = (await CardStore.SaveNewAsync(db, cards.NewCard(), cards.Policy, ct)).ToString();
        }

        var linkedAt = Cards.Now.AddMinutes(10);
        await using (var db = database.CreateContext())
        {
            var card = (await CardStore.LoadAsync(db, number, ct))!;
            Assert.True(card.LinkRepairWork(cards.WaterStaff, linkedAt, work.Id, "Порив водогону").IsSuccess);
            Assert.True((await CardStore.SaveChangesAsync(db, ct)).IsSuccess);
        }

        await using (var db = database.CreateContext())
        {
            var loaded = (await CardStore.LoadAsync(db, number, ct))!;
            var link = Assert.Single(loaded.RepairLinks);
            Assert.Equal(work.Id, link.RepairWorkId);
            Assert.Equal(linkedAt, link.LinkedAt);
            Assert.Equal(cards.WaterStaff.Id, link.LinkedById);
            Assert.Equal(cards.WaterStaff.Name, link.LinkedByName);
            Assert.Contains(loaded.Timeline, e => e.Kind == TimelineKind.RepairWorkLinked);

            // Completing the works asks for the cards linked to them, through the index on the work.
            var linked = await db.Appeals.AsNoTracking()
                .Where(a => a.RepairLinks.Any(l => l.RepairWorkId == work.Id))
                .Select(a => a.Number)
                .ToListAsync(ct);
            Assert.Equal([number], linked);

            Assert.True(loaded.UnlinkRepairWork(Cards.Operator, linkedAt.AddMinutes(5), work.Id, "Порив водогону").IsSuccess);
            Assert.True((await CardStore.SaveChangesAsync(db, ct)).IsSuccess);
        }

        await using var check = database.CreateContext();
        Assert.Empty((await CardStore.LoadAsync(check, number, ct))!.RepairLinks);
        Assert.Equal(0, await check.Set<AppealRepairLink>().CountAsync(ct));
    }
}
