using System.Data.Common;
using System.Text.Json;
using System.Text.RegularExpressions;
using ContactCenter.Domain.Common;
using ContactCenter.Domain.Deadlines;
using ContactCenter.Domain.Reporting;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Infrastructure.Tests.Support;
using ContactCenter.Portal.Features.Appeals;
using ContactCenter.Portal.Features.Dashboard;
using ContactCenter.Portal.Features.Intake;
using ContactCenter.Portal.Features.Queue;
using ContactCenter.Portal.Features.Reports;
using ContactCenter.Portal.Tests.Features.Dashboard;
using ContactCenter.Portal.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace ContactCenter.Portal.Tests.Features;

/// <summary>
/// The plans of the hot queries (docs/performance.md, "Queries at Kyiv scale"): the SQL the real query classes send,
/// captured on a small seeded database and explained — <c>EXPLAIN QUERY PLAN</c> on SQLite, <c>EXPLAIN (FORMAT JSON)</c>
/// on PostgreSQL. None may read the appeals or their due dates whole (a table scan, or a walk of a whole index that
/// is not one of the small partial indexes of open cards), and each must go through the index meant for it. At Kyiv
/// scale such a scan is seconds where the index is milliseconds; on a handful of rows it is invisible, hence a test of
/// plans, not of times.
/// </summary>
public sealed partial class QueryPlanTests
{
    public static TheoryData<DatabaseProvider> Providers => new() { DatabaseProvider.Sqlite, DatabaseProvider.Postgres };

