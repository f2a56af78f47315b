using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Common;
using ContactCenter.Domain.Deadlines;
using ContactCenter.Domain.Reporting;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Portal.Features.Queue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace ContactCenter.Portal.Features.Dashboard;

/// <summary>A number of the dashboard, as the drill-down names it in its address.</summary>
public enum DashboardFigure
{
    Open,
    AtRisk,
    Overdue,
    Extended,
    Compliance,
}

/// <param name="Name">The short name, as queues show it.</param>
public sealed record DashboardExecutorRow(Guid ExecutorId, string Name, string FullName, LoadLine Line);

public sealed record DashboardDirection(Guid DirectionId, string Name, LoadLine Total, IReadOnlyList<DashboardExecutorRow> Executors);

/// <summary>The dashboard as of <see cref="Now"/>; <see cref="MonthFrom"/> is where month-to-date compliance starts.</summary>
public sealed record DashboardFigures(
    DateTimeOffset Now,
    TimeSpan AtRiskWindow,
    DateTimeOffset MonthFrom,
    bool AllDirections,
    IReadOnlyList<DashboardDirection> Directions,
    LoadLine Total);

/// <summary>One week of the trend: the compliance and the overdue count its weekly report shows.</summary>
public sealed record TrendPoint(DateOnly WeekStart, decimal? CompliancePercent, int Overdue);

/// <summary>The cards behind one number: of an executor, of a direction, or of the whole scope when both are null.</summary>
public sealed record DrillDownRequest(DashboardFigure Figure, Guid? ExecutorId = null, Guid? DirectionId = null);

/// <param name="DaysOverdue">Kyiv calendar days past the due date: until now for an open card, until closure for a card closed late.</param>
/// <param name="Verdict">For the compliance figure: how the card weighs in it.</param>
public sealed record DrillDownRow(
    string Number,
    string ProblemName,
    string ProblemAddress,
    AppealStatus Status,
    DateTimeOffset DueAt,
    DeadlineState Deadline,
    bool IsOpen,
    int DaysOverdue,
    ComplianceVerdict? Verdict,
    string ExecutorName);

/// <param name="Total">How many cards are behind the number; <see cref="Rows"/> holds at most <see cref="DashboardQuery.DrillDownLimit"/> of them.</param>
public sealed record DrillDownResult(string ScopeName, DashboardFigure Figure, DateTimeOffset Now, DateTimeOffset MonthFrom, IReadOnlyList<DrillDownRow> Rows, int Total);

/// <summary>
/// The deputies' live deadline control (§4.1): per executor the open, at-risk, overdue and extended cards and the
/// month-to-date compliance. A deputy sees the executors of the directions they curate; the manager of affairs, the
/// mayor and the Department see all; anyone else gets nothing. The rules are <see cref="ExecutorLoad"/>'s and
/// <see cref="ComplianceCalculator"/>'s; this class only counts what they need in the database, from covering indexes:
/// the open cards per executor and deadline-state group (the partial index on open cards) and the month's closures per
/// executor and the verdict each card got when it closed — a few thousand rows for a city of 85,000 open cards.
/// </summary>
/// <param name="pastWeeks">Where the trend's past weeks are kept between loads; without it each load computes them.</param>
public sealed class DashboardQuery(IDbContextFactory<ContactCenterDbContext> dbFactory, TimeProvider clock, IMemoryCache? pastWeeks = null)
{
    /// <summary>Weeks in the trend: about two months, so the current month is seen against the one before.</summary>
    public const int TrendWeeks = 8;

    /// <summary>A drill-down lists at most this many cards (the most overdue first); the count says how many there are.</summary>
    public const int DrillDownLimit = 500;

    /// <summary>Who may look at the dashboard at all: deputies, the manager of affairs, the mayor and the Department.</summary>
    public static bool MayView(Actor? actor) => actor is not null && (actor.Role is Role.Deputy or Role.Manager or Role.Mayor || actor.IsDepartment);

    /// <summary>The dashboard, or null when <paramref name="actor"/> may not see it.</summary>
    public async Task<DashboardFigures?> FiguresAsync(Actor? actor, CancellationToken cancellationToken = default)
    {
        if (ScopeOf(actor) is not { } scope)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var window = await QueueQuery.AtRiskWindowAsync(db, cancellationToken);

        // The two counts that grow with the city are read side by side, each on a connection of its own: the open cards
        // and the month's closures. (Microsoft.Data.Sqlite runs a query synchronously, hence the thread of its own.)
        var month = ExecutorLoad.MonthToDate(now, DeadlinePolicy.Kyiv);
        var openRead = Task.Run(() => ReadAsync(cards => OpenGroupsAsync(cards, now, window, cancellationToken), scope, cancellationToken), cancellationToken);
        var closedRead = month is null
            ? Task.FromResult(new List<ClosedCount>())
            : Task.Run(() => ReadAsync(cards => ClosedInAsync(cards, month, cancellationToken), scope, cancellationToken), cancellationToken);

        var executors = await db.Executors.AsNoTracking()
            .Select(e => new { e.Id, e.Name, e.ShortName, e.DirectionId, e.IsActive })
            .ToListAsync(cancellationToken);
        var directionNames = await db.Directions.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken);

