using System.Data.Common;
using ContactCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ContactCenter.Infrastructure.Tests.Persistence;

/// <summary>
/// The SQL Server side of the migration lock, without a SQL Server: a context configured for SQL Server whose
/// connection is never opened and whose commands are recorded instead of sent (EF interceptors that suppress both).
/// What the server would do with the commands is not checked here; PostgreSQL's lock is exercised for real by
/// SimultaneousStartTests.
/// </summary>
public sealed class MigrationLockTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OnSqlServer_TheMigrationRunsInsideAnExclusiveSessionAppLock_WithATimeout_ReleasedAfterwards()
    {
        var recorder = new Recorder();
        await using var db = SqlServerContext(recorder);

        await MigrationLock.RunAsync(db, _ => recorder.Note("migrate"), Ct);

        Assert.Equal([MigrationLock.SqlServerAcquire, "migrate", MigrationLock.SqlServerRelease], recorder.Steps);
        var acquire = recorder.Steps[0];
        Assert.Contains("sp_getapplock @Resource = N'ContactCenter.Migrate'", acquire);
        Assert.Contains("@LockMode = N'Exclusive'", acquire);
        Assert.Contains("@LockOwner = N'Session'", acquire);
        Assert.Contains("@LockTimeout = 600000", acquire);
        Assert.Contains("IF @result < 0 THROW", acquire);
        Assert.Contains("sp_releaseapplock @Resource = N'ContactCenter.Migrate', @LockOwner = N'Session'", recorder.Steps[2]);

        // The wait for the lock may take up to its timeout: the command must not time out before the lock does.
        Assert.True(recorder.Timeouts[0] > MigrationLock.Wait.TotalSeconds);

        // The connection was opened for the lock before anything ran: a session lock lives on one connection.
        Assert.True(recorder.OpenedBeforeFirstCommand);
    }

    [Fact]
    public async Task OnSqlServer_AFailedMigration_StillReleasesTheLock()
    {
        var recorder = new Recorder();
        await using var db = SqlServerContext(recorder);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            MigrationLock.RunAsync(db, _ => throw new InvalidOperationException("migration failed"), Ct));

        Assert.Equal("migration failed", failure.Message);
        Assert.Equal([MigrationLock.SqlServerAcquire, MigrationLock.SqlServerRelease], recorder.Steps);
    }

    private static SqlServerContactCenterDbContext SqlServerContext(Recorder recorder)
    {
        var options = new DbContextOptionsBuilder<SqlServerContactCenterDbContext>()
            .UseSqlServer("Server=127.0.0.1,1;Database=nowhere;Connect Timeout=1")
            .AddInterceptors(recorder)
            .Options;
        return new SqlServerContactCenterDbContext(options);
    }

    /// <summary>Suppresses opening the connection and executing commands; records the commands in order.</summary>
    private sealed class Recorder : DbConnectionInterceptor, IDbCommandInterceptor
    {
        public List<string> Steps { get; } = [];

        public List<int> Timeouts { get; } = [];

        public bool OpenedBeforeFirstCommand { get; private set; }

        public Task Note(string step)
        {
            Steps.Add(step);
            return Task.CompletedTask;
        }

        public override ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            if (Steps.Count == 0)
            {
                OpenedBeforeFirstCommand = true;
            }

            return ValueTask.FromResult(InterceptionResult.Suppress());
        }

        public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Steps.Add(command.CommandText);
            Timeouts.Add(command.CommandTimeout);
            return ValueTask.FromResult(InterceptionResult<int>.SuppressWithResult(-1));
        }
    }
}
