using ContactCenter.Domain.Common;

namespace ContactCenter.Domain.Appeals;

/// <summary>What a timeline entry records (§3.2: every change, with who and when).</summary>
public enum TimelineKind
{
    Registered,
    RepeatLinked,
    TakenIntoWork,
    PerformerAssigned,
    PerformerRemoved,
    Comment,
    AttachmentAdded,
    RequestSubmitted,
    RequestRejected,
    Redirected,
    DueDateChanged,
    IncludedInSerPlan,
    ClosureProposed,
    Closed,
    ReturnedToWork,
    QualityChecked,
    ApplicantConfirmed,
    ApplicantRejected,
    DepartmentControlSet,
    DepartmentControlReleased,
    MarkedOutsideCompetence,
    Forwarded,
    MarkedIncomplete,
    ReturnedToApplicant,
    LeftWithoutConsideration,
    Overdue,
    RepairWorkLinked,
    RepairWorkUnlinked,
}

/// <summary>
/// One line of the card's history (§3.2): who, when, what, and the old and new value where one changes.
/// <see cref="IsPublic"/> entries are what the applicant sees on the status page.
/// </summary>
public sealed class TimelineEntry
{
    private TimelineEntry()
    {
        ActorId = string.Empty;
        ActorName = string.Empty;
        Text = string.Empty;
    }

    internal TimelineEntry(Actor actor, DateTimeOffset at, TimelineKind kind, string text, string? oldValue, string? newValue, bool isPublic)
    {
        Id = Guid.NewGuid();
        At = at;
        ActorId = actor.Id;
        ActorName = actor.Name;
        ActorRole = actor.Role;
        Kind = kind;
        Text = text;
        OldValue = oldValue;
        NewValue = newValue;
        IsPublic = isPublic;
    }

    public Guid Id { get; private set; }

    /// <summary>Position in the card's history: ties in time keep their order.</summary>
    public int Ordinal { get; internal set; }

    public DateTimeOffset At { get; private set; }

    public string ActorId { get; private set; }

    public string ActorName { get; private set; }

    public Role ActorRole { get; private set; }

    public TimelineKind Kind { get; private set; }

    public string Text { get; private set; }

    public string? OldValue { get; private set; }

    public string? NewValue { get; private set; }

    public bool IsPublic { get; private set; }

    public Guid? AttachmentId { get; internal set; }
}

/// <summary>A staff member of the executor assigned to the card (§3.1: "призначати конкретних виконавців").</summary>
public sealed record Performer(string UserId, string Name, Guid ExecutorId);

public sealed class PerformerAssignment
{
    private PerformerAssignment()
    {
        UserId = string.Empty;
        Name = string.Empty;
    }

    internal PerformerAssignment(Performer performer, DateTimeOffset at)
    {
        Id = Guid.NewGuid();
        UserId = performer.UserId;
        Name = performer.Name;
        AssignedAt = at;
    }

    public Guid Id { get; private set; }

    public string UserId { get; private set; }

    public string Name { get; private set; }

    public DateTimeOffset AssignedAt { get; private set; }
}

/// <summary>File metadata; the file itself lives in the attachment store (design decision 8).</summary>
public sealed record AttachmentInfo(string FileName, string ContentType, long Size, string StoredName, bool IsPublic = false)
{
    public bool IsImage => ContentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase);
}

public sealed class Attachment
{
    private Attachment()
    {
        FileName = string.Empty;
        ContentType = string.Empty;
        StoredName = string.Empty;
        UploadedById = string.Empty;
        UploadedByName = string.Empty;
    }

    internal Attachment(AttachmentInfo info, Actor actor, DateTimeOffset at)
    {
        Id = Guid.NewGuid();
        FileName = info.FileName.Trim();
        ContentType = info.ContentType;
        Size = info.Size;
        StoredName = info.StoredName;
        IsPublic = info.IsPublic;
        UploadedById = actor.Id;
        UploadedByName = actor.Name;
        UploadedAt = at;
    }

