using ClosedXML.Excel;
using ContactCenter.Domain.Common;
using ContactCenter.Domain.Organisation;
using ContactCenter.Domain.Reporting;
using ContactCenter.Infrastructure;
using ContactCenter.Infrastructure.Identity;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Infrastructure.Reporting;
using ContactCenter.Infrastructure.Tests.Support;
using ContactCenter.Portal.Features.Reports;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Portal.Tests.Features.Reports;

/// <summary>
/// A database of one provider initialised as the portal does (migrations, roles), the organisation of <see cref="Cards"/>
/// plus a second direction, a person in every role that receives reports, and the report use cases as the portal
/// registers them — with <see cref="TestWorkbooks"/> in place of the real workbooks, so delivery is tested on its own.
/// </summary>
public sealed class ReportsWorld : IAsyncDisposable
{
    public const string Password = "Sokil-2026!";

    private readonly string folder = Path.Combine(Path.GetTempPath(), "cc-reports-" + Guid.NewGuid().ToString("N"));
    private string? postgres;

    private ReportsWorld(DateTimeOffset now)
    {
        Clock = new FakeTimeProvider(now);
    }

    public ServiceProvider Services { get; private set; } = null!;

    public FakeTimeProvider Clock { get; }

    public Cards Cards { get; } = new();

    public TestWorkbooks Workbooks { get; } = new();

    /// <summary>A direction with one executor that the deputy of <see cref="Cards.Direction"/> does not curate.</summary>
    public Direction OtherDirection { get; } = new(Guid.NewGuid(), "Соціальний захист населення", "Гриценко Н. І.");

    public Executor Social { get; private set; } = null!;

    public string ReportsRoot => Path.Combine(folder, "reports");

    public Dictionary<string, PortalUser> People { get; } = [];

    public IDbContextFactory<ContactCenterDbContext> Factory => Services.GetRequiredService<IDbContextFactory<ContactCenterDbContext>>();

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public ContactCenterDbContext Db() => Factory.CreateDbContext();

    /// <summary>The actor a person of <see cref="People"/> acts as, with their executor and directions.</summary>
    public Actor Actor(string person, Role role)
    {
        var user = People[person];
        IReadOnlyList<Guid> directions = role == Role.Deputy ? [Cards.Direction.Id] : [];
        return new Actor(user.Id, user.FullName, role, user.ExecutorId, directions);
    }

    public static async Task<ReportsWorld> CreateAsync(DatabaseProvider provider, DateTimeOffset now)
    {
        var world = new ReportsWorld(now);
        Directory.CreateDirectory(world.folder);
        string connectionString;
        if (provider == DatabaseProvider.Postgres)
        {
            connectionString = world.postgres = await PostgresDatabase.CreateDatabaseAsync("cc_reports");
        }
        else
        {
            connectionString = $"Data Source={Path.Combine(world.folder, "reports.db")};Default Timeout=30";
        }

        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = provider.ToString(),
                ["ConnectionStrings:ContactCenter"] = connectionString,
                ["Demo:Seed"] = "false",
                ["Admin:Email"] = "admin@test.local",
                ["Admin:Password"] = Password,
                ["Reports:Root"] = world.ReportsRoot,
                ["Portal:PublicBaseUrl"] = "https://cc.rada.example.ua",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDataProtection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddInfrastructure(configuration, world.folder);
        services.AddSingleton<TimeProvider>(world.Clock);
        services.AddSingleton<Microsoft.Extensions.Hosting.IHostApplicationLifetime, TestLifetime>();
        ReportsServices.AddReports(services);
        services.AddSingleton<IReportContent>(world.Workbooks);
        world.Services = services.BuildServiceProvider();

        await using (var scope = world.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(TestContext.Current.CancellationToken);
        }

        await using (var db = world.Db())
        {
            await world.Cards.AddReferenceDataAsync(db);
            world.Social = new Executor(Guid.NewGuid(), "Управління соціального захисту населення", "УСЗН", ExecutorKind.CouncilDepartment, world.OtherDirection.Id, "Пономаренко С. М.", "uszn@rada.example.ua");
            db.Directions.Add(world.OtherDirection);
            db.Executors.Add(world.Social);
            await db.SaveChangesAsync();
        }

        await world.AddPersonAsync("water-head", Role.ExecutorHead, world.Cards.Water.Id);
        await world.AddPersonAsync("water-responsible", Role.ExecutorResponsible, world.Cards.Water.Id);
        await world.AddPersonAsync("water-performer", Role.Performer, world.Cards.Water.Id);
        await world.AddPersonAsync("roads-head", Role.ExecutorHead, world.Cards.Roads.Id);
        await world.AddPersonAsync("social-head", Role.ExecutorHead, world.Social.Id);
        await world.AddPersonAsync("deputy", Role.Deputy, null);
        await world.AddPersonAsync("other-deputy", Role.Deputy, null);
        await world.AddPersonAsync("manager", Role.Manager, null);
        await world.AddPersonAsync("mayor", Role.Mayor, null);
        await world.AddPersonAsync("operator", Role.Operator, null);
        await using (var db = world.Db())
        {
            var housing = await db.Directions.SingleAsync(d => d.Id == world.Cards.Direction.Id);
            housing.AssignDeputy(world.People["deputy"].FullName, world.People["deputy"].Id);
            var social = await db.Directions.SingleAsync(d => d.Id == world.OtherDirection.Id);
            social.AssignDeputy(world.People["other-deputy"].FullName, world.People["other-deputy"].Id);
            await db.SaveChangesAsync();
        }

        return world;
    }

