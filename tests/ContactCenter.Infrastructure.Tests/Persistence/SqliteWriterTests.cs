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
}
