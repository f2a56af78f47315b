using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Common;
using static ContactCenter.Domain.Tests.Appeals.AppealBuilder;
using static ContactCenter.Domain.Tests.Appeals.CardAssertions;

namespace ContactCenter.Domain.Tests.Appeals;

public sealed class AppealWorkTests
{
    private static readonly DateTimeOffset At = Now.AddDays(1);

    public static TheoryData<Actor> ExecutorSideActors => new() { StaffA, PerformerActorA, Operator };

    public static TheoryData<Actor> OutsideActors => new() { StaffB, Deputy, Citizen, Actor.System };

    public static TheoryData<string> TerminalStates => AppealBuilder.TerminalStates;

    // ---- TakeIntoWork ----

    [Theory]
    [MemberData(nameof(ExecutorSideActors))]
    public void TakeIntoWork_WhenRegisteredAndExecutorSide_MovesToInWork(Actor actor)
    {
        var appeal = Registered();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.TakeIntoWork(actor, At);

        var entry = AssertMoved(result, appeal, before, TimelineKind.TakenIntoWork, actor, At, AppealStatus.InWork);
        Assert.True(entry.IsPublic);
        Assert.Single(appeal.DomainEvents);
    }

    [Theory]
    [MemberData(nameof(OutsideActors))]
    public void TakeIntoWork_WhenActorNotOfTheCard_RefusesNotExecutorOfCard(Actor actor)
    {
        var appeal = Registered();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.TakeIntoWork(actor, At);

        AssertRefused(AppealErrors.NotExecutorOfCard, result, appeal, before);
    }

    [Theory]
    [InlineData(nameof(InWork))]
    [InlineData(nameof(ProposedForClosure))]
    [InlineData(nameof(ReturnedToWork))]
    [InlineData(nameof(Closed))]
    [InlineData(nameof(ToBeForwarded))]
    public void TakeIntoWork_WhenNotRegistered_RefusesNotRegistered(string state)
    {
        var appeal = InState(state);
        var before = CardSnapshot.Of(appeal);

        var result = appeal.TakeIntoWork(StaffA, At);

        AssertRefused(AppealErrors.NotRegistered, result, appeal, before);
    }

    // ---- AssignPerformer ----

    [Fact]
    public void AssignPerformer_WhenRegistered_AssignsAndTakesIntoWork()
    {
        var appeal = Registered();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.AssignPerformer(StaffA, At, PerformerA);

        AssertRecorded(result, appeal, before, TimelineKind.PerformerAssigned, StaffA, At, newValue: PerformerA.Name);
        AssertMoved(result, appeal, before, TimelineKind.TakenIntoWork, StaffA, At, AppealStatus.InWork);
        AssertRaised(appeal, AppealChangeKind.PerformersChanged, At);
        var assignment = Assert.Single(appeal.Performers);
        Assert.Equal(PerformerA.UserId, assignment.UserId);
        Assert.Equal(PerformerA.Name, assignment.Name);
        Assert.Equal(At, assignment.AssignedAt);
    }

    [Fact]
    public void AssignPerformer_WhenInWork_AddsSecondPerformerWithoutStatusChange()
    {
        var appeal = WithPerformer();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.AssignPerformer(Operator, At, SecondPerformerA);

        AssertRecorded(result, appeal, before, TimelineKind.PerformerAssigned, Operator, At, newValue: SecondPerformerA.Name);
        Assert.Equal(before.Version + 1, appeal.Version);
        Assert.Equal(AppealStatus.InWork, appeal.Status);
        Assert.Equal(AppealChangeKind.PerformersChanged, Assert.IsType<AppealChanged>(Assert.Single(appeal.DomainEvents)).Kind);
        Assert.Equal([PerformerA.UserId, SecondPerformerA.UserId], appeal.Performers.Select(p => p.UserId));
    }

    [Fact]
    public void AssignPerformer_WhenPerformerOfAnotherExecutor_RefusesPerformerOfAnotherExecutor()
    {
        var appeal = InWork();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.AssignPerformer(StaffA, At, PerformerB);

        AssertRefused(AppealErrors.PerformerOfAnotherExecutor, result, appeal, before);
    }

    [Fact]
    public void AssignPerformer_WhenAlreadyAssigned_RefusesPerformerAlreadyAssigned()
    {
        var appeal = WithPerformer();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.AssignPerformer(StaffA, At, PerformerA);

        AssertRefused(AppealErrors.PerformerAlreadyAssigned, result, appeal, before);
    }

