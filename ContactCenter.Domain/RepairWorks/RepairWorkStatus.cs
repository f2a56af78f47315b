namespace ContactCenter.Domain.RepairWorks;

public enum RepairWorkStatus
{
    /// <summary>Registered in advance, not started yet.</summary>
    Planned,

    /// <summary>Under way: the service is cut now.</summary>
    InProgress,

    /// <summary>Closed by the executor when the works were finished (§3.1).</summary>
    Completed,

    /// <summary>A planned work that will not take place.</summary>
    Cancelled,
}
