namespace ContactCenter.Domain.Reporting;

/// <summary>
/// The one definition of the regulation figures (domain.md, "Control and reports"; regulation §4.1: daily,
/// weekly and monthly figures "за регламентом"). Reports, dashboards and tests all call it, so a figure means
/// the same on every screen and in every letter. Pure: no clock, no I/O — the period and the facts are inputs,
/// which is also what lets a past month be recomputed exactly from the due-date history.
/// </summary>
public static partial class ComplianceCalculator
{
    /// <summary>The figures of <paramref name="scope"/> for <paramref name="period"/>.</summary>
    /// <param name="cards">All cards that may matter (enumerated once); a card outside the scope still counts for redirects away from the scope's executors.</param>
    /// <param name="directionOfExecutor">
    /// Maps an executor to its direction, so a direction is charged with redirects away from its executors.
    /// Without it, a direction is charged with the redirects of the cards now in it — an approximation, since a
    /// card redirected to another direction has left it.
    /// </param>
    public static ComplianceFigures Compute(
        IEnumerable<CardFacts> cards,
        ReportingPeriod period,
        ReportScope scope,
        Func<Guid, Guid?>? directionOfExecutor = null)
    {
        ArgumentNullException.ThrowIfNull(cards);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(scope);

        var tally = new Tally();
        foreach (var card in cards)
        {
            var isMember = IsMember(card, scope);
            if (isMember)
            {
                tally.AddCard(card, period);
            }

            tally.Redirected += RedirectsAway(card, isMember, period, scope, directionOfExecutor);
        }

        return tally.ToFigures();
    }

    /// <summary>
    /// The figures of every executor at once, in one pass (the daily report to each executor's head, §4.1).
    /// Each value equals <see cref="Compute"/> with <see cref="ReportScope.Executor"/>; executors whose figures
    /// would be <see cref="ComplianceFigures.Empty"/> are left out.
    /// </summary>
    public static IReadOnlyDictionary<Guid, ComplianceFigures> ComputeByExecutor(IEnumerable<CardFacts> cards, ReportingPeriod period)
    {
        var result = new Dictionary<Guid, ComplianceFigures>();
        foreach (var (executorId, counts) in CountByExecutor(cards, period))
        {
            var figures = counts.ToFigures();
            if (figures != ComplianceFigures.Empty)
            {
                result.Add(executorId, figures);
            }
        }

        return result;
    }

    /// <summary>
    /// The counts behind <see cref="ComputeByExecutor"/>, for every executor a card or a redirect of the period names:
    /// the executors' counts add up to the community's (<see cref="FigureCounts.Sum"/>), so they can be kept for a
    /// month and summed for any scope later.
    /// </summary>
    public static IReadOnlyDictionary<Guid, FigureCounts> CountByExecutor(IEnumerable<CardFacts> cards, ReportingPeriod period)
    {
        ArgumentNullException.ThrowIfNull(cards);
        ArgumentNullException.ThrowIfNull(period);

        var tallies = new Dictionary<Guid, Tally>();
        Tally TallyOf(Guid executorId)
        {
            if (!tallies.TryGetValue(executorId, out var tally))
            {
                tally = new Tally();
                tallies.Add(executorId, tally);
            }

            return tally;
        }

        foreach (var card in cards)
        {
            TallyOf(card.ExecutorId).AddCard(card, period);
            foreach (var redirect in card.Redirects)
            {
                if (period.Contains(redirect.At))
                {
                    TallyOf(redirect.FromExecutorId).Redirected++;
                }
            }
        }

        return tallies.ToDictionary(t => t.Key, t => t.Value.ToCounts());
    }

    /// <summary>
    /// Виконано вчасно: closed on or before the due date in force at closure — an approved extension moves the deadline
    /// (additional control, §2.4, §3.3), and closing exactly at the due date is on time.
    /// </summary>
    public static bool IsClosedOnTime(DateTimeOffset dueAtClosure, DateTimeOffset closedAt) => closedAt <= dueAtClosure;

    /// <summary>
    /// Виконання за регламентом = closed on time ÷ (closed in the period + overdue at its end) × 100, one decimal; null
    /// when nothing is judged. Cards still overdue weigh like late closures, so leaving a card unresolved never improves
    /// the percentage. A total is computed from summed counts, never by averaging percentages.
    /// </summary>
    public static decimal? CompliancePercent(int closedOnTime, int closedLate, int overdue)
    {
        var judged = closedOnTime + closedLate + overdue;
        return judged == 0
            ? null
            : Math.Round(closedOnTime * 100m / judged, 1, MidpointRounding.AwayFromZero);
    }

    private static bool IsMember(CardFacts card, ReportScope scope) => scope.Kind switch
    {
        ScopeKind.Community => true,
        ScopeKind.Direction => card.DirectionId == scope.Id,
        ScopeKind.Executor => card.ExecutorId == scope.Id,
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope.Kind, "Unknown scope kind."),
    };

    /// <summary>
    /// "Redirects away from this executor in the period" (domain.md): the executor a redirect left is charged
    /// with it, not the one that now holds the card.
    /// </summary>
    private static bool IsRedirectAwayFrom(
        ReportScope scope, RedirectFact redirect, CardFacts card, bool cardIsMember, Func<Guid, Guid?>? directionOfExecutor) =>
        scope.Kind switch
        {
            // Every executor belongs to the community: every redirect leaves one of them.
            ScopeKind.Community => true,
            ScopeKind.Direction => directionOfExecutor is null
                ? cardIsMember
                : directionOfExecutor(redirect.FromExecutorId) == scope.Id,
            ScopeKind.Executor => redirect.FromExecutorId == scope.Id,
            _ => throw new ArgumentOutOfRangeException(nameof(scope), scope.Kind, "Unknown scope kind."),
        };

    /// <summary>Running counts for one scope.</summary>
    private sealed class Tally
    {
        private int received;
        private int closedOnTime;
        private int closedLate;
        private int inWork;
        private int overdue;
        private int underAdditionalControl;
        private int inSerPlans;
        private int repeatAppeals;

        // Ticks can exceed a long when millions of long-running cards are summed.
        private Int128 resolutionTicks;

        public int Redirected { get; set; }

        public void AddCard(CardFacts card, ReportingPeriod period)
        {
            var standing = StandingOf(card, period);
            received += standing.Received ? 1 : 0;
            repeatAppeals += standing.RepeatReceived ? 1 : 0;
            closedOnTime += standing.ClosedOnTime ? 1 : 0;
            closedLate += standing.ClosedLate ? 1 : 0;
            inSerPlans += standing.InSerPlans ? 1 : 0;
            overdue += standing.Overdue ? 1 : 0;
            inWork += standing.InWork ? 1 : 0;
            underAdditionalControl += standing.UnderAdditionalControl ? 1 : 0;
            if (standing.ResolutionTime is { } resolution)
            {
                resolutionTicks += resolution.Ticks;
            }
        }

        public FigureCounts ToCounts() => new(
            received,
            repeatAppeals,
            closedOnTime,
            closedLate,
            inWork,
            overdue,
            underAdditionalControl,
            inSerPlans,
            Redirected,
            resolutionTicks);

        public ComplianceFigures ToFigures() => ToCounts().ToFigures();
    }
}
