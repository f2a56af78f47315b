using ContactCenter.Domain.Common;
using ContactCenter.Infrastructure.Identity;

namespace ContactCenter.Portal.Features.Admin;

/// <summary>The roles of <see cref="PortalIdentity.Roles"/> as users read them, and which of them belong to an executor.</summary>
public static class UserRoles
{
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        [nameof(Role.Operator)] = "Оператор (спеціаліст Відділу)",
        [nameof(Role.ExecutorResponsible)] = "Відповідальна особа виконавця",
        [nameof(Role.Performer)] = "Працівник виконавця",
        [nameof(Role.ExecutorHead)] = "Керівник виконавця",
        [nameof(Role.Deputy)] = "Заступник міського голови",
        [nameof(Role.Manager)] = "Керуючий справами",
        [nameof(Role.Mayor)] = "Міський голова",
        [nameof(Role.Admin)] = "Адміністратор",
    };

    public static IReadOnlyList<string> All => PortalIdentity.Roles;

    public static string Label(string? role) => role is not null && Labels.TryGetValue(role, out var label) ? label : role ?? "—";

    /// <summary>People of an executor see and act on that executor's cards: they need one.</summary>
    public static bool NeedsExecutor(string? role) =>
        role is nameof(Role.ExecutorResponsible) or nameof(Role.Performer) or nameof(Role.ExecutorHead);
}
