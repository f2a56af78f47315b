using ContactCenter.Domain.Deadlines;
using ContactCenter.Domain.Reporting;

namespace ContactCenter.Domain.Tests.Reporting;

public sealed class ExecutorLoadTests
{
    private static readonly TimeZoneInfo Kyiv = TimeZoneInfo.FindSystemTimeZoneById("Europe/Kyiv");
    private static readonly DateTimeOffset Now = new(2026, 3, 18, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromHours(24);

    private static LoadCardFact Card(
        DateTimeOffset dueAt, int extensions = 0, bool ser = false, DateTimeOffset? closedAt = null, Guid? executor = null, Guid? direction = null) =>
        new(executor ?? TestIds.ExecutorA, direction ?? TestIds.DirectionNorth, dueAt, extensions, ser, closedAt);

    /// <summary>One card each: the figures it must count in (Open, AtRisk, Overdue, AdditionalControl).</summary>
    private static readonly Dictionary<string, (LoadCardFact Card, LoadCounts Expected)> Cases = new()
    {
        ["due in a week: open only"] = (Card(Now.AddDays(7)), new LoadCounts(1, 0, 0, 0)),
        ["due exactly now: at risk, not yet overdue"] = (Card(Now), new LoadCounts(1, 1, 0, 0)),
        ["due one second ago: overdue"] = (Card(Now.AddSeconds(-1)), new LoadCounts(1, 0, 1, 0)),
        ["due exactly at the window's edge: at risk"] = (Card(Now + Window), new LoadCounts(1, 1, 0, 0)),
        ["due one second past the window: open only"] = (Card(Now + Window + TimeSpan.FromSeconds(1)), new LoadCounts(1, 0, 0, 0)),
        ["extended and due later: open and under additional control"] = (Card(Now.AddDays(10), extensions: 1), new LoadCounts(1, 0, 0, 1)),
        ["extended twice and overdue: both"] = (Card(Now.AddDays(-1), extensions: 2), new LoadCounts(1, 0, 1, 1)),
        ["extended and at risk: both"] = (Card(Now.AddHours(3), extensions: 1), new LoadCounts(1, 1, 0, 1)),
        ["in SER plans and past due: open, but not overdue (§2.4)"] = (Card(Now.AddDays(-30), ser: true), new LoadCounts(1, 0, 0, 0)),
        ["in SER plans and due within the window: not at risk"] = (Card(Now.AddHours(1), ser: true), new LoadCounts(1, 0, 0, 0)),
        ["in SER plans after an extension: not under additional control"] = (Card(Now.AddDays(-3), extensions: 1, ser: true), new LoadCounts(1, 0, 0, 0)),
        ["closed, even if it was overdue: counts nowhere"] = (Card(Now.AddDays(-5), extensions: 1, closedAt: Now.AddDays(-1)), LoadCounts.Zero),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void CountsOf_ACard_IsItsStateNow(string scenario)
    {
        var (card, expected) = Cases[scenario];
        Assert.Equal(expected, ExecutorLoad.CountsOf(card, Now, Window));
        foreach (var figure in Enum.GetValues<LoadFigure>())
        {
            Assert.Equal(expected.Of(figure) == 1, ExecutorLoad.CountsIn(card, figure, Now, Window));
        }
    }

    [Fact]
    public void CountsIn_UsesTheWindowItIsGiven()
    {
        var card = Card(Now.AddHours(30));

        Assert.False(ExecutorLoad.CountsIn(card, LoadFigure.AtRisk, Now, TimeSpan.FromHours(24)));
        Assert.True(ExecutorLoad.CountsIn(card, LoadFigure.AtRisk, Now, TimeSpan.FromHours(48)));
    }

    [Fact]
    public void Tally_SumsPerDirectionAndExecutor_AndLeavesOutExecutorsWithOnlyClosedCards()
    {
        var cards = new[]
        {
            Card(Now.AddDays(-2)),
            Card(Now.AddHours(2), extensions: 1),
            Card(Now.AddDays(9)),
            Card(Now.AddDays(-1), executor: TestIds.ExecutorB, direction: TestIds.DirectionSouth),
            Card(Now.AddDays(-1), closedAt: Now.AddHours(-1), executor: TestIds.ExecutorC),
        };

        var tally = ExecutorLoad.Tally(cards, Now, Window);

        Assert.Equal(new LoadCounts(3, 1, 1, 1), tally[new LoadKey(TestIds.DirectionNorth, TestIds.ExecutorA)]);
        Assert.Equal(new LoadCounts(1, 0, 1, 0), tally[new LoadKey(TestIds.DirectionSouth, TestIds.ExecutorB)]);
        Assert.False(tally.ContainsKey(new LoadKey(TestIds.DirectionNorth, TestIds.ExecutorC)));
    }

    [Fact]
    public void Tally_ChangesAsTimePasses_WithoutAnyEvent()
    {
        var card = Card(Now.AddHours(30));

        Assert.Equal(new LoadCounts(1, 0, 0, 0), ExecutorLoad.CountsOf(card, Now, Window));
        Assert.Equal(new LoadCounts(1, 1, 0, 0), ExecutorLoad.CountsOf(card, Now.AddHours(6), Window));
        Assert.Equal(new LoadCounts(1, 0, 1, 0), ExecutorLoad.CountsOf(card, Now.AddHours(30).AddSeconds(1), Window));
    }

    [Fact]
    public void Board_ListsQuietExecutors_TotalsDirections_AndComputesTotalsOverCardsNotAverages()
    {
        var month = ExecutorLoad.MonthToDate(Now, Kyiv)!;
        var registered = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        CardFacts[] facts =
        [
            // A: one closed on time → 100 %.
            new CardFactsBuilder().RegisteredAt(registered).DueAt(registered.AddDays(5)).ClosedAt(registered.AddDays(2)),

            // B: one closed late and two overdue now → 0 %.
            new CardFactsBuilder().ForExecutor(TestIds.ExecutorB).RegisteredAt(registered).DueAt(registered.AddDays(1)).ClosedAt(registered.AddDays(3)),
            new CardFactsBuilder().ForExecutor(TestIds.ExecutorB).RegisteredAt(registered).DueAt(registered.AddDays(1)),
            new CardFactsBuilder().ForExecutor(TestIds.ExecutorB).RegisteredAt(registered).DueAt(registered.AddDays(2)),
        ];
        var open = new[]
        {
            Card(registered.AddDays(1), executor: TestIds.ExecutorB, direction: TestIds.DirectionSouth),
            Card(registered.AddDays(2), executor: TestIds.ExecutorB, direction: TestIds.DirectionSouth),
            Card(Now.AddDays(3)),
        };
        var quiet = new LoadKey(TestIds.DirectionNorth, TestIds.ExecutorC);

        var board = ExecutorLoad.Board([quiet, new LoadKey(TestIds.DirectionNorth, TestIds.ExecutorA)], open, ExecutorLoad.ClosedCounts(facts, month), month, Now, Window);

        Assert.Equal(new LoadLine(LoadCounts.Zero, null), board.Executors[quiet]);
        Assert.Equal(new LoadLine(new LoadCounts(1, 0, 0, 0), 100.0m), board.Executors[new LoadKey(TestIds.DirectionNorth, TestIds.ExecutorA)]);
        Assert.Equal(new LoadLine(new LoadCounts(2, 0, 2, 0), 0.0m), board.Executors[new LoadKey(TestIds.DirectionSouth, TestIds.ExecutorB)]);
        Assert.Equal(new LoadLine(new LoadCounts(1, 0, 0, 0), 100.0m), board.Directions[TestIds.DirectionNorth]);
        Assert.Equal(new LoadLine(new LoadCounts(2, 0, 2, 0), 0.0m), board.Directions[TestIds.DirectionSouth]);

        // 1 on time of 4 judged = 25 %, not the 50 % an average of 100 % and 0 % would give.
        Assert.Equal(new LoadLine(new LoadCounts(3, 0, 2, 0), 25.0m), board.Total);
        Assert.Equal(ComplianceCalculator.Compute(facts, month, ReportScope.Community).CompliancePercent, board.Total.CompliancePercent);
        var byExecutor = ComplianceCalculator.ComputeByExecutor(facts, month);
        Assert.Equal(byExecutor[TestIds.ExecutorB].CompliancePercent, board.Executors[new LoadKey(TestIds.DirectionSouth, TestIds.ExecutorB)].CompliancePercent);
    }

    [Fact]
    public void Board_AtTheFirstInstantOfAMonth_HasNoCompliance()
    {
        var firstInstant = ReportingPeriod.Month(2026, 4, Kyiv).From;
        CardFacts closed = new CardFactsBuilder().RegisteredAt(firstInstant.AddDays(-3)).DueAt(firstInstant.AddDays(5)).ClosedAt(firstInstant.AddDays(-1));

        var board = ExecutorLoad.Board([], [], ExecutorLoad.ClosedCounts([closed], ReportingPeriod.Month(2026, 3, Kyiv)), ExecutorLoad.MonthToDate(firstInstant, Kyiv), firstInstant, Window);

        Assert.Null(ExecutorLoad.MonthToDate(firstInstant, Kyiv));
        Assert.Null(board.Total.CompliancePercent);
        Assert.Equal(LoadCounts.Zero, board.Total.Counts);
    }

    [Fact]
    public void MonthToDate_IsTheKyivCalendarMonthUpToNow()
    {
        var period = ExecutorLoad.MonthToDate(Now, Kyiv)!;

        // Kyiv is UTC+2 in winter: 1 March starts at 28 February 22:00 UTC.
        Assert.Equal(new DateTimeOffset(2026, 2, 28, 22, 0, 0, TimeSpan.Zero), period.From);
        Assert.Equal(Now, period.To);
    }

    [Fact]
    public void MonthToDate_LateOnTheLastUtcDay_IsAlreadyTheNextKyivMonth()
    {
        // 31 March 21:30 UTC is 1 April 00:30 in Kyiv (UTC+3 in summer).
        var now = new DateTimeOffset(2026, 3, 31, 21, 30, 0, TimeSpan.Zero);

        var period = ExecutorLoad.MonthToDate(now, Kyiv)!;

        Assert.Equal(new DateTimeOffset(2026, 3, 31, 21, 0, 0, TimeSpan.Zero), period.From);
        Assert.Equal(now, period.To);
    }

    [Fact]
    public void StateBoundaries_SplitDueDatesExactlyWhereTheDeadlineStateChanges()
    {
        var (overdueBefore, atRiskUntil) = DeadlinePolicy.StateBoundaries(Now, Window);
        var second = TimeSpan.FromSeconds(1);
        var tick = TimeSpan.FromTicks(1);
        DateTimeOffset[] dueDates =
        [
            Now.AddDays(-30), Now - second, Now - tick, Now, Now + tick, Now + Window - tick, Now + Window, Now + Window + tick,
            Now + Window + second, Now.AddDays(30),
        ];

        // Every due date of one group is in the same state as any other of it, so one member speaks for all.
        var groups = dueDates.GroupBy(due => (due < overdueBefore, due <= atRiskUntil));
        foreach (var group in groups)
        {
            Assert.Single(group.Select(due => DeadlinePolicy.StateAt(due, Now, Window)).Distinct());
        }

        Assert.Equal(3, groups.Count());

        // The due date that stands for a group is in it, and in that group's state.
        foreach (var group in groups)
        {
            var (overdue, atRisk) = group.Key;
            var standIn = ExecutorLoad.DueDateInGroup(overdue, atRisk, Now, Window);
            Assert.Equal((overdue, atRisk), (standIn < overdueBefore, standIn <= atRiskUntil));
            Assert.Equal(DeadlinePolicy.StateAt(group.First(), Now, Window), DeadlinePolicy.StateAt(standIn, Now, Window));
        }
    }

    [Fact]
    public void Tally_WeighsAFactByTheCardsItStandsFor()
    {
        var tally = ExecutorLoad.Tally(
            [Card(Now.AddSeconds(-1), extensions: 1) with { Cards = 3 }, Card(Now.AddHours(2)) with { Cards = 2 }, Card(Now.AddDays(5))],
            Now,
            Window);

        Assert.Equal(new LoadCounts(6, 2, 3, 3), tally[new LoadKey(TestIds.DirectionNorth, TestIds.ExecutorA)]);
    }

    [Fact]
    public void ClosedCounts_AreTheCalculatorsClosures_PerLineAndVerdict()
    {
        var month = ExecutorLoad.MonthToDate(Now, Kyiv)!;
        var at = new DateTimeOffset(2026, 3, 5, 9, 0, 0, TimeSpan.Zero);
        CardFacts[] cards =
        [
            new CardFactsBuilder().RegisteredAt(at).DueAt(at.AddDays(2)).ClosedAt(at.AddDays(2)),
            new CardFactsBuilder().RegisteredAt(at).DueAt(at.AddDays(2)).ClosedAt(at.AddDays(1)),
            new CardFactsBuilder().RegisteredAt(at).DueAt(at.AddDays(2)).ClosedAt(at.AddDays(2).AddSeconds(1)),
            new CardFactsBuilder().ForExecutor(TestIds.ExecutorB).RegisteredAt(at).DueAt(at.AddDays(2)).ClosedAt(at.AddDays(3)),

            // Not closures of the month: overdue and open, in SER plans, closed in February.
            new CardFactsBuilder().RegisteredAt(at).DueAt(Now.AddSeconds(-1)),
            new CardFactsBuilder().RegisteredAt(at).DueAt(at.AddDays(1)).InSerPlanAt(at.AddHours(5)),
            new CardFactsBuilder().RegisteredAt(at.AddDays(-40)).DueAt(at.AddDays(-30)).ClosedAt(at.AddDays(-20)),
        ];

        var counts = ExecutorLoad.ClosedCounts(cards, month);

        var a = new LoadKey(TestIds.DirectionNorth, TestIds.ExecutorA);
        var b = new LoadKey(cards[3].DirectionId!.Value, TestIds.ExecutorB);
        Assert.Equal(
            [new ClosedCount(a, true, 2), new ClosedCount(a, false, 1), new ClosedCount(b, false, 1)],
            counts.OrderBy(c => c.Key.ExecutorId == TestIds.ExecutorB).ThenBy(c => !c.OnTime));
        var figures = ComplianceCalculator.Compute(cards, month, ReportScope.Community);
        Assert.Equal(figures.ClosedOnTime, counts.Where(c => c.OnTime).Sum(c => c.Count));
        Assert.Equal(figures.ClosedLate, counts.Where(c => !c.OnTime).Sum(c => c.Count));
    }

    [Fact]
    public void Board_CountsClosuresOfAnExecutorWithNothingOpen()
    {
        var month = ExecutorLoad.MonthToDate(Now, Kyiv)!;
        var key = new LoadKey(TestIds.DirectionNorth, TestIds.ExecutorC);

        var board = ExecutorLoad.Board([], [], [new ClosedCount(key, true, 3), new ClosedCount(key, false, 1)], month, Now, Window);

        Assert.Equal(new LoadLine(LoadCounts.Zero, 75.0m), board.Executors[key]);
        Assert.Equal(75.0m, board.Directions[TestIds.DirectionNorth].CompliancePercent);
        Assert.Equal(75.0m, board.Total.CompliancePercent);
    }

    [Fact]
    public void RecentWeeks_AreConsecutiveKyivWeeks_TheLastRunningUpToNow()
    {
        // Wednesday 18 March 2026.
        var weeks = ExecutorLoad.RecentWeeks(Now, Kyiv, 8);

        Assert.Equal(8, weeks.Count);
        Assert.Equal(Now, weeks[^1].To);
        Assert.Equal(new DateTimeOffset(2026, 3, 15, 22, 0, 0, TimeSpan.Zero), weeks[^1].From);
        Assert.Equal(new DateTimeOffset(2026, 1, 25, 22, 0, 0, TimeSpan.Zero), weeks[0].From);
        for (var i = 1; i < weeks.Count; i++)
        {
            Assert.Equal(weeks[i - 1].To, weeks[i].From);
        }
    }

    [Fact]
    public void RecentWeeks_AtTheInstantAWeekStarts_AreTheCompletedWeeks()
    {
        var monday = new DateTimeOffset(2026, 3, 15, 22, 0, 0, TimeSpan.Zero);

        var weeks = ExecutorLoad.RecentWeeks(monday, Kyiv, 2);

        Assert.Equal([new DateTimeOffset(2026, 3, 1, 22, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 8, 22, 0, 0, TimeSpan.Zero)], weeks.Select(w => w.From));
        Assert.Equal(monday, weeks[^1].To);
    }
}
