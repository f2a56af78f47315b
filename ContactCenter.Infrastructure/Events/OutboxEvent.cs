using ContactCenter.Domain.Appeals;

namespace ContactCenter.Infrastructure.Events;

/// <summary>
/// A change of a card as the live screens need it, written in the same transaction as the change (design decision 6).
/// <see cref="Sequence"/> orders all events of the system; a screen that reconnects asks for everything after the last
/// sequence it saw, so a card is never missing because a message was dropped.
/// </summary>
public sealed class OutboxEvent
{
    private OutboxEvent()
    {
        RegistrationNumber = string.Empty;
        Kind = string.Empty;
        Status = string.Empty;
    }

    public long Sequence { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public Guid AppealId { get; private set; }

    public string RegistrationNumber { get; private set; }

    /// <summary>Registered, Redirected, StatusChanged, Commented, DeadlineChanged, Overdue, …</summary>
    public string Kind { get; private set; }

    public Guid ExecutorId { get; private set; }

    public Guid? PreviousExecutorId { get; private set; }

    public Guid DirectionId { get; private set; }

    public DateTimeOffset DueAt { get; private set; }

    public string Status { get; private set; }

    public static OutboxEvent From(AppealChanged change, Appeal card) => new()
    {
        OccurredAt = change.OccurredAt,
        AppealId = change.AppealId,
        RegistrationNumber = card.Number ?? string.Empty,
        Kind = change.Kind.ToString(),
        ExecutorId = change.ExecutorId,
        PreviousExecutorId = change.PreviousExecutorId,
        DirectionId = card.DirectionId,
        DueAt = change.DueAt,
        Status = change.Status.ToString(),
    };
}
