using ContactCenter.Domain.Common;
using ContactCenter.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace ContactCenter.Portal.Features.Admin;

public sealed record UnlockUserCommand(string UserId);

/// <summary>Lifts the temporary lockout after repeated failed sign-ins and clears the count of failures.</summary>
public sealed class UnlockUser(IServiceScopeFactory scopes, ILogger<UnlockUser> logger)
{
    public async Task<AdminResult> HandleAsync(UnlockUserCommand command, Actor actor, CancellationToken cancellationToken = default)
    {
        if (!AdminAccess.IsAdmin(actor))
        {
            logger.LogWarning("Unlock refused to {Actor} ({Role})", actor.Id, actor.Role);
            return AdminErrors.NotAdmin;
        }

        cancellationToken.ThrowIfCancellationRequested();
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByIdAsync(command.UserId);
        if (user is null)
        {
            return AdminErrors.NotFound;
        }

        var unlocked = await users.SetLockoutEndDateAsync(user, null);
        if (unlocked.Succeeded)
        {
            unlocked = await users.ResetAccessFailedCountAsync(user);
        }

        if (!unlocked.Succeeded)
        {
            return new AdminResult(UserAccounts.ToErrors(unlocked, AdminErrors.FormField).ToList());
        }

        logger.LogInformation("User {User} <{Email}> unlocked by {Actor} ({ActorName})", user.Id, user.Email, actor.Id, actor.Name);
        return AdminResult.Ok;
    }
}
