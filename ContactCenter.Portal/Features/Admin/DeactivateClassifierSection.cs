using ContactCenter.Domain.Common;
using ContactCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Features.Admin;

public sealed record DeactivateClassifierSectionCommand(Guid SectionId);

/// <summary>
/// Takes a whole section out of use: every problem in it is deactivated (cards already registered keep them).
/// A section has no state of its own, so a section whose problems are all inactive is shown as inactive.
/// </summary>
public sealed class DeactivateClassifierSection(IDbContextFactory<ContactCenterDbContext> dbFactory, ILogger<DeactivateClassifierSection> logger)
{
    public async Task<AdminResult<int>> HandleAsync(DeactivateClassifierSectionCommand command, Actor actor, CancellationToken cancellationToken = default)
    {
        if (!AdminAccess.IsAdmin(actor))
        {
            logger.LogWarning("Classifier section deactivation refused to {Actor} ({Role})", actor.Id, actor.Role);
            return AdminErrors.NotAdmin;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var section = await db.ClassifierSections.FirstOrDefaultAsync(s => s.Id == command.SectionId, cancellationToken);
        if (section is null)
        {
            return AdminErrors.NotFound;
        }

        var problems = await db.ClassifierProblems.Where(p => p.SectionId == section.Id && p.IsActive).ToListAsync(cancellationToken);
        foreach (var problem in problems)
        {
            problem.Deactivate();
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation(
            "Classifier section {Code} deactivated ({Count} problems) by {Actor} ({ActorName})",
            section.Code, problems.Count, actor.Id, actor.Name);
        return new AdminResult<int>(problems.Count, []);
    }
}
