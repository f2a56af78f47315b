using ContactCenter.Domain.Common;
using ContactCenter.Domain.RepairWorks;
using static ContactCenter.Domain.Tests.RepairWorks.RepairWorkBuilder;

namespace ContactCenter.Domain.Tests.RepairWorks;

public sealed class RepairWorkTransitionTests
{
    public static TheoryData<Actor> AllowedActors => new() { Responsible, Performer, Operator };

    public static TheoryData<Actor> RefusedActors => new() { OtherResponsible, Deputy, Actor.Applicant("Іваненко") };

    public static TheoryData<string> ClosedStates => new() { nameof(Completed), nameof(Cancelled) };

    // ---- Start ----

    [Theory]
    [MemberData(nameof(AllowedActors))]
    public void Start_WhenPlannedAndAllowedActor_StartsNowAndRaisesEvent(Actor actor)
    {
        var work = Planned();
        var at = work.PlannedStart.AddMinutes(10);

        var result = work.Start(actor, at);

        Assert.True(result.IsSuccess);
        Assert.Equal(RepairWorkStatus.InProgress, work.Status);
        Assert.Equal(at, work.ActualStart);
        Assert.Equal(2, work.Version);
        var started = Assert.IsType<RepairWorkStarted>(Assert.Single(work.DomainEvents));
        Assert.Equal(work.Id, started.RepairWorkId);
        Assert.Equal(ExecutorId, started.ExecutorId);
        Assert.Equal(at, started.ActualStart);
        Assert.Equal(at, started.OccurredAt);
    }

    [Theory]
    [MemberData(nameof(RefusedActors))]
    public void Start_WhenActorNotAllowed_FailsNotAllowedAndChangesNothing(Actor actor)
    {
        var work = Planned();

        var result = work.Start(actor, work.PlannedStart);

        Assert.Equal(RepairWorkErrors.NotAllowed, result.Error);
        AssertUnchanged(work, RepairWorkStatus.Planned, version: 1);
        Assert.Null(work.ActualStart);
    }

    [Fact]
    public void Start_WhenAlreadyInProgress_FailsNotPlanned()
    {
        var work = InProgress();

        var result = work.Start(Responsible, work.PlannedStart.AddHours(1));

        Assert.Equal(RepairWorkErrors.NotPlanned, result.Error);
        AssertUnchanged(work, RepairWorkStatus.InProgress, version: 2);
    }

    [Theory]
    [MemberData(nameof(ClosedStates))]
    public void Start_WhenClosed_FailsAlreadyClosed(string state)
    {
        var work = Build(state);
        var status = work.Status;
        var version = work.Version;

        var result = work.Start(Responsible, Now.AddDays(3));

        Assert.Equal(RepairWorkErrors.AlreadyClosed, result.Error);
        AssertUnchanged(work, status, version);
    }

    // ---- Reschedule ----

    [Theory]
    [MemberData(nameof(AllowedActors))]
    public void Reschedule_WhenPlannedAndDayAhead_MovesDatesAndRaisesEvent(Actor actor)
    {
        var work = Planned();
        var at = Now.AddHours(2);
        var newStart = at.AddDays(3);
        var newEnd = newStart.AddHours(4);

        var result = work.Reschedule(actor, at, newStart, newEnd);

        Assert.True(result.IsSuccess);
        Assert.Equal(newStart, work.PlannedStart);
        Assert.Equal(newEnd, work.PlannedEnd);
        Assert.Equal(RepairWorkStatus.Planned, work.Status);
        Assert.Equal(2, work.Version);
        var rescheduled = Assert.IsType<RepairWorkRescheduled>(Assert.Single(work.DomainEvents));
        Assert.Equal(newStart, rescheduled.PlannedStart);
        Assert.Equal(newEnd, rescheduled.PlannedEnd);
        Assert.Equal(at, rescheduled.OccurredAt);
    }

    [Fact]
    public void Reschedule_WhenNewStartExactly24HoursAhead_Succeeds()
    {
        var work = Planned();
        var at = Now.AddHours(3);

        var result = work.Reschedule(Responsible, at, at.AddHours(24), at.AddHours(30));

        Assert.True(result.IsSuccess);
    }

