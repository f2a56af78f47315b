using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Common;
using static ContactCenter.Domain.Tests.Appeals.AppealBuilder;
using static ContactCenter.Domain.Tests.Appeals.CardAssertions;

namespace ContactCenter.Domain.Tests.Appeals;

/// <summary>Closure (§3.4, §2.4), return to work, quality checks (§2.4) and the applicant's word (§4.1).</summary>
public sealed class AppealClosureTests
{
    private static readonly DateTimeOffset At = Now.AddDays(5);

    public static TheoryData<Actor> NonDepartmentActors => new() { StaffA, PerformerActorA, StaffB, Deputy, Citizen, Actor.System };

    public static TheoryData<string> TerminalStates => AppealBuilder.TerminalStates;

    public static TheoryData<AppealResult> ClosingResults => new()
    {
        AppealResult.ResolvedPositively, AppealResult.Refused, AppealResult.Explained,
    };

    public static TheoryData<AppealResult> NonClosingResults => new()
    {
        AppealResult.Forwarded, AppealResult.ReturnedToAuthor, AppealResult.LeftWithoutConsideration,
    };

    // ---- ProposeClosure ----

    [Theory]
    [MemberData(nameof(ClosingResults))]
    public void ProposeClosure_WhenWorkDone_MovesToProposedForClosure(AppealResult closing)
    {
        var appeal = WithAttachment(out var photo);
        var before = CardSnapshot.Of(appeal);

        var result = appeal.ProposeClosure(StaffA, At, "  Засувку замінено  ", closing, [photo]);

        var entry = AssertMoved(result, appeal, before, TimelineKind.ClosureProposed, StaffA, At, AppealStatus.ProposedForClosure);
        Assert.Contains("Засувку замінено", entry.Text);
        Assert.Equal("Засувку замінено", appeal.Resolution);
        var request = Assert.Single(appeal.Requests);
        Assert.Equal(result.Value, request.Id);
        Assert.Equal(RequestKind.Closure, request.Kind);
        Assert.Equal(RequestState.Pending, request.State);
        Assert.Equal(closing, request.ProposedResult);
        Assert.Equal([photo], request.AttachmentIds);
        Assert.Null(appeal.ClosedAt);
        Assert.True(appeal.IsOpen);
    }

    [Fact]
    public void ProposeClosure_WhenNoProof_IsStillAccepted()
    {
        var appeal = InWork();

        Assert.True(appeal.ProposeClosure(StaffA, At, "Надано роз'яснення телефоном", AppealResult.Explained).IsSuccess);
    }

    [Theory]
    [MemberData(nameof(NonClosingResults))]
    public void ProposeClosure_WhenResultNotForClosure_RefusesResultNotForClosure(AppealResult wrong)
    {
        var appeal = InWork();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.ProposeClosure(StaffA, At, "Зроблено", wrong);

        AssertRefused(AppealErrors.ResultNotForClosure, result, appeal, before);
    }

    [Fact]
    public void ProposeClosure_WhenAlreadyProposed_RefusesRequestAlreadyPending()
    {
        var appeal = ProposedForClosure();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.ProposeClosure(StaffA, At, "Ще раз", AppealResult.ResolvedPositively);

        AssertRefused(AppealErrors.RequestAlreadyPending, result, appeal, before);
    }

    [Fact]
    public void ProposeClosure_WhenNoReport_RefusesReportRequired()
    {
        var appeal = InWork();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.ProposeClosure(StaffA, At, "  ", AppealResult.ResolvedPositively);

        AssertRefused(AppealErrors.ReportRequired, result, appeal, before);
    }

    [Fact]
    public void ProposeClosure_WhenAnotherExecutorsStaff_RefusesNotExecutorOfCard()
    {
        var appeal = InWork();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.ProposeClosure(StaffB, At, "Зроблено", AppealResult.ResolvedPositively);

        AssertRefused(AppealErrors.NotExecutorOfCard, result, appeal, before);
    }

    [Theory]
    [MemberData(nameof(TerminalStates))]
    public void ProposeClosure_WhenTerminal_RefusesAlreadyClosed(string state)
    {
        var appeal = InState(state);
        var before = CardSnapshot.Of(appeal);

        var result = appeal.ProposeClosure(StaffA, At, "Зроблено", AppealResult.ResolvedPositively);

        AssertRefused(AppealErrors.AlreadyClosed, result, appeal, before);
    }

