using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using ContactCenter.Benchmarks.Push;
using ContactCenter.Portal.Realtime;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace ContactCenter.Benchmarks.Faults;

/// <summary>
/// A Department screen's hub client (it is sent every event), written as a live client should be: it reconnects on its
/// own, forever, and after each reconnection asks <see cref="CardsHub.CatchUp"/> for everything after the last event it
/// had before the connection dropped. Events that arrive live while it catches up are kept too; a second copy of one
/// sequence counts as a duplicate.
/// </summary>
public sealed class EventListener : IAsyncDisposable
{
    private readonly ConcurrentDictionary<long, byte> received = new();
    private readonly HubConnection connection;
    private readonly SemaphoreSlim catchUp = new(1, 1);
    private long highest;
    private long pendingFrom = -1;
    private long droppedAt;
    private int duplicates;

    public EventListener(Uri hubUrl, string cookie)
    {
        connection = new HubConnectionBuilder()
            .WithUrl(hubUrl, o =>
            {
                // One request, no negotiation: behind a proxy without sticky sessions the negotiate call and the socket could land on different instances.
                o.SkipNegotiation = true;
                o.Transports = HttpTransportType.WebSockets;
                o.Cookies.Add(new Cookie(Organisation.CookieName, cookie, "/", hubUrl.Host));
            })
            .WithAutomaticReconnect(new Forever())
            .Build();
        connection.On<CardEvent>(CardsHub.CardChanged, e => Record(e.Sequence, live: true));
        connection.Reconnecting += e =>
        {
            FaultsCommand.Progress($"hub client: connection lost ({e?.GetType().Name}: {e?.Message})");
            // Catch up from the last event had before the first drop not yet caught up: live events received since
            // a reconnection whose catch-up did not finish may stand after a gap.
            Interlocked.CompareExchange(ref pendingFrom, Interlocked.Read(ref highest), -1);
            Interlocked.Exchange(ref droppedAt, Stopwatch.GetTimestamp());
            return Task.CompletedTask;
        };
        connection.Reconnected += async _ =>
        {
            var dropped = Interlocked.Read(ref droppedAt);
            var back = Stopwatch.GetTimestamp();
            var from = Interlocked.Read(ref pendingFrom);
            var replayed = await CatchUpAsync(from);
            if (replayed >= 0)
            {
                Interlocked.CompareExchange(ref pendingFrom, -1, from);
            }

            lock (Reconnections)
            {
                Reconnections.Add(new Reconnection(dropped, back, Stopwatch.GetTimestamp(), replayed));
            }

            FaultsCommand.Progress($"hub client: reconnected after {Timing.Seconds(dropped, back):0.00} s, caught up {replayed} events");
        };
    }

    /// <summary>One dropped connection: when it dropped, when it was back, when the catch-up had answered, and how many events it replayed.</summary>
    public sealed record Reconnection(long Dropped, long Reconnected, long CaughtUp, int Replayed);

    public List<Reconnection> Reconnections { get; } = [];

    public int Duplicates => Volatile.Read(ref duplicates);

    public IReadOnlyCollection<long> Received => received.Keys.ToList();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await connection.StartAsync(cancellationToken);
        await CatchUpAsync(0);
    }

    /// <summary>Waits until every one of <paramref name="due"/> has arrived, or the time is up; returns those still missing.</summary>
    public async Task<IReadOnlyList<long>> WaitForAsync(IReadOnlyCollection<long> due, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var missing = due.Where(s => !received.ContainsKey(s)).ToList();
            if (missing.Count == 0 || watch.Elapsed > timeout)
            {
                return missing;
            }

            await Task.Delay(100);
        }
    }

    /// <returns>Whether it is new.</returns>
    private bool Record(long sequence, bool live)
    {
        var added = received.TryAdd(sequence, 0);

        // Replayed events the client already had are not duplicates of a live delivery: they are what it asked for.
        if (!added && live)
        {
            Interlocked.Increment(ref duplicates);
        }

        long seen;
        while (sequence > (seen = Interlocked.Read(ref highest)) && Interlocked.CompareExchange(ref highest, sequence, seen) != seen)
        {
        }

        return added;
    }

    /// <summary>Pages through the hub's catch-up (at most <see cref="CardsHub.CatchUpLimit"/> events an answer); returns the events new to this client, or -1 when it failed.</summary>
    private async Task<int> CatchUpAsync(long after)
    {
        await catchUp.WaitAsync();
        try
        {
            var count = 0;
            while (true)
            {
                var batch = await connection.InvokeAsync<IReadOnlyList<CardEvent>>(nameof(CardsHub.CatchUp), after);
                count += batch.Count(e => Record(e.Sequence, live: false));

                if (batch.Count < CardsHub.CatchUpLimit)
                {
                    return count;
                }

                after = batch[^1].Sequence;
            }
        }
        catch (Exception e) when (e is HubException or InvalidOperationException or IOException or TaskCanceledException)
        {
            // The connection dropped again during the catch-up: the next reconnection catches up from the same point.
            Console.Error.WriteLine($"  catch-up failed: {e.GetType().Name}: {e.Message}");
            return -1;
        }
        finally
        {
            catchUp.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await connection.DisposeAsync();
        catchUp.Dispose();
    }

    private sealed class Forever : IRetryPolicy
    {
        public TimeSpan? NextRetryDelay(RetryContext retryContext) => TimeSpan.FromMilliseconds(250);
    }
}
