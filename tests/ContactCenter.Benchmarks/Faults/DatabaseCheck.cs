using System.Data.Common;
using ContactCenter.Benchmarks.Push;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ContactCenter.Benchmarks.Faults;

/// <summary>What the database holds after a fault, read directly (not through the portal).</summary>
/// <param name="Integrity">"ok", or what the engine's own check reported.</param>
/// <param name="CardsWithoutEvent">Cards whose registration wrote no outbox row (the two are one transaction).</param>
/// <param name="SequenceGaps">Sequence numbers skipped in the outbox (a transaction cut off after taking its number).</param>
public sealed record DatabaseState(
    string Integrity,
    IReadOnlySet<string> Numbers,
    IReadOnlyList<long> Sequences,
    int CardsWithoutEvent,
    long SequenceGaps);

public static class DatabaseCheck
{
    /// <summary>
    /// SQLite: <c>PRAGMA integrity_check</c> and <c>PRAGMA foreign_key_check</c>. PostgreSQL: amcheck's
    /// <c>bt_index_check</c> (with <c>heapallindexed</c>) on every B-tree index and <c>verify_heapam</c> on every table
    /// of the portal's schema. Both: every card has its outbox event, and the outbox's sequence numbers.
    /// </summary>
    public static async Task<DatabaseState> ReadAsync(PushProvider provider, string connectionString)
    {
        await using DbConnection connection = provider == PushProvider.Sqlite
            ? new SqliteConnection(connectionString + ";Pooling=False")
            : new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var integrity = provider == PushProvider.Sqlite ? await SqliteIntegrityAsync(connection) : await PostgresIntegrityAsync(connection);
        var numbers = (await ListAsync(connection, """SELECT "Number" FROM "Appeals" """, r => r.GetString(0))).ToHashSet();
        var sequences = await ListAsync(connection, """SELECT "Sequence" FROM "OutboxEvents" ORDER BY "Sequence" """, r => r.GetInt64(0));
        var orphans = (await ListAsync(
            connection,
            """SELECT COUNT(*) FROM "Appeals" a WHERE NOT EXISTS (SELECT 1 FROM "OutboxEvents" o WHERE o."AppealId" = a."Id")""",
            r => r.GetInt64(0)))[0];
        var gaps = sequences.Count == 0 ? 0 : sequences[^1] - sequences[0] + 1 - sequences.Count;
        return new DatabaseState(integrity, numbers, sequences, (int)orphans, gaps);
    }

    private static async Task<string> SqliteIntegrityAsync(DbConnection connection)
    {
        var problems = await ListAsync(connection, "PRAGMA integrity_check", r => r.GetString(0));
        var foreignKeys = await ListAsync(connection, "PRAGMA foreign_key_check", r => r.GetString(0) + " row " + r.GetValue(1));
        var all = problems.Where(p => p != "ok").Concat(foreignKeys.Select(f => "foreign key: " + f)).ToList();
        return all.Count == 0 ? "ok" : string.Join("; ", all.Take(5));
    }

    private static async Task<string> PostgresIntegrityAsync(DbConnection connection)
    {
        await ExecuteAsync(connection, "CREATE EXTENSION IF NOT EXISTS amcheck");
        var problems = new List<string>();
        var indexes = await ListAsync(
            connection,
            """
            SELECT c.oid::bigint, c.relname FROM pg_index i
            JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE am.amname = 'btree' AND n.nspname = 'public' AND c.relpersistence <> 't'
            """,
            r => (Oid: r.GetInt64(0), Name: r.GetString(1)));
        foreach (var (oid, name) in indexes)
        {
            try
            {
                await ExecuteAsync(connection, $"SELECT bt_index_check({oid}::oid, true)");
            }
            catch (PostgresException e)
            {
                problems.Add($"{name}: {e.MessageText}");
            }
        }

        var heap = await ListAsync(
            connection,
            """
            SELECT c.relname || ' block ' || v.blkno || ': ' || v.msg FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace,
            LATERAL verify_heapam(c.oid) v WHERE c.relkind = 'r' AND n.nspname = 'public'
            """,
            r => r.GetString(0));
        problems.AddRange(heap);
        return problems.Count == 0 ? $"ok ({indexes.Count} indexes)" : string.Join("; ", problems.Take(5));
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<T>> ListAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T> read)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var list = new List<T>();
        while (await reader.ReadAsync())
        {
            list.Add(read(reader));
        }

        return list;
    }
}
