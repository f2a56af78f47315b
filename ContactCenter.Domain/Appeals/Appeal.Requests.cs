using ContactCenter.Domain.Common;
using ContactCenter.Domain.Organisation;

namespace ContactCenter.Domain.Appeals;

// The executor's motivated requests (§3.3, §3.4) and the Department's decisions on them (§2.4).
public sealed partial class Appeal
{
    private static Error? CheckDepartment(Actor actor) => actor.IsDepartment ? null : AppealErrors.NotDepartment;

    private Result<ExecutorRequest> Submit(RequestKind kind, Actor actor, DateTimeOffset now, string justification, IReadOnlyCollection<Guid> proof, bool proofRequired)
    {
        if ((CheckExecutorSide(actor) ?? CheckWithExecutor()) is { } error)
        {
            return error;
        }

        if (Status == AppealStatus.ProposedForClosure && kind != RequestKind.Closure)
        {
            return AppealErrors.NotOpen;
        }

        if (string.IsNullOrWhiteSpace(justification))
        {
            return kind == RequestKind.Closure ? AppealErrors.ReportRequired : AppealErrors.JustificationRequired;
        }

        if (justification.Length > MaxTextLength)
        {
            return AppealErrors.CommentTooLong;
        }

        // §3.3: extension and SER requests are "документально підтверджений (з прикріпленням актів, службових, фото)".
        var knownProof = proof.Where(id => attachments.Any(a => a.Id == id)).Distinct().ToList();
        if (proofRequired && knownProof.Count == 0)
        {
            return AppealErrors.ProofRequired;
        }

        if (PendingRequest(kind) is not null)
        {
            return AppealErrors.RequestAlreadyPending;
        }

        var request = new ExecutorRequest(kind, actor, now, justification, knownProof);
        requests.Add(request);
        return request;
    }

    private Result<ExecutorRequest> FindPending(Guid requestId, RequestKind kind)
    {
        var request = requests.FirstOrDefault(r => r.Id == requestId);
        if (request is null)
        {
            return AppealErrors.RequestNotFound;
        }

        if (request.Kind != kind)
        {
            return AppealErrors.RequestOfAnotherKind;
        }

        return request.State == RequestState.Pending ? request : AppealErrors.RequestAlreadyDecided;
    }

    /// <summary>§3.3: the executor asks to change the executor when the appeal is not within its competence.</summary>
    public Result<Guid> RequestRedirect(Actor actor, DateTimeOffset now, string justification, Guid? suggestedExecutorId = null)
    {
        var submitted = Submit(RequestKind.Redirect, actor, now, justification, [], proofRequired: false);
        if (submitted.IsFailure)
        {
            return submitted.Error;
        }

        submitted.Value.SuggestedExecutorId = suggestedExecutorId;
        Record(actor, now, TimelineKind.RequestSubmitted, $"Запит на переадресацію: {justification.Trim()}", null, AppealNames.Of(RequestKind.Redirect));
        Raise(AppealChangeKind.RequestSubmitted, now);
        return submitted.Value.Id;
    }

    /// <summary>§2.4: the Department changes the executor on the executor's request.</summary>
    public Result ApproveRedirect(Actor actor, DateTimeOffset now, Guid requestId, Executor newExecutor, string reason)
    {
        if (CheckDepartment(actor) is { } denied)
        {
            return denied;
        }

        var found = FindPending(requestId, RequestKind.Redirect);
        if (found.IsFailure)
        {
            return found.Error;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return AppealErrors.DecisionReasonRequired;
        }

        if (RedirectError(newExecutor) is { } error)
        {
            return error;
        }

        found.Value.Decide(true, actor, now, reason);
        MoveToExecutor(actor, now, newExecutor, reason);
        return Common.Result.Success();
    }

    /// <summary>§2.4: the Department redirects on its own initiative (e.g. an operator's routing mistake).</summary>
    public Result Redirect(Actor actor, DateTimeOffset now, Executor newExecutor, string reason)
    {
        if (CheckDepartment(actor) is { } denied)
        {
            return denied;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return AppealErrors.DecisionReasonRequired;
        }

        if (RedirectError(newExecutor) is { } error)
        {
            return error;
        }

        PendingRequest(RequestKind.Redirect)?.Decide(true, actor, now, reason);
        MoveToExecutor(actor, now, newExecutor, reason);
        return Common.Result.Success();
    }

    private Error? RedirectError(Executor newExecutor)
    {
        if (CheckWithExecutor() is { } notOpen)
        {
            return notOpen;
        }

        if (newExecutor.Id == ExecutorId)
        {
            return AppealErrors.RedirectToSameExecutor;
        }

        if (!newExecutor.IsActive)
        {
            return AppealErrors.ExecutorInactive;
        }

        // Law art. 7: a complaint never goes to the body whose actions it complains about.
        return Kind == AppealKind.Complaint && ComplainedAboutExecutorId == newExecutor.Id
            ? AppealErrors.ComplaintAgainstExecutor
            : null;
    }

