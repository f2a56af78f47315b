using ContactCenter.Domain.Reporting;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Infrastructure.Reporting;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Features.Reports;

/// <summary>
/// Keeps the figures of each month that has ended (підсумки місяця, §4.1: the monthly report): every executor's counts,
/// computed once by <see cref="ComplianceCalculator.CountByExecutor"/> from the cards' due-date history — the month's
/// end state needs the due date in force then, which at a city's size is a read of ~150,000 cards and seconds of work
/// — so a screen shows a month's figures for any scope by summing a few rows. The kept figures are the month as the
/// history told it when it was kept, the same as the monthly report built then.
/// </summary>
public sealed class KeepClosedMonths(
    IDbContextFactory<ContactCenterDbContext> dbFactory,
    TimeProvider clock,
    ILogger<KeepClosedMonths> logger)
{
    /// <summary>Months looked at on each run: the last ended one and the one before, which a month is compared with.</summary>
    public const int MonthsKept = 2;

    /// <summary>Keeps the last <see cref="MonthsKept"/> ended months that are not kept yet; returns how many it kept.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var zone = await ReportingZone.GetAsync(dbFactory, cancellationToken);
        var now = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone);
        var month = ReportingPeriod.Month(now.Year, now.Month, zone).Previous();
        var kept = 0;
        for (var i = 0; i < MonthsKept; i++, month = month.Previous())
        {
            kept += await KeepAsync(month, cancellationToken) ? 1 : 0;
        }

        return kept;
    }

    /// <summary>
    /// Computes and keeps <paramref name="month"/>'s figures unless they are kept already (by this instance or another:
    /// the month's key is the claim). False when nothing was written.
    /// </summary>
    public async Task<bool> KeepAsync(ReportingPeriod month, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(month);
        var now = clock.GetUtcNow();
        if (now < month.To)
        {
            throw new ArgumentException("Only a month that has ended is kept: the figures of a running month change.", nameof(month));
        }

        var closed = new ClosedMonth(month, now);
        if (await IsKeptAsync(closed, cancellationToken))
        {
            return false;
        }

        var reportCards = new ReportCardsQuery(dbFactory);
        var directory = await reportCards.DirectoryAsync(cancellationToken);
        var cards = await reportCards.CardsAsync(month, ReportScope.Community, directory, withHandling: false, cancellationToken);
        var counts = ComplianceCalculator.CountByExecutor(cards.Select(c => c.Facts), month);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.ClosedMonths.Add(closed);
        db.ClosedMonthFigures.AddRange(counts
            .Where(c => c.Value != FigureCounts.Zero)
            .Select(c => new ClosedMonthFigures(closed, c.Key, directory.DirectionOfExecutor(c.Key), c.Value)));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            if (await IsKeptAsync(closed, cancellationToken))
            {
                // Another instance kept it between the check and the write: its figures stand.
                return false;
            }

            throw;
        }

        logger.LogInformation("Kept the figures of {Year}-{Month:00}: {Executors} executors, {Cards} cards read.", closed.Year, closed.Month, counts.Count, cards.Count);
        return true;
    }

    private async Task<bool> IsKeptAsync(ClosedMonth month, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ClosedMonths.AnyAsync(m => m.Year == month.Year && m.Month == month.Month, cancellationToken);
    }
}
