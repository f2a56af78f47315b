using ContactCenter.Domain.Common;
using ContactCenter.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace ContactCenter.Portal.Features.Admin;

public sealed record SetUserActiveCommand(string UserId, bool Active);

/// <summary>
/// Switches an account off (it can no longer sign in) or on again. The security stamp changes, so the open sessions of a
/// switched-off account end at their next check.
/// </summary>
public sealed class SetUserActive(IServiceScopeFactory scopes, ILogger<SetUserActive> logger)
{
    public async Task<AdminResult> HandleAsync(SetUserActiveCommand command, Actor actor, CancellationToken cancellationToken = default)
    {
        if (!AdminAccess.IsAdmin(actor))
        {
            logger.LogWarning("Account activation refused to {Actor} ({Role})", actor.Id, actor.Role);
            return AdminErrors.NotAdmin;
        }

        if (command.UserId == actor.Id && !command.Active)
        {
            return AdminErrors.Field(AdminErrors.FormField, "Не можна вимкнути власний обліковий запис.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByIdAsync(command.UserId);
        if (user is null)
        {
            return AdminErrors.NotFound;
        }

        user.IsActive = command.Active;
        var saved = await users.UpdateSecurityStampAsync(user);
        if (!saved.Succeeded)
        {
            return new AdminResult(UserAccounts.ToErrors(saved, AdminErrors.FormField).ToList());
        }

        logger.LogInformation(
            "User {User} <{Email}> {Change} by {Actor} ({ActorName})",
            user.Id, user.Email, command.Active ? "activated" : "deactivated", actor.Id, actor.Name);
        return AdminResult.Ok;
    }
}
