using ContactCenter.Domain.Classification;
using ContactCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Features.Admin;

/// <summary>
/// Routes are owned rows keyed by (problem, territory), keys the domain sets itself. EF sees a route added to a loaded problem
/// as an existing row (its key is set) and would update nothing; a route for a territory that had none is an insert.
/// A route replacing another for the same territory stays an update of that row.
/// </summary>
internal static class RouteTracking
{
    public static HashSet<Guid> Before(ClassifierProblem problem) => problem.Routes.Select(r => r.TerritoryId).ToHashSet();

    public static void MarkNew(ContactCenterDbContext db, HashSet<Guid> territoriesBefore)
    {
        db.ChangeTracker.DetectChanges();
        foreach (var entry in db.ChangeTracker.Entries<TerritoryRoute>())
        {
            if (entry.State == EntityState.Modified && !territoriesBefore.Contains(entry.Entity.TerritoryId))
            {
                entry.State = EntityState.Added;
            }
        }
    }
}
