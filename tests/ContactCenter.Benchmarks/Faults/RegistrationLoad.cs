using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using ContactCenter.Benchmarks.Support;

namespace ContactCenter.Benchmarks.Faults;

/// <summary>One POST: its service code, when it was sent and answered (Stopwatch timestamps), the HTTP status (0: no answer), the number given.</summary>
public sealed record Attempt(int Writer, string ServiceCode, long Sent, long Answered, int Status, string? Number, string? Failure);

/// <summary>
/// Several concurrent writers filing cards through Open311 (<c>POST /open311/v2/requests.json</c>) over HTTP, as a
/// city's mobile application would, each at its own steady pace. Every answer is kept: a success's number is what the
/// portal promised to have saved.
/// </summary>
public sealed class RegistrationLoad(Uri baseUrl, FaultsSeed seed, int writers, double ratePerSecond)
{
    /// <summary>A client gives up on one request after this long and counts it as unanswered.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(20);

    private readonly ConcurrentQueue<Attempt> attempts = new();
    private long sequence;

    public IReadOnlyCollection<Attempt> Attempts => attempts;

    /// <summary>The numbers of every card the portal answered 200 for.</summary>
    public IReadOnlyList<string> Acknowledged => attempts.Where(a => a.Number is not null).Select(a => a.Number!).ToList();

    /// <summary>The numbers of the cards acknowledged for one service code (so for the executor it is routed to).</summary>
    public IReadOnlyList<string> AcknowledgedFor(string serviceCode) =>
        attempts.Where(a => a.Number is not null && a.ServiceCode == serviceCode).Select(a => a.Number!).ToList();

    public Task RunAsync(CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(() => WriteAsync(w, stop), CancellationToken.None)));

    private async Task WriteAsync(int writer, CancellationToken stop)
    {
        // A fresh connection after a failure: a socket to a killed instance is not reused.
        using var http = new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(5), PooledConnectionLifetime = TimeSpan.FromSeconds(30) })
        {
            BaseAddress = baseUrl,
            Timeout = RequestTimeout,
        };
        var interval = TimeSpan.FromSeconds(writers / ratePerSecond);
        var due = Stopwatch.GetTimestamp();
        while (!stop.IsCancellationRequested)
        {
            var n = Interlocked.Increment(ref sequence);
            var code = seed.ServiceCodes[(int)(n % seed.ServiceCodes.Count)];
            var sent = Stopwatch.GetTimestamp();
            Attempt attempt;
            try
            {
                using var response = await http.PostAsync("/open311/v2/requests.json", Form(n, code), CancellationToken.None);
                var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
                var answered = Stopwatch.GetTimestamp();
                attempt = response.StatusCode == HttpStatusCode.OK
                    ? new Attempt(writer, code, sent, answered, 200, Number(body), null)
                    : new Attempt(writer, code, sent, answered, (int)response.StatusCode, null, Describe(response, body));
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                attempt = new Attempt(writer, code, sent, Stopwatch.GetTimestamp(), 0, null, e.GetType().Name + ": " + e.Message);
            }

            attempts.Enqueue(attempt);
            due += (long)(interval.TotalSeconds * Stopwatch.Frequency);
            var wait = Stats.Milliseconds(Stopwatch.GetTimestamp(), due);
            if (wait > 0)
            {
                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(wait), stop);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
            else if (attempt.Status != 200)
            {
                // Behind after failures: do not hammer a portal that is down, and do not burst afterwards either.
                due = Stopwatch.GetTimestamp();
                await Task.Delay(250, CancellationToken.None);
            }
        }
    }

    private FormUrlEncodedContent Form(long n, string code)
    {
        var phone = string.Create(CultureInfo.InvariantCulture, $"+38067{n % 10_000_000:0000000}");
        return new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["api_key"] = seed.ApiKey,
            ["service_code"] = code,
            ["address_string"] = $"вул. Навантажувальна, {1 + (n % 200)}",
            ["email"] = $"load{n}@bench.local",
            ["first_name"] = "Оксана",
            ["last_name"] = "Коваленко",
            ["phone"] = phone,
            ["description"] = $"Навантажувальне звернення № {n}: порив водопроводу біля будинку.",
            ["attribute[patronymic]"] = "Іванівна",
            ["attribute[residence]"] = "м. Київ, вул. Хрещатик, 1",
        });
    }

    private static string? Number(string body)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement[0].GetProperty("service_request_id").GetString();
    }

    private static string Describe(HttpResponseMessage response, string body)
    {
        var type = response.Content.Headers.ContentType?.MediaType ?? "?";
        var text = body.Length > 300 ? body[..300] : body;
        return $"{(int)response.StatusCode} {type} {text.ReplaceLineEndings(" ")}";
    }
}
