using ContactCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Realtime;

/// <summary>
/// Marks due dates as they pass (§4.1: deadlines are controlled automatically), so a card becoming overdue at 00:00
/// is recorded on the card and pushed to the live screens without anyone acting.
/// </summary>
/// <remarks>Run every minute by the deadline watcher job (<see cref="Jobs.DeadlineWatcherJob"/>), on one instance of a cluster at a time.</remarks>
public sealed class OverdueWatcher(IDbContextFactory<ContactCenterDbContext> dbFactory, TimeProvider clock, ILogger<OverdueWatcher> logger)
{
    public const int Batch = 200;

    /// <summary>Marks the open cards whose due date has passed; returns how many were marked.</summary>
    public async Task<int> MarkAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var cards = await db.Appeals
            .Include(a => a.Timeline)
            .Where(a => a.ClosedAt == null && a.SerPlanIncludedAt == null && a.OverdueMarkedAt == null && a.DueAt < now)
            .OrderBy(a => a.DueAt)
            .Take(Batch)
            .ToListAsync(cancellationToken);
        var marked = cards.Count(card => card.MarkOverdue(now));
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

        logger.LogInformation("Marked {Count} cards overdue", marked);
        return marked;
    }
}
