using ContactCenter.Infrastructure.Tests.Support;
using Npgsql;

namespace ContactCenter.Benchmarks.Reports;

/// <summary>Removes a month's data set once its builds are measured: they are large and only this command uses them.</summary>
public static class ReportsDatabase
{
    public static async Task DropAsync(string provider, string name)
    {
        if (provider == "sqlite")
        {
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm", "-journal" })
            {
                File.Delete(name + suffix);
            }

            return;
        }

        await using var connection = new NpgsqlConnection(PostgresDatabase.AdminConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
