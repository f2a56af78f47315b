using System.Collections.Concurrent;
using System.Text.Json;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Portal.Features.Open311;
using ContactCenter.Portal.Tests.Hosting;
using Json.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Portal.Tests.Features.Open311;

/// <summary>
/// The real portal in memory with the Open311 API added the way Program.cs will add it (services, the rate limiter, the
/// endpoints), on a temporary SQLite file. With demo data it holds the Pyriatyn hromada and the key <c>demo-open311-key</c>.
/// </summary>
public class Open311Portal : IAsyncDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "cc-open311-tests", Guid.NewGuid().ToString("N"));
    private readonly Lazy<WebApplicationFactory<Program>> factory;

    protected Open311Portal(bool demo, int permitsPerMinute)
    {
        Directory.CreateDirectory(folder);
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:ContactCenter"] = "Data Source=" + Path.Combine(folder, "portal.db"),
            ["Demo:Seed"] = demo ? "true" : "false",
            ["Admin:Password"] = "Str0ng-Admin-Pass!",
            ["Open311:PermitsPerMinute"] = permitsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        factory = new(() => new PortalFactory(settings));
    }

    public HttpClient CreateClient() => factory.Value.CreateClient();

    public IServiceProvider Services => factory.Value.Services;

    public ContactCenterDbContext CreateDb() => Services.GetRequiredService<IDbContextFactory<ContactCenterDbContext>>().CreateDbContext();

    public async ValueTask DisposeAsync()
    {
        if (factory.IsValueCreated)
        {
            await factory.Value.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>One demo portal shared by a test class (seeding takes seconds).</summary>
public sealed class DemoOpen311Portal() : Open311Portal(demo: true, permitsPerMinute: 1000);

/// <summary>An empty portal with the default limit of 30 POSTs a minute.</summary>
public sealed class EmptyOpen311Portal() : Open311Portal(demo: false, permitsPerMinute: 30);

/// <summary>The JSON schemas of the GeoReport v2 answers, files beside these tests.</summary>
public static class Open311Schemas
{
    private static readonly ConcurrentDictionary<string, JsonSchema> Cache = new();

    public static void AssertValid(string schemaName, string json)
    {
        var schema = Cache.GetOrAdd(schemaName, name => JsonSchema.FromText(
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Features", "Open311", "Schemas", name + ".json")),
            baseUri: new Uri($"https://contact-center.test/open311/{name}.json")));
        using var document = JsonDocument.Parse(json);
        var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        Assert.True(result.IsValid, $"{schemaName}: {JsonSerializer.Serialize(result)}\n{json[..Math.Min(json.Length, 2000)]}");
    }
}
