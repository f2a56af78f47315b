using ContactCenter.Domain.Common;

namespace ContactCenter.Domain.Appeals;

public enum CardScopeKind
{
    /// <summary>The Department, the manager of affairs and the mayor see every card.</summary>
    All,

    /// <summary>An executor's people see their executor's cards.</summary>
    Executor,

    /// <summary>A deputy sees the cards of the executors of their directions.</summary>
    Directions,

    /// <summary>Nobody else sees cards in the portal (citizens use the public status page).</summary>
    None,
}

/// <summary>Which cards a person may see: one rule for lists (as a scope) and for a single card.</summary>
public sealed record CardScope(CardScopeKind Kind, Guid? ExecutorId, IReadOnlyList<Guid> DirectionIds)
{
    public static readonly CardScope All = new(CardScopeKind.All, null, []);
    public static readonly CardScope Nothing = new(CardScopeKind.None, null, []);

    public bool Includes(Guid executorId, Guid directionId) => Kind switch
    {
        CardScopeKind.All => true,
        CardScopeKind.Executor => ExecutorId == executorId,
        CardScopeKind.Directions => DirectionIds.Contains(directionId),
        _ => false,
    };
}

public static class CardAccess
{
    /// <summary>
    /// The Department sees all (§2.4); an executor's people only their own executor's cards (§3.1); a deputy the
    /// executors of their directions and the manager of affairs and the mayor all directions (§4.1).
    /// </summary>
    public static CardScope ScopeOf(Actor actor) => actor.Role switch
    {
        Role.Operator or Role.Admin or Role.Manager or Role.Mayor or Role.System => CardScope.All,
        Role.ExecutorResponsible or Role.Performer or Role.ExecutorHead when actor.ExecutorId is { } executorId =>
            new CardScope(CardScopeKind.Executor, executorId, []),
        Role.Deputy => new CardScope(CardScopeKind.Directions, null, actor.DirectionIds ?? []),
        _ => CardScope.Nothing,
    };

    public static bool CanView(Actor actor, Appeal appeal) => ScopeOf(actor).Includes(appeal.ExecutorId, appeal.DirectionId);
}
