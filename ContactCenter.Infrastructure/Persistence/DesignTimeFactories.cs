using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ContactCenter.Infrastructure.Persistence;

// Used only by `dotnet ef` to create and script each provider's migrations; no database is opened for that.
// A connection string can be passed after `--`: `dotnet ef migrations script ... -- "Host=...;"`.

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteContactCenterDbContext>
{
    public SqliteContactCenterDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteContactCenterDbContext>()
            .UseSqlite(DesignTime.ConnectionString(args, "Data Source=design.db")).Options);
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerContactCenterDbContext>
{
    public SqlServerContactCenterDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerContactCenterDbContext>()
            .UseSqlServer(DesignTime.ConnectionString(args, "Server=localhost;Database=ContactCenter;Trusted_Connection=True;TrustServerCertificate=True")).Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresContactCenterDbContext>
{
    public PostgresContactCenterDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresContactCenterDbContext>()
            .UseNpgsql(DesignTime.ConnectionString(args, "Host=localhost;Database=contactcenter;Username=postgres")).Options);
}

internal static class DesignTime
{
    // Arguments like `--Database:Provider X` are for the portal's host; a bare argument containing '=' is a connection string.
    public static string ConnectionString(string[] args, string fallback) =>
        args.FirstOrDefault(a => a.Contains('=') && !a.StartsWith("--", StringComparison.Ordinal)) ?? fallback;
}
