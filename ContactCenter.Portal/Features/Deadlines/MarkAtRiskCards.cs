using ContactCenter.Domain.Deadlines;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Portal.Features.Queue;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Features.Deadlines;

/// <summary>
/// Marks the open cards that have entered the at-risk window before their due date (§4.1: deadlines are controlled
/// automatically), so the change reaches the live screens — the deputies' dashboard among them — as it happens. Run
/// every minute by the deadline watcher job; each card is marked once per due date.
/// </summary>
public sealed class MarkAtRiskCards(IDbContextFactory<ContactCenterDbContext> dbFactory, TimeProvider clock, ILogger<MarkAtRiskCards> logger)
{
    public const int Batch = 200;

    /// <summary>Marks up to <see cref="Batch"/> cards; returns how many were marked.</summary>
    public async Task<int> MarkAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var window = await QueueQuery.AtRiskWindowAsync(db, cancellationToken);
        var (overdueBefore, until) = DeadlinePolicy.StateBoundaries(now, window);
        var cards = await db.Appeals
            .Where(a => a.ClosedAt == null && a.SerPlanIncludedAt == null && a.AtRiskMarkedAt == null && a.DueAt >= overdueBefore && a.DueAt <= until)
            .OrderBy(a => a.DueAt)
            .Take(Batch)
            .ToListAsync(cancellationToken);
        var marked = cards.Count(card => card.MarkAtRisk(now, window));
        if (marked == 0)
        {
            return 0;
        }

        // A card changed meanwhile by a person is refused here and marked on the next round.
        var saved = await CardStore.SaveChangesAsync(db, cancellationToken);
        if (saved.IsFailure)
        {
            return 0;
        }

        logger.LogInformation("Marked {Count} cards at risk", marked);
        return marked;
    }
}
