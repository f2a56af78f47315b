using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Deadlines;
using ContactCenter.Domain.Intake;
using ContactCenter.Domain.Organisation;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Infrastructure.Tests.Support;
using ContactCenter.Portal.Features.Admin;
using ContactCenter.Portal.Features.Control;
using ContactCenter.Portal.Features.Intake;
using ContactCenter.Portal.Tests.Features.Admin;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Portal.Tests.Features;

/// <summary>
/// Registration reads the classifier, the executors, the territories, the settings, the calendar and the blocks from
/// the copy <see cref="ReferenceData"/> keeps in memory: a change saved on this instance applies to the very next
/// registration, one saved by another instance once the copy expires.
/// </summary>
public sealed class RegistrationReferenceDataTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static RegisterAppeal Register(AdminHost host) =>
        new(host.Factory, host.Get<ReferenceData>(), host.Get<TimeProvider>(), NullLogger<RegisterAppeal>.Instance);

    private static RegisterAppealCommand Call(AdminHost host, string phone, string address = "м. Пирятин, вул. Соборна, 1", string? email = null, Channel channel = Channel.Phone) =>
        new(new NewAppeal(channel, new Applicant("Іваненко", "Марія", "Петрівна", "м. Пирятин, вул. Соборна, 1", phone, email), "Немає води", address), host.Cards.Problem.Id);

    [Fact]
    public async Task AnAdministratorsChange_AppliesToTheVeryNextRegistration_OnThisInstance()
    {
        await using var host = await AdminHost.CreateAsync();
        var register = Register(host);
        var first = await register.HandleAsync(Call(host, "067 000 00 01"), Cards.Operator, Ct);
        Assert.True(first.IsSuccess, string.Join("; ", first.Errors));
        Assert.Equal(host.Cards.Water.Name, first.ExecutorName);

        // The calendar: the first card's last day becomes a day off, so the next card's term ends later.
        var lastDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(first.DueAt!.Value, DeadlinePolicy.Kyiv).DateTime);
        Assert.True((await host.Get<SaveCalendarDay>().HandleAsync(new(lastDay, CalendarDayKind.DayOff, "Вихідний за розпорядженням"), host.Admin, Ct)).IsSuccess);
        var second = await register.HandleAsync(Call(host, "067 000 00 02"), Cards.Operator, Ct);
        Assert.True(second.DueAt > first.DueAt, $"{second.DueAt} after {first.DueAt}");

        // A territory and the classifier's route for it: the village's card goes to the other executor.
        var village = new Territory(Guid.NewGuid(), "Грабарівський старостинський округ", TerritoryKind.StarostaDistrict, ["Грабарівка"]);
        await using (var db = host.Db())
        {
            db.Territories.Add(village);
            await db.SaveChangesAsync(Ct);
        }

        Assert.True((await host.Get<SetClassifierRoute>().HandleAsync(new(host.Cards.Problem.Id, village.Id, host.Cards.Roads.Id), host.Admin, Ct)).IsSuccess);
        var routed = await register.HandleAsync(Call(host, "067 000 00 03", "с. Грабарівка, вул. Миру, 1"), Cards.Operator, Ct);
        Assert.Equal(host.Cards.Roads.Name, routed.ExecutorName);

        // A setting: a mail domain blocked for appeals sent from it (§2.1).
        Assert.True((await host.Get<SaveSettings>().HandleAsync(new("ukr.net", 30, 24, 10, 10), host.Admin, Ct)).IsSuccess);
        var mail = await register.HandleAsync(Call(host, "067 000 00 04", email: "maria@ukr.net", channel: Channel.Web), Cards.Operator, Ct);
        Assert.Equal(IntakeErrors.MailDomainBlocked, Assert.Single(mail.Errors));

        // An applicant blocked by the Department (§2.5).
        var block = new BlockApplicant(host.Factory, host.Get<TimeProvider>(), NullLogger<BlockApplicant>.Instance);
        Assert.True((await block.HandleAsync(new("067 000 00 05", null, "Нецензурна лайка"), Cards.Operator, Ct)).IsSuccess);
        var blocked = await register.HandleAsync(Call(host, "067 000 00 05"), Cards.Operator, Ct);
        Assert.Equal(IntakeErrors.ApplicantBlocked, Assert.Single(blocked.Errors));

        // The problem taken out of the classifier.
        Assert.True((await host.Get<SetClassifierProblemActive>().HandleAsync(new(host.Cards.Problem.Id, false), host.Admin, Ct)).IsSuccess);
        var retired = await register.HandleAsync(Call(host, "067 000 00 06"), Cards.Operator, Ct);
        Assert.Contains(AppealErrors.ProblemInactive, retired.Errors);
    }

    [Fact]
    public async Task AChangeSavedByAnotherInstance_IsSeenHere_OnceTheCopyExpires()
    {
        await using var host = await AdminHost.CreateAsync();
        var clock = new FakeTimeProvider(Cards.Now);

        // This instance sees none of the other one's saves: only the expiry brings their changes.
        var here = new ReferenceData(new ReferenceDataChanges(), clock);
        await using var db = host.Db();
        Assert.Null(await here.SettingAsync(db, WorkingCalendarStore.BlockedMailDomainsKey, Ct));
        var before = await here.PolicyAsync(db, Ct);

        Assert.True((await host.Get<SaveSettings>().HandleAsync(new("ukr.net", 30, 24, 10, 10), host.Admin, Ct)).IsSuccess);
        Assert.True((await host.Get<SaveCalendarDay>().HandleAsync(new(new DateOnly(2026, 3, 4), CalendarDayKind.DayOff, "Вихідний"), host.Admin, Ct)).IsSuccess);
        clock.Advance(ReferenceData.Expiry - TimeSpan.FromSeconds(1));
        Assert.Null(await here.SettingAsync(db, WorkingCalendarStore.BlockedMailDomainsKey, Ct));
        Assert.Same(before, await here.PolicyAsync(db, Ct));

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("ukr.net", await here.SettingAsync(db, WorkingCalendarStore.BlockedMailDomainsKey, Ct));
        Assert.False((await here.PolicyAsync(db, Ct)).Calendar.IsWorkingDay(new DateOnly(2026, 3, 4)));
    }

    [Fact]
    public async Task AChangeInsideATransaction_CountsWhenItCommits()
    {
        await using var host = await AdminHost.CreateAsync();
        var changes = host.Get<ReferenceDataChanges>();
        await using var db = host.Db();
        var start = changes.Generation;

        await using (var transaction = await db.Database.BeginTransactionAsync(Ct))
        {
            db.Settings.Add(new Setting { Key = WorkingCalendarStore.RepeatWindowDaysKey, Value = "10" });
            await db.SaveChangesAsync(Ct);
            Assert.Equal(start, changes.Generation);
            await transaction.CommitAsync(Ct);
        }

        Assert.True(changes.Generation > start);

        // A card's save is not a change of the reference data.
        var counted = changes.Generation;
        db.Appeals.Add(host.Cards.NewCard());
        await db.SaveChangesAsync(Ct);
        Assert.Equal(counted, changes.Generation);
    }
}
