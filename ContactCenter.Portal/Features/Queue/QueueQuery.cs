using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Common;
using ContactCenter.Domain.Deadlines;
using ContactCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Features.Queue;

public enum QueueFilter
{
    /// <summary>Усі відкриті.</summary>
    All,

    /// <summary>Прострочені.</summary>
    Overdue,

    /// <summary>Строк спливає.</summary>
    AtRisk,

    /// <summary>Нові: ще не взяті в роботу.</summary>
    New,

    /// <summary>Запропоновані до закриття.</summary>
    Proposed,

    /// <summary>З запитом, що чекає рішення Відділу.</summary>
    AwaitingDecision,

    /// <summary>На контролі Відділу.</summary>
    DepartmentControl,

    /// <summary>Пільгові категорії.</summary>
    Privileged,
}

public sealed record QueueRequest(QueueFilter Filter = QueueFilter.All, string? Search = null, Guid? ExecutorId = null, int Page = 0, int PageSize = 25);

public sealed record QueueRow(
    string Number,
    DateTimeOffset RegisteredAt,
    string ProblemName,
    string ProblemAddress,
    string Essence,
    AppealStatus Status,
    DateTimeOffset DueAt,
    DeadlineState Deadline,
    bool IsPrivileged,
    bool InSerPlan,
    int ExtensionCount,
    bool OnDepartmentControl,
    bool IsRepeat,
    bool HasPendingRequest,
    string ExecutorName,
    int Version);

public sealed record QueueResult(IReadOnlyList<QueueRow> Rows, int Total);