    [Fact]
    public void ProposeClosure_WhenReturnedToWork_ProposesAgain()
    {
        var appeal = ReturnedToWork();

        var result = appeal.ProposeClosure(StaffA, At, "Виправлено", AppealResult.ResolvedPositively);

        Assert.True(result.IsSuccess);
        Assert.Equal(AppealStatus.ProposedForClosure, appeal.Status);
    }

    [Fact]
    public void RequestExtension_WhenProposedForClosure_RefusesNotOpen()
    {
        var appeal = ProposedForClosure();
        var proof = appeal.AddAttachment(StaffA, At, Photo).Value;
        appeal.ClearDomainEvents();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.RequestExtension(StaffA, At, "Потрібен час", DueAt.AddDays(3), [proof]);

        AssertRefused(AppealErrors.NotOpen, result, appeal, before);
    }

    // ---- RejectRequest for a closure ----

    [Fact]
    public void RejectRequest_WhenClosureProposed_ReturnsCardToWork()
    {
        var appeal = ProposedForClosure(out var requestId);
        var before = CardSnapshot.Of(appeal);

        var result = appeal.RejectRequest(Operator, At, requestId, "Фото не підтверджує виконання");

        var entry = AssertMoved(result, appeal, before, TimelineKind.ReturnedToWork, Operator, At, AppealStatus.ReturnedToWork);
        Assert.Contains("Фото не підтверджує виконання", entry.Text);
        Assert.Equal(1, appeal.ReturnCount);
        var request = Assert.Single(appeal.Requests);
        Assert.Equal(RequestState.Rejected, request.State);
        Assert.Equal("Фото не підтверджує виконання", request.DecisionReason);
    }

    // ---- Close ----

    [Theory]
    [MemberData(nameof(ClosingResults))]
    public void Close_WhenProposedAndDepartmentCloses_ClosesAndApprovesTheProposal(AppealResult closing)
    {
        var appeal = ProposedForClosure(out var requestId);
        var before = CardSnapshot.Of(appeal);

        var result = appeal.Close(Operator, At, closing, "  Тиск відновлено  ");

        var entry = AssertMoved(result, appeal, before, TimelineKind.Closed, Operator, At, AppealStatus.Closed);
        Assert.True(entry.IsPublic);
        Assert.Equal(At, appeal.ClosedAt);
        Assert.Equal(closing, appeal.Result);
        Assert.Equal("Тиск відновлено", appeal.Resolution);
        Assert.False(appeal.IsOpen);
        Assert.Null(appeal.ConfirmedByApplicant);
        var request = Assert.Single(appeal.Requests);
        Assert.Equal(requestId, request.Id);
        Assert.Equal(RequestState.Approved, request.State);
        Assert.False(appeal.IsOverdueAt(MaxDueAt.AddDays(1)));
    }

    [Theory]
    [InlineData(nameof(Registered))]
    [InlineData(nameof(InWork))]
    [InlineData(nameof(ReturnedToWork))]
    public void Close_WhenNoProposal_DepartmentMayStillClose(string state)
    {
        var appeal = InState(state);
        var before = CardSnapshot.Of(appeal);

        var result = appeal.Close(Operator, At, AppealResult.Explained, "Надано роз'яснення");

        AssertMoved(result, appeal, before, TimelineKind.Closed, Operator, At, AppealStatus.Closed);
    }

    [Theory]
    [MemberData(nameof(NonDepartmentActors))]
    public void Close_WhenNotDepartment_RefusesNotDepartment(Actor actor)
    {
        var appeal = ProposedForClosure();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.Close(actor, At, AppealResult.ResolvedPositively, "Тиск відновлено");

        AssertRefused(AppealErrors.NotDepartment, result, appeal, before);
    }

    [Theory]
    [MemberData(nameof(NonClosingResults))]
    public void Close_WhenResultNotForClosure_RefusesResultNotForClosure(AppealResult wrong)
    {
        var appeal = ProposedForClosure();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.Close(Operator, At, wrong, "Тиск відновлено");

        AssertRefused(AppealErrors.ResultNotForClosure, result, appeal, before);
    }

    [Fact]
    public void Close_WhenNoResolution_RefusesReportRequired()
    {
        var appeal = ProposedForClosure();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.Close(Operator, At, AppealResult.ResolvedPositively, " ");

        AssertRefused(AppealErrors.ReportRequired, result, appeal, before);
    }

