using ContactCenter.Domain.Reporting;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Infrastructure.Tests.Support;
using ContactCenter.Portal.Features.Reports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Portal.Tests.Features.Reports;

/// <summary>The scenario saved in a real database of one provider, and the builder over it.</summary>
public sealed class ReportHost : IAsyncDisposable
{
    public const string BaseUrl = "https://cc.example.gov.ua";

    private ReportHost(TestDatabase database, ReportScenario scenario, ReportBuilder builder)
    {
        Database = database;
        Scenario = scenario;
        Builder = builder;
    }

    public TestDatabase Database { get; }

    public ReportScenario Scenario { get; }

    public ReportBuilder Builder { get; }

    public static async Task<ReportHost> StartAsync(DatabaseProvider provider, CancellationToken cancellationToken, string? baseUrl = BaseUrl)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var scenario = new ReportScenario();
        await scenario.SaveAsync(() => database.CreateContext(), cancellationToken);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(baseUrl is null ? [] : [new KeyValuePair<string, string?>("Portal:PublicBaseUrl", baseUrl)])
            .Build();
        var builder = new ReportBuilder(database.Factory(), new FakeTimeProvider(ReportScenario.BuiltAt), configuration);
        return new ReportHost(database, scenario, builder);
    }

    public Task<ReportFile> BuildAsync(ReportKind kind, ReportingPeriod period, ReportScope scope, CancellationToken cancellationToken) =>
        Builder.BuildAsync(new ReportRun(kind, period, scope), cancellationToken);

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
