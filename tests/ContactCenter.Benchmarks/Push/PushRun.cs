using System.Diagnostics;
using System.Text.Json;
using ContactCenter.Benchmarks.Hosting;
using ContactCenter.Benchmarks.Support;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Portal.Features.Intake;
using ContactCenter.Portal.Realtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Benchmarks.Push;

/// <summary>
/// One run of one client count, in a process of its own: the server process holds the portal and the bare hub and
/// nothing left from an earlier run, so its memory figures are its own. The clients run in a further child process.
/// </summary>
public static class PushRun
{
    public const string Command = "push-run";

    public static async Task<int> RunAsync(CommandLine options)
    {
        var settings = PushSettings.From(options);
        var clients = settings.Clients[0];
        var run = options.Int("run", 1);
        var resultPath = options.String("result") ?? throw new ArgumentException("--result is required.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(settings.Seconds + settings.Warmup) + TimeSpan.FromMinutes(15));
        var result = await MeasureAsync(settings, clients, run, timeout.Token);
        await File.WriteAllTextAsync(resultPath, JsonSerializer.Serialize(result));
        return 0;
    }

    private static async Task<PushResult> MeasureAsync(PushSettings settings, int clients, int run, CancellationToken cancellationToken)
    {
        var work = Path.Combine(Path.GetTempPath(), "cc-bench-push-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            await using var database = await BenchDatabase.CreateAsync(settings.Provider);
            var probe = new DispatchProbe();
            await using var portal = PortalHost.Start(database.Settings, services => database.Attach(probe, services));
            var dispatcher = portal.Services.GetRequiredService<OutboxDispatcher>();
            probe.Observe(dispatcher);
            await using var bare = await BareHubHost.StartAsync();

            Progress($"seeding {settings.Executors} executors, {settings.Directions} directions, {settings.DepartmentUsers + settings.Executors + settings.Deputies} people");
            var organisation = await Organisation.CreateAsync(portal.Services, settings, cancellationToken);
            await WaitForAsync(() => dispatcher.LastSequence >= 0, TimeSpan.FromSeconds(30), "the dispatcher's start", cancellationToken);
            var start = ServerMemory.Measure();

            var plan = Plan(organisation, clients, settings, portal.BaseUrl + CardsHub.Path, bare.BaseUrl + BareHubHost.Path, Path.Combine(work, "receipts.json"));
            var planPath = Path.Combine(work, "plan.json");
            await File.WriteAllTextAsync(planPath, JsonSerializer.Serialize(plan), cancellationToken);

            await using var clientProcess = ChildProcess.Start(PushClients.Command, ["--plan", planPath], client: true);
            Progress($"connecting {plan.Clients.Count} clients to each hub");
            var connectWatch = Stopwatch.StartNew();
            await clientProcess.ExpectAsync("ready", TimeSpan.FromMinutes(10));
            Progress($"connected in {connectWatch.Elapsed.TotalSeconds:0.0} s");
            var connected = ServerMemory.Measure();

            var load = new PushLoad(organisation, portal.Services.GetRequiredService<RegisterAppeal>(), bare.Hub, TimeProvider.System);
            Progress($"load: {settings.Warmup} s warm-up, then {settings.Seconds} s at {settings.Rate}/s");
            await load.RunAsync(settings.Rate, settings.Warmup * settings.Rate, settings.Seconds * settings.Rate, cancellationToken);

            // Everything committed has been handed to the hub (or the dispatcher is stuck: then it shows as lost).
            var lastCommitted = probe.Committed.Keys.DefaultIfEmpty(0).Max();
            await WaitForAsync(() => dispatcher.LastSequence >= lastCommitted, TimeSpan.FromSeconds(15), "the dispatcher to catch up", cancellationToken, throwOnTimeout: false);
            var end = ServerMemory.Measure();

            await clientProcess.SendAsync("stop");
            await clientProcess.ExpectAsync("done", TimeSpan.FromMinutes(2));
            var receipts = JsonSerializer.Deserialize<PushReceipts>(await File.ReadAllTextAsync(plan.ResultPath, cancellationToken))!;

            var portalEvents = await PortalEventsAsync(portal.Services, load.WarmupNumbers.ToHashSet(), probe, cancellationToken);
            var bareEvents = load.BareMessages.ToDictionary(m => m.Id, m => new DueEvent(m.Id, m.Groups, m.Measured, m.SentAt, m.SentAt));
            var portalWire = new List<double>();
            var portalFigures = PushAnalysis.Deliveries(plan.Clients, portalEvents, receipts.Portal, portalWire);
            var bareFigures = PushAnalysis.Deliveries(plan.Clients, bareEvents, receipts.Bare);
            var segments = PushAnalysis.ServerSteps(portalEvents.Values.Where(e => e.Measured).Select(e => e.Sequence), probe).ToList();
            segments.Add(PushAnalysis.Segment("send → received (portal)", portalWire));
            var bareWire = new List<double>();
            PushAnalysis.Deliveries(plan.Clients, bareEvents, receipts.Bare, bareWire);
            segments.Add(PushAnalysis.Segment("send → received (bare hub)", bareWire));

            return new PushResult(
                clients,
                plan.Clients.Count,
                run,
                settings.Provider.ToString(),
                portalFigures,
                bareFigures,
                segments,
                new MemoryFigures(start, connected, end),
                load.Registered,
                load.Failures.Distinct().ToList(),
                receipts.PortalClosed,
                receipts.BareClosed);
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
                // Left to the temp folder's cleanup.
            }
        }
    }

