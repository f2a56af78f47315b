using System.Net;
using System.Text.RegularExpressions;
using ContactCenter.Domain.Appeals;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Infrastructure.Tests.Support;
using ContactCenter.Portal.Features.Intake;
using ContactCenter.Portal.Realtime;
using ContactCenter.Portal.Tests.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Portal.Tests.Realtime;

/// <summary>
/// Two portal instances on one PostgreSQL database, as behind a load balancer (docs/operations.md): a card registered
/// through instance A reaches a hub client and the circuits on instance B, and a sign-in made on A is accepted by B
/// because the instances share their data-protection keys.
/// </summary>
public sealed partial class TwoInstancesTests
{
    private const string AdminEmail = "chief@rada.example.ua";
    private const string AdminPassword = "Str0ng-Admin-Pass!";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ACardRegisteredOnOneInstance_ReachesScreensOnTheOther()
    {
        var connectionString = await PostgresDatabase.CreateDatabaseAsync("cc_two");
        var keys = Path.Combine(Path.GetTempPath(), "cc-two-instances", Guid.NewGuid().ToString("N"));
        try
        {
            await using var a = Start(connectionString, keys, out var urlA);
            await using var b = Start(connectionString, keys, out var urlB);
            Assert.NotEqual(urlA, urlB);
            var cards = new Cards();
            await using (var db = await a.Services.GetRequiredService<IDbContextFactory<ContactCenterDbContext>>().CreateDbContextAsync(Ct))
            {
                await cards.AddReferenceDataAsync(db);
            }

            // Signed in on A, connected to B: the cookie is read with the shared key ring.
            var cookies = await SignInAsync(urlA);
            Assert.NotEmpty(Directory.EnumerateFiles(keys, "key-*.xml"));
            var received = new TaskCompletionSource<CardEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
            await using var hubOnB = new HubConnectionBuilder().WithUrl(urlB + CardsHub.Path, o => o.Cookies = cookies).Build();
            hubOnB.On<CardEvent>(CardsHub.CardChanged, e =>
            {
                if (e.Kind == "Registered")
                {
                    received.TrySetResult(e);
                }
            });
            await hubOnB.StartAsync(Ct);

            var dispatcherB = b.Services.GetRequiredService<OutboxDispatcher>();
            var circuitFeedOnB = new TaskCompletionSource<CardEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
            dispatcherB.Changed += e => circuitFeedOnB.TrySetResult(e);
            await dispatcherB.DispatchAsync(Ct);

            var result = await a.Services.GetRequiredService<RegisterAppeal>().HandleAsync(
                new RegisterAppealCommand(new NewAppeal(Channel.Phone, new Applicant("Іваненко", "Марія", "Петрівна", "вул. Соборна, 1", "0671234567", null), "Немає води", "вул. Соборна, 1"), cards.Problem.Id),
                Cards.Operator,
                Ct);
            Assert.NotNull(result.RegistrationNumber);

            var onHub = await received.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
            var onCircuits = await circuitFeedOnB.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
            Assert.Equal(result.RegistrationNumber, onHub.RegistrationNumber);
            Assert.Equal(result.RegistrationNumber, onCircuits.RegistrationNumber);
            Assert.Equal(onHub.Sequence, onCircuits.Sequence);

            // A client that was away asks B for what it missed and gets the card registered through A.
            var replay = await hubOnB.InvokeAsync<IReadOnlyList<CardEvent>>(nameof(CardsHub.CatchUp), onHub.Sequence - 1, Ct);
            Assert.Equal([onHub.Sequence], replay.Select(e => e.Sequence));
        }
        finally
        {
            await PostgresDatabase.DropDatabaseAsync(connectionString);
        }
    }

    private static PortalFactory Start(string connectionString, string keysFolder, out string baseUrl)
    {
        var factory = new PortalFactory(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:ContactCenter"] = connectionString,
            ["Demo:Seed"] = "false",
            ["Admin:Email"] = AdminEmail,
            ["Admin:Password"] = AdminPassword,
            ["DataProtection:KeysFolder"] = keysFolder,
        });
        factory.UseKestrel(0);
        factory.StartServer();
        baseUrl = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First(x => x.StartsWith("http://", StringComparison.Ordinal)).TrimEnd('/');
        return factory;
    }

    private static async Task<CookieContainer> SignInAsync(string baseUrl)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl) };
        var page = await http.GetStringAsync("/Account/Login", Ct);
        var token = TokenPattern().Match(page).Groups[1].Value;
        var response = await http.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = AdminEmail,
            ["Input.Password"] = AdminPassword,
        }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return cookies;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
