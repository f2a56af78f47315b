using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Common;
using ContactCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Features.RepairWorks;

public sealed record CompleteRepairWorkCommand(Guid RepairWorkId, string Note, int? SeenVersion = null);

/// <summary>An open card linked to the completed works: the executor should now propose it for closure (§3.4).</summary>
public sealed record LinkedCardReminder(string Number, AppealStatus Status);

/// <summary>
/// §3.1: "по факту закінчення ремонтних робіт виконавець зобов'язаний закрити картку ремонтних робіт". Returns the open
/// cards linked to the works that this person may see, so the page reminds them to propose those for closure.
/// </summary>
public sealed class CompleteRepairWork(RepairWorkCommand command)
{
    public async Task<Result<IReadOnlyList<LinkedCardReminder>>> HandleAsync(CompleteRepairWorkCommand input, Actor? actor, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<LinkedCardReminder> reminders = [];
        var result = await command.ExecuteAsync(
            input.RepairWorkId,
            input.SeenVersion,
            actor,
            (work, who, now) => work.Complete(who, now, input.Note),
            async (db, work, who) => reminders = await OpenLinkedCardsAsync(db, work.Id, who, cancellationToken),
            cancellationToken);
        return result.IsFailure ? result.Error : Result.Success(reminders);
    }

    internal static async Task<IReadOnlyList<LinkedCardReminder>> OpenLinkedCardsAsync(ContactCenterDbContext db, Guid repairWorkId, Actor actor, CancellationToken cancellationToken)
    {
        var linked = await db.Appeals.AsNoTracking()
            .Where(a => a.RepairLinks.Any(l => l.RepairWorkId == repairWorkId) && a.Number != null)
            .Select(a => new { a.Number, a.Status, a.ExecutorId, a.DirectionId, a.RegisteredAt })
            .ToListAsync(cancellationToken);
        var scope = CardAccess.ScopeOf(actor);
        return linked
            .Where(a => !a.Status.IsTerminal() && scope.Includes(a.ExecutorId, a.DirectionId))
            .OrderBy(a => a.RegisteredAt)
            .Select(a => new LinkedCardReminder(a.Number!, a.Status))
            .ToList();
    }
}
