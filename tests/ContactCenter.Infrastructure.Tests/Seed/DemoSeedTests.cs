using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Common;
using ContactCenter.Domain.Organisation;
using ContactCenter.Infrastructure.Identity;
using ContactCenter.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Infrastructure.Tests.Seed;

[Collection(SeedCollection.Name)]
public sealed class DemoSeedTests(SeededPortalDatabase database) : IClassFixture<SeededPortalDatabase>
{
    private static readonly DateTimeOffset Now = SeededPortalDatabase.Now;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_demo_Open311_key_is_issued_and_kept_only_as_a_hash()
    {
        await using var db = await database.Factory.CreateDbContextAsync(Ct);
        var key = await db.ApiKeys.SingleAsync(Ct);
        Assert.Equal(ContactCenter.Infrastructure.Api.ApiKey.Hash(DemoSeed.DemoOpen311Key), key.KeyHash);
        Assert.DoesNotContain(DemoSeed.DemoOpen311Key, key.KeyHash);
        Assert.True(key.IsActive);
    }

    [Fact]
    public async Task Organisation_and_classifier_are_those_of_a_real_hromada()
    {
        await using var db = await database.Factory.CreateDbContextAsync(Ct);
        Assert.True(await db.Territories.CountAsync(t => t.Kind == TerritoryKind.StarostaDistrict, Ct) >= 8);
        Assert.Equal(1, await db.Territories.CountAsync(t => t.Kind == TerritoryKind.City, Ct));
        Assert.True(await db.Directions.CountAsync(Ct) >= 5);
        Assert.True(await db.Executors.CountAsync(Ct) >= 25);
        Assert.True(await db.Executors.CountAsync(e => e.Kind == ExecutorKind.Starosta, Ct) >= 8);
        Assert.True(await db.ClassifierSections.CountAsync(Ct) >= 14);
        Assert.True(await db.ClassifierProblems.CountAsync(Ct) >= 80);
        Assert.All(await db.Executors.ToListAsync(Ct), e =>
        {
            Assert.EndsWith("@pyryatyn-demo.gov.ua", e.HeadEmail);
            Assert.False(string.IsNullOrWhiteSpace(e.HeadName));
            Assert.False(string.IsNullOrWhiteSpace(e.Phone));
        });

        var problems = await db.ClassifierProblems.ToListAsync(Ct);
        Assert.Equal(problems.Count, problems.Select(p => p.Code).Distinct().Count());
        var lamps = problems.Single(p => p.Code == "05.001");
        var starostas = await db.Executors.Where(e => e.Kind == ExecutorKind.Starosta).Select(e => e.Id).ToListAsync(Ct);
        var districts = await db.Territories.Where(t => t.Kind == TerritoryKind.StarostaDistrict).Select(t => t.Id).ToListAsync(Ct);
        Assert.All(districts, d => Assert.Contains(lamps.RouteFor(d), starostas));
        Assert.Contains(problems, p => p.Term.Unit == Domain.Deadlines.TermUnit.Hours);
        Assert.Contains(problems, p => p.NeedsAdditionalStudy && p.Term.Value == 30);
    }

