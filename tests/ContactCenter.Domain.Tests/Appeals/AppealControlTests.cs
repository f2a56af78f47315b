using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Common;
using static ContactCenter.Domain.Tests.Appeals.AppealBuilder;
using static ContactCenter.Domain.Tests.Appeals.CardAssertions;

namespace ContactCenter.Domain.Tests.Appeals;

/// <summary>The Department's own control (§4.1) and the Law's ways out: forwarding (art. 7), return (art. 5, 7), no consideration (art. 8).</summary>
public sealed class AppealControlTests
{
    private static readonly DateTimeOffset At = Now.AddDays(1);

    /// <summary>5 days from Monday 2 March is Saturday 7 March: the term moves to Monday 9 March, 23:59:59 in Kyiv.</summary>
    private static readonly DateTimeOffset ForwardingDueAt = new(2026, 3, 9, 21, 59, 59, TimeSpan.Zero);

    /// <summary>10 days from Monday 2 March: Thursday 12 March, 23:59:59 in Kyiv.</summary>
    private static readonly DateTimeOffset ReturnDueAt = new(2026, 3, 12, 21, 59, 59, TimeSpan.Zero);

    public static TheoryData<Actor> NonDepartmentActors => new() { StaffA, PerformerActorA, StaffB, Deputy, Citizen, Actor.System };

    public static TheoryData<string> TerminalStates => AppealBuilder.TerminalStates;

    // ---- PutOnDepartmentControl ----

    [Theory]
    [InlineData(DepartmentControlReason.Conflict)]
    [InlineData(DepartmentControlReason.RepeatAppeal)]
    public void PutOnDepartmentControl_WhenNotYetOnControl_SetsControlWithReason(DepartmentControlReason reason)
    {
        var appeal = InWork();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.PutOnDepartmentControl(Operator, At, reason, "  Конфлікт із сусідами  ");

        var entry = AssertRecorded(result, appeal, before, TimelineKind.DepartmentControlSet, Operator, At);
        Assert.Contains("Конфлікт із сусідами", entry.Text);
        Assert.True(appeal.OnDepartmentControl);
        Assert.Equal(reason, appeal.DepartmentControlReason);
        Assert.Equal(AppealStatus.InWork, appeal.Status);
        AssertRaised(appeal, AppealChangeKind.ControlChanged, At);
    }

    [Fact]
    public void PutOnDepartmentControl_WhenAlreadyOnControl_RefusesAlreadyOnDepartmentControl()
    {
        var appeal = Registered(repeatOf: new RepeatMatch(EarlierAppealId, "2026-000042", false));
        var before = CardSnapshot.Of(appeal);

        var result = appeal.PutOnDepartmentControl(Operator, At, DepartmentControlReason.Conflict, "Конфлікт");

        AssertRefused(AppealErrors.AlreadyOnDepartmentControl, result, appeal, before);
    }

    [Fact]
    public void PutOnDepartmentControl_WhenNoNote_RefusesDecisionReasonRequired()
    {
        var appeal = InWork();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.PutOnDepartmentControl(Operator, At, DepartmentControlReason.Conflict, " ");

        AssertRefused(AppealErrors.DecisionReasonRequired, result, appeal, before);
    }

    [Theory]
    [MemberData(nameof(NonDepartmentActors))]
    public void PutOnDepartmentControl_WhenNotDepartment_RefusesNotDepartment(Actor actor)
    {
        var appeal = InWork();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.PutOnDepartmentControl(actor, At, DepartmentControlReason.Conflict, "Конфлікт");

        AssertRefused(AppealErrors.NotDepartment, result, appeal, before);
    }

    // ---- MarkOutsideCompetence ----

