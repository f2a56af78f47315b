using ContactCenter.Domain.Common;
using ContactCenter.Domain.Deadlines;
using ContactCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Features.Admin;

public sealed record ClassifierSectionRow(Guid Id, string Code, string Name, Guid? ParentId);

public sealed record ClassifierRouteRow(Guid TerritoryId, Guid ExecutorId);

public sealed record ClassifierProblemRow(
    Guid Id,
    string Code,
    string Name,
    Guid SectionId,
    Guid DefaultExecutorId,
    int TermValue,
    TermUnit TermUnit,
    bool NeedsAdditionalStudy,
    string Keywords,
    string? Description,
    bool IsActive,
    IReadOnlyList<ClassifierRouteRow> Routes);

public sealed record NamedItem(Guid Id, string Name, bool IsActive = true);

public sealed record ClassifierView(
    IReadOnlyList<ClassifierSectionRow> Sections,
    IReadOnlyList<ClassifierProblemRow> Problems,
    IReadOnlyList<NamedItem> Executors,
    IReadOnlyList<NamedItem> Territories);

/// <summary>The whole classifier for the administrator's tree: sections, problems with their routes, executors and territories.</summary>
public sealed class GetClassifier(IDbContextFactory<ContactCenterDbContext> dbFactory, ILogger<GetClassifier> logger)
{
    public async Task<AdminResult<ClassifierView>> HandleAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        if (!AdminAccess.IsAdmin(actor))
        {
            logger.LogWarning("Classifier view refused to {Actor} ({Role})", actor.Id, actor.Role);
            return AdminErrors.NotAdmin;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var sections = await db.ClassifierSections.AsNoTracking()
            .OrderBy(s => s.Code)
            .Select(s => new ClassifierSectionRow(s.Id, s.Code, s.Name, s.ParentId))
            .ToListAsync(cancellationToken);

        // Routes are owned rows: read the problems whole, without tracking, then shape them.
        var problems = (await db.ClassifierProblems.AsNoTracking().ToListAsync(cancellationToken))
            .OrderBy(p => p.Code, StringComparer.Ordinal)
            .Select(p => new ClassifierProblemRow(
                p.Id, p.Code, p.Name, p.SectionId, p.DefaultExecutorId, p.Term.Value, p.Term.Unit, p.NeedsAdditionalStudy,
                p.Keywords, p.Description, p.IsActive, p.Routes.Select(r => new ClassifierRouteRow(r.TerritoryId, r.ExecutorId)).ToList()))
            .ToList();
        var executors = await db.Executors.AsNoTracking()
            .OrderBy(e => e.Name)
            .Select(e => new NamedItem(e.Id, e.Name, e.IsActive))
            .ToListAsync(cancellationToken);
        var territories = await db.Territories.AsNoTracking()
            .OrderBy(t => t.Name)
            .Select(t => new NamedItem(t.Id, t.Name, true))
            .ToListAsync(cancellationToken);
        return new AdminResult<ClassifierView>(new ClassifierView(sections, problems, executors, territories), []);
    }
}
