using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Infrastructure.Tests.Persistence;

/// <summary>How a writer on a SQLite file waits for another one.</summary>
public sealed class SqliteWriterTests
{
    [Fact]
    public async Task PortalConnections_LetSqliteWaitForTheWriteLockUpToTheDefaultTimeout()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);

        // The portal's own configuration, as DependencyInjection builds it.
        var options = new DatabaseOptions(DatabaseProvider.Sqlite, database.ConnectionString + ";Default Timeout=45");
        var builder = new DbContextOptionsBuilder<SqliteContactCenterDbContext>();
        options.Configure(builder);
        await using var db = new SqliteContactCenterDbContext(builder.Options);
        await db.Database.OpenConnectionAsync(ct);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA busy_timeout;";

        Assert.Equal(45_000L, Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task RegistrationsOnOneFile_TakeTurnsInTheOrderTheyCame_EachTransactionWhole()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var cards = new Cards();
        await using (var db = database.CreateContext())
        {
            await cards.AddReferenceDataAsync(db);
        }

        // The first transaction stays open until every registration has asked to save, and a little longer: time for the
        // others to start theirs, if anything let them.
        var entered = 0;
        var recorder = new TransactionRecorder(async () =>
        {
            for (var i = 0; i < 500 && Volatile.Read(ref entered) < 8; i++)
            {
                await Task.Delay(10, ct);
            }

            await Task.Delay(200, ct);
        });
        var numbers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            await using var db = database.CreateContext(recorder);
            var card = cards.NewCard(Cards.Now.AddMinutes(i), phone: $"05010000{i:00}");
            Interlocked.Increment(ref entered);
            return (await CardStore.SaveNewAsync(db, card, cards.Policy, ct)).ToString();
        }, ct)));

        // SQLite has one writer at a time; the registrations wait for it in the process, in turn, instead of each asking
        // the file for its lock and retrying on its own (which leaves some of them waiting for seconds while later ones
        // get through): none asks for a transaction before the one before it has committed.
        Assert.Equal(Enumerable.Range(0, 8).SelectMany(_ => new[] { "ask", "begin", "commit" }), recorder.Steps);
        Assert.Equal(8, numbers.Distinct().Count());
    }

    /// <summary>Records transactions asked for, started and committed; holds the first one open for as long as <paramref name="holdFirst"/> takes.</summary>
    private sealed class TransactionRecorder(Func<Task> holdFirst) : Microsoft.EntityFrameworkCore.Diagnostics.DbTransactionInterceptor
    {
        private readonly List<string> steps = [];

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

        public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbTransaction>> TransactionStartingAsync(
            System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.TransactionStartingEventData eventData, Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbTransaction> result, CancellationToken cancellationToken = default)
        {
            Note("ask");
            return ValueTask.FromResult(result);
        }

        public override async ValueTask<System.Data.Common.DbTransaction> TransactionStartedAsync(
            System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.TransactionEndEventData eventData, System.Data.Common.DbTransaction result, CancellationToken cancellationToken = default)
        {
            if (Note("begin") == 2)
            {
                await holdFirst();
            }

            return result;
        }

        public override Task TransactionCommittedAsync(
            System.Data.Common.DbTransaction transaction, Microsoft.EntityFrameworkCore.Diagnostics.TransactionEndEventData eventData, CancellationToken cancellationToken = default)
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
