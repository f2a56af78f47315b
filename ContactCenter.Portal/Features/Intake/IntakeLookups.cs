using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Classification;
using ContactCenter.Domain.Common;
using ContactCenter.Domain.RepairWorks;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Portal.Features.Appeals;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Features.Intake;

public sealed record EarlierAppeal(string Number, DateTimeOffset RegisteredAt, Guid ProblemId, string ProblemName, string ProblemAddress, AppealStatus Status, AppealResult? Result);

/// <summary>What the phone number tells the operator: who called before and about what.</summary>
public sealed record ApplicantHistory(Applicant? LastKnown, IReadOnlyList<EarlierAppeal> Appeals, bool IsBlocked);

public sealed record ProblemOption(Guid Id, string Code, string Name, string SectionName, string Keywords)
{
    public override string ToString() => $"{Code} {Name}";
}

public sealed record RoutingPreview(string ExecutorName, DateTimeOffset DueAt, string Term);

public sealed record TerritoryOption(Guid Id, string Name);

/// <summary>The look-ups of the operator's call screen (§2.2): history by phone, classifier, routing, repair works.</summary>
public sealed class IntakeLookups(IDbContextFactory<ContactCenterDbContext> dbFactory, TimeProvider clock)
{
    public async Task<ApplicantHistory> HistoryAsync(string phone, Actor actor, CancellationToken cancellationToken = default)
    {
        var normalized = PhoneNumber.Normalize(phone);
        if (normalized is null || !actor.IsDepartment)
        {
            return new ApplicantHistory(null, [], false);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Appeals.AsNoTracking()
            .Where(a => a.Phone == normalized)
            .OrderByDescending(a => a.RegisteredAt)
            .Take(20)
            .Select(a => new
            {
                a.Number,
                a.RegisteredAt,
                a.ProblemId,
                ProblemName = db.ClassifierProblems.Where(p => p.Id == a.ProblemId).Select(p => p.Name).FirstOrDefault(),
                a.ProblemAddress,
                a.Status,
                a.Result,
                a.Surname,
                a.FirstName,
                a.Patronymic,
                a.ResidenceAddress,
                a.Email,
                a.Privilege,
                a.AuthorCategory,
            })
            .ToListAsync(cancellationToken);
        var blocked = await db.ApplicantBlocks.AsNoTracking().AnyAsync(b => b.LiftedAt == null && b.Phone == normalized, cancellationToken);
        var last = rows.FirstOrDefault();
        return new ApplicantHistory(
            last is null ? null : new Applicant(last.Surname, last.FirstName, last.Patronymic, last.ResidenceAddress, normalized, last.Email, null, last.Privilege, last.AuthorCategory),
            rows.Select(r => new EarlierAppeal(r.Number!, r.RegisteredAt, r.ProblemId, r.ProblemName ?? string.Empty, r.ProblemAddress, r.Status, r.Result)).ToList(),
            blocked);
    }

    public async Task<IReadOnlyList<ProblemOption>> ProblemsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ClassifierProblems.AsNoTracking()
            .Where(p => p.IsActive)
            .OrderBy(p => p.Code)
            .Select(p => new ProblemOption(p.Id, p.Code, p.Name, db.ClassifierSections.Where(s => s.Id == p.SectionId).Select(s => s.Name).FirstOrDefault() ?? string.Empty, p.Keywords))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Operators search "by any Ukrainian word": the classifier's own matching rule.</summary>
    public static IEnumerable<ProblemOption> Search(IEnumerable<ProblemOption> problems, string? query) =>
        problems.Where(p => ClassifierProblem.TextMatches($"{p.Code} {p.Name} {p.Keywords} {p.SectionName}", query ?? string.Empty));

    public async Task<IReadOnlyList<TerritoryOption>> TerritoriesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Territories.AsNoTracking().OrderBy(t => t.Kind).ThenBy(t => t.Name).Select(t => new TerritoryOption(t.Id, t.Name)).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ExecutorOption>> ExecutorsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Executors.AsNoTracking().Where(e => e.IsActive).OrderBy(e => e.Name).Select(e => new ExecutorOption(e.Id, e.Name)).ToListAsync(cancellationToken);
    }

    /// <summary>§2.2: who will receive the card and by when, before it is registered.</summary>
    public async Task<RoutingPreview?> PreviewAsync(Guid problemId, Guid? territoryId, string? address, Guid? executorOverride, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var problem = await db.ClassifierProblems.AsNoTracking().FirstOrDefaultAsync(p => p.Id == problemId, cancellationToken);
        if (problem is null)
        {
            return null;
        }

        if (territoryId is null && !string.IsNullOrWhiteSpace(address))
        {
            var territories = await db.Territories.AsNoTracking().ToListAsync(cancellationToken);
            territoryId = Domain.Organisation.Territory.Of(territories, address)?.Id;
        }

        var executorId = executorOverride ?? problem.RouteFor(territoryId);
        var executor = await db.Executors.AsNoTracking().Where(e => e.Id == executorId).Select(e => e.Name).FirstOrDefaultAsync(cancellationToken);
        var policy = await WorkingCalendarStore.GetPolicyAsync(db, cancellationToken);
        return new RoutingPreview(executor ?? "—", policy.DueAt(clock.GetUtcNow(), problem.Term, problem.NeedsAdditionalStudy), problem.Term.ToString());
    }

    /// <summary>§3.1: works at the address, active or starting within a week, so the operator can tell the caller at once.</summary>
    public async Task<IReadOnlyList<RepairWorkNote>> RepairWorksAtAsync(string address, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var works = await db.RepairWorks.AsNoTracking()
            .Where(w => w.Status == RepairWorkStatus.InProgress || w.Status == RepairWorkStatus.Planned)
            .ToListAsync(cancellationToken);
        return works
            .Where(w => w.IsWorthNoticeAt(address, now))
            .Select(w => new RepairWorkNote(w.Id, w.Kind, w.Service, w.Description, w.PlannedStart, w.PlannedEnd, w.Status))
            .ToList();
    }
}
