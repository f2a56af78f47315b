using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Reporting;
using static ContactCenter.Domain.Tests.Appeals.AppealBuilder;

namespace ContactCenter.Domain.Tests.Reporting;

/// <summary>
/// The verdict a card keeps when it closes (виконано вчасно / з порушенням строку, §4.1) is the one the reports reach from
/// its due-date history, for every way a card closes: the live dashboards count the kept verdicts, the reports recompute
/// them, and the two must never disagree.
/// </summary>
public sealed class ClosureVerdictTests
{
    public static TheoryData<string> ClosedCards => new()
    {
        nameof(Closed), nameof(Forwarded), nameof(ReturnedToApplicant), nameof(LeftWithoutConsideration),
    };

    [Theory]
    [MemberData(nameof(ClosedCards))]
    public void EveryWayOfClosing_KeepsTheVerdictTheReportsReach(string state)
    {
        var appeal = InState(state);

        AssertAgreesWithTheReports(appeal, expectedOnTime: true);
    }

    [Fact]
    public void ClosedExactlyAtTheDueDate_IsOnTime_AndASecondLater_IsLate()
    {
        var atDue = ProposedForClosure();
        Assert.True(atDue.Close(Operator, DueAt, AppealResult.ResolvedPositively, "Тиск відновлено").IsSuccess);
        var late = ProposedForClosure();
        Assert.True(late.Close(Operator, DueAt.AddSeconds(1), AppealResult.ResolvedPositively, "Тиск відновлено").IsSuccess);

        AssertAgreesWithTheReports(atDue, expectedOnTime: true);
        AssertAgreesWithTheReports(late, expectedOnTime: false);
    }

    [Fact]
    public void AfterAnApprovedExtension_TheCardIsJudgedByTheNewDueDate()
    {
        // §2.4, §3.3: additional control moves the deadline; a closure after the first due date but before the new one is on time.
        var appeal = Extended();
        appeal.ProposeClosure(StaffA, DueAt.AddDays(3), "Трубу замінено", AppealResult.ResolvedPositively).Ok();
        Assert.True(appeal.Close(Operator, DueAt.AddDays(4), AppealResult.ResolvedPositively, "Трубу замінено").IsSuccess);

        AssertAgreesWithTheReports(appeal, expectedOnTime: true);
    }

    [Fact]
    public void ReturnedToWork_LosesItsVerdict_AndIsJudgedAgainAtTheNextClosure()
    {
        var appeal = Closed();
        Assert.True(appeal.ClosedOnTime);

        Assert.True(appeal.ReturnToWork(Operator, Now.AddDays(5), "Заявник повідомив, що тиску немає").IsSuccess);
        Assert.Null(appeal.ClosedOnTime);
        Assert.Null(appeal.ClosedAt);

        appeal.ProposeClosure(StaffA, DueAt.AddDays(1), "Засувку замінено вдруге", AppealResult.ResolvedPositively).Ok();
        Assert.True(appeal.Close(Operator, DueAt.AddDays(2), AppealResult.ResolvedPositively, "Тиск відновлено").IsSuccess);
        AssertAgreesWithTheReports(appeal, expectedOnTime: false);
    }

    [Fact]
    public void AnOpenCard_HasNoVerdict()
    {
        Assert.Null(InWork().ClosedOnTime);
        Assert.Null(ProposedForClosure().ClosedOnTime);
    }

    private static void AssertAgreesWithTheReports(Appeal appeal, bool expectedOnTime)
    {
        var closedAt = Assert.IsType<DateTimeOffset>(appeal.ClosedAt);
        var standing = ComplianceCalculator.StandingOf(appeal.ToFacts(), new ReportingPeriod(closedAt.AddDays(-1), closedAt.AddDays(1)));

        Assert.Equal(expectedOnTime, appeal.ClosedOnTime);
        Assert.Equal(standing.ClosedOnTime, appeal.ClosedOnTime);
        Assert.Equal(standing.ClosedLate, appeal.ClosedOnTime == false);
    }
}
