using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Benchmarks.Hosting;

/// <summary>
/// The real portal (its own Program, services and middleware) on Kestrel at a free loopback port in this process, as
/// the portal tests host it. Only observers are added (<paramref name="configureServices"/>): nothing the portal does
/// is replaced.
/// </summary>
public sealed class PortalHost : IAsyncDisposable
{
    private readonly Factory factory;

    private PortalHost(Factory factory, string baseUrl)
    {
        this.factory = factory;
        BaseUrl = baseUrl;
    }

    /// <summary>http://127.0.0.1:port, without the trailing slash.</summary>
    public string BaseUrl { get; }

    public IServiceProvider Services => factory.Services;

    public static PortalHost Start(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? configureServices = null)
    {
        var all = new Dictionary<string, string?>(settings)
        {
            // A log line per registration would cost the server time the measurement is about.
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",

            // Migrating an empty PostgreSQL database logs its first look for the history table as a failed command.
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Critical",
        };
        var factory = new Factory(all, configureServices);
        factory.UseKestrel(0);
        factory.StartServer();
        var addresses = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException("The portal listens on no http address: " + string.Join(", ", addresses));

        // Clients connect to the IPv4 loopback by number: a client socket bound to a 127.0.0.x source address
        // cannot reach ::1, which "localhost" may resolve to first.
        var uri = new UriBuilder(address) { Host = "127.0.0.1" }.Uri;
        return new PortalHost(factory, uri.GetLeftPart(UriPartial.Authority));
    }

    public ValueTask DisposeAsync() => factory.DisposeAsync();

    private sealed class Factory(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? configureServices)
        : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");

            // blazor.web.js and MudBlazor's files come from their packages through the static web assets manifest,
            // which the host reads by itself only in Development.
            builder.UseStaticWebAssets();
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            if (configureServices is not null)
            {
                builder.ConfigureServices(configureServices);
            }
        }
    }
}
