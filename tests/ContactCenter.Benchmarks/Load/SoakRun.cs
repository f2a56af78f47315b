using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ContactCenter.Benchmarks.Hosting;
using ContactCenter.Benchmarks.Push;
using ContactCenter.Benchmarks.Support;
using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Common;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Portal.Features.Appeals;
using ContactCenter.Portal.Features.Dashboard;
using ContactCenter.Portal.Features.Open311;
using ContactCenter.Portal.Features.Queue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Benchmarks.Load;

/// <param name="Rate">Open311 registrations per second (Kyiv's emergency peak is 10–15,000 calls an hour: twice that is ≈ 8.3/s).</param>
/// <param name="QueueRate">Executor queue reads per second, each by a random executor's responsible person.</param>
/// <param name="DashboardRate">Dashboard refreshes per second, by a random deputy or the mayor.</param>
/// <param name="CommentRate">Comments per second on a random recent card, by its executor's responsible person.</param>
public sealed record SoakSettings(PushProvider Provider, int Minutes, double Rate, double QueueRate, double DashboardRate, double CommentRate, int Executors, int SampleMinutes)
{
    public static SoakSettings From(CommandLine options)
    {
        var provider = options.String("provider", "postgres").ToLowerInvariant() switch
        {
            "postgres" or "postgresql" => PushProvider.Postgres,
            "sqlite" => PushProvider.Sqlite,
            var other => throw new ArgumentException($"--provider must be postgres or sqlite, not '{other}'."),
        };
        return new SoakSettings(
            provider,
            Math.Max(1, options.Int("minutes", 30)),
            ReadRate(options, "rate", 8.3),
            ReadRate(options, "queue-rate", 5),
            ReadRate(options, "dashboard-rate", 0.5),
            ReadRate(options, "comment-rate", 2),
            Math.Max(1, options.Int("executors", 300)),
            Math.Max(1, options.Int("sample-minutes", 5)));
    }

    private static double ReadRate(CommandLine options, string name, double fallback) =>
        options.String(name) is not { } text
            ? fallback
            : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0
                ? value
                : throw new ArgumentException($"--{name} must be a number of operations per second, not '{text}'.");
}

/// <summary>The server process's memory and the machine's load at one moment of the soak.</summary>
public sealed record SoakSnapshot(double Minute, double GcHeapMegabytes, double WorkingSetMegabytes, int Cards, double LoadAverage);

/// <summary>The operations' figures in one stretch of the soak, [From, To) minutes.</summary>
public sealed record SoakWindow(double From, double To, IReadOnlyList<OperationFigures> Operations);

/// <param name="StaleComments">Comments refused once because another comment on the card was saved first (then repeated).</param>
public sealed record SoakResult(SoakSettings Settings, IReadOnlyList<OperationFigures> Operations, IReadOnlyList<SoakWindow> Windows, IReadOnlyList<SoakSnapshot> Snapshots, int StaleComments);

/// <summary>
/// The soak, in a process of its own: the real portal on a new database with 300 executors, Open311 registrations
/// over HTTP from the load generator's process (Poisson arrivals), and, in this process from the host's services, the
/// executors' queue reads, the dashboard refreshes and comments on recent cards — all at once, for the whole time.
/// The server's memory is taken before the load, every few minutes, and at the end.
/// </summary>
public static class SoakRun
{
    public const string Command = "soak-run";

    public const string Registration = "registration: Open311 `POST requests.json` (HTTP)";
    public const string Queue = "executor's queue: `QueueQuery` (first page)";
    public const string Dashboard = "dashboard: `DashboardQuery.FiguresAsync` (deputy or mayor)";
    public const string Comment = "comment on a card: `CardActions` (executor)";

