using System.Diagnostics;
using System.Globalization;
using System.Net;
using ContactCenter.Benchmarks.Push;
using ContactCenter.Benchmarks.Support;
using ContactCenter.Infrastructure.Tests.Support;
using ContactCenter.Portal.Realtime;
using Npgsql;

namespace ContactCenter.Benchmarks.Faults;

/// <summary>
/// <c>faults</c>: the portal under faults, with registrations coming in over Open311 and a live hub client watching.
/// <list type="bullet">
/// <item><c>kill</c>: the portal process is killed (SIGKILL) again and again and restarted on the same database.</item>
/// <item><c>pgstop</c>: PostgreSQL (a cluster of our own) is stopped for a while under the running portal.</item>
/// <item><c>failover</c>: two instances on one PostgreSQL database; the one the hub client is on is killed.</item>
/// <item><c>browser-failover</c>: the same, with an executor's queue page open in a browser; the page's instance is killed.</item>
/// </list>
/// </summary>
public static class FaultsCommand
{
    private static readonly string[] Scenarios = ["kill", "pgstop", "failover", "browser-failover"];

    public static async Task<int> RunAsync(CommandLine options)
    {
        var scenarios = options.String("scenario", "all") is "all" ? Scenarios : options.String("scenario", "all").Split(',', StringSplitOptions.TrimEntries);
        var providers = options.String("provider", "sqlite,postgres").Split(',', StringSplitOptions.TrimEntries)
            .Select(p => p.ToLowerInvariant() switch
            {
                "sqlite" => PushProvider.Sqlite,
                "postgres" or "postgresql" => PushProvider.Postgres,
                _ => throw new ArgumentException($"--provider takes sqlite and/or postgres, not '{p}'."),
            }).ToList();
        var writers = Math.Max(1, options.Int("writers", 4));
        var rate = Math.Max(1, options.Int("rate", 40));
        var failed = false;
        Console.Out.WriteLine($"Load: {writers} Open311 writers, {rate} registrations/s in all; load average at start {LoadAverage()}.");
        Console.Out.WriteLine();
        foreach (var scenario in scenarios)
        {
            switch (scenario)
            {
                case "kill":
                    foreach (var provider in providers)
                    {
                        failed |= !await KillAsync(provider, options.Int("kills", 20), writers, rate);
                    }

                    break;
                case "pgstop":
                    failed |= !await PostgresStopAsync(options.Int("outage", 30), options.String("stop-mode", "fast"), writers, rate);
                    break;
                case "failover":
                    failed |= !await FailoverAsync(options.Int("failovers", 5), writers, rate);
                    break;
                case "browser-failover":
                    failed |= !await BrowserFailoverAsync(options.Int("failovers", 5), writers, rate);
                    break;
                default:
                    throw new ArgumentException($"--scenario takes kill, pgstop, failover, browser-failover or all, not '{scenario}'.");
            }
        }

        Console.Out.WriteLine($"Load average at the end: {LoadAverage()}.");
        return failed ? 1 : 0;
    }

