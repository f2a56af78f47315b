using ContactCenter.Domain.Reporting;

namespace ContactCenter.Domain.Tests.Reporting;

public sealed class ComplianceCalculatorTests
{
    private static readonly TimeZoneInfo Kyiv = TimeZoneInfo.FindSystemTimeZoneById("Europe/Kyiv");

    /// <summary>March 2026 in Kyiv: [28.02.2026 22:00Z, 31.03.2026 21:00Z).</summary>
    private static readonly ReportingPeriod March = ReportingPeriod.Month(2026, 3, Kyiv);

    private static readonly ReportingPeriod April = ReportingPeriod.Month(2026, 4, Kyiv);

    private static readonly DateTimeOffset From = March.From;
    private static readonly DateTimeOffset To = March.To;
    private static readonly DateTimeOffset MidMarch = new(2026, 3, 15, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset AfterMarch = To.AddDays(20);

    /// <summary>Expected figures with everything not named equal to zero / null.</summary>
    private static ComplianceFigures Expect(
        int received = 0, int closedOnTime = 0, int closedLate = 0, int inWork = 0, int overdue = 0,
        int underAdditionalControl = 0, int inSerPlans = 0, int redirected = 0, int repeatAppeals = 0,
        decimal? compliance = null, double? averageDays = null) =>
        new(received, closedOnTime, closedLate, inWork, overdue, underAdditionalControl,
            inSerPlans, redirected, repeatAppeals, compliance, averageDays);

    private static CardFactsBuilder Card() => new();

    /// <summary>One card each, March 2026, whole community: the card and every figure it must produce.</summary>
    private static readonly Dictionary<string, (CardFacts Card, ComplianceFigures Expected)> SingleCardCases = new()
    {
        ["registered exactly at From counts as received"] =
            (Card().RegisteredAt(From).DueAt(AfterMarch), Expect(received: 1, inWork: 1)),
        ["registered one tick before To counts as received"] =
            (Card().RegisteredAt(To.AddTicks(-1)).DueAt(AfterMarch), Expect(received: 1, inWork: 1)),
        ["registered exactly at To belongs to the next period"] =
            (Card().RegisteredAt(To).DueAt(AfterMarch), ComplianceFigures.Empty),
        ["registered one tick before From is not received but is in work at the end"] =
            (Card().RegisteredAt(From.AddTicks(-1)).DueAt(AfterMarch), Expect(inWork: 1)),

        ["closed exactly at the due date is on time"] =
            (Card().RegisteredAt(MidMarch).DueAt(MidMarch.AddDays(2)).ClosedAt(MidMarch.AddDays(2)),
             Expect(received: 1, closedOnTime: 1, compliance: 100.0m, averageDays: 2.0)),
        ["closed one second after the due date is late"] =
            (Card().RegisteredAt(MidMarch).DueAt(MidMarch.AddDays(2)).ClosedAt(MidMarch.AddDays(2).AddSeconds(1)),
             Expect(received: 1, closedLate: 1, compliance: 0.0m, averageDays: 2.0)),
        ["closed exactly at From is closed in the period"] =
            (Card().RegisteredAt(From.AddDays(-3)).DueAt(AfterMarch).ClosedAt(From),
             Expect(closedOnTime: 1, compliance: 100.0m, averageDays: 3.0)),
        ["closed exactly at To is not closed in the period but open at its end"] =
            (Card().RegisteredAt(MidMarch).DueAt(AfterMarch).ClosedAt(To),
             Expect(received: 1, inWork: 1)),
        ["closed exactly at To after the due date is overdue at the end"] =
            (Card().RegisteredAt(MidMarch).DueAt(MidMarch.AddDays(1)).ClosedAt(To),
             Expect(received: 1, overdue: 1, compliance: 0.0m)),

        ["open with the due date exactly at To is in work"] =
            (Card().RegisteredAt(MidMarch).DueAt(To), Expect(received: 1, inWork: 1)),
        ["open with the due date one second before To is overdue"] =
            (Card().RegisteredAt(MidMarch).DueAt(To.AddSeconds(-1)), Expect(received: 1, overdue: 1, compliance: 0.0m)),

        ["extended before the end to after it: in work and under additional control"] =
            (Card().RegisteredAt(MidMarch).DueAt(MidMarch.AddDays(5)).ExtendedAt(MidMarch.AddDays(4), AfterMarch),
             Expect(received: 1, inWork: 1, underAdditionalControl: 1)),
        ["extended before the end but past the extended due: overdue and under additional control"] =
            (Card().RegisteredAt(MidMarch).DueAt(MidMarch.AddDays(5)).ExtendedAt(MidMarch.AddDays(4), MidMarch.AddDays(10)),
             Expect(received: 1, overdue: 1, underAdditionalControl: 1, compliance: 0.0m)),
        ["extended exactly at To: the extension is in force at the end"] =
            (Card().RegisteredAt(MidMarch).DueAt(MidMarch.AddDays(5)).ExtendedAt(To, AfterMarch),
             Expect(received: 1, inWork: 1, underAdditionalControl: 1)),
        ["extended after the end: judged by the initial due, not under additional control"] =
            (Card().RegisteredAt(MidMarch).DueAt(MidMarch.AddDays(5)).ExtendedAt(To.AddDays(1), AfterMarch),
             Expect(received: 1, overdue: 1, compliance: 0.0m)),
        ["closed after the initial due but before the extended due is on time"] =
            (Card().RegisteredAt(MidMarch).DueAt(MidMarch.AddDays(2)).ExtendedAt(MidMarch.AddDays(1), MidMarch.AddDays(8))
                .ClosedAt(MidMarch.AddDays(6)),
             Expect(received: 1, closedOnTime: 1, compliance: 100.0m, averageDays: 6.0)),
        ["an extension approved after the closure does not make a late closure on time"] =
            (Card().RegisteredAt(MidMarch).DueAt(MidMarch.AddDays(2)).ClosedAt(MidMarch.AddDays(3))
                .ExtendedAt(MidMarch.AddDays(4), MidMarch.AddDays(8)),
             Expect(received: 1, closedLate: 1, compliance: 0.0m, averageDays: 3.0)),

        ["in SER plans before the end: neither overdue nor in work"] =
            (Card().RegisteredAt(MidMarch).DueAt(MidMarch.AddDays(2)).InSerPlanAt(MidMarch.AddDays(5)),
             Expect(received: 1, inSerPlans: 1)),
        ["in SER plans and extended: not counted under additional control"] =
            (Card().RegisteredAt(MidMarch).DueAt(MidMarch.AddDays(2)).ExtendedAt(MidMarch.AddDays(1), MidMarch.AddDays(4))
                .InSerPlanAt(MidMarch.AddDays(5)),
             Expect(received: 1, inSerPlans: 1)),
        ["in SER plans only after the end: still overdue at the end"] =
            (Card().RegisteredAt(MidMarch).DueAt(MidMarch.AddDays(2)).InSerPlanAt(To.AddDays(2)),
             Expect(received: 1, overdue: 1, compliance: 0.0m)),

        ["a repeat appeal received in the period"] =
            (Card().RegisteredAt(MidMarch).DueAt(AfterMarch).Repeat(), Expect(received: 1, inWork: 1, repeatAppeals: 1)),
        ["a repeat appeal received before the period is not counted again"] =
            (Card().RegisteredAt(From.AddDays(-1)).DueAt(AfterMarch).Repeat(), Expect(inWork: 1)),
        ["a card closed before the period leaves no trace"] =
            (Card().RegisteredAt(From.AddDays(-10)).DueAt(From.AddDays(-5)).ClosedAt(From.AddTicks(-1)), ComplianceFigures.Empty),
    };

    public static TheoryData<string> SingleCardCaseNames => [.. SingleCardCases.Keys];

    [Theory]
    [MemberData(nameof(SingleCardCaseNames))]
    public void Compute_ForOneCard_GivesExactlyTheExpectedFigures(string scenario)
    {
        var (card, expected) = SingleCardCases[scenario];

        var figures = ComplianceCalculator.Compute([card], March, ReportScope.Community);

        Assert.Equal(expected, figures);
    }

    [Fact]
    public void Compute_WhenNoCards_IsEmpty()
    {
        Assert.Equal(ComplianceFigures.Empty, ComplianceCalculator.Compute([], March, ReportScope.Community));
    }

    [Fact]
    public void Compute_OverdueAtTheEndOfAPastMonth_IsReadFromTheDueDateHistory()
    {
        // Due 20.03, still open at the end of March; extended on 05.04 to 30.04 and closed on 10.04.
        // Today's state says "closed on time", but March's report must still show it overdue at March's end.
        var card = Card().RegisteredAt(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero))
            .DueAt(new DateTimeOffset(2026, 3, 20, 15, 0, 0, TimeSpan.Zero))
            .ExtendedAt(new DateTimeOffset(2026, 4, 5, 10, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 4, 30, 15, 0, 0, TimeSpan.Zero))
            .ClosedAt(new DateTimeOffset(2026, 4, 10, 9, 0, 0, TimeSpan.Zero))
            .Build();

        Assert.Equal(Expect(received: 1, overdue: 1, compliance: 0.0m), ComplianceCalculator.Compute([card], March, ReportScope.Community));
        Assert.Equal(Expect(closedOnTime: 1, compliance: 100.0m, averageDays: 39.0), ComplianceCalculator.Compute([card], April, ReportScope.Community));
    }

