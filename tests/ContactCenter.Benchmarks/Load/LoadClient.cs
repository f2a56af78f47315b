using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ContactCenter.Benchmarks.Support;

namespace ContactCenter.Benchmarks.Load;

/// <summary>How requests are sent: back to back by a fixed number of callers, or at a mean rate whatever the answers.</summary>
public enum LoadMode
{
    /// <summary>Each of <see cref="LoadJob.Concurrency"/> callers sends its next request when the last one is answered: the saturated throughput.</summary>
    Closed,

    /// <summary>Poisson arrivals at <see cref="LoadJob.Rate"/> per second, as independent citizens' apps send them.</summary>
    Open,
}

/// <param name="Url">Where the Open311 form is posted (the portal's <c>POST requests</c>, or the baseline's endpoint).</param>
/// <param name="PhoneSeed">The first phone number's offset: every request has a phone of its own (the same phone and problem would be linked as a repeat, §4.1).</param>
public sealed record LoadJob(
    string Url,
    LoadMode Mode,
    int Concurrency,
    double Rate,
    int WarmupSeconds,
    int Seconds,
    string ApiKey,
    IReadOnlyList<string> ServiceCodes,
    int PhoneSeed,
    string ResultPath);

/// <summary>One request: when it started (a <see cref="Stopwatch"/> timestamp), how long it took, whether it was answered 200.</summary>
public sealed record LoadSample(long At, double Milliseconds, bool Ok);

/// <param name="Samples">The measured requests (not the warm-up).</param>
/// <param name="Failures">A few distinct failure descriptions (status and body, or the exception).</param>
public sealed record LoadOutcome(IReadOnlyList<LoadSample> Samples, double MeasuredSeconds, IReadOnlyList<string> Failures);

/// <summary>
/// The HTTP load generator, a process of its own so that the server process's CPU and memory are the server's. It
/// posts GeoReport v2 forms (<c>application/x-www-form-urlencoded</c>, as a city app would). Commands from the parent:
/// <c>run PATH</c> (a <see cref="LoadJob"/> as JSON); answer: <c>done</c> once its <see cref="LoadOutcome"/> is written.
/// </summary>
public static class LoadClient
{
    public const string Command = "load-client";

    public static async Task<int> RunAsync(CommandLine options)
    {
        _ = options;
        using var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            MaxConnectionsPerServer = int.MaxValue,
        };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };
        ParentChannel.Answer("ready");
        while (await ParentChannel.NextCommandAsync() is { } command)
        {
            if (!command.StartsWith("run ", StringComparison.Ordinal))
            {
                continue;
            }

            var job = JsonSerializer.Deserialize<LoadJob>(await File.ReadAllTextAsync(command[4..].Trim())) ?? throw new ArgumentException("Empty job.");
            var outcome = job.Mode == LoadMode.Closed ? await ClosedAsync(http, job) : await OpenAsync(http, job);
            await File.WriteAllTextAsync(job.ResultPath, JsonSerializer.Serialize(outcome));
            ParentChannel.Answer("done");
        }

        return 0;
    }

    private static async Task<LoadOutcome> ClosedAsync(HttpClient http, LoadJob job)
    {
        var sender = new Sender(http, job);
        var start = Stopwatch.GetTimestamp();
        var measuredFrom = start + (job.WarmupSeconds * Stopwatch.Frequency);
        var end = measuredFrom + (job.Seconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, job.Concurrency).Select(async _ =>
        {
            while (Stopwatch.GetTimestamp() < end)
            {
                await sender.SendAsync(measuredFrom, end);
            }
        });
        await Task.WhenAll(workers);
        return sender.Outcome(job.Seconds);
    }

    private static async Task<LoadOutcome> OpenAsync(HttpClient http, LoadJob job)
    {
        var sender = new Sender(http, job);
        var random = new Random(8_300);
        var start = Stopwatch.GetTimestamp();
        var measuredFrom = start + (job.WarmupSeconds * Stopwatch.Frequency);
        var end = measuredFrom + (job.Seconds * Stopwatch.Frequency);
        var pending = new List<Task>();
        var at = start;
        while (true)
        {
            at += (long)(-Math.Log(1 - random.NextDouble()) / job.Rate * Stopwatch.Frequency);
            if (at >= end)
            {
                break;
            }

            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), at);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            // Not awaited: a slow answer must not delay the next citizen.
            pending.Add(sender.SendAsync(measuredFrom, long.MaxValue));
            pending.RemoveAll(t => t.IsCompleted);
        }

        await Task.WhenAll(pending);
        return sender.Outcome(job.Seconds);
    }

    private sealed class Sender(HttpClient http, LoadJob job)
    {
        private readonly ConcurrentQueue<LoadSample> samples = new();
        private readonly ConcurrentDictionary<string, byte> failures = new();
        private int sequence;

        public async Task SendAsync(long measuredFrom, long end)
        {
            var n = Interlocked.Increment(ref sequence);
            using var form = Form(n);
            var started = Stopwatch.GetTimestamp();
            bool ok;
            try
            {
                using var response = await http.PostAsync(job.Url, form);
                var body = await response.Content.ReadAsStringAsync();
                ok = response.IsSuccessStatusCode;
                if (!ok && failures.Count < 10)
                {
                    failures.TryAdd($"{(int)response.StatusCode}: {body[..Math.Min(200, body.Length)]}", 0);
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                ok = false;
                if (failures.Count < 10)
                {
                    failures.TryAdd(e.GetType().Name + ": " + e.Message, 0);
                }
            }

            var finished = Stopwatch.GetTimestamp();
            if (started >= measuredFrom && finished <= end)
            {
                samples.Enqueue(new LoadSample(started, Stats.Milliseconds(started, finished), ok));
            }
        }

        public LoadOutcome Outcome(double seconds) => new([.. samples], seconds, [.. failures.Keys]);

        /// <summary>The fields POST requests requires (README), with a phone and e-mail of this request's own.</summary>
        private FormUrlEncodedContent Form(int n)
        {
            var number = job.PhoneSeed + n;
            return new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["api_key"] = job.ApiKey,
                ["service_code"] = job.ServiceCodes[n % job.ServiceCodes.Count],
                ["first_name"] = "Марія",
                ["last_name"] = "Іваненко",
                ["attribute[patronymic]"] = "Петрівна",
                ["attribute[residence]"] = "м. Київ, вул. Соборна, 1",
                ["email"] = string.Create(CultureInfo.InvariantCulture, $"load{number}@ukr.net"),
                ["phone"] = "067" + (1_000_000 + number).ToString(CultureInfo.InvariantCulture),
                ["address_string"] = "м. Київ, вул. Соборна, 1",
                ["description"] = "Немає води з ранку",
            });
        }
    }
}