    /// <summary>Kill the only instance <paramref name="kills"/> times under load, restarting it on the same database each time.</summary>
    private static async Task<bool> KillAsync(PushProvider provider, int kills, int writers, int rate)
    {
        Progress($"kill: {kills} kills, {provider}");
        await using var database = await BenchDatabase.CreateAsync(provider);
        await using var run = FaultRun.Prepare(provider, database.Settings);
        await run.StartAsync(1, writers, rate);
        var random = new Random(20261128);
        var rows = new List<KillRow>();
        for (var i = 1; i <= kills; i++)
        {
            // Killed while it serves the load: once the instance has acknowledged some registrations (a fresh process on
            // a loaded machine takes a while to answer its first), at a random moment after.
            await WaitForAcknowledgementsAsync(run.Load, 20, TimeSpan.FromMinutes(2));
            await Task.Delay(TimeSpan.FromMilliseconds(500 + random.Next(2500)));
            var acknowledgedBefore = run.Load.Acknowledged;
            var killedAt = Stopwatch.GetTimestamp();
            await run.KillAsync(run.Instances[0]);

            // What the kill left, before anything touches the database again.
            var state = await DatabaseCheck.ReadAsync(provider, run.ConnectionString);
            var missing = acknowledgedBefore.Count(n => !state.Numbers.Contains(n));
            var instance = await run.StartInstanceAsync();
            rows.Add(new KillRow(i, killedAt, instance.Startup, state.Integrity, acknowledgedBefore.Count, missing));
            Progress($"kill {i}: integrity {state.Integrity}, {acknowledgedBefore.Count} acknowledged so far, {missing} missing; restarted in {instance.Startup.TotalSeconds:0.0} s");
        }

        await Task.Delay(TimeSpan.FromSeconds(3));
        await run.StopLoadAsync();
        var outcome = await run.OutcomeAsync();
        var attempts = run.Load.Attempts;
        var recoveries = rows.Select(r => FirstSuccessAfter(attempts, r.KilledAt)).ToList();
        var catchUps = run.Listener.Reconnections.Select(r => Timing.Seconds(r.Dropped, r.CaughtUp)).ToList();

        Console.Out.WriteLine($"### kill: {kills} × SIGKILL of the portal under load, {provider}");
        Console.Out.WriteLine();
        Console.Out.WriteLine(Outcome.Header);
        Console.Out.WriteLine(outcome.Row($"{kills} kills, {provider}"));
        Console.Out.WriteLine();
        Console.Out.WriteLine("| | median (min–max) |");
        Console.Out.WriteLine("|---|---|");
        Console.Out.WriteLine($"| restart: process start → portal answering (s) | {Spread.Of(rows.Select(r => r.Startup.TotalSeconds)).Format("0.0")} |");
        Console.Out.WriteLine($"| kill → first registration acknowledged again (s) | {Spread.Of(recoveries).Format("0.0")} |");
        Console.Out.WriteLine($"| hub client: drop → reconnected and caught up (s) | {Spread.Of(catchUps).Format("0.0")} |");
        Console.Out.WriteLine($"| events replayed by the catch-up per reconnection | {Spread.Of(run.Listener.Reconnections.Select(r => (double)r.Replayed)).Format("0")} |");
        Console.Out.WriteLine($"| integrity check right after each kill | {rows.Count(r => r.Integrity.StartsWith("ok", StringComparison.Ordinal))} of {rows.Count} ok |");
        Console.Out.WriteLine($"| acknowledged cards missing right after a kill | {rows.Sum(r => r.Missing)} (of {rows.Sum(r => r.AcknowledgedBefore):N0} checked over {rows.Count} kills) |");
        Console.Out.WriteLine($"| failed POSTs (no answer / error status) | {Failures(attempts)} |");
        Console.Out.WriteLine();
        return outcome.AcknowledgedMissing == 0 && outcome.EventsLost == 0 && rows.All(r => r.Integrity.StartsWith("ok", StringComparison.Ordinal));
    }

    /// <summary>
    /// Stop PostgreSQL (our own cluster) for <paramref name="outage"/> seconds under the running portal: what do the API,
    /// the pages and the health check answer meanwhile, and how soon after the server is back does the portal work?
    /// </summary>
    private static async Task<bool> PostgresStopAsync(int outage, string mode, int writers, int rate)
    {
        Progress($"pgstop: {outage} s outage ({mode})");
        await using var cluster = await PostgresCluster.StartAsync();
        var connectionString = await cluster.CreateDatabaseAsync("cc_faults");
        var database = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:ContactCenter"] = connectionString,
            ["Demo:Seed"] = "false",
            ["Admin:Email"] = "admin@bench.local",
            ["Admin:Password"] = "Bench-Admin-2026!",
        };
        await using var run = FaultRun.Prepare(PushProvider.Postgres, database);
        await run.StartAsync(1, writers, rate);
        var portal = run.Instances[0];
        using var stopProbes = new CancellationTokenSource();
        var probes = new Probes(portal.Url, run.Seed.DepartmentCookie);
        var probing = probes.RunAsync(stopProbes.Token);

