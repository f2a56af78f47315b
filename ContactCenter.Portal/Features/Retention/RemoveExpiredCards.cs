using ContactCenter.Infrastructure.Files;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Infrastructure.Reporting;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Features.Retention;

/// <summary>
/// §2.6: cards are kept five years. Removes the cards closed more than five years ago, with everything of theirs — the
/// timeline, requests, due dates, checks, links (cascaded by the database), the letters about them and their files —
/// in batches, each batch in its own transaction, and records what it removed for the administrator. Open cards stay
/// whatever their age: the term counts from closing.
/// </summary>
public sealed class RemoveExpiredCards(
    IDbContextFactory<ContactCenterDbContext> dbFactory,
    AttachmentStore files,
    TimeProvider clock,
    ILogger<RemoveExpiredCards> logger)
{
    public const int KeepYears = 5;
    public const int Batch = 500;

    /// <summary>Removes every expired card; returns the log row written (also when nothing expired).</summary>
    public async Task<RetentionRun> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var closedBefore = now.AddYears(-KeepYears);
        var cards = 0;
        var removedFiles = 0;
        while (true)
        {
            var (removed, storedNames) = await RemoveBatchAsync(closedBefore, cancellationToken);
            if (removed == 0)
            {
                break;
            }

            cards += removed;

            // The rows are gone for good: only now are the files removed, so a failed batch never leaves cards without their files.
            foreach (var name in storedNames)
            {
                await files.DeleteAsync(name);
                removedFiles++;
            }

            if (removed < Batch)
            {
                break;
            }
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var run = new RetentionRun(now, closedBefore, cards, removedFiles);
        db.RetentionRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        if (cards > 0)
        {
            logger.LogInformation("Retention removed {Cards} cards closed before {ClosedBefore:O} and {Files} files", cards, closedBefore, removedFiles);
        }

        return run;
    }

    private async Task<(int Removed, List<string> StoredNames)> RemoveBatchAsync(DateTimeOffset closedBefore, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var batch = await db.Appeals.AsNoTracking()
                .Where(a => a.ClosedAt != null && a.ClosedAt < closedBefore)
                .OrderBy(a => a.ClosedAt)
                .Take(Batch)
                .Select(a => new { a.Id, a.Number, Files = a.Attachments.Select(x => x.StoredName).ToList() })
                .ToListAsync(ct);
            if (batch.Count == 0)
            {
                return (0, new List<string>());
            }

            var ids = batch.Select(a => a.Id).ToList();
            var numbers = batch.Where(a => a.Number != null).Select(a => a.Number).ToList();
            await db.OutgoingMails.Where(m => m.RegistrationNumber != null && numbers.Contains(m.RegistrationNumber)).ExecuteDeleteAsync(ct);
            await db.OutboxEvents.Where(e => ids.Contains(e.AppealId)).ExecuteDeleteAsync(ct);
            await db.Appeals.Where(a => ids.Contains(a.Id)).ExecuteDeleteAsync(ct);
            await transaction.CommitAsync(ct);
            return (batch.Count, batch.SelectMany(a => a.Files).ToList());
        }, cancellationToken);
    }
}
