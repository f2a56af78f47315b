using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Common;
using ContactCenter.Portal.Features.Public;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Features.Appeals;

/// <summary>
/// What a person filled in for an action on the card page. Only the fields an action uses are read; a date is a
/// Kyiv calendar day and becomes the end of that day (terms end at the end of their last day).
/// </summary>
public sealed record CardActionInput
{
    public string Text { get; init; } = string.Empty;

    public bool IsPublic { get; init; }

    public DateOnly? Date { get; init; }

    public Guid? ExecutorId { get; init; }

    public Guid? RequestId { get; init; }

    public AppealResult? Result { get; init; }

    public string? PlanName { get; init; }

    public IReadOnlyCollection<Guid> Proof { get; init; } = [];

    public string? PerformerUserId { get; init; }

    public QualityCheckKind CheckKind { get; init; } = QualityCheckKind.Sample;

    public QualityCheckResult CheckResult { get; init; } = QualityCheckResult.Confirmed;

    public DepartmentControlReason ControlReason { get; init; } = DepartmentControlReason.Conflict;

    public string? MayorName { get; init; }

    public string? CompetentBody { get; init; }

    /// <summary>For linking the card to repair works (§3.1).</summary>
    public Guid? RepairWorkId { get; init; }

    /// <summary>For a decision on a request: approve (true) or reject (false).</summary>
    public bool Approve { get; init; } = true;
}

public static class CardActionErrors
{
    public static readonly Error ExecutorRequired = new("Card.ExecutorRequired", "Оберіть виконавця.");
    public static readonly Error DateRequired = new("Card.DateRequired", "Вкажіть дату.");
    public static readonly Error ResultRequired = new("Card.ResultRequired", "Оберіть результат розгляду.");
    public static readonly Error PerformerRequired = new("Card.PerformerRequired", "Оберіть працівника.");
    public static readonly Error RequestRequired = new("Card.RequestRequired", "Оберіть запит.");
    public static readonly Error RepairWorkNotLinkable = new(
        "Card.RepairWorkNotLinkable",
        "Ці ремонтні роботи вже завершено або скасовано, або вони не стосуються адреси звернення і не належать його виконавцю.");
    public static readonly Error NotAvailable = new("Card.NotAvailable", "Ця дія зараз недоступна.");
}

/// <summary>
/// Runs an action of the card page: turns the form's input into the domain transition and runs it through
/// <see cref="CardCommand"/> (access by data, staleness, save). The domain decides every rule.
/// Closing a card queues the applicant's confirmation letter (§4.1) in the same save.
/// </summary>
public sealed class CardActions(CardCommand command, PublicLinks? links = null, NavigationManager? navigation = null)
{
    public Task<Result> ExecuteAsync(string number, int? seenVersion, Actor? actor, CardAction action, CardActionInput input, CancellationToken cancellationToken = default) =>
        command.ExecuteAsync(number, seenVersion, actor, async (card, context) =>
        {
            var result = await RunAsync(card, context, action, input, cancellationToken);
            if (result.IsSuccess && IsClosing(action, card, input))
            {
                PublicLetters.QueueConfirmation(context.Db, card, PublicBase(), context.Now);
            }

            return result;
        }, cancellationToken);

    // The Department closes a card itself or by approving the executor's closure request (§2.4).
    private static bool IsClosing(CardAction action, Appeal card, CardActionInput input) =>
        card.Status == AppealStatus.Closed
        && (action == CardAction.Close
            || (action == CardAction.DecideRequests && input.Approve && card.Requests.Any(r => r.Id == input.RequestId && r.Kind == RequestKind.Closure)));

    /// <summary>Where the links in letters point: the configured public address, else the address staff opened the portal at.</summary>
    private string PublicBase()
    {
        string? current = null;
        try
        {
            current = navigation?.BaseUri;
        }
        catch (InvalidOperationException)
        {
            // Not in a circuit or a request (a test, a job): only the configured address is known.
        }

        return links?.BaseFor(current) ?? current?.TrimEnd('/') ?? string.Empty;
    }

