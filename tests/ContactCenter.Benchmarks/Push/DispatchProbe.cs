using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using ContactCenter.Infrastructure.Events;
using ContactCenter.Portal.Realtime;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Benchmarks.Push;

/// <summary>
/// Timestamps along the way of each event through the server, taken by observers added to the portal's services
/// (no profiler, nothing of the portal replaced): the commit of the transaction that wrote the outbox row, the
/// dispatcher's read of the outbox that found it, the hand-over to the circuits (<see cref="OutboxDispatcher.Changed"/>),
/// and the send to the hub's groups. With the client's receipt they show where the time goes.
/// </summary>
public sealed class DispatchProbe
{
    private readonly ConcurrentDictionary<long, long> committed = new();
    private readonly ConcurrentDictionary<long, EventStamps> stamps = new();
    private long lastQueryStart;
    private long lastQueryEnd;

    /// <summary>When the transaction that wrote each outbox row committed: the start of its latency.</summary>
    public IReadOnlyDictionary<long, long> Committed => committed;

    public IReadOnlyDictionary<long, EventStamps> Stamps => stamps;

    /// <summary>Adds the observers to the portal's services (the host's <c>ConfigureServices</c>).</summary>
    public void Attach<TContext>(IServiceCollection services)
        where TContext : DbContext
    {
        services.ConfigureDbContext<TContext>(o => o.AddInterceptors(new CommitStamp(this), new OutboxReadStamp(this)));

        // The dispatcher's IHubContext<CardsHub>, wrapped to note the moment of each send. The framework registers
        // the open generic HubContext<>; the closed registration below takes precedence for CardsHub only.
        var open = services.Last(d => d.ServiceType == typeof(IHubContext<>)).ImplementationType
            ?? throw new InvalidOperationException("SignalR's hub context registration was not found.");
        services.AddSingleton<IHubContext<CardsHub>>(sp =>
            new TimedHubContext((IHubContext<CardsHub>)ActivatorUtilities.CreateInstance(sp, open.MakeGenericType(typeof(CardsHub))), this));
    }

    /// <summary>Subscribes to the dispatcher once the host is built.</summary>
    public void Observe(OutboxDispatcher dispatcher) => dispatcher.Changed += OnDispatched;

    private void OnDispatched(CardEvent change)
    {
        var now = Stopwatch.GetTimestamp();

        // The dispatcher reads, then hands over each row in order: the read it came from is the latest one.
        stamps.AddOrUpdate(
            change.Sequence,
            _ => new EventStamps { QueryStart = Interlocked.Read(ref lastQueryStart), QueryEnd = Interlocked.Read(ref lastQueryEnd), Dispatched = now },
            (_, s) => s with { QueryStart = Interlocked.Read(ref lastQueryStart), QueryEnd = Interlocked.Read(ref lastQueryEnd), Dispatched = now });
    }

    internal void Sent(CardEvent change, long start, long end) =>
        stamps.AddOrUpdate(change.Sequence, _ => new EventStamps { SendStart = start, SendEnd = end }, (_, s) => s with { SendStart = start, SendEnd = end });

    /// <summary>Stopwatch timestamps of one event in the server (0 where a step was not seen).</summary>
    public sealed record EventStamps
    {
        public long QueryStart { get; init; }

        public long QueryEnd { get; init; }

        public long Dispatched { get; init; }

        public long SendStart { get; init; }

        public long SendEnd { get; init; }
    }

    /// <summary>Notes, at commit, the sequence numbers of the outbox rows the transaction wrote.</summary>
    private sealed class CommitStamp(DispatchProbe probe) : DbTransactionInterceptor
    {
        public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
            Note(eventData, Stopwatch.GetTimestamp());

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Note(eventData, Stopwatch.GetTimestamp());
            return Task.CompletedTask;
        }

        private void Note(TransactionEndEventData eventData, long now)
        {
            if (eventData.Context is null)
            {
                return;
            }

            foreach (var entry in eventData.Context.ChangeTracker.Entries<OutboxEvent>())
            {
                if (entry.Entity.Sequence > 0)
                {
                    probe.committed.TryAdd(entry.Entity.Sequence, now);
                }
            }
        }
    }

    /// <summary>Notes when the dispatcher's read of the outbox (by sequence, ordered, limited) starts and returns.</summary>
    private sealed class OutboxReadStamp(DispatchProbe probe) : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (IsOutboxTail(command))
            {
                Interlocked.Exchange(ref probe.lastQueryStart, Stopwatch.GetTimestamp());
            }

            return ValueTask.FromResult(result);
        }

        public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            if (IsOutboxTail(command))
            {
                Interlocked.Exchange(ref probe.lastQueryEnd, Stopwatch.GetTimestamp());
            }

            return ValueTask.FromResult(result);
        }

        private static bool IsOutboxTail(DbCommand command) =>
            command.CommandText.Contains("OutboxEvents", StringComparison.Ordinal)
            && command.CommandText.Contains("ORDER BY", StringComparison.Ordinal)
            && command.CommandText.Contains("LIMIT", StringComparison.Ordinal);
    }
}
