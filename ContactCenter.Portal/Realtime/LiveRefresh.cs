namespace ContactCenter.Portal.Realtime;

/// <summary>
/// Reloads a live screen when cards change, at most once per <see cref="MinInterval"/>: the first change is shown at
/// once, and a burst (an emergency with dozens of calls a minute, a watcher marking a backlog overdue) costs one more
/// query at the end of the interval, not one per event. With thousands of open screens that is the difference between
/// a query per screen per second and a query per screen per event.
/// </summary>
public sealed class LiveRefresh(Func<Task> reload, TimeProvider clock, ILogger? logger = null) : IDisposable
{
    public static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(1);

    private readonly Lock gate = new();
    private readonly CancellationTokenSource stop = new();
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
                await reload();
                await Task.Delay(MinInterval, clock, stop.Token);
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

                pending = false;
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