    private static async Task<Result> RunAsync(Appeal card, CardCommandContext context, CardAction action, CardActionInput input, CancellationToken cancellationToken)
    {
        var (db, actor, now, policy) = context;
        DateTimeOffset? EndOf(DateOnly? date) => date is { } d ? policy.EndOfDay(d) : null;

        switch (action)
        {
            case CardAction.TakeIntoWork:
                return card.TakeIntoWork(actor, now);
            case CardAction.Comment:
                return card.AddComment(actor, now, input.Text, input.IsPublic);
            case CardAction.AssignPerformer:
            {
                if (string.IsNullOrEmpty(input.PerformerUserId))
                {
                    return CardActionErrors.PerformerRequired;
                }

                var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == input.PerformerUserId, cancellationToken);
                return user?.ExecutorId is { } executorId
                    ? card.AssignPerformer(actor, now, new Performer(user.Id, user.FullName, executorId))
                    : AppealErrors.PerformerOfAnotherExecutor;
            }

            case CardAction.RequestRedirect:
                return card.RequestRedirect(actor, now, input.Text, input.ExecutorId);
            case CardAction.RequestExtension:
                return EndOf(input.Date) is { } proposed
                    ? card.RequestExtension(actor, now, input.Text, proposed, input.Proof)
                    : CardActionErrors.DateRequired;
            case CardAction.RequestSerPlan:
                return card.RequestPlanInclusion(actor, now, input.Text, input.Proof);
            case CardAction.ProposeClosure:
                return input.Result is { } proposedResult
                    ? card.ProposeClosure(actor, now, input.Text, proposedResult, input.Proof)
                    : CardActionErrors.ResultRequired;
            case CardAction.DecideRequests:
                return await DecideAsync(card, context, input, cancellationToken);
            case CardAction.Redirect:
            {
                var executor = input.ExecutorId is { } id ? await db.Executors.FirstOrDefaultAsync(e => e.Id == id, cancellationToken) : null;
                return executor is null ? CardActionErrors.ExecutorRequired : card.Redirect(actor, now, executor, input.Text);
            }

            case CardAction.Close:
                return input.Result is { } result ? card.Close(actor, now, result, input.Text) : CardActionErrors.ResultRequired;
            case CardAction.ReturnToWork:
                return card.ReturnToWork(actor, now, input.Text);
            case CardAction.RecordCheck:
                return card.RecordCheck(actor, now, input.CheckKind, input.CheckResult, input.Text);
            case CardAction.PutOnDepartmentControl:
                return card.PutOnDepartmentControl(actor, now, input.ControlReason, input.Text);
            case CardAction.MarkOutsideCompetence:
                return card.MarkOutsideCompetence(actor, now, policy, input.Text);
            case CardAction.Forward:
                return card.Forward(actor, now, input.CompetentBody ?? string.Empty, input.Text);
            case CardAction.MarkIncomplete:
                return card.MarkIncomplete(actor, now, policy, input.Text);
            case CardAction.ReturnToApplicant:
                return card.ReturnToApplicant(actor, now, input.Text);
            case CardAction.LeaveWithoutConsideration:
                return card.LeaveWithoutConsideration(actor, now, input.Text);
            case CardAction.LinkRepairWork:
            {
                if (input.RepairWorkId is not { } workId)
                {
                    return AppealErrors.RepairWorkRequired;
                }

                var work = await db.RepairWorks.AsNoTracking().FirstOrDefaultAsync(w => w.Id == workId, cancellationToken);
                return work is not null && CardDetailsQuery.IsLinkable(work, card)
                    ? card.LinkRepairWork(actor, now, work.Id, RepairWorks.RepairWorkNames.Describe(work))
                    : CardActionErrors.RepairWorkNotLinkable;
            }

            default:
                return CardActionErrors.NotAvailable;
        }
    }

    /// <summary>Removes a card's link to repair works made by mistake (the card's executor side or the Department, card open).</summary>
    public Task<Result> UnlinkRepairWorkAsync(string number, int? seenVersion, Actor? actor, Guid repairWorkId, CancellationToken cancellationToken = default) =>
        command.ExecuteAsync(number, seenVersion, actor, async (card, context) =>
        {
            var work = await context.Db.RepairWorks.AsNoTracking().FirstOrDefaultAsync(w => w.Id == repairWorkId, cancellationToken);
            return card.UnlinkRepairWork(context.Actor, context.Now, repairWorkId, work is null ? string.Empty : RepairWorks.RepairWorkNames.Describe(work));
        }, cancellationToken);

    /// <summary>§2.4: the Department decides an executor's request, approving it with what it needs or refusing it with a reason.</summary>
    private static async Task<Result> DecideAsync(Appeal card, CardCommandContext context, CardActionInput input, CancellationToken cancellationToken)
    {
        var (db, actor, now, policy) = context;
        var request = card.Requests.FirstOrDefault(r => r.Id == input.RequestId);
        if (request is null)
        {
            return CardActionErrors.RequestRequired;
        }

        if (!input.Approve)
        {
            return card.RejectRequest(actor, now, request.Id, input.Text);
        }

        switch (request.Kind)
        {
            case RequestKind.Redirect:
            {
                var target = input.ExecutorId ?? request.SuggestedExecutorId;
                var executor = target is { } id ? await db.Executors.FirstOrDefaultAsync(e => e.Id == id, cancellationToken) : null;
                return executor is null ? CardActionErrors.ExecutorRequired : card.ApproveRedirect(actor, now, request.Id, executor, input.Text);
            }

            case RequestKind.Extension:
            {
                var due = input.Date is { } date ? policy.EndOfDay(date) : request.ProposedDueAt;
                if (due is null)
                {
                    return CardActionErrors.DateRequired;
                }

                var mayor = string.IsNullOrWhiteSpace(input.MayorName) ? null : new MayorAcknowledgement(input.MayorName.Trim(), now, input.Text);
                return card.ApproveExtension(actor, now, request.Id, due.Value, input.Text, mayor);
            }

            case RequestKind.SerPlanInclusion:
                return card.ApprovePlanInclusion(actor, now, request.Id, input.PlanName ?? string.Empty, input.Text);
            case RequestKind.Closure:
            {
                var result = input.Result ?? request.ProposedResult;
                return result is { } r
                    ? card.Close(actor, now, r, string.IsNullOrWhiteSpace(input.Text) ? request.Justification : input.Text)
                    : CardActionErrors.ResultRequired;
            }

            default:
                return CardActionErrors.NotAvailable;
        }
    }
}