    [Theory]
    [InlineData(nameof(Registered))]
    [InlineData(nameof(InWork))]
    [InlineData(nameof(ReturnedToWork))]
    public void MarkOutsideCompetence_WhenWithExecutor_SetsTheFiveDayForwardingClock(string state)
    {
        var appeal = InState(state);
        var before = CardSnapshot.Of(appeal);

        var result = appeal.MarkOutsideCompetence(Operator, At, Policy, "  Належить до компетенції ОВА  ");

        var marked = AssertMoved(result, appeal, before, TimelineKind.MarkedOutsideCompetence, Operator, At, AppealStatus.ToBeForwarded);
        Assert.Contains("Належить до компетенції ОВА", marked.Text);
        AssertRecorded(result, appeal, before, TimelineKind.DueDateChanged, Operator, At, KyivTime.Format(before.DueAt), KyivTime.Format(ForwardingDueAt));
        Assert.Equal(Policy.ForwardingDueAt(appeal.RegisteredAt), appeal.DueAt);
        Assert.Equal(ForwardingDueAt, appeal.DueAt);
        Assert.Equal(ForwardingDueAt, appeal.DueDates[^1].DueAt);
        Assert.True(appeal.IsOpen);
        AssertRaised(appeal, AppealChangeKind.DeadlineChanged, At);
    }

    [Fact]
    public void MarkOutsideCompetence_WhenNoNote_RefusesDecisionReasonRequired()
    {
        var appeal = Registered();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.MarkOutsideCompetence(Operator, At, Policy, "");

        AssertRefused(AppealErrors.DecisionReasonRequired, result, appeal, before);
    }

    [Theory]
    [MemberData(nameof(NonDepartmentActors))]
    public void MarkOutsideCompetence_WhenNotDepartment_RefusesNotDepartment(Actor actor)
    {
        var appeal = Registered();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.MarkOutsideCompetence(actor, At, Policy, "Не наша компетенція");

        AssertRefused(AppealErrors.NotDepartment, result, appeal, before);
    }

    [Theory]
    [MemberData(nameof(TerminalStates))]
    public void MarkOutsideCompetence_WhenTerminal_RefusesAlreadyClosed(string state)
    {
        var appeal = InState(state);
        var before = CardSnapshot.Of(appeal);

        var result = appeal.MarkOutsideCompetence(Operator, At, Policy, "Не наша компетенція");

        AssertRefused(AppealErrors.AlreadyClosed, result, appeal, before);
    }

    [Fact]
    public void MarkOutsideCompetence_WhenAlreadyToBeForwarded_RefusesNotOpen()
    {
        var appeal = ToBeForwarded();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.MarkOutsideCompetence(Operator, At, Policy, "Ще раз");

        AssertRefused(AppealErrors.NotOpen, result, appeal, before);
    }

    // ---- Forward ----

    [Fact]
    public void Forward_WhenToBeForwarded_ClosesAsForwarded()
    {
        var appeal = ToBeForwarded();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.Forward(Operator, At, "  Полтавська ОВА  ", "  Переслано до ОВА  ");

        var entry = AssertMoved(result, appeal, before, TimelineKind.Forwarded, Operator, At, AppealStatus.Forwarded);
        Assert.Contains("Полтавська ОВА", entry.Text);
        Assert.Equal("Полтавська ОВА", appeal.CompetentBody);
        Assert.Equal(AppealResult.Forwarded, appeal.Result);
        Assert.Equal("Переслано до ОВА", appeal.Resolution);
        Assert.Equal(At, appeal.ClosedAt);
        Assert.False(appeal.IsOpen);
    }

    [Fact]
    public void Forward_WhenNoCompetentBody_RefusesCompetentBodyRequired()
    {
        var appeal = ToBeForwarded();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.Forward(Operator, At, " ", "Переслано");

        AssertRefused(AppealErrors.CompetentBodyRequired, result, appeal, before);
    }

    [Fact]
    public void Forward_WhenNoNoteToApplicant_RefusesExplanationRequired()
    {
        var appeal = ToBeForwarded();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.Forward(Operator, At, "Полтавська ОВА", " ");

        AssertRefused(AppealErrors.ExplanationRequired, result, appeal, before);
    }

