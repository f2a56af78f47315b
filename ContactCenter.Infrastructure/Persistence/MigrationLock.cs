using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Infrastructure.Persistence;

/// <summary>
/// Instances started together on one server database would apply the same migration at once. Each takes a session
/// lock on the server around the migration, so one migrates while the others wait and then find nothing pending.
/// SQLite has one instance by design (a file beside it) and no lock here.
/// </summary>
public static class MigrationLock
{
    /// <summary>The PostgreSQL advisory lock's key (any number no other code of the database uses).</summary>
    public const long PostgresKey = 20261128;

    /// <summary>The SQL Server application lock's resource name.</summary>
    public const string SqlServerResource = "ContactCenter.Migrate";

    /// <summary>How long an instance waits for another's migration before its start fails.</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromMinutes(10);

    /// <summary>
    /// SQL Server: <c>sp_getapplock</c> owned by the session, exclusive, waiting at most <see cref="Wait"/>. It returns
    /// a negative code when the lock was not granted (timeout, deadlock, error) rather than failing, so the batch
    /// raises an error then: the instance must not migrate without the lock.
    /// </summary>
    public static readonly string SqlServerAcquire =
        "DECLARE @result int; " +
        $"EXEC @result = sp_getapplock @Resource = N'{SqlServerResource}', @LockMode = N'Exclusive', @LockOwner = N'Session', @LockTimeout = {(long)Wait.TotalMilliseconds}; " +
        "IF @result < 0 THROW 50000, N'The migration lock was not granted (another instance may still be migrating).', 1;";

    public static readonly string SqlServerRelease = $"EXEC sp_releaseapplock @Resource = N'{SqlServerResource}', @LockOwner = N'Session';";

    public static readonly string PostgresAcquire = $"SELECT pg_advisory_lock({PostgresKey})";

    public static readonly string PostgresRelease = $"SELECT pg_advisory_unlock({PostgresKey})";

    /// <summary>Runs <paramref name="migrate"/> holding the lock; the lock is released afterwards, also when it fails.</summary>
    public static async Task RunAsync(ContactCenterDbContext db, Func<CancellationToken, Task> migrate, CancellationToken cancellationToken = default)
    {
        var (acquire, release) = db.Provider switch
        {
            DatabaseProvider.Postgres => (PostgresAcquire, PostgresRelease),
            DatabaseProvider.SqlServer => (SqlServerAcquire, SqlServerRelease),
            _ => (null, null),
        };
        if (acquire is null || release is null)
        {
            await migrate(cancellationToken);
            return;
        }

        // A session lock lives on one connection: it stays open from the lock to the release.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            // The wait for the other instance's migration is longer than an ordinary command may take.
            var timeout = db.Database.GetCommandTimeout();
            db.Database.SetCommandTimeout(Wait + TimeSpan.FromMinutes(1));
            try
            {
                await db.Database.ExecuteSqlRawAsync(acquire, cancellationToken);
            }
            finally
            {
                db.Database.SetCommandTimeout(timeout);
            }

            try
            {
                await migrate(cancellationToken);
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync(release, CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
