using System.Globalization;
using System.Text.Json;
using ContactCenter.Benchmarks.Hosting;
using ContactCenter.Benchmarks.Push;
using ContactCenter.Benchmarks.Support;
using ContactCenter.Domain.Appeals;
using ContactCenter.Portal.Features.Intake;
using ContactCenter.Portal.Features.Open311;
using ContactCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Benchmarks.Load;

/// <summary>The three ways a card is registered in the <c>register</c> benchmark.</summary>
public enum RegisterPath
{
    /// <summary>A bare Kestrel endpoint with one raw ADO.NET insert, over HTTP.</summary>
    Baseline,

    /// <summary>The portal's Open311 <c>POST requests.json</c>, over HTTP.</summary>
    Open311,

    /// <summary>The registration use case called from the host's services.</summary>
    UseCase,
}

/// <summary>One path at one concurrency in one run.</summary>
/// <param name="CommandsPerRequest">SQL commands the portal's contexts ran per card registered (the outbox reads included).</param>
/// <param name="CpuMillisecondsPerRequest">
/// CPU time of the server process per row written (warm-up included on both sides): what a request costs the server,
/// which other processes on a shared machine do not change the way they change latency. The database server's own
/// processes (PostgreSQL) are not in it.
/// </param>
/// <param name="KilobytesPerRequest">Memory the server process allocated per row written: what its garbage collector has to take back.</param>
/// <param name="DatabaseCpuMillisecondsPerRequest">CPU time of the database server's processes per row written (PostgreSQL; SQLite runs inside the server process).</param>
/// <param name="ClientCpuMillisecondsPerRequest">CPU time of the HTTP load generator per row written (none for the in-process path).</param>
/// <param name="MachineBusy">The share of the machine's processors busy while the path was measured, whoever used them.</param>
public sealed record RegisterFigures(string Provider, int Run, int Concurrency, RegisterPath Path, OperationFigures Figures, double LoadAverage, double CommandsPerRequest, double CpuMillisecondsPerRequest, double KilobytesPerRequest = 0, double DatabaseCpuMillisecondsPerRequest = 0, double ClientCpuMillisecondsPerRequest = 0, double MachineBusy = 0)
{
    /// <summary>Server, database and load generator together: the machine's CPU one request costs.</summary>
    public double TotalCpuMillisecondsPerRequest => CpuMillisecondsPerRequest + DatabaseCpuMillisecondsPerRequest + ClientCpuMillisecondsPerRequest;
}

/// <summary>
/// One run of <c>register</c> on one provider, in a process of its own: a new database, the real portal on Kestrel,
/// the baseline endpoint beside it, the HTTP load generator in a further process; then each path in turn at each
/// concurrency, closed loop (callers send again as soon as they are answered): the saturated throughput and its latency.
/// </summary>
public static class RegisterRun
{
    public const string Command = "register-run";

