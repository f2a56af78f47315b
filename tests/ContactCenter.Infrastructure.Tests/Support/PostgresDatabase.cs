using Npgsql;

namespace ContactCenter.Infrastructure.Tests.Support;

/// <summary>
/// Throwaway PostgreSQL databases for integration tests.
/// The server comes from <c>CONTACTCENTER_TEST_POSTGRES</c>, which <c>build/test.sh</c> always sets
/// (it starts a temporary cluster unless the variable is already present).
/// </summary>
public static class PostgresDatabase
{
    public const string EnvironmentVariable = "CONTACTCENTER_TEST_POSTGRES";

    /// <summary>Connection string of the server's maintenance database; fails when the variable is not set.</summary>
    public static string AdminConnectionString
    {
        get
        {
            var value = Environment.GetEnvironmentVariable(EnvironmentVariable);
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new InvalidOperationException(
                    $"{EnvironmentVariable} is not set. Run the tests with `bash build/test.sh`, which starts a temporary " +
                    "PostgreSQL 15 cluster, or set it yourself, e.g. " +
                    $"{EnvironmentVariable}=\"Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres\".");
            }

            return value;
        }
    }

    /// <summary>Creates an empty database named <paramref name="prefix"/> plus a random suffix and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string prefix)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);

        // PostgreSQL identifiers: at most 63 bytes; keep to [a-z0-9_] so no quoting surprises.
        var cleanPrefix = new string(prefix.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
        if (cleanPrefix.Length > 40)
        {
            cleanPrefix = cleanPrefix[..40];
        }

        var name = $"{cleanPrefix}_{Guid.NewGuid().ToString("N")[..16]}";

        var admin = new NpgsqlConnectionStringBuilder(AdminConnectionString);
        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0", connection);
            await command.ExecuteNonQueryAsync();
        }

        var target = new NpgsqlConnectionStringBuilder(AdminConnectionString)
        {
            Database = name,
            // Each test database gets its own pool; keep it from hoarding the server's connections.
            MaxPoolSize = 20,
        };
        return target.ConnectionString;
    }

    /// <summary>Drops the database of <paramref name="connectionString"/>, closing any sessions still open on it.</summary>
    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database
            ?? throw new ArgumentException("The connection string names no database.", nameof(connectionString));

        // Pooled idle connections of this process would otherwise keep the database busy.
        await using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"DROP DATABASE IF EXISTS \"{name.Replace("\"", "\"\"")}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