    public Guid Id { get; private set; }

    public string FileName { get; private set; }

    public string ContentType { get; private set; }

    public long Size { get; private set; }

    public string StoredName { get; private set; }

    public bool IsPublic { get; private set; }

    public bool IsImage => ContentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase);

    public string UploadedById { get; private set; }

    public string UploadedByName { get; private set; }

    public DateTimeOffset UploadedAt { get; private set; }
}

/// <summary>The executor's requests the Department decides on (§2.4, §3.3, §3.4).</summary>
public enum RequestKind
{
    Redirect,
    Extension,
    SerPlanInclusion,
    Closure,
}

public enum RequestState
{
    Pending,
    Approved,
    Rejected,
}

/// <summary>
/// A motivated request of the executor (§3.3) — redirect, additional control, SER plan, closure — and the
/// Department's decision on it, with who and when on both sides.
/// </summary>
public sealed class ExecutorRequest
{
    private readonly List<Guid> attachmentIds = [];

    private ExecutorRequest()
    {
        RequestedById = string.Empty;
        RequestedByName = string.Empty;
        Justification = string.Empty;
    }

    internal ExecutorRequest(RequestKind kind, Actor actor, DateTimeOffset at, string justification, IEnumerable<Guid> attachments)
    {
        Id = Guid.NewGuid();
        Kind = kind;
        RequestedById = actor.Id;
        RequestedByName = actor.Name;
        RequestedAt = at;
        Justification = justification.Trim();
        attachmentIds.AddRange(attachments);
        State = RequestState.Pending;
    }

    public Guid Id { get; private set; }

    public RequestKind Kind { get; private set; }

    public string RequestedById { get; private set; }

