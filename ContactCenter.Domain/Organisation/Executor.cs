using ContactCenter.Domain.Common;

namespace ContactCenter.Domain.Organisation;

/// <summary>What kind of body an executor is (§1.2: executive bodies, state and law-enforcement bodies, enterprises…).</summary>
public enum ExecutorKind
{
    CouncilDepartment,
    UtilityCompany,
    StateBody,
    LawEnforcement,
    Starosta,
    Other,
}

/// <summary>
/// Виконавець: a body that resolves appeals (§1.2). It belongs to a direction and must appoint a responsible person
/// for the Contact Center (§3.1); its head receives the daily report (§4.1).
/// </summary>
public sealed class Executor
{
    private Executor()
    {
        Name = string.Empty;
        ShortName = string.Empty;
        HeadName = string.Empty;
    }

    public Executor(Guid id, string name, string shortName, ExecutorKind kind, Guid directionId, string headName, string? headEmail = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Id = id;
        Name = name.Trim();
        ShortName = string.IsNullOrWhiteSpace(shortName) ? Name : shortName.Trim();
        Kind = kind;
        DirectionId = directionId;
        HeadName = headName.Trim();
        HeadEmail = headEmail;
        IsActive = true;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    public string ShortName { get; private set; }

    public ExecutorKind Kind { get; private set; }

    public Guid DirectionId { get; private set; }

    /// <summary>Керівник виконавця: addressee of the daily report and of the Department's letters (§4.1).</summary>
    public string HeadName { get; private set; }

    public string? HeadEmail { get; private set; }

    public string? Phone { get; private set; }

    /// <summary>An executor that no longer exists keeps its history but receives no new cards.</summary>
    public bool IsActive { get; private set; }

    public void MoveToDirection(Guid directionId) => DirectionId = directionId;

    /// <summary>A new name; an empty short name falls back to the full one, as on creation.</summary>
    public void Rename(string name, string? shortName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name.Trim();
        ShortName = string.IsNullOrWhiteSpace(shortName) ? Name : shortName.Trim();
    }

    public void ChangeKind(ExecutorKind kind)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown kind of executor.");
        }

        Kind = kind;
    }

    public void ChangeHead(string headName, string? headEmail)
    {
        HeadName = headName.Trim();
        HeadEmail = headEmail;
    }

    public void SetPhone(string? phone) => Phone = phone;

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;
}
