using System.Diagnostics;
using ContactCenter.Benchmarks.Support;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Infrastructure.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ContactCenter.Benchmarks.Scale;

/// <summary>
/// <c>generate</c>: a Kyiv-size database for the <c>queries</c> command. The schema comes from the portal's own
/// migrations; the rows are written in bulk (never through EF change tracking), with the appeal tables' secondary
/// indexes dropped while loading and built again afterwards — sorting once is far cheaper than millions of
/// random index inserts — and then the planner's statistics.
/// </summary>
public static class GenerateCommand
{
    private static readonly string[] BigTables = ["Appeals", "TimelineEntries", "AppealDueDates"];

    /// <param name="history">The history to write (the five years up to now, from the options, unless given).</param>
    public static async Task<int> RunAsync(CommandLine options, KyivHistory? history = null)
    {
        var cards = history?.Cards ?? options.Int("cards", 6_000_000);
        var database = ScaleDatabase.From(options, cards);
        history ??= new KyivHistory(cards, options.Int("executors", 3000), options.Int("directions", 40), DateTimeOffset.UtcNow);
        var total = Stopwatch.StartNew();
        Console.Error.WriteLine($"generate: {cards:N0} cards into {database.Provider} {database.Name}");

        await CreateEmptyAsync(database);
        var factory = database.Factory();
        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
        }