    private static readonly string[] Watched = ["Appeals", "AppealDueDates", "ClosedMonthFigures"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task HotQueries_ReadTheirRangesThroughTheirIndexes_NeverAWholeTable(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var data = await DashboardData.SeedAsync(database);
        var capture = new SqlCapture();
        var factory = new CapturingFactory(database, capture);
        var clock = new FakeTimeProvider(DashboardData.Now);
        var dashboard = new DashboardQuery(factory, clock);
        var queue = new QueueQuery(factory, clock);
        var card = new CardDetailsQuery(factory, clock, NullLogger<CardDetailsQuery>.Instance);
        var intake = new IntakeLookups(factory, clock);
        var reports = new ReportCardsQuery(factory);
        var directory = await reports.DirectoryAsync(Ct);
        var month = ReportingPeriod.Month(2026, 3, DeadlinePolicy.Kyiv);

        // Five years of kept months are 60 × the executors: a month's figures must be read by their key.
        Assert.Equal(2, await new KeepClosedMonths(factory, clock, NullLogger<KeepClosedMonths>.Instance).RunAsync(Ct));
        var closedMonths = new ClosedMonthQuery(factory);

        var queries = new (string Name, Func<Task> Run, string[] Indexes)[]
        {
            // The open cards of a dashboard may come through any of the open-cards partial indexes on PostgreSQL: which one
            // is the cheapest on a handful of rows says nothing of 80,000 (the full-scan rule below still holds them to
            // those). SQLite must read them from the index alone ("sqlite:" names what only SQLite is held to).
            ("deputy's dashboard", () => dashboard.FiguresAsync(data.UtilitiesDeputy, Ct),
                ["sqlite:COVERING INDEX IX_Appeals_Open_Direction_Executor_Due", "IX_Appeals_Closed_Direction"]),
            ("whole-city dashboard", () => dashboard.FiguresAsync(DashboardData.Manager, Ct),
                ["sqlite:COVERING INDEX IX_Appeals_Open_Direction_Executor_Due", "IX_Appeals_Closed_At"]),
            ("dashboard trend", () => dashboard.TrendAsync(data.UtilitiesDeputy, Ct),
                ["IX_Appeals_Closed_Direction", "IX_AppealDueDates_AppealId_ChangedAt"]),
            ("executor's queue", () => queue.HandleAsync(new QueueRequest(PageSize: 50), data.WaterStaff, Ct),
                ["IX_Appeals_Open_Executor_Urgency", "IX_Appeals_SerPlan_Executor_Urgency"]),
            ("card page", () => card.HandleAsync(data.Numbers["w-overdue"], Cards.Operator, Ct),
                ["IX_Appeals_RepeatOf"]),
            ("applicant history", () => intake.HistoryAsync("0671234567", Cards.Operator, Ct),
                ["IX_Appeals_Phone_RegisteredAt"]),
            ("kept monthly figures, the city", () => closedMonths.LatestAsync(DashboardData.Manager, Ct), []),
            ("kept monthly figures, a deputy", () => closedMonths.LatestAsync(data.UtilitiesDeputy, Ct), []),
            ("monthly figures", () => reports.CardsAsync(month, ReportScope.Community, directory, withHandling: false, Ct),
                ["sqlite:IX_Appeals_Open_Registered", "IX_Appeals_Closed_At", "IX_AppealDueDates_AppealId_ChangedAt"]),
        };

        var problems = new List<string>();
        foreach (var (name, run, expected) in queries)
        {
            capture.Start();
            await run();
            var commands = capture.Stop();
            Assert.NotEmpty(commands);

            var used = new HashSet<string>(StringComparer.Ordinal);
            var report = new List<string>();
            foreach (var command in commands)
            {
                var plan = await ExplainAsync(database, command);
                report.Add(command.Text.Trim() + "\n" + plan.Text);
                used.UnionWith(plan.Indexes);
                problems.AddRange(plan.FullScans.Select(scan => $"{name}: {scan} in\n{command.Text.Trim()}\n{plan.Text}"));
            }

            TestContext.Current.TestOutputHelper?.WriteLine($"### {name}\n\n{string.Join("\n\n", report)}\n");
            var required = expected
                .Where(i => provider == DatabaseProvider.Sqlite || !i.StartsWith("sqlite:", StringComparison.Ordinal))
                .Select(i => i.StartsWith("sqlite:", StringComparison.Ordinal) ? i["sqlite:".Length..] : i);
            foreach (var index in required.Where(i => !used.Contains(i) && !report.Any(r => r.Contains(i, StringComparison.Ordinal))))
            {
                problems.Add($"{name}: {index} not used; the plans were\n{string.Join("\n\n", report)}");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n\n----\n\n", problems));
    }

    private sealed record Plan(string Text, IReadOnlyList<string> Indexes, IReadOnlyList<string> FullScans);

    /// <summary>The plan of <paramref name="captured"/>, on a connection the portal's context opened (so SQLite has the portal's functions).</summary>
    private static async Task<Plan> ExplainAsync(TestDatabase database, CapturedCommand captured)
    {
        await using var db = database.CreateContext();
        await db.Database.OpenConnectionAsync(Ct);
        var connection = db.Database.GetDbConnection();
        if (database.Provider == DatabaseProvider.Postgres)
        {
            // A few rows make a sequential scan the cheapest plan for anything, and the check would be of nothing.
            // With sequential scans priced out, the planner shows what it does at scale: the best index it has, or —
            // where none fits — still a Seq Scan (disabling only raises its cost), which is what this test catches.
            await using var off = connection.CreateCommand();
            off.CommandText = "SET enable_seqscan = off";
            await off.ExecuteNonQueryAsync(Ct);
        }

        await using var command = connection.CreateCommand();
        command.CommandText = (database.Provider == DatabaseProvider.Sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN (FORMAT JSON) ") + captured.Text;
        foreach (var parameter in captured.Parameters)
        {
            command.Parameters.Add(parameter);
        }

        await using var reader = await command.ExecuteReaderAsync(Ct);
        return database.Provider == DatabaseProvider.Sqlite
            ? await SqlitePlanAsync(reader, captured.Text)
            : await PostgresPlanAsync(reader);
    }

    /// <summary>Allowed to be walked whole: the partial indexes of open cards, a small fraction of the table at any size.</summary>
    private static bool IsOpenCardsIndex(string index) =>
        index.StartsWith("IX_Appeals_Open_", StringComparison.Ordinal) || index.StartsWith("IX_Appeals_SerPlan_", StringComparison.Ordinal);

    /// <summary>
    /// "Registered before a date" on the index of every card's registration time is a range only in name: it starts at
    /// the first card of five years. (A lower bound, or the open cards' own index, makes it a range.)
    /// </summary>
    private static bool IsFromTheFirstCard(string index, string condition) =>
        index == "IX_Appeals_RegisteredAt" && condition.Contains("RegisteredAt", StringComparison.Ordinal) && condition.Contains('<') && !condition.Contains('>');

    private static async Task<Plan> SqlitePlanAsync(DbDataReader reader, string sql)
    {
        // EXPLAIN QUERY PLAN names tables by their aliases in the statement: "SCAN a", "SEARCH d USING INDEX ...".
        var aliases = TableAlias().Matches(sql)
            .Where(m => Watched.Contains(m.Groups["table"].Value))
            .Select(m => m.Groups["alias"].Value)
            .ToHashSet(StringComparer.Ordinal);
        var lines = new List<string>();
        var indexes = new List<string>();
        var scans = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            var detail = reader.GetString(3);
            lines.Add(detail);
            var step = PlanStep().Match(detail);
            if (!step.Success)
            {
                continue;
            }

            var index = step.Groups["index"].Success ? step.Groups["index"].Value : null;
            if (index is not null)
            {
                indexes.Add(index);
            }

            if (!aliases.Contains(step.Groups["alias"].Value))
            {
                continue;
            }

            if ((step.Groups["op"].Value == "SCAN" && (index is null || !IsOpenCardsIndex(index)))
                || (index is not null && IsFromTheFirstCard(index, detail)))
            {
                scans.Add(detail);
            }
        }

        return new Plan(string.Join('\n', lines), indexes, scans);
    }

    private static async Task<Plan> PostgresPlanAsync(DbDataReader reader)
    {
        Assert.True(await reader.ReadAsync(Ct));
        var json = reader.GetString(0);
        using var document = JsonDocument.Parse(json);
        var indexes = new List<string>();
        var scans = new List<string>();
        void Visit(JsonElement node)
        {
            var type = node.GetProperty("Node Type").GetString();
            var relation = node.TryGetProperty("Relation Name", out var r) ? r.GetString() : null;
            var index = node.TryGetProperty("Index Name", out var i) ? i.GetString() : null;
            if (index is not null)
            {
                indexes.Add(index);
            }

            // A Bitmap Index Scan names no relation: its index's name does (IX_<table>_..., PK_<table>).
            var table = relation ?? Watched.FirstOrDefault(t => index is not null && (index.StartsWith($"IX_{t}_", StringComparison.Ordinal) || index == $"PK_{t}"));
            if (table is not null && Watched.Contains(table))
            {
                if (type == "Seq Scan")
                {
                    scans.Add($"Seq Scan on {table}");
                }
                else if (index is not null && !node.TryGetProperty("Index Cond", out _) && !IsOpenCardsIndex(index))
                {
                    scans.Add($"{type} of the whole {index}");
                }
                else if (index is not null && node.TryGetProperty("Index Cond", out var condition) && IsFromTheFirstCard(index, condition.GetString() ?? string.Empty))
                {
                    scans.Add($"{type} of {index} from the first card: {condition.GetString()}");
                }
            }

            if (node.TryGetProperty("Plans", out var children))
            {
                foreach (var child in children.EnumerateArray())
                {
                    Visit(child);
                }
            }
        }

        Visit(document.RootElement[0].GetProperty("Plan"));
        return new Plan(json, indexes, scans);
    }

    [GeneratedRegex(""""(?:FROM|JOIN)\s+"(?<table>\w+)"\s+AS\s+"(?<alias>\w+)"""")]
    private static partial Regex TableAlias();

    [GeneratedRegex("""^(?<op>SCAN|SEARCH) (?<alias>\w+)(?: USING (?:COVERING )?INDEX (?<index>\w+))?""")]
    private static partial Regex PlanStep();

    private sealed class CapturingFactory(TestDatabase database, SqlCapture capture) : IDbContextFactory<ContactCenterDbContext>
    {
        public ContactCenterDbContext CreateDbContext() => database.CreateContext(capture);
    }
}
