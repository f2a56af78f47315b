using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ContactCenter.Infrastructure.Persistence;

/// <summary>
/// SQLite's own lower() and upper() fold ASCII only, so a search for "іваненко" would not find "Іваненко". Every
/// connection gets Unicode-aware versions, as PostgreSQL and SQL Server have by default.
/// </summary>
public sealed class SqliteFunctions : DbConnectionInterceptor
{
    public static readonly SqliteFunctions Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Register(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Register(connection);
        return Task.CompletedTask;
    }

    private static void Register(DbConnection connection)
    {
        if (connection is SqliteConnection sqlite)
        {
            sqlite.CreateFunction("lower", (string? text) => text?.ToLowerInvariant(), isDeterministic: true);
            sqlite.CreateFunction("upper", (string? text) => text?.ToUpperInvariant(), isDeterministic: true);
        }
    }
}
