using System.Net;
using System.Text.Json;
using ContactCenter.Domain.Common;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Infrastructure.Tests.Support;
using ContactCenter.Portal.Features.Admin;
using ContactCenter.Portal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ContactCenter.Portal.Tests.Hosting;

/// <summary>
/// PostgreSQL goes away under a running portal (the connection to it passes a relay, which is cut: new connections are
/// refused and open ones reset, as when the server is stopped) and comes back. The API answers the spec's error list
/// with 503, a signed-in person's page says in Ukrainian that the database is unreachable, and once the server is back
/// the same process registers cards again by itself. The load harness (<c>faults --scenario pgstop</c>) stops a real
/// cluster for 30 s under load.
/// </summary>
public sealed class DatabaseOutageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WhileTheDatabaseIsUnreachable_RequestsFailAtOnceWithAClearAnswer_AndThePortalRecoversByItself()
    {
        var connectionString = await PostgresDatabase.CreateDatabaseAsync("cc_outage");
        var server = new NpgsqlConnectionStringBuilder(connectionString);
        await using var relay = TcpRelay.Start(new DnsEndPoint(server.Host!, server.Port));
        var throughRelay = new NpgsqlConnectionStringBuilder(connectionString) { Host = "127.0.0.1", Port = relay.Port }.ConnectionString;
        try
        {
            await using var portal = PortalFactory.OnLoopback(new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Postgres",
                ["ConnectionStrings:ContactCenter"] = throughRelay,
                ["Demo:Seed"] = "false",
                ["Admin:Email"] = PortalFactory.AdminEmail,
                ["Admin:Password"] = PortalFactory.AdminPassword,
            });
            var cards = new Cards();
            await using (var db = await portal.Services.GetRequiredService<IDbContextFactory<ContactCenterDbContext>>().CreateDbContextAsync(Ct))
            {
                await cards.AddReferenceDataAsync(db);
            }

            var issued = await portal.Services.GetRequiredService<IssueApiKey>().HandleAsync(new IssueApiKeyCommand("Застосунок громади"), new Actor("admin", "Адміністратор", Role.Admin), Ct);
            var key = issued.Value!.Key;
            var cookies = await portal.SignInAsync(cancellationToken: Ct);
            using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(portal.BaseUrl) };

            var before = await PostAsync(http, key, cards.Problem.Code);
            Assert.Equal(HttpStatusCode.OK, before.Status);

            relay.Cut();

            // Open311: the spec's error list (code and description), 503, and when to try again.
            var refused = await PostAsync(http, key, cards.Problem.Code);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.Status);
            Assert.Equal("application/json", refused.ContentType);
            Assert.NotNull(refused.RetryAfter);
            var error = Assert.Single(JsonDocument.Parse(refused.Body).RootElement.EnumerateArray());
            Assert.Equal(503, error.GetProperty("code").GetInt32());
            Assert.Equal(DatabaseFailure.Message, error.GetProperty("description").GetString());

            using var services = await http.GetAsync("/open311/v2/services.xml", Ct);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, services.StatusCode);
            Assert.Contains("<code>503</code>", await services.Content.ReadAsStringAsync(Ct));

            // A signed-in person's page: the error page with its menu (whose report badge needs the database) says why.
            using var page = await http.GetAsync("/", Ct);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync(Ct));
            Assert.Contains(DatabaseFailure.Message, html);
            Assert.Contains("Звіти", html);

            relay.Restore();

            // Back by itself: the pool's broken connections are dropped, and the next registrations are saved.
            var after = await PostUntilAcceptedAsync(http, key, cards.Problem.Code);
            Assert.Equal(HttpStatusCode.OK, after.Status);
            var number = JsonDocument.Parse(after.Body).RootElement[0].GetProperty("service_request_id").GetString();
            await using var check = await portal.Services.GetRequiredService<IDbContextFactory<ContactCenterDbContext>>().CreateDbContextAsync(Ct);
            Assert.True(await check.Appeals.AnyAsync(a => a.Number == number, Ct));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await PostgresDatabase.DropDatabaseAsync(connectionString);
        }
    }

    private static async Task<(HttpStatusCode Status, string Body, string? ContentType, string? RetryAfter)> PostAsync(HttpClient http, string key, string serviceCode)
    {
        using var response = await http.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["api_key"] = key,
            ["service_code"] = serviceCode,
            ["address_string"] = "м. Пирятин, вул. Соборна, 12",
            ["email"] = "oksana@example.ua",
            ["first_name"] = "Оксана",
            ["last_name"] = "Коваленко",
            ["phone"] = "067 111 22 33",
            ["description"] = "Порив водопроводу біля будинку.",
            ["attribute[patronymic]"] = "Іванівна",
            ["attribute[residence]"] = "м. Пирятин, вул. Незалежності, 77",
        }), Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct), response.Content.Headers.ContentType?.MediaType, response.Headers.RetryAfter?.ToString());
    }

    /// <summary>The first few requests after the server returns may still meet a connection broken by the outage.</summary>
    private static async Task<(HttpStatusCode Status, string Body, string? ContentType, string? RetryAfter)> PostUntilAcceptedAsync(HttpClient http, string key, string serviceCode)
    {
        for (var attempt = 1; ; attempt++)
        {
            var answer = await PostAsync(http, key, serviceCode);
            if (answer.Status != HttpStatusCode.ServiceUnavailable || attempt == 20)
            {
                return answer;
            }

            await Task.Delay(250, Ct);
        }
    }
}