        await Task.Delay(TimeSpan.FromSeconds(10));
        var stopping = Stopwatch.GetTimestamp();
        await cluster.StopServerAsync(mode);
        var stopped = Stopwatch.GetTimestamp();
        Progress($"PostgreSQL stopped in {Timing.Seconds(stopping, stopped):0.0} s");
        await Task.Delay(TimeSpan.FromSeconds(outage));
        await cluster.StartServerAsync();
        var back = Stopwatch.GetTimestamp();
        Progress($"PostgreSQL is back");
        await Task.Delay(TimeSpan.FromSeconds(30));
        await stopProbes.CancelAsync();
        await probing;
        await run.StopLoadAsync();
        var outcome = await run.OutcomeAsync();
        var attempts = run.Load.Attempts;
        var during = attempts.Where(a => a.Sent >= stopped && a.Sent < back).ToList();
        var failedDuring = during.Where(a => a.Status != 200).ToList();
        var afterBack = attempts.Where(a => a.Sent >= back).OrderBy(a => a.Sent).ToList();
        var firstOk = afterBack.FirstOrDefault(a => a.Status == 200);
        var failedAfter = afterBack.Count(a => a.Status != 200);

        Console.Out.WriteLine($"### pgstop: PostgreSQL stopped ({mode}) for {outage} s under load");
        Console.Out.WriteLine();
        Console.Out.WriteLine(Outcome.Header);
        Console.Out.WriteLine(outcome.Row($"{outage} s without PostgreSQL"));
        Console.Out.WriteLine();
        Console.Out.WriteLine("| | |");
        Console.Out.WriteLine("|---|---|");
        Console.Out.WriteLine($"| portal process after the outage | {(portal.HasExited ? "**ended**" : "running (the same process)")} |");
        Console.Out.WriteLine($"| POSTs sent from `pg_ctl stop` returning to `pg_ctl start` returning | {during.Count}: {Statuses(during)} |");
        Console.Out.WriteLine($"| time to the answer of a failed POST, ms: p50 / max | {Percentile(failedDuring, 50)} / {Percentile(failedDuring, 100)} |");
        Console.Out.WriteLine($"| answer to a POST while down (first) | `{failedDuring.FirstOrDefault()?.Failure ?? "–"}` |");
        Console.Out.WriteLine($"| `pg_ctl start -w` returned → first registration acknowledged (s) | {(firstOk is null ? "never" : Timing.Seconds(back, firstOk.Answered).ToString("0.00", CultureInfo.InvariantCulture))} |");
        Console.Out.WriteLine($"| POSTs that failed after PostgreSQL was back | {failedAfter} of {afterBack.Count}: {Statuses(afterBack.Where(a => a.Status != 200).ToList())} |");
        Console.Out.WriteLine($"| Quartz after the outage (its tables) | {await QuartzStateAsync(connectionString)} |");
        foreach (var lost in attempts.Where(a => a.Number is not null && outcome.MissingNumbers.Contains(a.Number)))
        {
            Console.Out.WriteLine(FormattableString.Invariant($"| acknowledged, missing: {lost.Number} | sent {Timing.Seconds(stopped, lost.Sent):0.000} s after the stop, answered {Timing.Seconds(stopped, lost.Answered):0.000} s after it (PostgreSQL back at {Timing.Seconds(stopped, back):0.000} s) |"));
        }

