using ContactCenter.Domain.Common;
using ContactCenter.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace ContactCenter.Portal.Features.Admin;

public sealed record ResetUserPasswordCommand(string UserId, string NewPassword);

/// <summary>
/// Sets a new password chosen by the administrator (checked against the policy first, so a refused one changes nothing).
/// The security stamp changes: sessions signed in with the old password end.
/// </summary>
public sealed class ResetUserPassword(IServiceScopeFactory scopes, ILogger<ResetUserPassword> logger)
{
    public async Task<AdminResult> HandleAsync(ResetUserPasswordCommand command, Actor actor, CancellationToken cancellationToken = default)
    {
        if (!AdminAccess.IsAdmin(actor))
        {
            logger.LogWarning("Password reset refused to {Actor} ({Role})", actor.Id, actor.Role);
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

        var errors = await UserAccounts.CheckPasswordAsync(users, user, command.NewPassword);
        if (errors.Count > 0)
        {
            return new AdminResult(errors);
        }

        // The policy was checked above; the hash and the new stamp are saved together in one update.
        user.PasswordHash = users.PasswordHasher.HashPassword(user, command.NewPassword);
        var saved = await users.UpdateSecurityStampAsync(user);
        if (!saved.Succeeded)
        {
            return new AdminResult(UserAccounts.ToErrors(saved, AdminErrors.FormField).ToList());
        }

        logger.LogInformation("Password of user {User} <{Email}> reset by {Actor} ({ActorName})", user.Id, user.Email, actor.Id, actor.Name);
        return AdminResult.Ok;
    }
}
