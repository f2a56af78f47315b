using ContactCenter.Domain.Common;
using ContactCenter.Domain.Organisation;
using ContactCenter.Infrastructure.Identity;
using ContactCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Features.Admin;

public sealed record ExecutorRow(
    Guid Id, string Name, string ShortName, ExecutorKind Kind, Guid DirectionId, string HeadName, string? HeadEmail, string? Phone, bool IsActive);

public sealed record DirectionRow(Guid Id, string Name, string DeputyName, string? DeputyUserId);

public sealed record DeputyOption(string UserId, string FullName, string? Email);

public sealed record OrganisationView(IReadOnlyList<ExecutorRow> Executors, IReadOnlyList<DirectionRow> Directions, IReadOnlyList<DeputyOption> Deputies);

/// <summary>Executors, directions and the people in the deputy role who may curate a direction.</summary>
public sealed class GetOrganisation(IDbContextFactory<ContactCenterDbContext> dbFactory, ILogger<GetOrganisation> logger)
{
    public async Task<AdminResult<OrganisationView>> HandleAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        if (!AdminAccess.IsAdmin(actor))
        {
            logger.LogWarning("Organisation view refused to {Actor} ({Role})", actor.Id, actor.Role);
            return AdminErrors.NotAdmin;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var executors = await db.Executors.AsNoTracking()
            .OrderBy(e => e.Name)
            .Select(e => new ExecutorRow(e.Id, e.Name, e.ShortName, e.Kind, e.DirectionId, e.HeadName, e.HeadEmail, e.Phone, e.IsActive))
            .ToListAsync(cancellationToken);
        var directions = await db.Directions.AsNoTracking()
            .OrderBy(d => d.Name)
            .Select(d => new DirectionRow(d.Id, d.Name, d.DeputyName, d.DeputyUserId))
            .ToListAsync(cancellationToken);
        var deputies = await DeputiesAsync(db, cancellationToken);
        return new AdminResult<OrganisationView>(new OrganisationView(executors, directions, deputies), []);
    }

    internal static async Task<List<DeputyOption>> DeputiesAsync(ContactCenterDbContext db, CancellationToken cancellationToken)
    {
        var role = nameof(Role.Deputy);
        return await (
                from user in db.Users.AsNoTracking()
                join link in db.UserRoles on user.Id equals link.UserId
                join r in db.Roles on link.RoleId equals r.Id
                where r.Name == role && user.IsActive
                orderby user.FullName
                select new DeputyOption(user.Id, user.FullName, user.Email))
            .ToListAsync(cancellationToken);
    }
}
