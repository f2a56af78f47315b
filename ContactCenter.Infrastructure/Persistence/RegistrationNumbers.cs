using System.Data.Common;
using ContactCenter.Domain.Appeals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ContactCenter.Infrastructure.Persistence;

/// <summary>
/// Allocates the next registration number of a year (§2.2). It runs inside the transaction that inserts the card: the
/// counter row is updated in place, so the database serialises concurrent registrations on that row (SQLite by its
/// write lock — transactions begin IMMEDIATE — PostgreSQL and SQL Server by the row lock), and a rolled-back
/// registration gives its number back.
/// </summary>
public static class RegistrationNumbers
{
    public static async Task<RegistrationNumber> NextAsync(ContactCenterDbContext db, int year, CancellationToken cancellationToken = default)
    {
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
        var value = await next.ExecuteScalarAsync(cancellationToken)
            ?? throw new InvalidOperationException("The registration counter returned no value.");
        return new RegistrationNumber(year, Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
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
            """UPDATE "RegistrationCounters" SET "LastSequence" = "LastSequence" + 1 OUTPUT inserted."LastSequence" WHERE "Year" = @year""",
        _ => """
            INSERT INTO "RegistrationCounters" ("Year", "LastSequence") VALUES (@year, 1)
            ON CONFLICT ("Year") DO UPDATE SET "LastSequence" = "RegistrationCounters"."LastSequence" + 1
            RETURNING "LastSequence"
            """,
    };
}