    [Theory]
    [MemberData(nameof(TerminalStates))]
    public void Close_WhenTerminal_RefusesAlreadyClosed(string state)
    {
        var appeal = InState(state);
        var before = CardSnapshot.Of(appeal);

        var result = appeal.Close(Operator, At, AppealResult.ResolvedPositively, "Тиск відновлено");

        AssertRefused(AppealErrors.AlreadyClosed, result, appeal, before);
    }

    [Theory]
    [InlineData(nameof(ToBeForwarded))]
    [InlineData(nameof(ToBeReturned))]
    public void Close_WhenAwaitingForwardingOrReturn_RefusesNotOpen(string state)
    {
        var appeal = InState(state);
        var before = CardSnapshot.Of(appeal);

        var result = appeal.Close(Operator, At, AppealResult.ResolvedPositively, "Тиск відновлено");

        AssertRefused(AppealErrors.NotOpen, result, appeal, before);
    }

    // ---- ReturnToWork ----

    [Theory]
    [InlineData(nameof(ProposedForClosure))]
    [InlineData(nameof(Closed))]
    public void ReturnToWork_WhenProposedOrClosed_ReopensAndCountsTheReturn(string state)
    {
        var appeal = InState(state);
        var before = CardSnapshot.Of(appeal);

        var result = appeal.ReturnToWork(Operator, At.AddDays(1), "  Роботи не завершено  ");

        var entry = AssertMoved(result, appeal, before, TimelineKind.ReturnedToWork, Operator, At.AddDays(1), AppealStatus.ReturnedToWork);
        Assert.Contains("Роботи не завершено", entry.Text);
        Assert.Equal(1, appeal.ReturnCount);
        Assert.Null(appeal.ClosedAt);
        Assert.Null(appeal.Result);
        Assert.True(appeal.IsOpen);
        Assert.Null(appeal.PendingRequest(RequestKind.Closure));
    }

    [Fact]
    public void ReturnToWork_WhenReturnedTwice_CountsBoth()
    {
        var appeal = ReturnedToWork();
        appeal.ProposeClosure(StaffA, At, "Виправлено", AppealResult.ResolvedPositively).Ok();
        appeal.Close(Operator, At.AddHours(1), AppealResult.ResolvedPositively, "Закрито").Ok();

        appeal.ReturnToWork(Operator, At.AddHours(2), "Знову не працює").Ok();

        Assert.Equal(2, appeal.ReturnCount);
    }

    [Theory]
    [InlineData(nameof(Registered))]
    [InlineData(nameof(InWork))]
    [InlineData(nameof(ReturnedToWork))]
    [InlineData(nameof(Forwarded))]
    [InlineData(nameof(LeftWithoutConsideration))]
    public void ReturnToWork_WhenNeitherProposedNorClosed_RefusesNotProposedOrClosed(string state)
    {
        var appeal = InState(state);
        var before = CardSnapshot.Of(appeal);

        var result = appeal.ReturnToWork(Operator, At, "Роботи не завершено");

        AssertRefused(AppealErrors.NotProposedOrClosed, result, appeal, before);
    }

    [Fact]
    public void ReturnToWork_WhenNoReason_RefusesDecisionReasonRequired()
    {
        var appeal = Closed();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.ReturnToWork(Operator, At, "");

        AssertRefused(AppealErrors.DecisionReasonRequired, result, appeal, before);
    }

    [Theory]
    [MemberData(nameof(NonDepartmentActors))]
    public void ReturnToWork_WhenNotDepartment_RefusesNotDepartment(Actor actor)
    {
        var appeal = Closed();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.ReturnToWork(actor, At, "Роботи не завершено");

        AssertRefused(AppealErrors.NotDepartment, result, appeal, before);
    }

    // ---- RecordCheck ----

    [Theory]
    [InlineData(QualityCheckResult.Confirmed, "")]
    [InlineData(QualityCheckResult.PartlyDone, "Не прибрано після робіт")]
    public void RecordCheck_WhenClosedAndNotRefuted_RecordsTheCheckAndKeepsItClosed(QualityCheckResult outcome, string note)
    {
        var appeal = Closed();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.RecordCheck(Operator, At, QualityCheckKind.Sample, outcome, note);

        AssertRecorded(result, appeal, before, TimelineKind.QualityChecked, Operator, At, newValue: AppealNames.Of(outcome));
        Assert.Equal(AppealStatus.Closed, appeal.Status);
        var check = Assert.Single(appeal.Checks);
        Assert.Equal(QualityCheckKind.Sample, check.Kind);
        Assert.Equal(outcome, check.Result);
        Assert.Equal(Operator.Id, check.CheckedById);
        Assert.Equal(Operator.Name, check.CheckedByName);
        Assert.Equal(At, check.CheckedAt);
        AssertRaised(appeal, AppealChangeKind.Checked, At);
        Assert.Single(appeal.DomainEvents);
    }

