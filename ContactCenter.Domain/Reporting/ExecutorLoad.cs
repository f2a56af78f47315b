using ContactCenter.Domain.Deadlines;

namespace ContactCenter.Domain.Reporting;

/// <summary>The live figures of the deadline-control dashboard (контроль строків, §4.1: "строки розгляду звернень контролюються автоматично").</summary>
public enum LoadFigure
{
    /// <summary>Відкриті: every open card, SER ones included — they stay under control (§2.4).</summary>
    Open,

    /// <summary>Спливає строк: not yet past due, but due within the at-risk window. SER cards left out.</summary>
    AtRisk,

    /// <summary>Прострочено: past due. SER cards left out: "leaves the overdue statistics" (§2.4).</summary>
    Overdue,

    /// <summary>
    /// На додатковому контролі: at least one approved extension (§2.4, §3.3). An attribute, not a state: such a card
    /// is also at risk, overdue or neither. SER cards left out, as in <see cref="ComplianceFigures.UnderAdditionalControl"/>.
    /// </summary>
    AdditionalControl,
}

/// <summary>How a card weighs in "виконання за регламентом" for a period (closed on time ÷ (closed + overdue at the end)).</summary>
public enum ComplianceVerdict
{
    ClosedOnTime,
    ClosedLate,
    Overdue,
}

/// <summary>
/// What the live counts need to know about one card: the columns of the partial index on open cards, nothing more.
/// </summary>
/// <param name="DueAt">The due date in force now (строк виконання).</param>
/// <param name="ExtensionCount">Approved extensions (additional control, §2.4). Counted, not inferred from due-date changes: forwarding (Law art. 7) and returning (art. 5) also move the due date, and they are not additional control.</param>
/// <param name="InSerPlan">Included in socio-economic development plans (§2.4).</param>
/// <param name="ClosedAt">Set for a closed card, which counts in no live figure.</param>
/// <param name="Cards">
/// How many cards this fact stands for: cards of one line alike in every state the live counts tell apart (a group of
/// <see cref="DeadlinePolicy.StateBoundaries"/>), counted once and weighed by their number.
/// </param>
public sealed record LoadCardFact(Guid ExecutorId, Guid DirectionId, DateTimeOffset DueAt, int ExtensionCount, bool InSerPlan, DateTimeOffset? ClosedAt = null, int Cards = 1);

/// <summary>
/// How many cards of one dashboard line closed in a period with one verdict: on time (<paramref name="OnTime"/>) or late, as
/// each card was judged when it closed.
/// </summary>
public sealed record ClosedCount(LoadKey Key, bool OnTime, int Count);

/// <summary>One executor's (or a direction's, or the whole scope's) live counts.</summary>
public sealed record LoadCounts(int Open, int AtRisk, int Overdue, int UnderAdditionalControl)
{
    public static readonly LoadCounts Zero = new(0, 0, 0, 0);

    public int Of(LoadFigure figure) => figure switch
    {
        LoadFigure.Open => Open,
        LoadFigure.AtRisk => AtRisk,
        LoadFigure.Overdue => Overdue,
        LoadFigure.AdditionalControl => UnderAdditionalControl,
        _ => throw new ArgumentOutOfRangeException(nameof(figure), figure, "Unknown figure."),
    };

    public static LoadCounts operator +(LoadCounts left, LoadCounts right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new LoadCounts(
            left.Open + right.Open,
            left.AtRisk + right.AtRisk,
            left.Overdue + right.Overdue,
            left.UnderAdditionalControl + right.UnderAdditionalControl);
    }
}

/// <summary>An executor as it appears on the dashboard: under the direction its cards carry (the same rule as who may see them).</summary>
public readonly record struct LoadKey(Guid DirectionId, Guid ExecutorId);

/// <summary>The live counts and the month-to-date compliance of one line of the dashboard.</summary>
/// <param name="CompliancePercent">Виконання за регламентом for the Kyiv month so far, as <see cref="ComplianceCalculator"/> computes it; null when nothing to judge.</param>
public sealed record LoadLine(LoadCounts Counts, decimal? CompliancePercent);

/// <summary>The whole dashboard: a line per executor, a total per direction and one for the scope.</summary>
public sealed record LoadBoard(
    IReadOnlyDictionary<LoadKey, LoadLine> Executors,
    IReadOnlyDictionary<Guid, LoadLine> Directions,
    LoadLine Total);

