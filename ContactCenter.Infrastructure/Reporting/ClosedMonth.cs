using ContactCenter.Domain.Reporting;

namespace ContactCenter.Infrastructure.Reporting;

/// <summary>
/// A month whose figures were kept (підсумки місяця): the row is the claim and the mark, written in one transaction with
/// its executors' <see cref="ClosedMonthFigures"/>, so a month is either kept whole or not at all, and its key lets one
/// instance of a cluster keep it.
/// </summary>
public sealed class ClosedMonth
{
    private ClosedMonth()
    {
    }

    /// <param name="month">A calendar month (<see cref="ReportingPeriod.Month"/>) in the reports' time zone.</param>
    public ClosedMonth(ReportingPeriod month, DateTimeOffset keptAt)
    {
        ArgumentNullException.ThrowIfNull(month);
        if (month.Kind != ReportingPeriodKind.Month || month.Zone is null)
        {
            throw new ArgumentException("A calendar month is kept, not another period.", nameof(month));
        }

        var first = TimeZoneInfo.ConvertTime(month.From, month.Zone);
        Year = first.Year;
        Month = first.Month;
        From = month.From;
        To = month.To;
        KeptAt = keptAt;
    }

    /// <summary>The month's calendar year and month in the reports' time zone.</summary>
    public int Year { get; private set; }

    public int Month { get; private set; }

    public DateTimeOffset From { get; private set; }

    public DateTimeOffset To { get; private set; }

    /// <summary>When the figures were computed: they are the month as the cards' history told it then.</summary>
    public DateTimeOffset KeptAt { get; private set; }
}

/// <summary>One executor's counts for a kept month (<see cref="FigureCounts"/>), charged as the monthly report charges them.</summary>
public sealed class ClosedMonthFigures
{
    private ClosedMonthFigures()
    {
    }

    /// <param name="directionId">The executor's direction when the month was kept: the direction these counts are summed into.</param>
    public ClosedMonthFigures(ClosedMonth month, Guid executorId, Guid? directionId, FigureCounts counts)
    {
        ArgumentNullException.ThrowIfNull(month);
        ArgumentNullException.ThrowIfNull(counts);
        Year = month.Year;
        Month = month.Month;
        ExecutorId = executorId;
        DirectionId = directionId;
        Received = counts.Received;
        RepeatAppeals = counts.RepeatAppeals;
        ClosedOnTime = counts.ClosedOnTime;
        ClosedLate = counts.ClosedLate;
        InWork = counts.InWork;
        Overdue = counts.Overdue;
        UnderAdditionalControl = counts.UnderAdditionalControl;
        InSerPlans = counts.InSerPlans;
        Redirected = counts.Redirected;

        // One executor's month never comes near a long (29,000 years of resolution time); only sums over many do.
        ResolutionTicks = checked((long)counts.ResolutionTicks);
    }

    public int Year { get; private set; }

    public int Month { get; private set; }

    public Guid ExecutorId { get; private set; }

    public Guid? DirectionId { get; private set; }

    public int Received { get; private set; }

    public int RepeatAppeals { get; private set; }

    public int ClosedOnTime { get; private set; }

    public int ClosedLate { get; private set; }

    public int InWork { get; private set; }

    public int Overdue { get; private set; }

    public int UnderAdditionalControl { get; private set; }

    public int InSerPlans { get; private set; }

    public int Redirected { get; private set; }

    public long ResolutionTicks { get; private set; }

    public FigureCounts ToCounts() => new(
        Received, RepeatAppeals, ClosedOnTime, ClosedLate, InWork, Overdue, UnderAdditionalControl, InSerPlans, Redirected, ResolutionTicks);
}
