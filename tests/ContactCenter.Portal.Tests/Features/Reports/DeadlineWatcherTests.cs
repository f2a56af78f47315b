using ContactCenter.Domain.Common;
using ContactCenter.Domain.RepairWorks;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Portal.Features.Deadlines;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Tests.Features.Reports;

/// <summary>The deadline watcher beyond overdue cards: cards entering the at-risk window, and repair works left open.</summary>
public sealed class DeadlineWatcherTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ACardEnteringTheAtRiskWindow_IsMarkedOnce_AndItsEventGoesToTheOutbox()
    {
        await using var world = await ReportsWorld.CreateAsync(DatabaseProvider.Sqlite, new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var card = world.Cards.NewCard(world.Clock.GetUtcNow());
        await using (var db = world.Db())
        {
            await CardStore.SaveNewAsync(db, card, world.Cards.Policy, Ct);
        }

        var watcher = world.Get<MarkAtRiskCards>();
        world.Clock.SetUtcNow(card.DueAt.AddHours(-25));
        var early = await watcher.MarkAsync(Ct);
        world.Clock.SetUtcNow(card.DueAt.AddHours(-23));
        var entering = await watcher.MarkAsync(Ct);
        var again = await watcher.MarkAsync(Ct);

        Assert.Equal([0, 1, 0], new[] { early, entering, again });
        await using var check = world.Db();
        Assert.Equal(card.DueAt.AddHours(-23), (await check.Appeals.SingleAsync(Ct)).AtRiskMarkedAt);
        Assert.Equal([card.Number!], await check.OutboxEvents.Where(e => e.Kind == "AtRisk").Select(e => e.RegistrationNumber).ToListAsync(Ct));
    }

    [Fact]
    public async Task RepairWorksPastTheirPlannedEnd_AreFlaggedOnceToTheExecutorsResponsiblePersons()
    {
        await using var world = await ReportsWorld.CreateAsync(DatabaseProvider.Sqlite, new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var responsible = world.Actor("water-responsible", Role.ExecutorResponsible);
        var now = world.Clock.GetUtcNow();
        var overrun = RepairWork.RegisterEmergency(responsible, now, world.Cards.Water.Id, UtilityService.Water, "Порив водогону", ["вул. Соборна"], now.AddMinutes(-10), now.AddHours(4)).Value;
        var onTime = RepairWork.RegisterEmergency(responsible, now, world.Cards.Water.Id, UtilityService.Water, "Заміна засувки", ["вул. Київська"], now.AddMinutes(-10), now.AddHours(8)).Value;
        await using (var db = world.Db())
        {
            db.RepairWorks.AddRange(overrun, onTime);
            await db.SaveChangesAsync(Ct);
        }

        var watcher = world.Get<FlagOverrunRepairWorks>();
        world.Clock.SetUtcNow(now.AddHours(5));
        var flagged = await watcher.FlagAsync(Ct);
        var again = await watcher.FlagAsync(Ct);

        Assert.Equal(1, flagged);
        Assert.Equal(0, again);
        await using var check = world.Db();
        Assert.NotNull((await check.RepairWorks.SingleAsync(w => w.Id == overrun.Id, Ct)).OverrunFlaggedAt);
        Assert.Null((await check.RepairWorks.SingleAsync(w => w.Id == onTime.Id, Ct)).OverrunFlaggedAt);
        var letter = Assert.Single(await check.OutgoingMails.ToListAsync(Ct));
        Assert.Equal("water-responsible@rada.example.ua", letter.To);
        Assert.Contains("Порив водогону", letter.Subject);
        Assert.Contains("не закрито", letter.Body);
    }
}
