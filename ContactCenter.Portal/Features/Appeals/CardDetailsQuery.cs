using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Common;
using ContactCenter.Domain.Deadlines;
using ContactCenter.Domain.RepairWorks;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Portal.Features.Queue;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Features.Appeals;

public sealed record CardLink(string Number, AppealStatus Status, DateTimeOffset RegisteredAt);

public sealed record RepairWorkNote(Guid Id, RepairWorkKind Kind, UtilityService Service, string Description, DateTimeOffset PlannedStart, DateTimeOffset PlannedEnd, RepairWorkStatus Status);

public sealed record ExecutorOption(Guid Id, string Name);

/// <summary>Repair works as the card page lists them: to link the card to, or already linked (§3.1).</summary>
public sealed record RepairWorkOption(Guid Id, RepairWorkKind Kind, RepairWorkStatus Status, string Label);

/// <summary>Everything the card page shows, already cut to what this person may see.</summary>
public sealed record CardDetails(
    Appeal Card,
    string ProblemCode,
    string ProblemName,
    string ExecutorName,
    string DirectionName,
    string? TerritoryName,
    bool ApplicantHidden,
    DeadlineState Deadline,
    DateTimeOffset Now,
    IReadOnlySet<CardAction> Actions,
    IReadOnlyList<CardLink> Repeats,
    IReadOnlyList<RepairWorkNote> RepairWorks,
    IReadOnlyDictionary<Guid, string> ExecutorNames,
    IReadOnlyList<RepairWorkOption> LinkableWorks,
    IReadOnlyList<RepairWorkOption> LinkedWorks);

/// <summary>
/// The card page's data. A card the person may not see is "not found" (it does not reveal that it exists). Law art. 10:
/// a confidential applicant's data are shown only to the Department.
/// </summary>
public sealed class CardDetailsQuery(IDbContextFactory<ContactCenterDbContext> dbFactory, TimeProvider clock, ILogger<CardDetailsQuery> logger)
{
    public async Task<CardDetails?> HandleAsync(string number, Actor? actor, CancellationToken cancellationToken = default)
    {
        if (actor is null)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var card = await CardStore.LoadAsync(db, number, cancellationToken);
        if (card is null)
        {
            return null;
        }

        if (!CardAccess.CanView(actor, card))
        {
            logger.LogWarning("Refused: {Actor} ({Role}) opened card {Number} outside their scope", actor.Id, actor.Role, number);
            return null;
        }

        var now = clock.GetUtcNow();
        var window = await QueueQuery.AtRiskWindowAsync(db, cancellationToken);
        var problem = await db.ClassifierProblems.AsNoTracking().Where(p => p.Id == card.ProblemId).Select(p => new { p.Code, p.Name }).FirstAsync(cancellationToken);
        var direction = await db.Directions.AsNoTracking().Where(d => d.Id == card.DirectionId).Select(d => d.Name).FirstOrDefaultAsync(cancellationToken);
        var territory = card.TerritoryId is { } territoryId
            ? await db.Territories.AsNoTracking().Where(t => t.Id == territoryId).Select(t => t.Name).FirstOrDefaultAsync(cancellationToken)
            : null;

        // Names of every executor the card has been with or was suggested for, for the history and the requests.
        var executorIds = card.Redirects.SelectMany(r => new[] { r.FromExecutorId, r.ToExecutorId })
            .Concat(card.Requests.Where(r => r.SuggestedExecutorId != null).Select(r => r.SuggestedExecutorId!.Value))
            .Append(card.ExecutorId)
            .Distinct()
            .ToList();
        var executorNames = await db.Executors.AsNoTracking().Where(e => executorIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, cancellationToken);

        var repeats = await db.Appeals.AsNoTracking()
            .Where(a => a.RepeatOfId == card.Id || (card.RepeatOfId != null && a.Id == card.RepeatOfId))
            .OrderBy(a => a.RegisteredAt)
            .Select(a => new CardLink(a.Number!, a.Status, a.RegisteredAt))
            .ToListAsync(cancellationToken);

        // §3.1: operators and executors see works at the problem's address while they handle it.
        var works = await db.RepairWorks.AsNoTracking()
            .Where(w => w.Status == RepairWorkStatus.InProgress || w.Status == RepairWorkStatus.Planned)
            .ToListAsync(cancellationToken);
        var relevant = works
            .Where(w => w.IsWorthNoticeAt(card.ProblemAddress, now))
            .Select(w => new RepairWorkNote(w.Id, w.Kind, w.Service, w.Description, w.PlannedStart, w.PlannedEnd, w.Status))
            .ToList();

        // §3.1: a card is linked to works at its address, or to any unfinished works of its executor.
        var linkedIds = card.RepairLinks.Select(l => l.RepairWorkId).ToList();
        var actions = card.AvailableActions(actor);
        var linkable = actions.Contains(CardAction.LinkRepairWork)
            ? works
                .Where(w => !linkedIds.Contains(w.Id) && IsLinkable(w, card))
                .OrderByDescending(w => w.Status == RepairWorkStatus.InProgress)
                .ThenBy(w => w.PlannedStart)
                .Select(Option)
                .ToList()
            : [];
        var linked = linkedIds.Count == 0
            ? []
            : (await db.RepairWorks.AsNoTracking().Where(w => linkedIds.Contains(w.Id)).ToListAsync(cancellationToken)).Select(Option).ToList();

        var state = card.IsOpen && !card.IsInSerPlan ? DeadlinePolicy.StateAt(card.DueAt, now, window) : DeadlineState.OnTime;
        return new CardDetails(
            card,
            problem.Code,
            problem.Name,
            executorNames.GetValueOrDefault(card.ExecutorId, string.Empty),
            direction ?? string.Empty,
            territory,
            ApplicantHidden: card.IsConfidential && !actor.IsDepartment,
            state,
            now,
            actions,
            repeats,
            relevant,
            executorNames,
            linkable,
            linked);
    }

    /// <summary>Works a card may be linked to: not finished, and at the card's address or of the card's executor.</summary>
    public static bool IsLinkable(RepairWork work, Appeal card) =>
        !work.IsClosed && (work.ExecutorId == card.ExecutorId || work.AffectsAddress(card.ProblemAddress));

    private static RepairWorkOption Option(RepairWork work) =>
        new(work.Id, work.Kind, work.Status, RepairWorks.RepairWorkNames.Describe(work));

    /// <summary>Executors a card can be redirected to, and performers of the card's executor.</summary>
    public async Task<IReadOnlyList<ExecutorOption>> ExecutorsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Executors.AsNoTracking().Where(e => e.IsActive).OrderBy(e => e.Name).Select(e => new ExecutorOption(e.Id, e.Name)).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Performer>> StaffOfAsync(Guid executorId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking()
            .Where(u => u.ExecutorId == executorId && u.IsActive)
            .OrderBy(u => u.FullName)
            .Select(u => new Performer(u.Id, u.FullName, executorId))
            .ToListAsync(cancellationToken);
    }
}
