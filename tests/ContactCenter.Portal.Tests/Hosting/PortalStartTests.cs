using ContactCenter.Infrastructure.Identity;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Infrastructure.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Portal.Tests.Hosting;

public sealed class PortalStartTests
{
    private static string TempSqlite() =>
        $"Data Source={Path.Combine(Path.GetTempPath(), "cc-portal-tests", Guid.NewGuid().ToString("N"), "portal.db")}";

    [Fact]
    public async Task Start_WithoutDemoData_AppliesMigrationsAndCreatesOnlyTheConfiguredAdministrator()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var factory = new PortalFactory(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:ContactCenter"] = TempSqlite(),
            ["Demo:Seed"] = "false",
            ["Admin:Email"] = "chief@rada.example.ua",
            ["Admin:Password"] = "Str0ng-Admin-Pass!",
        });
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync("/", ct);

        Assert.Contains("<html lang=\"uk\">", html);
        Assert.Contains("Контакт-Центр громади", html);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(ct));
        Assert.Equal(0, await db.Appeals.CountAsync(ct));
        Assert.Equal(0, await db.Executors.CountAsync(ct));
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var admin = Assert.Single(await users.Users.ToListAsync(ct));
        Assert.Equal("chief@rada.example.ua", admin.Email);
        Assert.True(await users.CheckPasswordAsync(admin, "Str0ng-Admin-Pass!"));
        Assert.True(await users.IsInRoleAsync(admin, "Admin"));
    }

    [Fact]
    public void Start_WithoutDemoDataAndWithoutAdminPassword_RefusesWithAClearMessage()
    {
        using var factory = new PortalFactory(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:ContactCenter"] = TempSqlite(),
            ["Demo:Seed"] = "false",
        });

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Admin:Password", Flatten(error));
    }

    [Fact]
    public async Task Start_OnPostgres_MigratesTheServerDatabase()
    {
        var ct = TestContext.Current.CancellationToken;
        var connectionString = await PostgresDatabase.CreateDatabaseAsync("cc_portal");
        try
        {
            await using var factory = new PortalFactory(new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Postgres",
                ["ConnectionStrings:ContactCenter"] = connectionString,
                ["Admin:Password"] = "Str0ng-Admin-Pass!",
            });
            using var client = factory.CreateClient();

            var health = await client.GetStringAsync("/health", ct);

            Assert.Contains("ok", health);
            using var scope = factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>();
            Assert.Equal(DatabaseProvider.Postgres, db.Provider);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync(ct));

            // Demo data is on by default only for the embedded SQLite default.
            Assert.Equal(0, await db.Executors.CountAsync(ct));
        }
        finally
        {
            await PostgresDatabase.DropDatabaseAsync(connectionString);
        }
    }

    [Theory]
    [InlineData(null, null, true)]
    [InlineData("Sqlite", null, true)]
    [InlineData("Postgres", null, false)]
    [InlineData("SqlServer", null, false)]
    [InlineData("Sqlite", "false", false)]
    [InlineData("Postgres", "true", true)]
    public void SeedDemo_DefaultsOnOnlyForTheEmbeddedDatabase(string? provider, string? seed, bool expected)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Provider"] = provider, ["Demo:Seed"] = seed })
            .Build();

        Assert.Equal(expected, DatabaseInitializer.SeedDemo(configuration));
    }

    private static string Flatten(Exception error)
    {
        var text = new System.Text.StringBuilder();
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            text.AppendLine(e.Message);
        }

        return text.ToString();
    }
}
