namespace ContactCenter.Domain.Reporting;

/// <summary>
/// The counts behind <see cref="ComplianceFigures"/>, before the percentage and the average are taken. Counts of disjoint
/// sets of cards add up where percentages and averages do not (§4.1: a total is computed from summed counts), so figures
/// kept per executor give a direction's or the community's figures by summing them.
/// </summary>
/// <param name="ResolutionTicks">The sum of registration → closure over the cards closed in the period (an <see cref="Int128"/>: millions of long-running cards overflow a long).</param>
public sealed record FigureCounts(
    int Received,
    int RepeatAppeals,
    int ClosedOnTime,
    int ClosedLate,
    int InWork,
    int Overdue,
    int UnderAdditionalControl,
    int InSerPlans,
    int Redirected,
    Int128 ResolutionTicks)
{
    /// <summary>Nothing counted.</summary>
    public static readonly FigureCounts Zero = new(0, 0, 0, 0, 0, 0, 0, 0, 0, Int128.Zero);

    /// <summary>Counts of two disjoint sets of cards (and of redirects): the counts of their union.</summary>
    public static FigureCounts operator +(FigureCounts left, FigureCounts right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new FigureCounts(
            left.Received + right.Received,
            left.RepeatAppeals + right.RepeatAppeals,
            left.ClosedOnTime + right.ClosedOnTime,
            left.ClosedLate + right.ClosedLate,
            left.InWork + right.InWork,
            left.Overdue + right.Overdue,
            left.UnderAdditionalControl + right.UnderAdditionalControl,
            left.InSerPlans + right.InSerPlans,
            left.Redirected + right.Redirected,
            left.ResolutionTicks + right.ResolutionTicks);
    }

    /// <summary>The counts of several disjoint parts together.</summary>
    public static FigureCounts Sum(IEnumerable<FigureCounts> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var sum = Zero;
        foreach (var part in parts)
        {
            sum += part;
        }

        return sum;
    }

    /// <summary>
    /// The figures these counts make: виконання за регламентом by <see cref="ComplianceCalculator.CompliancePercent"/>,
    /// the average resolution in days to one decimal (null when nothing closed).
    /// </summary>
    public ComplianceFigures ToFigures()
    {
        var closedTotal = ClosedOnTime + ClosedLate;
        double? averageDays = closedTotal == 0
            ? null
            : (double)Math.Round((decimal)ResolutionTicks / closedTotal / TimeSpan.TicksPerDay, 1, MidpointRounding.AwayFromZero);

        return new ComplianceFigures(
            Received,
            ClosedOnTime,
            ClosedLate,
            InWork,
            Overdue,
            UnderAdditionalControl,
            InSerPlans,
            Redirected,
            RepeatAppeals,
            ComplianceCalculator.CompliancePercent(ClosedOnTime, ClosedLate, Overdue),
            averageDays);
    }
}