    public static async Task<int> RunAsync(CommandLine options)
    {
        var settings = RegisterSettings.From(options);
        var provider = settings.Providers[0];
        var run = options.Int("run", 1);
        var resultPath = options.String("result") ?? throw new ArgumentException("--result is required.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(30));
        var cancellationToken = timeout.Token;

        await using var database = await BenchDatabase.CreateAsync(provider);
        var portalSettings = new Dictionary<string, string?>(database.Settings)
        {
            // The per-key limit (30 a minute by default) guards the portal against one runaway client; here the one
            // client is the load itself.
            ["Open311:PermitsPerMinute"] = "100000000",

            // The scheduled jobs catch up at start (the monthly reports of the seeded executors): a burst of report
            // building in whichever path is measured first. They are periodic work, not part of a registration.
            ["Jobs:Enabled"] = "false",
        };
        var counter = new CommandCounter();
        await using var portal = PortalHost.Start(portalSettings, services => counter.Attach(provider, services));
        Progress($"seeding {settings.Executors} executors");
        var seed = await LoadSeed.CreateAsync(portal.Services, provider, settings.Executors, 10, 3, cancellationToken);
        await using var baseline = await BaselineHost.StartAsync(provider, database.Settings["ConnectionStrings:ContactCenter"]!);
        await using var client = ChildProcess.Start(LoadClient.Command, [], client: true);
        await client.ExpectAsync("ready", TimeSpan.FromMinutes(1));

        var register = portal.Services.GetRequiredService<RegisterAppeal>();
        var work = Path.Combine(Path.GetTempPath(), "cc-bench-register-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        var results = new List<RegisterFigures>();
        try
        {
            var phase = 0;

            // Every path runs, unmeasured, before any is measured: the process's first seconds run the JIT's first-tier
            // code and fill the pools, and whichever path came first paid for it (a third of the rate). The JIT goes on
            // recompiling hot methods in the background for longer than that on a busy machine (7 s of compilation in
            // the first measured path after one 5-second round), so the rounds go on until a round compiles for less
            // than 2 % of its length, five rounds at most.
            for (var round = 1; round <= 5 && settings.Settle > 0; round++)
            {
                var jitBefore = System.Runtime.JitInfo.GetCompilationTime();
                foreach (var path in Enum.GetValues<RegisterPath>())
                {
                    phase++;
                    Progress($"{path}: {settings.Settle} s to settle, not measured (round {round})");
                    var settle = settings with { Warmup = 0, Seconds = settings.Settle };
                    _ = path switch
                    {
                        RegisterPath.Baseline => await HttpAsync(client, work, baseline.BaseUrl + BaselineHost.Path, settings.Concurrency[0], phase * 400_000, settle, seed),
                        RegisterPath.Open311 => await HttpAsync(client, work, portal.BaseUrl + Open311Endpoints.BasePath + "/requests.json", settings.Concurrency[0], phase * 400_000, settle, seed),
                        _ => await InProcessLoad.ClosedAsync(settings.Concurrency[0], 0, settings.Settle, n => RegisterAsync(register, seed, (phase * 400_000) + n, cancellationToken)),
                    };
                }

                var compiling = System.Runtime.JitInfo.GetCompilationTime() - jitBefore;
                Progress($"  the JIT compiled for {compiling.TotalMilliseconds:0} ms in this round");
                if (compiling < TimeSpan.FromSeconds(settings.Settle * Enum.GetValues<RegisterPath>().Length * 0.02))
                {
                    break;
                }
            }

            foreach (var concurrency in settings.Concurrency)
            {
                // The order turns from run to run, so that a warmer process or a fuller table does not always favour one path.
                var paths = Enum.GetValues<RegisterPath>();
                foreach (var path in paths.Skip((run - 1) % paths.Length).Concat(paths.Take((run - 1) % paths.Length)))
                {
                    phase++;
                    var phoneSeed = phase * 400_000;
                    var load = LoadAverage.Now();
                    var cardsBefore = await CardsAsync(portal.Services, cancellationToken);
                    var commandsBefore = counter.Commands;
                    var insertedBefore = baseline.Inserted;
                    var cpuBefore = CpuMilliseconds();
                    var allocatedBefore = GC.GetTotalAllocatedBytes();
                    var machineBefore = MachineCpu.Read(client.Id);
                    var jitBefore = System.Runtime.JitInfo.GetCompilationTime();
                    Progress($"{path}, {concurrency} callers: {settings.Warmup} s warm-up, {settings.Seconds} s measured");
                    var outcome = path switch
                    {
                        RegisterPath.Baseline => await HttpAsync(client, work, baseline.BaseUrl + BaselineHost.Path, concurrency, phoneSeed, settings, seed),
                        RegisterPath.Open311 => await HttpAsync(client, work, portal.BaseUrl + Open311Endpoints.BasePath + "/requests.json", concurrency, phoneSeed, settings, seed),
                        _ => await InProcessLoad.ClosedAsync(concurrency, settings.Warmup, settings.Seconds, n => RegisterAsync(register, seed, phoneSeed + n, cancellationToken)),
                    };
                    var operation = OperationFigures.Of(path.ToString(), outcome);
                    var cpu = CpuMilliseconds() - cpuBefore;
                    var machine = MachineCpu.Read(client.Id);
                    var jit = System.Runtime.JitInfo.GetCompilationTime() - jitBefore;
                    var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
                    var commandsAfter = counter.Commands;
                    var cards = await CardsAsync(portal.Services, cancellationToken) - cardsBefore;
                    var commands = path == RegisterPath.Baseline ? 1 : (commandsAfter - commandsBefore - 1) / (double)Math.Max(1, cards);
                    var written = path == RegisterPath.Baseline ? baseline.Inserted - insertedBefore : cards;
                    var perRow = 1.0 / Math.Max(1, written);
                    var figures = new RegisterFigures(
                        provider.ToString(), run, concurrency, path, operation, Math.Max(load, LoadAverage.Now()), commands, cpu * perRow, allocated / 1024.0 * perRow,
                        (machine.DatabaseMilliseconds - machineBefore.DatabaseMilliseconds) * perRow,
                        (machine.ClientMilliseconds - machineBefore.ClientMilliseconds) * perRow,
                        machine.BusySince(machineBefore));
                    results.Add(figures);
                    Progress($"  {figures.Figures.PerSecond:0.0}/s, p50 {figures.Figures.P50:0.0} ms, p99 {figures.Figures.P99:0.0} ms, {figures.Figures.Errors} errors, {figures.CommandsPerRequest:0.0} commands and {figures.CpuMillisecondsPerRequest:0.00} ms CPU and {figures.KilobytesPerRequest:0} KB allocated each; database {figures.DatabaseCpuMillisecondsPerRequest:0.00} ms, load generator {figures.ClientCpuMillisecondsPerRequest:0.00} ms CPU each; machine {figures.MachineBusy:P0} busy; JIT {jit.TotalMilliseconds:0} ms {string.Join(" | ", figures.Figures.Failures.Take(2))}");

                    // The outbox dispatcher and the pools settle before the next path.
                    await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
                }
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }

        await File.WriteAllTextAsync(resultPath, JsonSerializer.Serialize(results), cancellationToken);
        return 0;
    }

    private static async Task<LoadOutcome> HttpAsync(ChildProcess client, string work, string url, int concurrency, int phoneSeed, RegisterSettings settings, LoadSeed seed)
    {
        var jobPath = Path.Combine(work, "job.json");
        var resultPath = Path.Combine(work, "outcome.json");
        var job = new LoadJob(url, LoadMode.Closed, concurrency, 0, settings.Warmup, settings.Seconds, LoadSeed.ApiKey, seed.ServiceCodes, phoneSeed, resultPath);
        await File.WriteAllTextAsync(jobPath, JsonSerializer.Serialize(job));
        await client.SendAsync("run " + jobPath);
        await client.ExpectAsync("done", TimeSpan.FromSeconds(settings.Warmup + settings.Seconds) + TimeSpan.FromMinutes(2));
        var outcome = JsonSerializer.Deserialize<LoadOutcome>(await File.ReadAllTextAsync(resultPath))!;
        File.Delete(resultPath);
        return outcome;
    }

    private static double CpuMilliseconds()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalMilliseconds;
    }

    private static async Task<int> CardsAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<ContactCenterDbContext>>().CreateDbContextAsync(cancellationToken);
        return await db.Appeals.CountAsync(cancellationToken);
    }

    /// <summary>What an operator's intake form hands to the use case: a phone appeal, a phone of its own, a random executor's problem.</summary>
    private static async Task<string?> RegisterAsync(RegisterAppeal register, LoadSeed seed, int number, CancellationToken cancellationToken)
    {
        var organisation = seed.Organisation;
        var executor = organisation.Executors[number % organisation.Executors.Count];
        var phone = "067" + (1_000_000 + number).ToString(CultureInfo.InvariantCulture);
        var appeal = new NewAppeal(
            Channel.Phone,
            new Applicant("Іваненко", "Марія", "Петрівна", "м. Київ, вул. Соборна, 1", phone, null),
            "Немає води з ранку",
            "м. Київ, вул. Соборна, 1");
        var result = await register.HandleAsync(new RegisterAppealCommand(appeal, organisation.ProblemOf[executor.Id]), organisation.Registrar, cancellationToken);
        return result.IsSuccess ? null : string.Join("; ", result.Errors.Select(e => e.Code));
    }

    private static void Progress(FormattableString message) =>
        Console.Error.WriteLine($"  [{DateTime.Now:HH:mm:ss}] {message.ToString(CultureInfo.InvariantCulture)}");
}