    public static async Task<int> RunAsync(CommandLine options)
    {
        var settings = SoakSettings.From(options);
        var resultPath = options.String("result") ?? throw new ArgumentException("--result is required.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(settings.Minutes + 20));
        var cancellationToken = timeout.Token;

        await using var database = await BenchDatabase.CreateAsync(settings.Provider);
        var portalSettings = new Dictionary<string, string?>(database.Settings) { ["Open311:PermitsPerMinute"] = "100000000" };
        await using var portal = PortalHost.Start(portalSettings);
        Progress($"seeding {settings.Executors} executors");
        var seed = await LoadSeed.CreateAsync(portal.Services, settings.Provider, settings.Executors, 30, 6, cancellationToken);
        await using var client = ChildProcess.Start(LoadClient.Command, [], client: true);
        await client.ExpectAsync("ready", TimeSpan.FromMinutes(1));

        var services = portal.Services;
        var dbFactory = services.GetRequiredService<IDbContextFactory<ContactCenterDbContext>>();
        var queue = services.GetRequiredService<QueueQuery>();
        var dashboard = services.GetRequiredService<DashboardQuery>();
        var executors = seed.ExecutorActors.Values.ToList();
        var recent = new RecentCards();

        var snapshots = new ConcurrentQueue<SoakSnapshot>();
        snapshots.Enqueue(await SnapshotAsync(dbFactory, 0, cancellationToken));
        Progress($"start: {Describe(snapshots.Last())}");
        var seconds = settings.Minutes * 60;
        var t0 = Stopwatch.GetTimestamp();
        var end = t0 + (seconds * Stopwatch.Frequency);

        var work = Path.Combine(Path.GetTempPath(), "cc-bench-soak-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        var jobPath = Path.Combine(work, "job.json");
        var outcomePath = Path.Combine(work, "outcome.json");
        var job = new LoadJob(portal.BaseUrl + Open311Endpoints.BasePath + "/requests.json", LoadMode.Open, 0, settings.Rate, 0, seconds, LoadSeed.ApiKey, seed.ServiceCodes, 0, outcomePath);
        await File.WriteAllTextAsync(jobPath, JsonSerializer.Serialize(job), cancellationToken);
        await client.SendAsync("run " + jobPath);

        var queueLoad = new InProcessLoad();
        var dashboardLoad = new InProcessLoad();
        var commentLoad = new InProcessLoad();
        var staleComments = 0;
        var random = new Random(15_000);
        int Next(int count)
        {
            lock (random)
            {
                return random.Next(count);
            }
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var refresher = recent.RefreshAsync(dbFactory, stop.Token);
        var sampler = Task.Run(async () =>
        {
            for (var minute = settings.SampleMinutes; minute < settings.Minutes; minute += settings.SampleMinutes)
            {
                var at = t0 + (minute * 60L * Stopwatch.Frequency);
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), at);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, stop.Token);
                }

                snapshots.Enqueue(await SnapshotAsync(dbFactory, minute, stop.Token));
                Progress($"{Describe(snapshots.Last())}");
            }
        }, stop.Token);

        var loads = new[]
        {
            queueLoad.OpenAsync(settings.QueueRate, end, 1, async _ =>
            {
                var actor = executors[Next(executors.Count)];
                await queue.HandleAsync(new QueueRequest(), actor, cancellationToken);
                return null;
            }, cancellationToken),
            dashboardLoad.OpenAsync(settings.DashboardRate, end, 2, async _ =>
            {
                var actor = seed.DashboardActors[Next(seed.DashboardActors.Count)];
                return await dashboard.FiguresAsync(actor, cancellationToken) is null ? "refused" : null;
            }, cancellationToken),
            Task.Run(async () =>
            {
                // Comments start once there are cards to comment on.
                await recent.FirstAsync(cancellationToken);
                await commentLoad.OpenAsync(settings.CommentRate, end, 3, async _ =>
                {
                    var card = recent.Pick(Next);
                    await using var scope = services.CreateAsyncScope();
                    var actions = scope.ServiceProvider.GetRequiredService<CardActions>();
                    var input = new CardActionInput { Text = "Бригаду направлено, роботи тривають." };
                    var result = await actions.ExecuteAsync(card.Number, null, seed.ExecutorActors[card.ExecutorId], CardAction.Comment, input, cancellationToken);

                    // Two comments on one card at once: the later save is refused as stale and the person, shown the
                    // fresh card, sends it again — counted, and repeated once, as part of the same operation.
                    if (result.IsFailure && result.Error == CardCommandErrors.Stale)
                    {
                        Interlocked.Increment(ref staleComments);
                        result = await actions.ExecuteAsync(card.Number, null, seed.ExecutorActors[card.ExecutorId], CardAction.Comment, input, cancellationToken);
                    }

                    return result.IsSuccess ? null : result.Error.Code;
                }, cancellationToken);
            }, cancellationToken),
        };
        await Task.WhenAll(loads);
        await client.ExpectAsync("done", TimeSpan.FromMinutes(5));
        await stop.CancelAsync();
        await Quietly(sampler);
        await Quietly(refresher);

