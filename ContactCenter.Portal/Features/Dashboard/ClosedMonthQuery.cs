using ContactCenter.Domain.Common;
using ContactCenter.Domain.Deadlines;
using ContactCenter.Domain.Reporting;
using ContactCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Features.Dashboard;

/// <param name="DirectionId">Null for the total line.</param>
/// <param name="PreviousCompliancePercent">The same line's виконання за регламентом in the month before, when that month is kept.</param>
public sealed record ClosedMonthLine(Guid? DirectionId, string Name, ComplianceFigures Figures, decimal? PreviousCompliancePercent);

/// <summary>The latest ended month's figures as kept when it ended (<see cref="Reports.KeepClosedMonths"/>).</summary>
/// <param name="MonthName">The month in words: "жовтень 2026".</param>
/// <param name="From">The month's first instant; <paramref name="To"/> the first instant after it.</param>
public sealed record ClosedMonthFigures(
    string MonthName,
    DateTimeOffset From,
    DateTimeOffset To,
    DateTimeOffset KeptAt,
    IReadOnlyList<ClosedMonthLine> Directions,
    ClosedMonthLine Total);

/// <summary>
/// The figures of the last ended month (§4.1, the monthly report) on the deputies' dashboard, per direction and in
/// total, beside the month before: read from the counts kept when the month ended and summed by
/// <see cref="FigureCounts"/>, so the screen reads a few rows at any size of city. Who sees what is the dashboard's rule.
/// </summary>
public sealed class ClosedMonthQuery(IDbContextFactory<ContactCenterDbContext> dbFactory)
{
    /// <summary>The figures, or null when <paramref name="actor"/> may not see the dashboard or no month is kept yet.</summary>
    public async Task<ClosedMonthFigures?> LatestAsync(Actor? actor, CancellationToken cancellationToken = default)
    {
        if (DashboardQuery.ScopeOf(actor) is not { } scope)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var months = await db.ClosedMonths.AsNoTracking()
            .OrderByDescending(m => m.Year).ThenByDescending(m => m.Month)
            .Take(2)
            .ToListAsync(cancellationToken);
        if (months.Count == 0)
        {
            return null;
        }

        var latest = months[0];
        var (previousYear, previousMonth) = latest.Month == 1 ? (latest.Year - 1, 12) : (latest.Year, latest.Month - 1);
        var hasPrevious = months.Count > 1 && months[1].Year == previousYear && months[1].Month == previousMonth;

        // One row per month and direction: the executors' counts summed in the database (a month of a city is a few
        // thousand executor rows; no single direction's month comes near a long of resolution ticks).
        var figures = db.ClosedMonthFigures.AsNoTracking()
            .Where(f => (f.Year == latest.Year && f.Month == latest.Month) || (hasPrevious && f.Year == previousYear && f.Month == previousMonth));
        if (!scope.All)
        {
            var directionIds = scope.DirectionIds;
            figures = figures.Where(f => f.DirectionId != null && directionIds.Contains(f.DirectionId.Value));
        }

        var rows = await figures
            .GroupBy(f => new { f.Year, f.Month, f.DirectionId })
            .Select(g => new
            {
                g.Key.Year,
                g.Key.Month,
                g.Key.DirectionId,
                Received = g.Sum(f => f.Received),
                RepeatAppeals = g.Sum(f => f.RepeatAppeals),
                ClosedOnTime = g.Sum(f => f.ClosedOnTime),
                ClosedLate = g.Sum(f => f.ClosedLate),
                InWork = g.Sum(f => f.InWork),
                Overdue = g.Sum(f => f.Overdue),
                UnderAdditionalControl = g.Sum(f => f.UnderAdditionalControl),
                InSerPlans = g.Sum(f => f.InSerPlans),
                Redirected = g.Sum(f => f.Redirected),
                ResolutionTicks = g.Sum(f => f.ResolutionTicks),
            })
            .ToListAsync(cancellationToken);
        var names = await db.Directions.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken);

        var byMonth = rows.ToLookup(
            r => r.Year == latest.Year && r.Month == latest.Month,
            r => (r.DirectionId, Counts: new FigureCounts(r.Received, r.RepeatAppeals, r.ClosedOnTime, r.ClosedLate, r.InWork, r.Overdue, r.UnderAdditionalControl, r.InSerPlans, r.Redirected, r.ResolutionTicks)));
        var before = byMonth[false].ToDictionary(r => r.DirectionId ?? Guid.Empty, r => r.Counts);
        decimal? Before(FigureCounts? counts) => hasPrevious ? (counts ?? FigureCounts.Zero).ToFigures().CompliancePercent : null;

        var directions = byMonth[true]
            .Select(r => new ClosedMonthLine(
                r.DirectionId,
                r.DirectionId is { } d && names.TryGetValue(d, out var name) ? name : "Без напрямку",
                r.Counts.ToFigures(),
                Before(before.GetValueOrDefault(r.DirectionId ?? Guid.Empty))))
            .OrderBy(l => l.Name, StringComparer.CurrentCulture)
            .ToList();
        var total = new ClosedMonthLine(
            null,
            "Разом",
            FigureCounts.Sum(byMonth[true].Select(r => r.Counts)).ToFigures(),
            Before(FigureCounts.Sum(before.Values)));
        var name = Reports.ReportNaming.MonthText(ReportingPeriod.Month(latest.Year, latest.Month, DeadlinePolicy.Kyiv));
        return new ClosedMonthFigures(name, latest.From, latest.To, latest.KeptAt, directions, total);
    }
}