    [Theory]
    [InlineData(nameof(Registered))]
    [InlineData(nameof(InWork))]
    [InlineData(nameof(Forwarded))]
    public void Forward_WhenNotMarkedOutsideCompetence_RefusesNotToBeForwarded(string state)
    {
        var appeal = InState(state);
        var before = CardSnapshot.Of(appeal);

        var result = appeal.Forward(Operator, At, "Полтавська ОВА", "Переслано");

        AssertRefused(AppealErrors.NotToBeForwarded, result, appeal, before);
    }

    [Theory]
    [MemberData(nameof(NonDepartmentActors))]
    public void Forward_WhenNotDepartment_RefusesNotDepartment(Actor actor)
    {
        var appeal = ToBeForwarded();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.Forward(actor, At, "Полтавська ОВА", "Переслано");

        AssertRefused(AppealErrors.NotDepartment, result, appeal, before);
    }

    // ---- MarkIncomplete and ReturnToApplicant ----

    [Theory]
    [InlineData(Channel.Web)]
    [InlineData(Channel.Api)]
    public void MarkIncomplete_WhenWrittenAppealRegistered_SetsTheTenDayReturnClock(Channel channel)
    {
        var appeal = Registered(Data(channel));
        var before = CardSnapshot.Of(appeal);

        var result = appeal.MarkIncomplete(Operator, At, Policy, "  Не вказано номер будинку  ");

        var entry = AssertMoved(result, appeal, before, TimelineKind.MarkedIncomplete, Operator, At, AppealStatus.ToBeReturned);
        Assert.Contains("Не вказано номер будинку", entry.Text);
        AssertRecorded(result, appeal, before, TimelineKind.DueDateChanged, Operator, At, newValue: KyivTime.Format(ReturnDueAt));
        Assert.Equal(Policy.ReturnDueAt(appeal.RegisteredAt), appeal.DueAt);
        Assert.Equal(ReturnDueAt, appeal.DueAt);
        AssertRaised(appeal, AppealChangeKind.DeadlineChanged, At);
    }

    [Fact]
    public void MarkIncomplete_WhenPhoneAppeal_RefusesReturnOnlyForWritten()
    {
        var appeal = Registered();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.MarkIncomplete(Operator, At, Policy, "Не вказано номер будинку");

        AssertRefused(AppealErrors.ReturnOnlyForWritten, result, appeal, before);
    }

    [Fact]
    public void MarkIncomplete_WhenAlreadyInWork_RefusesNotRegistered()
    {
        var appeal = Registered(Data(Channel.Web));
        appeal.TakeIntoWork(StaffA, Now.AddHours(1)).Ok();
        appeal.ClearDomainEvents();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.MarkIncomplete(Operator, At, Policy, "Не вказано номер будинку");

        AssertRefused(AppealErrors.NotRegistered, result, appeal, before);
    }

    [Fact]
    public void MarkIncomplete_WhenNothingSaidMissing_RefusesExplanationRequired()
    {
        var appeal = Registered(Data(Channel.Web));
        var before = CardSnapshot.Of(appeal);

        var result = appeal.MarkIncomplete(Operator, At, Policy, " ");

        AssertRefused(AppealErrors.ExplanationRequired, result, appeal, before);
    }

    [Theory]
    [MemberData(nameof(NonDepartmentActors))]
    public void MarkIncomplete_WhenNotDepartment_RefusesNotDepartment(Actor actor)
    {
        var appeal = Registered(Data(Channel.Web));
        var before = CardSnapshot.Of(appeal);

        var result = appeal.MarkIncomplete(actor, At, Policy, "Не вказано номер будинку");

        AssertRefused(AppealErrors.NotDepartment, result, appeal, before);
    }

    [Fact]
    public void ReturnToApplicant_WhenToBeReturned_ClosesAsReturnedToAuthor()
    {
        var appeal = ToBeReturned();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.ReturnToApplicant(Operator, At, "  Зазначте повну адресу  ");

        AssertMoved(result, appeal, before, TimelineKind.ReturnedToApplicant, Operator, At, AppealStatus.ReturnedToApplicant);
        Assert.Equal(AppealResult.ReturnedToAuthor, appeal.Result);
        Assert.Equal("Зазначте повну адресу", appeal.Resolution);
        Assert.Equal(At, appeal.ClosedAt);
        Assert.False(appeal.IsOpen);
    }

