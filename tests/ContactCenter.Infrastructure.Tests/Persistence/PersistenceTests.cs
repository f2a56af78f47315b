using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Common;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Infrastructure.Tests.Persistence;

/// <summary>The same behaviour on the embedded default and on a real PostgreSQL server.</summary>
public sealed class PersistenceTests
{
    public static TheoryData<DatabaseProvider> Providers => new() { DatabaseProvider.Sqlite, DatabaseProvider.Postgres };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Migrations_OnAnEmptyDatabase_ApplyAllAndLeaveNothingPending(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();

        var all = db.Database.GetMigrations().ToList();
        var applied = (await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken)).ToList();
        Assert.NotEmpty(all);
        Assert.Equal(all, applied);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await db.Appeals.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await db.Users.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Sqlite_Database_IsInWalMode()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        var mode = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal("wal", Assert.Single(mode));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Card_SavedWithItsHistory_RoundTripsEveryPart(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        var cards = new Cards();
        await using (var db = database.CreateContext())
        {
            await cards.AddReferenceDataAsync(db);
        }

        var card = cards.NewCard();
        var staff = cards.WaterStaff;
        var t = Cards.Now;
        Assert.True(card.TakeIntoWork(staff, t.AddMinutes(5)).IsSuccess);
        Assert.True(card.AssignPerformer(staff, t.AddMinutes(6), new Performer("u-7", "Слюсар Бондар", cards.Water.Id)).IsSuccess);
        Assert.True(card.AddComment(staff, t.AddMinutes(7), "Бригада виїхала", isPublic: true).IsSuccess);
        var photo = card.AddAttachment(staff, t.AddMinutes(8), new AttachmentInfo("акт.jpg", "image/jpeg", 1234, "2026/03/abc.jpg")).Value;
        var request = card.RequestExtension(staff, t.AddMinutes(9), "Потрібна заміна труби", card.DueAt.AddDays(5), [photo]).Value;
        var newDue = card.DueAt.AddDays(5);
        Assert.True(card.ApproveExtension(Cards.Operator, t.AddMinutes(10), request, newDue, "Погоджено").IsSuccess);

        RegistrationNumber number;
        await using (var db = database.CreateContext())
        {
            db.Attach(cards.Problem);
            number = await CardStore.SaveNewAsync(db, card, cards.Policy, ct);
        }

        Assert.Equal("2026-000001", number.ToString());
        await using (var db = database.CreateContext())
        {
            var loaded = await CardStore.LoadAsync(db, number.ToString(), ct);
            Assert.NotNull(loaded);
            Assert.Equal(card.Id, loaded.Id);
            Assert.Equal("Іваненко", loaded.Surname);
            Assert.Equal("+380671234567", loaded.Phone);
            Assert.Equal(AppealStatus.InWork, loaded.Status);
            Assert.Equal(newDue, loaded.DueAt);
            Assert.Equal(card.InitialDueAt, loaded.InitialDueAt);
            Assert.Equal(card.MaxDueAt, loaded.MaxDueAt);
            Assert.Equal(1, loaded.ExtensionCount);
            Assert.Equal(cards.Water.Id, loaded.ExecutorId);
            Assert.Equal(cards.Direction.Id, loaded.DirectionId);
            Assert.Equal(card.Version, loaded.Version);
            Assert.Equal(card.Timeline.Select(e => (e.Kind, e.Text, e.ActorId, e.At, e.OldValue, e.NewValue)), loaded.Timeline.OrderBy(e => e.Ordinal).Select(e => (e.Kind, e.Text, e.ActorId, e.At, e.OldValue, e.NewValue)));
            Assert.Equal("Слюсар Бондар", Assert.Single(loaded.Performers).Name);
            Assert.Equal("акт.jpg", Assert.Single(loaded.Attachments).FileName);
            var savedRequest = Assert.Single(loaded.Requests);
            Assert.Equal(RequestState.Approved, savedRequest.State);
            Assert.Equal([photo], savedRequest.AttachmentIds);
            Assert.Equal(2, loaded.DueDates.Count);
            Assert.Equal(photo, loaded.Timeline.Single(e => e.Kind == TimelineKind.AttachmentAdded).AttachmentId);
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ConcurrentEdit_SecondSave_IsRefusedAndLosesNothing(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        var cards = new Cards();
        string number;
        await using (var db = database.CreateContext())
        {
            await cards.AddReferenceDataAsync(db);
            number = (await CardStore.SaveNewAsync(db, cards.NewCard(), cards.Policy, ct)).ToString();
        }

        await using var first = database.CreateContext();
        await using var second = database.CreateContext();
        var a = (await CardStore.LoadAsync(first, number, ct))!;
        var b = (await CardStore.LoadAsync(second, number, ct))!;
        Assert.True(a.AddComment(Cards.Operator, Cards.Now.AddMinutes(1), "Перший коментар").IsSuccess);
        Assert.True(b.AddComment(cards.WaterStaff, Cards.Now.AddMinutes(2), "Другий коментар").IsSuccess);

        Assert.True((await CardStore.SaveChangesAsync(first, ct)).IsSuccess);
        var conflict = await CardStore.SaveChangesAsync(second, ct);

        Assert.True(conflict.IsFailure);
        Assert.Equal(PersistenceErrors.Conflict, conflict.Error);
        await using var check = database.CreateContext();
        var saved = (await CardStore.LoadAsync(check, number, ct))!;
        Assert.Contains(saved.Timeline, e => e.Text == "Перший коментар");
        Assert.DoesNotContain(saved.Timeline, e => e.Text == "Другий коментар");

        // Told of the conflict, the second user reloads and repeats the action: now it is kept.
        Assert.True(saved.AddComment(cards.WaterStaff, Cards.Now.AddMinutes(3), "Другий коментар").IsSuccess);
        Assert.True((await CardStore.SaveChangesAsync(check, ct)).IsSuccess);
        await using var final = database.CreateContext();
        Assert.Equal(2, (await CardStore.LoadAsync(final, number, ct))!.Timeline.Count(e => e.Kind == TimelineKind.Comment));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ParallelRegistration_GivesUniqueGaplessNumbers(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        const int writers = 24;
        await using var database = await TestDatabase.CreateAsync(provider);
        var cards = new Cards();
        await using (var db = database.CreateContext())
        {
            await cards.AddReferenceDataAsync(db);
        }

        using var start = new SemaphoreSlim(0);
        var tasks = Enumerable.Range(0, writers).Select(i => Task.Run(async () =>
        {
            await start.WaitAsync(ct);
            await using var db = database.CreateContext();
            var card = cards.NewCard(Cards.Now.AddSeconds(i), phone: $"06712{i:D5}");
            return (await CardStore.SaveNewAsync(db, card, cards.Policy, ct)).ToString();
        }, ct)).ToList();
        start.Release(writers);
        var numbers = await Task.WhenAll(tasks);

        Assert.Equal(writers, numbers.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, writers).Select(i => $"2026-{i:D6}").Order(), numbers.Order());
        await using var check = database.CreateContext();
        Assert.Equal(writers, await check.Appeals.CountAsync(ct));
        Assert.Equal(writers, (await check.RegistrationCounters.SingleAsync(ct)).LastSequence);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task RegistrationNumber_TakesTheKyivLocalYear(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        var cards = new Cards();
        await using var db = database.CreateContext();
        await cards.AddReferenceDataAsync(db);

        // 31.12.2026 22:30 UTC is already 01.01.2027 00:30 in Kyiv: the first card of 2027.
        var late = await CardStore.SaveNewAsync(db, cards.NewCard(new DateTimeOffset(2026, 12, 31, 21, 30, 0, TimeSpan.Zero)), cards.Policy, ct);
        var newYear = await CardStore.SaveNewAsync(db, cards.NewCard(new DateTimeOffset(2026, 12, 31, 22, 30, 0, TimeSpan.Zero)), cards.Policy, ct);

        Assert.Equal("2026-000001", late.ToString());
        Assert.Equal("2027-000001", newYear.ToString());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task OpenCardsQuery_ComparesAndOrdersDueDatesInTheDatabase(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        var cards = new Cards();
        await using var db = database.CreateContext();
        await cards.AddReferenceDataAsync(db);
        var early = cards.NewCard(Cards.Now.AddDays(-10));
        var late = cards.NewCard(Cards.Now);
        await CardStore.SaveNewAsync(db, late, cards.Policy, ct);
        await CardStore.SaveNewAsync(db, early, cards.Policy, ct);

        var now = Cards.Now;
        var queue = await db.Appeals.AsNoTracking()
            .Where(a => a.ClosedAt == null && a.ExecutorId == cards.Water.Id)
            .OrderBy(a => a.DueAt)
            .Select(a => new { a.Number, Overdue = a.DueAt < now })
            .ToListAsync(ct);

        Assert.Equal([early.Number, late.Number], queue.Select(q => q.Number));
        Assert.Equal([true, false], queue.Select(q => q.Overdue));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task FailedRegistration_LeavesNoCardAndNoNumberUsed(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        var cards = new Cards();
        await using (var db = database.CreateContext())
        {
            await cards.AddReferenceDataAsync(db);
        }

        // A card whose executor does not exist violates a foreign key at save: the transaction rolls back whole.
        var ghost = new ContactCenter.Domain.Organisation.Executor(Guid.NewGuid(), "Неіснуючий", "Н", ContactCenter.Domain.Organisation.ExecutorKind.Other, Guid.NewGuid(), "—");
        var orphan = Appeal.Register(
            new NewAppeal(Channel.Phone, new Applicant("Іваненко", "Марія", "Петрівна", "вул. Соборна, 1", "0671234567", null), "Суть", "вул. Соборна, 1"),
            cards.Problem, ghost, cards.Policy, ContactCenter.Domain.Intake.IntakeScreen.Open, null, Cards.Operator, Cards.Now).Value;
        await using (var db = database.CreateContext())
        {
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => CardStore.SaveNewAsync(db, orphan, cards.Policy, ct));
        }

        await using (var db = database.CreateContext())
        {
            Assert.Equal(0, await db.Appeals.CountAsync(ct));
            Assert.Equal("2026-000001", (await CardStore.SaveNewAsync(db, cards.NewCard(), cards.Policy, ct)).ToString());
        }
    }
}
