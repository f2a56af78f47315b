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
    ContactCenterDbContext identityContext,
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

            // Instances started together would apply the same migration twice: one migrates while the others wait.
            await MigrationLock.RunAsync(db, ct => db.Database.MigrateAsync(ct), cancellationToken);
        }

        foreach (var role in PortalIdentity.Roles)
        {
            await CreateUnlessAnotherInstanceDidAsync(
                () => roles.RoleExistsAsync(role),
                async () => Ensure(await roles.CreateAsync(new IdentityRole(role)), $"role {role}"));
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

        await CreateUnlessAnotherInstanceDidAsync(
            async () => await users.FindByEmailAsync(email) is not null,
            async () =>
            {
                var admin = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, FullName = "Адміністратор" };
                Ensure(await users.CreateAsync(admin, password), "administrator");
                Ensure(await users.AddToRoleAsync(admin, nameof(Domain.Common.Role.Admin)), "administrator role");
            });
    }

    /// <summary>
    /// Instances started together on an empty database all find the role (or the administrator) missing; the unique
    /// index refuses every insert but one, and what the other instance created is what was wanted. The refused insert
    /// is forgotten, or the identity stores' context would try it again with the next save.
    /// </summary>
    private async Task CreateUnlessAnotherInstanceDidAsync(Func<Task<bool>> exists, Func<Task> create)
    {
        if (await exists())
        {
            return;
        }

        try
        {
            await create();
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException)
        {
            // Refused by the unique index, or by Identity's own duplicate check when the other instance committed first.
            identityContext.ChangeTracker.Clear();
            if (!await exists())
            {
                throw;
            }
        }
    }

    internal static void Ensure(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