    private async Task AddPersonAsync(string key, Role role, Guid? executorId)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = $"{key}@rada.example.ua", Email = $"{key}@rada.example.ua", EmailConfirmed = true, FullName = key, ExecutorId = executorId };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded, key);
        Assert.True((await users.AddToRoleAsync(user, role.ToString())).Succeeded, key);
        People[key] = user;
    }

    /// <summary>Builds a run on schedule through the use case, as the job does.</summary>
    public Task<BuildReportResult> BuildAsync(ReportRun run, DateTimeOffset? dueAt = null) =>
        Get<BuildReport>().HandleAsync(new BuildReportCommand(run, ReportOrigin.Schedule, dueAt ?? Clock.GetUtcNow(), Domain.Common.Actor.System), cancellationToken: TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (postgres is not null)
        {
            await PostgresDatabase.DropDatabaseAsync(postgres);
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left to the temp folder's cleanup.
        }
    }

    private sealed class TestLifetime : Microsoft.Extensions.Hosting.IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }
}

/// <summary>
/// Stands in for the real workbooks: a small but real .xlsx naming the run, counting how often it is asked for, and
/// letting a test hold a build half-way (<see cref="Gate"/>) or make it fail (<see cref="FailNext"/>).
/// </summary>
public sealed class TestWorkbooks : IReportContent
{
    private int calls;

    public int Calls => Volatile.Read(ref calls);

    /// <summary>When set, a build waits here after it started (and told its progress) until the test opens it.</summary>
    public TaskCompletionSource? Gate { get; set; }

    /// <summary>Completed when a build reaches <see cref="Gate"/>.</summary>
    public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int FailNext { get; set; }

    /// <summary>With <see cref="FailNext"/>: only builds of this kind fail.</summary>
    public ReportKind? FailOnly { get; set; }

    public async Task<ReportFile> BuildAsync(ReportRun run, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref calls);
        progress?.Report(50);
        if (Gate is { } gate)
        {
            Reached.TrySetResult();
            await gate.Task.WaitAsync(cancellationToken);
        }

        if (FailNext > 0 && (FailOnly is null || FailOnly == run.Kind))
        {
            FailNext--;
            throw new InvalidOperationException("Зависла база під час формування");
        }

        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("Зведення");
        sheet.Cell(1, 1).Value = ReportBuilder.TitleOf(run.Kind);
        sheet.Cell(2, 1).Value = run.Scope.Kind.ToString();
        sheet.Cell(3, 1).Value = run.Period.From.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return new ReportFile($"{run.Kind}-{run.Period.From:yyyyMMdd}.xlsx", ReportFile.Xlsx, stream.ToArray());
    }
}
