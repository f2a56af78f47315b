namespace ContactCenter.Domain.Reporting;

/// <summary>
/// Where one card counts among the figures of a period (domain.md, "Control and reports"): the figures are sums of
/// these, so a report's details sheet can list exactly the cards behind each number.
/// </summary>
/// <param name="Received">Registered in the period (надійшло).</param>
/// <param name="RepeatReceived">A repeat appeal registered in the period (повторне звернення).</param>
/// <param name="ClosedOnTime">Closed in the period on or before the due date in force at closure.</param>
/// <param name="ClosedLate">Closed in the period after that due date.</param>
/// <param name="InWork">Open at the period's end, not past due, not in SER plans.</param>
/// <param name="Overdue">Open at the period's end and past due then, not in SER plans.</param>
/// <param name="UnderAdditionalControl">Open at the end with an approved extension (also in work or overdue).</param>
/// <param name="InSerPlans">Open at the end and included in SER plans.</param>
/// <param name="ResolutionTime">Registration to closure, for a card closed in the period.</param>
/// <param name="DaysOverdue">For a late closure or an overdue card: the days past the due date (<see cref="Lateness.DaysPast"/>).</param>
public readonly record struct CardStanding(
    bool Received,
    bool RepeatReceived,
    bool ClosedOnTime,
    bool ClosedLate,
    bool InWork,
    bool Overdue,
    bool UnderAdditionalControl,
    bool InSerPlans,
    TimeSpan? ResolutionTime,
    int DaysOverdue)
{
    /// <summary>Counted in at least one card figure of the period (redirects are counted separately).</summary>
    public bool CountsInAnyFigure => Received || ClosedOnTime || ClosedLate || InWork || Overdue || InSerPlans;
}

public static partial class ComplianceCalculator
{
    /// <summary>
    /// Where <paramref name="card"/> counts among the card figures of <paramref name="period"/>. <see cref="Compute"/>
    /// sums exactly these, so a list of cards and the figures above it never disagree.
    /// </summary>
    public static CardStanding StandingOf(CardFacts card, ReportingPeriod period)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(period);

        var received = period.Contains(card.RegisteredAt);

        // A repeat appeal is counted in the period it arrives in, like any received card (§4.1).
        var repeat = received && card.IsRepeat;
        bool closedOnTime = false, closedLate = false;
        TimeSpan? resolution = null;
        var daysOverdue = 0;
        if (card.ClosedAt is { } closedAt && period.Contains(closedAt))
        {
            // Judged by the due date in force when it was closed, as the card itself judged it at closure.
            var dueAtClosure = card.DueAtAsOf(closedAt);
            closedOnTime = IsClosedOnTime(dueAtClosure, closedAt);
            closedLate = !closedOnTime;
            daysOverdue = Lateness.DaysPast(dueAtClosure, closedAt);
            resolution = closedAt - card.RegisteredAt;
        }

        // The end state is read at the period's end from the history, not from today's card, so a past month still
        // shows what was overdue then even if the card was extended or closed since.
        var end = period.To;
        bool inWork = false, overdue = false, extended = false, inSer = false;
        if (card.IsOpenAt(end))
        {
            if (card.IsInSerPlanAt(end))
            {
                // Included in SER plans: leaves the overdue statistics but stays under control (§2.4).
                inSer = true;
            }
            else
            {
                var dueAtEnd = card.DueAtAsOf(end);
                overdue = dueAtEnd < end;
                inWork = !overdue;
                extended = card.IsExtendedAt(end);
                if (overdue)
                {
                    daysOverdue = Lateness.DaysPast(dueAtEnd, end);
                }
            }
        }

        return new CardStanding(received, repeat, closedOnTime, closedLate, inWork, overdue, extended, inSer, resolution, daysOverdue);
    }

    /// <summary>Whether <paramref name="card"/> belongs to <paramref name="scope"/> (by its current executor and direction).</summary>
    public static bool BelongsTo(CardFacts card, ReportScope scope)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(scope);
        return IsMember(card, scope);
    }

    /// <summary>
    /// How many of <paramref name="card"/>'s redirects in <paramref name="period"/> left <paramref name="scope"/>: the
    /// card's share of the "redirected" figure (<see cref="Compute"/> with the same arguments sums these).
    /// </summary>
    public static int RedirectsAway(CardFacts card, ReportingPeriod period, ReportScope scope, Func<Guid, Guid?>? directionOfExecutor = null)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(scope);
        return RedirectsAway(card, IsMember(card, scope), period, scope, directionOfExecutor);
    }

    private static int RedirectsAway(CardFacts card, bool isMember, ReportingPeriod period, ReportScope scope, Func<Guid, Guid?>? directionOfExecutor)
    {
        var count = 0;
        foreach (var redirect in card.Redirects)
        {
            if (period.Contains(redirect.At) && IsRedirectAwayFrom(scope, redirect, card, isMember, directionOfExecutor))
            {
                count++;
            }
        }

        return count;
    }
}
