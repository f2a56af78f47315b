using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Common;
using ContactCenter.Domain.Deadlines;
using ContactCenter.Domain.Reporting;
using ContactCenter.Domain.RepairWorks;
using ContactCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Features.Wallboard;

/// <summary>Cards received through one channel today.</summary>
public sealed record ChannelCount(Channel Channel, int Today);

/// <summary>Today's intake (§2.1–2.2) beside yesterday's by the same time of day.</summary>
public sealed record IntakeFigures(int Today, int YesterdaySameTime, IReadOnlyList<ChannelCount> ByChannel);

/// <summary>Executors' requests of one kind waiting for the Department's decision (§2.4), and the oldest of them.</summary>
public sealed record PendingKind(RequestKind Kind, int Count, DateTimeOffset OldestRequestedAt);

/// <summary>Emergency repair works going on now (§3.1).</summary>
public sealed record EmergencyWorkRow(
    Guid Id,
    UtilityService Service,
    string Description,
    IReadOnlyList<string> Addresses,
    string ExecutorName,
    DateTimeOffset Since,
    DateTimeOffset ExpectedEnd);

/// <summary>An open card of a problem whose normative term is counted in hours: an emergency for the classifier.</summary>
public sealed record EmergencyCardRow(
    string Number,
    string ProblemName,
    string ProblemAddress,
    string ExecutorName,
    DateTimeOffset RegisteredAt,
    DateTimeOffset DueAt);

/// <summary>Everything the Department's wallboard shows, taken at <see cref="Now"/>.</summary>
public sealed record WallboardSnapshot(
    DateTimeOffset Now,
    IntakeFigures Intake,
    IReadOnlyList<PendingKind> Pending,
    IReadOnlyList<EmergencyWorkRow> EmergencyWorks,
    int EmergencyCardCount,
    IReadOnlyList<EmergencyCardRow> EmergencyCards,
    int Overdue,
    int OverdueSinceToday)
{
    public int PendingTotal => Pending.Sum(p => p.Count);

    public DateTimeOffset? OldestPendingAt => Pending.Count == 0 ? null : Pending.Min(p => p.OldestRequestedAt);
}

