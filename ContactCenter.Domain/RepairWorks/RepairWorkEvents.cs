using ContactCenter.Domain.Common;

namespace ContactCenter.Domain.RepairWorks;

public sealed record RepairWorkRegistered(
    Guid RepairWorkId,
    Guid ExecutorId,
    RepairWorkKind Kind,
    UtilityService Service,
    RepairWorkStatus Status,
    DateTimeOffset PlannedStart,
    DateTimeOffset PlannedEnd,
    DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record RepairWorkStarted(
    Guid RepairWorkId,
    Guid ExecutorId,
    RepairWorkKind Kind,
    UtilityService Service,
    DateTimeOffset ActualStart,
    DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>Planned dates moved before the start, or the expected end of works under way pushed later.</summary>
public sealed record RepairWorkRescheduled(
    Guid RepairWorkId,
    Guid ExecutorId,
    UtilityService Service,
    DateTimeOffset PlannedStart,
    DateTimeOffset PlannedEnd,
    DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record RepairWorkCompleted(
    Guid RepairWorkId,
    Guid ExecutorId,
    RepairWorkKind Kind,
    UtilityService Service,
    DateTimeOffset ActualEnd,
    DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record RepairWorkCancelled(
    Guid RepairWorkId,
    Guid ExecutorId,
    UtilityService Service,
    string Reason,
    DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>The works passed their planned end without being closed by the executor (§3.1).</summary>
public sealed record RepairWorkOverrun(
    Guid RepairWorkId,
    Guid ExecutorId,
    UtilityService Service,
    DateTimeOffset PlannedEnd,
    DateTimeOffset OccurredAt) : IDomainEvent;
