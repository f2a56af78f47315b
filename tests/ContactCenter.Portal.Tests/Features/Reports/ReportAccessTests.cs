using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using ContactCenter.Domain.Common;
using ContactCenter.Domain.Deadlines;
using ContactCenter.Domain.Reporting;
using ContactCenter.Infrastructure.Files;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Portal.Auth;
using ContactCenter.Portal.Features.Reports;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactCenter.Portal.Tests.Features.Reports;

/// <summary>Who may list and download which report: checked on the server, the same way for the page and the file.</summary>
public sealed class ReportAccessTests : IAsyncLifetime
{
    private const string UserHeader = "X-Test-User";
    private static readonly TimeZoneInfo Kyiv = DeadlinePolicy.Kyiv;

    private ReportsWorld world = null!;
    private Guid waterDaily;
    private Guid roadsDaily;
    private Guid socialDaily;
    private Guid housingWeekly;
    private Guid note;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        world = await ReportsWorld.CreateAsync(DatabaseProvider.Sqlite, new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
        var day = ReportingPeriod.Day(new DateOnly(2026, 11, 30), Kyiv);
        waterDaily = (await world.BuildAsync(new ReportRun(ReportKind.DailyCompliance, day, ReportScope.Executor(world.Cards.Water.Id)))).ReportId!.Value;
        roadsDaily = (await world.BuildAsync(new ReportRun(ReportKind.DailyCompliance, day, ReportScope.Executor(world.Cards.Roads.Id)))).ReportId!.Value;
        socialDaily = (await world.BuildAsync(new ReportRun(ReportKind.DailyCompliance, day, ReportScope.Executor(world.Social.Id)))).ReportId!.Value;
        housingWeekly = (await world.BuildAsync(new ReportRun(ReportKind.WeeklyCompliance, ReportingPeriod.Week(new DateOnly(2026, 11, 23), Kyiv), ReportScope.Direction(world.Cards.Direction.Id)))).ReportId!.Value;
        note = (await world.BuildAsync(new ReportRun(ReportKind.AnalyticalNote, ReportingPeriod.Month(2026, 11, Kyiv), ReportScope.Community))).ReportId!.Value;
    }

    public async ValueTask DisposeAsync() => await world.DisposeAsync();

    private async Task<Guid[]> VisibleAsync(Actor actor) =>
        (await world.Get<ReportsQuery>().ListAsync(actor, new ReportFilter(Take: 100), Ct)).Rows.Select(r => r.Id).Order().ToArray();

    [Fact]
    public async Task TheList_ShowsEachPersonOnlyWhatTheyMayOpen()
    {
        Guid[] all = [waterDaily, roadsDaily, socialDaily, housingWeekly, note];

        Assert.Equal(all.Order(), await VisibleAsync(world.Actor("operator", Role.Operator)));
        Assert.Equal(all.Order(), await VisibleAsync(world.Actor("manager", Role.Manager)));
        Assert.Equal(all.Order(), await VisibleAsync(world.Actor("mayor", Role.Mayor)));
        Assert.Equal(new[] { waterDaily }, await VisibleAsync(world.Actor("water-responsible", Role.ExecutorResponsible)));
        Assert.Equal(new[] { waterDaily }, await VisibleAsync(world.Actor("water-performer", Role.Performer)));

        // The head of Water also received the direction's weekly report.
        Assert.Equal(new[] { waterDaily, housingWeekly }.Order(), await VisibleAsync(world.Actor("water-head", Role.ExecutorHead)));

        // The deputy of housing: the direction's and its executors' reports, not those of social protection.
        Assert.Equal(new[] { waterDaily, roadsDaily, housingWeekly }.Order(), await VisibleAsync(world.Actor("deputy", Role.Deputy)));
    }

    [Fact]
    public async Task TheBadge_CountsTheReportsAddressedToThePerson_UntilTheyDownloadThem()
    {
        var query = world.Get<ReportsQuery>();
        var head = world.Actor("water-head", Role.ExecutorHead);
        var changed = new List<IReadOnlyCollection<string>?>();
        world.Get<ReportInbox>().Changed += changed.Add;

        Assert.Equal(2, await query.UnreadCountAsync(head, Ct));
        Assert.Equal(0, await query.UnreadCountAsync(world.Actor("operator", Role.Operator), Ct));
        await world.Get<ReportInbox>().MarkReadAsync(head.Id, waterDaily, Ct);
        await world.Get<ReportInbox>().MarkReadAsync(head.Id, waterDaily, Ct);

        Assert.Equal(1, await query.UnreadCountAsync(head, Ct));
        var unread = await query.ListAsync(head, new ReportFilter(UnreadOnly: true), Ct);
        Assert.Equal([housingWeekly], unread.Rows.Select(r => r.Id));
        Assert.True(unread.Rows[0].Unread);
        Assert.Equal(new[] { head.Id }, Assert.Single(changed)!);
    }

