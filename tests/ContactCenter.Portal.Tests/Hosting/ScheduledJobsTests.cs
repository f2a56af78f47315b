using ContactCenter.Domain.Reporting;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Infrastructure.Reporting;
using ContactCenter.Infrastructure.Tests.Support;
using ContactCenter.Portal.Features.Reports;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Portal.Tests.Hosting;

/// <summary>
/// The real portal with its Quartz jobs: the reports that fell due while it was down are built when it starts, once;
/// and two instances on one PostgreSQL database, their schedulers clustered, build each report once between them.
/// The portal's clock is fixed (the schedulers keep real time), so what is due is known.
/// </summary>
public sealed class ScheduledJobsTests
{
    private const string AdminPassword = "Str0ng-Admin-Pass!";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateTimeOffset Kyiv(int year, int month, int day, int hour) =>
        new(TimeZoneInfo.ConvertTimeToUtc(new DateTime(year, month, day, hour, 0, 0), Domain.Deadlines.DeadlinePolicy.Kyiv), TimeSpan.Zero);

    [Fact]
    public async Task AReportMissedWhileThePortalWasDown_IsBuiltOnceWhenItStarts()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await AddOrganisationAsync(database);
        var builds = new BuildCounter();
        var reports = Path.Combine(Path.GetTempPath(), "cc-jobs-" + Guid.NewGuid().ToString("N"));

        // Friday evening: the portal runs and the start-up round builds the latest report of every kind.
        await using (var friday = new JobsPortal(database, reports, new FakeTimeProvider(Kyiv(2026, 11, 6, 18)), builds))
        {
            friday.StartServer();

            // Cards: 2 dailies, 1 weekly, the unresolved, 2 monthly (direction and community), the note, the state statistics.
            await WaitForReadyAsync(database, 8);

            // The start-up round also keeps the figures of the two months that have ended: October and September.
            await WaitUntilAsync(async () =>
            {
                await using var db = database.CreateContext();
                return await db.ClosedMonths.CountAsync(m => m.Year == 2026 && (m.Month == 10 || m.Month == 9), Ct) == 2;
            });
        }

        // Down over the weekend; started again on Tuesday at 10:00.
        await using var tuesday = new JobsPortal(database, reports, new FakeTimeProvider(Kyiv(2026, 11, 10, 10)), builds);
        tuesday.StartServer();

        // Monday: 2 dailies, the weekly, the unresolved; Tuesday: 2 dailies.
        await WaitForReadyAsync(database, 8 + 6);
        Assert.Equal(0, await tuesday.Services.GetRequiredService<ScheduledReports>().RunAsync(Ct));
        Assert.Equal(14, builds.Count);
        await using var db = database.CreateContext();
        Assert.Equal(4, await db.Reports.CountAsync(r => r.Kind == ReportKind.DailyCompliance && r.DueAt > Kyiv(2026, 11, 6, 18), Ct));
        Assert.All(await db.Reports.ToListAsync(Ct), r => Assert.Equal(1, r.Attempts));
        Directory.Delete(reports, recursive: true);
    }

    [Fact]
    public async Task TwoInstancesOnOnePostgres_WithClusteredSchedulers_BuildEachReportOnce()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await AddOrganisationAsync(database);
        var builds = new BuildCounter();
        var reports = Path.Combine(Path.GetTempPath(), "cc-jobs-" + Guid.NewGuid().ToString("N"));
        var now = Kyiv(2026, 11, 10, 10);

        await using var a = new JobsPortal(database, reports, new FakeTimeProvider(now), builds);
        await using var b = new JobsPortal(database, reports, new FakeTimeProvider(now), builds);
        // One after the other, as a rolling start does (the first start creates the roles); B starts while A's round runs.
        a.StartServer();
        b.StartServer();

        await WaitForReadyAsync(database, 8);

        // Both schedulers joined one cluster in the database, and both have run their start-up round by now.
        await WaitUntilAsync(async () => await ScalarAsync(database, "SELECT COUNT(*) FROM qrtz_scheduler_state") == 2);
        Assert.Equal(0, await a.Services.GetRequiredService<ScheduledReports>().RunAsync(Ct));
        Assert.Equal(0, await b.Services.GetRequiredService<ScheduledReports>().RunAsync(Ct));
        Assert.Equal(8, builds.Count);
        await using var db = database.CreateContext();
        Assert.Equal(8, await db.Reports.CountAsync(Ct));
        Assert.All(await db.Reports.ToListAsync(Ct), r => Assert.Equal(1, r.Attempts));
        Assert.Equal(8, Directory.EnumerateFiles(reports, "*", SearchOption.AllDirectories).Count());
        Directory.Delete(reports, recursive: true);
    }

    private static async Task AddOrganisationAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        await new Cards().AddReferenceDataAsync(db);
    }

    private static async Task WaitForReadyAsync(TestDatabase database, int count) =>
        await WaitUntilAsync(async () =>
        {
            await using var db = database.CreateContext();
            return await db.Reports.CountAsync(r => r.Status == ReportStatus.Ready, Ct) >= count;
        });

    private static async Task<long> ScalarAsync(TestDatabase database, string sql)
    {
        await using var db = database.CreateContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromMinutes(2), "The schedulers did not get there in two minutes.");
            await Task.Delay(100, Ct);
        }
    }

    /// <summary>Counts the builds of every instance together: the real workbooks, counted on the way.</summary>
    private sealed class BuildCounter
    {
        private int count;

        public int Count => Volatile.Read(ref count);

        public void Add() => Interlocked.Increment(ref count);
    }

    private sealed class CountingContent(ReportBuilder builder, BuildCounter counter) : IReportContent
    {
        public async Task<ReportFile> BuildAsync(ReportRun run, IProgress<int>? progress, CancellationToken cancellationToken)
        {
            counter.Add();
            return await new ReportBuilderContent(builder).BuildAsync(run, progress, cancellationToken);
        }
    }

    /// <summary>The portal with its jobs on, on the given database, with a fixed clock for the use cases.</summary>
    private sealed class JobsPortal(TestDatabase database, string reportsRoot, FakeTimeProvider clock, BuildCounter counter) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Jobs:Enabled", "true");
            builder.UseSetting("Database:Provider", database.Provider.ToString());
            builder.UseSetting("ConnectionStrings:ContactCenter", database.ConnectionString);
            builder.UseSetting("Demo:Seed", "false");
            builder.UseSetting("Admin:Email", "chief@rada.example.ua");
            builder.UseSetting("Admin:Password", AdminPassword);
            builder.UseSetting("Reports:Root", reportsRoot);
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<TimeProvider>(clock);
                services.AddSingleton(counter);
                services.AddTransient<IReportContent, CountingContent>();
            });
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            SqliteConnection.ClearAllPools();
        }
    }
}
