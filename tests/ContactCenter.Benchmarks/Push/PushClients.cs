using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text.Json;
using ContactCenter.Benchmarks.Support;
using ContactCenter.Portal.Realtime;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace ContactCenter.Benchmarks.Push;

/// <summary>
/// The client process of the push benchmark: every client of the plan connected twice (portal and bare hub),
/// recording when each <c>CardChanged</c> arrives. Commands from the parent: <c>stop</c>. Answers: <c>ready</c>,
/// <c>done</c>.
/// </summary>
public static class PushClients
{
    public const string Command = "push-clients";

    /// <summary>Connections opened at once: more only queue up in the server's accept loop.</summary>
    private const int ConnectParallelism = 16;

    /// <summary>After <c>stop</c>, receipts are taken once nothing has arrived for this long (late deliveries are not lost ones).</summary>
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(1);

    public static async Task<int> RunAsync(CommandLine options)
    {
        var planPath = options.String("plan") ?? throw new ArgumentException("--plan is required.");
        var plan = JsonSerializer.Deserialize<PushPlan>(await File.ReadAllTextAsync(planPath)) ?? throw new ArgumentException("Empty plan.");
        var invokers = Invokers(plan.SourceAddresses);

        var portal = plan.Clients.Select(c => new Client(c.Id)).ToArray();
        var bare = plan.Clients.Select(c => new Client(c.Id)).ToArray();
        await Parallel.ForEachAsync(Enumerable.Range(0, plan.Clients.Count), new ParallelOptions { MaxDegreeOfParallelism = ConnectParallelism }, async (i, ct) =>
        {
            var spec = plan.Clients[i];
            var invoker = invokers[i % invokers.Length];
            await portal[i].ConnectAsync(plan.PortalHubUrl, invoker, ws => ws.SetRequestHeader("Cookie", $"{Organisation.CookieName}={spec.Cookie}"), ct);
            await bare[i].ConnectAsync(plan.BareHubUrl + Hosting.BareHubHost.Query(spec.Groups), invoker, _ => { }, ct);
        });
        ParentChannel.Answer($"ready {portal.Length + bare.Length}");

        while (await ParentChannel.NextCommandAsync() is { } command && command != "stop")
        {
        }

        await WaitQuietAsync(portal.Concat(bare).ToArray());
        var receipts = new PushReceipts(
            portal.Select(c => c.Receipts()).ToList(),
            bare.Select(c => c.Receipts()).ToList(),
            portal.Count(c => c.Closed),
            bare.Count(c => c.Closed));
        await File.WriteAllTextAsync(plan.ResultPath, JsonSerializer.Serialize(receipts));
        ParentChannel.Answer("done");

        await Parallel.ForEachAsync(portal.Concat(bare), new ParallelOptions { MaxDegreeOfParallelism = ConnectParallelism }, async (c, _) => await c.DisposeAsync());
        return 0;
    }

    private static async Task WaitQuietAsync(Client[] clients)
    {
        var deadline = Stopwatch.GetTimestamp() + (10 * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            var last = clients.Max(c => c.LastReceipt);
            if (Stopwatch.GetElapsedTime(last) >= Quiet)
            {
                return;
            }

            await Task.Delay(200);
        }
    }

    /// <summary>
    /// One socket factory per source address. A loopback client has about 28,000 ephemeral ports per source address
    /// towards one server port; beyond that, connections must come from more than one 127.0.0.x.
    /// </summary>
    private static HttpMessageInvoker[] Invokers(int sourceAddresses)
    {
        if (sourceAddresses <= 0)
        {
            return [new HttpMessageInvoker(new SocketsHttpHandler())];
        }

        return Enumerable.Range(1, sourceAddresses).Select(i =>
        {
            var source = new IPAddress([127, 0, 0, (byte)i]);
            return new HttpMessageInvoker(new SocketsHttpHandler
            {
                ConnectCallback = async (context, ct) =>
                {
                    var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                    try
                    {
                        socket.Bind(new IPEndPoint(source, 0));
                        await socket.ConnectAsync(context.DnsEndPoint, ct);
                        return new NetworkStream(socket, ownsSocket: true);
                    }
                    catch
                    {
                        socket.Dispose();
                        throw;
                    }
                },
            });
        }).ToArray();
    }

    private sealed class Client(int id) : IAsyncDisposable
    {
        private readonly List<long> sequences = [];
        private readonly List<long> timestamps = [];
        private HubConnection? connection;
        private long lastReceipt = Stopwatch.GetTimestamp();

        public bool Closed { get; private set; }

        public long LastReceipt => Interlocked.Read(ref lastReceipt);

        public async Task ConnectAsync(string url, HttpMessageInvoker invoker, Action<ClientWebSocketOptions> configure, CancellationToken cancellationToken)
        {
            // WebSockets straight away (no negotiate round trip), over our own socket factory.
            connection = new HubConnectionBuilder()
                .WithUrl(url, o =>
                {
                    o.SkipNegotiation = true;
                    o.Transports = HttpTransportType.WebSockets;
                    o.WebSocketFactory = async (context, ct) =>
                    {
                        var socket = new ClientWebSocket();
                        configure(socket.Options);
                        await socket.ConnectAsync(context.Uri, invoker, ct);
                        return socket;
                    };
                })
                .Build();
            connection.On<CardEvent>(CardsHub.CardChanged, e =>
            {
                var now = Stopwatch.GetTimestamp();
                lock (sequences)
                {
                    sequences.Add(e.Sequence);
                    timestamps.Add(now);
                }

                Interlocked.Exchange(ref lastReceipt, now);
            });
            connection.Closed += _ =>
            {
                Closed = true;
                return Task.CompletedTask;
            };
            await connection.StartAsync(cancellationToken);
        }

        public ClientReceipts Receipts()
        {
            lock (sequences)
            {
                return new ClientReceipts(id, [.. sequences], [.. timestamps]);
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }
    }
}
