using ContactCenter.Benchmarks.Circuits;
using ContactCenter.Benchmarks.Faults;
using ContactCenter.Benchmarks.Load;
using ContactCenter.Benchmarks.Push;
using ContactCenter.Benchmarks.Reports;
using ContactCenter.Benchmarks.Scale;
using ContactCenter.Benchmarks.Support;

namespace ContactCenter.Benchmarks;

/// <summary>
/// The load harness behind docs/performance.md. Each subcommand prints Markdown rows ready to paste; progress goes
/// to standard error so that standard output stays clean.
/// </summary>
public static class Harness
{
    public static async Task<int> Main(string[] args)
    {
        var command = args.Length > 0 ? args[0] : "help";
        var options = CommandLine.Parse(args.Skip(1));
        try
        {
            return command switch
            {
                "push" => await PushBenchmark.RunAsync(PushSettings.From(options), options),
                "circuits" => await CircuitsBenchmark.RunAsync(CircuitsSettings.From(options), options),
                "generate" => await GenerateCommand.RunAsync(options),
                "queries" => await QueriesCommand.RunAsync(options),
                "reports" => await ReportsCommand.RunAsync(options),
                "faults" => await FaultsCommand.RunAsync(options),
                "register" => await RegisterBenchmark.RunAsync(RegisterSettings.From(options), options),
                "soak" => await SoakCommand.RunAsync(SoakSettings.From(options), options),

                // Each run is a child process of its own, and its clients (SignalR connections, a browser driver) another,
                // so that the server process's memory holds only the server (see ChildProcess).
                PushRun.Command => await PushRun.RunAsync(options),
                PushClients.Command => await PushClients.RunAsync(options),
                CircuitsRun.Command => await CircuitsRun.RunAsync(options),
                BrowserPages.Command => await BrowserPages.RunAsync(options),
                ReportsRun.Command => await ReportsRun.RunAsync(options),
                PortalProcess.Command => await PortalProcess.RunChildAsync(options),
                RegisterRun.Command => await RegisterRun.RunAsync(options),
                SoakRun.Command => await SoakRun.RunAsync(options),
                LoadClient.Command => await LoadClient.RunAsync(options),
                _ => Usage(),
            };
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            return Usage();
        }
    }

    private static int Usage()
    {
        Console.Error.WriteLine("""
            ContactCenter.Benchmarks — load harness (docs/performance.md)

              push      --clients 1,100,1000 [--provider postgres|sqlite] [--runs 3] [--seconds 30]
                        [--rate 5] [--warmup 3] [--source-addresses 0]
                  Live push: cards registered through the portal reach CardsHub clients; a bare hub runs beside it.
                  PostgreSQL comes from CONTACTCENTER_TEST_POSTGRES (a database is created and dropped there).

              circuits  --sessions 20,40 [--runs 3] [--page /queue] [--users a@demo.local,b@demo.local]
                        [--parallel 4] [--gcdump DIR] [--heapdump DIR] [--jobs on|off]
                  Server memory per interactive Blazor circuit (headless Chromium, /usr/bin/chromium).
                  --gcdump: a heap census by type at each step (needs dotnet-gcdump on PATH);
                  --heapdump: a dump of the whole heap at each step (dotnet-dump); --jobs off: no scheduled jobs.

              generate  [--provider sqlite|postgres] [--cards 6000000] [--executors 3000] [--directions 40]
                        [--out FILE.db | --database NAME]
                  A five-year Kyiv-size history in bulk, on the portal's own schema (its migrations).
                  PostgreSQL: the database NAME (default cc_kyiv_CARDS) on the server of CONTACTCENTER_TEST_POSTGRES,
                  dropped first if it exists. SQLite: FILE (default $TMPDIR/cc-kyiv-CARDS.db), replaced.

              queries   [--provider sqlite|postgres] [--cards N | --out FILE.db | --database NAME] [--runs 50]
                        [--warmup 5] [--seconds 60] [--plans] [--migrate]
                  The portal's own dashboard, queue, card, phone-history and monthly-figure queries against a generated
                  database: p50/p95/max against the targets, and (--plans) each query's SQL and plan.
                  --migrate: first apply the portal's migrations added since the database was generated.

              reports   [--provider sqlite|postgres] [--cards 1000,100000] [--runs 3] [--kinds register,monthly] [--keep 1]
                  Time and peak memory of the register and the monthly compliance report (whole community) for a month
                  of N cards, each build in a process of its own, beside the time to only read the same rows.
                  --keep: leave the month's database ($TMPDIR/cc-bench-month-N.db or cc_bench_month_N) for profiling.

              faults    [--scenario kill,pgstop,failover | all] [--provider sqlite,postgres] [--kills 20] [--outage 30]
                        [--stop-mode fast|immediate] [--failovers 5] [--writers 4] [--rate 40]
                  The portal under faults while Open311 writers register cards and a hub client (CardsHub, catching up by
                  sequence) watches: kill = SIGKILL and restart of the portal process; pgstop = a PostgreSQL cluster of
                  its own (initdb, /usr/lib/postgresql/15/bin) stopped under it; failover = two instances on one database,
                  the hub client's one killed. Acknowledged against present cards, integrity check, events lost.

              register  [--provider sqlite,postgres] [--concurrency 16] [--runs 3] [--seconds 20] [--warmup 3]
                        [--executors 50] [--settle 5]
                  Registration throughput and latency, closed loop: Open311 POST requests over HTTP, RegisterAppeal
                  called in process, and a bare Kestrel endpoint doing one ADO.NET insert (the baseline). Each path
                  first runs --settle seconds unmeasured, so that none is measured on the JIT's first-tier code.

              soak      [--provider postgres|sqlite] [--minutes 30] [--rate 8.3] [--queue-rate 5] [--dashboard-rate 0.5]
                        [--comment-rate 2] [--executors 300] [--sample-minutes 5]
                  Mixed load at twice Kyiv's emergency peak: Open311 registrations over HTTP, executors' queues,
                  dashboards of the deputies and the mayor, comments; latency per operation and server memory over time.

            Run in Release:  dotnet run -c Release --project tests/ContactCenter.Benchmarks -- push --clients 1,100
            """);
        return 2;
    }
}
