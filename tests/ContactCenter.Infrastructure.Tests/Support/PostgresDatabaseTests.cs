using Npgsql;

namespace ContactCenter.Infrastructure.Tests.Support;

public sealed class PostgresDatabaseTests
{
    [Fact]
    public async Task Created_database_round_trips_a_row_and_is_dropped()
    {
        var ct = TestContext.Current.CancellationToken;
        var connectionString = await PostgresDatabase.CreateDatabaseAsync("Support Test");
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        Assert.StartsWith("support_test_", name);

        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(ct);

            await using (var create = new NpgsqlCommand(
                "CREATE TABLE звернення (id int PRIMARY KEY, тема text NOT NULL, створено timestamptz NOT NULL)", connection))
            {
                await create.ExecuteNonQueryAsync(ct);
            }

            var created = new DateTime(2026, 3, 1, 9, 30, 0, DateTimeKind.Utc);
            await using (var insert = new NpgsqlCommand(
                "INSERT INTO звернення (id, тема, створено) VALUES (@id, @subject, @created)", connection))
            {
                insert.Parameters.AddWithValue("id", 1);
                insert.Parameters.AddWithValue("subject", "Не працює вуличне освітлення");
                insert.Parameters.AddWithValue("created", created);
                Assert.Equal(1, await insert.ExecuteNonQueryAsync(ct));
            }

            await using (var select = new NpgsqlCommand("SELECT тема, створено FROM звернення WHERE id = 1", connection))
            await using (var reader = await select.ExecuteReaderAsync(ct))
            {
                Assert.True(await reader.ReadAsync(ct));
                Assert.Equal("Не працює вуличне освітлення", reader.GetString(0));
                Assert.Equal(created, reader.GetFieldValue<DateTime>(1));
                Assert.False(await reader.ReadAsync(ct));
            }
        }
        finally
        {
            await PostgresDatabase.DropDatabaseAsync(connectionString);
        }

        await using var admin = new NpgsqlConnection(PostgresDatabase.AdminConnectionString);
        await admin.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", admin);
        exists.Parameters.AddWithValue("name", name);
        Assert.Equal(0L, (long)(await exists.ExecuteScalarAsync(ct))!);
    }
}