        // Every active executor of the scope is listed, even with nothing open: a deputy sees who is quiet, too.
        var listed = executors
            .Where(e => e.IsActive && (scope.All || scope.DirectionIds.Contains(e.DirectionId)))
            .Select(e => new LoadKey(e.DirectionId, e.Id));
        var board = ExecutorLoad.Board(listed, await openRead, await closedRead, month, now, window);

        var names = executors.ToDictionary(e => e.Id);
        var directions = board.Directions
            .Select(d => new DashboardDirection(
                d.Key,
                directionNames.GetValueOrDefault(d.Key, string.Empty),
                d.Value,
                board.Executors
                    .Where(x => x.Key.DirectionId == d.Key)
                    .Select(x => names.TryGetValue(x.Key.ExecutorId, out var e)
                        ? new DashboardExecutorRow(x.Key.ExecutorId, e.ShortName, e.Name, x.Value)
                        : new DashboardExecutorRow(x.Key.ExecutorId, string.Empty, string.Empty, x.Value))
                    .OrderBy(x => x.Name, StringComparer.CurrentCulture)
                    .ToList()))
            .OrderBy(d => d.Name, StringComparer.CurrentCulture)
            .ToList();

        var monthFrom = month?.From ?? now;
        return new DashboardFigures(now, window, monthFrom, scope.All, directions, board.Total);
    }

    /// <summary>
    /// The scope's compliance and overdue count for each of the last <see cref="TrendWeeks"/> Kyiv weeks, the current one
    /// up to now: each point is what that week's report (§4.1, weekly to the deputies) shows. A past week is computed by
    /// <see cref="ComplianceCalculator"/> from the due-date history, so it is not redrawn by later extensions, and kept for
    /// <see cref="PastWeeksKept"/>: every open dashboard asks for the trend each minute, and at city scale a past week is
    /// a read of ~100,000 cards. The running week is counted like the month to date (<see cref="FiguresAsync"/>): its
    /// closures by the verdict each card got when it closed, and the cards overdue now.
    /// </summary>
    public async Task<IReadOnlyList<TrendPoint>> TrendAsync(Actor? actor, CancellationToken cancellationToken = default)
    {
        if (ScopeOf(actor) is not { } scope)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var weeks = ExecutorLoad.RecentWeeks(now, DeadlinePolicy.Kyiv, TrendWeeks);
        var running = weeks[^1].To == now ? weeks[^1] : null;
        var cards = InScope(db, scope);
        var points = new TrendPoint[weeks.Count];

        var missing = new List<int>();
        for (var i = 0; i < weeks.Count; i++)
        {
            if (weeks[i] == running)
            {
                continue;
            }

            if (pastWeeks is not null && pastWeeks.TryGetValue(PastWeekKey(scope, weeks[i]), out TrendPoint? kept) && kept is not null)
            {
                points[i] = kept;
            }
            else
            {
                missing.Add(i);
            }
        }

        if (missing.Count > 0)
        {
            // A card closed before the first week asked for can neither be closed in it nor open at its end.
            var from = weeks[missing[0]].From;
            var facts = await FactsAsync(db, [cards.Where(a => a.ClosedAt == null), cards.Where(a => a.ClosedAt >= from)], cancellationToken);
            foreach (var i in missing)
            {
                var figures = ComplianceCalculator.Compute(facts, weeks[i], ReportScope.Community);
                points[i] = new TrendPoint(LocalDate(weeks[i].From), figures.CompliancePercent, figures.Overdue);
                pastWeeks?.Set(PastWeekKey(scope, weeks[i]), points[i], PastWeeksKept);
            }
        }

        if (running is not null)
        {
            var window = await QueueQuery.AtRiskWindowAsync(db, cancellationToken);

            // Only a card past its due date can be overdue; which of them are is the rule's to say.
            var pastDue = await cards
                .Where(a => a.ClosedAt == null && a.DueAt < now)
                .Select(a => new LoadCardFact(a.ExecutorId, a.DirectionId, a.DueAt, a.ExtensionCount, a.SerPlanIncludedAt != null, (DateTimeOffset?)null))
                .ToListAsync(cancellationToken);
            var overdue = pastDue.Count(c => ExecutorLoad.CountsIn(c, LoadFigure.Overdue, now, window));
            var closed = await ClosedInAsync(cards, running, cancellationToken);
            var onTime = closed.Where(c => c.OnTime).Sum(c => c.Count);
            var late = closed.Where(c => !c.OnTime).Sum(c => c.Count);
            points[^1] = new TrendPoint(LocalDate(running.From), ComplianceCalculator.CompliancePercent(onTime, late, overdue), overdue);
        }

        return points;
    }

    /// <summary>
    /// How long a past week's point is kept. Its figures change only when a card closed in it is reopened or a card leaves
    /// the scope's directions by a redirect: the trend may show that up to an hour late; the week's report is unaffected.
    /// </summary>
    public static readonly TimeSpan PastWeeksKept = TimeSpan.FromHours(1);

    private static string PastWeekKey(DashboardScope scope, ReportingPeriod week) =>
        $"dashboard-trend:{(scope.All ? "all" : string.Join(',', scope.DirectionIds.Order()))}:{week.From.UtcTicks}";

    /// <summary>
    /// The cards behind one number of the dashboard, or null when <paramref name="actor"/> may not see them: a deputy
    /// asking for an executor or a direction outside their directions is refused, whatever the address says.
    /// </summary>
    public async Task<DrillDownResult?> CardsAsync(DrillDownRequest request, Actor? actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (ScopeOf(actor) is not { } scope)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        string scopeName;
        if (request.ExecutorId is { } executorId)
        {
            var executor = await db.Executors.AsNoTracking().Where(e => e.Id == executorId).Select(e => new { e.Name, e.DirectionId }).FirstOrDefaultAsync(cancellationToken);
            if (executor is null || !scope.Includes(executor.DirectionId))
            {
                return null;
            }

            scopeName = executor.Name;
        }
        else if (request.DirectionId is { } directionId)
        {
            var direction = await db.Directions.AsNoTracking().Where(d => d.Id == directionId).Select(d => d.Name).FirstOrDefaultAsync(cancellationToken);
            if (direction is null || !scope.Includes(directionId))
            {
                return null;
            }

            scopeName = $"Напрямок «{direction}»";
        }
        else
        {
            scopeName = scope.All ? "Усі виконавці" : "Усі виконавці ваших напрямків";
        }

        var now = clock.GetUtcNow();
        var window = await QueueQuery.AtRiskWindowAsync(db, cancellationToken);
        var month = ExecutorLoad.MonthToDate(now, DeadlinePolicy.Kyiv);
        var cards = InScope(db, scope);
        if (request.ExecutorId is { } byExecutor)
        {
            cards = cards.Where(a => a.ExecutorId == byExecutor);
        }

        if (request.DirectionId is { } byDirection)
        {
            cards = cards.Where(a => a.DirectionId == byDirection);
        }

        // The same facts and the same rule as the number itself, so the list holds exactly the cards it counted: for the
        // compliance, the month's closures with the verdict each card got when it closed, and the cards overdue now.
        var figure = request.Figure switch
        {
            DashboardFigure.Open => LoadFigure.Open,
            DashboardFigure.AtRisk => LoadFigure.AtRisk,
            DashboardFigure.Overdue or DashboardFigure.Compliance => LoadFigure.Overdue,
            DashboardFigure.Extended => LoadFigure.AdditionalControl,
            _ => throw new ArgumentOutOfRangeException(nameof(request), request.Figure, "Unknown figure."),
        };
        List<(Guid Id, DateTimeOffset DueAt, ComplianceVerdict? Verdict)> behind = [];
        if (request.Figure == DashboardFigure.Compliance)
        {
            if (month is null)
            {
                return new DrillDownResult(scopeName, request.Figure, now, now, [], 0);
            }

            var (from, to) = (month.From, month.To);
            var closed = await cards
                .Where(a => a.ClosedAt >= from && a.ClosedAt < to)
                .Select(a => new { a.Id, a.DueAt, a.ClosedOnTime })
                .ToListAsync(cancellationToken);
            behind.AddRange(closed.Select(c => (c.Id, c.DueAt, (ComplianceVerdict?)(c.ClosedOnTime == true ? ComplianceVerdict.ClosedOnTime : ComplianceVerdict.ClosedLate))));
        }

        var open = await cards
            .Where(a => a.ClosedAt == null)
            .Select(a => new { a.Id, Fact = new LoadCardFact(a.ExecutorId, a.DirectionId, a.DueAt, a.ExtensionCount, a.SerPlanIncludedAt != null, (DateTimeOffset?)null) })
            .ToListAsync(cancellationToken);
        var verdict = request.Figure == DashboardFigure.Compliance ? ComplianceVerdict.Overdue : (ComplianceVerdict?)null;
        behind.AddRange(open
            .Where(c => ExecutorLoad.CountsIn(c.Fact, figure, now, window))
            .Select(c => (c.Id, c.Fact.DueAt, verdict)));

        var shown = behind.OrderBy(c => c.DueAt).Take(DrillDownLimit).ToList();
        var ids = shown.Select(c => c.Id).ToList();
        var details = await db.Appeals.AsNoTracking()
            .Where(a => ids.Contains(a.Id))
            .Select(a => new
            {
                a.Id,
                a.Number,
                ProblemName = db.ClassifierProblems.Where(p => p.Id == a.ProblemId).Select(p => p.Name).FirstOrDefault(),
                a.ProblemAddress,
                a.Status,
                a.DueAt,
                a.SerPlanIncludedAt,
                a.ClosedAt,
                ExecutorName = db.Executors.Where(e => e.Id == a.ExecutorId).Select(e => e.ShortName).FirstOrDefault(),
            })
            .ToDictionaryAsync(a => a.Id, cancellationToken);

        var rows = shown
            .Where(c => details.ContainsKey(c.Id))
            .Select(c =>
            {
                var a = details[c.Id];
                var isOpen = a.ClosedAt is null;
                var until = a.ClosedAt ?? now;
                var deadline = !isOpen ? (until > a.DueAt ? DeadlineState.Overdue : DeadlineState.OnTime)
                    : a.SerPlanIncludedAt is not null ? DeadlineState.OnTime
                    : DeadlinePolicy.StateAt(a.DueAt, now, window);
                var daysOverdue = until > a.DueAt && (a.SerPlanIncludedAt is null || !isOpen)
                    ? LocalDate(until).DayNumber - LocalDate(a.DueAt).DayNumber
                    : 0;
                return new DrillDownRow(a.Number ?? string.Empty, a.ProblemName ?? string.Empty, a.ProblemAddress, a.Status, a.DueAt, deadline, isOpen, daysOverdue, c.Verdict, a.ExecutorName ?? string.Empty);
            })
            .ToList();

        return new DrillDownResult(scopeName, request.Figure, now, month?.From ?? now, rows, behind.Count);
    }

    /// <summary>
    /// The compliance facts of the cards of <paramref name="parts"/>, read by <see cref="CardFactsReader"/> (the cards, then their
    /// due-date history by id). Redirects are left out: neither the compliance percentage nor the overdue count depends on them.
    /// </summary>
    private static Task<List<CardFacts>> FactsAsync(ContactCenterDbContext db, IQueryable<Appeal>[] parts, CancellationToken cancellationToken) =>
        CardFactsReader.ReadAsync(db, parts, withRedirects: false, cancellationToken);

    /// <summary>
    /// The open cards of <paramref name="cards"/> counted in the database per line, in the twelve groups the live counts
    /// tell apart: overdue, at risk or later (<see cref="DeadlinePolicy.StateBoundaries"/>) × extended or not × in SER plans or
    /// not. At city scale ~85,000 cards become one row per executor, read in the index's order with nothing to sort; the
    /// rule then classifies one due date of each group (<see cref="ExecutorLoad.DueDateInGroup"/>) and counts it for all.
    /// </summary>
    private static async Task<List<LoadCardFact>> OpenGroupsAsync(IQueryable<Appeal> cards, DateTimeOffset now, TimeSpan window, CancellationToken cancellationToken)
    {
        var (ob, ru) = DeadlinePolicy.StateBoundaries(now, window);
        var lines = await cards
            .Where(a => a.ClosedAt == null)
            .GroupBy(a => new { a.DirectionId, a.ExecutorId })
            .Select(g => new
            {
                g.Key.DirectionId,
                g.Key.ExecutorId,
                Counts = new[]
                {
                    g.Count(a => a.DueAt < ob && a.ExtensionCount == 0 && a.SerPlanIncludedAt == null),
                    g.Count(a => a.DueAt < ob && a.ExtensionCount == 0 && a.SerPlanIncludedAt != null),
                    g.Count(a => a.DueAt < ob && a.ExtensionCount > 0 && a.SerPlanIncludedAt == null),
                    g.Count(a => a.DueAt < ob && a.ExtensionCount > 0 && a.SerPlanIncludedAt != null),
                    g.Count(a => a.DueAt >= ob && a.DueAt <= ru && a.ExtensionCount == 0 && a.SerPlanIncludedAt == null),
                    g.Count(a => a.DueAt >= ob && a.DueAt <= ru && a.ExtensionCount == 0 && a.SerPlanIncludedAt != null),
                    g.Count(a => a.DueAt >= ob && a.DueAt <= ru && a.ExtensionCount > 0 && a.SerPlanIncludedAt == null),
                    g.Count(a => a.DueAt >= ob && a.DueAt <= ru && a.ExtensionCount > 0 && a.SerPlanIncludedAt != null),
                    g.Count(a => a.DueAt > ru && a.ExtensionCount == 0 && a.SerPlanIncludedAt == null),
                    g.Count(a => a.DueAt > ru && a.ExtensionCount == 0 && a.SerPlanIncludedAt != null),
                    g.Count(a => a.DueAt > ru && a.ExtensionCount > 0 && a.SerPlanIncludedAt == null),
                    g.Count(a => a.DueAt > ru && a.ExtensionCount > 0 && a.SerPlanIncludedAt != null),
                },
            })
            .ToListAsync(cancellationToken);

        // The groups in the order of the counts above: the due-date group (overdue, at risk, later), then extended, then SER.
        var facts = new List<LoadCardFact>();
        foreach (var line in lines)
        {
            for (var group = 0; group < line.Counts.Length; group++)
            {
                if (line.Counts[group] == 0)
                {
                    continue;
                }

                var dueAt = ExecutorLoad.DueDateInGroup(overdue: group < 4, atRisk: group is >= 4 and < 8, now, window);
                var extended = (group & 2) != 0;
                var inSerPlan = (group & 1) != 0;
                facts.Add(new LoadCardFact(line.ExecutorId, line.DirectionId, dueAt, extended ? 1 : 0, inSerPlan, null, line.Counts[group]));
            }
        }

        return facts;
    }

    /// <summary>Runs <paramref name="read"/> over the cards of <paramref name="scope"/> on a context of its own.</summary>
    private async Task<T> ReadAsync<T>(Func<IQueryable<Appeal>, Task<T>> read, DashboardScope scope, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await read(InScope(db, scope));
    }

    /// <summary>
    /// The cards of <paramref name="cards"/> closed in <paramref name="period"/>, counted per (direction, executor) and the
    /// verdict each got when it closed (<see cref="Appeal.ClosedOnTime"/>): a range of <c>IX_Appeals_Closed_At</c> for the
    /// whole city, of <c>IX_Appeals_Closed_Direction</c> per direction, read from the index alone.
    /// </summary>
    private static async Task<List<ClosedCount>> ClosedInAsync(IQueryable<Appeal> cards, ReportingPeriod period, CancellationToken cancellationToken)
    {
        var (from, to) = (period.From, period.To);
        var counts = await cards
            .Where(a => a.ClosedAt >= from && a.ClosedAt < to)
            .GroupBy(a => new { a.DirectionId, a.ExecutorId, a.ClosedOnTime })
            .Select(g => new { g.Key.DirectionId, g.Key.ExecutorId, g.Key.ClosedOnTime, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return counts
            .Select(c => new ClosedCount(new LoadKey(c.DirectionId, c.ExecutorId), c.ClosedOnTime == true, c.Count))
            .ToList();
    }

    /// <summary>The cards the person may see: by the direction the card carries, the same rule as <see cref="CardAccess"/>.</summary>
    private static IQueryable<Appeal> InScope(ContactCenterDbContext db, DashboardScope scope)
    {
        var cards = db.Appeals.AsNoTracking();
        if (scope.All)
        {
            return cards;
        }

        var directions = scope.DirectionIds;
        return cards.Where(a => directions.Contains(a.DirectionId));
    }

    /// <summary>What <paramref name="actor"/> may see of the dashboards: every direction, theirs, or nothing (null).</summary>
    internal static DashboardScope? ScopeOf(Actor? actor)
    {
        if (!MayView(actor))
        {
            return null;
        }

        var cards = CardAccess.ScopeOf(actor!);
        return cards.Kind switch
        {
            CardScopeKind.All => new DashboardScope(true, []),
            CardScopeKind.Directions => new DashboardScope(false, [.. cards.DirectionIds]),
            _ => null,
        };
    }

    private static DateOnly LocalDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, DeadlinePolicy.Kyiv).DateTime);

    internal sealed record DashboardScope(bool All, List<Guid> DirectionIds)
    {
        public bool Includes(Guid directionId) => All || DirectionIds.Contains(directionId);
    }
}
