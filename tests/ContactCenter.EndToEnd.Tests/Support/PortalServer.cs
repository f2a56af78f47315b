using ContactCenter.Portal.Features.Public;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.EndToEnd.Tests.Support;

/// <summary>
/// The real portal on Kestrel at a free loopback port, on a SQLite file with the demo hromada seeded
/// (the demo accounts all have the password <see cref="DemoPassword"/>). One per test collection: the seed takes seconds.
/// </summary>
public sealed class PortalServer : IAsyncLifetime
{
    public const string DemoPassword = "Demo-2026!";

    private readonly string folder = Path.Combine(Path.GetTempPath(), "cc-e2e-" + Guid.NewGuid().ToString("N"));
    private Factory? factory;

    /// <summary>The portal's address without the trailing slash, e.g. http://127.0.0.1:41234.</summary>
    public string BaseUrl { get; private set; } = string.Empty;

    public string Url(string path) => BaseUrl + (path.StartsWith('/') ? path : "/" + path);

    /// <summary>The portal's services, for a test that must look at the database behind the screens.</summary>
    public IServiceProvider Services => factory?.Services ?? throw new InvalidOperationException("The portal is not started.");

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        factory = new Factory(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:ContactCenter"] = "Data Source=" + Path.Combine(folder, "e2e.db"),
            ["Demo:Seed"] = "true",
            ["Reports:Root"] = Path.Combine(folder, "reports"),
        });
        factory.UseKestrel(0);
        factory.StartServer();

        var addresses = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("The portal reports no server addresses.");
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException("The portal listens on no http address: " + string.Join(", ", addresses));
        BaseUrl = address.TrimEnd('/');
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

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

    private sealed class Factory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");

            // The build output serves MudBlazor's and the framework's files (blazor.web.js) from their packages
            // through the static web assets manifest, which the host reads by itself only in Development.
            builder.UseStaticWebAssets();
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}