    [Fact]
    public async Task TheList_FiltersByKindScopeAndPeriod()
    {
        var query = world.Get<ReportsQuery>();
        var op = world.Actor("operator", Role.Operator);

        Assert.Equal(3, (await query.ListAsync(op, new ReportFilter(Kind: ReportKind.DailyCompliance), Ct)).Total);
        Assert.Equal([note], (await query.ListAsync(op, new ReportFilter(Scope: ScopeKind.Community), Ct)).Rows.Select(r => r.Id));
        Assert.Equal([housingWeekly], (await query.ListAsync(op, new ReportFilter(From: new DateOnly(2026, 11, 20), To: new DateOnly(2026, 11, 25)), Ct)).Rows.Select(r => r.Id));
        var noteRow = (await query.ListAsync(op, new ReportFilter(Kind: ReportKind.AnalyticalNote), Ct)).Rows.Single();
        Assert.Equal("листопад 2026", noteRow.Period);
        Assert.Equal(ReportNames.Community, noteRow.ScopeName);
    }

    [Fact]
    public async Task TheFile_IsServedOnlyToThoseWhoMayOpenIt_AndMarksItRead()
    {
        await using var app = await StartAsync();
        using var client = app.GetTestClient();

        async Task<HttpStatusCode> GetAsync(Guid report, string? person, Role role)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/reports/{report}/file");
            if (person is not null)
            {
                request.Headers.Add(UserHeader, $"{world.People[person].Id}|{role}|{world.People[person].ExecutorId}|{(role == Role.Deputy ? world.Cards.Direction.Id : string.Empty)}");
            }

            using var response = await client.SendAsync(request, Ct);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                Assert.Equal(ReportFile.Xlsx, response.Content.Headers.ContentType?.MediaType);
                Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
                var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
                Assert.Equal("PK"u8.ToArray(), bytes[..2]);
            }

            return response.StatusCode;
        }

        // An executor's people open their own executor's daily report, and another executor's is "not found".
        Assert.Equal(HttpStatusCode.OK, await GetAsync(waterDaily, "water-responsible", Role.ExecutorResponsible));
        Assert.Equal(HttpStatusCode.NotFound, await GetAsync(roadsDaily, "water-responsible", Role.ExecutorResponsible));
        Assert.Equal(HttpStatusCode.NotFound, await GetAsync(note, "water-head", Role.ExecutorHead));
        Assert.Equal(HttpStatusCode.OK, await GetAsync(roadsDaily, "deputy", Role.Deputy));
        Assert.Equal(HttpStatusCode.NotFound, await GetAsync(socialDaily, "deputy", Role.Deputy));
        Assert.Equal(HttpStatusCode.OK, await GetAsync(note, "mayor", Role.Mayor));
        Assert.Equal(HttpStatusCode.OK, await GetAsync(socialDaily, "operator", Role.Operator));
        Assert.Equal(HttpStatusCode.NotFound, await GetAsync(Guid.NewGuid(), "operator", Role.Operator));
        Assert.Equal(HttpStatusCode.Unauthorized, await GetAsync(waterDaily, null, Role.Operator));

        await using var db = world.Db();
        var read = await db.ReportRecipients.Where(r => r.ReportId == waterDaily).ToDictionaryAsync(r => r.UserId, r => r.ReadAt, Ct);
        Assert.NotNull(read[world.People["water-responsible"].Id]);
        Assert.Null(read[world.People["water-head"].Id]);
    }

    private async Task<WebApplication> StartAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddSingleton(world.Factory);
        builder.Services.AddSingleton(world.Get<ReportStore>());
        builder.Services.AddSingleton(world.Get<ReportInbox>());
        builder.Services.AddAuthentication("Test").AddScheme<AuthenticationSchemeOptions, HeaderAuthentication>("Test", null);
        builder.Services.AddAuthorization();
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapReportEndpoints();
        await app.StartAsync(Ct);
        return app;
    }

    /// <summary>A header "user id|role|executor id|direction id" stands in for the sign-in cookie.</summary>
    private sealed class HeaderAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (!Request.Headers.TryGetValue(UserHeader, out var value))
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }

            var parts = value.ToString().Split('|');
            var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, parts[0]), new(ClaimTypes.Role, parts[1]) };
            if (parts[2].Length > 0)
            {
                claims.Add(new Claim(PortalClaims.ExecutorId, parts[2]));
            }

            if (parts[3].Length > 0)
            {
                claims.Add(new Claim(PortalClaims.DirectionId, parts[3]));
            }

            var identity = new ClaimsIdentity(claims, Scheme.Name);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
        }
    }
}
