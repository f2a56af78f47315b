namespace ContactCenter.Domain.Reporting;

/// <summary>A ranked line of the analytical note: a problem, an executor, an issue, with its count.</summary>
public sealed record Ranked<TKey>(TKey Key, string Name, int Count);

/// <summary>
/// The "top" lists of the analytical note to the mayor (§4.1): most frequent problems, executors with most overdue
/// cards, most repeated issues. Ties go by name so the list is the same every time it is built.
/// </summary>
public static class Ranking
{
    public const int DefaultSize = 10;

    public static IReadOnlyList<Ranked<TKey>> Top<TKey>(IEnumerable<(TKey Key, string Name, int Count)> items, int size = DefaultSize)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        return items
            .Where(i => i.Count > 0)
            .OrderByDescending(i => i.Count)
            .ThenBy(i => i.Name, StringComparer.Ordinal)
            .Take(size)
            .Select(i => new Ranked<TKey>(i.Key, i.Name, i.Count))
            .ToList();
    }

    /// <summary>How many of <paramref name="cards"/> fall under each key, for <see cref="Top{TKey}"/>.</summary>
    public static IEnumerable<(TKey Key, string Name, int Count)> CountBy<TCard, TKey>(
        IEnumerable<TCard> cards, Func<TCard, TKey> key, Func<TKey, string> name)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(cards);
        return cards.GroupBy(key).Select(g => (g.Key, name(g.Key), g.Count()));
    }
}
