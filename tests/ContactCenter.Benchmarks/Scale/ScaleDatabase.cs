using ContactCenter.Benchmarks.Support;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Infrastructure.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace ContactCenter.Benchmarks.Scale;

/// <summary>Where a generated database lives: a SQLite file (<c>--out</c>) or a named database on the PostgreSQL of CONTACTCENTER_TEST_POSTGRES (<c>--database</c>).</summary>
public sealed record ScaleDatabase(DatabaseProvider Provider, string ConnectionString, string Name)
{
    public static ScaleDatabase From(CommandLine options, int cards)
    {
        var provider = options.String("provider", "sqlite").ToLowerInvariant() switch
        {
            "sqlite" => DatabaseProvider.Sqlite,
            "postgres" => DatabaseProvider.Postgres,
            var other => throw new ArgumentException($"--provider must be sqlite or postgres, not '{other}'."),
        };

        if (provider == DatabaseProvider.Sqlite)
        {
            var path = Path.GetFullPath(options.String("out", Path.Combine(Path.GetTempPath(), $"cc-kyiv-{cards}.db")));
            var builder = new SqliteConnectionStringBuilder { DataSource = path, DefaultTimeout = 30 };
            return new ScaleDatabase(provider, builder.ToString(), path);
        }

        var name = options.String("database", $"cc_kyiv_{cards}");
        var target = new NpgsqlConnectionStringBuilder(PostgresDatabase.AdminConnectionString) { Database = name, CommandTimeout = 0 };
        return new ScaleDatabase(provider, target.ConnectionString, name);
    }

    /// <summary>The portal's own context for this database (as <c>DatabaseOptions.Configure</c> sets it up), with extra interceptors.</summary>
    public IDbContextFactory<ContactCenterDbContext> Factory(params IInterceptor[] interceptors)
    {
        var database = new DatabaseOptions(Provider, ConnectionString);
        if (Provider == DatabaseProvider.Sqlite)
        {
            var builder = new DbContextOptionsBuilder<SqliteContactCenterDbContext>();
            database.Configure(builder).AddInterceptors(interceptors);
            return new Neutral<SqliteContactCenterDbContext>(new PooledDbContextFactory<SqliteContactCenterDbContext>(builder.Options));
        }
        else
        {
            var builder = new DbContextOptionsBuilder<PostgresContactCenterDbContext>();
            database.Configure(builder).AddInterceptors(interceptors);
            return new Neutral<PostgresContactCenterDbContext>(new PooledDbContextFactory<PostgresContactCenterDbContext>(builder.Options));
        }
    }

    private sealed class Neutral<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<ContactCenterDbContext>
        where TContext : ContactCenterDbContext
    {
        public ContactCenterDbContext CreateDbContext() => inner.CreateDbContext();
    }
}