    [Fact]
    public void Compute_OverdueAtTheEndOfAPastMonth_ThenClosedLate_CountsInBothMonths()
    {
        var card = Card().RegisteredAt(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero))
            .DueAt(new DateTimeOffset(2026, 3, 20, 15, 0, 0, TimeSpan.Zero))
            .ClosedAt(new DateTimeOffset(2026, 4, 3, 9, 0, 0, TimeSpan.Zero))
            .Build();

        Assert.Equal(1, ComplianceCalculator.Compute([card], March, ReportScope.Community).Overdue);
        var april = ComplianceCalculator.Compute([card], April, ReportScope.Community);
        Assert.Equal(1, april.ClosedLate);
        Assert.Equal(0, april.Overdue);
    }

    [Fact]
    public void Compute_SevenOnTimeTwoLateOneOverdue_GivesSeventyPercent()
    {
        var cards = new List<CardFacts>();
        for (var i = 0; i < 7; i++)
        {
            cards.Add(Card().RegisteredAt(MidMarch).DueAt(MidMarch.AddDays(5)).ClosedAt(MidMarch.AddDays(1)));
        }

        for (var i = 0; i < 2; i++)
        {
            cards.Add(Card().RegisteredAt(MidMarch).DueAt(MidMarch.AddDays(1)).ClosedAt(MidMarch.AddDays(3)));
        }

        cards.Add(Card().RegisteredAt(MidMarch).DueAt(MidMarch.AddDays(1)));
        cards.Add(Card().RegisteredAt(MidMarch).DueAt(AfterMarch)); // in work: not in the denominator

        var figures = ComplianceCalculator.Compute(cards, March, ReportScope.Community);

        Assert.Equal(Expect(received: 11, closedOnTime: 7, closedLate: 2, inWork: 1, overdue: 1, compliance: 70.0m, averageDays: 1.4), figures);
        Assert.Equal(9, figures.ClosedTotal);
    }

    [Theory]
    [InlineData(2, 1, 0, 66.7)]   // 2 ÷ 3
    [InlineData(1, 15, 0, 6.3)]   // 1 ÷ 16 = 6.25: midpoint rounds away from zero
    [InlineData(1, 0, 7, 12.5)]   // overdue weighs like a late closure
    [InlineData(0, 0, 3, 0.0)]
    [InlineData(5, 0, 0, 100.0)]
    public void Compute_CompliancePercent_IsOnTimeOverClosedPlusOverdueRoundedToOneDecimal(int onTime, int late, int overdue, double expected)
    {
        var cards = new List<CardFacts>();
        cards.AddRange(Enumerable.Range(0, onTime).Select(_ => Card().RegisteredAt(MidMarch).DueAt(MidMarch.AddDays(2)).ClosedAt(MidMarch.AddDays(1)).Build()));
        cards.AddRange(Enumerable.Range(0, late).Select(_ => Card().RegisteredAt(MidMarch).DueAt(MidMarch.AddDays(1)).ClosedAt(MidMarch.AddDays(2)).Build()));
        cards.AddRange(Enumerable.Range(0, overdue).Select(_ => Card().RegisteredAt(MidMarch).DueAt(MidMarch.AddDays(1)).Build()));

        Assert.Equal((decimal)expected, ComplianceCalculator.Compute(cards, March, ReportScope.Community).CompliancePercent);
    }

    [Fact]
    public void Compute_WhenNothingClosedAndNothingOverdue_CompliancePercentIsNull()
    {
        CardFacts[] cards = [Card().RegisteredAt(MidMarch).DueAt(AfterMarch), Card().RegisteredAt(MidMarch).DueAt(MidMarch).InSerPlanAt(MidMarch.AddDays(1))];

        var figures = ComplianceCalculator.Compute(cards, March, ReportScope.Community);

        Assert.Null(figures.CompliancePercent);
        Assert.Null(figures.AverageResolutionDays);
    }

    [Theory]
    [InlineData(new[] { 24.0, 48.0 }, 1.5)]
    [InlineData(new[] { 6.0 }, 0.3)]          // 0.25 days: midpoint rounds away from zero
    [InlineData(new[] { 25.0 }, 1.0)]         // 1.0417 days
    [InlineData(new[] { 1.0, 2.0, 3.0 }, 0.1)] // 2 hours = 0.083 days
    public void Compute_AverageResolutionDays_IsTheMeanOfRegistrationToClosure(double[] hours, double expected)
    {
        var cards = hours.Select(h => Card().RegisteredAt(MidMarch).DueAt(AfterMarch).ClosedAt(MidMarch.AddHours(h)).Build());

        Assert.Equal(expected, ComplianceCalculator.Compute(cards, March, ReportScope.Community).AverageResolutionDays);
    }

    [Fact]
    public void Compute_AverageResolutionDays_CountsCardsRegisteredBeforeThePeriod()
    {
        var card = Card().RegisteredAt(From.AddDays(-10)).DueAt(AfterMarch).ClosedAt(From.AddDays(2));

        Assert.Equal(12.0, ComplianceCalculator.Compute([card], March, ReportScope.Community).AverageResolutionDays);
    }

    [Fact]
    public void Compute_ExecutorScope_CountsOnlyTheCardsOfThatExecutor()
    {
        CardFacts[] cards =
        [
            Card().ForExecutor(TestIds.ExecutorA).RegisteredAt(MidMarch).DueAt(AfterMarch),
            Card().ForExecutor(TestIds.ExecutorA).RegisteredAt(MidMarch).DueAt(MidMarch.AddDays(1)),
            Card().ForExecutor(TestIds.ExecutorB).RegisteredAt(MidMarch).DueAt(MidMarch.AddDays(1)),
            Card().ForExecutor(TestIds.ExecutorC).RegisteredAt(MidMarch).DueAt(MidMarch.AddDays(1)).ClosedAt(MidMarch.AddHours(12)),
        ];

        Assert.Equal(Expect(received: 2, inWork: 1, overdue: 1, compliance: 0.0m), ComplianceCalculator.Compute(cards, March, ReportScope.Executor(TestIds.ExecutorA)));
        Assert.Equal(Expect(received: 1, overdue: 1, compliance: 0.0m), ComplianceCalculator.Compute(cards, March, ReportScope.Executor(TestIds.ExecutorB)));
        Assert.Equal(Expect(received: 3, inWork: 1, overdue: 1, closedOnTime: 1, compliance: 50.0m, averageDays: 0.5),
            ComplianceCalculator.Compute(cards, March, ReportScope.Direction(TestIds.DirectionNorth)));
        Assert.Equal(Expect(received: 4, inWork: 1, overdue: 2, closedOnTime: 1, compliance: 33.3m, averageDays: 0.5),
            ComplianceCalculator.Compute(cards, March, ReportScope.Community));
    }

    private static readonly DateTimeOffset RedirectAt = MidMarch.AddHours(3);

    /// <summary>Registered to A (north) in March, redirected to B (south) the same day: B holds it now.</summary>
    private static CardFacts RedirectedFromAToB(DateTimeOffset redirectAt) =>
        Card().ForExecutor(TestIds.ExecutorB).RegisteredAt(MidMarch).DueAt(AfterMarch)
            .RedirectedAt(redirectAt, TestIds.ExecutorA, TestIds.ExecutorB);

    [Fact]
    public void Compute_RedirectAway_IsChargedToTheOldExecutorOnly()
    {
        CardFacts[] cards = [RedirectedFromAToB(RedirectAt)];

        Assert.Equal(Expect(redirected: 1), ComplianceCalculator.Compute(cards, March, ReportScope.Executor(TestIds.ExecutorA)));
        Assert.Equal(Expect(received: 1, inWork: 1), ComplianceCalculator.Compute(cards, March, ReportScope.Executor(TestIds.ExecutorB)));
        Assert.Equal(1, ComplianceCalculator.Compute(cards, March, ReportScope.Community).Redirected);
    }

    [Fact]
    public void Compute_RedirectOutsideThePeriod_IsNotCounted()
    {
        CardFacts[] cards = [RedirectedFromAToB(To), RedirectedFromAToB(From.AddTicks(-1))];

        Assert.Equal(0, ComplianceCalculator.Compute(cards, March, ReportScope.Executor(TestIds.ExecutorA)).Redirected);
        Assert.Equal(0, ComplianceCalculator.Compute(cards, March, ReportScope.Community).Redirected);
    }

    [Fact]
    public void Compute_RedirectChain_ChargesEachExecutorThatLetTheCardGo()
    {
        var card = Card().ForExecutor(TestIds.ExecutorC).RegisteredAt(MidMarch).DueAt(AfterMarch)
            .RedirectedAt(RedirectAt, TestIds.ExecutorA, TestIds.ExecutorB)
            .RedirectedAt(RedirectAt.AddDays(1), TestIds.ExecutorB, TestIds.ExecutorC)
            .Build();

        Assert.Equal(1, ComplianceCalculator.Compute([card], March, ReportScope.Executor(TestIds.ExecutorA)).Redirected);
        Assert.Equal(1, ComplianceCalculator.Compute([card], March, ReportScope.Executor(TestIds.ExecutorB)).Redirected);
        Assert.Equal(0, ComplianceCalculator.Compute([card], March, ReportScope.Executor(TestIds.ExecutorC)).Redirected);
        Assert.Equal(2, ComplianceCalculator.Compute([card], March, ReportScope.Community).Redirected);
    }

    [Fact]
    public void Compute_DirectionScopeWithExecutorMap_ChargesTheDirectionTheCardLeft()
    {
        CardFacts[] cards = [RedirectedFromAToB(RedirectAt)];

        var north = ComplianceCalculator.Compute(cards, March, ReportScope.Direction(TestIds.DirectionNorth), TestIds.DirectionOf);
        var south = ComplianceCalculator.Compute(cards, March, ReportScope.Direction(TestIds.DirectionSouth), TestIds.DirectionOf);

        Assert.Equal(Expect(redirected: 1), north);
        Assert.Equal(Expect(received: 1, inWork: 1), south);
    }

    [Fact]
    public void Compute_DirectionScopeWithoutExecutorMap_CountsRedirectsOfTheCardsNowInTheDirection()
    {
        CardFacts[] cards = [RedirectedFromAToB(RedirectAt)];

        Assert.Equal(0, ComplianceCalculator.Compute(cards, March, ReportScope.Direction(TestIds.DirectionNorth)).Redirected);
        Assert.Equal(1, ComplianceCalculator.Compute(cards, March, ReportScope.Direction(TestIds.DirectionSouth)).Redirected);
    }

    [Fact]
    public void ComputeByExecutor_GivesEachExecutorWhatComputeGivesForItsScope()
    {
        var cards = SampleCards(seed: 360, count: 400);

        var byExecutor = ComplianceCalculator.ComputeByExecutor(cards, March);

        Assert.NotEmpty(byExecutor);
        foreach (var executorId in new[] { TestIds.ExecutorA, TestIds.ExecutorB, TestIds.ExecutorC })
        {
            var expected = ComplianceCalculator.Compute(cards, March, ReportScope.Executor(executorId));
            Assert.Equal(expected, byExecutor.GetValueOrDefault(executorId, ComplianceFigures.Empty));
        }
    }

    [Fact]
    public void ComputeByExecutor_IncludesAnExecutorThatOnlyRedirectedCardsAway()
    {
        var byExecutor = ComplianceCalculator.ComputeByExecutor([RedirectedFromAToB(RedirectAt)], March);

        Assert.Equal(Expect(redirected: 1), byExecutor[TestIds.ExecutorA]);
        Assert.Equal(Expect(received: 1, inWork: 1), byExecutor[TestIds.ExecutorB]);
    }

    [Fact]
    public void ComputeByExecutor_LeavesOutExecutorsWithNothingInThePeriod()
    {
        CardFacts[] cards =
        [
            Card().ForExecutor(TestIds.ExecutorA).RegisteredAt(From.AddDays(-20)).DueAt(From.AddDays(-5)).ClosedAt(From.AddDays(-6)),
            Card().ForExecutor(TestIds.ExecutorB).RegisteredAt(MidMarch).DueAt(AfterMarch),
        ];

        var byExecutor = ComplianceCalculator.ComputeByExecutor(cards, March);

        Assert.Equal([TestIds.ExecutorB], byExecutor.Keys);
    }

    [Fact]
    public void Compute_ConsecutiveMonths_OpenAtEndEqualsOpenAtStartPlusReceivedMinusClosed()
    {
        var cards = SampleCards(seed: 2018, count: 500);
        var months = Enumerable.Range(1, 6).Select(m => ReportingPeriod.Month(2026, m, Kyiv)).ToList();

        foreach (var month in months)
        {
            var previous = ComplianceCalculator.Compute(cards, month.Previous(), ReportScope.Community);
            var current = ComplianceCalculator.Compute(cards, month, ReportScope.Community);

            var openAtStart = previous.InWork + previous.Overdue + previous.InSerPlans;
            var openAtEnd = current.InWork + current.Overdue + current.InSerPlans;
            Assert.Equal(openAtStart + current.Received - current.ClosedTotal, openAtEnd);
            Assert.InRange(current.UnderAdditionalControl, 0, current.InWork + current.Overdue);
        }
    }

    [Fact]
    public void Compute_DirectionsAndExecutors_AddUpToTheCommunity()
    {
        var cards = SampleCards(seed: 14, count: 300);

        var community = ComplianceCalculator.Compute(cards, March, ReportScope.Community);
        var north = ComplianceCalculator.Compute(cards, March, ReportScope.Direction(TestIds.DirectionNorth), TestIds.DirectionOf);
        var south = ComplianceCalculator.Compute(cards, March, ReportScope.Direction(TestIds.DirectionSouth), TestIds.DirectionOf);
        var executors = ComplianceCalculator.ComputeByExecutor(cards, March).Values.ToList();

        Assert.Equal(community.Received, north.Received + south.Received);
        Assert.Equal(community.Overdue, north.Overdue + south.Overdue);
        Assert.Equal(community.Redirected, north.Redirected + south.Redirected);
        Assert.Equal(community.ClosedOnTime, executors.Sum(f => f.ClosedOnTime));
        Assert.Equal(community.UnderAdditionalControl, executors.Sum(f => f.UnderAdditionalControl));
        Assert.Equal(community.Redirected, executors.Sum(f => f.Redirected));
    }

    [Theory]
    [InlineData(2026, 1)]
    [InlineData(2026, 3)]
    [InlineData(2026, 5)]
    public void CountByExecutor_SummedOverAScope_GivesWhatComputeGivesForIt(int year, int month)
    {
        // Figures kept per executor are summed into a direction's and the community's (§4.1: totals from summed counts).
        var cards = SampleCards(seed: 77, count: 600);
        var period = ReportingPeriod.Month(year, month, Kyiv);

        var counts = ComplianceCalculator.CountByExecutor(cards, period);

        Assert.Equal(ComplianceCalculator.Compute(cards, period, ReportScope.Community), FigureCounts.Sum(counts.Values).ToFigures());
        foreach (var direction in new[] { TestIds.DirectionNorth, TestIds.DirectionSouth })
        {
            var ofDirection = counts.Where(c => TestIds.DirectionOf(c.Key) == direction).Select(c => c.Value);
            Assert.Equal(
                ComplianceCalculator.Compute(cards, period, ReportScope.Direction(direction), TestIds.DirectionOf),
                FigureCounts.Sum(ofDirection).ToFigures());
        }

        foreach (var (executorId, executorCounts) in counts)
        {
            Assert.Equal(ComplianceCalculator.Compute(cards, period, ReportScope.Executor(executorId)), executorCounts.ToFigures());
        }
    }

    [Fact]
    public void FigureCounts_TakeThePercentageAndTheAverageFromTheSums_NotFromThePartsFigures()
    {
        // 9 of 10 on time at one executor (90 %), 0 of 1 and 1 overdue at another (0 %): together 9 of 12, not the mean 45 %.
        var day = TimeSpan.TicksPerDay;
        var a = FigureCounts.Zero with { ClosedOnTime = 9, ClosedLate = 1, ResolutionTicks = 10 * 2 * day };
        var b = FigureCounts.Zero with { ClosedLate = 1, Overdue = 1, ResolutionTicks = 7 * day };

        var together = (a + b).ToFigures();

        Assert.Equal(75.0m, together.CompliancePercent);
        Assert.Equal(2.5, together.AverageResolutionDays);
        Assert.Equal(11, together.ClosedTotal);
        Assert.Null(FigureCounts.Zero.ToFigures().CompliancePercent);
        Assert.Equal(ComplianceFigures.Empty, FigureCounts.Zero.ToFigures());
    }

    /// <summary>Deterministic pseudo-random cards around the first half of 2026.</summary>
    private static List<CardFacts> SampleCards(int seed, int count)
    {
        var random = new Random(seed);
        var executors = new[] { TestIds.ExecutorA, TestIds.ExecutorB, TestIds.ExecutorC };
        var start = new DateTimeOffset(2025, 11, 1, 0, 0, 0, TimeSpan.Zero);
        DateTimeOffset At(DateTimeOffset origin, int maxHours) => origin.AddMinutes(random.Next(0, maxHours * 60));

        var cards = new List<CardFacts>(count);
        for (var i = 0; i < count; i++)
        {
            var executor = executors[random.Next(executors.Length)];
            var registered = At(start, 24 * 240);
            var builder = Card().ForExecutor(executor).RegisteredAt(registered).DueAt(At(registered, 24 * 30));
            if (random.Next(4) == 0)
            {
                var approved = At(registered, 24 * 20);
                builder.ExtendedAt(approved, At(approved, 24 * 40));
            }

            if (random.Next(5) == 0)
            {
                var other = executors[random.Next(executors.Length)];
                if (other != executor)
                {
                    builder.RedirectedAt(At(registered, 24 * 3), other, executor);
                }
            }

            if (random.Next(10) == 0)
            {
                builder.InSerPlanAt(At(registered, 24 * 60));
            }

            if (random.Next(3) != 0)
            {
                builder.ClosedAt(At(registered, 24 * 70));
            }

            builder = random.Next(8) == 0 ? builder.Repeat() : builder;
            cards.Add(builder.Build());
        }

        return cards;
    }
}
