using ContactCenter.Domain.Common;
using ContactCenter.Domain.Deadlines;
using ContactCenter.Domain.Reporting;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Infrastructure.Reporting;
using ContactCenter.Portal.Features.Reports;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Tests.Features.Reports;

/// <summary>§4.1: each report goes to the people the regulation names, into their inbox and by mail.</summary>
public sealed class ReportRecipientsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 7, 0, 0, TimeSpan.Zero);
    private static readonly TimeZoneInfo Kyiv = DeadlinePolicy.Kyiv;

    private ReportsWorld world = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => world = await ReportsWorld.CreateAsync(DatabaseProvider.Sqlite, Now);

    public async ValueTask DisposeAsync() => await world.DisposeAsync();

    private async Task<string[]> AddresseesOfAsync(ReportRun run)
    {
        var built = await world.BuildAsync(run);
        Assert.Equal(BuildOutcome.Built, built.Outcome);
        await using var db = world.Db();
        var inbox = await db.ReportRecipients.Where(r => r.ReportId == built.ReportId).Join(db.Users, r => r.UserId, u => u.Id, (r, u) => u.UserName!).ToListAsync(Ct);
        var letters = await db.OutgoingMails.Where(m => m.Kind == "report").Select(m => m.To).ToListAsync(Ct);
        await db.OutgoingMails.ExecuteDeleteAsync(Ct);

        // Everyone in the inbox with an address gets a letter, and nobody else does.
        Assert.Equal(inbox.Order(), letters.Order());
        return inbox.Select(n => n.Split('@')[0]).Order().ToArray();
    }

    [Fact]
    public async Task Daily_GoesToTheExecutorsHeadAndResponsiblePersons_NotToItsPerformersNorOtherExecutors()
    {
        var run = new ReportRun(ReportKind.DailyCompliance, ReportingPeriod.Day(new DateOnly(2026, 11, 30), Kyiv), ReportScope.Executor(world.Cards.Water.Id));

        Assert.Equal(["water-head", "water-responsible"], await AddresseesOfAsync(run));
    }

    [Fact]
    public async Task Weekly_GoesToTheDirectionsDeputyAndTheHeadsOfItsExecutors()
    {
        var run = new ReportRun(ReportKind.WeeklyCompliance, ReportingPeriod.Week(new DateOnly(2026, 11, 23), Kyiv), ReportScope.Direction(world.Cards.Direction.Id));

        Assert.Equal(["deputy", "roads-head", "water-head"], await AddresseesOfAsync(run));
    }

    [Fact]
    public async Task Monthly_ForADirection_GoesToItsDeputyAndTheManager_ForTheCommunity_ToAllDeputiesAndTheManager()
    {
        var november = ReportingPeriod.Month(2026, 11, Kyiv);

        Assert.Equal(["deputy", "manager"], await AddresseesOfAsync(new ReportRun(ReportKind.MonthlyCompliance, november, ReportScope.Direction(world.Cards.Direction.Id))));
        Assert.Equal(["deputy", "manager", "other-deputy"], await AddresseesOfAsync(new ReportRun(ReportKind.MonthlyCompliance, november, ReportScope.Community)));
    }

    [Fact]
    public async Task TheNote_GoesToTheMayor_UnresolvedToDeputiesAndManager_StateStatisticsToTheDepartment()
    {
        Assert.Equal(["mayor"], await AddresseesOfAsync(new ReportRun(ReportKind.AnalyticalNote, ReportingPeriod.Month(2026, 11, Kyiv), ReportScope.Community)));
        Assert.Equal(["deputy", "manager", "other-deputy"], await AddresseesOfAsync(new ReportRun(ReportKind.WeeklyUnresolved, ReportingPeriod.Week(new DateOnly(2026, 11, 23), Kyiv), ReportScope.Community)));
        Assert.Equal(["operator"], await AddresseesOfAsync(new ReportRun(ReportKind.StateStatistics, ReportingPeriod.Quarter(2026, 3, Kyiv), ReportScope.Community)));
    }

    [Fact]
    public async Task Daily_ForAnExecutorWhoseHeadHasNoAccount_GoesByMailToTheHeadsAddress()
    {
        await using (var db = world.Db())
        {
            var head = await db.Users.SingleAsync(u => u.UserName == "social-head@rada.example.ua", Ct);
            head.IsActive = false;
            await db.SaveChangesAsync(Ct);
        }

        var built = await world.BuildAsync(new ReportRun(ReportKind.DailyCompliance, ReportingPeriod.Day(new DateOnly(2026, 11, 30), Kyiv), ReportScope.Executor(world.Social.Id)));

        await using var check = world.Db();
        Assert.Equal(0, await check.ReportRecipients.CountAsync(r => r.ReportId == built.ReportId, Ct));
        Assert.Equal(["uszn@rada.example.ua"], await check.OutgoingMails.Select(m => m.To).ToListAsync(Ct));
    }

    [Fact]
    public async Task OnDemand_GoesToWhoeverAsked_WithoutALetter_AndAHeadLetterAlsoToThatHead()
    {
        var asker = world.Actor("operator", Role.Operator);
        var build = world.Get<BuildReport>();
        var register = await build.HandleAsync(new BuildReportCommand(new ReportRun(ReportKind.Register, ReportingPeriod.Month(2026, 11, Kyiv), ReportScope.Community), ReportOrigin.OnDemand, null, asker), cancellationToken: Ct);
        var letter = await build.HandleAsync(new BuildReportCommand(new ReportRun(ReportKind.HeadLetter, ReportingPeriod.Month(2026, 11, Kyiv), ReportScope.Executor(world.Cards.Roads.Id)), ReportOrigin.OnDemand, null, asker), cancellationToken: Ct);

        await using var db = world.Db();
        var registerRow = await db.Reports.SingleAsync(r => r.Id == register.ReportId, Ct);
        Assert.Equal(ReportOrigin.OnDemand, registerRow.Origin);
        Assert.Equal(asker.Id, registerRow.RequestedById);
        Assert.Null(registerRow.DueAt);
        Assert.Equal([asker.Id], await db.ReportRecipients.Where(r => r.ReportId == register.ReportId).Select(r => r.UserId).ToListAsync(Ct));
        Assert.Equal(2, await db.ReportRecipients.CountAsync(r => r.ReportId == letter.ReportId, Ct));
        Assert.Equal(["roads-head@rada.example.ua"], await db.OutgoingMails.Select(m => m.To).ToListAsync(Ct));
    }
}
