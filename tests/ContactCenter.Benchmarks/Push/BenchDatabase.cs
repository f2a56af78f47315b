using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Infrastructure.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Benchmarks.Push;

/// <summary>An empty database for one run, dropped afterwards: a PostgreSQL database on the server of CONTACTCENTER_TEST_POSTGRES, or a SQLite file.</summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string? postgres;
    private readonly string? folder;

    private BenchDatabase(PushProvider provider, string connectionString, string? postgres, string? folder)
    {
        Provider = provider;
        this.postgres = postgres;
        this.folder = folder;
        Settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider == PushProvider.Postgres ? "Postgres" : "Sqlite",
            ["ConnectionStrings:ContactCenter"] = connectionString,
            ["Demo:Seed"] = "false",
            ["Admin:Email"] = "admin@bench.local",
            ["Admin:Password"] = "Bench-Admin-2026!",
        };
    }

    public PushProvider Provider { get; }

    /// <summary>The portal's configuration for this database.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }

    public static async Task<BenchDatabase> CreateAsync(PushProvider provider)
    {
        if (provider == PushProvider.Postgres)
        {
            var connectionString = await PostgresDatabase.CreateDatabaseAsync("cc_bench");
            return new BenchDatabase(provider, connectionString, connectionString, null);
        }

        var folder = Path.Combine(Path.GetTempPath(), "cc-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return new BenchDatabase(provider, "Data Source=" + Path.Combine(folder, "bench.db"), null, folder);
    }

    /// <summary>Adds the probe's observers for the context type of this provider.</summary>
    public void Attach(DispatchProbe probe, IServiceCollection services)
    {
        if (Provider == PushProvider.Postgres)
        {
            probe.Attach<PostgresContactCenterDbContext>(services);
        }
        else
        {
            probe.Attach<SqliteContactCenterDbContext>(services);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (postgres is not null)
        {
            await PostgresDatabase.DropDatabaseAsync(postgres);
        }

        if (folder is not null)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open is left to the temp folder's cleanup.
            }
        }
    }
}
