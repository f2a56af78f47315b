using ContactCenter.Domain.Common;
using ContactCenter.Infrastructure;
using ContactCenter.Infrastructure.Identity;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Infrastructure.Tests.Support;
using ContactCenter.Portal.Features.Admin;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Portal.Tests.Features.Admin;

/// <summary>
/// A real SQLite file initialised by the start-up path (migrations, roles, the first administrator, no demo data), the
/// reference data of <see cref="Cards"/>, and the administration handlers as the portal registers them.
/// </summary>
public sealed class AdminHost : IAsyncDisposable
{
    public const string AdminEmail = "admin@test.local";
    public const string StrongPassword = "Sokil-2026!";

    private readonly string folder = Path.Combine(Path.GetTempPath(), "cc-admin-" + Guid.NewGuid().ToString("N"));

    private AdminHost()
    {
    }

    public ServiceProvider Services { get; private set; } = null!;

    public Cards Cards { get; } = new();

    public Actor Admin { get; private set; } = null!;

    public static Actor Operator => Cards.Operator;

    public IDbContextFactory<ContactCenterDbContext> Factory => Services.GetRequiredService<IDbContextFactory<ContactCenterDbContext>>();

    public static async Task<AdminHost> CreateAsync()
    {
        var host = new AdminHost();
        Directory.CreateDirectory(host.folder);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Sqlite",
                ["ConnectionStrings:ContactCenter"] = "Data Source=" + Path.Combine(host.folder, "admin.db"),
                ["Demo:Seed"] = "false",
                ["Admin:Email"] = AdminEmail,
                ["Admin:Password"] = StrongPassword,
            })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDataProtection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddInfrastructure(configuration, host.folder);
        services.AddScoped<IdentityErrorDescriber, UkrainianIdentityErrorDescriber>();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(Cards.Now));
        services.AddAdminFeatures();
        host.Services = services.BuildServiceProvider();

        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(TestContext.Current.CancellationToken);
            var admin = await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(AdminEmail);
            host.Admin = new Actor(admin!.Id, admin.FullName, Role.Admin);
        }

        await using var db = await host.Factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        await host.Cards.AddReferenceDataAsync(db);
        return host;
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public ContactCenterDbContext Db() => Factory.CreateDbContext();

    public async Task<PortalUser?> FindUserAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(email);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left to the temp folder's cleanup.
        }
    }
}