    [Theory]
    [InlineData(nameof(ProposedForClosure))]
    [InlineData(nameof(Closed))]
    public void RecordCheck_WhenNotConfirmed_ReopensTheCard(string state)
    {
        var appeal = InState(state);
        var before = CardSnapshot.Of(appeal);

        var result = appeal.RecordCheck(Operator, At, QualityCheckKind.OnSite, QualityCheckResult.NotConfirmed, "На фото інша адреса");

        AssertRecorded(result, appeal, before, TimelineKind.QualityChecked, Operator, At, newValue: AppealNames.Of(QualityCheckResult.NotConfirmed));
        AssertMoved(result, appeal, before, TimelineKind.ReturnedToWork, Operator, At, AppealStatus.ReturnedToWork);
        AssertRaised(appeal, AppealChangeKind.Checked, At);
        Assert.Equal(1, appeal.ReturnCount);
        Assert.Null(appeal.ClosedAt);
        Assert.Equal(QualityCheckResult.NotConfirmed, Assert.Single(appeal.Checks).Result);
    }

    [Theory]
    [InlineData(nameof(Registered))]
    [InlineData(nameof(InWork))]
    [InlineData(nameof(ReturnedToWork))]
    [InlineData(nameof(Forwarded))]
    public void RecordCheck_WhenNothingDoneToCheck_RefusesNothingToCheck(string state)
    {
        var appeal = InState(state);
        var before = CardSnapshot.Of(appeal);

        var result = appeal.RecordCheck(Operator, At, QualityCheckKind.Total, QualityCheckResult.Confirmed, "");

        AssertRefused(AppealErrors.NothingToCheck, result, appeal, before);
    }

    [Theory]
    [InlineData(QualityCheckResult.PartlyDone)]
    [InlineData(QualityCheckResult.NotConfirmed)]
    public void RecordCheck_WhenNotConfirmedWithoutNote_RefusesDecisionReasonRequired(QualityCheckResult outcome)
    {
        var appeal = Closed();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.RecordCheck(Operator, At, QualityCheckKind.Sample, outcome, " ");

        AssertRefused(AppealErrors.DecisionReasonRequired, result, appeal, before);
    }

    [Theory]
    [MemberData(nameof(NonDepartmentActors))]
    public void RecordCheck_WhenNotDepartment_RefusesNotDepartment(Actor actor)
    {
        var appeal = Closed();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.RecordCheck(actor, At, QualityCheckKind.Sample, QualityCheckResult.Confirmed, "");

        AssertRefused(AppealErrors.NotDepartment, result, appeal, before);
    }

    // ---- AnswerByApplicant ----

    [Fact]
    public void AnswerByApplicant_WhenConfirmsOnRepeatCard_ReleasesDepartmentControl()
    {
        var appeal = Closed(repeatOf: new RepeatMatch(EarlierAppealId, "2026-000042", false));
        Assert.True(appeal.OnDepartmentControl);
        var before = CardSnapshot.Of(appeal);

        var result = appeal.AnswerByApplicant(Citizen, At, done: true, comment: " Дякую ");

        var entry = AssertRecorded(result, appeal, before, TimelineKind.ApplicantConfirmed, Citizen, At);
        Assert.True(entry.IsPublic);
        Assert.Contains("Дякую", entry.Text);
        AssertRecorded(result, appeal, before, TimelineKind.DepartmentControlReleased, Citizen, At);
        Assert.False(appeal.OnDepartmentControl);
        Assert.Null(appeal.DepartmentControlReason);
        Assert.True(appeal.ConfirmedByApplicant);
        Assert.Equal(At, appeal.ApplicantAnsweredAt);
        Assert.Equal(AppealStatus.Closed, appeal.Status);
        AssertRaised(appeal, AppealChangeKind.ControlChanged, At);
    }

