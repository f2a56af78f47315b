namespace ContactCenter.Domain.Deadlines;

public enum DeadlineState
{
    OnTime,
    AtRisk,
    Overdue,
}
