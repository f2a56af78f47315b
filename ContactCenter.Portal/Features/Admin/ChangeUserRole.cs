using ContactCenter.Domain.Common;
using ContactCenter.Infrastructure.Identity;
using ContactCenter.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Features.Admin;

public sealed record ChangeUserRoleCommand(string UserId, string? Role, Guid? ExecutorId, string? FullName = null, string? Position = null);

/// <summary>
/// Gives an account another role (one role each) and executor. The security stamp changes, so the person's open sessions
/// end and the next sign-in carries the new role.
/// </summary>
public sealed class ChangeUserRole(IServiceScopeFactory scopes, IDbContextFactory<ContactCenterDbContext> dbFactory, ILogger<ChangeUserRole> logger)
{
    public async Task<AdminResult> HandleAsync(ChangeUserRoleCommand command, Actor actor, CancellationToken cancellationToken = default)
    {
        if (!AdminAccess.IsAdmin(actor))
        {
            logger.LogWarning("Role change refused to {Actor} ({Role})", actor.Id, actor.Role);
            return AdminErrors.NotAdmin;
        }

        var errors = new List<Error>();
        await UserAccounts.CheckRoleAndExecutorAsync(dbFactory, command.Role, command.ExecutorId, errors, cancellationToken);
        if (command.UserId == actor.Id && command.Role != nameof(Role.Admin))
        {
            errors.Add(AdminErrors.Field("role", "Не можна зняти з себе роль адміністратора: попросіть іншого адміністратора."));
        }

        var fullName = command.FullName?.Trim();
        if (fullName is { Length: 0 })
        {
            errors.Add(AdminErrors.Field("fullName", "Вкажіть прізвище, ім'я та по батькові."));
        }
        else if (fullName is { Length: > 200 })
        {
            errors.Add(AdminErrors.Field("fullName", "ПІБ — не довше 200 символів."));
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByIdAsync(command.UserId);
        if (user is null)
        {
            return AdminErrors.NotFound;
        }

        if (errors.Count > 0)
        {
            return new AdminResult(errors);
        }

        var before = await users.GetRolesAsync(user);
        var stale = before.Where(r => r != command.Role).ToList();
        if (stale.Count > 0)
        {
            var removed = await users.RemoveFromRolesAsync(user, stale);
            if (!removed.Succeeded)
            {
                return new AdminResult(UserAccounts.ToErrors(removed, AdminErrors.FormField).ToList());
            }
        }

        if (!before.Contains(command.Role!))
        {
            var added = await users.AddToRoleAsync(user, command.Role!);
            if (!added.Succeeded)
            {
                return new AdminResult(UserAccounts.ToErrors(added, AdminErrors.FormField).ToList());
            }
        }

        user.ExecutorId = UserRoles.NeedsExecutor(command.Role) ? command.ExecutorId : null;
        if (fullName is not null)
        {
            user.FullName = fullName;
        }

        if (command.Position is not null)
        {
            user.Position = string.IsNullOrWhiteSpace(command.Position) ? null : command.Position.Trim();
        }

        var saved = await users.UpdateSecurityStampAsync(user);
        if (!saved.Succeeded)
        {
            return new AdminResult(UserAccounts.ToErrors(saved, AdminErrors.FormField).ToList());
        }

        logger.LogInformation(
            "User {User} role {Before} -> {After}, executor {Executor}, by {Actor} ({ActorName})",
            user.Id, string.Join(",", before), command.Role, user.ExecutorId, actor.Id, actor.Name);
        return AdminResult.Ok;
    }
}
