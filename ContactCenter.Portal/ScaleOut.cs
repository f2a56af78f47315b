using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;

namespace ContactCenter.Portal;

/// <summary>
/// What several portal instances behind a proxy need (docs/operations.md, "Live screens and scaling out"): one
/// data-protection key ring, so a sign-in cookie or an antiforgery token made by one instance is read by another, and
/// the citizen's address from the proxy's forwarded headers, so the rate limits are per citizen and not per proxy.
/// </summary>
public static class ScaleOut
{
    /// <summary>
    /// The application name is fixed so that instances installed in different folders share one key ring; keys go to
    /// <c>DataProtection:KeysFolder</c> (a folder every instance reaches) when it is set.
    /// </summary>
    public static IServiceCollection AddScaleOut(this IServiceCollection services, IConfiguration configuration)
    {
        var protection = services.AddDataProtection().SetApplicationName("ContactCenter");
        if (configuration["DataProtection:KeysFolder"] is { Length: > 0 } folder)
        {
            protection.PersistKeysToFileSystem(new DirectoryInfo(folder));
        }

        var proxies = configuration.GetSection("Proxy:Addresses").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                // Only the named proxies are trusted: a client could otherwise forge its address and escape the limits.
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });
        return services;
    }

    /// <summary>Reads forwarded headers only when proxies are configured; without them every address is the peer's.</summary>
    public static WebApplication UseProxyHeaders(this WebApplication app)
    {
        if (app.Configuration.GetSection("Proxy:Addresses").Get<string[]>() is { Length: > 0 })
        {
            app.UseForwardedHeaders();
        }

        return app;
    }
}
