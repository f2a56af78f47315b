using System.Diagnostics;
using ContactCenter.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Infrastructure.Persistence;

/// <summary>
/// Runs at start: applies pending migrations, turns on WAL for SQLite, creates the roles and the administrator, and
/// (with <c>Demo:Seed</c>) fills an empty database with a realistic hromada.
/// </summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<ContactCenterDbContext> factory,
    UserManager<PortalUser> users,
    RoleManager<IdentityRole> roles,
    IConfiguration configuration,
    TimeProvider clock,
    ILogger<DatabaseInitializer> logger)
{
    public const string DemoSeedKey = "Demo:Seed";
    public const string AdminEmailKey = "Admin:Email";
    public const string AdminPasswordKey = "Admin:Password";
    public const string DefaultAdminEmail = "admin@demo.local";

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            if (db.Provider == DatabaseProvider.Sqlite)
            {
                // WAL lets readers (queues, dashboards) work while a card is written; it is a property of the file.
                await db.Database.OpenConnectionAsync(cancellationToken);
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }

            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                logger.LogInformation("Applying {Count} migrations to {Provider}", pending.Count, db.Provider);
            }

            await db.Database.MigrateAsync(cancellationToken);
        }

        foreach (var role in PortalIdentity.Roles)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Ensure(await roles.CreateAsync(new IdentityRole(role)), $"role {role}");
            }
        }

        var seedDemo = SeedDemo(configuration);
        if (seedDemo)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var started = Stopwatch.GetTimestamp();
            var seeded = await DemoSeed.SeedAsync(db, users, clock.GetUtcNow(), cancellationToken);
            if (seeded)
            {
                logger.LogInformation("Demo data created in {Seconds:F1} s", Stopwatch.GetElapsedTime(started).TotalSeconds);
            }
        }
        else
        {
            await EnsureAdministratorAsync();
        }
    }

    /// <summary>Demo data is on by default only for the embedded SQLite default.</summary>
    public static bool SeedDemo(IConfiguration configuration)
    {
        var text = configuration[DemoSeedKey];
        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        var provider = configuration[DatabaseOptions.ProviderKey];
        return string.IsNullOrWhiteSpace(provider) || provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase);
    }

    private async Task EnsureAdministratorAsync()
    {
        var email = configuration[AdminEmailKey] ?? DefaultAdminEmail;
        if (await users.FindByEmailAsync(email) is not null)
        {
            return;
        }

        // No default password outside demo mode: the first administrator's password must be configured.
        var password = configuration[AdminPasswordKey];
        if (string.IsNullOrWhiteSpace(password))
        {
            throw new InvalidOperationException(
                $"No administrator exists yet: set {AdminPasswordKey} (and optionally {AdminEmailKey}) to create one, or run with {DemoSeedKey}=true.");
        }

        var admin = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, FullName = "Адміністратор" };
        Ensure(await users.CreateAsync(admin, password), "administrator");
        Ensure(await users.AddToRoleAsync(admin, nameof(Domain.Common.Role.Admin)), "administrator role");
    }

    internal static void Ensure(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