        Console.Out.WriteLine();
        probes.Print(stopped, back);
        return outcome.AcknowledgedMissing == 0 && outcome.EventsLost == 0 && !portal.HasExited && firstOk is not null;
    }

    /// <summary>Two instances on one PostgreSQL database; the one the hub client is on is killed, then started again.</summary>
    private static async Task<bool> FailoverAsync(int failovers, int writers, int rate)
    {
        Progress($"failover: {failovers} kills of the hub client's instance, two instances");
        await using var database = await BenchDatabase.CreateAsync(PushProvider.Postgres);
        await using var run = FaultRun.Prepare(PushProvider.Postgres, database.Settings);
        await run.StartAsync(2, writers, rate);
        var rows = new List<(double Reconnect, double CaughtUp, int Replayed)>();
        for (var i = 1; i <= failovers; i++)
        {
            await WaitForAcknowledgementsAsync(run.Load, 20, TimeSpan.FromMinutes(2));
            await Task.Delay(TimeSpan.FromSeconds(2));
            var victim = run.HubInstance() ?? throw new InvalidOperationException("The hub client is connected to no instance.");
            var before = run.Listener.Reconnections.Count;
            await run.KillAsync(victim);
            var watch = Stopwatch.StartNew();
            while (run.Listener.Reconnections.Count == before && watch.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(50);
            }

            var reconnection = run.Listener.Reconnections.LastOrDefault();
            if (run.Listener.Reconnections.Count > before && reconnection is not null)
            {
                rows.Add((Timing.Seconds(reconnection.Dropped, reconnection.Reconnected), Timing.Seconds(reconnection.Dropped, reconnection.CaughtUp), reconnection.Replayed));
                Progress($"failover {i}: reconnected to {run.HubInstance()?.Url} in {rows[^1].Reconnect:0.00} s, caught up {reconnection.Replayed} events in {rows[^1].CaughtUp:0.00} s");
            }
            else
            {
                Progress($"failover {i}: the hub client did not reconnect within 60 s");
            }

            await run.StartInstanceAsync();
        }

        await Task.Delay(TimeSpan.FromSeconds(3));
        await run.StopLoadAsync();
        var outcome = await run.OutcomeAsync();

        Console.Out.WriteLine($"### failover: two instances on one PostgreSQL database, the hub client's instance killed {failovers} times");
        Console.Out.WriteLine();
        Console.Out.WriteLine(Outcome.Header);
        Console.Out.WriteLine(outcome.Row($"{failovers} failovers"));
        Console.Out.WriteLine();
        Console.Out.WriteLine("| | median (min–max) |");
        Console.Out.WriteLine("|---|---|");
        Console.Out.WriteLine($"| hub client: connection dropped → connected to the other instance (s) | {Spread.Of(rows.Select(r => r.Reconnect)).Format("0.00")} |");
        Console.Out.WriteLine($"| hub client: connection dropped → caught up (s) | {Spread.Of(rows.Select(r => r.CaughtUp)).Format("0.00")} |");
        Console.Out.WriteLine($"| events replayed by the catch-up | {Spread.Of(rows.Select(r => (double)r.Replayed)).Format("0")} |");
        Console.Out.WriteLine($"| failovers that reconnected | {rows.Count} of {failovers} |");
        Console.Out.WriteLine($"| failed POSTs (no answer / error status) | {Failures(run.Load.Attempts)} |");
        Console.Out.WriteLine();
        return outcome.AcknowledgedMissing == 0 && outcome.EventsLost == 0 && rows.Count == failovers;
    }

    /// <summary>
    /// Two instances on one PostgreSQL database and an executor's responsible person with <c>/queue</c> open in a
    /// browser, through a relay that sends all of the page's connections to the first live instance; the load files a
    /// tenth of its cards to that executor. The page's instance is killed (and started again) <paramref name="failovers"/>
    /// times: when does the page work again, on the other instance, still signed in, and does its queue show every card
    /// acknowledged for the executor — before, during and after the failovers — without anyone reloading it?
    /// </summary>
    private static async Task<bool> BrowserFailoverAsync(int failovers, int writers, int rate)
    {
        Progress($"browser-failover: {failovers} kills of the queue page's instance, two instances");
        await using var database = await BenchDatabase.CreateAsync(PushProvider.Postgres);
        await using var run = FaultRun.Prepare(PushProvider.Postgres, database.Settings);
        await run.StartAsync(2, writers, rate);
        var code = run.Seed.ExecutorServiceCode;
        await using var desk = await QueueBrowser.OpenAsync(new Uri($"http://127.0.0.1:{run.Pages.Port}"), run.Seed.ExecutorCookie);
        Progress($"queue page interactive on {run.PagesInstance()?.Url}, showing {await desk.TotalAsync()} cards");
        var rows = new List<(Recovery Recovery, double? Live)>();
        var reloads = new List<double>();
        for (var i = 1; i <= failovers; i++)
        {
            await WaitForAcknowledgementsAsync(run.Load, 20, TimeSpan.FromMinutes(2));

            // The baseline of this failover: the same page reloaded by hand on the instance it is on, under the same load.
            if (await desk.ReloadAsync() is { } reload)
            {
                reloads.Add(reload / 1000.0);
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
            var victim = run.PagesInstance() ?? throw new InvalidOperationException("The queue page is connected to no instance.");
            var killedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            await run.KillAsync(victim);
            var recovery = await desk.WaitForRecoveryAsync(killedAt, TimeSpan.FromSeconds(120));

            // Live again: once the page has read its queue, cards acknowledged from then on can only reach it by push
            // (three more than acknowledged now, to be past any registration in flight at the moment of the check).
            double? live = null;
            if (recovery.InteractiveAt is not null && await desk.WaitForRowsAsync(TimeSpan.FromSeconds(60)))
            {
                var from = Stopwatch.GetTimestamp();
                var target = run.Load.AcknowledgedFor(code).Count + 3;
                var shown = await desk.WaitForTotalAsync(t => t >= target, TimeSpan.FromSeconds(60));
                live = shown is null ? null : Timing.Seconds(from, Stopwatch.GetTimestamp());
            }

            rows.Add((recovery, live));
            Progress($"failover {i}: dialog +{recovery.DialogAt} ms, new document +{recovery.DocumentAt} ms ({recovery.Documents}: {recovery.DocumentPath}), interactive +{recovery.InteractiveAt} ms on {run.PagesInstance()?.Url}, signed in {recovery.SignedIn}, live again {live:0.00} s");
            foreach (var e in (await desk.EventsAsync()).Concat(desk.ConsoleSince(killedAt)).Where(e => e.At >= killedAt).OrderBy(e => e.At).Take(40))
            {
                Progress($"  +{e.At - killedAt} ms {e.Kind}: {(e.Text.Length > 200 ? e.Text[..200] : e.Text)}");
            }

            await run.StartInstanceAsync();
        }

        await Task.Delay(TimeSpan.FromSeconds(3));
        await run.StopLoadAsync();
        var stopped = Stopwatch.GetTimestamp();
        var outcome = await run.OutcomeAsync();

        // The page as it stands, untouched since the last failover: its total must come to the executor's open cards.
        var open = await OpenCardsAsync(run.ConnectionString, run.Seed.ExecutorId);
        var settled = await desk.WaitForTotalAsync(t => t == open.Count, TimeSpan.FromSeconds(30));
        var settledAfter = Timing.Seconds(stopped, Stopwatch.GetTimestamp());
        var untouched = settled ?? await desk.TotalAsync();

        // Then every row, through the pager.
        var rowsRead = await desk.AllNumbersAsync();
        var shownNumbers = rowsRead.ToHashSet();
        var acknowledged = run.Load.AcknowledgedFor(code);
        var lost = acknowledged.Count(n => !shownNumbers.Contains(n));
        var strangers = shownNumbers.Count(n => !open.Contains(n));
        var texts = rows.SelectMany(r => r.Recovery.Texts).Distinct().ToList();
        var recovered = rows.Where(r => r.Recovery.InteractiveAt is not null).ToList();

        Console.Out.WriteLine($"### browser-failover: an executor's queue page in Chromium, its instance killed {failovers} times (two instances, PostgreSQL)");
        Console.Out.WriteLine();
        Console.Out.WriteLine(Outcome.Header);
        Console.Out.WriteLine(outcome.Row($"{failovers} failovers of the page's instance"));
        Console.Out.WriteLine();
        Console.Out.WriteLine("| | median (min–max) |");
        Console.Out.WriteLine("|---|---|");
        Console.Out.WriteLine($"| kill → reconnect dialog shown (s) | {Spread.Of(rows.Where(r => r.Recovery.DialogAt is not null).Select(r => r.Recovery.DialogAt!.Value / 1000.0)).Format("0.00")} |");
        Console.Out.WriteLine($"| kill → the page loading again (new document) (s) | {Spread.Of(rows.Where(r => r.Recovery.DocumentAt is not null).Select(r => r.Recovery.DocumentAt!.Value / 1000.0)).Format("0.00")} |");
        Console.Out.WriteLine($"| **kill → the page interactive again on the other instance (s)** | **{Spread.Of(recovered.Select(r => r.Recovery.InteractiveAt!.Value / 1000.0)).Format("0.00")}** |");
        Console.Out.WriteLine($"| baseline: the page reloaded by hand on a live instance → interactive (s) | {Spread.Of(reloads).Format("0.00")} |");
        Console.Out.WriteLine($"| failover ÷ reload, medians | {Ratio(recovered.Select(r => r.Recovery.InteractiveAt!.Value / 1000.0), reloads)} |");
        Console.Out.WriteLine($"| rows read after the failover → the queue's total counts 3 more cards registered since (live) (s) | {Spread.Of(rows.Where(r => r.Live is not null).Select(r => r.Live!.Value)).Format("0.00")} |");
        Console.Out.WriteLine($"| failovers after which the page was interactive again | {recovered.Count} of {failovers} |");
        Console.Out.WriteLine($"| … by loading again / reconnected in place | {recovered.Count(r => !r.Recovery.ReconnectedInPlace)} / {recovered.Count(r => r.Recovery.ReconnectedInPlace)} |");
        Console.Out.WriteLine($"| still signed in afterwards (no sign-in form, the name in the bar) | {rows.Count(r => r.Recovery.SignedIn)} of {failovers} |");
        Console.Out.WriteLine($"| live updates after the failover (3 more cards counted within 60 s) | {rows.Count(r => r.Live is not null)} of {failovers} |");
        Console.Out.WriteLine($"| what the person read meanwhile | {string.Join("; ", texts.Select(t => $"«{t}»").DefaultIfEmpty("nothing"))} |");
        Console.Out.WriteLine();
        Console.Out.WriteLine("| the executor's queue after the load stopped | |");
        Console.Out.WriteLine("|---|---|");
        Console.Out.WriteLine($"| cards acknowledged for the executor (service code {code}) | {acknowledged.Count:N0} |");
        Console.Out.WriteLine($"| the executor's open cards in the database (acknowledged or not) | {open.Count:N0} |");
        Console.Out.WriteLine($"| the total the page showed, untouched since the last failover | {untouched?.ToString("N0", CultureInfo.InvariantCulture) ?? "none"}{(settled is null ? " (**not** the database's count after 30 s)" : string.Create(CultureInfo.InvariantCulture, $" (= the database, {settledAfter:0.0} s after the load stopped)"))} |");
        Console.Out.WriteLine($"| numbers in the page's rows, read through the pager | {rowsRead.Count:N0} rows, {shownNumbers.Count:N0} distinct ({strangers} not among the executor's open cards) |");
        Console.Out.WriteLine($"| **acknowledged for the executor, not in the page (lost)** | **{lost}** |");
        Console.Out.WriteLine($"| failed POSTs (no answer / error status) | {Failures(run.Load.Attempts)} |");
        Console.Out.WriteLine();
        return outcome.AcknowledgedMissing == 0 && lost == 0 && settled is not null && recovered.Count == failovers && rows.All(r => r.Recovery.SignedIn && r.Live is not null);
    }

    private static string Ratio(IEnumerable<double> values, IEnumerable<double> baseline)
    {
        var (a, b) = (Spread.Of(values), Spread.Of(baseline));
        return a.Runs == 0 || b.Runs == 0 ? "–" : string.Create(CultureInfo.InvariantCulture, $"{a.Median / b.Median:0.0}×");
    }

    /// <summary>The numbers of an executor's open cards, read directly.</summary>
    private static async Task<IReadOnlySet<string>> OpenCardsAsync(string connectionString, Guid executorId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT "Number" FROM "Appeals" WHERE "ExecutorId" = @executor AND "ClosedAt" IS NULL""", connection);
        command.Parameters.AddWithValue("executor", executorId);
        var numbers = new HashSet<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            numbers.Add(reader.GetString(0));
        }

        return numbers;
    }

    /// <summary>The triggers' states and how long ago the scheduler last checked in to the cluster.</summary>
    private static async Task<string> QuartzStateAsync(string connectionString)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var triggers = new NpgsqlCommand("SELECT trigger_name || ': ' || trigger_state FROM qrtz_triggers ORDER BY trigger_name", connection);
            var states = new List<string>();
            await using (var reader = await triggers.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    states.Add(reader.GetString(0));
                }
            }

            await using var checkin = new NpgsqlCommand("SELECT MAX(last_checkin_time) FROM qrtz_scheduler_state", connection);
            var last = (long)(await checkin.ExecuteScalarAsync())!;
            var ago = (DateTimeOffset.UtcNow - new DateTimeOffset(last, TimeSpan.Zero)).TotalSeconds;
            return string.Create(CultureInfo.InvariantCulture, $"{string.Join(", ", states)}; scheduler last checked in {ago:0} s before the end");
        }
        catch (Exception e) when (e is NpgsqlException or InvalidCastException or ArgumentOutOfRangeException)
        {
            return "could not read: " + e.Message;
        }
    }

    private static async Task WaitForAcknowledgementsAsync(RegistrationLoad load, int count, TimeSpan timeout)
    {
        var target = load.Acknowledged.Count + count;
        var watch = Stopwatch.StartNew();
        while (load.Acknowledged.Count < target && watch.Elapsed < timeout)
        {
            await Task.Delay(100);
        }
    }

    private sealed record KillRow(int Kill, long KilledAt, TimeSpan Startup, string Integrity, int AcknowledgedBefore, int Missing);

    private static double FirstSuccessAfter(IReadOnlyCollection<Attempt> attempts, long moment) =>
        attempts.Where(a => a.Status == 200 && a.Sent > moment).Select(a => Timing.Seconds(moment, a.Answered)).DefaultIfEmpty(double.NaN).Min();

    private static string Failures(IReadOnlyCollection<Attempt> attempts)
    {
        var failed = attempts.Where(a => a.Status != 200).ToList();
        foreach (var reason in failed.GroupBy(a => a.Failure is { Length: > 120 } f ? f[..120] : a.Failure).OrderByDescending(g => g.Count()).Take(5))
        {
            Progress($"  {reason.Count()} × {reason.Key}");
        }

        return failed.Count == 0 ? "0" : $"{failed.Count}: {Statuses(failed)}";
    }

    private static string Statuses(IReadOnlyCollection<Attempt> attempts) =>
        string.Join(", ", attempts.GroupBy(a => a.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()} × {(g.Key == 0 ? "no answer" : g.Key.ToString(CultureInfo.InvariantCulture))}"));

    private static string Percentile(IReadOnlyCollection<Attempt> attempts, double percent) =>
        attempts.Count == 0 ? "–" : Stats.Percentile(attempts.Select(a => Stats.Milliseconds(a.Sent, a.Answered)).ToList(), percent).ToString("0", CultureInfo.InvariantCulture);

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    internal static void Progress(FormattableString message) =>
        Console.Error.WriteLine($"  [{DateTime.Now:HH:mm:ss}] {message.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>While the database is away: what an API reader, a signed-in person's page and the health check get.</summary>
    private sealed class Probes(Uri portal, string cookie)
    {
        private readonly List<(string Path, long Sent, long Answered, int Status, string Body)> results = [];

        private static readonly string[] Paths = ["/open311/v2/services.json", "/queue", "/", "/health"];

        public async Task RunAsync(CancellationToken stop)
        {
            var cookies = new CookieContainer();
            cookies.Add(new Cookie(Organisation.CookieName, cookie, "/", portal.Host));
            using var http = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = portal, Timeout = TimeSpan.FromSeconds(60) };
            while (!stop.IsCancellationRequested)
            {
                foreach (var path in Paths)
                {
                    var sent = Stopwatch.GetTimestamp();
                    int status;
                    string body;
                    try
                    {
                        using var response = await http.GetAsync(path, CancellationToken.None);
                        status = (int)response.StatusCode;
                        body = await response.Content.ReadAsStringAsync(CancellationToken.None);
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                    {
                        status = 0;
                        body = e.Message;
                    }

                    lock (results)
                    {
                        results.Add((path, sent, Stopwatch.GetTimestamp(), status, body));
                    }
                }

                try
                {
                    await Task.Delay(500, stop);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }

        public void Print(long down, long back)
        {
            Console.Out.WriteLine("| GET (every 0.5 s) | answers while PostgreSQL was down | ms to answer: p50 / max | what a person reads | PostgreSQL back → first 200 (s) |");
            Console.Out.WriteLine("|---|---|---|---|---|");
            foreach (var path in Paths)
            {
                var during = results.Where(r => r.Path == path && r.Sent >= down && r.Sent < back).ToList();
                var ms = during.Select(r => Stats.Milliseconds(r.Sent, r.Answered)).ToList();
                var statuses = string.Join(", ", during.GroupBy(r => r.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()} × {g.Key}"));
                var sample = during.FirstOrDefault(r => r.Status != 200);
                var text = sample.Body is null ? "–" : Visible(sample.Body);
                var recovered = results.Where(r => r.Path == path && r.Sent >= back && r.Status == 200).Select(r => Timing.Seconds(back, r.Answered)).DefaultIfEmpty(double.NaN).Min();
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| `{path}` | {statuses} | {Stats.Percentile(ms, 50):0} / {Stats.Max(ms):0} | {text} | {recovered:0.00} |"));
            }

            Console.Out.WriteLine();
        }

        /// <summary>The words on an error page (its text without markup), or a JSON answer as it is.</summary>
        private static string Visible(string body)
        {
            // A page's own content, not its menu.
            var main = body.IndexOf("mud-main-content", StringComparison.Ordinal);
            if (main > 0)
            {
                body = "<div " + body[main..];
            }

            var text = body.TrimStart().StartsWith('<')
                ? System.Text.RegularExpressions.Regex.Replace(System.Text.RegularExpressions.Regex.Replace(body, "<(script|style)[^>]*>.*?</\\1>", " ", System.Text.RegularExpressions.RegexOptions.Singleline), "<[^>]+>", " ")
                : body;
            text = System.Text.RegularExpressions.Regex.Replace(WebUtility.HtmlDecode(text), "\\s+", " ").Trim();
            text = text.Replace("|", "\\|", StringComparison.Ordinal);
            return text.Length > 160 ? text[..160] + "…" : text;
        }
    }
}
