using ContactCenter.Domain.Appeals;
using static ContactCenter.Domain.Tests.Appeals.AppealBuilder;
using static ContactCenter.Domain.Tests.Appeals.CardAssertions;

namespace ContactCenter.Domain.Tests.Appeals;

public sealed class AppealRequestEdgeTests
{
    private static readonly DateTimeOffset At = Now.AddHours(3);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void ApproveRedirect_WithoutReason_IsRefused(string reason)
    {
        var appeal = WithPendingRedirect(out var requestId);
        var before = CardSnapshot.Of(appeal);

        var result = appeal.ApproveRedirect(Operator, At, requestId, ExecutorB(), reason);

        AssertRefused(AppealErrors.DecisionReasonRequired, result, appeal, before);
    }

    [Fact]
    public void RequestExtension_ByAnotherExecutor_IsRefusedForRightsBeforeDates()
    {
        var appeal = WithAttachment(out var photo);
        var before = CardSnapshot.Of(appeal);

        // An earlier date would be refused too; the other executor must learn first that the card is not theirs.
        var result = appeal.RequestExtension(StaffB, At, "Потрібен час", appeal.DueAt.AddDays(-1), [photo]);

        AssertRefused(AppealErrors.NotExecutorOfCard, result, appeal, before);
    }

    [Fact]
    public void RequestPlanInclusion_ByAnotherExecutor_IsRefusedForRightsBeforeState()
    {
        var appeal = InSerPlan();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.RequestPlanInclusion(StaffB, At, "Бюджет наступного року", []);

        AssertRefused(AppealErrors.NotExecutorOfCard, result, appeal, before);
    }

    [Fact]
    public void MarkOutsideCompetence_OnAProposedCard_ClosesThePendingClosureRequest()
    {
        var appeal = ProposedForClosure(out var requestId);

        Assert.True(appeal.MarkOutsideCompetence(Operator, At, Policy, "Питання обласної адміністрації").IsSuccess);

        var request = appeal.Requests.Single(r => r.Id == requestId);
        Assert.Equal(RequestState.Rejected, request.State);
        Assert.Null(appeal.PendingRequest(RequestKind.Closure));
    }

    [Fact]
    public void LeaveWithoutConsideration_OnAProposedCard_ClosesThePendingClosureRequest()
    {
        var appeal = ProposedForClosure(out var requestId);

        Assert.True(appeal.LeaveWithoutConsideration(Operator, At, "Повторне з питання, вирішеного по суті (ст. 8 Закону)").IsSuccess);

        Assert.Equal(RequestState.Rejected, appeal.Requests.Single(r => r.Id == requestId).State);
        Assert.DoesNotContain(appeal.Requests, r => r.State == RequestState.Pending);
    }
}
