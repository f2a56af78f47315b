using ContactCenter.Domain.Common;

namespace ContactCenter.Domain.Organisation;

/// <summary>
/// Напрямок: a field of the council's work curated by a deputy mayor, who controls its executors' compliance
/// (decision No. 360, item 3; regulation §4.1).
/// </summary>
public sealed class Direction
{
    private Direction()
    {
        Name = string.Empty;
        DeputyName = string.Empty;
    }

    public Direction(Guid id, string name, string deputyName, string? deputyUserId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Id = id;
        Name = name.Trim();
        DeputyName = deputyName.Trim();
        DeputyUserId = deputyUserId;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>The deputy mayor who curates the direction, as shown in reports.</summary>
    public string DeputyName { get; private set; }

    /// <summary>The deputy's user account, once one exists.</summary>
    public string? DeputyUserId { get; private set; }

    public void AssignDeputy(string deputyName, string? deputyUserId)
    {
        DeputyName = deputyName.Trim();
        DeputyUserId = deputyUserId;
    }

    public void Rename(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name.Trim();
    }
}