    [Fact]
    public async Task Calendar_and_settings_are_seeded()
    {
        await using var db = await database.Factory.CreateDbContextAsync(Ct);
        var years = await db.CalendarDays.Select(d => d.Date.Year).Distinct().OrderBy(y => y).ToListAsync(Ct);
        Assert.Equal([2025, 2026, 2027], years);
        Assert.True(await db.CalendarDays.CountAsync(Ct) >= 30);
        var settings = await db.Settings.ToDictionaryAsync(s => s.Key, s => s.Value, Ct);
        Assert.Equal("false", settings[WorkingCalendarStore.HolidaysAreDaysOffKey]);
        Assert.Equal("24", settings[WorkingCalendarStore.AtRiskHoursKey]);
        Assert.Equal("90", settings[WorkingCalendarStore.RepeatWindowDaysKey]);
        Assert.Equal("Europe/Kyiv", settings[WorkingCalendarStore.ReportsTimeZoneKey]);
        Assert.Contains("yandex.ru", settings[WorkingCalendarStore.BlockedMailDomainsKey], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_promised_state_of_a_card_appears()
    {
        await using var db = await database.Factory.CreateDbContextAsync(Ct);
        var statuses = await db.Appeals.Select(a => a.Status).Distinct().ToListAsync(Ct);
        Assert.All(Enum.GetValues<AppealStatus>(), status => Assert.Contains(status, statuses));

        var cards = await db.Appeals.AsNoTracking()
            .Select(a => new { a.Status, a.ClosedAt, a.DueAt, a.SerPlanIncludedAt, a.ExtensionCount, a.RepeatOfId, a.IsPrivileged, a.IsConfidential, a.Channel, a.RegisteredAt })
            .ToListAsync(Ct);
        Assert.InRange(cards.Count, 2_500, 6_000);
        var open = cards.Where(c => c.ClosedAt == null).ToList();
        Assert.Contains(open, c => c.SerPlanIncludedAt == null && c.DueAt < Now);
        Assert.Contains(open, c => c.DueAt >= Now && c.DueAt - Now <= TimeSpan.FromHours(24));
        Assert.Contains(open, c => c.ExtensionCount > 0);
        Assert.Contains(cards, c => c.ExtensionCount > 1);
        Assert.Contains(open, c => c.SerPlanIncludedAt != null);
        Assert.Contains(cards, c => c.RepeatOfId != null);
        Assert.Contains(cards, c => c.IsPrivileged);
        Assert.Contains(cards, c => c.IsConfidential);
        Assert.Contains(cards, c => c.Channel == Channel.Web);
        Assert.Contains(cards, c => c.Channel == Channel.Phone);
        Assert.Contains(cards, c => c.Status == AppealStatus.Closed && c.ClosedAt <= c.DueAt);
        Assert.Contains(cards, c => c.Status == AppealStatus.Closed && c.ClosedAt > c.DueAt);
        Assert.Contains(cards, c => c.RegisteredAt >= Now.AddHours(-3));
        Assert.All(cards, c => Assert.True(c.RegisteredAt <= Now && (c.ClosedAt ?? Now) <= Now));
    }

    [Fact]
    public async Task No_transition_is_dated_after_now_and_timelines_are_rich()
    {
        await using var db = await database.Factory.CreateDbContextAsync(Ct);
        var latest = await db.TimelineEntries.MaxAsync(e => e.At, Ct);
        Assert.True(latest <= Now);
        var entries = await db.TimelineEntries.CountAsync(Ct);
        var cards = await db.Appeals.CountAsync(Ct);
        Assert.True(entries >= cards * 5, $"{entries} entries for {cards} cards");
        Assert.True(await db.Set<Attachment>().AnyAsync(a => a.StoredName.StartsWith("demo/"), Ct));
        Assert.True(await db.TimelineEntries.AnyAsync(e => e.Kind == TimelineKind.Overdue, Ct));
        Assert.True(await db.TimelineEntries.AnyAsync(e => e.Kind == TimelineKind.QualityChecked, Ct));
        Assert.True(await db.TimelineEntries.AnyAsync(e => e.Kind == TimelineKind.ApplicantConfirmed, Ct));
        Assert.True(await db.TimelineEntries.AnyAsync(e => e.Kind == TimelineKind.Redirected, Ct));
    }

    [Fact]
    public async Task Registration_numbers_are_unique_and_the_counter_continues_after_them()
    {
        await using var db = await database.Factory.CreateDbContextAsync(Ct);
        var numbers = await db.Appeals.Select(a => new { a.Number, a.NumberYear, a.NumberSequence }).ToListAsync(Ct);
        Assert.All(numbers, n => Assert.NotNull(n.Number));
        Assert.Equal(numbers.Count, numbers.Select(n => n.Number).Distinct().Count());
        var counters = await db.RegistrationCounters.ToDictionaryAsync(c => c.Year, c => c.LastSequence, Ct);
        foreach (var year in numbers.GroupBy(n => n.NumberYear))
        {
            Assert.Equal(year.Max(n => n.NumberSequence), counters[year.Key]);
            Assert.Equal(year.Count(), year.Max(n => n.NumberSequence));
        }
    }

    [Fact]
    public async Task Demo_users_sign_in_with_their_roles_and_the_water_utility_has_open_cards()
    {
        await using var scope = database.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var expected = new Dictionary<string, Role>
        {
            ["admin@demo.local"] = Role.Admin,
            ["operator@demo.local"] = Role.Operator,
            ["executor@demo.local"] = Role.ExecutorResponsible,
            ["deputy@demo.local"] = Role.Deputy,
            ["mayor@demo.local"] = Role.Mayor,
            ["manager@demo.local"] = Role.Manager,
            ["head@demo.local"] = Role.ExecutorHead,
            ["performer@demo.local"] = Role.Performer,
        };
        foreach (var (email, role) in expected)
        {
            var user = await users.FindByEmailAsync(email);
            Assert.NotNull(user);
            Assert.False(string.IsNullOrWhiteSpace(user.FullName));
            Assert.True(await users.CheckPasswordAsync(user, "Demo-2026!"), email);
            Assert.True(await users.IsInRoleAsync(user, role.ToString()), $"{email} in {role}");
        }

        var executor = (await users.FindByEmailAsync("executor@demo.local"))!;
        var deputy = (await users.FindByEmailAsync("deputy@demo.local"))!;
        await using var db = await database.Factory.CreateDbContextAsync(Ct);
        Assert.NotNull(executor.ExecutorId);
        var water = await db.Executors.SingleAsync(e => e.Id == executor.ExecutorId, Ct);
        Assert.Contains("водоканал", water.Name, StringComparison.Ordinal);
        Assert.True(await db.Appeals.CountAsync(a => a.ExecutorId == water.Id && a.ClosedAt == null, Ct) >= 5);
        Assert.True(await db.TimelineEntries.AnyAsync(e => e.ActorId == executor.Id, Ct));
        var direction = await db.Directions.SingleAsync(d => d.DeputyUserId == deputy.Id, Ct);
        Assert.Equal(direction.Id, water.DirectionId);
        Assert.Equal((await users.FindByEmailAsync("head@demo.local"))!.ExecutorId, water.Id);
        Assert.Equal((await users.FindByEmailAsync("performer@demo.local"))!.ExecutorId, water.Id);
    }

    [Fact]
    public async Task Repair_works_are_past_present_and_coming()
    {
        await using var db = await database.Factory.CreateDbContextAsync(Ct);
        var works = await db.RepairWorks.AsNoTracking().ToListAsync(Ct);
        Assert.Contains(works, w => w.IsActiveAt(Now) && w.Kind == Domain.RepairWorks.RepairWorkKind.Emergency);
        Assert.Contains(works, w => w.IsActiveAt(Now) && w.Kind == Domain.RepairWorks.RepairWorkKind.Planned);
        Assert.Contains(works, w => w.IsUpcoming(Now, TimeSpan.FromDays(7)));
        Assert.Contains(works, w => w.Status == Domain.RepairWorks.RepairWorkStatus.Completed);
    }

    [Fact]
    public async Task Seeding_again_adds_nothing()
    {
        await SeededPortalDatabase.InitializeDatabaseAsync(database.Services);
        await using var scope = database.Services.CreateAsyncScope();
        await using var db = await database.Factory.CreateDbContextAsync(Ct);
        var before = (await db.Appeals.CountAsync(Ct), await db.Executors.CountAsync(Ct), await db.Users.CountAsync(Ct));
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        Assert.False(await DemoSeed.SeedAsync(db, users, Now.AddDays(1), Ct));
        await using var again = await database.Factory.CreateDbContextAsync(Ct);
        Assert.Equal(before, (await again.Appeals.CountAsync(Ct), await again.Executors.CountAsync(Ct), await again.Users.CountAsync(Ct)));
    }
}
