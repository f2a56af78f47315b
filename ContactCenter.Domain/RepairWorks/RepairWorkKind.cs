namespace ContactCenter.Domain.RepairWorks;

/// <summary>The two kinds of repair works of §3.1; they differ in when they must be registered.</summary>
public enum RepairWorkKind
{
    /// <summary>Планово-попереджувальні (ППР): registered not less than a day before they start.</summary>
    Planned,

    /// <summary>Аварійні: registered online as soon as the emergency happens.</summary>
    Emergency,
}
