using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ContactCenter.Benchmarks.Push;
using ContactCenter.Portal.Realtime;
using ContactCenter.Portal.Tests.Support;

namespace ContactCenter.Benchmarks.Faults;

/// <summary>
/// What every scenario shares: a work folder (the shared data-protection keys, the seed), the portal instances as
/// processes behind relays (one for the load, one for the hub client, so that the hub client's instance is known, one
/// for a browser, which keeps all of a page's connections on the first live instance), the load and the hub client;
/// and at the end, what the database holds against what was acknowledged and received.
/// </summary>
public sealed class FaultRun : IAsyncDisposable
{
    private readonly CancellationTokenSource stopLoad = new();
    private readonly List<PortalProcess> instances = [];
    private Task loadTask = Task.CompletedTask;

    private FaultRun(string work, PushProvider provider, Dictionary<string, string?> settings)
    {
        Work = work;
        Provider = provider;
        Settings = settings;
    }

    public string Work { get; }

    public PushProvider Provider { get; }

    public Dictionary<string, string?> Settings { get; }

    public string ConnectionString => Settings["ConnectionStrings:ContactCenter"]!;

    public FaultsSeed Seed { get; private set; } = null!;

    public TcpRelay Api { get; private set; } = null!;

    public TcpRelay Hub { get; private set; } = null!;

    /// <summary>For a browser: every connection to the oldest live instance, so a page's load, negotiation and WebSocket meet one server.</summary>
    public TcpRelay Pages { get; private set; } = null!;

    public RegistrationLoad Load { get; private set; } = null!;

    public EventListener Listener { get; private set; } = null!;

    public IReadOnlyList<PortalProcess> Instances => instances;

    public static FaultRun Prepare(PushProvider provider, IReadOnlyDictionary<string, string?> database)
    {
        var work = Directory.CreateTempSubdirectory("cc-faults-").FullName;
        var settings = new Dictionary<string, string?>(database)
        {
            // Every instance, and every restart of one, reads the same sign-in cookies.
            ["DataProtection:KeysFolder"] = Path.Combine(work, "keys"),

            // The load is one client with one key; the per-key limit is about abuse, not about this.
            ["Open311:PermitsPerMinute"] = "1000000",
        };
        return new FaultRun(work, provider, settings);
    }

    /// <summary>Starts <paramref name="count"/> instances (the first seeds the database), the relays, the hub client and the load.</summary>
    public async Task StartAsync(int count, int writers, double rate)
    {
        for (var i = 0; i < count; i++)
        {
            var instance = await StartInstanceAsync();
            FaultsCommand.Progress($"instance {i + 1} up at {instance.Url} in {instance.Startup.TotalSeconds:0.0} s");
        }

        Seed = JsonSerializer.Deserialize<FaultsSeed>(await File.ReadAllTextAsync(SeedPath))!;
        Api = TcpRelay.Start(instances.Select(i => TcpRelay.Target(i.Url)));
        Hub = TcpRelay.Start(instances.Select(i => TcpRelay.Target(i.Url)));
        Pages = TcpRelay.StartInOrder(instances.Select(i => TcpRelay.Target(i.Url)));
        Listener = new EventListener(new Uri($"http://127.0.0.1:{Hub.Port}{CardsHub.Path}"), Seed.DepartmentCookie);
        await Listener.StartAsync(CancellationToken.None);
        Load = new RegistrationLoad(new Uri($"http://127.0.0.1:{Api.Port}"), Seed, writers, rate);
        loadTask = Load.RunAsync(stopLoad.Token);
    }

    private string SeedPath => Path.Combine(Work, "seed.json");

    public async Task<PortalProcess> StartInstanceAsync()
    {
        var instance = await PortalProcess.StartAsync(Settings, Work, SeedPath);
        instances.Add(instance);
        Api?.SetTargets(instances.Select(i => TcpRelay.Target(i.Url)));
        Hub?.SetTargets(instances.Select(i => TcpRelay.Target(i.Url)));
        Pages?.SetTargets(instances.Select(i => TcpRelay.Target(i.Url)));
        return instance;
    }

