using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Infrastructure.Persistence;

/// <summary>
/// Queues this process's registering transactions on a SQLite file one at a time, before they ask SQLite for its
/// write lock. SQLite admits one writer at a time anyway, but a writer that finds the lock taken waits inside the
/// driver — blocking its thread (Microsoft.Data.Sqlite runs every command synchronously) and polling, so that under a
/// dozen concurrent registrations newcomers overtake earlier ones and the thread pool starves (a p99 of seconds).
/// Here they wait asynchronously, in arrival order, and each takes the lock when it is free. Writers in other
/// processes and other kinds of writes still meet at SQLite's lock and its busy timeout (<see cref="SqliteBusyTimeout"/>).
/// Server databases have row locks and need no gate.
/// </summary>
public static class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>Waits for this file's turn; dispose the result to let the next one in. Null (nothing to wait for) on other providers.</summary>
    public static async Task<IDisposable?> EnterAsync(ContactCenterDbContext db, CancellationToken cancellationToken)
    {
        if (db.Provider != DatabaseProvider.Sqlite)
        {
            return null;
        }

        var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        var gate = Gates.GetOrAdd(Path.GetFullPath(file), _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Turn(gate);
    }

    private sealed class Turn(SemaphoreSlim gate) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
