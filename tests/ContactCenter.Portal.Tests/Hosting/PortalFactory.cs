using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ContactCenter.Portal.Tests.Hosting;

/// <summary>The real portal in memory, with its configuration given per test (each test gets its own database).</summary>
public sealed class PortalFactory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
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
}
