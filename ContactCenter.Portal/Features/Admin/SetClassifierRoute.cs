using ContactCenter.Domain.Common;
using ContactCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Features.Admin;

public sealed record SetClassifierRouteCommand(Guid ProblemId, Guid? TerritoryId, Guid? ExecutorId);

/// <summary>Sends a problem from one territory to another executor than the default (e.g. the starosta of a village).</summary>
public sealed class SetClassifierRoute(IDbContextFactory<ContactCenterDbContext> dbFactory, ILogger<SetClassifierRoute> logger)
{
    public async Task<AdminResult> HandleAsync(SetClassifierRouteCommand command, Actor actor, CancellationToken cancellationToken = default)
    {
        if (!AdminAccess.IsAdmin(actor))
        {
            logger.LogWarning("Classifier route change refused to {Actor} ({Role})", actor.Id, actor.Role);
            return AdminErrors.NotAdmin;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var problem = await db.ClassifierProblems.FirstOrDefaultAsync(p => p.Id == command.ProblemId, cancellationToken);
        if (problem is null)
        {
            return AdminErrors.NotFound;
        }

        var errors = new List<Error>();
        if (command.TerritoryId is not { } territoryId || !await db.Territories.AnyAsync(t => t.Id == territoryId, cancellationToken))
        {
            errors.Add(AdminErrors.Field("territory", "Оберіть територію (місто або старостинський округ)."));
        }

        var executor = command.ExecutorId is { } executorId
            ? await db.Executors.AsNoTracking().FirstOrDefaultAsync(e => e.Id == executorId, cancellationToken)
            : null;
        if (executor is null)
        {
            errors.Add(AdminErrors.Field("executor", "Оберіть виконавця для цієї території."));
        }
        else if (!executor.IsActive)
        {
            errors.Add(AdminErrors.Field("executor", $"Виконавець «{executor.Name}» неактивний: оберіть іншого."));
        }
        else if (executor.Id == problem.DefaultExecutorId)
        {
            errors.Add(AdminErrors.Field("executor", "Це виконавець за замовчуванням: окремий маршрут для нього не потрібен."));
        }

        if (errors.Count > 0)
        {
            return new AdminResult(errors);
        }

        var before = RouteTracking.Before(problem);
        problem.SetRoute(command.TerritoryId!.Value, executor!.Id);
        RouteTracking.MarkNew(db, before);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation(
            "Classifier problem {Code}: territory {Territory} routed to {Executor} by {Actor} ({ActorName})",
            problem.Code, command.TerritoryId, executor.Id, actor.Id, actor.Name);
        return AdminResult.Ok;
    }
}
