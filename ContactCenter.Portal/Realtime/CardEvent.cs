using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Common;
using ContactCenter.Infrastructure.Events;

namespace ContactCenter.Portal.Realtime;

/// <summary>What a live screen receives about a card (the hub's <c>CardChanged</c> message).</summary>
public sealed record CardEvent(
    long Sequence,
    string RegistrationNumber,
    string Kind,
    Guid ExecutorId,
    Guid? PreviousExecutorId,
    Guid DirectionId,
    DateTimeOffset DueAt,
    string Status,
    DateTimeOffset OccurredAt)
{
    public static CardEvent From(OutboxEvent e) =>
        new(e.Sequence, e.RegistrationNumber, e.Kind, e.ExecutorId, e.PreviousExecutorId, e.DirectionId, e.DueAt, e.Status, e.OccurredAt);

    /// <summary>
    /// Who may receive it: the same rule as for seeing the card (<see cref="CardAccess"/>); a redirected card is also
    /// told to the executor it left, so it can leave that queue.
    /// </summary>
    public bool IsFor(Actor actor)
    {
        var scope = CardAccess.ScopeOf(actor);
        return scope.Includes(ExecutorId, DirectionId)
            || (PreviousExecutorId is { } previous && scope.Kind == CardScopeKind.Executor && scope.ExecutorId == previous);
    }
}