    [Fact]
    public void Reschedule_WhenNewStart23Hours59MinutesAhead_FailsPlannedTooLate()
    {
        var work = Planned();
        var at = Now.AddHours(3);
        var originalStart = work.PlannedStart;

        var result = work.Reschedule(Responsible, at, at.AddHours(23).AddMinutes(59), at.AddHours(30));

        Assert.Equal(RepairWorkErrors.PlannedTooLate, result.Error);
        Assert.Equal(originalStart, work.PlannedStart);
        AssertUnchanged(work, RepairWorkStatus.Planned, version: 1);
    }

    [Fact]
    public void Reschedule_WhenNewEndNotAfterNewStart_FailsEndNotAfterStart()
    {
        var work = Planned();
        var newStart = Now.AddDays(3);

        var result = work.Reschedule(Responsible, Now, newStart, newStart.AddMinutes(-1));

        Assert.Equal(RepairWorkErrors.EndNotAfterStart, result.Error);
        AssertUnchanged(work, RepairWorkStatus.Planned, version: 1);
    }

    [Theory]
    [MemberData(nameof(RefusedActors))]
    public void Reschedule_WhenActorNotAllowed_FailsNotAllowed(Actor actor)
    {
        var work = Planned();

        var result = work.Reschedule(actor, Now, Now.AddDays(3), Now.AddDays(3).AddHours(4));

        Assert.Equal(RepairWorkErrors.NotAllowed, result.Error);
        AssertUnchanged(work, RepairWorkStatus.Planned, version: 1);
    }

    [Fact]
    public void Reschedule_WhenInProgress_FailsNotPlanned()
    {
        var work = InProgress();

        var result = work.Reschedule(Responsible, Now, Now.AddDays(5), Now.AddDays(5).AddHours(4));

        Assert.Equal(RepairWorkErrors.NotPlanned, result.Error);
        AssertUnchanged(work, RepairWorkStatus.InProgress, version: 2);
    }

    [Fact]
    public void Reschedule_WhenEmergency_FailsNotPlanned()
    {
        var work = RegisterEmergency().Value;
        work.ClearDomainEvents();

        var result = work.Reschedule(Responsible, Now, Now.AddDays(5), Now.AddDays(5).AddHours(4));

        Assert.Equal(RepairWorkErrors.NotPlanned, result.Error);
        AssertUnchanged(work, RepairWorkStatus.InProgress, version: 1);
    }

    [Theory]
    [MemberData(nameof(ClosedStates))]
    public void Reschedule_WhenClosed_FailsAlreadyClosed(string state)
    {
        var work = Build(state);

        var result = work.Reschedule(Responsible, Now, Now.AddDays(5), Now.AddDays(5).AddHours(4));

        Assert.Equal(RepairWorkErrors.AlreadyClosed, result.Error);
        Assert.Empty(work.DomainEvents);
    }

    // ---- ExtendEnd ----

    [Theory]
    [MemberData(nameof(AllowedActors))]
    public void ExtendEnd_WhenInProgressAndLater_MovesExpectedEndAndRaisesEvent(Actor actor)
    {
        var work = InProgress();
        var at = work.PlannedStart.AddHours(5);
        var newEnd = work.PlannedEnd.AddHours(3);

        var result = work.ExtendEnd(actor, at, newEnd);

        Assert.True(result.IsSuccess);
        Assert.Equal(newEnd, work.PlannedEnd);
        Assert.Equal(RepairWorkStatus.InProgress, work.Status);
        Assert.Equal(3, work.Version);
        var rescheduled = Assert.IsType<RepairWorkRescheduled>(Assert.Single(work.DomainEvents));
        Assert.Equal(newEnd, rescheduled.PlannedEnd);
        Assert.Equal(work.PlannedStart, rescheduled.PlannedStart);
    }

