using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Common;
using static ContactCenter.Domain.Tests.Appeals.AppealBuilder;
using static ContactCenter.Domain.Tests.Appeals.CardAssertions;

namespace ContactCenter.Domain.Tests.Appeals;

/// <summary>Additional control (§2.4, §3.3; Law art. 20) and inclusion in the SER plans (§2.4, §3.3).</summary>
public sealed class AppealExtensionTests
{
    private static readonly DateTimeOffset At = Now.AddDays(2);

    private static readonly DateTimeOffset Proposed = DueAt.AddDays(10);

    public static TheoryData<Actor> NonDepartmentActors => new() { StaffA, StaffB, Deputy, Citizen, Actor.System };

    public static TheoryData<string> TerminalStates => AppealBuilder.TerminalStates;

    // ---- RequestExtension ----

    [Fact]
    public void RequestExtension_WhenProofOfTheCardAttached_AddsPendingRequest()
    {
        var appeal = WithAttachment(out var proof);
        var before = CardSnapshot.Of(appeal);

        var result = appeal.RequestExtension(StaffA, At, "Потрібна заміна насоса", Proposed, [proof, proof, Guid.NewGuid()]);

        AssertRecorded(result, appeal, before, TimelineKind.RequestSubmitted, StaffA, At, newValue: AppealNames.Of(RequestKind.Extension));
        var request = Assert.Single(appeal.Requests);
        Assert.Equal(result.Value, request.Id);
        Assert.Equal(RequestKind.Extension, request.Kind);
        Assert.Equal(RequestState.Pending, request.State);
        Assert.Equal(Proposed, request.ProposedDueAt);
        Assert.Equal([proof], request.AttachmentIds);
        Assert.Equal(DueAt, appeal.DueAt);
        Assert.Equal(0, appeal.ExtensionCount);
        AssertRaised(appeal, AppealChangeKind.RequestSubmitted, At);
    }

    [Fact]
    public void RequestExtension_WhenNoProof_RefusesProofRequired()
    {
        var appeal = WithAttachment(out _);
        var before = CardSnapshot.Of(appeal);

        var result = appeal.RequestExtension(StaffA, At, "Потрібна заміна насоса", Proposed, []);

        AssertRefused(AppealErrors.ProofRequired, result, appeal, before);
    }

