using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Common;
using static ContactCenter.Domain.Tests.Appeals.AppealBuilder;
using static ContactCenter.Domain.Tests.Appeals.CardAssertions;

namespace ContactCenter.Domain.Tests.Appeals;

public sealed class AppealRepairWorkTests
{
    private const string Works = "Водопостачання: вул. Шевченка (аварійні), 02.03.2026 10:00 — 02.03.2026 18:00";

    private static readonly DateTimeOffset At = Now.AddHours(5);

    private static readonly Guid WorkId = new("7e000000-0000-0000-0000-000000000001");

    private static readonly Guid OtherWorkId = new("7e000000-0000-0000-0000-000000000002");

    public static TheoryData<Actor> ExecutorSideActors => new() { StaffA, PerformerActorA, Operator };

    public static TheoryData<Actor> OutsideActors => new() { StaffB, Deputy, Citizen, Actor.System };

    public static TheoryData<string> TerminalStates => AppealBuilder.TerminalStates;

    [Theory]
    [MemberData(nameof(ExecutorSideActors))]
    public void LinkRepairWork_ByTheExecutorSideOnAnOpenCard_AddsTheLinkRecordsAndRaises(Actor actor)
    {
        var appeal = InWork();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.LinkRepairWork(actor, At, WorkId, Works);

        var entry = AssertRecorded(result, appeal, before, TimelineKind.RepairWorkLinked, actor, At, newValue: Works);
        Assert.Contains(Works, entry.Text);
        var link = Assert.Single(appeal.RepairLinks);
        Assert.Equal(WorkId, link.RepairWorkId);
        Assert.Equal(At, link.LinkedAt);
        Assert.Equal(actor.Id, link.LinkedById);
        Assert.Equal(actor.Name, link.LinkedByName);
        Assert.Equal(AppealStatus.InWork, appeal.Status);
        AssertRaised(appeal, AppealChangeKind.RepairWorksChanged, At);
    }

    [Fact]
    public void LinkRepairWork_ToASecondWork_KeepsBothLinks()
    {
        var appeal = InWork();
        appeal.LinkRepairWork(StaffA, At, WorkId, Works).Ok();

        var result = appeal.LinkRepairWork(StaffA, At.AddMinutes(1), OtherWorkId, "Інші роботи");

        Assert.True(result.IsSuccess);
        Assert.Equal([WorkId, OtherWorkId], appeal.RepairLinks.Select(l => l.RepairWorkId));
    }

    [Theory]
    [MemberData(nameof(OutsideActors))]
    public void LinkRepairWork_ByAnyoneElse_RefusesAndChangesNothing(Actor actor)
    {
        var appeal = InWork();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.LinkRepairWork(actor, At, WorkId, Works);

        AssertRefused(AppealErrors.NotExecutorOfCard, result, appeal, before);
    }

    [Theory]
    [MemberData(nameof(TerminalStates))]
    public void LinkRepairWork_OnAClosedCard_RefusesAndChangesNothing(string state)
    {
        var appeal = InState(state);
        var before = CardSnapshot.Of(appeal);

        var result = appeal.LinkRepairWork(Operator, At.AddDays(10), WorkId, Works);

        AssertRefused(AppealErrors.NotOpenForLink, result, appeal, before);
    }

    [Fact]
    public void LinkRepairWork_TheSameWorkTwice_RefusesTheSecondAndChangesNothing()
    {
        var appeal = InWork();
        appeal.LinkRepairWork(StaffA, At, WorkId, Works).Ok();
        appeal.ClearDomainEvents();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.LinkRepairWork(Operator, At.AddHours(1), WorkId, Works);

        AssertRefused(AppealErrors.RepairWorkAlreadyLinked, result, appeal, before);
    }

    [Fact]
    public void LinkRepairWork_WithoutAWork_RefusesAndChangesNothing()
    {
        var appeal = InWork();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.LinkRepairWork(StaffA, At, Guid.Empty, Works);

        AssertRefused(AppealErrors.RepairWorkRequired, result, appeal, before);
    }

    [Fact]
    public void UnlinkRepairWork_ALinkedWork_RemovesTheLinkAndRecordsIt()
    {
        var appeal = InWork();
        appeal.LinkRepairWork(StaffA, At, WorkId, Works).Ok();
        appeal.ClearDomainEvents();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.UnlinkRepairWork(Operator, At.AddHours(1), WorkId, Works);

        AssertRecorded(result, appeal, before, TimelineKind.RepairWorkUnlinked, Operator, At.AddHours(1), oldValue: Works);
        Assert.Empty(appeal.RepairLinks);
        AssertRaised(appeal, AppealChangeKind.RepairWorksChanged, At.AddHours(1));
    }

    [Fact]
    public void UnlinkRepairWork_AWorkNotLinked_RefusesAndChangesNothing()
    {
        var appeal = InWork();
        appeal.LinkRepairWork(StaffA, At, WorkId, Works).Ok();
        appeal.ClearDomainEvents();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.UnlinkRepairWork(StaffA, At.AddHours(1), OtherWorkId, "Інші роботи");

        AssertRefused(AppealErrors.RepairWorkNotLinked, result, appeal, before);
    }

    [Fact]
    public void UnlinkRepairWork_ByAnotherExecutor_RefusesAndChangesNothing()
    {
        var appeal = InWork();
        appeal.LinkRepairWork(StaffA, At, WorkId, Works).Ok();
        appeal.ClearDomainEvents();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.UnlinkRepairWork(StaffB, At.AddHours(1), WorkId, Works);

        AssertRefused(AppealErrors.NotExecutorOfCard, result, appeal, before);
    }
}
