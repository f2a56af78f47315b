using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace ContactCenter.Infrastructure.Persistence;

/// <summary>Which database and where, from configuration: <c>Database:Provider</c> and <c>ConnectionStrings:ContactCenter</c>.</summary>
public sealed record DatabaseOptions(DatabaseProvider Provider, string ConnectionString)
{
    public const string ProviderKey = "Database:Provider";
    public const string ConnectionStringName = "ContactCenter";
    public const string DefaultSqliteFile = "data/contactcenter.db";

    public static DatabaseOptions From(IConfiguration configuration, string contentRoot)
    {
        var providerText = configuration[ProviderKey];
        var provider = string.IsNullOrWhiteSpace(providerText)
            ? DatabaseProvider.Sqlite
            : Enum.TryParse<DatabaseProvider>(providerText, ignoreCase: true, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"{ProviderKey} must be Sqlite, SqlServer or Postgres, not '{providerText}'.");

        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (provider == DatabaseProvider.Sqlite)
        {
            return new DatabaseOptions(provider, SqliteConnectionString(connectionString, contentRoot));
        }

        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException($"ConnectionStrings:{ConnectionStringName} is required for {provider}.");
        }

        return new DatabaseOptions(provider, provider == DatabaseProvider.Postgres ? PostgresConnectionString(connectionString) : connectionString);
    }

    /// <summary>How many of its most used statements each PostgreSQL connection keeps prepared unless configured otherwise.</summary>
    public const int PostgresAutoPrepared = 100;

    /// <summary>
    /// The portal runs the same few hundred statements over and over (a registration, a queue, a dashboard). Unprepared,
    /// PostgreSQL parses and plans each one every time: half the database's CPU of a registration went into planning
    /// (docs/performance.md, "Registration throughput"). Prepared once per connection, they are planned once.
    /// <c>Max Auto Prepare</c> set in the connection string, even to 0, is left as it is.
    /// </summary>
    public static string PostgresConnectionString(string configured)
    {
        var builder = new NpgsqlConnectionStringBuilder(configured);
        var keys = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = configured }.Keys.Cast<string>();
        if (!keys.Any(key => key.Replace(" ", string.Empty, StringComparison.Ordinal).Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase)))
        {
            builder.MaxAutoPrepare = PostgresAutoPrepared;
        }

        return builder.ConnectionString;
    }

    /// <summary>The embedded default lives under data/ beside the content root unless configured otherwise.</summary>
    private static string SqliteConnectionString(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? $"Data Source={DefaultSqliteFile}" : configured);
        if (builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
        }

        if (builder.Mode != SqliteOpenMode.Memory && Path.GetDirectoryName(builder.DataSource) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        // Writers wait for each other instead of failing at once (the driver retries while busy up to this many seconds).
        if (builder.DefaultTimeout < 30)
        {
            builder.DefaultTimeout = 30;
        }

        return builder.ToString();
    }

    public DbContextOptionsBuilder Configure(DbContextOptionsBuilder options) => Provider switch
    {
        DatabaseProvider.Sqlite => options.UseSqlite(ConnectionString).AddInterceptors(SqliteFunctions.Instance, SqliteBusyTimeout.Instance),
        DatabaseProvider.SqlServer => options.UseSqlServer(ConnectionString, o => o.EnableRetryOnFailure()),
        DatabaseProvider.Postgres => options.UseNpgsql(ConnectionString),
        _ => throw new InvalidOperationException($"Unknown provider {Provider}."),
    };
}