/// <summary>
/// The rules of the deputies' live dashboard (§4.1): which state an open card is in now, how an executor's line is
/// tallied, and which periods its compliance figures cover. Pure: the cards, <c>now</c> and the at-risk window are inputs.
/// </summary>
public static class ExecutorLoad
{
    /// <summary>
    /// Whether <paramref name="card"/> counts in <paramref name="figure"/> at <paramref name="now"/>. The deadline state is
    /// <see cref="DeadlinePolicy.StateAt"/>'s: a card due exactly now is at risk, not overdue; one due exactly at the
    /// window's edge is at risk.
    /// </summary>
    public static bool CountsIn(LoadCardFact card, LoadFigure figure, DateTimeOffset now, TimeSpan atRiskWindow)
    {
        ArgumentNullException.ThrowIfNull(card);
        if (card.ClosedAt is not null)
        {
            return false;
        }

        if (figure == LoadFigure.Open)
        {
            return true;
        }

        // §2.4: a card in SER plans leaves the overdue statistics; nor is it about to breach a term it no longer runs against.
        if (card.InSerPlan)
        {
            return false;
        }

        return figure switch
        {
            LoadFigure.AtRisk => DeadlinePolicy.StateAt(card.DueAt, now, atRiskWindow) == DeadlineState.AtRisk,
            LoadFigure.Overdue => DeadlinePolicy.StateAt(card.DueAt, now, atRiskWindow) == DeadlineState.Overdue,
            LoadFigure.AdditionalControl => card.ExtensionCount > 0,
            _ => throw new ArgumentOutOfRangeException(nameof(figure), figure, "Unknown figure."),
        };
    }

    /// <summary>The counts one card adds to its executor's line.</summary>
    public static LoadCounts CountsOf(LoadCardFact card, DateTimeOffset now, TimeSpan atRiskWindow) => new(
        CountsIn(card, LoadFigure.Open, now, atRiskWindow) ? 1 : 0,
        CountsIn(card, LoadFigure.AtRisk, now, atRiskWindow) ? 1 : 0,
        CountsIn(card, LoadFigure.Overdue, now, atRiskWindow) ? 1 : 0,
        CountsIn(card, LoadFigure.AdditionalControl, now, atRiskWindow) ? 1 : 0);

    /// <summary>
    /// A due date inside one group of <see cref="DeadlinePolicy.StateBoundaries"/> — before <c>OverdueBefore</c>
    /// (<paramref name="overdue"/>), else up to <c>AtRiskUntil</c> (<paramref name="atRisk"/>), else after it — to stand for
    /// the cards a query counted in it: a query may count a line's open cards on either side of those instants (and by
    /// extended or not, in SER plans or not) and every card of a group counts where this one does.
    /// </summary>
    public static DateTimeOffset DueDateInGroup(bool overdue, bool atRisk, DateTimeOffset now, TimeSpan atRiskWindow)
    {
        var (overdueBefore, atRiskUntil) = DeadlinePolicy.StateBoundaries(now, atRiskWindow);
        return overdue ? overdueBefore - TimeSpan.FromTicks(1)
            : atRisk ? overdueBefore
            : atRiskUntil + TimeSpan.FromTicks(1);
    }

    /// <summary>The counts of every (direction, executor) that has a card counted; others are absent, i.e. zero.</summary>
    public static IReadOnlyDictionary<LoadKey, LoadCounts> Tally(IEnumerable<LoadCardFact> cards, DateTimeOffset now, TimeSpan atRiskWindow)
    {
        ArgumentNullException.ThrowIfNull(cards);
        var result = new Dictionary<LoadKey, LoadCounts>();
        foreach (var card in cards)
        {
            var counts = CountsOf(card, now, atRiskWindow);
            if (counts == LoadCounts.Zero)
            {
                continue;
            }

            if (card.Cards != 1)
            {
                counts = new LoadCounts(counts.Open * card.Cards, counts.AtRisk * card.Cards, counts.Overdue * card.Cards, counts.UnderAdditionalControl * card.Cards);
            }

            var key = new LoadKey(card.DirectionId, card.ExecutorId);
            result[key] = result.TryGetValue(key, out var sum) ? sum + counts : counts;
        }

        return result;
    }

