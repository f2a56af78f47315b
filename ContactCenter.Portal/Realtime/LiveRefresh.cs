namespace ContactCenter.Portal.Realtime;

/// <summary>
/// Reloads a live screen when cards change, at most once per <see cref="MinInterval"/>: the first change is shown at
/// once, and a burst (an emergency with dozens of calls a minute, a watcher marking a backlog overdue) costs one more
/// query at the end of the interval, not one per event. With thousands of open screens that is the difference between
/// a query per screen per second and a query per screen per event.
/// </summary>
/// <remarks>
/// The queue, the deadline dashboard and the wallboard all reload through this one rule. A screen that has just loaded
/// its figures itself (its first load, before it subscribes) passes the time of that load, so that a change right after
/// it waits for the interval rather than reading again at once.
/// </remarks>
public sealed class LiveRefresh(Func<Task> reload, TimeProvider clock, ILogger? logger = null, DateTimeOffset? loadedAt = null) : IDisposable
{
    public static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(1);

    private readonly Lock gate = new();
    private readonly CancellationTokenSource stop = new();
    private DateTimeOffset lastReloadAt = loadedAt ?? DateTimeOffset.MinValue;
    private bool running;
    private bool pending;

    /// <summary>Asks for a reload; returns at once. Safe to call from any thread.</summary>
    public void Request()
    {
        lock (gate)
        {
            if (stop.IsCancellationRequested)
            {
                return;
            }

            if (running)
            {
                pending = true;
                return;
            }

            running = true;
        }

        _ = RunAsync();
    }

    private async Task RunAsync()
    {
        while (true)
        {
            try
            {
                var wait = lastReloadAt == DateTimeOffset.MinValue ? TimeSpan.Zero : lastReloadAt + MinInterval - clock.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, clock, stop.Token);
                }

                // Every request made before the reload starts is answered by it.
                lock (gate)
                {
                    pending = false;
                }

                lastReloadAt = clock.GetUtcNow();
                await reload();
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A failed reload must not end live updates: the next change tries again.
                logger?.LogWarning(e, "Live reload failed");
            }

            lock (gate)
            {
                if (!pending || stop.IsCancellationRequested)
                {
                    running = false;
                    return;
                }
            }
        }
    }

    // The token source holds no timer, so it is cancelled and left to the collector rather than disposed under a
    // reload that may still be reading its token.
    public void Dispose()
    {
        lock (gate)
        {
            stop.Cancel();
        }
    }
}
