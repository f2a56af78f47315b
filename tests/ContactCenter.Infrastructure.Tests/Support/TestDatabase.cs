using ContactCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Infrastructure.Tests.Support;

/// <summary>A real, empty, migrated database of one provider, dropped when the test ends.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? sqliteFolder;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? sqliteFolder)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.sqliteFolder = sqliteFolder;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, bool migrate = true)
    {
        TestDatabase database;
        if (provider == DatabaseProvider.Sqlite)
        {
            var folder = Path.Combine(Path.GetTempPath(), "cc-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            database = new TestDatabase(provider, $"Data Source={Path.Combine(folder, "test.db")};Default Timeout=30;Pooling=False", folder);
        }
        else if (provider == DatabaseProvider.Postgres)
        {
            // Connected as the portal connects (its statements prepared).
            database = new TestDatabase(provider, DatabaseOptions.PostgresConnectionString(await PostgresDatabase.CreateDatabaseAsync("cc_test")), null);
        }
        else
        {
            throw new NotSupportedException($"{provider} cannot run on this machine.");
        }

        if (migrate)
        {
            await using var db = database.CreateContext();
            if (provider == DatabaseProvider.Sqlite)
            {
                await db.Database.OpenConnectionAsync();
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            }

            await db.Database.MigrateAsync();
        }

        return database;
    }

    /// <summary>The database as the factory the portal's handlers take.</summary>
    public IDbContextFactory<ContactCenterDbContext> Factory() => new ContextFactory(this);

    private sealed class ContextFactory(TestDatabase database) : IDbContextFactory<ContactCenterDbContext>
    {
        public ContactCenterDbContext CreateDbContext() => database.CreateContext();
    }

    public ContactCenterDbContext CreateContext(params Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] interceptors) => Provider switch
    {
        DatabaseProvider.Sqlite => new SqliteContactCenterDbContext(
            new DbContextOptionsBuilder<SqliteContactCenterDbContext>().UseSqlite(ConnectionString).AddInterceptors(SqliteFunctions.Instance, SqliteBusyTimeout.Instance).AddInterceptors(interceptors).Options),
        DatabaseProvider.Postgres => new PostgresContactCenterDbContext(
            new DbContextOptionsBuilder<PostgresContactCenterDbContext>().UseNpgsql(ConnectionString).AddInterceptors(interceptors).Options),
        _ => throw new NotSupportedException(Provider.ToString()),
    };

    public async ValueTask DisposeAsync()
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            await PostgresDatabase.DropDatabaseAsync(ConnectionString);
        }
        else if (sqliteFolder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(sqliteFolder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by a finishing connection is left to the temp folder's cleanup.
            }
        }
    }
}
