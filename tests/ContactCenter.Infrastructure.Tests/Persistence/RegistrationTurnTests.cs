using System.Data.Common;
using ContactCenter.Domain.Appeals;
using ContactCenter.Infrastructure.Mail;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ContactCenter.Infrastructure.Tests.Persistence;

/// <summary>
/// Registrations on one database are written in turns: the cards that arrive while one turn is written go together in
/// the next, with gapless numbers (§2.2), each caller answered after the commit that holds its card.
/// </summary>
public sealed class RegistrationTurnTests
{
    public static TheoryData<DatabaseProvider> Providers => new() { DatabaseProvider.Sqlite, DatabaseProvider.Postgres };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task CardsArrivingDuringATurn_AreWrittenTogetherInTheNext_OneTransactionGaplessNumbers(DatabaseProvider provider)
    {
        var (database, cards) = await DatabaseAsync(provider);
        await using var dropped = database;
        var phones = Enumerable.Range(0, 8).Select(i => $"05010000{i:00}").ToList();
        var (recorder, first) = await OpenTurnAsync(database, cards, phones[0]);

        // Seven more arrive while the first turn's transaction is open, each with a letter to go in its transaction.
        var others = phones.Skip(1).Select(phone => Register(database, recorder, cards, phone, letter: true)).ToList();
        await WaitUntilAsync(database, others.Count);
        recorder.ReleaseFirst();
        var numbers = await Task.WhenAll([first, .. others]);

        // Two transactions: the first card's, then the seven together — none of them asked for one of its own.
        Assert.Equal(["ask", "begin", "commit", "ask", "begin", "commit"], recorder.Steps);
        Assert.Equal(Enumerable.Range(1, 8).Select(n => $"2026-{n:000000}").Order(), numbers.Order());

        // Each caller was told its own card's number; each card's letter was written with it.
        await using var check = database.CreateContext();
        var saved = await check.Appeals.AsNoTracking().Select(a => new { a.Number, a.Phone }).ToListAsync(Ct);
        Assert.Equal(phones.Zip(numbers).Select(p => (Stored(p.First), p.Second)).OrderBy(p => p.Second), saved.Select(s => (s.Phone!, s.Number!)).OrderBy(s => s.Item2));
        Assert.Equal(numbers.Skip(1).Order(), (await check.OutgoingMails.AsNoTracking().Select(m => m.Subject).ToListAsync(Ct)).Order());
        Assert.Equal(8L, await Counter(check));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ACardTheDatabaseRefuses_FailsAlone_TheOthersOfItsTurnAreRegisteredWithGaplessNumbers(DatabaseProvider provider)
    {
        var (database, cards) = await DatabaseAsync(provider);
        await using var dropped = database;
        var (recorder, first) = await OpenTurnAsync(database, cards, "0501000000");

        // A card whose executor does not exist violates a foreign key, in the middle of the next turn.
        var orphan = Orphan(cards);
        var before = Register(database, recorder, cards, "0501000001");
        await WaitUntilAsync(database, 1);
        var refused = Save(database, recorder, cards, orphan);
        await WaitUntilAsync(database, 2);
        var after = Register(database, recorder, cards, "0501000002");
        await WaitUntilAsync(database, 3);
        recorder.ReleaseFirst();

        await Assert.ThrowsAnyAsync<DbUpdateException>(() => refused);
        Assert.Equal(["2026-000001", "2026-000002", "2026-000003"], new[] { await first, await before, await after });
        Assert.Null(orphan.Number);

        await using var check = database.CreateContext();
        Assert.Equal(["+380501000000", "+380501000001", "+380501000002"], await check.Appeals.AsNoTracking().OrderBy(a => a.NumberSequence).Select(a => a.Phone!).ToListAsync(Ct));
        Assert.Equal(3L, await Counter(check));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ACallerToldToLeadTheNextTurn_WhoseOwnCardIsRefused_IsToldSo_AndGetsNoNumber(DatabaseProvider provider)
    {
        var (database, cards) = await DatabaseAsync(provider);
        await using var dropped = database;
        var (recorder, first) = await OpenTurnAsync(database, cards, "0501000000");

        // The refused card waits first, so its caller leads the next turn, and the database refuses its card there.
        var orphan = Orphan(cards);
        var refused = Save(database, recorder, cards, orphan);
        await WaitUntilAsync(database, 1);
        recorder.ReleaseFirst();

        Assert.Equal("2026-000001", await first);
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => refused);
        Assert.Null(orphan.Number);
        await using var check = database.CreateContext();
        Assert.Equal(1L, await Counter(check));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ATurnWhoseCommitFails_TellsEachOfItsCallers_AndWritesNoCardWithoutItsLiveEvent(DatabaseProvider provider)
    {
        var (database, cards) = await DatabaseAsync(provider);
        await using var dropped = database;
        var (recorder, first) = await OpenTurnAsync(database, cards, "0501000000");

        // The next turn saves its two cards and then loses its commit (as when the database goes away at that moment).
        recorder.FailCommit = 2;
        var second = Register(database, recorder, cards, "0501000001");
        await WaitUntilAsync(database, 1);
        var third = Register(database, recorder, cards, "0501000002");
        await WaitUntilAsync(database, 2);
        recorder.ReleaseFirst();

        Assert.Equal("2026-000001", await first);
        await Assert.ThrowsAsync<IOException>(() => second);
        await Assert.ThrowsAsync<IOException>(() => third);
        await using var check = database.CreateContext();
        Assert.Equal(["+380501000000"], await check.Appeals.AsNoTracking().Select(a => a.Phone!).ToListAsync(Ct));
        Assert.Equal(1L, await Counter(check));
        Assert.Equal(1, await check.OutboxEvents.AsNoTracking().Select(e => e.AppealId).Distinct().CountAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ACallerThatGivesUpWhileWaiting_IsNotRegistered_AndTakesNoNumber(DatabaseProvider provider)
    {
        var (database, cards) = await DatabaseAsync(provider);
        await using var dropped = database;
        var (recorder, first) = await OpenTurnAsync(database, cards, "0501000000");
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var abandoned = cards.NewCard(phone: "0501000001");
        var waiting = Save(database, recorder, cards, abandoned, giveUp.Token);
        var next = Register(database, recorder, cards, "0501000002");
        await WaitUntilAsync(database, 2);

        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        recorder.ReleaseFirst();

        Assert.Equal("2026-000001", await first);
        Assert.Equal("2026-000002", await next);
        Assert.Null(abandoned.Number);
        await using var check = database.CreateContext();
        Assert.Equal(["+380501000000", "+380501000002"], await check.Appeals.AsNoTracking().OrderBy(a => a.NumberSequence).Select(a => a.Phone!).ToListAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ATurnAcrossKyivsNewYear_NumbersEachCardInItsOwnYear_InTheOrderTheyCame(DatabaseProvider provider)
    {
        var (database, cards) = await DatabaseAsync(provider);
        await using var dropped = database;
        var (recorder, first) = await OpenTurnAsync(database, cards, "0501000000");

        // §2.2: the number's year is the Kyiv-local year of registration. 31.12.2026 21:30 UTC is 23:30 in Kyiv; 22:30 UTC
        // is already 00:30 on 01.01.2027. The three wait for the same turn.
        var lastOf2026 = Register(database, recorder, cards, "0501000001", at: new DateTimeOffset(2026, 12, 31, 21, 30, 0, TimeSpan.Zero));
        await WaitUntilAsync(database, 1);
        var firstOf2027 = Register(database, recorder, cards, "0501000002", at: new DateTimeOffset(2026, 12, 31, 22, 30, 0, TimeSpan.Zero));
        await WaitUntilAsync(database, 2);
        var alsoOf2026 = Register(database, recorder, cards, "0501000003", at: new DateTimeOffset(2026, 12, 31, 21, 45, 0, TimeSpan.Zero));
        await WaitUntilAsync(database, 3);
        recorder.ReleaseFirst();

        Assert.Equal("2026-000001", await first);
        Assert.Equal(["2026-000002", "2027-000001", "2026-000003"], new[] { await lastOf2026, await firstOf2027, await alsoOf2026 });
        Assert.Equal(["ask", "begin", "commit", "ask", "begin", "commit"], recorder.Steps);
    }

    /// <summary>A card whose executor does not exist: the database refuses it (a foreign key) when it is written.</summary>
    private static Appeal Orphan(Cards cards)
    {
        var ghost = new Domain.Organisation.Executor(Guid.NewGuid(), "Неіснуючий", "Н", Domain.Organisation.ExecutorKind.Other, Guid.NewGuid(), "—");
        return Appeal.Register(
            new NewAppeal(Channel.Phone, new Applicant("Іваненко", "Марія", "Петрівна", "вул. Соборна, 1", "0679999999", null), "Суть", "вул. Соборна, 1"),
            cards.Problem, ghost, cards.Policy, Domain.Intake.IntakeScreen.Open, null, Cards.Operator, Cards.Now).Value;
    }

    /// <summary>A new database with the reference data the cards need.</summary>
    private static async Task<(TestDatabase Database, Cards Cards)> DatabaseAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var cards = new Cards();
        await using var db = database.CreateContext();
        await cards.AddReferenceDataAsync(db);
        return (database, cards);
    }

    /// <summary>Starts a registration and holds its turn's transaction open until the recorder releases it.</summary>
    private static async Task<(TransactionRecorder Recorder, Task<string> First)> OpenTurnAsync(TestDatabase database, Cards cards, string phone)
    {
        var recorder = new TransactionRecorder();
        var first = Register(database, recorder, cards, phone);
        await recorder.FirstBegun.WaitAsync(Ct);
        return (recorder, first);
    }

    private static Task<string> Register(TestDatabase database, TransactionRecorder recorder, Cards cards, string phone, bool letter = false, DateTimeOffset? at = null) =>
        Save(database, recorder, cards, cards.NewCard(at, phone: phone), letter: letter);

    /// <summary>Saves a card from a context of its own, as each caller of the portal does; its registration number.</summary>
    private static Task<string> Save(TestDatabase database, TransactionRecorder recorder, Cards cards, Appeal card, CancellationToken? cancellationToken = null, bool letter = false) => Task.Run(async () =>
    {
        await using var db = database.CreateContext(recorder);
        var number = await CardStore.SaveNewAsync(db, card, cards.Policy, cancellationToken ?? Ct, alongside: letter ? c => Letter(c) : null);
        return number.ToString();
    }, Ct);

    /// <summary>A phone as the card keeps it (normalised to +380…).</summary>
    private static string Stored(string phone) => "+38" + phone;

    private static OutgoingMail Letter(Appeal card) =>
        OutgoingMail.Create("applicant@example.com", card.Number!, "Ваше звернення зареєстровано", "registered", card.Number, Cards.Now);

    private static async Task<long> Counter(ContactCenterDbContext db) =>
        await db.Database.SqlQueryRaw<long>("""SELECT "LastSequence" AS "Value" FROM "RegistrationCounters" WHERE "Year" = 2026""").SingleAsync(Ct);

    /// <summary>Until <paramref name="count"/> registrations wait behind the open turn.</summary>
    private static async Task WaitUntilAsync(TestDatabase database, int count)
    {
        await using var db = database.CreateContext();
        for (var i = 0; i < 3_000 && CardStore.WaitingRegistrations(db) < count; i++)
        {
            await Task.Delay(10, Ct);
        }

        Assert.Equal(count, CardStore.WaitingRegistrations(db));
    }

    /// <summary>Records transactions asked for, started and committed; holds the first one open until released.</summary>
    private sealed class TransactionRecorder : DbTransactionInterceptor
    {
        private readonly List<string> steps = [];
        private int commits;
        private readonly TaskCompletionSource firstBegun = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task FirstBegun => firstBegun.Task;

        /// <summary>The commit (counted from 1) that fails, as if the connection were lost at that moment; 0: none.</summary>
        public int FailCommit { get; set; }

        public void ReleaseFirst() => release.TrySetResult();

        public IReadOnlyList<string> Steps
        {
            get
            {
                lock (steps)
                {
                    return [.. steps];
                }
            }
        }

        public override ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
        {
            Note("ask");
            return ValueTask.FromResult(result);
        }

        public override async ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
        {
            if (Note("begin") == 2)
            {
                firstBegun.TrySetResult();
                await release.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            }

            return result;
        }

        public override ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            lock (steps)
            {
                if (++commits == FailCommit)
                {
                    throw new IOException("The connection was lost at the commit.");
                }
            }

            return ValueTask.FromResult(result);
        }

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Note("commit");
            return Task.CompletedTask;
        }

        private int Note(string step)
        {
            lock (steps)
            {
                steps.Add(step);
                return steps.Count;
            }
        }
    }
}
