using ContactCenter.Domain.Common;
using ContactCenter.Infrastructure.Identity;
using ContactCenter.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Features.Admin;

/// <summary>
/// What the account handlers share. Each call opens its own scope for <see cref="UserManager{TUser}"/>: the circuit's
/// scope lives for hours and its context would keep serving stale, tracked accounts.
/// </summary>
internal static class UserAccounts
{
    public static async Task<List<Error>> CheckPasswordAsync(UserManager<PortalUser> users, PortalUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return [AdminErrors.Field("password", "Вкажіть пароль.")];
        }

        var errors = new List<Error>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            errors.AddRange(result.Errors.Select(e => AdminErrors.Field("password", e.Description)));
        }

        return errors;
    }

    public static async Task CheckRoleAndExecutorAsync(
        IDbContextFactory<ContactCenterDbContext> dbFactory, string? role, Guid? executorId, List<Error> errors, CancellationToken cancellationToken)
    {
        if (role is null || !UserRoles.All.Contains(role))
        {
            errors.Add(AdminErrors.Field("role", "Оберіть роль користувача."));
            return;
        }

        if (!UserRoles.NeedsExecutor(role))
        {
            return;
        }

        if (executorId is not { } id)
        {
            errors.Add(AdminErrors.Field("executor", $"Для ролі «{UserRoles.Label(role)}» оберіть виконавця, до якого належить користувач."));
            return;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var executor = await db.Executors.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (executor is null || !executor.IsActive)
        {
            errors.Add(AdminErrors.Field("executor", "Оберіть активного виконавця."));
        }
    }

    public static IEnumerable<Error> ToErrors(IdentityResult result, string field) =>
        result.Errors.Select(e => AdminErrors.Field(field, e.Description));
}
