using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ContactCenter.Infrastructure.Persistence;

/// <summary>The embedded default: a file under data/ in WAL mode.</summary>
public sealed class SqliteContactCenterDbContext(DbContextOptions<SqliteContactCenterDbContext> options)
    : ContactCenterDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date type and EF cannot compare or order DateTimeOffset there; all times are UTC, so they are
        // stored as UTC DateTime text, which sorts and compares correctly in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcDateTimeOffsetConverter>();
    }
}

/// <summary>Production: SQL Server.</summary>
public sealed class SqlServerContactCenterDbContext(DbContextOptions<SqlServerContactCenterDbContext> options)
    : ContactCenterDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}

/// <summary>The second server database, the one the tests run against for real.</summary>
public sealed class PostgresContactCenterDbContext(DbContextOptions<PostgresContactCenterDbContext> options)
    : ContactCenterDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

internal sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTime>(
    v => v.UtcDateTime,
    v => new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)));
