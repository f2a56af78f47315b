using System.Linq.Expressions;
using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace ContactCenter.Infrastructure.Persistence;

/// <summary>
/// The compliance facts (<see cref="CardFacts"/>) of a set of cards, as <see cref="CardFactsMapping.ToFacts"/> maps a
/// loaded card but read as plain data, for every screen and report that computes figures (the dashboards, the trend,
/// the reports). Read in two narrow steps (docs/performance.md, "Queries at Kyiv scale"):
/// <list type="number">
/// <item>the cards' own columns, without any collection: a projection that joins a collection makes EF add
/// <c>ORDER BY "Id"</c>, which on SQLite turns any period predicate into a walk of the whole table in key order, and on
/// PostgreSQL into a hash join over every due date of five years. The cards come as disjoint parts, each one query
/// with one simple predicate (the open cards; the cards closed since a date), so that each is a range of its own index
/// rather than an <c>OR</c> the planner may or may not split;</item>
/// <item>their due dates (and redirects when asked) by card id, in batches, from the covering
/// <c>IX_AppealDueDates_AppealId_ChangedAt</c> (and the redirects' <c>AppealId</c> index).</item>
/// </list>
/// The figures themselves stay <see cref="ComplianceCalculator"/>'s; this class only decides how the facts are read.
/// </summary>
public static class CardFactsReader
{
    /// <summary>
    /// Card ids per due-date read: large enough that a month of the whole city (~120,000 cards) is a few dozen round
    /// trips, small enough to stay far below SQLite's and PostgreSQL's parameter limits.
    /// </summary>
    public const int BatchSize = 2_000;

    /// <summary>The facts of the cards of <paramref name="parts"/>; redirects only when <paramref name="withRedirects"/> (the compliance percentage and the overdue count do not depend on them).</summary>
    /// <param name="parts">Disjoint sets of cards (a card in two is read once).</param>
    public static Task<List<CardFacts>> ReadAsync(
        ContactCenterDbContext db, IReadOnlyList<IQueryable<Appeal>> parts, bool withRedirects, CancellationToken cancellationToken) =>
        ReadAsync(db, parts, a => 0, withRedirects, (facts, _) => facts, cancellationToken);

    /// <summary>
    /// The facts of the cards of <paramref name="parts"/> together with <paramref name="extra"/> columns of each card read in the same
    /// first step (what a report's details sheet shows), combined by <paramref name="combine"/>. In no particular order.
    /// </summary>
    public static async Task<List<TResult>> ReadAsync<TExtra, TResult>(
        ContactCenterDbContext db,
        IReadOnlyList<IQueryable<Appeal>> parts,
        Expression<Func<Appeal, TExtra>> extra,
        bool withRedirects,
        Func<CardFacts, TExtra, TResult> combine,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(extra);
        ArgumentNullException.ThrowIfNull(combine);

        var projection = RowOf(extra);
        var rows = new List<CardRow<TExtra>>();
        var seen = new HashSet<Guid>();
        foreach (var part in parts)
        {
            foreach (var row in await part.Select(projection).ToListAsync(cancellationToken))
            {
                if (seen.Add(row.Id))
                {
                    rows.Add(row);
                }
            }
        }

        var ids = rows.Select(r => r.Id).ToList();
        var dueDates = await DueDatesAsync(db, ids, cancellationToken);
        var redirects = withRedirects ? await RedirectsAsync(db, ids, cancellationToken) : null;

        var result = new List<TResult>(rows.Count);
        foreach (var r in rows)
        {
            var facts = new CardFacts(
                r.Id,
                r.Number ?? string.Empty,
                r.ExecutorId,
                r.DirectionId,
                r.RegisteredAt,
                r.ClosedAt,
                dueDates.TryGetValue(r.Id, out var due) ? [.. due.OrderBy(d => d.ChangedAt)] : [],
                r.SerPlanIncludedAt,
                redirects is not null && redirects.TryGetValue(r.Id, out var moved) ? [.. moved.OrderBy(x => x.At)] : [],
                r.Sign == AppealSign.Repeated);
            result.Add(combine(facts, r.Extra));
        }

        return result;
    }

    /// <summary>The due-date history of each card of <paramref name="ids"/>, read in batches by card id, unordered.</summary>
    public static async Task<Dictionary<Guid, List<DueDateChange>>> DueDatesAsync(
        ContactCenterDbContext db, IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        var result = new Dictionary<Guid, List<DueDateChange>>(ids.Count);
        foreach (var batch in ids.Chunk(BatchSize))
        {
            var rows = await db.Set<DueDateRecord>().AsNoTracking()
                .Where(d => batch.Contains(EF.Property<Guid>(d, "AppealId")))
                .Select(d => new { AppealId = EF.Property<Guid>(d, "AppealId"), d.ChangedAt, d.DueAt, d.Kind })
                .ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                Add(result, row.AppealId, new DueDateChange(row.ChangedAt, row.DueAt, row.Kind));
            }
        }

        return result;
    }

    /// <summary>The redirects of each card of <paramref name="ids"/>, read in batches by card id, unordered.</summary>
    public static async Task<Dictionary<Guid, List<RedirectFact>>> RedirectsAsync(
        ContactCenterDbContext db, IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        var result = new Dictionary<Guid, List<RedirectFact>>();
        foreach (var batch in ids.Chunk(BatchSize))
        {
            var rows = await db.Set<RedirectRecord>().AsNoTracking()
                .Where(r => batch.Contains(EF.Property<Guid>(r, "AppealId")))
                .Select(r => new { AppealId = EF.Property<Guid>(r, "AppealId"), r.At, r.FromExecutorId, r.ToExecutorId })
                .ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                Add(result, row.AppealId, new RedirectFact(row.At, row.FromExecutorId, row.ToExecutorId));
            }
        }

        return result;
    }

    private static void Add<T>(Dictionary<Guid, List<T>> lists, Guid id, T item)
    {
        if (!lists.TryGetValue(id, out var list))
        {
            list = [];
            lists.Add(id, list);
        }

        list.Add(item);
    }

    /// <summary>The first step's projection: the card's own fact columns plus the caller's <paramref name="extra"/>, one flat SELECT.</summary>
    private static Expression<Func<Appeal, CardRow<TExtra>>> RowOf<TExtra>(Expression<Func<Appeal, TExtra>> extra)
    {
        Expression<Func<Appeal, TExtra, CardRow<TExtra>>> shape = (a, x) => new CardRow<TExtra>(
            a.Id, a.Number, a.ExecutorId, a.DirectionId, a.RegisteredAt, a.ClosedAt, a.SerPlanIncludedAt, a.Sign, x);
        var card = shape.Parameters[0];
        var extraBody = ReplacingExpressionVisitor.Replace(extra.Parameters[0], card, extra.Body);
        var body = ReplacingExpressionVisitor.Replace(shape.Parameters[1], extraBody, shape.Body);
        return Expression.Lambda<Func<Appeal, CardRow<TExtra>>>(body, card);
    }

    private sealed record CardRow<TExtra>(
        Guid Id,
        string? Number,
        Guid ExecutorId,
        Guid DirectionId,
        DateTimeOffset RegisteredAt,
        DateTimeOffset? ClosedAt,
        DateTimeOffset? SerPlanIncludedAt,
        AppealSign Sign,
        TExtra Extra);
}