    /// <summary>When a card leaves the executor, nothing the executor asked for can stay waiting for a decision.</summary>
    private void CloseAllPendingRequests(Actor actor, DateTimeOffset now, string reason)
    {
        foreach (var pending in requests.Where(r => r.State == RequestState.Pending))
        {
            pending.Decide(false, actor, now, reason);
        }
    }

    private void MoveToExecutor(Actor actor, DateTimeOffset now, Executor newExecutor, string reason)
    {
        var previous = ExecutorId;
        redirects.Add(new RedirectRecord(now, previous, newExecutor.Id, reason.Trim()));
        ExecutorId = newExecutor.Id;
        DirectionId = newExecutor.DirectionId;

        // The new executor appoints its own people and starts from "registered"; the legal term still runs from receipt.
        performers.Clear();
        CloseAllPendingRequests(actor, now, "Картку переадресовано");

        var oldStatus = Status;
        ChangeStatus(AppealStatus.Registered);
        Record(actor, now, TimelineKind.Redirected, $"Переадресовано виконавцю {newExecutor.Name}: {reason.Trim()}", previous.ToString(), newExecutor.Id.ToString(), isPublic: true);
        if (oldStatus != AppealStatus.Registered)
        {
            Record(actor, now, TimelineKind.Redirected, "Статус після переадресації", AppealNames.Of(oldStatus), AppealNames.Of(AppealStatus.Registered));
        }

        Raise(AppealChangeKind.Redirected, now, previous);
    }

    /// <summary>
    /// §3.3: a request for additional control when the work takes longer than the normative term, justified and with
    /// proof attached.
    /// </summary>
    public Result<Guid> RequestExtension(Actor actor, DateTimeOffset now, string justification, DateTimeOffset proposedDueAt, IReadOnlyCollection<Guid> proof)
    {
        if ((CheckExecutorSide(actor) ?? CheckWithExecutor()) is { } refused)
        {
            return refused;
        }

        if (proposedDueAt <= DueAt)
        {
            return AppealErrors.ExtensionNotLater;
        }

        if (proposedDueAt > MaxDueAt)
        {
            return AppealErrors.ExtensionPastLegalLimit;
        }

        var submitted = Submit(RequestKind.Extension, actor, now, justification, proof, proofRequired: true);
        if (submitted.IsFailure)
        {
            return submitted.Error;
        }

        submitted.Value.ProposedDueAt = proposedDueAt;
        Record(actor, now, TimelineKind.RequestSubmitted, $"Запит на додатковий контроль до {KyivTime.Format(proposedDueAt)}: {justification.Trim()}", null, AppealNames.Of(RequestKind.Extension));
        Raise(AppealChangeKind.RequestSubmitted, now);
        return submitted.Value.Id;
    }

    /// <summary>
    /// §2.4: the Department agrees a later due date. Law art. 20: never past 45 days from receipt. §3.3: after an
    /// additional control was breached, a further one needs the mayor's knowledge, recorded here.
    /// </summary>
    public Result ApproveExtension(Actor actor, DateTimeOffset now, Guid requestId, DateTimeOffset newDueAt, string reason, MayorAcknowledgement? mayor = null)
    {
        if (CheckDepartment(actor) is { } denied)
        {
            return denied;
        }

        var found = FindPending(requestId, RequestKind.Extension);
        if (found.IsFailure)
        {
            return found.Error;
        }

        if (CheckWithExecutor() is { } notOpen)
        {
            return notOpen;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return AppealErrors.DecisionReasonRequired;
        }

        if (newDueAt <= DueAt)
        {
            return AppealErrors.ExtensionNotLater;
        }

        if (newDueAt <= now)
        {
            return AppealErrors.ExtensionInPast;
        }

        if (newDueAt > MaxDueAt)
        {
            return AppealErrors.ExtensionPastLegalLimit;
        }

        var breached = IsAdditionalControlBreachedAt(now);
        if (breached && mayor is null)
        {
            return AppealErrors.ExtensionAfterBreachNeedsMayor;
        }

        found.Value.Decide(true, actor, now, reason);
        ExtensionCount++;
        var text = $"Надано додатковий контроль: {reason.Trim()}";
        if (breached && mayor is not null)
        {
            text += $". З відома міського голови ({mayor.MayorName}, {KyivTime.Format(mayor.AcknowledgedAt)}){(string.IsNullOrWhiteSpace(mayor.Note) ? string.Empty : ": " + mayor.Note)}";
        }

        ChangeDueAt(actor, now, newDueAt, DueDateChangeKind.Extension, text);
        return Common.Result.Success();
    }

    /// <summary>§3.3: an additional control is breached when its extended due date has passed with the card still open.</summary>
    public bool IsAdditionalControlBreachedAt(DateTimeOffset now) => ExtensionCount > 0 && IsOverdueAt(now);

