using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Common;
using ContactCenter.Domain.Deadlines;
using ContactCenter.Domain.Intake;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Infrastructure.Tests.Support;
using ContactCenter.Portal.Features.Queue;
using ContactCenter.Portal.Tests.Features.Dashboard;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Portal.Tests.Features;

/// <summary>
/// The queue's order and paging over a mix of every urgency: the page is read as separate index ranges (overdue, due
/// soon, the rest with the SER-plan cards; privileged first in each), and what a person sees must be the one order —
/// urgency, privileged first, due date — page after page, each card exactly once.
/// </summary>
public sealed class QueueOrderTests
{
    public static TheoryData<DatabaseProvider> Providers => new() { DatabaseProvider.Sqlite, DatabaseProvider.Postgres };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Pages_OfAnExecutorsQueue_FollowTheUrgencyOrder_EachCardOnce(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var data = await DashboardData.SeedAsync(database);
        var now = DashboardData.Now;

        // Registered every 7 hours back over 12 days (a 3-day term): overdue, due soon and later cards, one in four
        // privileged, and two more in SER plans (one of them privileged) beside the seed's.
        for (var i = 0; i < 40; i++)
        {
            var privilege = i % 4 == 1 ? PrivilegedCategory.WarDisabled : PrivilegedCategory.None;
            var card = Appeal.Register(
                new NewAppeal(Channel.Phone, new Applicant("Мельник", "Ірина", "Петрівна", "вул. Соборна, 5", "0501234567", null, Privilege: privilege), "Немає води", "вул. Соборна, 5"),
                data.Cards.Problem, data.Water, data.Cards.Policy, IntakeScreen.Open, null, Cards.Operator, now.AddHours(-7 * i - 1)).Value;
            if (i is 13 or 21)
            {
                data.IncludeInSerPlan(card, card.RegisteredAt.AddHours(2));
            }

            await using var db = database.CreateContext();
            await CardStore.SaveNewAsync(db, card, data.Cards.Policy, Ct);
        }

        var queue = new QueueQuery(database.Factory(), new FakeTimeProvider(now));
        var window = DeadlinePolicy.DefaultAtRiskWindow;
        List<(string Number, int Urgency, bool Privileged, DateTimeOffset DueAt)> expected;
        await using (var db = database.CreateContext())
        {
            var open = await db.Appeals.AsNoTracking()
                .Where(a => a.ExecutorId == data.Water.Id && a.ClosedAt == null)
                .Select(a => new { a.Number, a.SerPlanIncludedAt, a.IsPrivileged, a.DueAt })
                .ToListAsync(Ct);
            expected = open
                .Select(a => (a.Number!, a.SerPlanIncludedAt is null && a.DueAt < now ? 0 : a.SerPlanIncludedAt is null && a.DueAt <= now + window ? 1 : 2, a.IsPrivileged, a.DueAt))
                .OrderBy(c => c.Item2).ThenByDescending(c => c.IsPrivileged).ThenBy(c => c.DueAt)
                .ToList();
        }

        Assert.True(expected.Count(c => c.Urgency == 0) >= 8, "too few overdue cards to page through");
        Assert.Contains(expected, c => c.Urgency == 1);
        Assert.Contains(expected, c => c.Urgency == 2 && c.Privileged);

        var whole = await queue.HandleAsync(new QueueRequest(PageSize: 100), data.WaterStaff, Ct);
        var paged = new List<QueueRow>();
        for (var page = 0; page * 7 < expected.Count; page++)
        {
            var result = await queue.HandleAsync(new QueueRequest(Page: page, PageSize: 7), data.WaterStaff, Ct);
            Assert.Equal(expected.Count, result.Total);
            Assert.Equal(Math.Min(7, expected.Count - (page * 7)), result.Rows.Count);
            paged.AddRange(result.Rows);
        }

        // Cards due at the same instant may come in either order, but in the same one on every page.
        var key = expected.ToDictionary(c => c.Number);
        Assert.Equal(expected.Count, whole.Total);
        Assert.Equal(whole.Rows.Select(r => r.Number), paged.Select(r => r.Number));
        Assert.Equal(expected.Select(c => c.Number).Order(), paged.Select(r => r.Number).Order());
        Assert.Equal(
            expected.Select(c => (c.Urgency, c.Privileged, c.DueAt)),
            paged.Select(r => (key[r.Number].Urgency, key[r.Number].Privileged, key[r.Number].DueAt)));

        // The urgency filters read one range each and keep its order.
        var overdue = await queue.HandleAsync(new QueueRequest(QueueFilter.Overdue, PageSize: 100), data.WaterStaff, Ct);
        Assert.Equal(expected.Where(c => c.Urgency == 0).Select(c => (c.Privileged, c.DueAt)), overdue.Rows.Select(r => (r.IsPrivileged, r.DueAt)));
        var privileged = await queue.HandleAsync(new QueueRequest(QueueFilter.Privileged, Page: 1, PageSize: 3), data.WaterStaff, Ct);
        Assert.Equal(expected.Where(c => c.Privileged).Skip(3).Take(3).Select(c => (c.Urgency, c.DueAt)), privileged.Rows.Select(r => (key[r.Number].Urgency, r.DueAt)));
    }
}
