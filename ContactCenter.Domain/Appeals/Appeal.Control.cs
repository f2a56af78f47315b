using ContactCenter.Domain.Common;
using ContactCenter.Domain.Deadlines;
using ContactCenter.Domain.Reporting;

namespace ContactCenter.Domain.Appeals;

// The Department's control (§2.4, §4.1): closure, return to work, quality checks, the applicant's word,
// its own control of conflicts and repeats, and the Law's ways out: forwarding, return, no consideration.
public sealed partial class Appeal
{
    /// <summary>
    /// §2.4: the Department closes the card "по факту виконання робіт та вирішення питання по суті", approving the
    /// executor's proposal if there is one.
    /// </summary>
    public Result Close(Actor actor, DateTimeOffset now, AppealResult result, string resolution)
    {
        if (CheckDepartment(actor) is { } denied)
        {
            return denied;
        }

        if (CheckWithExecutor() is { } notOpen)
        {
            return notOpen;
        }

        if (result is not (AppealResult.ResolvedPositively or AppealResult.Refused or AppealResult.Explained))
        {
            return AppealErrors.ResultNotForClosure;
        }

        if (string.IsNullOrWhiteSpace(resolution))
        {
            return AppealErrors.ReportRequired;
        }

        PendingRequest(RequestKind.Closure)?.Decide(true, actor, now, resolution);
        Result = result;
        Resolution = resolution.Trim();
        MarkClosed(now);
        ConfirmedByApplicant = null;
        ApplicantAnsweredAt = null;
        MoveTo(AppealStatus.Closed, actor, now, TimelineKind.Closed, $"Картку закрито ({AppealNames.Of(result)}): {Resolution}");
        return Common.Result.Success();
    }

    /// <summary>The Department returns a proposed or closed card to the executor (повернуто на доопрацювання).</summary>
    public Result ReturnToWork(Actor actor, DateTimeOffset now, string reason)
    {
        if (CheckDepartment(actor) is { } denied)
        {
            return denied;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return AppealErrors.DecisionReasonRequired;
        }

        return Reopen(actor, now, reason);
    }

    /// <summary>
    /// Every way a card closes ends here, so the verdict "closed on time" is taken once, at the closure, by the same rule the
    /// reports apply to the due-date history (<see cref="ComplianceCalculator.IsClosedOnTime"/>): the due date in force now is
    /// the one in force at closure. Kept on the card so that the live dashboards count a month's closures without
    /// re-reading their history (docs/performance.md, "Queries at Kyiv scale").
    /// </summary>
    private void MarkClosed(DateTimeOffset now)
    {
        ClosedAt = now;
        ClosedOnTime = ComplianceCalculator.IsClosedOnTime(DueAt, now);
    }

    private Result Reopen(Actor actor, DateTimeOffset now, string reason)
    {
        if (Status is not (AppealStatus.ProposedForClosure or AppealStatus.Closed))
        {
            return AppealErrors.NotProposedOrClosed;
        }

        PendingRequest(RequestKind.Closure)?.Decide(false, actor, now, reason);
        ClosedAt = null;
        ClosedOnTime = null;
        Result = null;
        ReturnCount++;
        MoveTo(AppealStatus.ReturnedToWork, actor, now, TimelineKind.ReturnedToWork, $"Повернуто на доопрацювання: {reason.Trim()}");
        return Common.Result.Success();
    }

    /// <summary>
    /// §2.4: a total or sample check of the work and its quality with photo evidence. A check that does not confirm the
    /// work sends the card back to work.
    /// </summary>
    public Result RecordCheck(Actor actor, DateTimeOffset now, QualityCheckKind kind, QualityCheckResult result, string note)
    {
        if (CheckDepartment(actor) is { } denied)
        {
            return denied;
        }

        if (Status is not (AppealStatus.ProposedForClosure or AppealStatus.Closed))
        {
            return AppealErrors.NothingToCheck;
        }

        if (result != QualityCheckResult.Confirmed && string.IsNullOrWhiteSpace(note))
        {
            return AppealErrors.DecisionReasonRequired;
        }

        checks.Add(new QualityCheck(kind, result, note ?? string.Empty, actor, now));
        Record(actor, now, TimelineKind.QualityChecked, $"Перевірка виконання: {AppealNames.Of(result)}{(string.IsNullOrWhiteSpace(note) ? string.Empty : ". " + note.Trim())}", null, AppealNames.Of(result));
        Raise(AppealChangeKind.Checked, now);
        return result == QualityCheckResult.NotConfirmed
            ? Reopen(actor, now, $"перевірка не підтвердила виконання. {note}".Trim())
            : Common.Result.Success();
    }

