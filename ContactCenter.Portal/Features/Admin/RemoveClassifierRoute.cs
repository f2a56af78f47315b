using ContactCenter.Domain.Common;
using ContactCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Features.Admin;

public sealed record RemoveClassifierRouteCommand(Guid ProblemId, Guid TerritoryId);

/// <summary>The territory goes back to the problem's default executor.</summary>
public sealed class RemoveClassifierRoute(IDbContextFactory<ContactCenterDbContext> dbFactory, ILogger<RemoveClassifierRoute> logger)
{
    public async Task<AdminResult> HandleAsync(RemoveClassifierRouteCommand command, Actor actor, CancellationToken cancellationToken = default)
    {
        if (!AdminAccess.IsAdmin(actor))
        {
            logger.LogWarning("Classifier route removal refused to {Actor} ({Role})", actor.Id, actor.Role);
            return AdminErrors.NotAdmin;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var problem = await db.ClassifierProblems.FirstOrDefaultAsync(p => p.Id == command.ProblemId, cancellationToken);
        if (problem is null)
        {
            return AdminErrors.NotFound;
        }

        problem.RemoveRoute(command.TerritoryId);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation(
            "Classifier problem {Code}: route for territory {Territory} removed by {Actor} ({ActorName})",
            problem.Code, command.TerritoryId, actor.Id, actor.Name);
        return AdminResult.Ok;
    }
}
