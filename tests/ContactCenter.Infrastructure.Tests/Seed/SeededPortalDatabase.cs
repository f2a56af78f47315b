using ContactCenter.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Infrastructure.Tests.Seed;

/// <summary>A SQLite file in a temporary folder, initialised by the real start-up path with the demo seed on.</summary>
public sealed class SeededPortalDatabase : IAsyncLifetime
{
    /// <summary>A Wednesday in the heating season, 11:30 in Kyiv.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 30, 0, TimeSpan.Zero);

    private readonly string folder = Path.Combine(Path.GetTempPath(), "cc-seed-" + Guid.NewGuid().ToString("N"));

    public ServiceProvider Services { get; private set; } = null!;

    public IDbContextFactory<ContactCenterDbContext> Factory => Services.GetRequiredService<IDbContextFactory<ContactCenterDbContext>>();

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        Services = Build(folder, "demo.db", Now);
        await InitializeDatabaseAsync(Services);
    }

    public static ServiceProvider Build(string folder, string file, DateTimeOffset now)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Sqlite",
                ["ConnectionStrings:ContactCenter"] = "Data Source=" + Path.Combine(folder, file),
                ["Demo:Seed"] = "true",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDataProtection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddInfrastructure(configuration, folder);
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(now));
        return services.BuildServiceProvider();
    }

    public static async Task InitializeDatabaseAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(TestContext.Current.CancellationToken);
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
