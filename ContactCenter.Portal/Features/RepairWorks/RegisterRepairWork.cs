using ContactCenter.Domain.Common;
using ContactCenter.Domain.Organisation;
using ContactCenter.Domain.RepairWorks;
using ContactCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Features.RepairWorks;

/// <summary>What the executor (or the Department for them) registers (§3.1): start and end are instants, converted from Kyiv time by the form.</summary>
public sealed record RegisterRepairWorkCommand(
    RepairWorkKind Kind,
    Guid ExecutorId,
    UtilityService Service,
    string Description,
    IReadOnlyList<string> Addresses,
    DateTimeOffset Start,
    DateTimeOffset End);

/// <summary>
/// §3.1: planned preventive works not less than a day before they start, emergency works as they happen. The domain
/// refuses late plans, future emergencies and another executor's staff; nothing is saved on a refusal.
/// </summary>
public sealed class RegisterRepairWork(IDbContextFactory<ContactCenterDbContext> dbFactory, TimeProvider clock, ILogger<RegisterRepairWork> logger)
{
    public async Task<Result<Guid>> HandleAsync(RegisterRepairWorkCommand command, Actor? actor, CancellationToken cancellationToken = default)
    {
        if (actor is null)
        {
            return RepairWorkCommandErrors.NotSignedIn;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var executorExists = command.ExecutorId != Guid.Empty
            && await db.Executors.AsNoTracking().AnyAsync(e => e.Id == command.ExecutorId && e.IsActive, cancellationToken);
        if (!executorExists)
        {
            return RepairWorkErrors.ExecutorRequired;
        }

        // The territory (city or a starosta district) follows from the first address, as for cards.
        var territories = await db.Territories.AsNoTracking().ToListAsync(cancellationToken);
        var territoryId = command.Addresses.Select(a => Territory.Of(territories, a)?.Id).FirstOrDefault(id => id is not null);

        var now = clock.GetUtcNow();
        var registered = command.Kind == RepairWorkKind.Planned
            ? RepairWork.RegisterPlanned(actor, now, command.ExecutorId, command.Service, command.Description, command.Addresses, command.Start, command.End, territoryId)
            : RepairWork.RegisterEmergency(actor, now, command.ExecutorId, command.Service, command.Description, command.Addresses, command.Start, command.End, territoryId);
        if (registered.IsFailure)
        {
            logger.LogInformation("Repair works refused to {Actor}: {Error}", actor.Id, registered.Error.Code);
            return registered.Error;
        }

        db.RepairWorks.Add(registered.Value);
        var saved = await RepairWorkCommand.SaveAsync(db, cancellationToken);
        return saved.IsFailure ? saved.Error : registered.Value.Id;
    }
}
