using System.Data.Common;
using ContactCenter.Domain.Appeals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ContactCenter.Infrastructure.Persistence;

/// <summary>
/// Allocates the next registration numbers of a year (§2.2), one for each card of a turn. It runs inside the transaction
/// that inserts the cards: the counter row is updated in place, so the database serialises concurrent registrations on
/// that row (SQLite by its write lock — transactions begin IMMEDIATE — PostgreSQL and SQL Server by the row lock), and a
/// rolled-back registration gives its numbers back.
/// </summary>
public static class RegistrationNumbers
{
    /// <summary>The next <paramref name="count"/> numbers of a year, in order, in one statement (the cards registered together).</summary>
    public static async Task<IReadOnlyList<RegistrationNumber>> TakeAsync(ContactCenterDbContext db, int year, int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("A registration number is allocated only inside the registering transaction.");
        var connection = db.Database.GetDbConnection();

        // SQL Server has no upsert with a returned value in one statement: it makes sure of the year's row first.
        if (db.Provider == DatabaseProvider.SqlServer)
        {
            await using var ensure = Command(connection, transaction, EnsureRowSql, year);
            await ensure.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var next = Command(connection, transaction, IncrementSql(db.Provider), year);
        var step = next.CreateParameter();
        step.ParameterName = "@count";
        step.Value = count;
        next.Parameters.Add(step);
        var value = await next.ExecuteScalarAsync(cancellationToken)
            ?? throw new InvalidOperationException("The registration counter returned no value.");
        var last = Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
        return [.. Enumerable.Range(0, count).Select(i => new RegistrationNumber(year, last - count + 1 + i))];
    }

    private static DbCommand Command(DbConnection connection, IDbContextTransaction transaction, string sql, int year)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = sql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@year";
        parameter.Value = year;
        command.Parameters.Add(parameter);
        return command;
    }

    private const string EnsureRowSql =
        """
        IF NOT EXISTS (SELECT 1 FROM "RegistrationCounters" WITH (UPDLOCK, HOLDLOCK) WHERE "Year" = @year)
            INSERT INTO "RegistrationCounters" ("Year", "LastSequence") VALUES (@year, 0);
        """;

    // PostgreSQL and SQLite: the year's first number inserts the row, every later one updates it in place — one round
    // trip, which locks the row (SQLite: the file) just as the update did.
    private static string IncrementSql(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.SqlServer =>
            """UPDATE "RegistrationCounters" SET "LastSequence" = "LastSequence" + @count OUTPUT inserted."LastSequence" WHERE "Year" = @year""",
        _ => """
            INSERT INTO "RegistrationCounters" ("Year", "LastSequence") VALUES (@year, @count)
            ON CONFLICT ("Year") DO UPDATE SET "LastSequence" = "RegistrationCounters"."LastSequence" + @count
            RETURNING "LastSequence"
            """,
    };
}