    public string RequestedByName { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    public string Justification { get; private set; }

    /// <summary>For a redirect: the executor the requester suggests.</summary>
    public Guid? SuggestedExecutorId { get; internal set; }

    /// <summary>For additional control: the due date asked for.</summary>
    public DateTimeOffset? ProposedDueAt { get; internal set; }

    /// <summary>For a closure: the result the executor reports.</summary>
    public AppealResult? ProposedResult { get; internal set; }

    /// <summary>The proof attached to the request (§3.3: acts, memos, photos).</summary>
    public IReadOnlyList<Guid> AttachmentIds => attachmentIds;

    public RequestState State { get; private set; }

    public string? DecidedById { get; private set; }

    public string? DecidedByName { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? DecisionReason { get; private set; }

    internal void Decide(bool approved, Actor actor, DateTimeOffset at, string? reason)
    {
        State = approved ? RequestState.Approved : RequestState.Rejected;
        DecidedById = actor.Id;
        DecidedByName = actor.Name;
        DecidedAt = at;
        DecisionReason = reason?.Trim();
    }
}

/// <summary>Why a card's due date was set.</summary>
public enum DueDateChangeKind
{
    /// <summary>The term of the problem, at registration (§2.2).</summary>
    Initial,

    /// <summary>Additional control (додатковий контроль): an approved extension (§2.4, §3.3).</summary>
    Extension,

    /// <summary>The 5-day term of forwarding to the body it belongs to (ст. 7 Закону).</summary>
    Forwarding,

    /// <summary>The 10-day term of returning the appeal to the applicant (ст. 5, 7 Закону).</summary>
    Return,
}

/// <summary>A due date in force from a moment on: the history reports need for "overdue at the end of a past month".</summary>
public sealed class DueDateRecord
{
    private DueDateRecord()
    {
        Reason = string.Empty;
    }

    internal DueDateRecord(DateTimeOffset changedAt, DateTimeOffset dueAt, DueDateChangeKind kind, string reason)
    {
        Id = Guid.NewGuid();
        ChangedAt = changedAt;
        DueAt = dueAt;
        Kind = kind;
        Reason = reason;
    }

    public Guid Id { get; private set; }

    public DateTimeOffset ChangedAt { get; private set; }

    public DateTimeOffset DueAt { get; private set; }

    public DueDateChangeKind Kind { get; private set; }

    public string Reason { get; private set; }
}

/// <summary>A change of executor, kept for the "redirected" figure of the reports.</summary>
public sealed class RedirectRecord
{
    private RedirectRecord()
    {
        Reason = string.Empty;
    }

    internal RedirectRecord(DateTimeOffset at, Guid fromExecutorId, Guid toExecutorId, string reason)
    {
        Id = Guid.NewGuid();
        At = at;
        FromExecutorId = fromExecutorId;
        ToExecutorId = toExecutorId;
        Reason = reason;
    }

    public Guid Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    public Guid FromExecutorId { get; private set; }

    public Guid ToExecutorId { get; private set; }

    public string Reason { get; private set; }
}

/// <summary>A quality check of the work done (§2.4: total or sample check with photo evidence).</summary>
public sealed class QualityCheck
{
    private QualityCheck()
    {
        CheckedById = string.Empty;
        CheckedByName = string.Empty;
        Note = string.Empty;
    }

    internal QualityCheck(QualityCheckKind kind, QualityCheckResult result, string note, Actor actor, DateTimeOffset at)
    {
        Id = Guid.NewGuid();
        Kind = kind;
        Result = result;
        Note = note.Trim();
        CheckedById = actor.Id;
        CheckedByName = actor.Name;
        CheckedAt = at;
    }

    public Guid Id { get; private set; }

    public QualityCheckKind Kind { get; private set; }

    public QualityCheckResult Result { get; private set; }

    public string Note { get; private set; }

    public string CheckedById { get; private set; }

    public string CheckedByName { get; private set; }

    public DateTimeOffset CheckedAt { get; private set; }
}

/// <summary>
/// A link between the card and the repair works that caused the problem (§3.1): when the works are completed, the
/// executor is reminded to propose the linked cards for closure.
/// </summary>
public sealed class AppealRepairLink
{
    private AppealRepairLink()
    {
        LinkedById = string.Empty;
        LinkedByName = string.Empty;
    }

    internal AppealRepairLink(Guid repairWorkId, Actor actor, DateTimeOffset at)
    {
        Id = Guid.NewGuid();
        RepairWorkId = repairWorkId;
        LinkedAt = at;
        LinkedById = actor.Id;
        LinkedByName = actor.Name;
    }

    public Guid Id { get; private set; }

    public Guid RepairWorkId { get; private set; }

    public DateTimeOffset LinkedAt { get; private set; }

    public string LinkedById { get; private set; }

    public string LinkedByName { get; private set; }
}

/// <summary>The mayor's knowledge of an extension after a breached one (§3.3: "з відома міського голови").</summary>
public sealed record MayorAcknowledgement(string MayorName, DateTimeOffset AcknowledgedAt, string? Note = null);

/// <summary>An earlier card of the same applicant on the same problem and address (§4.1: repeated appeals).</summary>
public sealed record RepeatMatch(Guid EarlierAppealId, string EarlierRegistrationNumber, bool EarlierClosedOnMerits);

/// <summary>What the card tells the outside world happened; the outbox turns these into live events.</summary>
public enum AppealChangeKind
{
    Registered,
    Redirected,
    StatusChanged,
    Commented,
    AttachmentAdded,
    PerformersChanged,
    RequestSubmitted,
    RequestDecided,
    DeadlineChanged,
    Checked,
    ControlChanged,
    Overdue,
    RepairWorksChanged,

    /// <summary>The card entered the at-risk window before its due date.</summary>
    AtRisk,
}

public sealed record AppealChanged(
    Guid AppealId,
    AppealChangeKind Kind,
    DateTimeOffset OccurredAt,
    Guid ExecutorId,
    Guid? PreviousExecutorId,
    DateTimeOffset DueAt,
    AppealStatus Status) : IDomainEvent;