    /// <summary>
    /// Executor clients spread round-robin over the executors' people (several clients of one person when there are
    /// more clients than executors), plus every Department operator and every deputy.
    /// </summary>
    private static PushPlan Plan(Organisation organisation, int clients, PushSettings settings, string portalHub, string bareHub, string resultPath)
    {
        var staff = organisation.Of(PersonKind.Executor).ToList();
        var people = organisation.Of(PersonKind.Department)
            .Concat(organisation.Of(PersonKind.Deputy))
            .Concat(Enumerable.Range(0, clients).Select(i => staff[i % staff.Count]))
            .ToList();
        return new PushPlan(portalHub, bareHub, settings.SourceAddresses, people.Select((p, i) => new PushClientSpec(i, p.Cookie, p.Groups)).ToList(), resultPath);
    }

    /// <summary>
    /// What was due, read back from the outbox itself rather than from what the load believes it wrote: each event
    /// goes to the Department, its executor (and the executor it left) and its direction — the dispatcher's rule.
    /// </summary>
    private static async Task<IReadOnlyDictionary<long, DueEvent>> PortalEventsAsync(IServiceProvider services, HashSet<string> warmup, DispatchProbe probe, CancellationToken cancellationToken)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<ContactCenterDbContext>>().CreateDbContextAsync(cancellationToken);
        var rows = await db.OutboxEvents.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        return rows.ToDictionary(
            r => r.Sequence,
            r =>
            {
                var groups = new List<string> { CardsHub.DepartmentGroup, CardsHub.ExecutorGroup(r.ExecutorId), CardsHub.DirectionGroup(r.DirectionId) };
                if (r.PreviousExecutorId is { } previous)
                {
                    groups.Add(CardsHub.ExecutorGroup(previous));
                }

                long? committed = probe.Committed.TryGetValue(r.Sequence, out var c) ? c : null;
                long? sent = probe.Stamps.TryGetValue(r.Sequence, out var s) && s.SendStart != 0 ? s.SendStart : null;
                return new DueEvent(r.Sequence, groups, !warmup.Contains(r.RegistrationNumber), committed, sent);
            });
    }

    private static async Task WaitForAsync(Func<bool> condition, TimeSpan timeout, string what, CancellationToken cancellationToken, bool throwOnTimeout = true)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > timeout)
            {
                if (throwOnTimeout)
                {
                    throw new TimeoutException($"Gave up waiting for {what} after {timeout.TotalSeconds:0} s.");
                }

                Progress($"gave up waiting for {what}");
                return;
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    // The portal makes Ukrainian the default culture of the process; figures in the log keep the decimal point.
    private static void Progress(FormattableString message) =>
        Console.Error.WriteLine($"  [{DateTime.Now:HH:mm:ss}] {message.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
}