        var final = await SnapshotAsync(dbFactory, Stopwatch.GetElapsedTime(t0).TotalMinutes, cancellationToken);
        snapshots.Enqueue(final);
        Progress($"end: {Describe(final)}");

        var http = JsonSerializer.Deserialize<LoadOutcome>(await File.ReadAllTextAsync(outcomePath, cancellationToken))!;
        Directory.Delete(work, recursive: true);
        var outcomes = new (string Name, LoadOutcome Outcome)[]
        {
            (Registration, http),
            (Queue, queueLoad.Outcome(seconds)),
            (Dashboard, dashboardLoad.Outcome(seconds)),
            (Comment, commentLoad.Outcome(seconds)),
        };
        var operations = outcomes.Select(o => OperationFigures.Of(o.Name, o.Outcome)).ToList();
        var windows = new List<SoakWindow>();
        for (var from = 0; from < settings.Minutes; from += settings.SampleMinutes)
        {
            var to = Math.Min(settings.Minutes, from + settings.SampleMinutes);
            var lo = t0 + (from * 60L * Stopwatch.Frequency);
            var hi = t0 + (to * 60L * Stopwatch.Frequency);
            windows.Add(new SoakWindow(from, to, outcomes
                .Select(o => OperationFigures.Of(o.Name, o.Outcome.Samples.Where(s => s.At >= lo && s.At < hi).ToList(), (to - from) * 60.0, []))
                .ToList()));
        }

        var result = new SoakResult(settings, operations, windows, [.. snapshots], staleComments);
        await File.WriteAllTextAsync(resultPath, JsonSerializer.Serialize(result), CancellationToken.None);
        return 0;
    }

    private static async Task<SoakSnapshot> SnapshotAsync(IDbContextFactory<ContactCenterDbContext> dbFactory, double minute, CancellationToken cancellationToken)
    {
        var memory = ServerMemory.Measure();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var cards = await db.Appeals.CountAsync(cancellationToken);
        return new SoakSnapshot(minute, memory.GcHeapMegabytes, memory.WorkingSetMegabytes, cards, LoadAverage.Now());
    }

    private static string Describe(SoakSnapshot s) =>
        string.Create(CultureInfo.InvariantCulture, $"minute {s.Minute:0}: GC heap {s.GcHeapMegabytes:0.0} MB, working set {s.WorkingSetMegabytes:0} MB, {s.Cards} cards, load {s.LoadAverage:0.0}");

    private static async Task Quietly(Task task)
    {
        try
        {
            await task;
        }
        catch (OperationCanceledException)
        {
            // Stopped at the end of the soak.
        }
    }

    private static void Progress(FormattableString message) =>
        Console.Error.WriteLine($"  [{DateTime.Now:HH:mm:ss}] {message.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>The newest cards (number and executor), read again every few seconds: what comments are written on.</summary>
    private sealed class RecentCards
    {
        private readonly TaskCompletionSource first = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private volatile IReadOnlyList<(string Number, Guid ExecutorId)> cards = [];

        public Task FirstAsync(CancellationToken cancellationToken) => first.Task.WaitAsync(cancellationToken);

        public (string Number, Guid ExecutorId) Pick(Func<int, int> next)
        {
            var list = cards;
            return list[next(list.Count)];
        }

        public async Task RefreshAsync(IDbContextFactory<ContactCenterDbContext> dbFactory, CancellationToken cancellationToken)
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
                {
                    var rows = await db.Appeals.AsNoTracking()
                        .OrderByDescending(a => a.RegisteredAt)
                        .Take(500)
                        .Select(a => new { a.Number, a.ExecutorId })
                        .ToListAsync(cancellationToken);
                    if (rows.Count > 0)
                    {
                        cards = rows.Select(r => (r.Number!, r.ExecutorId)).ToList();
                        first.TrySetResult();
                    }
                }

                await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
            }
        }
    }
}
