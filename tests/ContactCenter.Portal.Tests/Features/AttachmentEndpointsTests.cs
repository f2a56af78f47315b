using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using ContactCenter.Domain.Common;
using ContactCenter.Infrastructure.Files;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Infrastructure.Tests.Support;
using ContactCenter.Portal.Auth;
using ContactCenter.Portal.Features.Appeals;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Portal.Tests.Features;

/// <summary>The download endpoint in a minimal host: a header stands in for the sign-in cookie.</summary>
public sealed class AttachmentEndpointsTests
{
    private const string UserHeader = "X-Test-Executor";

    private sealed class HeaderAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (!Request.Headers.TryGetValue(UserHeader, out var executorId))
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }

            var identity = new ClaimsIdentity(
                [
                    new Claim(ClaimTypes.NameIdentifier, "u-" + executorId),
                    new Claim(ClaimTypes.Role, nameof(Role.ExecutorResponsible)),
                    new Claim(PortalClaims.ExecutorId, executorId.ToString()),
                ],
                Scheme.Name);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Download_OnlyForThoseWhoMaySeeTheCard_WithTheOriginalNameAndNoSniffing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var cards = new Cards();
        string number;
        await using (var db = database.CreateContext())
        {
            await cards.AddReferenceDataAsync(db);
            number = (await CardStore.SaveNewAsync(db, cards.NewCard(), cards.Policy, Ct)).ToString();
        }

        var factory = database.Factory();
        var clock = new FakeTimeProvider(Cards.Now);
        var root = Path.Combine(Path.GetTempPath(), "cc-files-tests", Guid.NewGuid().ToString("N"));
        var store = new AttachmentStore(new AttachmentStoreOptions(root), factory, clock, NullLogger<AttachmentStore>.Instance);
        var handler = new AddAttachment(factory, store, new CardCommand(factory, clock, NullLogger<CardCommand>.Instance), NullLogger<AddAttachment>.Instance);
        var pdf = "%PDF-1.4\n%%EOF\n"u8.ToArray();
        var added = await handler.HandleAsync(new AddAttachmentCommand(number, null, new MemoryStream(pdf), "Акт виконаних робіт.pdf", pdf.Length, false), cards.WaterStaff, Ct);
        Assert.True(added.IsSuccess);

        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddSingleton<IDbContextFactory<ContactCenterDbContext>>(factory);
        builder.Services.AddSingleton(store);
        builder.Services.AddAuthentication("Test").AddScheme<AuthenticationSchemeOptions, HeaderAuthentication>("Test", null);
        builder.Services.AddAuthorization();
        await using var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapAttachmentEndpoints();
        await app.StartAsync(Ct);
        using var client = app.GetTestClient();
        try
        {
            var url = $"/files/{added.Value}";

            using var anonymous = await client.GetAsync(url, Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

            using var otherRequest = new HttpRequestMessage(HttpMethod.Get, url);
            otherRequest.Headers.Add(UserHeader, cards.Roads.Id.ToString());
            using var other = await client.SendAsync(otherRequest, Ct);
            Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);

            using var ownRequest = new HttpRequestMessage(HttpMethod.Get, url);
            ownRequest.Headers.Add(UserHeader, cards.Water.Id.ToString());
            using var own = await client.SendAsync(ownRequest, Ct);
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
            Assert.Equal(pdf, await own.Content.ReadAsByteArrayAsync(Ct));
            Assert.Equal("application/pdf", own.Content.Headers.ContentType?.MediaType);
            Assert.Equal("attachment", own.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Equal("Акт виконаних робіт.pdf", own.Content.Headers.ContentDisposition?.FileNameStar);
            Assert.Equal("nosniff", string.Join(",", own.Headers.GetValues("X-Content-Type-Options")));

            using var missingRequest = new HttpRequestMessage(HttpMethod.Get, $"/files/{Guid.NewGuid()}");
            missingRequest.Headers.Add(UserHeader, cards.Water.Id.ToString());
            using var missing = await client.SendAsync(missingRequest, Ct);
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }
        finally
        {
            await app.StopAsync(Ct);
            Directory.Delete(root, recursive: true);
        }
    }
}