    /// <summary>
    /// §4.1: the applicant confirms the work was done, or says it was not; "not done" returns the card to work under the
    /// Department's control with the applicant's words.
    /// </summary>
    public Result AnswerByApplicant(Actor actor, DateTimeOffset now, bool done, string? comment)
    {
        if (actor.Role != Role.Applicant)
        {
            return AppealErrors.NotTheApplicant;
        }

        if (Status != AppealStatus.Closed)
        {
            return AppealErrors.NotClosed;
        }

        if (ApplicantAnsweredAt is not null)
        {
            return AppealErrors.AlreadyAnswered;
        }

        if (!done && string.IsNullOrWhiteSpace(comment))
        {
            return AppealErrors.RejectionCommentRequired;
        }

        ApplicantAnsweredAt = now;
        ConfirmedByApplicant = done;
        if (done)
        {
            Record(actor, now, TimelineKind.ApplicantConfirmed, $"Заявник підтвердив виконання{(string.IsNullOrWhiteSpace(comment) ? string.Empty : ": " + comment.Trim())}", isPublic: true);
            if (OnDepartmentControl)
            {
                // §4.1: "залишається на контролі до … підтвердження факту виконання заявником".
                OnDepartmentControl = false;
                DepartmentControlReason = null;
                Record(actor, now, TimelineKind.DepartmentControlReleased, "Знято з контролю Відділу після підтвердження заявником");
            }

            Raise(AppealChangeKind.ControlChanged, now);
            return Common.Result.Success();
        }

        Record(actor, now, TimelineKind.ApplicantRejected, $"Заявник не підтвердив виконання: {comment!.Trim()}", isPublic: true);
        OnDepartmentControl = true;
        DepartmentControlReason = Appeals.DepartmentControlReason.ApplicantRejected;
        Record(actor, now, TimelineKind.DepartmentControlSet, "На контролі Відділу: заявник не підтвердив виконання (п. 4.1 Регламенту)");
        var reopened = Reopen(actor, now, $"заявник не підтвердив виконання: {comment.Trim()}");
        ApplicantAnsweredAt = now;
        ConfirmedByApplicant = false;
        return reopened;
    }

    /// <summary>§4.1: conflicts and repeated appeals are controlled by the Department directly until the applicant confirms.</summary>
    public Result PutOnDepartmentControl(Actor actor, DateTimeOffset now, DepartmentControlReason reason, string note)
    {
        if (CheckDepartment(actor) is { } denied)
        {
            return denied;
        }

        if (OnDepartmentControl)
        {
            return AppealErrors.AlreadyOnDepartmentControl;
        }

        if (string.IsNullOrWhiteSpace(note))
        {
            return AppealErrors.DecisionReasonRequired;
        }

        OnDepartmentControl = true;
        DepartmentControlReason = reason;
        Record(actor, now, TimelineKind.DepartmentControlSet, $"Взято на контроль Відділу: {note.Trim()}");
        Raise(AppealChangeKind.ControlChanged, now);
        return Common.Result.Success();
    }

    /// <summary>
    /// Law art. 7: an appeal outside the council's competence is forwarded within 5 days; the forwarding clock becomes
    /// the card's due date so it is watched like any other.
    /// </summary>
    public Result MarkOutsideCompetence(Actor actor, DateTimeOffset now, DeadlinePolicy policy, string note)
    {
        if (CheckDepartment(actor) is { } denied)
        {
            return denied;
        }

        if (CheckWithExecutor() is { } notOpen)
        {
            return notOpen;
        }

        if (string.IsNullOrWhiteSpace(note))
        {
            return AppealErrors.DecisionReasonRequired;
        }

        CloseAllPendingRequests(actor, now, "Питання не належить до компетенції ради");
        MoveTo(AppealStatus.ToBeForwarded, actor, now, TimelineKind.MarkedOutsideCompetence, $"Питання не належить до компетенції ради: {note.Trim()}");
        ChangeDueAt(actor, now, policy.ForwardingDueAt(RegisteredAt), DueDateChangeKind.Forwarding, "Строк пересилання за належністю — 5 днів (ст. 7 Закону)");
        return Common.Result.Success();
    }

