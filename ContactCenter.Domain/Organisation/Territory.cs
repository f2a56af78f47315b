namespace ContactCenter.Domain.Organisation;

public enum TerritoryKind
{
    /// <summary>The city itself.</summary>
    City,

    /// <summary>Старостинський округ: villages served by a starosta.</summary>
    StarostaDistrict,
}

/// <summary>
/// A part of the hromada: the city or a starosta district. The classifier routes a problem to a different executor
/// per territory (the starosta of a village instead of a city department).
/// </summary>
public sealed class Territory
{
    private readonly List<string> settlements = [];

    private Territory()
    {
        Name = string.Empty;
    }

    public Territory(Guid id, string name, TerritoryKind kind, IEnumerable<string>? settlements = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Id = id;
        Name = name.Trim();
        Kind = kind;
        if (settlements is not null)
        {
            this.settlements.AddRange(settlements.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()));
        }
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    public TerritoryKind Kind { get; private set; }

    /// <summary>The villages (or the city) that make up this territory.</summary>
    public IReadOnlyList<string> Settlements => settlements;

    /// <summary>
    /// Whether an address names one of this territory's settlements ("с. Сасинівка, вул. Набережна, 37"), so the
    /// classifier can route a village's problem to its starosta without the operator choosing the territory.
    /// </summary>
    public bool Covers(string address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return false;
        }

        var words = Words(address);
        return settlements.Any(s =>
        {
            var name = Words(s);
            return name.Length > 0 && Enumerable.Range(0, words.Length - name.Length + 1).Any(i => words.Skip(i).Take(name.Length).SequenceEqual(name));
        });
    }

    /// <summary>The territory an address lies in: the first whose settlement it names, else none.</summary>
    public static Territory? Of(IEnumerable<Territory> territories, string address) =>
        territories.FirstOrDefault(t => t.Kind == TerritoryKind.StarostaDistrict && t.Covers(address))
        ?? territories.FirstOrDefault(t => t.Covers(address));

    // Settlement prefixes (м., с., смт) are not part of the name.
    private static string[] Words(string text) =>
        text.ToLowerInvariant()
            .Replace('’', '\'')
            .Split([' ', ',', '.', ';', '(', ')'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w is not ("м" or "с" or "смт" or "село" or "місто" or "селище"))
            .ToArray();
}