    [Theory]
    [MemberData(nameof(OutsideActors))]
    public void AssignPerformer_WhenActorNotOfTheCard_RefusesNotExecutorOfCard(Actor actor)
    {
        var appeal = Registered();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.AssignPerformer(actor, At, PerformerA);

        AssertRefused(AppealErrors.NotExecutorOfCard, result, appeal, before);
    }

    [Theory]
    [MemberData(nameof(TerminalStates))]
    public void AssignPerformer_WhenTerminal_RefusesAlreadyClosed(string state)
    {
        var appeal = InState(state);
        var before = CardSnapshot.Of(appeal);

        var result = appeal.AssignPerformer(StaffA, At, PerformerA);

        AssertRefused(AppealErrors.AlreadyClosed, result, appeal, before);
    }

    [Fact]
    public void AssignPerformer_WhenToBeForwarded_RefusesNotOpen()
    {
        var appeal = ToBeForwarded();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.AssignPerformer(Operator, At, PerformerA);

        AssertRefused(AppealErrors.NotOpen, result, appeal, before);
    }

    // ---- RemovePerformer ----

    [Fact]
    public void RemovePerformer_WhenAssigned_RemovesAndRecordsOldValue()
    {
        var appeal = WithPerformer();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.RemovePerformer(StaffA, At, PerformerA.UserId);

        var entry = AssertRecorded(result, appeal, before, TimelineKind.PerformerRemoved, StaffA, At, oldValue: PerformerA.Name);
        Assert.Null(entry.NewValue);
        Assert.Empty(appeal.Performers);
        Assert.Equal(AppealStatus.InWork, appeal.Status);
        AssertRaised(appeal, AppealChangeKind.PerformersChanged, At);
    }

    [Fact]
    public void RemovePerformer_WhenNotAssigned_RefusesPerformerNotAssigned()
    {
        var appeal = WithPerformer();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.RemovePerformer(StaffA, At, SecondPerformerA.UserId);

        AssertRefused(AppealErrors.PerformerNotAssigned, result, appeal, before);
    }

    [Fact]
    public void RemovePerformer_WhenAnotherExecutorsStaff_RefusesNotExecutorOfCard()
    {
        var appeal = WithPerformer();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.RemovePerformer(StaffB, At, PerformerA.UserId);

        AssertRefused(AppealErrors.NotExecutorOfCard, result, appeal, before);
    }

    [Fact]
    public void RemovePerformer_WhenClosed_RefusesAlreadyClosed()
    {
        var appeal = Closed();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.RemovePerformer(Operator, At, PerformerA.UserId);

        AssertRefused(AppealErrors.AlreadyClosed, result, appeal, before);
    }

    // ---- AddComment ----

    public static TheoryData<Actor> CommentingActors => new()
    {
        Operator,
        new Actor("u-admin", "Адміністратор", Role.Admin),
        StaffA,
        PerformerActorA,
        new Actor("u-head-a", "Сидоренко Віктор", Role.ExecutorHead, ExecutorAId),
        Deputy,
        new Actor("u-man", "Кочур Людмила", Role.Manager),
        new Actor("u-mayor", "Рябоконь Олександр", Role.Mayor),
    };

    public static TheoryData<Actor> NonCommentingActors => new()
    {
        StaffB,
        new Actor("u-head-b", "Кравець Ольга", Role.ExecutorHead, ExecutorBId),
        new Actor("u-nobody", "Без виконавця", Role.ExecutorResponsible),
        Citizen,
        Actor.System,
    };

    [Theory]
    [MemberData(nameof(CommentingActors))]
    public void AddComment_WhenActorMayComment_RecordsTrimmedComment(Actor actor)
    {
        var appeal = InWork();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.AddComment(actor, At, "  Виїзд бригади на 14:00  ");

        var entry = AssertRecorded(result, appeal, before, TimelineKind.Comment, actor, At);
        Assert.Equal("Виїзд бригади на 14:00", entry.Text);
        Assert.False(entry.IsPublic);
        Assert.Equal(before.Version + 1, appeal.Version);
        Assert.Equal(AppealStatus.InWork, appeal.Status);
        AssertRaised(appeal, AppealChangeKind.Commented, At);
    }

    [Fact]
    public void AddComment_WhenPublic_EntryIsPublic()
    {
        var appeal = InWork();

        appeal.AddComment(StaffA, At, "Роботи заплановано на завтра", isPublic: true).Ok();

        Assert.True(appeal.Timeline[^1].IsPublic);
    }

