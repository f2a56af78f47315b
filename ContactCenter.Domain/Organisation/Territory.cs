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
}
