using System.Globalization;
using ContactCenter.Domain.Common;
using ContactCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Features.Admin;

public sealed record UserRow(
    string Id,
    string Email,
    string FullName,
    string? Position,
    string? Role,
    Guid? ExecutorId,
    string? ExecutorName,
    bool IsActive,
    DateTimeOffset? LockedOutUntil);

public sealed record GetUsersQuery(string? Search);

/// <summary>The portal's accounts with their role and executor; the search matches any word of the name, e-mail or position.</summary>
public sealed class GetUsers(IDbContextFactory<ContactCenterDbContext> dbFactory, TimeProvider clock, ILogger<GetUsers> logger)
{
    private static readonly CultureInfo Ukrainian = CultureInfo.GetCultureInfo("uk-UA");

    public async Task<AdminResult<IReadOnlyList<UserRow>>> HandleAsync(GetUsersQuery query, Actor actor, CancellationToken cancellationToken = default)
    {
        if (!AdminAccess.IsAdmin(actor))
        {
            logger.LogWarning("User list refused to {Actor} ({Role})", actor.Id, actor.Role);
            return AdminErrors.NotAdmin;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var roles = await (
                from link in db.UserRoles.AsNoTracking()
                join role in db.Roles on link.RoleId equals role.Id
                select new { link.UserId, role.Name })
            .ToListAsync(cancellationToken);
        var roleOf = roles.GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => g.Select(r => r.Name).Order().FirstOrDefault());
        var executors = await db.Executors.AsNoTracking().ToDictionaryAsync(e => e.Id, e => e.ShortName, cancellationToken);
        var now = clock.GetUtcNow();

        // A hromada has hundreds of accounts, not millions: SQLite compares Cyrillic case-sensitively, so the search runs here.
        var users = await db.Users.AsNoTracking().ToListAsync(cancellationToken);
        var words = (query.Search ?? string.Empty).ToLower(Ukrainian).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        IReadOnlyList<UserRow> rows = users
            .Where(u => words.All(w => $"{u.FullName} {u.Email} {u.Position}".ToLower(Ukrainian).Contains(w, StringComparison.Ordinal)))
            .OrderBy(u => u.FullName, StringComparer.Create(Ukrainian, ignoreCase: true))
            .Select(u => new UserRow(
                u.Id,
                u.Email ?? u.UserName ?? u.Id,
                u.FullName,
                u.Position,
                roleOf.GetValueOrDefault(u.Id),
                u.ExecutorId,
                u.ExecutorId is { } e ? executors.GetValueOrDefault(e) : null,
                u.IsActive,
                u.LockoutEnd is { } end && end > now ? end : null))
            .ToList();
        return new AdminResult<IReadOnlyList<UserRow>>(rows, []);
    }
}
