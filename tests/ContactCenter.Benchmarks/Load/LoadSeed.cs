using ContactCenter.Benchmarks.Push;
using ContactCenter.Domain.Common;
using ContactCenter.Infrastructure.Api;
using ContactCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Benchmarks.Load;

/// <summary>
/// The push benchmark's organisation (<see cref="Organisation"/>) plus what the load needs: the Open311 key of the demo
/// data (README), each executor's problem code (a GeoReport service code), and the actors the in-process operations
/// run as — each executor's responsible person, each deputy with the directions they curate, the mayor.
/// </summary>
public sealed class LoadSeed
{
    private LoadSeed(Organisation organisation, IReadOnlyList<string> serviceCodes, IReadOnlyDictionary<Guid, Actor> executorActors, IReadOnlyList<Actor> dashboardActors)
    {
        Organisation = organisation;
        ServiceCodes = serviceCodes;
        ExecutorActors = executorActors;
        DashboardActors = dashboardActors;
    }

    public static string ApiKey => DemoSeed.DemoOpen311Key;

    public Organisation Organisation { get; }

    public IReadOnlyList<string> ServiceCodes { get; }

    /// <summary>The executor's responsible person, by executor.</summary>
    public IReadOnlyDictionary<Guid, Actor> ExecutorActors { get; }

    /// <summary>The deputies (their directions) and the mayor (all): who refreshes the dashboard.</summary>
    public IReadOnlyList<Actor> DashboardActors { get; }

    public static async Task<LoadSeed> CreateAsync(IServiceProvider services, PushProvider provider, int executors, int directions, int deputies, CancellationToken cancellationToken)
    {
        var settings = new PushSettings([1], provider, 1, 1, 1, 0, 0)
        {
            Executors = executors,
            Directions = directions,
            Deputies = deputies,
            DepartmentUsers = 1,
        };
        var organisation = await Organisation.CreateAsync(services, settings, cancellationToken);

        var dbFactory = services.GetRequiredService<IDbContextFactory<ContactCenterDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.ApiKeys.Add(Infrastructure.Api.ApiKey.Issue("Навантажувальний клієнт Open311", ApiKey, services.GetRequiredService<TimeProvider>().GetUtcNow(), "Система"));
        await db.SaveChangesAsync(cancellationToken);

        var codes = await db.ClassifierProblems.AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.Code).Select(p => p.Code).ToListAsync(cancellationToken);
        var curated = await db.Directions.AsNoTracking().Where(d => d.DeputyUserId != null).Select(d => new { d.Id, d.DeputyUserId }).ToListAsync(cancellationToken);

        var executorActors = organisation.Of(PersonKind.Executor)
            .ToDictionary(p => p.ExecutorId!.Value, p => new Actor(p.UserId, "Відповідальна особа", Role.ExecutorResponsible, p.ExecutorId));
        var dashboard = organisation.Of(PersonKind.Deputy)
            .Select(p => new Actor(p.UserId, "Заступник", Role.Deputy, null, curated.Where(d => d.DeputyUserId == p.UserId).Select(d => d.Id).ToList()))
            .Append(new Actor("load-mayor", "Міський голова", Role.Mayor))
            .ToList();
        return new LoadSeed(organisation, codes, executorActors, dashboard);
    }
}
