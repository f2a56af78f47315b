using ContactCenter.Domain.Appeals;
using static ContactCenter.Domain.Tests.Appeals.AppealBuilder;

namespace ContactCenter.Domain.Tests.Appeals;

public sealed class AvailableActionsTests
{
    [Fact]
    public void AvailableActions_ForTheExecutorOfARegisteredCard_AreTheExecutorsWork()
    {
        var actions = Registered().AvailableActions(StaffA);

        Assert.Equal(
            new[] { CardAction.Comment, CardAction.Attach, CardAction.TakeIntoWork, CardAction.AssignPerformer, CardAction.RequestRedirect, CardAction.RequestExtension, CardAction.RequestSerPlan, CardAction.ProposeClosure, CardAction.LinkRepairWork }.Order(),
            actions.Order());
    }

    [Fact]
    public void AvailableActions_ForAnotherExecutor_AreNone()
    {
        Assert.Empty(Registered().AvailableActions(StaffB));
    }

    [Fact]
    public void AvailableActions_ForADeputy_AreOnlyComments()
    {
        Assert.Equal([CardAction.Comment], Registered().AvailableActions(Deputy));
    }

    [Fact]
    public void AvailableActions_OnAProposedCard_LetTheDepartmentDecideAndCheck()
    {
        var appeal = ProposedForClosure();

        var department = appeal.AvailableActions(Operator);
        var executor = appeal.AvailableActions(StaffA);

        Assert.Contains(CardAction.Close, department);
        Assert.Contains(CardAction.ReturnToWork, department);
        Assert.Contains(CardAction.RecordCheck, department);
        Assert.Contains(CardAction.DecideRequests, department);
        Assert.DoesNotContain(CardAction.ProposeClosure, executor);
        Assert.DoesNotContain(CardAction.RequestExtension, executor);
    }

    [Fact]
    public void AvailableActions_WithAPendingExtension_DoNotOfferASecondOne()
    {
        var appeal = WithPendingExtension(out _);

        Assert.DoesNotContain(CardAction.RequestExtension, appeal.AvailableActions(StaffA));
        Assert.Contains(CardAction.RequestRedirect, appeal.AvailableActions(StaffA));
    }

    [Fact]
    public void EveryOfferedExecutorAction_PassesTheTransitionsRightsAndStateChecks()
    {
        var appeal = WithAttachment(out var proof);
        var offered = appeal.AvailableActions(StaffA);

        Assert.Contains(CardAction.RequestExtension, offered);
        Assert.True(appeal.RequestExtension(StaffA, Now.AddHours(1), "Потрібна техніка", DueAt.AddDays(3), [proof]).IsSuccess);
        Assert.Contains(CardAction.ProposeClosure, appeal.AvailableActions(StaffA));
        Assert.True(appeal.ProposeClosure(StaffA, Now.AddHours(2), "Воду подано", AppealResult.ResolvedPositively).IsSuccess);
        Assert.DoesNotContain(CardAction.ProposeClosure, appeal.AvailableActions(StaffA));
        Assert.True(appeal.ProposeClosure(StaffA, Now.AddHours(3), "Ще раз", AppealResult.ResolvedPositively).IsFailure);
    }

    [Theory]
    [InlineData(nameof(Registered))]
    [InlineData(nameof(InWork))]
    [InlineData(nameof(ProposedForClosure))]
    [InlineData(nameof(ToBeForwarded))]
    public void AvailableActions_OnAnOpenCard_OfferLinkingRepairWorksToTheExecutorAndTheDepartment(string state)
    {
        var appeal = InState(state);

        Assert.Contains(CardAction.LinkRepairWork, appeal.AvailableActions(StaffA));
        Assert.Contains(CardAction.LinkRepairWork, appeal.AvailableActions(Operator));
        Assert.DoesNotContain(CardAction.LinkRepairWork, appeal.AvailableActions(StaffB));
        Assert.DoesNotContain(CardAction.LinkRepairWork, appeal.AvailableActions(Deputy));
    }

    [Theory]
    [MemberData(nameof(AppealBuilder.TerminalStates), MemberType = typeof(AppealBuilder))]
    public void AvailableActions_OnAClosedCard_DoNotOfferLinkingRepairWorks(string state)
    {
        var appeal = InState(state);

        Assert.DoesNotContain(CardAction.LinkRepairWork, appeal.AvailableActions(StaffA));
        Assert.DoesNotContain(CardAction.LinkRepairWork, appeal.AvailableActions(Operator));
    }
}
