using ContactCenter.Domain.Common;
using ContactCenter.Domain.Deadlines;

namespace ContactCenter.Domain.Appeals;

// The executor's daily work on a card (§3.1): taking it, performers, comments, documents and photos.
public sealed partial class Appeal
{
    private bool IsExecutorSide(Actor actor) => actor.IsDepartment || actor.BelongsTo(ExecutorId);

    private Error? CheckExecutorSide(Actor actor) => IsExecutorSide(actor) ? null : AppealErrors.NotExecutorOfCard;

    private Error? CheckWithExecutor() => Status.IsWithExecutor() ? null : Status.IsTerminal() ? AppealErrors.AlreadyClosed : AppealErrors.NotOpen;

    /// <summary>The executor takes the delivered card into work (§3.1: "оперативне реагування").</summary>
    public Result TakeIntoWork(Actor actor, DateTimeOffset now)
    {
        if (CheckExecutorSide(actor) is { } denied)
        {
            return denied;
        }

        if (Status != AppealStatus.Registered)
        {
            return AppealErrors.NotRegistered;
        }

        MoveTo(AppealStatus.InWork, actor, now, TimelineKind.TakenIntoWork, "Взято в роботу");
        return Common.Result.Success();
    }

    /// <summary>§3.1: the executor appoints concrete performers; the card is then in work.</summary>
    public Result AssignPerformer(Actor actor, DateTimeOffset now, Performer performer)
    {
        if ((CheckExecutorSide(actor) ?? CheckWithExecutor()) is { } error)
        {
            return error;
        }

        if (performer.ExecutorId != ExecutorId)
        {
            return AppealErrors.PerformerOfAnotherExecutor;
        }

        if (performers.Any(p => p.UserId == performer.UserId))
        {
            return AppealErrors.PerformerAlreadyAssigned;
        }

        performers.Add(new PerformerAssignment(performer, now));
        Record(actor, now, TimelineKind.PerformerAssigned, $"Призначено відповідального виконавця: {performer.Name}", null, performer.Name);
        if (Status == AppealStatus.Registered)
        {
            MoveTo(AppealStatus.InWork, actor, now, TimelineKind.TakenIntoWork, "Взято в роботу");
        }

        Raise(AppealChangeKind.PerformersChanged, now);
        return Common.Result.Success();
    }

    public Result RemovePerformer(Actor actor, DateTimeOffset now, string performerUserId)
    {
        if ((CheckExecutorSide(actor) ?? CheckWithExecutor()) is { } error)
        {
            return error;
        }

        var assignment = performers.FirstOrDefault(p => p.UserId == performerUserId);
        if (assignment is null)
        {
            return AppealErrors.PerformerNotAssigned;
        }

        performers.Remove(assignment);
        Record(actor, now, TimelineKind.PerformerRemoved, $"Знято відповідального виконавця: {assignment.Name}", assignment.Name, null);
        Raise(AppealChangeKind.PerformersChanged, now);
        return Common.Result.Success();
    }

    /// <summary>
    /// §3.1: comments on the current state "в режимі онлайн"; §4.1: the Department's inquiries go into the comments too.
    /// The Department, the card's executor and the supervising officials may comment; public comments are shown to the applicant.
    /// </summary>
    public Result AddComment(Actor actor, DateTimeOffset now, string text, bool isPublic = false)
    {
        var mayComment = IsExecutorSide(actor) || actor.Role is Role.Deputy or Role.Manager or Role.Mayor;
        if (!mayComment)
        {
            return AppealErrors.NotAllowedToComment;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return AppealErrors.CommentRequired;
        }

        if (text.Length > MaxTextLength)
        {
            return AppealErrors.CommentTooLong;
        }

        Record(actor, now, TimelineKind.Comment, text.Trim(), isPublic: isPublic);
        Raise(AppealChangeKind.Commented, now);
        return Common.Result.Success();
    }

    /// <summary>§3.1: documents and photos that prove the appeal was considered and the work done.</summary>
    public Result<Guid> AddAttachment(Actor actor, DateTimeOffset now, AttachmentInfo info)
    {
        if (CheckExecutorSide(actor) is { } denied)
        {
            return denied;
        }

        if (string.IsNullOrWhiteSpace(info.FileName) || string.IsNullOrWhiteSpace(info.StoredName) || info.Size <= 0)
        {
            return AppealErrors.AttachmentInvalid;
        }

        var attachment = new Attachment(info, actor, now);
        attachments.Add(attachment);
        Record(actor, now, TimelineKind.AttachmentAdded, $"Додано файл «{attachment.FileName}»", null, attachment.FileName, info.IsPublic);
        timeline[^1].AttachmentId = attachment.Id;
        Raise(AppealChangeKind.AttachmentAdded, now);
        return attachment.Id;
    }

    /// <summary>
    /// The deadline watcher marks once that the due date has passed, so the overdue change is recorded and pushed even when nobody acts.
    /// Returns false when there is nothing to mark.
    /// </summary>
    public bool MarkOverdue(DateTimeOffset now)
    {
        if (!IsOverdueAt(now) || OverdueMarkedAt is not null)
        {
            return false;
        }

        OverdueMarkedAt = now;
        Record(Actor.System, now, TimelineKind.Overdue, $"Строк виконання сплив {KyivTime.Format(DueAt)}", null, null);
        Raise(AppealChangeKind.Overdue, now);
        return true;
    }

    /// <summary>
    /// The deadline watcher marks once that the card has entered the at-risk window before its due date (§4.1: deadlines
    /// are controlled automatically), so the live screens learn of it when it happens rather than when someone looks.
    /// Nothing is written to the timeline and the version is not bumped: the mark is the system's observation, not a
    /// change of the card, and must never make a person's concurrent edit fail. Returns false when there is nothing to mark.
    /// </summary>
    public bool MarkAtRisk(DateTimeOffset now, TimeSpan atRiskWindow)
    {
        if (!IsOpen || IsInSerPlan || AtRiskMarkedAt is not null || DeadlineStateAt(now, atRiskWindow) != DeadlineState.AtRisk)
        {
            return false;
        }

        AtRiskMarkedAt = now;
        Raise(AppealChangeKind.AtRisk, now);
        return true;
    }

    private void MoveTo(AppealStatus status, Actor actor, DateTimeOffset now, TimelineKind kind, string text, bool isPublic = true)
    {
        var old = Status;
        ChangeStatus(status);
        Record(actor, now, kind, text, AppealNames.Of(old), AppealNames.Of(status), isPublic);
        Raise(AppealChangeKind.StatusChanged, now);
    }
}
