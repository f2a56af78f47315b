using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Reporting;

namespace ContactCenter.Domain.Tests.Reporting;

/// <summary>Fixed ids so that test failures are readable and cases are reproducible.</summary>
public static class TestIds
{
    public static readonly Guid ExecutorA = Guid.Parse("aaaaaaaa-0000-0000-0000-000000000001");
    public static readonly Guid ExecutorB = Guid.Parse("bbbbbbbb-0000-0000-0000-000000000002");
    public static readonly Guid ExecutorC = Guid.Parse("cccccccc-0000-0000-0000-000000000003");
    public static readonly Guid DirectionNorth = Guid.Parse("d0000000-0000-0000-0000-00000000000a");
    public static readonly Guid DirectionSouth = Guid.Parse("d0000000-0000-0000-0000-00000000000b");

    /// <summary>A and C belong to the north direction, B to the south.</summary>
    public static Guid? DirectionOf(Guid executorId) =>
        executorId == ExecutorB ? DirectionSouth
        : executorId == ExecutorA || executorId == ExecutorC ? DirectionNorth
        : null;
}

/// <summary>
/// Builds <see cref="CardFacts"/>: by default a card of executor A (north direction), registered on
/// 10.03.2026 09:00 UTC with the initial due date 15 days later, open, not extended, not redirected.
/// </summary>
public sealed class CardFactsBuilder
{
    public static readonly DateTimeOffset DefaultRegisteredAt = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    private static int sequence;

    private readonly Guid appealId = Guid.NewGuid();
    private readonly string registrationNumber = $"КЦ-{Interlocked.Increment(ref sequence):D6}";
    private readonly List<DueDateChange> extensions = [];
    private readonly List<RedirectFact> redirects = [];
    private Guid executorId = TestIds.ExecutorA;
    private Guid? directionId = TestIds.DirectionNorth;
    private DateTimeOffset registeredAt = DefaultRegisteredAt;
    private DateTimeOffset? initialDueAt;
    private DateTimeOffset? closedAt;
    private DateTimeOffset? serPlanIncludedAt;
    private bool isRepeat;

    public CardFactsBuilder ForExecutor(Guid executor, Guid? direction)
    {
        executorId = executor;
        directionId = direction;
        return this;
    }

    /// <summary>Executor with the direction given by <see cref="TestIds.DirectionOf"/>.</summary>
    public CardFactsBuilder ForExecutor(Guid executor) => ForExecutor(executor, TestIds.DirectionOf(executor));

    public CardFactsBuilder RegisteredAt(DateTimeOffset at)
    {
        registeredAt = at;
        return this;
    }

    /// <summary>The initial due date set at registration.</summary>
    public CardFactsBuilder DueAt(DateTimeOffset dueAt)
    {
        initialDueAt = dueAt;
        return this;
    }

    /// <summary>An extension (additional control) approved at <paramref name="approvedAt"/> moving the due date to <paramref name="newDueAt"/>.</summary>
    public CardFactsBuilder ExtendedAt(DateTimeOffset approvedAt, DateTimeOffset newDueAt)
    {
        extensions.Add(new DueDateChange(approvedAt, newDueAt, DueDateChangeKind.Extension));
        return this;
    }

    public CardFactsBuilder ClosedAt(DateTimeOffset at)
    {
        closedAt = at;
        return this;
    }

    public CardFactsBuilder InSerPlanAt(DateTimeOffset at)
    {
        serPlanIncludedAt = at;
        return this;
    }

    /// <summary>Records a redirect; the current executor is set separately with <see cref="ForExecutor(Guid)"/>.</summary>
    public CardFactsBuilder RedirectedAt(DateTimeOffset at, Guid fromExecutorId, Guid toExecutorId)
    {
        redirects.Add(new RedirectFact(at, fromExecutorId, toExecutorId));
        return this;
    }

    public CardFactsBuilder Repeat()
    {
        isRepeat = true;
        return this;
    }

    public CardFacts Build()
    {
        var dueDates = new List<DueDateChange> { new(registeredAt, initialDueAt ?? registeredAt.AddDays(15), DueDateChangeKind.Initial) };
        dueDates.AddRange(extensions);
        return new CardFacts(
            appealId,
            registrationNumber,
            executorId,
            directionId,
            registeredAt,
            closedAt,
            dueDates,
            serPlanIncludedAt,
            [.. redirects],
            isRepeat);
    }

    public static implicit operator CardFacts(CardFactsBuilder builder) => builder.Build();
}
