using ContactCenter.Domain.Common;
using ContactCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Features.Admin;

public sealed record SetClassifierProblemActiveCommand(Guid ProblemId, bool Active);

/// <summary>Takes a problem out of use (operators and the public form no longer offer it) or brings it back.</summary>
public sealed class SetClassifierProblemActive(IDbContextFactory<ContactCenterDbContext> dbFactory, ILogger<SetClassifierProblemActive> logger)
{
    public async Task<AdminResult> HandleAsync(SetClassifierProblemActiveCommand command, Actor actor, CancellationToken cancellationToken = default)
    {
        if (!AdminAccess.IsAdmin(actor))
        {
            logger.LogWarning("Classifier problem activation refused to {Actor} ({Role})", actor.Id, actor.Role);
            return AdminErrors.NotAdmin;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var problem = await db.ClassifierProblems.FirstOrDefaultAsync(p => p.Id == command.ProblemId, cancellationToken);
        if (problem is null)
        {
            return AdminErrors.NotFound;
        }

        if (command.Active)
        {
            problem.Activate();
        }
        else
        {
            problem.Deactivate();
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation(
            "Classifier problem {Code} {Change} by {Actor} ({ActorName})",
            problem.Code, command.Active ? "activated" : "deactivated", actor.Id, actor.Name);
        return AdminResult.Ok;
    }
}
