using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Infrastructure.Tests.Persistence;

/// <summary>How concurrent writers on one SQLite file wait for each other.</summary>
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
    public async Task WriteGate_LetsOneWriterOfAFileInAtATime_InArrivalOrder()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);
        await using var first = database.CreateContext();
        await using var second = database.CreateContext();
        await using var third = database.CreateContext();

        var firstTurn = await SqliteWriteGate.EnterAsync(first, ct);
        var secondTurn = SqliteWriteGate.EnterAsync(second, ct);
        var thirdTurn = SqliteWriteGate.EnterAsync(third, ct);
        Assert.NotNull(firstTurn);
        Assert.False(secondTurn.IsCompleted);
        Assert.False(thirdTurn.IsCompleted);

        firstTurn.Dispose();
        var next = await secondTurn;
        Assert.False(thirdTurn.IsCompleted);

        next!.Dispose();
        (await thirdTurn)!.Dispose();
    }

    [Fact]
    public async Task WriteGate_IsNotUsedOnServerDatabases()
    {
        var options = new DbContextOptionsBuilder<PostgresContactCenterDbContext>().UseNpgsql("Host=localhost;Database=unused").Options;
        await using var db = new PostgresContactCenterDbContext(options);

        Assert.Null(await SqliteWriteGate.EnterAsync(db, TestContext.Current.CancellationToken));
    }
}
