using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Reporting;
using ContactCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Features.Reports;

/// <summary>An executor as the reports name it.</summary>
public sealed record ReportExecutor(Guid Id, string Name, string ShortName, Guid DirectionId, string HeadName, bool IsActive);

/// <summary>A direction (напрямок) as the reports name it.</summary>
public sealed record ReportDirection(Guid Id, string Name, string DeputyName);

/// <summary>The names behind the ids of the cards: small reference data, read once per report.</summary>
public sealed class ReportDirectory(
    IReadOnlyList<ReportExecutor> executors,
    IReadOnlyList<ReportDirection> directions,
    IReadOnlyDictionary<Guid, string> problems)
{
    private readonly Dictionary<Guid, ReportExecutor> executorsById = executors.ToDictionary(e => e.Id);
    private readonly Dictionary<Guid, ReportDirection> directionsById = directions.ToDictionary(d => d.Id);

    public IReadOnlyList<ReportExecutor> Executors { get; } = executors;

    public IReadOnlyList<ReportDirection> Directions { get; } = directions;

    public ReportExecutor? Executor(Guid id) => executorsById.GetValueOrDefault(id);

    public ReportDirection? Direction(Guid id) => directionsById.GetValueOrDefault(id);

    public string ExecutorName(Guid id) => executorsById.TryGetValue(id, out var e) ? e.ShortName : "—";

    public string DirectionName(Guid? id) => id is { } d && directionsById.TryGetValue(d, out var direction) ? direction.Name : "—";

    public string ProblemName(Guid id) => problems.GetValueOrDefault(id) ?? "—";

    /// <summary>The executor's CURRENT direction: a direction is charged with redirects away from its executors.</summary>
    public Guid? DirectionOfExecutor(Guid executorId) => executorsById.TryGetValue(executorId, out var e) ? e.DirectionId : null;

    /// <summary>Who the scope is, in words, for the summary sheet and the letter.</summary>
    public string ScopeName(ReportScope scope) => scope.Kind switch
    {
        ScopeKind.Community => "Уся громада",
        ScopeKind.Direction => directionsById.TryGetValue(scope.Id!.Value, out var d) ? $"Напрямок «{d.Name}»" : "Напрямок",
        ScopeKind.Executor => executorsById.TryGetValue(scope.Id!.Value, out var e) ? e.Name : "Виконавець",
        _ => throw new ArgumentOutOfRangeException(nameof(scope)),
    };

    /// <summary>The scope's short name for a file name: the executor's short name, the direction's name.</summary>
    public string ShortScopeName(ReportScope scope) => scope.Kind switch
    {
        ScopeKind.Direction => directionsById.TryGetValue(scope.Id!.Value, out var d) ? d.Name : "napriamok",
        ScopeKind.Executor => executorsById.TryGetValue(scope.Id!.Value, out var e) ? e.ShortName : "vykonavets",
        _ => "hromada",
    };

    /// <summary>The executors of the scope, for the rows of a summary: active ones always, inactive ones when they have figures.</summary>
    public IEnumerable<ReportExecutor> ExecutorsIn(ReportScope scope) => scope.Kind switch
    {
        ScopeKind.Community => Executors,
        ScopeKind.Direction => Executors.Where(e => e.DirectionId == scope.Id),
        ScopeKind.Executor => Executors.Where(e => e.Id == scope.Id),
        _ => [],
    };
}

/// <summary>
/// One card as the reports need it: the facts the figures are computed from (<see cref="CardFacts"/>) and what the
/// details sheet shows. No applicant data: the reports go to executors' heads and deputies, who need the problem and
/// where it is, not who complained (Law art. 10).
/// </summary>
public sealed record ReportCard(
    CardFacts Facts,
    Guid ProblemId,
    string ProblemAddress,
    AppealStatus Status,
    string? RepeatOfNumber)
{
    public string Number => Facts.RegistrationNumber;

    /// <summary>Returns to work (their instants), filled only for the reports that judge handling.</summary>
    public IReadOnlyList<DateTimeOffset> ReturnedAt { get; init; } = [];

    /// <summary>Quality checks that did not fully confirm the work (their instants), filled only where needed.</summary>
    public IReadOnlyList<DateTimeOffset> FailedChecksAt { get; init; } = [];
}

