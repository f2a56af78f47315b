namespace ContactCenter.Domain.Common;

/// <summary>A domain event: something that happened to an aggregate, raised by a successful transition.</summary>
public interface IDomainEvent
{
    DateTimeOffset OccurredAt { get; }
}

/// <summary>Base of aggregates that raise domain events; the persistence layer collects them on save.</summary>
public abstract class AggregateRoot
{
    private readonly List<IDomainEvent> domainEvents = [];

    public IReadOnlyList<IDomainEvent> DomainEvents => domainEvents;

    protected void Raise(IDomainEvent domainEvent) => domainEvents.Add(domainEvent);

    public void ClearDomainEvents() => domainEvents.Clear();
}
