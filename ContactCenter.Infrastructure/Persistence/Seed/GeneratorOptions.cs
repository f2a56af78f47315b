using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Common;

namespace ContactCenter.Infrastructure.Persistence.Seed;

/// <summary>What <see cref="HistoryGenerator"/> produces: how many years of cards, how many a year, for how many executors.</summary>
public sealed class GeneratorOptions
{
    /// <summary>Length of the history before <see cref="EndAt"/>, unless <see cref="StartAt"/> is given.</summary>
    public double Years { get; init; } = 1;

    /// <summary>Where the history starts; overrides <see cref="Years"/>.</summary>
    public DateTimeOffset? StartAt { get; init; }

    /// <summary>Cards registered in a year: about 12 000 for a town like Pyriatyn, 1 200 000 for Kyiv.</summary>
    public int CardsPerYear { get; init; } = 12_000;

    /// <summary>Executors the history is spread over; synthetic directions, executors and problems are added when fewer exist.</summary>
    public int Executors { get; init; }

    public int RandomSeed { get; init; } = 360;

    /// <summary>"Now": the history ends here, and no transition is dated after it.</summary>
    public required DateTimeOffset EndAt { get; init; }

    /// <summary>Cards per <c>SaveChanges</c>.</summary>
    public int BatchSize { get; init; } = 2_000;

    /// <summary>
    /// For demonstrations: the last days of the history also hold a web appeal waiting to be returned to its author and
    /// one waiting to be forwarded, states too short-lived to be sure to appear by chance.
    /// </summary>
    public bool EnsureEveryStatus { get; init; }

    /// <summary>Who acts on the cards; synthetic actors when not given.</summary>
    public HistoryActors? Actors { get; init; }
}

/// <summary>The responsible person and the performers of one executor.</summary>
public sealed record ExecutorStaff(Actor Responsible, IReadOnlyList<Performer> Performers);

/// <summary>The people who act on generated cards: the Department's operator, the mayor, executors' staff.</summary>
public sealed record HistoryActors(Actor Operator, string MayorName, IReadOnlyDictionary<Guid, ExecutorStaff> Staff);

/// <summary>What a generator run inserted.</summary>
public sealed record HistoryResult(int Cards, long TimelineEntries, IReadOnlyDictionary<AppealStatus, int> ByStatus, int OverdueAtEnd, int InSerPlan, int Extended, int Repeats);
