using System.Security.Claims;
using ContactCenter.Domain.Common;
using ContactCenter.Infrastructure.Identity;
using ContactCenter.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContactCenter.Portal.Auth;

/// <summary>The claims a signed-in person carries, so every handler can build the domain's <see cref="Actor"/> without a query.</summary>
public static class PortalClaims
{
    public const string FullName = "cc:full_name";
    public const string ExecutorId = "cc:executor_id";
    public const string DirectionId = "cc:direction_id";

    // When a person holds several roles, they act in the strongest one.
    private static readonly Role[] Precedence =
        [Role.Admin, Role.Operator, Role.Manager, Role.Mayor, Role.Deputy, Role.ExecutorResponsible, Role.ExecutorHead, Role.Performer];

    /// <summary>The domain actor for a signed-in principal, or null for an anonymous one.</summary>
    public static Actor? ToActor(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }

        var role = Precedence.FirstOrDefault(r => principal.IsInRole(r.ToString()), Role.Applicant);
        if (role == Role.Applicant)
        {
            return null;
        }

        var name = principal.FindFirstValue(FullName) ?? principal.Identity.Name ?? id;
        Guid? executorId = Guid.TryParse(principal.FindFirstValue(ExecutorId), out var executor) ? executor : null;
        var directions = principal.FindAll(DirectionId).Select(c => Guid.TryParse(c.Value, out var d) ? d : Guid.Empty).Where(d => d != Guid.Empty).ToList();
        return new Actor(id, name, role, executorId, directions);
    }
}

/// <summary>Adds the person's name, executor and curated directions to the sign-in cookie.</summary>
public sealed class PortalClaimsFactory(
    UserManager<PortalUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options,
    IDbContextFactory<ContactCenterDbContext> dbFactory)
    : UserClaimsPrincipalFactory<PortalUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PortalClaims.FullName, string.IsNullOrWhiteSpace(user.FullName) ? user.UserName ?? user.Id : user.FullName));
        if (user.ExecutorId is { } executorId)
        {
            identity.AddClaim(new Claim(PortalClaims.ExecutorId, executorId.ToString()));
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        var directions = await db.Directions.AsNoTracking().Where(d => d.DeputyUserId == user.Id).Select(d => d.Id).ToListAsync();
        foreach (var direction in directions)
        {
            identity.AddClaim(new Claim(PortalClaims.DirectionId, direction.ToString()));
        }

        return identity;
    }
}
