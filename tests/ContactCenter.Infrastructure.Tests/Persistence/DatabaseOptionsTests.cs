using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace ContactCenter.Infrastructure.Tests.Persistence;

/// <summary>The connection the portal opens to its database, as configuration and the defaults make it.</summary>
public sealed class DatabaseOptionsTests
{
    [Fact]
    public void PostgresConnections_KeepTheirMostUsedStatementsPrepared_UnlessConfiguredOtherwise()
    {
        var chosen = Options("Host=db.example;Database=cc;Username=portal");
        var configured = Options("Host=db.example;Database=cc;Username=portal;Max Auto Prepare=0");
        var synonym = Options("Host=db.example;Database=cc;Username=portal;MaxAutoPrepare=7");

        Assert.Equal(DatabaseOptions.PostgresAutoPrepared, new NpgsqlConnectionStringBuilder(chosen.ConnectionString).MaxAutoPrepare);
        Assert.Equal("db.example", new NpgsqlConnectionStringBuilder(chosen.ConnectionString).Host);
        Assert.Equal(0, new NpgsqlConnectionStringBuilder(configured.ConnectionString).MaxAutoPrepare);
        Assert.Equal(7, new NpgsqlConnectionStringBuilder(synonym.ConnectionString).MaxAutoPrepare);
    }

    [Fact]
    public async Task OnPostgres_AStatementRunAgainAndAgain_IsPlannedOnceOnItsConnection()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var options = Options(database.ConnectionString);
        var builder = new DbContextOptionsBuilder<PostgresContactCenterDbContext>();
        options.Configure(builder);
        await using var db = new PostgresContactCenterDbContext(builder.Options);
        await db.Database.OpenConnectionAsync(ct);

        for (var i = 0; i < 10; i++)
        {
            _ = await db.Appeals.AsNoTracking().Where(a => a.Phone == "0671234567").Select(a => a.Id).ToListAsync(ct);
        }

        var prepared = await db.Database
            .SqlQueryRaw<string>("""SELECT statement AS "Value" FROM pg_prepared_statements""")
            .ToListAsync(ct);
        Assert.Contains(prepared, statement => statement.Contains("\"Phone\"", StringComparison.Ordinal));
    }

    private static DatabaseOptions Options(string connectionString) => DatabaseOptions.From(
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [DatabaseOptions.ProviderKey] = "Postgres",
            ["ConnectionStrings:" + DatabaseOptions.ConnectionStringName] = connectionString,
        }).Build(),
        AppContext.BaseDirectory);
}
