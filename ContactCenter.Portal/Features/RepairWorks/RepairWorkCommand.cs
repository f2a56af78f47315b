using ContactCenter.Domain.Common;
using ContactCenter.Domain.RepairWorks;
using ContactCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Features.RepairWorks;

public static class RepairWorkCommandErrors
{
    public static readonly Error NotSignedIn = new("RepairWork.NotSignedIn", "Увійдіть до системи, щоб працювати з ремонтними роботами.");
    public static readonly Error NotFound = new("RepairWork.NotFound", "Ремонтні роботи не знайдено.");
    public static readonly Error Conflict = new(
        "RepairWork.Conflict",
        "Картку ремонтних робіт щойно змінив інший користувач. Ваші зміни не збережено: оновіть сторінку, перегляньте зміни та повторіть дію.");
}

/// <summary>
/// Runs one transition of a repair-works card for a person: refuses anonymous callers, loads the card, refuses if it changed
/// since the person saw it, lets the domain decide (it checks the executor's and the Department's rights, §3.1–3.2), and saves.
/// </summary>
public sealed class RepairWorkCommand(IDbContextFactory<ContactCenterDbContext> dbFactory, TimeProvider clock, ILogger<RepairWorkCommand> logger)
{
    public async Task<Result> ExecuteAsync(
        Guid repairWorkId,
        int? seenVersion,
        Actor? actor,
        Func<RepairWork, Actor, DateTimeOffset, Result> transition,
        Func<ContactCenterDbContext, RepairWork, Actor, Task>? afterSave = null,
        CancellationToken cancellationToken = default)
    {
        if (actor is null)
        {
            return RepairWorkCommandErrors.NotSignedIn;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var work = await db.RepairWorks.FirstOrDefaultAsync(w => w.Id == repairWorkId, cancellationToken);
        if (work is null)
        {
            return RepairWorkCommandErrors.NotFound;
        }

        if (seenVersion is { } version && version != work.Version)
        {
            return RepairWorkCommandErrors.Conflict;
        }

        var result = transition(work, actor, clock.GetUtcNow());
        if (result.IsFailure)
        {
            logger.LogInformation("Refused on repair work {Id} to {Actor}: {Error}", repairWorkId, actor.Id, result.Error.Code);
            return result;
        }

        var saved = await SaveAsync(db, cancellationToken);
        if (saved.IsSuccess && afterSave is not null)
        {
            await afterSave(db, work, actor);
        }

        return saved;
    }

    /// <summary>A concurrent change of the same works is told in Ukrainian; nothing of the first change is lost.</summary>
    internal static async Task<Result> SaveAsync(ContactCenterDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Result.Success();
        }
        catch (DbUpdateConcurrencyException)
        {
            return RepairWorkCommandErrors.Conflict;
        }
    }
}
