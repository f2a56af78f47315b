using System.Diagnostics;
using System.Text.Json;
using ContactCenter.Benchmarks.Hosting;
using ContactCenter.Benchmarks.Push;
using ContactCenter.Benchmarks.Support;
using ContactCenter.Domain.Common;
using ContactCenter.Portal.Features.Admin;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Benchmarks.Faults;

/// <summary>
/// What the load and the clients need from the portal: an Open311 key, its service codes, a Department sign-in, and
/// the sign-in of the first executor's responsible person with the service code whose cards go to that executor.
/// </summary>
public sealed record FaultsSeed(
    string ApiKey,
    IReadOnlyList<string> ServiceCodes,
    string DepartmentCookie,
    string ExecutorCookie,
    Guid ExecutorId,
    string ExecutorServiceCode);

/// <summary>
/// One portal instance in a process of its own, so that it can be killed (SIGKILL) and started again on the same
/// database. The child hosts the real portal (<see cref="PortalHost"/>) and answers <c>ready URL</c>; it runs until its
/// input closes (a clean stop) or it is killed.
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    public const string Command = "faults-portal";

    private readonly ChildProcess child;

    private PortalProcess(ChildProcess child, Uri url, TimeSpan startup)
    {
        this.child = child;
        Url = url;
        Startup = startup;
    }

    public Uri Url { get; }

    /// <summary>From starting the process to the portal answering (migrations checked, roles ensured, Kestrel listening).</summary>
    public TimeSpan Startup { get; }

    public bool HasExited => child.HasExited;

    /// <summary>Starts an instance; the first one on a database also seeds it (<paramref name="seedPath"/> is written once).</summary>
    public static async Task<PortalProcess> StartAsync(IReadOnlyDictionary<string, string?> settings, string workFolder, string seedPath)
    {
        var settingsPath = Path.Combine(workFolder, $"portal-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(settingsPath, JsonSerializer.Serialize(settings));
        var watch = Stopwatch.StartNew();
        var child = ChildProcess.Start(Command, ["--settings", settingsPath, "--seed", seedPath]);
        try
        {
            var url = await child.ExpectAsync("ready", TimeSpan.FromMinutes(3));
            child.PassOnOutput($"  portal {child.Id}: ");
            return new PortalProcess(child, new Uri(url), watch.Elapsed);
        }
        catch
        {
            await child.DisposeAsync();
            throw;
        }
    }

    /// <summary>SIGKILL: no shutdown, no flush, open transactions cut where they are.</summary>
    public void Kill() => child.Kill();

    public ValueTask DisposeAsync() => child.DisposeAsync();

    /// <summary>The child's side.</summary>
    public static async Task<int> RunChildAsync(CommandLine options)
    {
        var settingsPath = options.String("settings") ?? throw new ArgumentException("--settings is required.");
        var seedPath = options.String("seed") ?? throw new ArgumentException("--seed is required.");
        var settings = JsonSerializer.Deserialize<Dictionary<string, string?>>(await File.ReadAllTextAsync(settingsPath))!;
        File.Delete(settingsPath);
        await using var portal = PortalHost.Start(settings);
        if (!File.Exists(seedPath))
        {
            var seed = await SeedAsync(portal.Services);
            var temporary = seedPath + ".part";
            await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(seed));
            File.Move(temporary, seedPath);
        }

        ParentChannel.Answer("ready " + portal.BaseUrl);
        while (await ParentChannel.NextCommandAsync() is not null)
        {
        }

        return 0;
    }

    /// <summary>A small organisation (the push benchmark's, 10 executors), an Open311 key, and a Department operator's cookie.</summary>
    private static async Task<FaultsSeed> SeedAsync(IServiceProvider services)
    {
        var settings = new PushSettings([1], PushProvider.Sqlite, 1, 1, 1, 0, 0) { Directions = 3, Executors = 10, DepartmentUsers = 2, Deputies = 1 };
        var organisation = await Organisation.CreateAsync(services, settings, CancellationToken.None);
        var admin = new Actor("faults-admin", "Адміністратор навантаження", Role.Admin);
        var issued = await services.GetRequiredService<IssueApiKey>().HandleAsync(new IssueApiKeyCommand("Навантажувальний клієнт"), admin);
        if (!issued.IsSuccess)
        {
            throw new InvalidOperationException("Could not issue an API key: " + string.Join("; ", issued.Errors.Select(e => e.Message)));
        }

        // Problem 99.00n goes to the n-th executor (Organisation.CreateAsync).
        var codes = Enumerable.Range(1, settings.Executors).Select(i => $"99.{i:000}").ToList();
        var executor = organisation.Of(PersonKind.Executor).First();
        var executorIndex = organisation.Executors.ToList().FindIndex(e => e.Id == executor.ExecutorId);
        return new FaultsSeed(issued.Value!.Key, codes, organisation.Of(PersonKind.Department).First().Cookie, executor.Cookie, executor.ExecutorId!.Value, codes[executorIndex]);
    }
}