    /// <summary>
    /// The dashboard: every executor of <paramref name="executors"/> (listed even with nothing open) and every executor
    /// with a card counted, the totals per direction and for the scope. Compliance for <paramref name="monthToDate"/> is
    /// <see cref="ComplianceCalculator.CompliancePercent"/> of the month's closures, on time and late as each card was
    /// judged when it closed (<see cref="Appeals.Appeal.ClosedOnTime"/>), and of the cards overdue now — the end of the
    /// period so far — so it is the number a report for the same days shows. A total's percentage is computed from summed
    /// counts, never averaged.
    /// </summary>
    /// <param name="openCards">The open cards of the scope.</param>
    /// <param name="closedInMonth">The scope's cards closed in <paramref name="monthToDate"/>, counted per line and verdict.</param>
    /// <param name="monthToDate">Null at the very first instant of a month, when there is nothing to judge yet.</param>
    public static LoadBoard Board(
        IEnumerable<LoadKey> executors,
        IEnumerable<LoadCardFact> openCards,
        IEnumerable<ClosedCount> closedInMonth,
        ReportingPeriod? monthToDate,
        DateTimeOffset now,
        TimeSpan atRiskWindow)
    {
        ArgumentNullException.ThrowIfNull(executors);
        ArgumentNullException.ThrowIfNull(closedInMonth);

        var tally = Tally(openCards, now, atRiskWindow);
        var closed = new Dictionary<LoadKey, (int OnTime, int Late)>();
        foreach (var count in closedInMonth)
        {
            var sum = closed.GetValueOrDefault(count.Key);
            closed[count.Key] = count.OnTime ? (sum.OnTime + count.Count, sum.Late) : (sum.OnTime, sum.Late + count.Count);
        }

        var keys = new HashSet<LoadKey>(executors);
        keys.UnionWith(tally.Keys);
        keys.UnionWith(closed.Keys);

        var lines = new Dictionary<LoadKey, (LoadCounts Counts, int OnTime, int Late)>(keys.Count);
        foreach (var key in keys)
        {
            var (onTime, late) = closed.GetValueOrDefault(key);
            lines.Add(key, (tally.GetValueOrDefault(key, LoadCounts.Zero), onTime, late));
        }

        LoadLine LineOf(IEnumerable<(LoadCounts Counts, int OnTime, int Late)> parts)
        {
            var counts = LoadCounts.Zero;
            int onTime = 0, late = 0;
            foreach (var part in parts)
            {
                counts += part.Counts;
                onTime += part.OnTime;
                late += part.Late;
            }

            var percent = monthToDate is null ? null : ComplianceCalculator.CompliancePercent(onTime, late, counts.Overdue);
            return new LoadLine(counts, percent);
        }

        var executorLines = lines.ToDictionary(l => l.Key, l => LineOf([l.Value]));
        var directions = lines
            .GroupBy(l => l.Key.DirectionId)
            .ToDictionary(g => g.Key, g => LineOf(g.Select(l => l.Value)));
        return new LoadBoard(executorLines, directions, LineOf(lines.Values));
    }

    /// <summary>
    /// The closures of <paramref name="cards"/> in <paramref name="period"/>, counted per line and verdict as
    /// <see cref="ComplianceCalculator.StandingOf"/> judges them from the due-date history: what the verdicts kept on the
    /// cards must add up to.
    /// </summary>
    public static IReadOnlyList<ClosedCount> ClosedCounts(IEnumerable<CardFacts> cards, ReportingPeriod period)
    {
        ArgumentNullException.ThrowIfNull(cards);
        ArgumentNullException.ThrowIfNull(period);
        return cards
            .Where(c => c.DirectionId is not null)
            .Select(c => (Key: new LoadKey(c.DirectionId!.Value, c.ExecutorId), Standing: ComplianceCalculator.StandingOf(c, period)))
            .Where(c => c.Standing.ClosedOnTime || c.Standing.ClosedLate)
            .GroupBy(c => (c.Key, c.Standing.ClosedOnTime))
            .Select(g => new ClosedCount(g.Key.Key, g.Key.ClosedOnTime, g.Count()))
            .ToList();
    }

    /// <summary>
    /// The local calendar month of <paramref name="now"/> up to <paramref name="now"/>: what a monthly report (§4.1) run
    /// right now would cover. Null at the month's very first instant, when the period would be empty.
    /// </summary>
    public static ReportingPeriod? MonthToDate(DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var month = ReportingPeriod.Month(local.Year, local.Month, zone);
        return now > month.From ? new ReportingPeriod(month.From, now) : null;
    }

    /// <summary>
    /// The last <paramref name="count"/> local weeks, Monday to Sunday, oldest first; the current week runs up to
    /// <paramref name="now"/> (and is left out at the very instant it starts, when it would be empty).
    /// Weeks, because the deputies' reports are weekly (§4.1): each point of the trend is the figure of a weekly report.
    /// </summary>
    public static IReadOnlyList<ReportingPeriod> RecentWeeks(DateTimeOffset now, TimeZoneInfo zone, int count)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var current = ReportingPeriod.Week(monday, zone);
        var weeks = new List<ReportingPeriod>(count);
        var completed = now > current.From ? count - 1 : count;
        for (var i = completed; i >= 1; i--)
        {
            weeks.Add(ReportingPeriod.Week(monday.AddDays(-7 * i), zone));
        }

        if (now > current.From)
        {
            weeks.Add(new ReportingPeriod(current.From, now));
        }

        return weeks;
    }
}