    /// <summary>SIGKILL; the relays stop sending new connections to it.</summary>
    public async Task KillAsync(PortalProcess instance)
    {
        instance.Kill();
        instances.Remove(instance);
        await instance.DisposeAsync();
        Api.SetTargets(instances.Select(i => TcpRelay.Target(i.Url)));
        Hub.SetTargets(instances.Select(i => TcpRelay.Target(i.Url)));
        Pages.SetTargets(instances.Select(i => TcpRelay.Target(i.Url)));
    }

    /// <summary>The instance the hub client is connected to now (through its relay), if any.</summary>
    public PortalProcess? HubInstance()
    {
        var target = Hub.OpenTargets().FirstOrDefault();
        return instances.FirstOrDefault(i => $"{i.Url.Host}:{i.Url.Port}" == target);
    }

    /// <summary>The instance a browser's open connections (through <see cref="Pages"/>) go to, if any.</summary>
    public PortalProcess? PagesInstance()
    {
        var targets = Pages.OpenTargets().Distinct().ToList();
        if (targets.Count > 1)
        {
            throw new InvalidOperationException("A browser's connections reach two instances: " + string.Join(", ", targets));
        }

        return instances.FirstOrDefault(i => targets.Contains($"{i.Url.Host}:{i.Url.Port}"));
    }

    public async Task StopLoadAsync()
    {
        await stopLoad.CancelAsync();
        await loadTask;
    }

    /// <summary>Acknowledged against present, events due against received, and the database's own check.</summary>
    public async Task<Outcome> OutcomeAsync()
    {
        var state = await DatabaseCheck.ReadAsync(Provider, ConnectionString);
        var missingEvents = await Listener.WaitForAsync(state.Sequences, TimeSpan.FromSeconds(30));
        var acknowledged = Load.Acknowledged;
        var attempts = Load.Attempts;
        var missing = acknowledged.Where(n => !state.Numbers.Contains(n)).ToList();
        return new Outcome(
            attempts.Count,
            acknowledged.Count,
            missing.Count,
            state.Numbers.Count,
            state.Numbers.Count - acknowledged.Count(state.Numbers.Contains),
            state.Integrity,
            state.CardsWithoutEvent,
            state.Sequences.Count,
            state.SequenceGaps,
            missingEvents.Count,
            Listener.Duplicates,
            Listener.Reconnections.Count)
        {
            MissingNumbers = missing,
        };
    }

    public async ValueTask DisposeAsync()
    {
        await stopLoad.CancelAsync();
        await loadTask;
        if (Listener is not null)
        {
            await Listener.DisposeAsync();
        }

        foreach (var instance in instances)
        {
            await instance.DisposeAsync();
        }

        if (Api is not null)
        {
            await Api.DisposeAsync();
            await Hub.DisposeAsync();
            await Pages.DisposeAsync();
        }

        try
        {
            Directory.Delete(Work, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <param name="UnacknowledgedPresent">Cards saved whose answer never reached the client (cut off by the fault): not lost, but the client will retry them.</param>
public sealed record Outcome(
    int Attempts,
    int Acknowledged,
    int AcknowledgedMissing,
    int Present,
    int UnacknowledgedPresent,
    string Integrity,
    int CardsWithoutEvent,
    int Events,
    long SequenceGaps,
    int EventsLost,
    int EventDuplicates,
    int HubReconnections)
{
    /// <summary>The numbers answered 200 that are not in the database (what "acknowledged, missing" counts).</summary>
    public IReadOnlyList<string> MissingNumbers { get; init; } = [];

    public string Row(string what) => string.Create(
        CultureInfo.InvariantCulture,
        $"| {what} | {Attempts:N0} | {Acknowledged:N0} | {Acknowledged - AcknowledgedMissing:N0} | **{AcknowledgedMissing}** | {UnacknowledgedPresent} | {Integrity} | {CardsWithoutEvent} | {Events:N0} ({SequenceGaps} gaps) | **{EventsLost}** | {EventDuplicates} | {HubReconnections} |");

    public const string Header =
        "| scenario | POSTs | acknowledged (200) | acknowledged and present | acknowledged, missing | present, not acknowledged | integrity check | cards without outbox event | outbox events | events lost by the hub client | duplicates | hub reconnections |\n" +
        "|---|---|---|---|---|---|---|---|---|---|---|---|";
}

public static class Timing
{
    public static double Seconds(long from, long to) => (to - from) / (double)Stopwatch.Frequency;
}