/// <summary>
/// The reads behind every report: AsNoTracking projections into plain facts, never loaded aggregates (design decision
/// 4), so a month of a large city (~100,000 cards) fits. The cards that matter for a period are those registered before
/// its end and not closed before its start; for an executor or a direction also the cards redirected away from it in
/// the period (the "redirected" figure charges the executor a card left).
/// </summary>
public sealed class ReportCardsQuery(IDbContextFactory<ContactCenterDbContext> dbFactory)
{
    public async Task<ReportDirectory> DirectoryAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var executors = await db.Executors.AsNoTracking()
            .OrderBy(e => e.ShortName)
            .Select(e => new ReportExecutor(e.Id, e.Name, e.ShortName, e.DirectionId, e.HeadName, e.IsActive))
            .ToListAsync(cancellationToken);
        var directions = await db.Directions.AsNoTracking()
            .OrderBy(d => d.Name)
            .Select(d => new ReportDirection(d.Id, d.Name, d.DeputyName))
            .ToListAsync(cancellationToken);
        var problems = await db.ClassifierProblems.AsNoTracking()
            .Select(p => new { p.Id, p.Name })
            .ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        return new ReportDirectory(executors, directions, problems);
    }

    /// <summary>The cards that matter for <paramref name="period"/> in <paramref name="scope"/>.</summary>
    /// <param name="withHandling">Also read the returns to work and failed quality checks (the unresolved report, the letter to a head).</param>
    public async Task<IReadOnlyList<ReportCard>> CardsAsync(
        ReportingPeriod period, ReportScope scope, ReportDirectory directory, bool withHandling, CancellationToken cancellationToken)
    {
        var from = period.From.ToUniversalTime();
        var to = period.To.ToUniversalTime();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var all = db.Appeals.AsNoTracking();

        // The cards' facts (due dates and redirects by id, in batches: CardFactsReader) and what the details sheet shows;
        // the same cards as two disjoint parts, the open ones and those closed since the start, each a range of its own index.
        var read = await CardFactsReader.ReadAsync(
            db,
            [
                Matter(all.Where(a => a.ClosedAt == null && a.RegisteredAt < to), from, to, scope, directory),
                Matter(all.Where(a => a.ClosedAt >= from && a.RegisteredAt < to), from, to, scope, directory),
            ],
            a => new { a.ProblemId, a.ProblemAddress, a.Status, a.RepeatOfNumber },
            withRedirects: true,
            (facts, x) => (Facts: facts, x.ProblemId, x.ProblemAddress, x.Status, x.RepeatOfNumber),
            cancellationToken);

        ILookup<Guid, DateTimeOffset> returns = EmptyLookup, failedChecks = EmptyLookup;
        if (withHandling)
        {
            // Read from the child tables by the cards' ids: a correlated SelectMany needs APPLY, which SQLite lacks.
            var ids = Matter(all.Where(a => a.RegisteredAt < to && (a.ClosedAt == null || a.ClosedAt >= from)), from, to, scope, directory)
                .Select(a => a.Id);
            returns = (await db.TimelineEntries.AsNoTracking()
                    .Where(t => t.Kind == TimelineKind.ReturnedToWork && ids.Contains(EF.Property<Guid>(t, "AppealId")))
                    .Select(t => new { Id = EF.Property<Guid>(t, "AppealId"), t.At })
                    .ToListAsync(cancellationToken))
                .ToLookup(r => r.Id, r => r.At);
            failedChecks = (await db.Set<QualityCheck>().AsNoTracking()
                    .Where(c => c.Result != QualityCheckResult.Confirmed && ids.Contains(EF.Property<Guid>(c, "AppealId")))
                    .Select(c => new { Id = EF.Property<Guid>(c, "AppealId"), c.CheckedAt })
                    .ToListAsync(cancellationToken))
                .ToLookup(r => r.Id, r => r.CheckedAt);
        }

        return read
            .Select(r => new ReportCard(r.Facts, r.ProblemId, r.ProblemAddress, r.Status, r.RepeatOfNumber)
            {
                ReturnedAt = returns[r.Facts.AppealId].Order().ToList(),
                FailedChecksAt = failedChecks[r.Facts.AppealId].Order().ToList(),
            })
            .OrderBy(c => c.Facts.RegisteredAt)
            .ThenBy(c => c.Number, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The classifier attributes of the cards received or finished in <paramref name="period"/> (the state statistics).</summary>
    public async Task<IReadOnlyList<StateCard>> StateCardsAsync(ReportingPeriod period, CancellationToken cancellationToken)
    {
        var from = period.From.ToUniversalTime();
        var to = period.To.ToUniversalTime();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Appeals.AsNoTracking()
            .Where(a => (a.RegisteredAt >= from && a.RegisteredAt < to) || (a.ClosedAt >= from && a.ClosedAt < to))
            .OrderBy(a => a.RegisteredAt)
            .Select(a => new
            {
                a.Number,
                a.ProblemId,
                a.ExecutorId,
                a.Channel,
                a.Sign,
                a.Kind,
                a.AuthorCategory,
                a.Privilege,
                a.Result,
                a.RegisteredAt,
                a.ClosedAt,
            })
            .ToListAsync(cancellationToken);
        return rows
            .Select(r => new StateCard(
                r.Number ?? string.Empty,
                r.ProblemId,
                r.ExecutorId,
                new StateFacts(r.Channel, r.Sign, r.Kind, r.AuthorCategory, r.Privilege, r.Result, r.RegisteredAt, r.ClosedAt)))
            .ToList();
    }

    private static readonly ILookup<Guid, DateTimeOffset> EmptyLookup = Array.Empty<Guid>().ToLookup(x => x, _ => default(DateTimeOffset));

    /// <summary>
    /// Of <paramref name="cards"/> (cards registered before the end and not closed before the start: every card that can
    /// be in a figure of the period, or a part of them), those that matter for <paramref name="scope"/>.
    /// </summary>
    private static IQueryable<Appeal> Matter(IQueryable<Appeal> cards, DateTimeOffset from, DateTimeOffset to, ReportScope scope, ReportDirectory directory)
    {
        switch (scope.Kind)
        {
            case ScopeKind.Executor:
                var executorId = scope.Id!.Value;
                return cards.Where(a => a.ExecutorId == executorId
                    || a.Redirects.Any(r => r.FromExecutorId == executorId && r.At >= from && r.At < to));
            case ScopeKind.Direction:
                var directionId = scope.Id!.Value;
                var executorIds = directory.Executors.Where(e => e.DirectionId == directionId).Select(e => e.Id).ToList();
                return cards.Where(a => a.DirectionId == directionId
                    || executorIds.Contains(a.ExecutorId)
                    || a.Redirects.Any(r => executorIds.Contains(r.FromExecutorId) && r.At >= from && r.At < to));
            default:
                return cards;
        }
    }
}

/// <summary>A card as the state statistics list it.</summary>
public sealed record StateCard(string Number, Guid ProblemId, Guid ExecutorId, StateFacts Facts);
