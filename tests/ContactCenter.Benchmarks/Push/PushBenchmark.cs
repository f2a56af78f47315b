using System.Globalization;
using System.Text.Json;
using ContactCenter.Benchmarks.Support;

namespace ContactCenter.Benchmarks.Push;

/// <summary>
/// <c>push</c>: for each run and each client count, a fresh server process (<see cref="PushRun"/>) with a fresh
/// database; then the figures of all runs as Markdown. Runs go round the client counts (1, 100, 1000, 1, 100, …) so
/// that a noisy minute on the shared machine does not land on all runs of one count.
/// </summary>
public static class PushBenchmark
{
    public static async Task<int> RunAsync(PushSettings settings, CommandLine options)
    {
        var results = new List<PushResult>();
        for (var run = 1; run <= settings.Runs; run++)
        {
            foreach (var clients in settings.Clients)
            {
                Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] push: {clients} clients, run {run} of {settings.Runs} ({settings.Provider})");
                var resultPath = Path.Combine(Path.GetTempPath(), $"cc-bench-push-{Guid.NewGuid():N}.json");
                var arguments = Forward(options, clients, run, resultPath);
                await using (var child = ChildProcess.Start(PushRun.Command, arguments))
                {
                    var exit = await child.WaitForExitAsync(TimeSpan.FromSeconds(settings.Seconds + settings.Warmup) + TimeSpan.FromMinutes(20));
                    if (exit != 0 || !File.Exists(resultPath))
                    {
                        Console.Error.WriteLine($"  run failed (exit code {exit})");
                        continue;
                    }
                }

                var result = JsonSerializer.Deserialize<PushResult>(await File.ReadAllTextAsync(resultPath))!;
                File.Delete(resultPath);
                results.Add(result);
                Console.Error.WriteLine("  " + PushReport.RunRow(result));
            }
        }

        if (results.Count == 0)
        {
            Console.Error.WriteLine("No run succeeded.");
            return 1;
        }

        PushReport.Print(settings, results, Console.Out);
        return results.Count == settings.Runs * settings.Clients.Count ? 0 : 1;
    }

    private static List<string> Forward(CommandLine options, int clients, int run, string resultPath)
    {
        var arguments = new List<string>();
        foreach (var name in new[] { "provider", "seconds", "rate", "warmup", "source-addresses" })
        {
            if (options.String(name) is { } value)
            {
                arguments.AddRange(["--" + name, value]);
            }
        }

        arguments.AddRange(["--clients", clients.ToString(CultureInfo.InvariantCulture), "--run", run.ToString(CultureInfo.InvariantCulture), "--result", resultPath]);
        return arguments;
    }
}
