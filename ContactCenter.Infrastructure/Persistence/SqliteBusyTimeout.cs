using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ContactCenter.Infrastructure.Persistence;

/// <summary>
/// Lets SQLite itself wait for the write lock. Without a busy timeout on the connection, a writer that finds the file
/// locked gets SQLITE_BUSY at once and Microsoft.Data.Sqlite retries it after sleeping 150 ms: under a dozen
/// concurrent registrations a card could wait several such rounds (a p99 of seconds). SQLite's own busy handler
/// retries within a few milliseconds of the lock being free. The wait is bounded by the connection's default timeout.
/// </summary>
public sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    public static readonly SqliteBusyTimeout Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    /// <summary>Sets the busy timeout of an open SQLite connection to its default command timeout.</summary>
    public static void Apply(DbConnection connection)
    {
        if (connection is SqliteConnection sqlite)
        {
            using var command = sqlite.CreateCommand();
            var milliseconds = Math.Max(1, sqlite.DefaultTimeout) * 1000;
            command.CommandText = string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {milliseconds};");
            command.ExecuteNonQuery();
        }
    }
}
