using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Portal.Tests.Hosting;

/// <summary>The real portal in memory, with its configuration given per test (each test gets its own database).</summary>
public sealed partial class PortalFactory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    public const string AdminEmail = "chief@rada.example.ua";
    public const string AdminPassword = "Str0ng-Admin-Pass!";

    /// <summary>A portal without demo data on a fresh SQLite file, whose only account is the administrator.</summary>
    public static Dictionary<string, string?> SqliteSettings() => new()
    {
        ["Database:Provider"] = "Sqlite",
        ["ConnectionStrings:ContactCenter"] = $"Data Source={Path.Combine(Path.GetTempPath(), "cc-portal-tests", Guid.NewGuid().ToString("N"), "portal.db")}",
        ["Demo:Seed"] = "false",
        ["Admin:Email"] = AdminEmail,
        ["Admin:Password"] = AdminPassword,
    };

    /// <summary>Starts the portal on Kestrel at a free loopback port, for clients that need a real socket (SignalR, a second instance).</summary>
    public static PortalFactory OnLoopback(IReadOnlyDictionary<string, string?> settings)
    {
        var factory = new PortalFactory(settings);
        factory.UseKestrel(0);
        factory.StartServer();
        return factory;
    }

    /// <summary>The loopback address of a portal started with <see cref="OnLoopback"/>.</summary>
    public string BaseUrl => Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
        .First(a => a.StartsWith("http://", StringComparison.Ordinal)).TrimEnd('/');

    /// <summary>Signs in through the login form, as a browser would; the cookies then open the hub and the pages.</summary>
    public Task<CookieContainer> SignInAsync(string email = AdminEmail, string password = AdminPassword, CancellationToken cancellationToken = default) =>
        SignInAsync(BaseUrl, email, password, cancellationToken);

    /// <summary>Signs in through the login form of the portal at <paramref name="baseUrl"/> (in this process or another).</summary>
    public static async Task<CookieContainer> SignInAsync(string baseUrl, string email, string password, CancellationToken cancellationToken)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl) };
        var page = await http.GetStringAsync("/Account/Login", cancellationToken);
        var token = TokenPattern().Match(page).Groups[1].Value;
        var response = await http.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }), cancellationToken);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in of {email} failed: {response.StatusCode}.");
        }

        return cookies;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");

        // Scheduled jobs (reports, deadline watcher, retention) only where a test asks for them with Jobs:Enabled=true.
        builder.UseSetting("Jobs:Enabled", "false");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