    [Fact]
    public void ExtendEnd_WhenEmergencyOverrun_Succeeds()
    {
        var work = RegisterEmergency().Value;
        var at = work.PlannedEnd.AddHours(1);

        var result = work.ExtendEnd(Responsible, at, at.AddHours(4));

        Assert.True(result.IsSuccess);
        Assert.Equal(at.AddHours(4), work.PlannedEnd);
        Assert.Equal(2, work.Version);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-60)]
    public void ExtendEnd_WhenNotLaterThanCurrentEnd_FailsEndNotExtended(int minutesAfterCurrentEnd)
    {
        var work = InProgress();
        var end = work.PlannedEnd;

        var result = work.ExtendEnd(Responsible, work.PlannedStart.AddHours(1), end.AddMinutes(minutesAfterCurrentEnd));

        Assert.Equal(RepairWorkErrors.EndNotExtended, result.Error);
        Assert.Equal(end, work.PlannedEnd);
        AssertUnchanged(work, RepairWorkStatus.InProgress, version: 2);
    }

    [Fact]
    public void ExtendEnd_WhenNewEndAlreadyPast_FailsEndNotExtended()
    {
        var work = InProgress();
        var at = work.PlannedEnd.AddHours(5);

        var result = work.ExtendEnd(Responsible, at, work.PlannedEnd.AddHours(2));

        Assert.Equal(RepairWorkErrors.EndNotExtended, result.Error);
    }

    [Fact]
    public void ExtendEnd_WhenPlanned_FailsNotInProgress()
    {
        var work = Planned();

        var result = work.ExtendEnd(Responsible, Now, work.PlannedEnd.AddHours(2));

        Assert.Equal(RepairWorkErrors.NotInProgress, result.Error);
        AssertUnchanged(work, RepairWorkStatus.Planned, version: 1);
    }

    [Theory]
    [MemberData(nameof(RefusedActors))]
    public void ExtendEnd_WhenActorNotAllowed_FailsNotAllowed(Actor actor)
    {
        var work = InProgress();

        var result = work.ExtendEnd(actor, work.PlannedStart.AddHours(1), work.PlannedEnd.AddHours(2));

        Assert.Equal(RepairWorkErrors.NotAllowed, result.Error);
        AssertUnchanged(work, RepairWorkStatus.InProgress, version: 2);
    }

    [Theory]
    [MemberData(nameof(ClosedStates))]
    public void ExtendEnd_WhenClosed_FailsAlreadyClosed(string state)
    {
        var work = Build(state);

        var result = work.ExtendEnd(Responsible, Now.AddDays(3), Now.AddDays(4));

        Assert.Equal(RepairWorkErrors.AlreadyClosed, result.Error);
        Assert.Empty(work.DomainEvents);
    }

    // ---- Complete ----

    [Theory]
    [MemberData(nameof(AllowedActors))]
    public void Complete_WhenInProgress_ClosesCardAndRaisesEvent(Actor actor)
    {
        var work = InProgress();
        var at = work.PlannedStart.AddHours(5);

        var result = work.Complete(actor, at, "  Засувку замінено, воду подано  ");

        Assert.True(result.IsSuccess);
        Assert.Equal(RepairWorkStatus.Completed, work.Status);
        Assert.Equal(at, work.ActualEnd);
        Assert.Equal("Засувку замінено, воду подано", work.ClosingNote);
        Assert.Equal(3, work.Version);
        var completed = Assert.IsType<RepairWorkCompleted>(Assert.Single(work.DomainEvents));
        Assert.Equal(work.Id, completed.RepairWorkId);
        Assert.Equal(ExecutorId, completed.ExecutorId);
        Assert.Equal(RepairWorkKind.Planned, completed.Kind);
        Assert.Equal(UtilityService.Water, completed.Service);
        Assert.Equal(at, completed.ActualEnd);
    }

    [Fact]
    public void Complete_WhenEmergency_ClosesCard()
    {
        var work = RegisterEmergency().Value;

        var result = work.Complete(Responsible, Now.AddHours(2), "Порив усунено");

        Assert.True(result.IsSuccess);
        Assert.Equal(RepairWorkStatus.Completed, work.Status);
        Assert.Equal(Now.AddHours(2), work.ActualEnd);
    }

    [Fact]
    public void Complete_WhenNoteBlank_ClosesCardWithoutNote()
    {
        var work = InProgress();

        var result = work.Complete(Responsible, work.PlannedStart.AddHours(1), "   ");

        Assert.True(result.IsSuccess);
        Assert.Null(work.ClosingNote);
    }

    [Fact]
    public void Complete_WhenPlanned_FailsNotStarted()
    {
        var work = Planned();

        var result = work.Complete(Responsible, work.PlannedEnd, "Готово");

        Assert.Equal(RepairWorkErrors.NotStarted, result.Error);
        AssertUnchanged(work, RepairWorkStatus.Planned, version: 1);
        Assert.Null(work.ActualEnd);
    }

    [Fact]
    public void Complete_WhenBeforeActualStart_FailsCompletedBeforeStart()
    {
        var work = InProgress();

        var result = work.Complete(Responsible, work.ActualStart!.Value.AddMinutes(-1), "Готово");

        Assert.Equal(RepairWorkErrors.CompletedBeforeStart, result.Error);
        AssertUnchanged(work, RepairWorkStatus.InProgress, version: 2);
    }

    [Theory]
    [MemberData(nameof(RefusedActors))]
    public void Complete_WhenActorNotAllowed_FailsNotAllowed(Actor actor)
    {
        var work = InProgress();

        var result = work.Complete(actor, work.PlannedEnd, "Готово");

        Assert.Equal(RepairWorkErrors.NotAllowed, result.Error);
        AssertUnchanged(work, RepairWorkStatus.InProgress, version: 2);
    }

    [Theory]
    [MemberData(nameof(ClosedStates))]
    public void Complete_WhenClosed_FailsAlreadyClosed(string state)
    {
        var work = Build(state);
        var status = work.Status;
        var note = work.ClosingNote;

        var result = work.Complete(Responsible, Now.AddDays(5), "Ще раз");

        Assert.Equal(RepairWorkErrors.AlreadyClosed, result.Error);
        Assert.Equal(status, work.Status);
        Assert.Equal(note, work.ClosingNote);
        Assert.Empty(work.DomainEvents);
    }

    // ---- Cancel ----

    [Theory]
    [MemberData(nameof(AllowedActors))]
    public void Cancel_WhenPlanned_CancelsWithReasonAndRaisesEvent(Actor actor)
    {
        var work = Planned();
        var at = Now.AddHours(1);

        var result = work.Cancel(actor, at, " Перенесено на літо ");

        Assert.True(result.IsSuccess);
        Assert.Equal(RepairWorkStatus.Cancelled, work.Status);
        Assert.Equal("Перенесено на літо", work.ClosingNote);
        Assert.Null(work.ActualEnd);
        Assert.Equal(2, work.Version);
        var cancelled = Assert.IsType<RepairWorkCancelled>(Assert.Single(work.DomainEvents));
        Assert.Equal(work.Id, cancelled.RepairWorkId);
        Assert.Equal("Перенесено на літо", cancelled.Reason);
        Assert.Equal(at, cancelled.OccurredAt);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Cancel_WhenReasonBlank_FailsCancelReasonRequired(string reason)
    {
        var work = Planned();

        var result = work.Cancel(Responsible, Now, reason);

        Assert.Equal(RepairWorkErrors.CancelReasonRequired, result.Error);
        AssertUnchanged(work, RepairWorkStatus.Planned, version: 1);
    }

    [Fact]
    public void Cancel_WhenInProgress_FailsNotPlanned()
    {
        var work = InProgress();

        var result = work.Cancel(Responsible, work.PlannedStart.AddHours(1), "Передумали");

        Assert.Equal(RepairWorkErrors.NotPlanned, result.Error);
        AssertUnchanged(work, RepairWorkStatus.InProgress, version: 2);
    }

    [Theory]
    [MemberData(nameof(RefusedActors))]
    public void Cancel_WhenActorNotAllowed_FailsNotAllowed(Actor actor)
    {
        var work = Planned();

        var result = work.Cancel(actor, Now, "Не потрібно");

        Assert.Equal(RepairWorkErrors.NotAllowed, result.Error);
        AssertUnchanged(work, RepairWorkStatus.Planned, version: 1);
    }

    [Theory]
    [MemberData(nameof(ClosedStates))]
    public void Cancel_WhenClosed_FailsAlreadyClosed(string state)
    {
        var work = Build(state);

        var result = work.Cancel(Responsible, Now.AddDays(5), "Ще раз");

        Assert.Equal(RepairWorkErrors.AlreadyClosed, result.Error);
        Assert.Empty(work.DomainEvents);
    }

    private static RepairWork Build(string state) => state switch
    {
        nameof(Completed) => Completed(),
        nameof(Cancelled) => Cancelled(),
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    private static void AssertUnchanged(RepairWork work, RepairWorkStatus status, int version)
    {
        Assert.Equal(status, work.Status);
        Assert.Equal(version, work.Version);
        Assert.Empty(work.DomainEvents);
    }
}
