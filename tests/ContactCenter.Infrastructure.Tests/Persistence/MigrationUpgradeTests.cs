using ContactCenter.Domain.Appeals;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ContactCenter.Infrastructure.Tests.Persistence;

/// <summary>Upgrading a database that already holds cards keeps them valid.</summary>
public sealed class MigrationUpgradeTests
{
    public static TheoryData<DatabaseProvider> Providers => new() { DatabaseProvider.Sqlite, DatabaseProvider.Postgres };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task PublicSide_OnADatabaseWithCards_GivesEachCardItsOwnSecret(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        var cards = new Cards();
        await using (var db = database.CreateContext())
        {
            await cards.AddReferenceDataAsync(db);
            await CardStore.SaveNewAsync(db, cards.NewCard(), cards.Policy, ct);
            await CardStore.SaveNewAsync(db, cards.NewCard(Cards.Now.AddHours(1), phone: "0501234567"), cards.Policy, ct);
        }

        await using (var db = database.CreateContext())
        {
            var migrations = db.Database.GetMigrations().ToList();
            var before = migrations[migrations.FindIndex(m => m.EndsWith("_PublicSide", StringComparison.Ordinal)) - 1];
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(before, cancellationToken: ct);
            await migrator.MigrateAsync(cancellationToken: ct);
        }

        await using var check = database.CreateContext();
        var tokens = await check.Appeals.Select(a => a.AccessToken).ToListAsync(ct);
        Assert.Equal(2, tokens.Count);
        Assert.All(tokens, t => Assert.Equal(32, t.Length));
        Assert.Equal(2, tokens.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task DueDateKinds_OnADatabaseWithCards_TellsTheInitialTermAndForwardingFromExtensions(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        var cards = new Cards();
        var plain = cards.NewCard();
        var forwarded = cards.NewCard(Cards.Now.AddHours(1), phone: "0501234567");
        await using (var db = database.CreateContext())
        {
            await cards.AddReferenceDataAsync(db);
            await CardStore.SaveNewAsync(db, plain, cards.Policy, ct);
            await CardStore.SaveNewAsync(db, forwarded, cards.Policy, ct);
        }

        await using (var db = database.CreateContext())
        {
            var card = await db.Appeals.Include(a => a.DueDates).SingleAsync(a => a.Id == forwarded.Id, ct);
            Assert.True(card.MarkOutsideCompetence(Cards.Operator, Cards.Now.AddHours(2), cards.Policy, "Належить до компетенції ОВА").IsSuccess);
            await db.SaveChangesAsync(ct);
        }

        await using (var db = database.CreateContext())
        {
            var migrations = db.Database.GetMigrations().ToList();
            var before = migrations[migrations.FindIndex(m => m.EndsWith("_DueDateKinds", StringComparison.Ordinal)) - 1];
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(before, cancellationToken: ct);

            // An extension approved before the kind was kept: a later due date with the extension's reason.
            await db.Database.ExecuteSqlAsync(
                $"""INSERT INTO "AppealDueDates" ("Id", "ChangedAt", "DueAt", "Reason", "AppealId") VALUES ({Guid.NewGuid()}, {Cards.Now.AddDays(3).UtcDateTime}, {Cards.Now.AddDays(20).UtcDateTime}, {"Надано додатковий контроль: заміна труби"}, {plain.Id})""",
                ct);
            await migrator.MigrateAsync(cancellationToken: ct);
        }

        await using var check = database.CreateContext();
        var kinds = await check.Appeals.AsNoTracking()
            .Select(a => new { a.Id, Kinds = a.DueDates.OrderBy(d => d.ChangedAt).Select(d => d.Kind).ToList() })
            .ToDictionaryAsync(a => a.Id, a => a.Kinds, ct);
        Assert.Equal([DueDateChangeKind.Initial, DueDateChangeKind.Extension], kinds[plain.Id]);
        Assert.Equal([DueDateChangeKind.Initial, DueDateChangeKind.Forwarding], kinds[forwarded.Id]);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ClosureVerdicts_OnADatabaseWithCards_JudgesEachClosureByTheDueDateInForceThen(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        var cards = new Cards();
        var onTime = cards.NewCard(Cards.Now, phone: "0501000001");
        var late = cards.NewCard(Cards.Now.AddMinutes(1), phone: "0501000002");
        var extended = cards.NewCard(Cards.Now.AddMinutes(2), phone: "0501000003");
        var open = cards.NewCard(Cards.Now.AddMinutes(3), phone: "0501000004");
        await using (var db = database.CreateContext())
        {
            await cards.AddReferenceDataAsync(db);
            foreach (var card in new[] { onTime, late, extended, open })
            {
                await CardStore.SaveNewAsync(db, card, cards.Policy, ct);
            }
        }

        DateTimeOffset lateAt;
        await using (var db = database.CreateContext())
        {
            var saved = await db.Appeals.Include(a => a.DueDates).Include(a => a.Timeline).Where(a => a.Id != open.Id).ToDictionaryAsync(a => a.Id, ct);
            lateAt = saved[late.Id].DueAt.AddHours(1);
            Assert.True(saved[onTime.Id].LeaveWithoutConsideration(Cards.Operator, Cards.Now.AddHours(1), "Заклики до ворожнечі").IsSuccess);
            Assert.True(saved[late.Id].LeaveWithoutConsideration(Cards.Operator, lateAt, "Заклики до ворожнечі").IsSuccess);
            Assert.True(saved[extended.Id].LeaveWithoutConsideration(Cards.Operator, lateAt, "Заклики до ворожнечі").IsSuccess);
            await db.SaveChangesAsync(ct);
        }

        await using (var db = database.CreateContext())
        {
            var migrations = db.Database.GetMigrations().ToList();
            var before = migrations[migrations.FindIndex(m => m.EndsWith("_ClosureVerdicts", StringComparison.Ordinal)) - 1];
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(before, cancellationToken: ct);

            // The history says more than the card's own due date: an extension approved before the closure makes the
            // third card's closure on time; a change recorded after the first card's closure does not make it late.
            await db.Database.ExecuteSqlAsync(
                $"""INSERT INTO "AppealDueDates" ("Id", "ChangedAt", "DueAt", "Kind", "Reason", "AppealId") VALUES ({Guid.NewGuid()}, {lateAt.AddHours(-2).UtcDateTime}, {lateAt.AddDays(3).UtcDateTime}, {"Extension"}, {"Надано додатковий контроль"}, {extended.Id})""",
                ct);
            await db.Database.ExecuteSqlAsync(
                $"""INSERT INTO "AppealDueDates" ("Id", "ChangedAt", "DueAt", "Kind", "Reason", "AppealId") VALUES ({Guid.NewGuid()}, {Cards.Now.AddHours(2).UtcDateTime}, {Cards.Now.AddMinutes(30).UtcDateTime}, {"Extension"}, {"Запис після закриття"}, {onTime.Id})""",
                ct);
            await migrator.MigrateAsync(cancellationToken: ct);
        }

        await using var check = database.CreateContext();
        var verdicts = await check.Appeals.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.ClosedOnTime, ct);
        Assert.True(verdicts[onTime.Id]);
        Assert.False(verdicts[late.Id]);
        Assert.True(verdicts[extended.Id]);
        Assert.Null(verdicts[open.Id]);
    }
}
