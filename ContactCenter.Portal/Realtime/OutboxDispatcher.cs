using ContactCenter.Infrastructure.Events;
using ContactCenter.Infrastructure.Persistence;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Realtime;

/// <summary>
/// Tails the outbox on this instance and hands each event, in sequence order, to the circuits here (<see cref="Changed"/>)
/// and to the hub's groups. Every instance does the same, so a card saved through instance A reaches screens on B.
/// </summary>
public sealed class OutboxDispatcher(
    IDbContextFactory<ContactCenterDbContext> dbFactory,
    IHubContext<CardsHub> hub,
    OutboxSignal signal,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    /// <summary>How often events saved by other instances are looked for; saves on this one wake the reader at once.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// A transaction that took a sequence number may still be committing (or may have rolled back, leaving the number
    /// unused forever): a gap is waited for this long, then passed.
    /// </summary>
    public static readonly TimeSpan GapPatience = TimeSpan.FromSeconds(3);

    /// <summary>While the database stays away, a failure is logged with its stack once, then at most this often.</summary>
    public static readonly TimeSpan FailureLogInterval = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim oneRound = new(1, 1);
    private long last = -1;
    private DateTimeOffset? gapSeenAt;
    private int failuresInRow;
    private DateTimeOffset failureLoggedAt;

    /// <summary>Raised on the dispatcher's thread for every event; circuits subscribe and marshal to their own.</summary>
    public event Action<CardEvent>? Changed;

    /// <summary>The last sequence delivered here; a screen that starts now catches up from it.</summary>
    public long LastSequence => Interlocked.Read(ref last);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DispatchAsync(stoppingToken);
                if (failuresInRow > 0)
                {
                    logger.LogInformation("Dispatching card events resumed after {Failures} failed rounds", failuresInRow);
                    failuresInRow = 0;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A database outage fails every round (five a second): the first failure is logged in full, then a
                // line a minute, so the log still shows what else happened meanwhile.
                failuresInRow++;
                var now = clock.GetUtcNow();
                if (failuresInRow == 1)
                {
                    failureLoggedAt = now;
                    logger.LogError(e, "Dispatching card events failed; retrying");
                }
                else if (now - failureLoggedAt >= FailureLogInterval)
                {
                    failureLoggedAt = now;
                    logger.LogError("Dispatching card events still failing after {Failures} rounds: {Message}", failuresInRow, e.Message);
                }
            }

            await signal.WaitAsync(PollInterval, clock, stoppingToken);
        }
    }

    /// <summary>
    /// One round: deliver what was committed since the last round, in order. Rounds run one at a time: a round started
    /// from outside (a test, to know the dispatcher has started) while the service's own first round was reading where
    /// to start could otherwise take as the start an event committed after the caller's round had returned, and skip it.
    /// </summary>
    public async Task DispatchAsync(CancellationToken cancellationToken)
    {
        await oneRound.WaitAsync(cancellationToken);
        try
        {
            await DispatchRoundAsync(cancellationToken);
        }
        finally
        {
            oneRound.Release();
        }
    }

    private async Task DispatchRoundAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (last < 0)
        {
            // Screens opened before this instance started catch up by themselves; start from now.
            Interlocked.Exchange(ref last, await db.OutboxEvents.MaxAsync(e => (long?)e.Sequence, cancellationToken) ?? 0);
            return;
        }

        var from = last;
        var batch = await db.OutboxEvents.AsNoTracking().Where(e => e.Sequence > from).OrderBy(e => e.Sequence).Take(500).ToListAsync(cancellationToken);
        foreach (var row in batch)
        {
            if (row.Sequence != last + 1)
            {
                gapSeenAt ??= clock.GetUtcNow();
                if (clock.GetUtcNow() - gapSeenAt < GapPatience)
                {
                    return;
                }
            }

            gapSeenAt = null;
            var change = CardEvent.From(row);
            Changed?.Invoke(change);
            await hub.Clients.Groups(Groups(change)).SendAsync(CardsHub.CardChanged, change, cancellationToken);
            Interlocked.Exchange(ref last, row.Sequence);
        }
    }

    private static IReadOnlyList<string> Groups(CardEvent change)
    {
        var groups = new List<string> { CardsHub.DepartmentGroup, CardsHub.ExecutorGroup(change.ExecutorId), CardsHub.DirectionGroup(change.DirectionId) };
        if (change.PreviousExecutorId is { } previous)
        {
            groups.Add(CardsHub.ExecutorGroup(previous));
        }

        return groups;
    }
}