        var migrated = total.Elapsed;
        var load = Stopwatch.StartNew();
        KyivHistory.Counts counts;
        long rows;
        TimeSpan indexes, statistics;
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            (counts, rows, indexes, statistics) = LoadSqlite(database, history, load);
        }
        else
        {
            (counts, rows, indexes, statistics) = await LoadPostgresAsync(database, history, load);
        }

        Console.WriteLine($"| {database.Provider} | {cards:N0} | {counts.Open:N0} open ({counts.Overdue:N0} overdue, {counts.Extended:N0} extended, {counts.Ser:N0} SER) | {rows:N0} rows | load {(load.Elapsed - indexes - statistics).TotalSeconds:0} s, {rows / (load.Elapsed - indexes - statistics).TotalSeconds:N0} rows/s | indexes {indexes.TotalSeconds:0} s | statistics {statistics.TotalSeconds:0} s | total {total.Elapsed.TotalSeconds:0} s (migrations {migrated.TotalSeconds:0.0} s) |");
        return 0;
    }

    private static async Task CreateEmptyAsync(ScaleDatabase database)
    {
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm", "-journal" })
            {
                File.Delete(database.Name + suffix);
            }

            Directory.CreateDirectory(Path.GetDirectoryName(database.Name)!);
            return;
        }

        await using var connection = new NpgsqlConnection(PostgresDatabase.AdminConnectionString);
        await connection.OpenAsync();
        await using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database.Name}\" WITH (FORCE)", connection))
        {
            await drop.ExecuteNonQueryAsync();
        }

        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Name}\" ENCODING 'UTF8' TEMPLATE template0", connection);
        await create.ExecuteNonQueryAsync();
    }

    private static (KyivHistory.Counts, long, TimeSpan, TimeSpan) LoadSqlite(ScaleDatabase database, KyivHistory history, Stopwatch load)
    {
        using var connection = new SqliteConnection(database.ConnectionString);
        connection.Open();
        Execute(connection, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA foreign_keys=OFF; PRAGMA cache_size=-1000000; PRAGMA temp_store=FILE;");
        var dropped = SecondaryIndexesSqlite(connection);
        foreach (var (name, _) in dropped)
        {
            Execute(connection, $"DROP INDEX \"{name}\"");
        }

        using var directions = new SqliteBulkTable(connection, "Directions", KyivHistory.DirectionColumns);
        using var executors = new SqliteBulkTable(connection, "Executors", KyivHistory.ExecutorColumns);
        using var sections = new SqliteBulkTable(connection, "ClassifierSections", KyivHistory.SectionColumns);
        using var problems = new SqliteBulkTable(connection, "ClassifierProblems", KyivHistory.ProblemColumns);
        using var appeals = new SqliteBulkTable(connection, "Appeals", KyivHistory.AppealColumns);
        using var timeline = new SqliteBulkTable(connection, "TimelineEntries", KyivHistory.TimelineColumns);
        using var dueDates = new SqliteBulkTable(connection, "AppealDueDates", KyivHistory.DueDateColumns);
        SqliteBulkTable[] all = [directions, executors, sections, problems, appeals, timeline, dueDates];
        var transaction = connection.BeginTransaction();
        void Attach()
        {
            foreach (var table in all)
            {
                table.Transaction = transaction;
            }
        }

        Attach();
        history.WriteReference(directions, executors, sections, problems);
        var counts = history.WriteCards(appeals, timeline, dueDates, done =>
        {
            // Large transactions, but not one for the whole load: the page cache is flushed every 500,000 cards.
            if (done % 500_000 == 0)
            {
                transaction.Commit();
                transaction.Dispose();
                transaction = connection.BeginTransaction();
                Attach();
            }

            Progress(done, all.Sum(t => t.Rows), load);
        });
        transaction.Commit();
        transaction.Dispose();
        var rows = all.Sum(t => t.Rows);

        var indexStart = load.Elapsed;
        foreach (var (name, sql) in dropped)
        {
            Console.Error.WriteLine($"  index {name}");
            Execute(connection, sql);
        }

        var statisticsStart = load.Elapsed;
        Console.Error.WriteLine("  ANALYZE");
        Execute(connection, "ANALYZE; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
        return (counts, rows, statisticsStart - indexStart, load.Elapsed - statisticsStart);
    }

    private static List<(string Name, string Sql)> SecondaryIndexesSqlite(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({string.Join(", ", BigTables.Select(t => $"'{t}'"))})";
        using var reader = command.ExecuteReader();
        var list = new List<(string, string)>();
        while (reader.Read())
        {
            list.Add((reader.GetString(0), reader.GetString(1)));
        }

        return list;
    }

    private static async Task<(KyivHistory.Counts, long, TimeSpan, TimeSpan)> LoadPostgresAsync(ScaleDatabase database, KyivHistory history, Stopwatch load)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        var dropped = new List<(string Name, string Sql)>();
        await using (var command = new NpgsqlCommand(
            $"""
            SELECT indexname, indexdef FROM pg_indexes
            WHERE schemaname = 'public' AND tablename IN ({string.Join(", ", BigTables.Select(t => $"'{t}'"))})
              AND indexname NOT IN (SELECT conname FROM pg_constraint)
            """, connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                dropped.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in dropped)
        {
            await ExecuteAsync(connection, $"DROP INDEX \"{name}\"");
        }

        var counts = default(KyivHistory.Counts);
        long rows;
        {
            using var directions = new PostgresBulkTable(database.ConnectionString, "Directions", KyivHistory.DirectionColumns);
            using var executors = new PostgresBulkTable(database.ConnectionString, "Executors", KyivHistory.ExecutorColumns);
            using var sections = new PostgresBulkTable(database.ConnectionString, "ClassifierSections", KyivHistory.SectionColumns);
            using var problems = new PostgresBulkTable(database.ConnectionString, "ClassifierProblems", KyivHistory.ProblemColumns);
            history.WriteReference(directions, executors, sections, problems);
            directions.Complete();
            executors.Complete();
            sections.Complete();
            problems.Complete();

            using var appeals = new PostgresBulkTable(database.ConnectionString, "Appeals", KyivHistory.AppealColumns);
            using var timeline = new PostgresBulkTable(database.ConnectionString, "TimelineEntries", KyivHistory.TimelineColumns);
            using var dueDates = new PostgresBulkTable(database.ConnectionString, "AppealDueDates", KyivHistory.DueDateColumns);
            counts = history.WriteCards(appeals, timeline, dueDates, done => Progress(done, appeals.Rows + timeline.Rows + dueDates.Rows, load));
            appeals.Complete();
            timeline.Complete();
            dueDates.Complete();
            rows = directions.Rows + executors.Rows + sections.Rows + problems.Rows + appeals.Rows + timeline.Rows + dueDates.Rows;
        }

        var indexStart = load.Elapsed;
        await ExecuteAsync(connection, "SET maintenance_work_mem = '1GB'");
        foreach (var (name, sql) in dropped)
        {
            Console.Error.WriteLine($"  index {name}");
            await ExecuteAsync(connection, sql);
        }

        // VACUUM sets the visibility map, without which the covering indexes cannot serve index-only scans.
        var statisticsStart = load.Elapsed;
        Console.Error.WriteLine("  VACUUM ANALYZE");
        await ExecuteAsync(connection, "VACUUM ANALYZE");
        return (counts!, rows, statisticsStart - indexStart, load.Elapsed - statisticsStart);
    }

    private static void Progress(long cards, long rows, Stopwatch load) =>
        Console.Error.WriteLine($"  {cards:N0} cards, {rows:N0} rows, {rows / load.Elapsed.TotalSeconds:N0} rows/s");

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        command.ExecuteNonQuery();
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }
}