    [Fact]
    public void AnswerByApplicant_WhenConfirmsWithoutControl_RecordsOnlyTheConfirmation()
    {
        var appeal = Closed();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.AnswerByApplicant(Citizen, At, done: true, comment: null);

        AssertRecorded(result, appeal, before, TimelineKind.ApplicantConfirmed, Citizen, At);
        Assert.Equal(before.TimelineCount + 1, appeal.Timeline.Count);
        Assert.True(appeal.ConfirmedByApplicant);
    }

    [Fact]
    public void AnswerByApplicant_WhenNotDone_ReopensUnderDepartmentControl()
    {
        var appeal = Closed();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.AnswerByApplicant(Citizen, At, done: false, comment: "  Тиску досі немає  ");

        var rejected = AssertRecorded(result, appeal, before, TimelineKind.ApplicantRejected, Citizen, At);
        Assert.True(rejected.IsPublic);
        Assert.Contains("Тиску досі немає", rejected.Text);
        AssertRecorded(result, appeal, before, TimelineKind.DepartmentControlSet, Citizen, At);
        AssertMoved(result, appeal, before, TimelineKind.ReturnedToWork, Citizen, At, AppealStatus.ReturnedToWork);
        Assert.True(appeal.OnDepartmentControl);
        Assert.Equal(DepartmentControlReason.ApplicantRejected, appeal.DepartmentControlReason);
        Assert.False(appeal.ConfirmedByApplicant);
        Assert.Equal(At, appeal.ApplicantAnsweredAt);
        Assert.Equal(1, appeal.ReturnCount);
        Assert.Null(appeal.ClosedAt);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void AnswerByApplicant_WhenNotDoneWithoutComment_RefusesRejectionCommentRequired(string? comment)
    {
        var appeal = Closed();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.AnswerByApplicant(Citizen, At, done: false, comment);

        AssertRefused(AppealErrors.RejectionCommentRequired, result, appeal, before);
    }

    [Fact]
    public void AnswerByApplicant_WhenAlreadyConfirmed_RefusesAlreadyAnswered()
    {
        var appeal = Closed();
        appeal.AnswerByApplicant(Citizen, At, done: true, comment: null).Ok();
        appeal.ClearDomainEvents();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.AnswerByApplicant(Citizen, At.AddHours(1), done: false, comment: "Передумав");

        AssertRefused(AppealErrors.AlreadyAnswered, result, appeal, before);
    }

    [Fact]
    public void AnswerByApplicant_WhenAnsweredNotDoneAndCardNotYetClosedAgain_RefusesNotClosed()
    {
        var appeal = Closed();
        appeal.AnswerByApplicant(Citizen, At, done: false, comment: "Не зроблено").Ok();
        appeal.ClearDomainEvents();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.AnswerByApplicant(Citizen, At.AddHours(1), done: false, comment: "Ще раз");

        AssertRefused(AppealErrors.NotClosed, result, appeal, before);
    }

    [Fact]
    public void AnswerByApplicant_WhenClosedAgainAfterRejection_MayAnswerTheNewClosure()
    {
        var appeal = Closed();
        appeal.AnswerByApplicant(Citizen, At, done: false, comment: "Не зроблено").Ok();
        appeal.Close(Operator, At.AddDays(2), AppealResult.ResolvedPositively, "Виправлено").Ok();
        Assert.Null(appeal.ApplicantAnsweredAt);

        var result = appeal.AnswerByApplicant(Citizen, At.AddDays(3), done: true, comment: null);

        Assert.True(result.IsSuccess);
        Assert.False(appeal.OnDepartmentControl);
    }

    [Theory]
    [MemberData(nameof(NonApplicantActors))]
    public void AnswerByApplicant_WhenNotTheApplicant_RefusesNotTheApplicant(Actor actor)
    {
        var appeal = Closed();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.AnswerByApplicant(actor, At, done: true, comment: null);

        AssertRefused(AppealErrors.NotTheApplicant, result, appeal, before);
    }

    public static TheoryData<Actor> NonApplicantActors => new() { Operator, StaffA, Deputy, Actor.System };

    [Theory]
    [InlineData(nameof(InWork))]
    [InlineData(nameof(ProposedForClosure))]
    [InlineData(nameof(Forwarded))]
    public void AnswerByApplicant_WhenNotClosed_RefusesNotClosed(string state)
    {
        var appeal = InState(state);
        var before = CardSnapshot.Of(appeal);

        var result = appeal.AnswerByApplicant(Citizen, At, done: true, comment: null);

        AssertRefused(AppealErrors.NotClosed, result, appeal, before);
    }
}