    [Theory]
    [InlineData(nameof(Registered))]
    [InlineData(nameof(ToBeForwarded))]
    [InlineData(nameof(ReturnedToApplicant))]
    public void ReturnToApplicant_WhenNotMarkedIncomplete_RefusesNotToBeReturned(string state)
    {
        var appeal = InState(state);
        var before = CardSnapshot.Of(appeal);

        var result = appeal.ReturnToApplicant(Operator, At, "Зазначте повну адресу");

        AssertRefused(AppealErrors.NotToBeReturned, result, appeal, before);
    }

    [Fact]
    public void ReturnToApplicant_WhenNoExplanation_RefusesExplanationRequired()
    {
        var appeal = ToBeReturned();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.ReturnToApplicant(Operator, At, "");

        AssertRefused(AppealErrors.ExplanationRequired, result, appeal, before);
    }

    [Theory]
    [MemberData(nameof(NonDepartmentActors))]
    public void ReturnToApplicant_WhenNotDepartment_RefusesNotDepartment(Actor actor)
    {
        var appeal = ToBeReturned();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.ReturnToApplicant(actor, At, "Зазначте повну адресу");

        AssertRefused(AppealErrors.NotDepartment, result, appeal, before);
    }

    // ---- LeaveWithoutConsideration ----

    [Theory]
    [InlineData(nameof(Registered))]
    [InlineData(nameof(InWork))]
    [InlineData(nameof(ProposedForClosure))]
    [InlineData(nameof(ReturnedToWork))]
    [InlineData(nameof(ToBeForwarded))]
    [InlineData(nameof(ToBeReturned))]
    public void LeaveWithoutConsideration_WhenOpen_ClosesWithTheReason(string state)
    {
        var appeal = InState(state);
        var before = CardSnapshot.Of(appeal);

        var result = appeal.LeaveWithoutConsideration(Operator, At, "  Повторне, вже вирішене по суті (ст. 8 Закону)  ");

        AssertMoved(result, appeal, before, TimelineKind.LeftWithoutConsideration, Operator, At, AppealStatus.LeftWithoutConsideration);
        Assert.Equal(AppealResult.LeftWithoutConsideration, appeal.Result);
        Assert.Equal("Повторне, вже вирішене по суті (ст. 8 Закону)", appeal.Resolution);
        Assert.Equal(At, appeal.ClosedAt);
        Assert.False(appeal.IsOpen);
    }

    [Fact]
    public void LeaveWithoutConsideration_WhenRepeatOfDecidedAppeal_IsAllowed()
    {
        var appeal = Registered(repeatOf: new RepeatMatch(EarlierAppealId, "2026-000042", EarlierClosedOnMerits: true));
        Assert.True(appeal.MayBeLeftWithoutConsideration);

        Assert.True(appeal.LeaveWithoutConsideration(Operator, At, "Питання вже вирішено по суті в № 2026-000042").IsSuccess);
    }

    [Theory]
    [MemberData(nameof(TerminalStates))]
    public void LeaveWithoutConsideration_WhenTerminal_RefusesNotBeforeWork(string state)
    {
        var appeal = InState(state);
        var before = CardSnapshot.Of(appeal);

        var result = appeal.LeaveWithoutConsideration(Operator, At, "Причина");

        AssertRefused(AppealErrors.NotBeforeWork, result, appeal, before);
    }

    [Fact]
    public void LeaveWithoutConsideration_WhenNoReason_RefusesDecisionReasonRequired()
    {
        var appeal = Registered();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.LeaveWithoutConsideration(Operator, At, " ");

        AssertRefused(AppealErrors.DecisionReasonRequired, result, appeal, before);
    }

    [Theory]
    [MemberData(nameof(NonDepartmentActors))]
    public void LeaveWithoutConsideration_WhenNotDepartment_RefusesNotDepartment(Actor actor)
    {
        var appeal = Registered();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.LeaveWithoutConsideration(actor, At, "Причина");

        AssertRefused(AppealErrors.NotDepartment, result, appeal, before);
    }
}
