using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Reporting;

namespace ContactCenter.Domain.Tests.Reporting;

public sealed class ReportRulesTests
{
    private static readonly TimeZoneInfo Kyiv = TimeZoneInfo.FindSystemTimeZoneById("Europe/Kyiv");
    private static readonly ReportingPeriod March = ReportingPeriod.Month(2026, 3, Kyiv);
    private static readonly DateTimeOffset MidMarch = new(2026, 3, 15, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0, 0)]
    [InlineData(-5, 0)]
    [InlineData(1, 1)]
    [InlineData(24 * 60, 1)]
    [InlineData((24 * 60) + 1, 2)]
    [InlineData(10 * 24 * 60, 10)]
    public void DaysPast_CountsTheDaysBegunAfterTheDueDate(int minutesLate, int days) =>
        Assert.Equal(days, Lateness.DaysPast(MidMarch, MidMarch.AddMinutes(minutesLate)));

    [Fact]
    public void TheStandingsOfTheCards_SumToTheComputedFigures_ForEveryScope()
    {
        // A seeded mix of every kind of card: the details sheet's rows must add up to the summary's figures.
        var random = new Random(20261116);
        var executors = new[] { TestIds.ExecutorA, TestIds.ExecutorB, TestIds.ExecutorC };
        var cards = Enumerable.Range(0, 400).Select(_ =>
        {
            var registered = March.From.AddHours(random.Next(-24 * 40, 24 * 35));
            var builder = new CardFactsBuilder().ForExecutor(executors[random.Next(3)]).RegisteredAt(registered).DueAt(registered.AddHours(random.Next(1, 24 * 20)));
            if (random.Next(3) == 0)
            {
                builder.ExtendedAt(registered.AddHours(random.Next(1, 48)), registered.AddHours(random.Next(48, 24 * 40)));
            }

            if (random.Next(4) == 0)
            {
                builder.RedirectedAt(registered.AddHours(1), executors[random.Next(3)], executors[random.Next(3)]);
            }

            if (random.Next(10) == 0)
            {
                builder.InSerPlanAt(registered.AddHours(random.Next(1, 24 * 30)));
            }

            if (random.Next(8) == 0)
            {
                builder.Repeat();
            }

            if (random.Next(2) == 0)
            {
                builder.ClosedAt(registered.AddHours(random.Next(1, 24 * 50)));
            }

            return builder.Build();
        }).ToList();

        var scopes = new[] { ReportScope.Community, ReportScope.Executor(TestIds.ExecutorA), ReportScope.Direction(TestIds.DirectionNorth) };
        foreach (var scope in scopes)
        {
            var figures = ComplianceCalculator.Compute(cards, March, scope, TestIds.DirectionOf);
            var members = cards.Where(c => ComplianceCalculator.BelongsTo(c, scope)).Select(c => ComplianceCalculator.StandingOf(c, March)).ToList();
            Assert.Equal(figures.Received, members.Count(s => s.Received));
            Assert.Equal(figures.ClosedOnTime, members.Count(s => s.ClosedOnTime));
            Assert.Equal(figures.ClosedLate, members.Count(s => s.ClosedLate));
            Assert.Equal(figures.InWork, members.Count(s => s.InWork));
            Assert.Equal(figures.Overdue, members.Count(s => s.Overdue));
            Assert.Equal(figures.UnderAdditionalControl, members.Count(s => s.UnderAdditionalControl));
            Assert.Equal(figures.InSerPlans, members.Count(s => s.InSerPlans));
            Assert.Equal(figures.RepeatAppeals, members.Count(s => s.RepeatReceived));
            Assert.Equal(figures.Redirected, cards.Sum(c => ComplianceCalculator.RedirectsAway(c, March, scope, TestIds.DirectionOf)));
            Assert.True(figures.Received > 0 || scope.Kind != ScopeKind.Community);
        }
    }

    [Fact]
    public void AStanding_CarriesTheDaysOverdue_OfALateClosureAndOfAnOverdueCard()
    {
        var late = new CardFactsBuilder().RegisteredAt(MidMarch).DueAt(MidMarch.AddDays(1)).ClosedAt(MidMarch.AddDays(3).AddHours(1)).Build();
        var open = new CardFactsBuilder().RegisteredAt(MidMarch).DueAt(March.To.AddDays(-2)).Build();

        Assert.Equal(3, ComplianceCalculator.StandingOf(late, March).DaysOverdue);
        Assert.Equal(2, ComplianceCalculator.StandingOf(open, March).DaysOverdue);
        Assert.True(ComplianceCalculator.StandingOf(open, March).Overdue);
    }

    [Fact]
    public void Unresolved_AreOpenCardsPastDue_PastAnExtendedDue_OrReturnedMoreThanOnce()
    {
        var at = March.To;
        var overdue = new CardFactsBuilder().RegisteredAt(MidMarch).DueAt(MidMarch.AddDays(1)).Build();
        var breached = new CardFactsBuilder().RegisteredAt(MidMarch).DueAt(MidMarch.AddDays(1)).ExtendedAt(MidMarch.AddHours(20), MidMarch.AddDays(5)).Build();
        var kept = new CardFactsBuilder().RegisteredAt(MidMarch).DueAt(MidMarch.AddDays(1)).ExtendedAt(MidMarch.AddHours(20), at.AddDays(5)).Build();
        var closed = new CardFactsBuilder().RegisteredAt(MidMarch).DueAt(MidMarch.AddDays(1)).ClosedAt(MidMarch.AddDays(4)).Build();
        var ser = new CardFactsBuilder().RegisteredAt(MidMarch).DueAt(MidMarch.AddDays(1)).InSerPlanAt(MidMarch.AddHours(2)).Build();

        Assert.Equal(UnresolvedReason.Overdue, UnresolvedControl.ReasonsAt(overdue, 1, at));
        Assert.Equal(UnresolvedReason.Overdue | UnresolvedReason.AdditionalControlBreached, UnresolvedControl.ReasonsAt(breached, 0, at));
        Assert.Equal(UnresolvedReason.None, UnresolvedControl.ReasonsAt(kept, 1, at));
        Assert.Equal(UnresolvedReason.ReturnedRepeatedly, UnresolvedControl.ReasonsAt(kept, 2, at));
        Assert.Equal(UnresolvedReason.None, UnresolvedControl.ReasonsAt(closed, 5, at));
        Assert.Equal(UnresolvedReason.None, UnresolvedControl.ReasonsAt(ser, 0, at));
        Assert.Equal("Прострочено; Порушено додатковий контроль", UnresolvedControl.NameOf(UnresolvedReason.Overdue | UnresolvedReason.AdditionalControlBreached));
    }

    [Fact]
    public void HandlingIssues_NameLateAndPoorlyHandledCardsOfThePeriod()
    {
        var late = new CardFactsBuilder().RegisteredAt(MidMarch).DueAt(MidMarch.AddDays(1)).ClosedAt(MidMarch.AddDays(2)).Build();
        var fine = new CardFactsBuilder().RegisteredAt(MidMarch).DueAt(March.To.AddDays(3)).Build();

        Assert.Equal(HandlingIssue.ClosedLate, HandlingIssues.Of(new HandlingFacts(late, 0, 0), March));
        Assert.Equal(HandlingIssue.None, HandlingIssues.Of(new HandlingFacts(fine, 0, 0), March));
        Assert.Equal(HandlingIssue.ReturnedToWork | HandlingIssue.CheckFailed, HandlingIssues.Of(new HandlingFacts(fine, 1, 1), March));
        Assert.Equal("виконано з порушенням строку на 1 дн.", HandlingIssues.Describe(HandlingIssue.ClosedLate, 1, 0));
    }

    [Fact]
    public void Compare_GivesEveryFigureItsChangeAndWhetherItIsForTheBetter()
    {
        var before = new ComplianceFigures(10, 6, 2, 3, 4, 1, 0, 1, 1, 50.0m, 3.0);
        var now = new ComplianceFigures(12, 8, 2, 3, 2, 1, 1, 3, 0, 66.7m, null);

        var changes = Figures.Compare(now, before).ToDictionary(c => c.Figure);

        Assert.Equal(Figures.All, changes.Keys);
        Assert.Equal((2m, Trend.Changed), (changes[Figure.Received].Change!.Value, changes[Figure.Received].Trend));
        Assert.Equal((-2m, Trend.Better), (changes[Figure.Overdue].Change!.Value, changes[Figure.Overdue].Trend));
        Assert.Equal((2m, Trend.Worse), (changes[Figure.Redirected].Change!.Value, changes[Figure.Redirected].Trend));
        Assert.Equal((16.7m, Trend.Better), (changes[Figure.CompliancePercent].Change!.Value, changes[Figure.CompliancePercent].Trend));
        Assert.Equal(Trend.Unchanged, changes[Figure.ClosedLate].Trend);
        Assert.Equal((null, Trend.NotComparable), (changes[Figure.AverageResolutionDays].Change, changes[Figure.AverageResolutionDays].Trend));
    }

    [Fact]
    public void TheStateStatistics_CountReceivedCardsByAttribute_AndFinishedOnesByResult()
    {
        var quarter = ReportingPeriod.Quarter(2026, 1, Kyiv);
        var inQuarter = new DateTimeOffset(2026, 2, 1, 9, 0, 0, TimeSpan.Zero);
        var cards = new[]
        {
            new StateFacts(Channel.Phone, AppealSign.Primary, AppealKind.Complaint, AuthorCategory.Pensioner, PrivilegedCategory.None, AppealResult.Refused, inQuarter, inQuarter.AddDays(3)),
            new StateFacts(Channel.Web, AppealSign.Repeated, AppealKind.Statement, AuthorCategory.NotSpecified, PrivilegedCategory.WarDisabled, null, inQuarter, null),

            // Received before the quarter, finished in it: only its result counts.
            new StateFacts(Channel.Api, AppealSign.Primary, AppealKind.Statement, AuthorCategory.Student, PrivilegedCategory.None, AppealResult.Explained, quarter.From.AddDays(-3), inQuarter),

            // Received before, still open: nothing.
            new StateFacts(Channel.Api, AppealSign.Primary, AppealKind.Statement, AuthorCategory.Student, PrivilegedCategory.None, null, quarter.From.AddDays(-3), null),
        };

        var counts = StateClassifier.Count(cards, quarter).ToDictionary(c => (c.Attribute, c.Value), c => c.Count);

        Assert.Equal(1, counts[(StateAttribute.Form, StateClassifier.FormOf(Channel.Phone))]);
        Assert.Equal(1, counts[(StateAttribute.Form, StateClassifier.FormOf(Channel.Web))]);
        Assert.Equal(0, counts[(StateAttribute.Form, StateClassifier.FormOf(Channel.Api))]);
        Assert.Equal(1, counts[(StateAttribute.Kind, "Скарга")]);
        Assert.Equal(1, counts[(StateAttribute.Sign, "Повторне")]);
        Assert.Equal(0, counts[(StateAttribute.AuthorCategory, "Учень, студент")]);
        Assert.Equal(1, counts[(StateAttribute.PrivilegedCategory, "Особа з інвалідністю внаслідок війни")]);
        Assert.Equal(1, counts[(StateAttribute.Result, "Відмовлено у задоволенні")]);
        Assert.Equal(1, counts[(StateAttribute.Result, "Дано роз'яснення")]);
        Assert.Equal(1, counts[(StateAttribute.Result, StateClassifier.UnderConsideration)]);
        Assert.Equal(StateClassifier.Lines().Count(), counts.Count);
        Assert.NotEmpty(StateClassifier.NotDerived);
    }

    [Fact]
    public void Top_OrdersByCountThenName_AndLeavesOutZeros()
    {
        var top = Ranking.Top([(1, "Б", 3), (2, "А", 3), (3, "В", 5), (4, "Г", 0), (5, "Д", 1)], size: 3);

        Assert.Equal([(3, 5), (2, 3), (1, 3)], top.Select(t => (t.Key, t.Count)));
    }
}
