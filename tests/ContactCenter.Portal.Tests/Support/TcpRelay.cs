using System.Net;
using System.Net.Sockets;

namespace ContactCenter.Portal.Tests.Support;

/// <summary>
/// A TCP relay on a loopback port: each connection is passed to the first of its targets that accepts it, in
/// round-robin order (or always in the order given, <see cref="StartInOrder"/>), and both directions are copied until
/// either side closes. Cut off (<see cref="Cut"/>), it refuses
/// new connections and drops the open ones, as a stopped database server or a killed process would; restored, it
/// relays again on the same port. Used to take a database away from a running portal (tests) and to fail clients over
/// between portal instances (the load harness).
/// </summary>
public sealed class TcpRelay : IAsyncDisposable
{
    private readonly object gate = new();
    private readonly HashSet<Pair> open = [];
    private readonly CancellationTokenSource stopping = new();
    private IReadOnlyList<DnsEndPoint> targets;
    private TcpListener? listener;
    private Task accepting = Task.CompletedTask;
    private readonly bool roundRobin;
    private int next;

    private TcpRelay(IReadOnlyList<DnsEndPoint> targets, int port, bool roundRobin)
    {
        this.targets = targets;
        this.roundRobin = roundRobin;
        Port = port;
    }

    /// <summary>The loopback port clients connect to; it stays the same across <see cref="Cut"/> and <see cref="Restore"/>.</summary>
    public int Port { get; private set; }

    public static TcpRelay Start(params IEnumerable<DnsEndPoint> targets)
    {
        var relay = new TcpRelay(targets.ToList(), 0, roundRobin: true);
        relay.Listen();
        return relay;
    }

    /// <summary>
    /// Every connection to the first target that accepts it, in the order given: one active server and standbys. A
    /// browser's page load, its negotiation and its WebSocket are separate connections that must reach one instance.
    /// </summary>
    public static TcpRelay StartInOrder(params IEnumerable<DnsEndPoint> targets)
    {
        var relay = new TcpRelay(targets.ToList(), 0, roundRobin: false);
        relay.Listen();
        return relay;
    }

    /// <summary>"host:port" of a URL or connection target.</summary>
    public static DnsEndPoint Target(Uri url) => new(url.Host, url.Port);

    /// <summary>The targets open connections are relayed to (one per open connection).</summary>
    public IReadOnlyList<string> OpenTargets()
    {
        lock (gate)
        {
            return open.Select(p => p.Target).ToList();
        }
    }

    /// <summary>Where new connections go from now on; open ones stay where they are.</summary>
    public void SetTargets(params IEnumerable<DnsEndPoint> endpoints)
    {
        var list = endpoints.ToList();
        lock (gate)
        {
            targets = list;
        }
    }

    /// <summary>Stops listening and drops every open connection: clients see the connection refused, and reset.</summary>
    public void Cut()
    {
        List<Pair> dropped;
        lock (gate)
        {
            listener?.Stop();
            listener = null;
            dropped = [.. open];
            open.Clear();
        }

        foreach (var pair in dropped)
        {
            pair.Close();
        }
    }

    /// <summary>Listens again on the same port.</summary>
    public void Restore() => Listen();

    private void Listen()
    {
        lock (gate)
        {
            if (listener is not null)
            {
                return;
            }

            var created = new TcpListener(IPAddress.Loopback, Port);
            created.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            created.Start();
            Port = ((IPEndPoint)created.LocalEndpoint).Port;
            listener = created;
            accepting = AcceptAsync(created);
        }
    }

    private async Task AcceptAsync(TcpListener from)
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await from.AcceptTcpClientAsync(stopping.Token);
            }
            catch (Exception e) when (e is ObjectDisposedException or SocketException or OperationCanceledException or InvalidOperationException)
            {
                return;
            }

            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        client.NoDelay = true;
        IReadOnlyList<DnsEndPoint> order;
        lock (gate)
        {
            var start = roundRobin ? next++ : 0;
            order = targets.Count == 0 ? [] : Enumerable.Range(0, targets.Count).Select(i => targets[(start + i) % targets.Count]).ToList();
        }

        foreach (var target in order)
        {
            var server = new TcpClient { NoDelay = true };
            try
            {
                using var connect = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
                connect.CancelAfter(TimeSpan.FromSeconds(5));
                await server.ConnectAsync(target.Host, target.Port, connect.Token);
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException)
            {
                // That target is down: the next one.
                server.Dispose();
                continue;
            }

            var pair = new Pair(client, server, $"{target.Host}:{target.Port}");
            lock (gate)
            {
                if (listener is null)
                {
                    pair.Close();
                    return;
                }

                open.Add(pair);
            }

            await pair.RunAsync();
            lock (gate)
            {
                open.Remove(pair);
            }

            return;
        }

        // No target accepted: the client sees its connection closed at once.
        client.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        Cut();
        await accepting;
        stopping.Dispose();
    }

    private sealed class Pair(TcpClient client, TcpClient server, string target)
    {
        public string Target { get; } = target;

        public async Task RunAsync()
        {
            try
            {
                var up = CopyAsync(client, server);
                var down = CopyAsync(server, client);
                await Task.WhenAny(up, down);
            }
            finally
            {
                Close();
            }
        }

        /// <summary>A reset rather than a graceful close: what the peer of a killed process or a stopped server sees.</summary>
        public void Close()
        {
            foreach (var socket in new[] { client, server })
            {
                try
                {
                    socket.Client.LingerState = new LingerOption(true, 0);
                }
                catch (Exception e) when (e is ObjectDisposedException or SocketException)
                {
                }

                socket.Dispose();
            }
        }

        private static async Task CopyAsync(TcpClient from, TcpClient to)
        {
            var buffer = new byte[16 * 1024];
            try
            {
                var input = from.GetStream();
                var output = to.GetStream();
                while (true)
                {
                    var read = await input.ReadAsync(buffer);
                    if (read == 0)
                    {
                        return;
                    }

                    await output.WriteAsync(buffer.AsMemory(0, read));
                }
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException or InvalidOperationException)
            {
            }
        }
    }
}