    [Fact]
    public void RequestExtension_WhenProofIsNotAFileOfTheCard_RefusesProofRequired()
    {
        var appeal = WithAttachment(out _);
        var before = CardSnapshot.Of(appeal);

        var result = appeal.RequestExtension(StaffA, At, "Потрібна заміна насоса", Proposed, [Guid.NewGuid()]);

        AssertRefused(AppealErrors.ProofRequired, result, appeal, before);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void RequestExtension_WhenProposedNotLaterThanDueAt_RefusesExtensionNotLater(int seconds)
    {
        var appeal = WithAttachment(out var proof);
        var before = CardSnapshot.Of(appeal);

        var result = appeal.RequestExtension(StaffA, At, "Потрібна заміна насоса", DueAt.AddSeconds(seconds), [proof]);

        AssertRefused(AppealErrors.ExtensionNotLater, result, appeal, before);
    }

    [Fact]
    public void RequestExtension_WhenProposedPast45Days_RefusesExtensionPastLegalLimit()
    {
        var appeal = WithAttachment(out var proof);
        var before = CardSnapshot.Of(appeal);

        var result = appeal.RequestExtension(StaffA, At, "Потрібна заміна насоса", MaxDueAt.AddSeconds(1), [proof]);

        AssertRefused(AppealErrors.ExtensionPastLegalLimit, result, appeal, before);
    }

    [Fact]
    public void RequestExtension_WhenProposedExactlyAt45Days_Accepts()
    {
        var appeal = WithAttachment(out var proof);

        Assert.True(appeal.RequestExtension(StaffA, At, "Потрібна заміна насоса", MaxDueAt, [proof]).IsSuccess);
    }

    [Fact]
    public void RequestExtension_WhenNoJustification_RefusesJustificationRequired()
    {
        var appeal = WithAttachment(out var proof);
        var before = CardSnapshot.Of(appeal);

        var result = appeal.RequestExtension(StaffA, At, " ", Proposed, [proof]);

        AssertRefused(AppealErrors.JustificationRequired, result, appeal, before);
    }

    [Fact]
    public void RequestExtension_WhenOneAlreadyPending_RefusesRequestAlreadyPending()
    {
        var appeal = WithPendingExtension(out _);
        var proof = appeal.Attachments[0].Id;
        var before = CardSnapshot.Of(appeal);

        var result = appeal.RequestExtension(StaffA, At, "Ще раз", Proposed, [proof]);

        AssertRefused(AppealErrors.RequestAlreadyPending, result, appeal, before);
    }

    [Fact]
    public void RequestExtension_WhenAnotherExecutorsStaff_RefusesNotExecutorOfCard()
    {
        var appeal = WithAttachment(out var proof);
        var before = CardSnapshot.Of(appeal);

        var result = appeal.RequestExtension(StaffB, At, "Потрібна заміна насоса", Proposed, [proof]);

        AssertRefused(AppealErrors.NotExecutorOfCard, result, appeal, before);
    }

    [Fact]
    public void RequestExtension_WhenClosed_RefusesAlreadyClosed()
    {
        var appeal = Closed();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.RequestExtension(StaffA, At, "Потрібна заміна насоса", Proposed, []);

        AssertRefused(AppealErrors.AlreadyClosed, result, appeal, before);
    }

    // ---- ApproveExtension ----

    [Fact]
    public void ApproveExtension_WhenDepartmentApproves_MovesDueAtAndCountsTheExtension()
    {
        var appeal = WithPendingExtension(out var requestId);
        var before = CardSnapshot.Of(appeal);
        var newDueAt = DueAt.AddDays(7);

        var result = appeal.ApproveExtension(Operator, At, requestId, newDueAt, "Обґрунтування прийнято");

        var entry = AssertRecorded(result, appeal, before, TimelineKind.DueDateChanged, Operator, At, KyivTime.Format(DueAt), KyivTime.Format(newDueAt));
        Assert.True(entry.IsPublic);
        Assert.Equal("12.03.2026 23:59", entry.OldValue);
        Assert.Equal("19.03.2026 23:59", entry.NewValue);
        Assert.Contains("Строк виконання: 19.03.2026 23:59", entry.Text);
        Assert.DoesNotContain("міського голови", entry.Text);
        Assert.Equal(newDueAt, appeal.DueAt);
        Assert.Equal(DueAt, appeal.InitialDueAt);
        Assert.Equal(1, appeal.ExtensionCount);
        Assert.Equal(RequestState.Approved, Assert.Single(appeal.Requests).State);
        var record = appeal.DueDates[^1];
        Assert.Equal(2, appeal.DueDates.Count);
        Assert.Equal(At, record.ChangedAt);
        Assert.Equal(newDueAt, record.DueAt);
        var changed = AssertRaised(appeal, AppealChangeKind.DeadlineChanged, At);
        Assert.Equal(newDueAt, changed.DueAt);
    }

    [Fact]
    public void ApproveExtension_WhenCardWasMarkedOverdue_ClearsTheMarkSoTheNewTermIsWatched()
    {
        var appeal = WithPendingExtension(out var requestId);
        var late = DueAt.AddHours(1);
        Assert.True(appeal.MarkOverdue(late));

        appeal.ApproveExtension(Operator, late.AddHours(1), requestId, DueAt.AddDays(7), "Обґрунтування прийнято").Ok();

        Assert.Null(appeal.OverdueMarkedAt);
        Assert.False(appeal.IsOverdueAt(late.AddHours(1)));
    }

    [Fact]
    public void ApproveExtension_WhenPast45Days_RefusesExtensionPastLegalLimit()
    {
        var appeal = WithPendingExtension(out var requestId);
        var before = CardSnapshot.Of(appeal);

        var result = appeal.ApproveExtension(Operator, At, requestId, MaxDueAt.AddSeconds(1), "Обґрунтування прийнято");

        AssertRefused(AppealErrors.ExtensionPastLegalLimit, result, appeal, before);
    }

    [Fact]
    public void ApproveExtension_WhenNotLaterThanDueAt_RefusesExtensionNotLater()
    {
        var appeal = WithPendingExtension(out var requestId);
        var before = CardSnapshot.Of(appeal);

        var result = appeal.ApproveExtension(Operator, At, requestId, DueAt, "Обґрунтування прийнято");

        AssertRefused(AppealErrors.ExtensionNotLater, result, appeal, before);
    }

    [Fact]
    public void ApproveExtension_WhenNewDueAtAlreadyPast_RefusesExtensionInPast()
    {
        var appeal = WithPendingExtension(out var requestId);
        var before = CardSnapshot.Of(appeal);
        var now = DueAt.AddDays(5);

        var result = appeal.ApproveExtension(Operator, now, requestId, DueAt.AddDays(3), "Обґрунтування прийнято");

        AssertRefused(AppealErrors.ExtensionInPast, result, appeal, before);
    }

    [Fact]
    public void ApproveExtension_WhenNoReason_RefusesDecisionReasonRequired()
    {
        var appeal = WithPendingExtension(out var requestId);
        var before = CardSnapshot.Of(appeal);

        var result = appeal.ApproveExtension(Operator, At, requestId, Proposed, " ");

        AssertRefused(AppealErrors.DecisionReasonRequired, result, appeal, before);
    }

    [Theory]
    [MemberData(nameof(NonDepartmentActors))]
    public void ApproveExtension_WhenNotDepartment_RefusesNotDepartment(Actor actor)
    {
        var appeal = WithPendingExtension(out var requestId);
        var before = CardSnapshot.Of(appeal);

        var result = appeal.ApproveExtension(actor, At, requestId, Proposed, "Обґрунтування прийнято");

        AssertRefused(AppealErrors.NotDepartment, result, appeal, before);
    }

    [Fact]
    public void ApproveExtension_WhenRequestUnknown_RefusesRequestNotFound()
    {
        var appeal = WithPendingExtension(out _);
        var before = CardSnapshot.Of(appeal);

        var result = appeal.ApproveExtension(Operator, At, Guid.NewGuid(), Proposed, "Обґрунтування прийнято");

        AssertRefused(AppealErrors.RequestNotFound, result, appeal, before);
    }

    [Fact]
    public void ApproveExtension_WhenRequestOfAnotherKind_RefusesRequestOfAnotherKind()
    {
        var appeal = WithPendingRedirect(out var redirect);
        var before = CardSnapshot.Of(appeal);

        var result = appeal.ApproveExtension(Operator, At, redirect, Proposed, "Обґрунтування прийнято");

        AssertRefused(AppealErrors.RequestOfAnotherKind, result, appeal, before);
    }

    [Fact]
    public void ApproveExtension_WhenAlreadyApproved_RefusesRequestAlreadyDecided()
    {
        var appeal = WithPendingExtension(out var requestId);
        appeal.ApproveExtension(Operator, At, requestId, Proposed, "Обґрунтування прийнято").Ok();
        appeal.ClearDomainEvents();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.ApproveExtension(Operator, At, requestId, Proposed.AddDays(1), "Ще раз");

        AssertRefused(AppealErrors.RequestAlreadyDecided, result, appeal, before);
    }

    // ---- §3.3: an extension after a breached additional control needs the mayor's knowledge ----

    private static Appeal BreachedWithPendingExtension(out Guid requestId, out DateTimeOffset now)
    {
        var appeal = Extended();
        now = appeal.DueAt.AddDays(1);
        requestId = appeal.RequestExtension(StaffA, now, "Підрядник зірвав строки, службова додана", MaxDueAt.AddDays(-1), [appeal.Attachments[0].Id]).Value;
        appeal.ClearDomainEvents();
        return appeal;
    }

    [Fact]
    public void IsAdditionalControlBreachedAt_WhenExtendedAndOverdue_IsTrueOnlyAfterTheExtendedDueAt()
    {
        var appeal = Extended();

        Assert.True(appeal.IsAdditionalControlBreachedAt(appeal.DueAt.AddSeconds(1)));
        Assert.False(appeal.IsAdditionalControlBreachedAt(appeal.DueAt));
        Assert.False(InWork().IsAdditionalControlBreachedAt(DueAt.AddDays(1)));
    }

    [Fact]
    public void ApproveExtension_WhenAdditionalControlBreachedWithoutMayor_RefusesExtensionAfterBreachNeedsMayor()
    {
        var appeal = BreachedWithPendingExtension(out var requestId, out var now);
        var before = CardSnapshot.Of(appeal);

        var result = appeal.ApproveExtension(Operator, now, requestId, MaxDueAt.AddDays(-1), "Обґрунтування прийнято");

        AssertRefused(AppealErrors.ExtensionAfterBreachNeedsMayor, result, appeal, before);
    }

    [Fact]
    public void ApproveExtension_WhenAdditionalControlBreachedWithMayor_ExtendsAndRecordsTheMayor()
    {
        var appeal = BreachedWithPendingExtension(out var requestId, out var now);
        var before = CardSnapshot.Of(appeal);
        var mayor = new MayorAcknowledgement("Рябоконь О. П.", now.AddHours(-2), "Погоджено на нараді");

        var result = appeal.ApproveExtension(Operator, now, requestId, MaxDueAt.AddDays(-1), "Обґрунтування прийнято", mayor);

        var entry = AssertRecorded(result, appeal, before, TimelineKind.DueDateChanged, Operator, now);
        Assert.Contains("міського голови", entry.Text);
        Assert.Contains("Рябоконь О. П.", entry.Text);
        Assert.Contains("Погоджено на нараді", entry.Text);
        Assert.Equal(2, appeal.ExtensionCount);
        Assert.Equal(MaxDueAt.AddDays(-1), appeal.DueAt);
        Assert.Equal(3, appeal.DueDates.Count);
        AssertRaised(appeal, AppealChangeKind.DeadlineChanged, now);
    }

    [Fact]
    public void ApproveExtension_WhenSecondExtensionBeforeBreach_NeedsNoMayor()
    {
        var appeal = Extended();
        var now = appeal.DueAt.AddDays(-1);
        var requestId = appeal.RequestExtension(StaffA, now, "Ще тиждень", MaxDueAt, [appeal.Attachments[0].Id]).Value;

        var result = appeal.ApproveExtension(Operator, now, requestId, MaxDueAt, "Обґрунтування прийнято");

        Assert.True(result.IsSuccess);
        Assert.DoesNotContain("міського голови", appeal.Timeline[^1].Text);
    }

    // ---- SER plans ----

    [Fact]
    public void RequestPlanInclusion_WhenProofAttached_AddsPendingRequest()
    {
        var appeal = WithAttachment(out var proof);
        var before = CardSnapshot.Of(appeal);

        var result = appeal.RequestPlanInclusion(StaffA, At, "Реконструкція мережі за бюджетні кошти", [proof]);

        AssertRecorded(result, appeal, before, TimelineKind.RequestSubmitted, StaffA, At, newValue: AppealNames.Of(RequestKind.SerPlanInclusion));
        var request = Assert.Single(appeal.Requests);
        Assert.Equal(RequestKind.SerPlanInclusion, request.Kind);
        Assert.Equal([proof], request.AttachmentIds);
        Assert.False(appeal.IsInSerPlan);
        AssertRaised(appeal, AppealChangeKind.RequestSubmitted, At);
    }

    [Fact]
    public void RequestPlanInclusion_WhenNoProof_RefusesProofRequired()
    {
        var appeal = WithAttachment(out _);
        var before = CardSnapshot.Of(appeal);

        var result = appeal.RequestPlanInclusion(StaffA, At, "Реконструкція мережі", []);

        AssertRefused(AppealErrors.ProofRequired, result, appeal, before);
    }

    [Fact]
    public void RequestPlanInclusion_WhenAlreadyInSerPlan_RefusesAlreadyInSerPlan()
    {
        var appeal = InSerPlan();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.RequestPlanInclusion(StaffA, At, "Ще раз", [appeal.Attachments[0].Id]);

        AssertRefused(AppealErrors.AlreadyInSerPlan, result, appeal, before);
    }

    [Fact]
    public void RequestPlanInclusion_WhenAnotherExecutorsStaff_RefusesNotExecutorOfCard()
    {
        var appeal = WithAttachment(out var proof);
        var before = CardSnapshot.Of(appeal);

        var result = appeal.RequestPlanInclusion(StaffB, At, "Реконструкція мережі", [proof]);

        AssertRefused(AppealErrors.NotExecutorOfCard, result, appeal, before);
    }

    [Fact]
    public void ApprovePlanInclusion_WhenDepartmentApproves_IncludesAndTakesCardOutOfOverdue()
    {
        var appeal = WithPendingPlanInclusion(out var requestId);
        var before = CardSnapshot.Of(appeal);

        var result = appeal.ApprovePlanInclusion(Operator, At, requestId, "  План СЕР водопостачання  ", "Погоджено");

        var entry = AssertRecorded(result, appeal, before, TimelineKind.IncludedInSerPlan, Operator, At, newValue: "План СЕР водопостачання");
        Assert.True(entry.IsPublic);
        Assert.True(appeal.IsInSerPlan);
        Assert.Equal(At, appeal.SerPlanIncludedAt);
        Assert.Equal("План СЕР водопостачання", appeal.SerPlanName);
        Assert.True(appeal.IsOpen);
        Assert.Equal(AppealStatus.InWork, appeal.Status);
        Assert.False(appeal.IsOverdueAt(DueAt.AddDays(30)));
        Assert.Equal(RequestState.Approved, Assert.Single(appeal.Requests).State);
        AssertRaised(appeal, AppealChangeKind.StatusChanged, At);
    }

    [Fact]
    public void ApprovePlanInclusion_WhenNoPlanName_RefusesSerPlanNameRequired()
    {
        var appeal = WithPendingPlanInclusion(out var requestId);
        var before = CardSnapshot.Of(appeal);

        var result = appeal.ApprovePlanInclusion(Operator, At, requestId, " ", "Погоджено");

        AssertRefused(AppealErrors.SerPlanNameRequired, result, appeal, before);
    }

    [Fact]
    public void ApprovePlanInclusion_WhenNoReason_RefusesDecisionReasonRequired()
    {
        var appeal = WithPendingPlanInclusion(out var requestId);
        var before = CardSnapshot.Of(appeal);

        var result = appeal.ApprovePlanInclusion(Operator, At, requestId, "План СЕР", "");

        AssertRefused(AppealErrors.DecisionReasonRequired, result, appeal, before);
    }

    [Theory]
    [MemberData(nameof(NonDepartmentActors))]
    public void ApprovePlanInclusion_WhenNotDepartment_RefusesNotDepartment(Actor actor)
    {
        var appeal = WithPendingPlanInclusion(out var requestId);
        var before = CardSnapshot.Of(appeal);

        var result = appeal.ApprovePlanInclusion(actor, At, requestId, "План СЕР", "Погоджено");

        AssertRefused(AppealErrors.NotDepartment, result, appeal, before);
    }

    [Fact]
    public void ApprovePlanInclusion_WhenRequestOfAnotherKind_RefusesRequestOfAnotherKind()
    {
        var appeal = WithPendingExtension(out var extension);
        var before = CardSnapshot.Of(appeal);

        var result = appeal.ApprovePlanInclusion(Operator, At, extension, "План СЕР", "Погоджено");

        AssertRefused(AppealErrors.RequestOfAnotherKind, result, appeal, before);
    }

    // ---- RejectRequest for requests other than closure ----

    [Fact]
    public void RejectRequest_WhenExtensionPending_MarksItRejectedAndKeepsTheCard()
    {
        var appeal = WithPendingExtension(out var requestId);
        var before = CardSnapshot.Of(appeal);

        var result = appeal.RejectRequest(Operator, At, requestId, "  Недостатньо обґрунтування  ");

        var entry = AssertRecorded(result, appeal, before, TimelineKind.RequestRejected, Operator, At);
        Assert.Contains("Недостатньо обґрунтування", entry.Text);
        var request = Assert.Single(appeal.Requests);
        Assert.Equal(RequestState.Rejected, request.State);
        Assert.Equal(Operator.Id, request.DecidedById);
        Assert.Equal(At, request.DecidedAt);
        Assert.Equal("Недостатньо обґрунтування", request.DecisionReason);
        Assert.Equal(AppealStatus.InWork, appeal.Status);
        Assert.Equal(DueAt, appeal.DueAt);
        Assert.Equal(0, appeal.ReturnCount);
        AssertRaised(appeal, AppealChangeKind.RequestDecided, At);
    }

    [Fact]
    public void RejectRequest_WhenSerPlanInclusionPending_MarksItRejected()
    {
        var appeal = WithPendingPlanInclusion(out var requestId);

        appeal.RejectRequest(Operator, At, requestId, "Не потребує бюджетного фінансування").Ok();

        Assert.Equal(RequestState.Rejected, Assert.Single(appeal.Requests).State);
        Assert.False(appeal.IsInSerPlan);
    }

    [Fact]
    public void RejectRequest_WhenRedirectPending_KeepsTheExecutor()
    {
        var appeal = WithPendingRedirect(out var requestId);

        appeal.RejectRequest(Operator, At, requestId, "Компетенція ваша").Ok();

        Assert.Equal(RequestState.Rejected, Assert.Single(appeal.Requests).State);
        Assert.Equal(ExecutorAId, appeal.ExecutorId);
        Assert.Single(appeal.Performers);
    }

    [Fact]
    public void RejectRequest_WhenNoReason_RefusesDecisionReasonRequired()
    {
        var appeal = WithPendingExtension(out var requestId);
        var before = CardSnapshot.Of(appeal);

        var result = appeal.RejectRequest(Operator, At, requestId, " ");

        AssertRefused(AppealErrors.DecisionReasonRequired, result, appeal, before);
    }

    [Fact]
    public void RejectRequest_WhenNotDepartment_RefusesNotDepartment()
    {
        var appeal = WithPendingExtension(out var requestId);
        var before = CardSnapshot.Of(appeal);

        var result = appeal.RejectRequest(StaffA, At, requestId, "Ні");

        AssertRefused(AppealErrors.NotDepartment, result, appeal, before);
    }

    [Fact]
    public void RejectRequest_WhenRequestUnknown_RefusesRequestNotFound()
    {
        var appeal = WithPendingExtension(out _);
        var before = CardSnapshot.Of(appeal);

        var result = appeal.RejectRequest(Operator, At, Guid.NewGuid(), "Ні");

        AssertRefused(AppealErrors.RequestNotFound, result, appeal, before);
    }

    [Fact]
    public void RejectRequest_WhenAlreadyDecided_RefusesRequestAlreadyDecided()
    {
        var appeal = WithPendingExtension(out var requestId);
        appeal.RejectRequest(Operator, At, requestId, "Ні").Ok();
        appeal.ClearDomainEvents();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.RejectRequest(Operator, At.AddHours(1), requestId, "Ні ще раз");

        AssertRefused(AppealErrors.RequestAlreadyDecided, result, appeal, before);
    }
}
