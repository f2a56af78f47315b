using ContactCenter.Domain.Common;

namespace ContactCenter.Domain.Appeals;

/// <summary>The actions a card offers; the card page shows only those the person may take now.</summary>
public enum CardAction
{
    TakeIntoWork,
    AssignPerformer,
    Comment,
    Attach,
    RequestRedirect,
    RequestExtension,
    RequestSerPlan,
    ProposeClosure,
    DecideRequests,
    Redirect,
    Close,
    ReturnToWork,
    RecordCheck,
    PutOnDepartmentControl,
    MarkOutsideCompetence,
    Forward,
    MarkIncomplete,
    ReturnToApplicant,
    LeaveWithoutConsideration,
    LinkRepairWork,
}

public sealed partial class Appeal
{
    /// <summary>
    /// What <paramref name="actor"/> may do with the card in its current state: the same conditions the transitions
    /// check first, so a button is shown exactly when its action can pass the rights and state checks.
    /// </summary>
    public IReadOnlySet<CardAction> AvailableActions(Actor actor)
    {
        var actions = new HashSet<CardAction>();
        var executorSide = IsExecutorSide(actor);
        var withExecutor = Status.IsWithExecutor();
        var department = actor.IsDepartment;

        if (executorSide || actor.Role is Role.Deputy or Role.Manager or Role.Mayor)
        {
            actions.Add(CardAction.Comment);
        }

        if (executorSide && IsOpen)
        {
            actions.Add(CardAction.LinkRepairWork);
        }

        if (executorSide)
        {
            actions.Add(CardAction.Attach);
            if (Status == AppealStatus.Registered)
            {
                actions.Add(CardAction.TakeIntoWork);
            }

            if (withExecutor)
            {
                actions.Add(CardAction.AssignPerformer);
            }

            if (withExecutor && Status != AppealStatus.ProposedForClosure)
            {
                AddUnlessPending(actions, CardAction.RequestRedirect, RequestKind.Redirect);
                AddUnlessPending(actions, CardAction.RequestExtension, RequestKind.Extension);
                if (!IsInSerPlan)
                {
                    AddUnlessPending(actions, CardAction.RequestSerPlan, RequestKind.SerPlanInclusion);
                }

                actions.Add(CardAction.ProposeClosure);
            }
        }

        if (!department)
        {
            return actions;
        }

        if (requests.Any(r => r.State == RequestState.Pending))
        {
            actions.Add(CardAction.DecideRequests);
        }

        if (withExecutor)
        {
            actions.UnionWith([CardAction.Redirect, CardAction.Close, CardAction.MarkOutsideCompetence]);
        }

        if (Status is AppealStatus.ProposedForClosure or AppealStatus.Closed)
        {
            actions.UnionWith([CardAction.ReturnToWork, CardAction.RecordCheck]);
        }

        if (!OnDepartmentControl)
        {
            actions.Add(CardAction.PutOnDepartmentControl);
        }

        if (Status == AppealStatus.ToBeForwarded)
        {
            actions.Add(CardAction.Forward);
        }

        if (Status == AppealStatus.Registered && Channel != Channel.Phone)
        {
            actions.Add(CardAction.MarkIncomplete);
        }

        if (Status == AppealStatus.ToBeReturned)
        {
            actions.Add(CardAction.ReturnToApplicant);
        }

        if (!Status.IsTerminal())
        {
            actions.Add(CardAction.LeaveWithoutConsideration);
        }

        return actions;
    }

    private void AddUnlessPending(HashSet<CardAction> actions, CardAction action, RequestKind kind)
    {
        if (PendingRequest(kind) is null)
        {
            actions.Add(action);
        }
    }
}