/// <summary>
/// Табло Відділу: the whole community's figures the Department acts on (§2.4) and the manager of affairs watches (§4.1).
/// Counts and projections only, each served by an index of the model: cards by <c>RegisteredAt</c>, open cards (the partial
/// indexes filtered on <c>ClosedAt IS NULL</c>), requests by state and time, repair works by status.
/// </summary>
public sealed class WallboardQuery(IDbContextFactory<ContactCenterDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>A big screen has room for this many lines of emergency cards at most; the count says how many there are in all.</summary>
    public const int EmergencyCardLines = 8;

    /// <summary>The Department (Operator, Admin) and the manager of affairs; nobody else gets the figures.</summary>
    public static bool MayView(Actor actor) => actor.IsDepartment || actor.Role == Role.Manager;

    /// <summary>The figures now, or null for anyone who may not see them.</summary>
    public async Task<WallboardSnapshot?> HandleAsync(Actor? actor, CancellationToken cancellationToken = default)
    {
        if (actor is null || !MayView(actor))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var day = DayToDate.At(now, DeadlinePolicy.Kyiv);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var appeals = db.Appeals.AsNoTracking();

        var todayFrom = day.Today.From;
        var todayTo = day.Today.To;
        var byChannel = await appeals
            .Where(a => a.RegisteredAt >= todayFrom && a.RegisteredAt < todayTo)
            .GroupBy(a => a.Channel)
            .Select(g => new { Channel = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var yesterdayFrom = day.YesterdayFrom;
        var sameTimeYesterday = day.SameTimeYesterday;
        var yesterday = await appeals.CountAsync(a => a.RegisteredAt >= yesterdayFrom && a.RegisteredAt < sameTimeYesterday, cancellationToken);
        var intake = new IntakeFigures(
            byChannel.Sum(c => c.Count),
            yesterday,
            Enum.GetValues<Channel>().Select(c => new ChannelCount(c, byChannel.FirstOrDefault(x => x.Channel == c)?.Count ?? 0)).ToList());

        // The same requests as the Department's inbox on /control: every request still pending, whatever its card.
        var pending = await db.Set<ExecutorRequest>().AsNoTracking()
            .Where(r => r.State == RequestState.Pending)
            .GroupBy(r => r.Kind)
            .Select(g => new { Kind = g.Key, Count = g.Count(), Oldest = g.Min(r => r.RequestedAt) })
            .ToListAsync(cancellationToken);

        // Appeal.IsOverdueAt: open, not moved to SER plans (§2.4), and past the due date in force.
        var overdue = appeals.Where(a => a.ClosedAt == null && a.SerPlanIncludedAt == null && a.DueAt < now);
        var turnedOverdueFrom = DeadlinePolicy.EarliestDueAtTurningOverdueSince(todayFrom);
        var emergencyCards = await EmergencyCardsAsync(db, cancellationToken);

        return new WallboardSnapshot(
            now,
            intake,
            pending.OrderBy(p => p.Kind).Select(p => new PendingKind(p.Kind, p.Count, p.Oldest)).ToList(),
            await EmergencyWorksAsync(db, now, cancellationToken),
            emergencyCards.Count,
            emergencyCards.Rows,
            await overdue.CountAsync(cancellationToken),
            await overdue.CountAsync(a => a.DueAt >= turnedOverdueFrom, cancellationToken));
    }

    private static async Task<IReadOnlyList<EmergencyWorkRow>> EmergencyWorksAsync(ContactCenterDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Only works not yet closed can be active; which of them are is the domain's rule (RepairWork.IsActive).
        var works = await db.RepairWorks.AsNoTracking()
            .Where(w => w.Kind == RepairWorkKind.Emergency && (w.Status == RepairWorkStatus.InProgress || w.Status == RepairWorkStatus.Planned))
            .Select(w => new
            {
                w.Id,
                w.Service,
                w.Description,
                w.Addresses,
                ExecutorName = db.Executors.Where(e => e.Id == w.ExecutorId).Select(e => e.ShortName).FirstOrDefault(),
                w.Status,
                w.PlannedStart,
                w.PlannedEnd,
                w.ActualStart,
            })
            .ToListAsync(cancellationToken);
        return works
            .Where(w => RepairWork.IsActive(w.Status, w.PlannedStart, w.PlannedEnd, now))
            .OrderBy(w => w.ActualStart ?? w.PlannedStart)
            .Select(w => new EmergencyWorkRow(w.Id, w.Service, w.Description, w.Addresses.ToList(), w.ExecutorName ?? string.Empty, w.ActualStart ?? w.PlannedStart, w.PlannedEnd))
            .ToList();
    }

    /// <summary>
    /// Open cards (outside SER plans: long-term work is no emergency) of a problem whose normative term is in hours
    /// (<see cref="NormativeTerm"/>: hours for an emergency, days otherwise); the most pressing due date first.
    /// </summary>
    private static async Task<(int Count, IReadOnlyList<EmergencyCardRow> Rows)> EmergencyCardsAsync(ContactCenterDbContext db, CancellationToken cancellationToken)
    {
        var cards =
            from a in db.Appeals.AsNoTracking()
            where a.ClosedAt == null && a.SerPlanIncludedAt == null
            join p in db.ClassifierProblems.AsNoTracking() on a.ProblemId equals p.Id
            where p.Term.Unit == TermUnit.Hours
            select new { Card = a, ProblemName = p.Name };
        var count = await cards.CountAsync(cancellationToken);
        var rows = await cards
            .OrderBy(x => x.Card.DueAt)
            .Take(EmergencyCardLines)
            .Select(x => new EmergencyCardRow(
                x.Card.Number!,
                x.ProblemName,
                x.Card.ProblemAddress,
                db.Executors.Where(e => e.Id == x.Card.ExecutorId).Select(e => e.ShortName).FirstOrDefault() ?? string.Empty,
                x.Card.RegisteredAt,
                x.Card.DueAt))
            .ToListAsync(cancellationToken);
        return (count, rows);
    }
}
