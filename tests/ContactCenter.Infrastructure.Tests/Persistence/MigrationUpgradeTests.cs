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
}