    [Theory]
    [MemberData(nameof(NonCommentingActors))]
    public void AddComment_WhenActorMayNotComment_RefusesNotAllowedToComment(Actor actor)
    {
        var appeal = InWork();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.AddComment(actor, At, "Коментар");

        AssertRefused(AppealErrors.NotAllowedToComment, result, appeal, before);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void AddComment_WhenEmpty_RefusesCommentRequired(string text)
    {
        var appeal = InWork();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.AddComment(StaffA, At, text);

        AssertRefused(AppealErrors.CommentRequired, result, appeal, before);
    }

    [Fact]
    public void AddComment_WhenTooLong_RefusesCommentTooLong()
    {
        var appeal = InWork();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.AddComment(StaffA, At, new string('к', Appeal.MaxTextLength + 1));

        AssertRefused(AppealErrors.CommentTooLong, result, appeal, before);
    }

    [Fact]
    public void AddComment_WhenClosed_StillRecordsTheDepartmentsComment()
    {
        var appeal = Closed();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.AddComment(Operator, At.AddDays(5), "Телефонний запит заявнику");

        AssertRecorded(result, appeal, before, TimelineKind.Comment, Operator, At.AddDays(5));
        Assert.Equal(AppealStatus.Closed, appeal.Status);
    }

    // ---- AddAttachment ----

    [Theory]
    [MemberData(nameof(ExecutorSideActors))]
    public void AddAttachment_WhenExecutorSide_StoresMetadataAndLinksTheEntry(Actor actor)
    {
        var appeal = InWork();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.AddAttachment(actor, At, Photo with { FileName = " акт.jpg ", IsPublic = true });

        var entry = AssertRecorded(result, appeal, before, TimelineKind.AttachmentAdded, actor, At, newValue: "акт.jpg");
        var attachment = Assert.Single(appeal.Attachments);
        Assert.Equal(result.Value, attachment.Id);
        Assert.Equal(attachment.Id, entry.AttachmentId);
        Assert.True(entry.IsPublic);
        Assert.Equal("акт.jpg", attachment.FileName);
        Assert.Equal(Photo.StoredName, attachment.StoredName);
        Assert.Equal(Photo.Size, attachment.Size);
        Assert.True(attachment.IsImage);
        Assert.Equal(actor.Id, attachment.UploadedById);
        Assert.Equal(actor.Name, attachment.UploadedByName);
        Assert.Equal(At, attachment.UploadedAt);
        AssertRaised(appeal, AppealChangeKind.AttachmentAdded, At);
    }

    [Theory]
    [MemberData(nameof(OutsideActors))]
    public void AddAttachment_WhenActorNotOfTheCard_RefusesNotExecutorOfCard(Actor actor)
    {
        var appeal = InWork();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.AddAttachment(actor, At, Photo);

        AssertRefused(AppealErrors.NotExecutorOfCard, result, appeal, before);
    }

    public static TheoryData<string, long, string> InvalidFiles => new()
    {
        { "", 100, "stored.jpg" },
        { "  ", 100, "stored.jpg" },
        { "акт.jpg", 0, "stored.jpg" },
        { "акт.jpg", -1, "stored.jpg" },
        { "акт.jpg", 100, "" },
    };

    [Theory]
    [MemberData(nameof(InvalidFiles))]
    public void AddAttachment_WhenFileInvalid_RefusesAttachmentInvalid(string fileName, long size, string storedName)
    {
        var appeal = InWork();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.AddAttachment(StaffA, At, new AttachmentInfo(fileName, "image/jpeg", size, storedName));

        AssertRefused(AppealErrors.AttachmentInvalid, result, appeal, before);
    }

    // ---- MarkOverdue ----

    [Fact]
    public void MarkOverdue_WhenDuePassed_RecordsOnceBySystemAndRaisesOverdue()
    {
        var appeal = InWork();
        var before = CardSnapshot.Of(appeal);
        var late = DueAt.AddSeconds(1);

        var marked = appeal.MarkOverdue(late);

        Assert.True(marked);
        AssertRecorded(Result.Success(), appeal, before, TimelineKind.Overdue, Actor.System, late);
        Assert.Equal(late, appeal.OverdueMarkedAt);
        AssertRaised(appeal, AppealChangeKind.Overdue, late);
        Assert.True(appeal.IsOverdueAt(late));
    }

    [Fact]
    public void MarkOverdue_WhenAlreadyMarked_ReturnsFalseAndChangesNothing()
    {
        var appeal = InWork();
        appeal.MarkOverdue(DueAt.AddHours(1));
        appeal.ClearDomainEvents();
        var before = CardSnapshot.Of(appeal);

        var marked = appeal.MarkOverdue(DueAt.AddHours(2));

        Assert.False(marked);
        Assert.Equal(before, CardSnapshot.Of(appeal));
        Assert.Empty(appeal.DomainEvents);
    }

    [Fact]
    public void MarkOverdue_WhenExactlyAtDueAt_ReturnsFalse()
    {
        var appeal = InWork();
        var before = CardSnapshot.Of(appeal);

        Assert.False(appeal.MarkOverdue(DueAt));
        Assert.False(appeal.MarkOverdue(Now.AddDays(2)));
        Assert.Equal(before, CardSnapshot.Of(appeal));
        Assert.Empty(appeal.DomainEvents);
    }

    [Fact]
    public void MarkOverdue_WhenInSerPlan_ReturnsFalse()
    {
        var appeal = InSerPlan();
        var before = CardSnapshot.Of(appeal);

        Assert.False(appeal.MarkOverdue(DueAt.AddDays(1)));
        Assert.Equal(before, CardSnapshot.Of(appeal));
    }

    [Theory]
    [MemberData(nameof(TerminalStates))]
    public void MarkOverdue_WhenTerminal_ReturnsFalse(string state)
    {
        var appeal = InState(state);
        var before = CardSnapshot.Of(appeal);

        Assert.False(appeal.MarkOverdue(MaxDueAt.AddDays(1)));
        Assert.Equal(before, CardSnapshot.Of(appeal));
    }

    // ---- MarkAtRisk ----

    [Theory]
    [InlineData(-25, false)]   // a day and an hour before the due date: still on time
    [InlineData(-24, true)]    // exactly the window
    [InlineData(-1, true)]
    [InlineData(1, false)]     // past due: overdue, not at risk
    public void MarkAtRisk_AsTheDueDateNears_MarksOnEnteringTheWindow(int hoursFromDue, bool expected)
    {
        var appeal = InWork();
        var now = DueAt.AddHours(hoursFromDue);

        Assert.Equal(expected, appeal.MarkAtRisk(now, TimeSpan.FromHours(24)));

        Assert.Equal(expected ? now : null, appeal.AtRiskMarkedAt);
        Assert.Equal(expected ? 1 : 0, appeal.DomainEvents.OfType<AppealChanged>().Count(e => e.Kind == AppealChangeKind.AtRisk));
    }

    [Fact]
    public void MarkAtRisk_WritesNoTimelineAndKeepsTheVersion_SoAPersonsConcurrentEditIsNotRefused()
    {
        var appeal = InWork();
        var version = appeal.Version;
        var entries = appeal.Timeline.Count;

        Assert.True(appeal.MarkAtRisk(DueAt.AddHours(-2), TimeSpan.FromHours(24)));
        Assert.False(appeal.MarkAtRisk(DueAt.AddHours(-1), TimeSpan.FromHours(24)));

        Assert.Equal(version, appeal.Version);
        Assert.Equal(entries, appeal.Timeline.Count);
        AssertRaised(appeal, AppealChangeKind.AtRisk, DueAt.AddHours(-2));
    }

    [Fact]
    public void MarkAtRisk_ClosedOrInSerPlan_IsNeverMarked()
    {
        Assert.False(Closed().MarkAtRisk(DueAt.AddHours(-1), TimeSpan.FromHours(24)));
        Assert.False(InSerPlan().MarkAtRisk(DueAt.AddHours(-1), TimeSpan.FromHours(24)));
    }

    [Fact]
    public void MarkAtRisk_AfterAnExtension_IsWatchedAgainForTheNewDueDate()
    {
        var appeal = WithPendingExtension(out var request, DueAt.AddDays(7));
        Assert.True(appeal.MarkAtRisk(DueAt.AddHours(-3), TimeSpan.FromHours(24)));

        appeal.ApproveExtension(Operator, DueAt.AddHours(-2), request, DueAt.AddDays(7), "Обґрунтування прийнято").Ok();

        Assert.Null(appeal.AtRiskMarkedAt);
        Assert.False(appeal.MarkAtRisk(DueAt.AddDays(5), TimeSpan.FromHours(24)));
        Assert.True(appeal.MarkAtRisk(DueAt.AddDays(6).AddHours(1), TimeSpan.FromHours(24)));
    }

    [Fact]
    public void IsOverdueAt_Always_ComparesWithDueAtOfAnOpenCard()
    {
        var appeal = InWork();

        Assert.False(appeal.IsOverdueAt(DueAt));
        Assert.True(appeal.IsOverdueAt(DueAt.AddSeconds(1)));
        Assert.False(Closed().IsOverdueAt(MaxDueAt.AddDays(1)));
    }
}
