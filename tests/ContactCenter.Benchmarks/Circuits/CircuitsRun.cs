using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ContactCenter.Benchmarks.Hosting;
using ContactCenter.Benchmarks.Support;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Benchmarks.Circuits;

/// <summary>Server memory with this many interactive sessions open.</summary>
public sealed record CircuitStep(int Sessions, int Circuits, MemorySnapshot Memory);

public sealed record CircuitsResult(int Run, MemorySnapshot Baseline, IReadOnlyList<CircuitStep> Steps)
{
    /// <summary>Heap per circuit between the first and the last step: what one more session costs once the first ones have paid for what is shared.</summary>
    public double HeapKilobytesPerCircuit => PerCircuit(s => s.GcHeapBytes);

    public double WorkingSetKilobytesPerCircuit => PerCircuit(s => s.WorkingSetBytes);

    private double PerCircuit(Func<MemorySnapshot, long> figure) =>
        (figure(Steps[^1].Memory) - figure(Steps[0].Memory)) / 1024.0 / (Steps[^1].Circuits - Steps[0].Circuits);
}

/// <summary>
/// One run in a process of its own: the portal with the demo hromada on SQLite, a browser process opening pages,
/// and a full collection in this (server) process at each step.
/// </summary>
public static class CircuitsRun
{
    public const string Command = "circuits-run";

    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(3);

    public static async Task<int> RunAsync(CommandLine options)
    {
        var settings = CircuitsSettings.From(options);
        var run = options.Int("run", 1);
        var resultPath = options.String("result") ?? throw new ArgumentException("--result is required.");
        var folder = Path.Combine(Path.GetTempPath(), "cc-bench-circuits-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var counter = new CircuitCounter();
            Progress($"starting the portal with the demo data");
            CircuitsResult result;
            await using (var portal = PortalHost.Start(
                new Dictionary<string, string?>
                {
                    ["Database:Provider"] = "Sqlite",
                    ["ConnectionStrings:ContactCenter"] = "Data Source=" + Path.Combine(folder, "demo.db"),
                    ["Demo:Seed"] = "true",
                    [ContactCenter.Portal.Jobs.JobsServices.EnabledKey] = settings.Jobs ? null : "false",
                },
                services =>
                {
                    services.AddSingleton(counter);
                    services.AddScoped<CircuitHandler, CountingCircuitHandler>();
                }))
            {
                await using var browser = ChildProcess.Start(BrowserPages.Command, [
                    "--base-url", portal.BaseUrl,
                    "--page", settings.Page,
                    "--users", string.Join(',', settings.Users),
                    "--parallel", settings.Parallel.ToString(CultureInfo.InvariantCulture),
                ], client: true);
                await browser.ExpectAsync("ready", TimeSpan.FromMinutes(2));
                var baseline = ServerMemory.Measure();

                var steps = new List<CircuitStep>();
                var open = 0;
                foreach (var sessions in settings.Sessions)
                {
                    Progress($"opening {sessions - open} pages of {settings.Page} ({sessions} in all)");
                    await browser.SendAsync($"open {sessions - open}");
                    await browser.ExpectAsync("opened", TimeSpan.FromMinutes(10));
                    open = sessions;
                    await WaitForCircuitsAsync(counter, sessions);

                    // Renders triggered by the first interactive render (queries, live subscriptions) finish first.
                    await Task.Delay(Settle);
                    steps.Add(new CircuitStep(sessions, counter.Open, ServerMemory.Measure()));
                    Progress($"{counter.Open} circuits: GC heap {steps[^1].Memory.GcHeapMegabytes:0.0} MB, working set {steps[^1].Memory.WorkingSetMegabytes:0} MB");
                    if (options.String("gcdump") is { } dumps)
                    {
                        await HeapDump.CollectAsync(Path.Combine(dumps, $"run{run}-{sessions}.gcdump"));
                    }

                    if (options.String("heapdump") is { } heapDumps)
                    {
                        await HeapDump.CollectAsync(Path.Combine(heapDumps, $"run{run}-{sessions}.dmp"), wholeHeap: true);
                    }
                }

                await browser.SendAsync("stop");
                result = new CircuitsResult(run, baseline, steps);
            }

            await File.WriteAllTextAsync(resultPath, JsonSerializer.Serialize(result));
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Left to the temp folder's cleanup.
            }
        }
    }

    private static async Task WaitForCircuitsAsync(CircuitCounter counter, int expected)
    {
        var watch = Stopwatch.StartNew();
        while (counter.Open < expected && watch.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100);
        }

        if (counter.Open != expected)
        {
            Progress($"warning: {counter.Open} circuits open, {expected} pages");
        }
    }

    // The portal makes Ukrainian the default culture of the process; figures in the log keep the decimal point.
    private static void Progress(FormattableString message) =>
        Console.Error.WriteLine($"  [{DateTime.Now:HH:mm:ss}] {message.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
}
