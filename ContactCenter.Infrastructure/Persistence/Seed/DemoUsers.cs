using ContactCenter.Domain.Common;
using ContactCenter.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace ContactCenter.Infrastructure.Persistence.Seed;

/// <summary>The demo accounts, one per role, all with the password <see cref="Password"/>.</summary>
internal static class DemoUsers
{
    public const string Password = "Demo-2026!";

    public sealed record Created(PortalUser Admin, PortalUser Operator, PortalUser Executor, PortalUser Head, PortalUser Performer, PortalUser Deputy, PortalUser Manager, PortalUser Mayor);

    public static async Task<Created> CreateAsync(UserManager<PortalUser> users, Guid waterUtilityId)
    {
        return new Created(
            await CreateAsync(users, "admin@demo.local", "Литвин Роман Сергійович", "Адміністратор системи", Role.Admin, null),
            await CreateAsync(users, "operator@demo.local", "Петренко Олена Василівна", "Головний спеціаліст загального відділу та інформаційного забезпечення", Role.Operator, null),
            await CreateAsync(users, "executor@demo.local", "Мороз Тетяна Іванівна", "Відповідальна особа КП «Пирятинський водоканал»", Role.ExecutorResponsible, waterUtilityId),
            await CreateAsync(users, "head@demo.local", "Руденко Віктор Григорович", "Директор КП «Пирятинський водоканал»", Role.ExecutorHead, waterUtilityId),
            await CreateAsync(users, "performer@demo.local", "Гуменюк Василь Петрович", "Майстер дільниці водопровідних мереж", Role.Performer, waterUtilityId),
            await CreateAsync(users, "deputy@demo.local", "Ковтун Олександр Миколайович", "Заступник міського голови з питань діяльності виконавчих органів", Role.Deputy, null),
            await CreateAsync(users, "manager@demo.local", "Кравченко Людмила Олексіївна", "Керуюча справами виконавчого комітету", Role.Manager, null),
            await CreateAsync(users, "mayor@demo.local", "Симоненко Андрій Іванович", "Пирятинський міський голова", Role.Mayor, null));
    }

    private static async Task<PortalUser> CreateAsync(UserManager<PortalUser> users, string email, string fullName, string position, Role role, Guid? executorId)
    {
        var user = new PortalUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            FullName = fullName,
            Position = position,
            ExecutorId = executorId,
        };
        DatabaseInitializer.Ensure(await users.CreateAsync(user, Password), email);
        DatabaseInitializer.Ensure(await users.AddToRoleAsync(user, role.ToString()), $"{email} role {role}");
        return user;
    }
}
