using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ContactCenter.Infrastructure.Persistence;

/// <summary>
/// Lets SQLite itself wait for the write lock. Without a busy timeout on the connection, a writer that finds the file
/// locked gets SQLITE_BUSY at once and Microsoft.Data.Sqlite tries again only after sleeping 150 ms, however soon the
/// lock is free; SQLite's own busy handler tries again after 1, 2, 5, 10… ms (at most 100 ms apart), so a registration
/// behind another one waits about as long as that one holds the lock. The wait is bounded by the connection's default
/// timeout, as the driver's own retries were.
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