/// <summary>
/// The queue (§3.1): open cards in the person's scope, the most urgent first — overdue, then due soon, privileged
/// applicants first within each (Law art. 20) — then by due date.
/// </summary>
public sealed class QueueQuery(IDbContextFactory<ContactCenterDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The clock's time, so a page shows countdowns against the same "now" the query used.</summary>
    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task<QueueResult> HandleAsync(QueueRequest request, Actor actor, CancellationToken cancellationToken = default)
    {
        var scope = CardAccess.ScopeOf(actor);
        if (scope.Kind == CardScopeKind.None)
        {
            return new QueueResult([], 0);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var window = await AtRiskWindowAsync(db, cancellationToken);

        // Overdue: due before "now"; due soon: from then up to "soon" — where the deadline state changes (DeadlinePolicy).
        var (overdueBefore, soon) = DeadlinePolicy.StateBoundaries(now, window);

        var cards = db.Appeals.AsNoTracking().Where(a => a.ClosedAt == null);
        cards = scope.Kind switch
        {
            // An executor's queue holds what is with the executor; cards awaiting forwarding or return are the Department's.
            CardScopeKind.Executor => cards.Where(a => a.ExecutorId == scope.ExecutorId
                && (a.Status == AppealStatus.Registered || a.Status == AppealStatus.InWork || a.Status == AppealStatus.ReturnedToWork || a.Status == AppealStatus.ProposedForClosure)),
            CardScopeKind.Directions => cards.Where(a => scope.DirectionIds.Contains(a.DirectionId)),
            _ => cards,
        };

        if (request.ExecutorId is { } executorId)
        {
            cards = cards.Where(a => a.ExecutorId == executorId);
        }

        cards = request.Filter switch
        {
            QueueFilter.Overdue => cards.Where(a => a.SerPlanIncludedAt == null && a.DueAt < overdueBefore),
            QueueFilter.AtRisk => cards.Where(a => a.SerPlanIncludedAt == null && a.DueAt >= overdueBefore && a.DueAt <= soon),
            QueueFilter.New => cards.Where(a => a.Status == AppealStatus.Registered),
            QueueFilter.Proposed => cards.Where(a => a.Status == AppealStatus.ProposedForClosure),
            QueueFilter.AwaitingDecision => cards.Where(a => a.Requests.Any(r => r.State == RequestState.Pending)),
            QueueFilter.DepartmentControl => cards.Where(a => a.OnDepartmentControl),
            QueueFilter.Privileged => cards.Where(a => a.IsPrivileged),
            _ => cards,
        };

        if (!string.IsNullOrWhiteSpace(request.Search))
        {
            var text = request.Search.Trim().ToLowerInvariant();
            var phone = PhoneNumber.Normalize(request.Search);
            cards = cards.Where(a =>
                a.Number == request.Search.Trim()
                || (phone != null && a.Phone == phone)
                || a.Surname.ToLower().Contains(text)
                || a.ProblemAddress.ToLower().Contains(text)
                || a.Essence.ToLower().Contains(text));
        }

        var total = await cards.CountAsync(cancellationToken);
        var rows = await PageAsync(db, cards, request, overdueBefore, soon, cancellationToken);

        return new QueueResult(
            rows.Select(r => new QueueRow(
                r.Number!,
                r.RegisteredAt,
                r.ProblemName ?? string.Empty,
                r.ProblemAddress,
                r.Essence.Length > 160 ? r.Essence[..160] + "…" : r.Essence,
                r.Status,
                r.DueAt,
                r.SerPlanIncludedAt is null ? DeadlinePolicy.StateAt(r.DueAt, now, window) : DeadlineState.OnTime,
                r.IsPrivileged,
                r.SerPlanIncludedAt is not null,
                r.ExtensionCount,
                r.OnDepartmentControl,
                r.IsRepeat,
                r.HasPendingRequest,
                r.ExecutorName ?? string.Empty,
                r.Version)).ToList(),
            total);
    }

    /// <summary>
    /// One page of <paramref name="cards"/> in the queue's order: overdue, then due within the at-risk window, then the
    /// rest (cards in SER plans among them, as they run against no term), privileged applicants first within each, then
    /// by due date. Read as up to six index ranges in that order — each (urgency, privileged or not) range is a run of
    /// the partial index <c>IX_Appeals_Open_Executor_Urgency</c> (ExecutorId, IsPrivileged, DueAt, Id), already in
    /// due-date order — stopping as soon as the page is full: the first page of an executor with 10,000 open cards reads
    /// its 25–50 rows, not all 10,000 to sort them (docs/performance.md, "Queries at Kyiv scale"). A range before the
    /// page is counted, not read.
    /// </summary>
    private static async Task<List<QueueCard>> PageAsync(
        ContactCenterDbContext db, IQueryable<Appeal> cards, QueueRequest request, DateTimeOffset overdueBefore, DateTimeOffset soon, CancellationToken cancellationToken)
    {
        var running = cards.Where(a => a.SerPlanIncludedAt == null);
        var overdue = running.Where(a => a.DueAt < overdueBefore);
        var dueSoon = running.Where(a => a.DueAt >= overdueBefore && a.DueAt <= soon);

        // The rest: the cards not due soon, and those in SER plans whatever their due date, merged by due date.
        var later = running.Where(a => a.DueAt > soon);
        var inSerPlans = cards.Where(a => a.SerPlanIncludedAt != null);
        IQueryable<Appeal>[][] urgencies = request.Filter switch
        {
            QueueFilter.Overdue => [[overdue]],
            QueueFilter.AtRisk => [[dueSoon]],
            _ => [[overdue], [dueSoon], [later, inSerPlans]],
        };
        bool[] privilegedFirst = request.Filter == QueueFilter.Privileged ? [true] : [true, false];

        var skip = request.Page * request.PageSize;
        var need = request.PageSize;
        var page = new List<QueueCard>(need);
        foreach (var parts in urgencies)
        {
            foreach (var privileged in privilegedFirst)
            {
                if (need <= 0)
                {
                    return page;
                }

                // A variable, not a constant, so that SQLite sees "IsPrivileged = ?" and can use it as an index prefix.
                var range = parts.Select(p => p.Where(a => a.IsPrivileged == privileged)).ToList();
                if (skip > 0)
                {
                    var count = 0;
                    foreach (var part in range)
                    {
                        count += await part.CountAsync(cancellationToken);
                    }

                    if (count <= skip)
                    {
                        skip -= count;
                        continue;
                    }
                }

                List<QueueCard> rows;
                if (range.Count == 1)
                {
                    rows = await Project(db, InOrder(range[0]).Skip(skip).Take(need)).ToListAsync(cancellationToken);
                }
                else
                {
                    // Merged by due date, the parts in their given order on a tie, each part keeping the database's
                    // order (a stable sort): the same merge on every page, so a page is always a slice of one sequence.
                    var merged = new List<(int Part, QueueCard Card)>();
                    for (var i = 0; i < range.Count; i++)
                    {
                        var part = i;
                        merged.AddRange((await Project(db, InOrder(range[i]).Take(skip + need)).ToListAsync(cancellationToken)).Select(c => (part, c)));
                    }

                    rows = merged.OrderBy(r => r.Card.DueAt).ThenBy(r => r.Part).Select(r => r.Card).Skip(skip).Take(need).ToList();
                }

                page.AddRange(rows);
                need -= rows.Count;
                skip = 0;
            }
        }

        return page;
    }

    /// <summary>Within a range: by due date, then by id so that paging is stable — the order of the urgency index.</summary>
    private static IQueryable<Appeal> InOrder(IQueryable<Appeal> cards) => cards.OrderBy(a => a.DueAt).ThenBy(a => a.Id);

    private static IQueryable<QueueCard> Project(ContactCenterDbContext db, IQueryable<Appeal> cards) => cards.Select(a => new QueueCard(
        a.Number,
        a.RegisteredAt,
        db.ClassifierProblems.Where(p => p.Id == a.ProblemId).Select(p => p.Name).FirstOrDefault(),
        a.ProblemAddress,
        a.Essence,
        a.Status,
        a.DueAt,
        a.IsPrivileged,
        a.SerPlanIncludedAt,
        a.ExtensionCount,
        a.OnDepartmentControl,
        a.RepeatOfId != null,
        a.Requests.Any(r => r.State == RequestState.Pending),
        db.Executors.Where(e => e.Id == a.ExecutorId).Select(e => e.ShortName).FirstOrDefault(),
        a.Version));

    public static async Task<TimeSpan> AtRiskWindowAsync(ContactCenterDbContext db, CancellationToken cancellationToken)
    {
        var hours = await WorkingCalendarStore.GetSettingAsync(db, WorkingCalendarStore.AtRiskHoursKey, cancellationToken);
        return int.TryParse(hours, out var h) && h > 0 ? TimeSpan.FromHours(h) : DeadlinePolicy.DefaultAtRiskWindow;
    }

    private sealed record QueueCard(
        string? Number,
        DateTimeOffset RegisteredAt,
        string? ProblemName,
        string ProblemAddress,
        string Essence,
        AppealStatus Status,
        DateTimeOffset DueAt,
        bool IsPrivileged,
        DateTimeOffset? SerPlanIncludedAt,
        int ExtensionCount,
        bool OnDepartmentControl,
        bool IsRepeat,
        bool HasPendingRequest,
        string? ExecutorName,
        int Version);
}
