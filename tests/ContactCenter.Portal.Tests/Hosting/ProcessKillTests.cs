using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using ContactCenter.Infrastructure.Api;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Infrastructure.Tests.Support;
using ContactCenter.Portal.Realtime;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Tests.Hosting;

/// <summary>
/// The portal process killed (SIGKILL) while Open311 clients register cards, and started again on the same SQLite file:
/// every card it acknowledged is there, the file passes SQLite's integrity check, and a live screen that comes back asks
/// the new process for what it missed and gets every event of the outbox. The quick version of the load harness's
/// <c>faults --scenario kill</c> (20 kills, both providers).
/// </summary>
public sealed partial class ProcessKillTests
{
    private const string ApiKeyValue = "kill-test-key-0123456789";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task APortalKilledUnderLoad_LosesNoAcknowledgedCard_AndALiveScreenCatchesUpOnTheRestartedOne()
    {
        var folder = Path.Combine(Path.GetTempPath(), "cc-portal-tests", Guid.NewGuid().ToString("N"));
        var file = Path.Combine(folder, "portal.db");
        var settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:ContactCenter"] = $"Data Source={file}",
            ["Demo:Seed"] = "false",
            ["Admin:Email"] = PortalFactory.AdminEmail,
            ["Admin:Password"] = PortalFactory.AdminPassword,
            ["Jobs:Enabled"] = "false",
            ["DataProtection:KeysFolder"] = Path.Combine(folder, "keys"),
            ["Open311:PermitsPerMinute"] = "100000",
        };
        try
        {
            var cards = new Cards();
            var acknowledged = new ConcurrentBag<string>();
            await using (var first = await PortalProcess.StartAsync(settings))
            {
                await SeedAsync(file, cards);
                using var stop = new CancellationTokenSource();
                var writers = Enumerable.Range(0, 3).Select(w => WriteAsync(first.Url, cards.Problem.Code, w, acknowledged, stop.Token)).ToList();
                var waited = Stopwatch.StartNew();
                while (acknowledged.Count < 30 && waited.Elapsed < TimeSpan.FromMinutes(2))
                {
                    await Task.Delay(20, Ct);
                }

                // Cut off with requests in flight: no shutdown, no flush.
                first.Kill();
                await stop.CancelAsync();
                await Task.WhenAll(writers);
            }

            Assert.True(acknowledged.Count >= 30, $"only {acknowledged.Count} cards were acknowledged before the kill");
            var (integrity, numbers, sequences) = await ReadAsync(file);
            Assert.Equal("ok", integrity);
            var missing = acknowledged.Where(n => !numbers.Contains(n)).ToList();
            Assert.True(missing.Count == 0, $"acknowledged but missing: {string.Join(", ", missing)}");

            await using var second = await PortalProcess.StartAsync(settings);
            var cookies = await PortalFactory.SignInAsync(second.Url, PortalFactory.AdminEmail, PortalFactory.AdminPassword, Ct);
            var live = new TaskCompletionSource<CardEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
            await using var hub = new HubConnectionBuilder().WithUrl(second.Url + CardsHub.Path, o => o.Cookies = cookies).Build();
            hub.On<CardEvent>(CardsHub.CardChanged, e => live.TrySetResult(e));
            await hub.StartAsync(Ct);

            // A screen that was open before the kill asks for everything after the last event it had (here: none).
            var replay = await hub.InvokeAsync<IReadOnlyList<CardEvent>>(nameof(CardsHub.CatchUp), 0L, Ct);
            Assert.Equal(sequences, replay.Select(e => e.Sequence).ToList());

            // The restarted process takes registrations again and pushes them live.
            var again = new ConcurrentBag<string>();
            await PostAsync(second.Url, cards.Problem.Code, 99_999, again);

            var number = Assert.Single(again);
            Assert.Equal(number, (await live.Task.WaitAsync(TimeSpan.FromMinutes(1), Ct)).RegistrationNumber);
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
            }
        }
    }

    private static async Task SeedAsync(string file, Cards cards)
    {
        var options = new DbContextOptionsBuilder<SqliteContactCenterDbContext>().UseSqlite($"Data Source={file}").AddInterceptors(SqliteFunctions.Instance).Options;
        await using var db = new SqliteContactCenterDbContext(options);
        await cards.AddReferenceDataAsync(db);
        db.ApiKeys.Add(ApiKey.Issue("Застосунок громади", ApiKeyValue, Cards.Now, "Адміністратор"));
        await db.SaveChangesAsync(Ct);
    }

    private static async Task WriteAsync(string url, string serviceCode, int writer, ConcurrentBag<string> acknowledged, CancellationToken stop)
    {
        for (var n = writer * 100_000; !stop.IsCancellationRequested; n++)
        {
            try
            {
                await PostAsync(url, serviceCode, n, acknowledged);
            }
            catch (HttpRequestException)
            {
                // The process is gone: what it answered before is what counts.
                return;
            }
        }
    }

    private static async Task PostAsync(string url, string serviceCode, int n, ConcurrentBag<string> acknowledged)
    {
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        using var response = await http.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["api_key"] = ApiKeyValue,
            ["service_code"] = serviceCode,
            ["address_string"] = $"м. Пирятин, вул. Соборна, {1 + (n % 100)}",
            ["email"] = $"applicant{n}@example.ua",
            ["first_name"] = "Оксана",
            ["last_name"] = "Коваленко",
            ["phone"] = $"+38067{n:0000000}",
            ["description"] = $"Порив водопроводу біля будинку (звернення {n}).",
            ["attribute[patronymic]"] = "Іванівна",
            ["attribute[residence]"] = "м. Пирятин, вул. Незалежності, 77",
        }), CancellationToken.None);
        if (response.StatusCode == HttpStatusCode.OK)
        {
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(CancellationToken.None));
            acknowledged.Add(json.RootElement[0].GetProperty("service_request_id").GetString()!);
        }
    }

    private static async Task<(string Integrity, HashSet<string> Numbers, List<long> Sequences)> ReadAsync(string file)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync(Ct);
        var integrity = string.Join("; ", await ListAsync(connection, "PRAGMA integrity_check", r => r.GetString(0)));
        var numbers = (await ListAsync(connection, "SELECT \"Number\" FROM \"Appeals\"", r => r.GetString(0))).ToHashSet();
        var sequences = await ListAsync(connection, "SELECT \"Sequence\" FROM \"OutboxEvents\" ORDER BY \"Sequence\"", r => r.GetInt64(0));
        return (integrity, numbers, sequences);
    }

    private static async Task<List<T>> ListAsync<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> read)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var list = new List<T>();
        while (await reader.ReadAsync(Ct))
        {
            list.Add(read(reader));
        }

        return list;
    }

    /// <summary>The portal as a process of its own (its build beside the tests), so that it can be killed.</summary>
    private sealed partial class PortalProcess : IAsyncDisposable
    {
        private readonly Process process;

        private PortalProcess(Process process, string url)
        {
            this.process = process;
            Url = url;
        }

        public string Url { get; }

        public static async Task<PortalProcess> StartAsync(IReadOnlyDictionary<string, string> settings)
        {
            var folder = AppContext.BaseDirectory;
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                WorkingDirectory = folder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(Path.Combine(folder, "ContactCenter.Portal.dll"));
            start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
            start.Environment["Logging__LogLevel__Default"] = "Warning";
            start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
            foreach (var (key, value) in settings)
            {
                start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
            }

            var process = Process.Start(start) ?? throw new InvalidOperationException("The portal did not start.");
            _ = process.StandardError.ReadToEndAsync(CancellationToken.None);
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            try
            {
                while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
                {
                    if (ListeningPattern().Match(line) is { Success: true } match)
                    {
                        // Read on, or the process blocks once the pipe is full.
                        _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                        return new PortalProcess(process, match.Groups[1].Value);
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }

            process.Kill();
            process.Dispose();
            throw new InvalidOperationException("The portal process did not report its address.");
        }

        /// <summary>SIGKILL on Linux.</summary>
        public void Kill()
        {
            process.Kill();
            process.WaitForExit();
        }

        public async ValueTask DisposeAsync()
        {
            if (!process.HasExited)
            {
                process.Kill();
                await process.WaitForExitAsync(CancellationToken.None);
            }

            process.Dispose();
        }

        [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
        private static partial Regex ListeningPattern();
    }
}
