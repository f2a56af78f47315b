using ContactCenter.Domain.Common;
using Microsoft.AspNetCore.Identity;

namespace ContactCenter.Infrastructure.Identity;

public static class PortalIdentity
{
    /// <summary>The roles of domain.md, by their code names.</summary>
    public static readonly IReadOnlyList<string> Roles =
    [
        nameof(Role.Operator), nameof(Role.ExecutorResponsible), nameof(Role.Performer), nameof(Role.ExecutorHead),
        nameof(Role.Deputy), nameof(Role.Manager), nameof(Role.Mayor), nameof(Role.Admin),
    ];

    /// <summary>A sensible policy for staff accounts: long passwords, lockout after repeated failures.</summary>
    public static void Configure(IdentityOptions options)
    {
        options.Password.RequiredLength = 10;
        options.Password.RequireDigit = true;
        options.Password.RequireLowercase = true;
        options.Password.RequireUppercase = true;
        options.Password.RequireNonAlphanumeric = true;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.User.RequireUniqueEmail = true;
        options.SignIn.RequireConfirmedAccount = false;
    }
}
