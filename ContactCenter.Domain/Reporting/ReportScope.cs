namespace ContactCenter.Domain.Reporting;

/// <summary>Whom the figures are for: the daily report goes per executor, weekly and monthly per direction, the mayor's note for the community (§4.1).</summary>
public enum ScopeKind
{
    Community,
    Direction,
    Executor,
}

/// <summary>
/// The cards a report covers. A card belongs to a scope by its CURRENT executor (and that executor's
/// direction), which is all <see cref="CardFacts"/> carries; redirects are attributed to the executor they left.
/// </summary>
/// <param name="Kind">Community, a direction or an executor.</param>
/// <param name="Id">The direction's or executor's id; null for the community.</param>
public sealed record ReportScope(ScopeKind Kind, Guid? Id)
{
    public Guid? Id { get; init; } = (Kind, Id) switch
    {
        (ScopeKind.Community, null) => null,
        (ScopeKind.Community, _) => throw new ArgumentException("The community scope has no id.", nameof(Id)),
        (ScopeKind.Direction or ScopeKind.Executor, { } id) => id,
        (ScopeKind.Direction or ScopeKind.Executor, null) => throw new ArgumentException($"A {Kind} scope needs an id.", nameof(Id)),
        _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "Unknown scope kind."),
    };

    /// <summary>The whole territorial community (громада): every card.</summary>
    public static readonly ReportScope Community = new(ScopeKind.Community, null);

    public static ReportScope Direction(Guid directionId) => new(ScopeKind.Direction, directionId);

    public static ReportScope Executor(Guid executorId) => new(ScopeKind.Executor, executorId);
}