    /// <summary>Law art. 7: forwarded to the competent body, and the applicant is told.</summary>
    public Result Forward(Actor actor, DateTimeOffset now, string competentBody, string noteToApplicant)
    {
        if (CheckDepartment(actor) is { } denied)
        {
            return denied;
        }

        if (Status != AppealStatus.ToBeForwarded)
        {
            return AppealErrors.NotToBeForwarded;
        }

        if (string.IsNullOrWhiteSpace(competentBody))
        {
            return AppealErrors.CompetentBodyRequired;
        }

        if (string.IsNullOrWhiteSpace(noteToApplicant))
        {
            return AppealErrors.ExplanationRequired;
        }

        CompetentBody = competentBody.Trim();
        Result = AppealResult.Forwarded;
        Resolution = noteToApplicant.Trim();
        MarkClosed(now);
        MoveTo(AppealStatus.Forwarded, actor, now, TimelineKind.Forwarded, $"Переслано за належністю до: {CompetentBody}. {Resolution}");
        return Common.Result.Success();
    }

    /// <summary>
    /// Law art. 5, 7: a written (here: web or API) appeal lacking the mandatory data is returned to the applicant with an
    /// explanation within 10 days; that clock becomes the due date.
    /// </summary>
    public Result MarkIncomplete(Actor actor, DateTimeOffset now, DeadlinePolicy policy, string whatIsMissing)
    {
        if (CheckDepartment(actor) is { } denied)
        {
            return denied;
        }

        if (Channel == Channel.Phone)
        {
            return AppealErrors.ReturnOnlyForWritten;
        }

        if (Status != AppealStatus.Registered)
        {
            return AppealErrors.NotRegistered;
        }

        if (string.IsNullOrWhiteSpace(whatIsMissing))
        {
            return AppealErrors.ExplanationRequired;
        }

        MoveTo(AppealStatus.ToBeReturned, actor, now, TimelineKind.MarkedIncomplete, $"Звернення не містить обов'язкових даних: {whatIsMissing.Trim()}");
        ChangeDueAt(actor, now, policy.ReturnDueAt(RegisteredAt), DueDateChangeKind.Return, "Строк повернення заявнику — 10 днів (ст. 5, 7 Закону)");
        return Common.Result.Success();
    }

    public Result ReturnToApplicant(Actor actor, DateTimeOffset now, string explanation)
    {
        if (CheckDepartment(actor) is { } denied)
        {
            return denied;
        }

        if (Status != AppealStatus.ToBeReturned)
        {
            return AppealErrors.NotToBeReturned;
        }

        if (string.IsNullOrWhiteSpace(explanation))
        {
            return AppealErrors.ExplanationRequired;
        }

        Result = AppealResult.ReturnedToAuthor;
        Resolution = explanation.Trim();
        MarkClosed(now);
        MoveTo(AppealStatus.ReturnedToApplicant, actor, now, TimelineKind.ReturnedToApplicant, $"Повернуто заявнику: {Resolution}");
        return Common.Result.Success();
    }

    /// <summary>
    /// Law art. 8 and §2.5: a repeat of an appeal already decided on the merits, or one with calls to hatred, is left
    /// without consideration, with the reason recorded.
    /// </summary>
    public Result LeaveWithoutConsideration(Actor actor, DateTimeOffset now, string reason)
    {
        if (CheckDepartment(actor) is { } denied)
        {
            return denied;
        }

        if (Status.IsTerminal())
        {
            return AppealErrors.NotBeforeWork;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return AppealErrors.DecisionReasonRequired;
        }

        CloseAllPendingRequests(actor, now, "Звернення залишено без розгляду");
        Result = AppealResult.LeftWithoutConsideration;
        Resolution = reason.Trim();
        MarkClosed(now);
        MoveTo(AppealStatus.LeftWithoutConsideration, actor, now, TimelineKind.LeftWithoutConsideration, $"Залишено без розгляду: {Resolution}");
        return Common.Result.Success();
    }
}
