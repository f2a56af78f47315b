using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Common;
using ContactCenter.Domain.Organisation;
using static ContactCenter.Domain.Tests.Appeals.AppealBuilder;
using static ContactCenter.Domain.Tests.Appeals.CardAssertions;

namespace ContactCenter.Domain.Tests.Appeals;

public sealed class AppealRedirectTests
{
    private static readonly DateTimeOffset At = Now.AddDays(1);

    public static TheoryData<Actor> NonDepartmentActors => new() { StaffA, PerformerActorA, StaffB, Deputy, Citizen, Actor.System };

    public static TheoryData<string> TerminalStates => AppealBuilder.TerminalStates;

    // ---- RequestRedirect ----

    [Fact]
    public void RequestRedirect_WhenExecutorAsksWithJustification_AddsPendingRequest()
    {
        var appeal = InWork();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.RequestRedirect(StaffA, At, "  Не наша компетенція  ", ExecutorBId);

        var entry = AssertRecorded(result, appeal, before, TimelineKind.RequestSubmitted, StaffA, At, newValue: AppealNames.Of(RequestKind.Redirect));
        Assert.Contains("Не наша компетенція", entry.Text);
        var request = Assert.Single(appeal.Requests);
        Assert.Equal(result.Value, request.Id);
        Assert.Equal(RequestKind.Redirect, request.Kind);
        Assert.Equal(RequestState.Pending, request.State);
        Assert.Equal("Не наша компетенція", request.Justification);
        Assert.Equal(ExecutorBId, request.SuggestedExecutorId);
        Assert.Equal(StaffA.Id, request.RequestedById);
        Assert.Equal(StaffA.Name, request.RequestedByName);
        Assert.Equal(At, request.RequestedAt);
        Assert.Same(request, appeal.PendingRequest(RequestKind.Redirect));
        Assert.Equal(AppealStatus.InWork, appeal.Status);
        AssertRaised(appeal, AppealChangeKind.RequestSubmitted, At);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void RequestRedirect_WhenNoJustification_RefusesJustificationRequired(string justification)
    {
        var appeal = InWork();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.RequestRedirect(StaffA, At, justification);

        AssertRefused(AppealErrors.JustificationRequired, result, appeal, before);
    }

    [Fact]
    public void RequestRedirect_WhenJustificationTooLong_RefusesCommentTooLong()
    {
        var appeal = InWork();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.RequestRedirect(StaffA, At, new string('о', Appeal.MaxTextLength + 1));

        AssertRefused(AppealErrors.CommentTooLong, result, appeal, before);
    }

    [Fact]
    public void RequestRedirect_WhenOneAlreadyPending_RefusesRequestAlreadyPending()
    {
        var appeal = WithPendingRedirect(out _);
        var before = CardSnapshot.Of(appeal);

        var result = appeal.RequestRedirect(StaffA, At, "Ще раз");

        AssertRefused(AppealErrors.RequestAlreadyPending, result, appeal, before);
    }

    [Fact]
    public void RequestRedirect_WhenAnotherExecutorsStaff_RefusesNotExecutorOfCard()
    {
        var appeal = InWork();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.RequestRedirect(StaffB, At, "Не наша компетенція");

        AssertRefused(AppealErrors.NotExecutorOfCard, result, appeal, before);
    }

    [Fact]
    public void RequestRedirect_WhenProposedForClosure_RefusesNotOpen()
    {
        var appeal = ProposedForClosure();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.RequestRedirect(StaffA, At, "Не наша компетенція");

        AssertRefused(AppealErrors.NotOpen, result, appeal, before);
    }

    [Theory]
    [MemberData(nameof(TerminalStates))]
    public void RequestRedirect_WhenTerminal_RefusesAlreadyClosed(string state)
    {
        var appeal = InState(state);
        var before = CardSnapshot.Of(appeal);

        var result = appeal.RequestRedirect(StaffA, At, "Не наша компетенція");

        AssertRefused(AppealErrors.AlreadyClosed, result, appeal, before);
    }

    // ---- ApproveRedirect ----

    [Fact]
    public void ApproveRedirect_WhenDepartmentApproves_MovesCardToNewExecutorFromScratch()
    {
        var appeal = WithPendingRedirect(out var requestId);
        var dueAt = appeal.DueAt;
        var before = CardSnapshot.Of(appeal);

        var result = appeal.ApproveRedirect(Operator, At, requestId, ExecutorB(), "  Мережа на балансі міста  ");

        Assert.True(result.IsSuccess);
        Assert.Equal(before.TimelineCount + 2, appeal.Timeline.Count);
        Assert.Equal(before.Version + 2, appeal.Version);
        var entry = appeal.Timeline[before.TimelineCount];
        Assert.Equal(TimelineKind.Redirected, entry.Kind);
        Assert.Equal(Operator.Id, entry.ActorId);
        Assert.Equal(Operator.Name, entry.ActorName);
        Assert.Equal(At, entry.At);
        Assert.Equal(ExecutorAId.ToString(), entry.OldValue);
        Assert.Equal(ExecutorBId.ToString(), entry.NewValue);
        Assert.True(entry.IsPublic);
        Assert.Contains("Відділ благоустрою", entry.Text);
        var statusEntry = appeal.Timeline[^1];
        Assert.Equal(Operator.Id, statusEntry.ActorId);
        Assert.Equal(At, statusEntry.At);
        Assert.Equal(TimelineKind.Redirected, statusEntry.Kind);
        Assert.Equal(AppealNames.Of(AppealStatus.InWork), statusEntry.OldValue);
        Assert.Equal(AppealNames.Of(AppealStatus.Registered), statusEntry.NewValue);

        Assert.Equal(ExecutorBId, appeal.ExecutorId);
        Assert.Equal(DirectionBId, appeal.DirectionId);
        Assert.Equal(AppealStatus.Registered, appeal.Status);
        Assert.Empty(appeal.Performers);
        Assert.Equal(dueAt, appeal.DueAt);

        var request = Assert.Single(appeal.Requests);
        Assert.Equal(RequestState.Approved, request.State);
        Assert.Equal(Operator.Id, request.DecidedById);
        Assert.Equal(Operator.Name, request.DecidedByName);
        Assert.Equal(At, request.DecidedAt);
        Assert.Equal("Мережа на балансі міста", request.DecisionReason);

        var redirect = Assert.Single(appeal.Redirects);
        Assert.Equal(At, redirect.At);
        Assert.Equal(ExecutorAId, redirect.FromExecutorId);
        Assert.Equal(ExecutorBId, redirect.ToExecutorId);
        Assert.Equal("Мережа на балансі міста", redirect.Reason);

        var changed = Assert.IsType<AppealChanged>(Assert.Single(appeal.DomainEvents));
        Assert.Equal(AppealChangeKind.Redirected, changed.Kind);
        Assert.Equal(ExecutorBId, changed.ExecutorId);
        Assert.Equal(ExecutorAId, changed.PreviousExecutorId);
        Assert.Equal(AppealStatus.Registered, changed.Status);
        Assert.Equal(At, changed.OccurredAt);
    }

    [Fact]
    public void ApproveRedirect_WhenOtherRequestsPending_RejectsThemForTheNewExecutor()
    {
        var appeal = WithAttachment(out var proof);
        var extension = appeal.RequestExtension(StaffA, Now.AddHours(3), "Потрібен час", DueAt.AddDays(5), [proof]).Value;
        var redirect = appeal.RequestRedirect(StaffA, Now.AddHours(4), "Не наша компетенція").Value;
        appeal.ClearDomainEvents();

        appeal.ApproveRedirect(Operator, At, redirect, ExecutorB(), "Погоджено").Ok();

        var rejected = Assert.Single(appeal.Requests, r => r.Id == extension);
        Assert.Equal(RequestState.Rejected, rejected.State);
        Assert.Equal(At, rejected.DecidedAt);
        Assert.Null(appeal.PendingRequest(RequestKind.Extension));
    }

    [Theory]
    [MemberData(nameof(NonDepartmentActors))]
    public void ApproveRedirect_WhenNotDepartment_RefusesNotDepartment(Actor actor)
    {
        var appeal = WithPendingRedirect(out var requestId);
        var before = CardSnapshot.Of(appeal);

        var result = appeal.ApproveRedirect(actor, At, requestId, ExecutorB(), "Погоджено");

        AssertRefused(AppealErrors.NotDepartment, result, appeal, before);
    }

    [Fact]
    public void ApproveRedirect_WhenToSameExecutor_RefusesRedirectToSameExecutor()
    {
        var appeal = WithPendingRedirect(out var requestId);
        var before = CardSnapshot.Of(appeal);

        var result = appeal.ApproveRedirect(Operator, At, requestId, ExecutorA(), "Погоджено");

        AssertRefused(AppealErrors.RedirectToSameExecutor, result, appeal, before);
    }

    [Fact]
    public void ApproveRedirect_WhenNewExecutorInactive_RefusesExecutorInactive()
    {
        var appeal = WithPendingRedirect(out var requestId);
        var executor = ExecutorB();
        executor.Deactivate();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.ApproveRedirect(Operator, At, requestId, executor, "Погоджено");

        AssertRefused(AppealErrors.ExecutorInactive, result, appeal, before);
    }

    [Fact]
    public void ApproveRedirect_WhenComplaintToExecutorComplainedAbout_RefusesComplaintAgainstExecutor()
    {
        var appeal = RegisteredComplaintAgainstB();
        var requestId = appeal.RequestRedirect(StaffA, At, "Не наша компетенція").Value;
        appeal.ClearDomainEvents();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.ApproveRedirect(Operator, At, requestId, ExecutorB(), "Погоджено");

        AssertRefused(AppealErrors.ComplaintAgainstExecutor, result, appeal, before);
    }

    [Fact]
    public void ApproveRedirect_WhenRequestUnknown_RefusesRequestNotFound()
    {
        var appeal = WithPendingRedirect(out _);
        var before = CardSnapshot.Of(appeal);

        var result = appeal.ApproveRedirect(Operator, At, Guid.NewGuid(), ExecutorB(), "Погоджено");

        AssertRefused(AppealErrors.RequestNotFound, result, appeal, before);
    }

    [Fact]
    public void ApproveRedirect_WhenRequestOfAnotherKind_RefusesRequestOfAnotherKind()
    {
        var appeal = WithPendingExtension(out var extension);
        var before = CardSnapshot.Of(appeal);

        var result = appeal.ApproveRedirect(Operator, At, extension, ExecutorB(), "Погоджено");

        AssertRefused(AppealErrors.RequestOfAnotherKind, result, appeal, before);
    }

    [Fact]
    public void ApproveRedirect_WhenAlreadyRejected_RefusesRequestAlreadyDecided()
    {
        var appeal = WithPendingRedirect(out var requestId);
        appeal.RejectRequest(Operator, At, requestId, "Компетенція ваша").Ok();
        appeal.ClearDomainEvents();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.ApproveRedirect(Operator, At.AddHours(1), requestId, ExecutorB(), "Погоджено");

        AssertRefused(AppealErrors.RequestAlreadyDecided, result, appeal, before);
    }

    // ---- Redirect by the Department ----

    [Fact]
    public void Redirect_WhenDepartmentOnItsOwn_MovesCardAndKeepsStatusRegistered()
    {
        var appeal = Registered();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.Redirect(Operator, At, ExecutorB(), "Помилка маршрутизації");

        AssertRecorded(result, appeal, before, TimelineKind.Redirected, Operator, At, ExecutorAId.ToString(), ExecutorBId.ToString());
        Assert.Equal(before.TimelineCount + 1, appeal.Timeline.Count);
        Assert.Equal(ExecutorBId, appeal.ExecutorId);
        Assert.Equal(DirectionBId, appeal.DirectionId);
        Assert.Equal(AppealStatus.Registered, appeal.Status);
        Assert.Single(appeal.Redirects);
        Assert.Equal(ExecutorAId, AssertRaised(appeal, AppealChangeKind.Redirected, At).PreviousExecutorId);
    }

    [Fact]
    public void Redirect_WhenRedirectRequestPending_ApprovesIt()
    {
        var appeal = WithPendingRedirect(out var requestId);

        appeal.Redirect(Operator, At, ExecutorB(), "Погоджено").Ok();

        var request = Assert.Single(appeal.Requests);
        Assert.Equal(requestId, request.Id);
        Assert.Equal(RequestState.Approved, request.State);
        Assert.Empty(appeal.Performers);
    }

    [Fact]
    public void Redirect_WhenProposedForClosure_RejectsTheClosureAndStartsOver()
    {
        var appeal = ProposedForClosure(out var closure);

        appeal.Redirect(Operator, At.AddDays(3), ExecutorB(), "Виконавець помилився").Ok();

        Assert.Equal(AppealStatus.Registered, appeal.Status);
        Assert.Equal(RequestState.Rejected, Assert.Single(appeal.Requests, r => r.Id == closure).State);
    }

    [Fact]
    public void Redirect_WhenToSameExecutor_RefusesRedirectToSameExecutor()
    {
        var appeal = InWork();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.Redirect(Operator, At, ExecutorA(), "Помилка");

        AssertRefused(AppealErrors.RedirectToSameExecutor, result, appeal, before);
    }

    [Fact]
    public void Redirect_WhenComplaintToExecutorComplainedAbout_RefusesComplaintAgainstExecutor()
    {
        var appeal = RegisteredComplaintAgainstB();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.Redirect(Operator, At, ExecutorB(), "Помилка");

        AssertRefused(AppealErrors.ComplaintAgainstExecutor, result, appeal, before);
    }

    [Fact]
    public void Redirect_WhenComplaintToAThirdExecutor_Redirects()
    {
        var appeal = RegisteredComplaintAgainstB();
        var third = new Executor(Guid.NewGuid(), "Старостат с. Дейманівка", "Старостат", ExecutorKind.Starosta, DirectionAId, "Гнатюк Ірина");

        var result = appeal.Redirect(Operator, At, third, "За територією");

        Assert.True(result.IsSuccess);
        Assert.Equal(third.Id, appeal.ExecutorId);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Redirect_WhenNoReason_RefusesDecisionReasonRequired(string reason)
    {
        var appeal = InWork();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.Redirect(Operator, At, ExecutorB(), reason);

        AssertRefused(AppealErrors.DecisionReasonRequired, result, appeal, before);
    }

    [Theory]
    [MemberData(nameof(NonDepartmentActors))]
    public void Redirect_WhenNotDepartment_RefusesNotDepartment(Actor actor)
    {
        var appeal = InWork();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.Redirect(actor, At, ExecutorB(), "Помилка");

        AssertRefused(AppealErrors.NotDepartment, result, appeal, before);
    }

    [Theory]
    [MemberData(nameof(TerminalStates))]
    public void Redirect_WhenTerminal_RefusesAlreadyClosed(string state)
    {
        var appeal = InState(state);
        var before = CardSnapshot.Of(appeal);

        var result = appeal.Redirect(Operator, At, ExecutorB(), "Помилка");

        AssertRefused(AppealErrors.AlreadyClosed, result, appeal, before);
    }

    [Fact]
    public void Redirect_WhenToBeForwarded_RefusesNotOpen()
    {
        var appeal = ToBeForwarded();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.Redirect(Operator, At, ExecutorB(), "Помилка");

        AssertRefused(AppealErrors.NotOpen, result, appeal, before);
    }
}
