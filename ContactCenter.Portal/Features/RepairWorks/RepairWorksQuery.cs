using ContactCenter.Domain.Common;
using ContactCenter.Domain.RepairWorks;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Portal.Features.Appeals;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Features.RepairWorks;

public enum RepairWorksView
{
    /// <summary>Активні зараз: under way, or planned works whose time has come (also those nobody has closed yet).</summary>
    Active,

    /// <summary>Заплановані: planned works that have not begun.</summary>
    Planned,

    /// <summary>Завершені: completed or cancelled recently.</summary>
    Finished,
}

public sealed record RepairWorksRequest(RepairWorksView View, string? Street = null, UtilityService? Service = null, Guid? ExecutorId = null);

/// <summary>A line of the repair-works list, with what this person may do with it.</summary>
public sealed record RepairWorkRow(
    Guid Id,
    RepairWorkKind Kind,
    UtilityService Service,
    string Description,
    IReadOnlyList<string> Addresses,
    DateTimeOffset PlannedStart,
    DateTimeOffset PlannedEnd,
    DateTimeOffset? ActualStart,
    DateTimeOffset? ActualEnd,
    Guid ExecutorId,
    string ExecutorName,
    RepairWorkStatus Status,
    string? ClosingNote,
    string RegisteredByName,
    DateTimeOffset RegisteredAt,
    int Version,
    bool MayChange,
    bool PastPlannedEnd);

/// <summary>
/// §3.1: works are public information: everyone signed in sees every executor's works (operators tell callers about them).
/// Streets are matched the way cards are matched to works (<see cref="AddressNormalizer"/>): "вулиця Шевченка, 12" finds
/// works on "вул. Шевченка", and a part of a street's name finds it too.
/// </summary>
public sealed class RepairWorksQuery(IDbContextFactory<ContactCenterDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>How far back the "finished" list goes.</summary>
    public static readonly TimeSpan RecentlyFinished = TimeSpan.FromDays(30);

    public DateTimeOffset Now { get; private set; }

    public async Task<IReadOnlyList<RepairWorkRow>> HandleAsync(RepairWorksRequest request, Actor? actor, CancellationToken cancellationToken = default)
    {
        if (actor is null)
        {
            return [];
        }

        var now = clock.GetUtcNow();
        Now = now;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var works = db.RepairWorks.AsNoTracking();
        works = request.View switch
        {
            RepairWorksView.Active => works.Where(w => w.Status == RepairWorkStatus.InProgress || (w.Status == RepairWorkStatus.Planned && w.PlannedStart <= now)),
            RepairWorksView.Planned => works.Where(w => w.Status == RepairWorkStatus.Planned && w.PlannedStart > now),
            _ => FinishedSince(works, now - RecentlyFinished),
        };

        if (request.Service is { } service)
        {
            works = works.Where(w => w.Service == service);
        }

        if (request.ExecutorId is { } executorId)
        {
            works = works.Where(w => w.ExecutorId == executorId);
        }

        var list = await works.ToListAsync(cancellationToken);
        var executorIds = list.Select(w => w.ExecutorId).Distinct().ToList();
        var names = await db.Executors.AsNoTracking().Where(e => executorIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, cancellationToken);

        var filtered = string.IsNullOrWhiteSpace(request.Street) ? list : list.Where(w => MatchesStreet(w, request.Street));
        var ordered = request.View switch
        {
            RepairWorksView.Active => filtered.OrderByDescending(w => w.Kind == RepairWorkKind.Emergency).ThenBy(w => w.PlannedEnd),
            RepairWorksView.Planned => filtered.OrderBy(w => w.PlannedStart),
            _ => filtered.OrderByDescending(w => w.ActualEnd ?? w.PlannedEnd),
        };

        return ordered.Select(w => new RepairWorkRow(
                w.Id,
                w.Kind,
                w.Service,
                w.Description,
                w.Addresses.ToList(),
                w.PlannedStart,
                w.PlannedEnd,
                w.ActualStart,
                w.ActualEnd,
                w.ExecutorId,
                names.GetValueOrDefault(w.ExecutorId, string.Empty),
                w.Status,
                w.ClosingNote,
                w.RegisteredByName,
                w.RegisteredAt,
                w.Version,
                MayChange(actor, w),
                !w.IsClosed && w.PlannedEnd < now))
            .ToList();
    }

    /// <summary>The same rule the domain applies (§3.1–3.2): the executor's own people or the Department.</summary>
    public static bool MayChange(Actor actor, RepairWork work) => !work.IsClosed && (actor.IsDepartment || actor.BelongsTo(work.ExecutorId));

    public static bool MatchesStreet(RepairWork work, string street)
    {
        if (work.AffectsAddress(street))
        {
            return true;
        }

        var wanted = AddressNormalizer.Normalize(street);
        return wanted.Length > 0 && work.Addresses.Any(a => AddressNormalizer.Normalize(a).Contains(wanted, StringComparison.Ordinal));
    }

    /// <summary>Executors for the filter and for the Department's registration form.</summary>
    public async Task<IReadOnlyList<ExecutorOption>> ExecutorsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Executors.AsNoTracking().Where(e => e.IsActive).OrderBy(e => e.Name).Select(e => new ExecutorOption(e.Id, e.Name)).ToListAsync(cancellationToken);
    }

    private static IQueryable<RepairWork> FinishedSince(IQueryable<RepairWork> works, DateTimeOffset since) =>
        works.Where(w => (w.Status == RepairWorkStatus.Completed && w.ActualEnd >= since)
            || (w.Status == RepairWorkStatus.Cancelled && w.PlannedEnd >= since));
}