    private void ChangeDueAt(Actor actor, DateTimeOffset now, DateTimeOffset newDueAt, DueDateChangeKind kind, string reason)
    {
        var old = DueAt;
        DueAt = newDueAt;
        dueDates.Add(new DueDateRecord(now, newDueAt, kind, reason));
        if (newDueAt > now)
        {
            // A later due date is watched afresh: it may become at risk and overdue again.
            OverdueMarkedAt = null;
            AtRiskMarkedAt = null;
        }

        Record(actor, now, TimelineKind.DueDateChanged, $"{reason}. Строк виконання: {KyivTime.Format(newDueAt)}", KyivTime.Format(old), KyivTime.Format(newDueAt), isPublic: true);
        Raise(AppealChangeKind.DeadlineChanged, now);
    }

    /// <summary>§3.3: a request to include the appeal in the SER plans when the work needs budget funding and long-term planning.</summary>
    public Result<Guid> RequestPlanInclusion(Actor actor, DateTimeOffset now, string justification, IReadOnlyCollection<Guid> proof)
    {
        if ((CheckExecutorSide(actor) ?? CheckWithExecutor()) is { } refused)
        {
            return refused;
        }

        if (IsInSerPlan)
        {
            return AppealErrors.AlreadyInSerPlan;
        }

        var submitted = Submit(RequestKind.SerPlanInclusion, actor, now, justification, proof, proofRequired: true);
        if (submitted.IsFailure)
        {
            return submitted.Error;
        }

        Record(actor, now, TimelineKind.RequestSubmitted, $"Запит на включення до планів СЕР: {justification.Trim()}", null, AppealNames.Of(RequestKind.SerPlanInclusion));
        Raise(AppealChangeKind.RequestSubmitted, now);
        return submitted.Value.Id;
    }

    /// <summary>§2.4: included in the SER plans the card leaves the overdue statistics but stays under control.</summary>
    public Result ApprovePlanInclusion(Actor actor, DateTimeOffset now, Guid requestId, string planName, string reason)
    {
        if (CheckDepartment(actor) is { } denied)
        {
            return denied;
        }

        var found = FindPending(requestId, RequestKind.SerPlanInclusion);
        if (found.IsFailure)
        {
            return found.Error;
        }

        if (CheckWithExecutor() is { } notOpen)
        {
            return notOpen;
        }

        if (string.IsNullOrWhiteSpace(planName))
        {
            return AppealErrors.SerPlanNameRequired;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return AppealErrors.DecisionReasonRequired;
        }

        found.Value.Decide(true, actor, now, reason);
        SerPlanIncludedAt = now;
        SerPlanName = planName.Trim();
        Record(actor, now, TimelineKind.IncludedInSerPlan, $"Включено до плану СЕР «{SerPlanName}»: {reason.Trim()}", null, SerPlanName, isPublic: true);
        Raise(AppealChangeKind.StatusChanged, now);
        return Common.Result.Success();
    }

    /// <summary>§3.4: after the work is done and the question resolved on the merits, the executor proposes closure.</summary>
    public Result<Guid> ProposeClosure(Actor actor, DateTimeOffset now, string report, AppealResult result, IReadOnlyCollection<Guid>? proof = null)
    {
        if (result is not (AppealResult.ResolvedPositively or AppealResult.Refused or AppealResult.Explained))
        {
            return AppealErrors.ResultNotForClosure;
        }

        if (Status == AppealStatus.ProposedForClosure)
        {
            return AppealErrors.RequestAlreadyPending;
        }

        var submitted = Submit(RequestKind.Closure, actor, now, report, proof ?? [], proofRequired: false);
        if (submitted.IsFailure)
        {
            return submitted.Error;
        }

        submitted.Value.ProposedResult = result;
        Resolution = report.Trim();
        MoveTo(AppealStatus.ProposedForClosure, actor, now, TimelineKind.ClosureProposed, $"Запропоновано до закриття ({AppealNames.Of(result)}): {report.Trim()}");
        return submitted.Value.Id;
    }

    /// <summary>The Department refuses a request with a reason; a refused closure sends the card back to work.</summary>
    public Result RejectRequest(Actor actor, DateTimeOffset now, Guid requestId, string reason)
    {
        if (CheckDepartment(actor) is { } denied)
        {
            return denied;
        }

        var request = requests.FirstOrDefault(r => r.Id == requestId);
        if (request is null)
        {
            return AppealErrors.RequestNotFound;
        }

        if (request.State != RequestState.Pending)
        {
            return AppealErrors.RequestAlreadyDecided;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return AppealErrors.DecisionReasonRequired;
        }

        if (request.Kind == RequestKind.Closure)
        {
            return ReturnToWork(actor, now, reason);
        }

        request.Decide(false, actor, now, reason);
        Record(actor, now, TimelineKind.RequestRejected, $"Відмовлено в запиті «{AppealNames.Of(request.Kind)}»: {reason.Trim()}", null, null);
        Raise(AppealChangeKind.RequestDecided, now);
        return Common.Result.Success();
    }
}
