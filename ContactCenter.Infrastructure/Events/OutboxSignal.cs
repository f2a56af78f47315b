using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ContactCenter.Infrastructure.Events;

/// <summary>
/// Wakes this instance's outbox reader as soon as a save here has committed, so a card registered on this instance
/// reaches its screens without waiting for the next poll. Saves on other instances are still found by polling. A wake-up
/// with nothing new costs one indexed query, so every committed save signals and none is inspected.
/// </summary>
public sealed class OutboxSignal : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly SemaphoreSlim signal = new(0, 1);

    /// <summary>Something may have been committed; several notifications before the next wait count as one.</summary>
    public void Notify()
    {
        try
        {
            if (signal.CurrentCount == 0)
            {
                signal.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Another thread released it first: already signalled.
        }
    }

    /// <summary>
    /// Returns true when notified, false when <paramref name="timeout"/> (on <paramref name="clock"/>) passed first.
    /// </summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var woken = signal.WaitAsync(stop.Token);
        var timedOut = Task.Delay(timeout, clock, stop.Token);
        await Task.WhenAny(woken, timedOut);
        var notified = woken.IsCompletedSuccessfully;
        await stop.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
        return notified;
    }

    // A save inside an explicit transaction (registration takes its number in one) is not committed yet when it
    // returns: the commit signals instead.
    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        NotifyIfCommitted(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        NotifyIfCommitted(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => Notify();

    public Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Notify();
        return Task.CompletedTask;
    }

    private void NotifyIfCommitted(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null)
        {
            Notify();
        }
    }
}
