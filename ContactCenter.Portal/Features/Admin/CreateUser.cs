using System.ComponentModel.DataAnnotations;
using ContactCenter.Domain.Common;
using ContactCenter.Infrastructure.Identity;
using ContactCenter.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Features.Admin;

public sealed record CreateUserCommand(string Email, string FullName, string? Position, string? Role, Guid? ExecutorId, string Password);

/// <summary>Creates an account with one role (and the executor for executors' people) and an initial password under the policy.</summary>
public sealed class CreateUser(IServiceScopeFactory scopes, IDbContextFactory<ContactCenterDbContext> dbFactory, ILogger<CreateUser> logger)
{
    public async Task<AdminResult<string>> HandleAsync(CreateUserCommand command, Actor actor, CancellationToken cancellationToken = default)
    {
        if (!AdminAccess.IsAdmin(actor))
        {
            logger.LogWarning("User creation refused to {Actor} ({Role})", actor.Id, actor.Role);
            return AdminErrors.NotAdmin;
        }

        var email = command.Email?.Trim() ?? string.Empty;
        var fullName = command.FullName?.Trim() ?? string.Empty;
        var position = string.IsNullOrWhiteSpace(command.Position) ? null : command.Position.Trim();
        var errors = new List<Error>();
        if (email.Length == 0)
        {
            errors.Add(AdminErrors.Field("email", "Вкажіть електронну пошту: вона є іменем для входу."));
        }
        else if (email.Length > 254 || !new EmailAddressAttribute().IsValid(email))
        {
            errors.Add(AdminErrors.Field("email", "Електронна пошта має вигляд ім'я@домен."));
        }

        if (fullName.Length == 0)
        {
            errors.Add(AdminErrors.Field("fullName", "Вкажіть прізвище, ім'я та по батькові."));
        }
        else if (fullName.Length > 200)
        {
            errors.Add(AdminErrors.Field("fullName", "ПІБ — не довше 200 символів."));
        }

        await UserAccounts.CheckRoleAndExecutorAsync(dbFactory, command.Role, command.ExecutorId, errors, cancellationToken);

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            FullName = fullName,
            Position = position,
            ExecutorId = UserRoles.NeedsExecutor(command.Role) ? command.ExecutorId : null,
        };
        errors.AddRange(await UserAccounts.CheckPasswordAsync(users, user, command.Password));
        if (email.Length > 0 && await users.FindByEmailAsync(email) is not null)
        {
            errors.Add(AdminErrors.Field("email", $"Користувач з поштою «{email}» уже є."));
        }

        if (errors.Count > 0)
        {
            return new AdminResult<string>(null, errors);
        }

        var created = await users.CreateAsync(user, command.Password);
        if (!created.Succeeded)
        {
            return new AdminResult<string>(null, UserAccounts.ToErrors(created, "email").ToList());
        }

        var role = await users.AddToRoleAsync(user, command.Role!);
        if (!role.Succeeded)
        {
            // An account without a role could sign in to nothing; take it back rather than leave it half made.
            await users.DeleteAsync(user);
            return new AdminResult<string>(null, UserAccounts.ToErrors(role, "role").ToList());
        }

        logger.LogInformation(
            "User {User} <{Email}> created with role {UserRole} (executor {Executor}) by {Actor} ({ActorName})",
            user.Id, email, command.Role, user.ExecutorId, actor.Id, actor.Name);
        return new AdminResult<string>(user.Id, []);
    }
}
