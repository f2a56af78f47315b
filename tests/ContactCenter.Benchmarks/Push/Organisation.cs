using System.Globalization;
using ContactCenter.Domain.Classification;
using ContactCenter.Domain.Common;
using ContactCenter.Domain.Deadlines;
using ContactCenter.Domain.Organisation;
using ContactCenter.Infrastructure.Identity;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Portal.Realtime;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ContactCenter.Benchmarks.Push;

public enum PersonKind
{
    Department,
    Executor,
    Deputy,
}

/// <summary>A signed-in person of the benchmark: their sign-in cookie and the hub groups the portal puts them in.</summary>
public sealed record Person(string UserId, PersonKind Kind, string Cookie, IReadOnlyList<string> Groups, Guid? ExecutorId);

/// <summary>
/// A city-sized organisation in an empty database: directions, executors (one classifier problem each, so a card can
/// be sent to any of them), and a signed-in person per executor, per Department operator and per deputy.
/// </summary>
public sealed class Organisation
{
    public const string CookieName = "cc.auth";

    private Organisation(IReadOnlyList<Executor> executors, IReadOnlyDictionary<Guid, Guid> problemOf, IReadOnlyList<Person> people, Actor registrar)
    {
        Executors = executors;
        ProblemOf = problemOf;
        People = people;
        Registrar = registrar;
    }

    public IReadOnlyList<Executor> Executors { get; }

    /// <summary>The classifier problem routed to each executor.</summary>
    public IReadOnlyDictionary<Guid, Guid> ProblemOf { get; }

    public IReadOnlyList<Person> People { get; }

    /// <summary>The Department operator who registers the cards.</summary>
    public Actor Registrar { get; }

    public IEnumerable<Person> Of(PersonKind kind) => People.Where(p => p.Kind == kind);

    public static async Task<Organisation> CreateAsync(IServiceProvider services, PushSettings settings, CancellationToken cancellationToken)
    {
        var directions = Enumerable.Range(1, settings.Directions)
            .Select(i => new Direction(Guid.NewGuid(), $"Напрямок {i:00}", $"Заступник {1 + ((i - 1) % settings.Deputies)}"))
            .ToList();
        var executors = Enumerable.Range(0, settings.Executors)
            .Select(i => new Executor(Guid.NewGuid(), $"Виконавець {i + 1:000}", $"В-{i + 1:000}", ExecutorKind.UtilityCompany, directions[i % directions.Count].Id, "Керівник"))
            .ToList();
        var section = new ClassifierSection(Guid.NewGuid(), "99", "Навантажувальний розділ");
        var problems = executors.Select((e, i) => new ClassifierProblem(Guid.NewGuid(), $"99.{i + 1:000}", $"Питання виконавця {i + 1:000}", section.Id, e.Id, NormativeTerm.Days(10))).ToList();

        var dbFactory = services.GetRequiredService<IDbContextFactory<ContactCenterDbContext>>();
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            db.Directions.AddRange(directions);
            db.Executors.AddRange(executors);
            db.ClassifierSections.Add(section);
            db.ClassifierProblems.AddRange(problems);
            await db.SaveChangesAsync(cancellationToken);
        }

        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();

        // No passwords: hashing hundreds of them would only slow the set-up, and the cookies are issued directly below.
        var department = new List<PortalUser>();
        for (var i = 1; i <= settings.DepartmentUsers; i++)
        {
            department.Add(await CreateUserAsync(users, $"operator{i:00}@bench.local", $"Оператор {i:00}", Role.Operator, null));
        }

        var staff = new List<PortalUser>();
        for (var i = 0; i < executors.Count; i++)
        {
            staff.Add(await CreateUserAsync(users, $"executor{i + 1:000}@bench.local", $"Відповідальна особа {i + 1:000}", Role.ExecutorResponsible, executors[i].Id));
        }

        var deputies = new List<PortalUser>();
        for (var i = 1; i <= settings.Deputies; i++)
        {
            deputies.Add(await CreateUserAsync(users, $"deputy{i}@bench.local", $"Заступник {i}", Role.Deputy, null));
        }

        var curated = deputies.ToDictionary(d => d.Id, _ => new List<string>());
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var stored = await db.Directions.OrderBy(d => d.Name).ToListAsync(cancellationToken);
            for (var i = 0; i < stored.Count; i++)
            {
                var deputy = deputies[i % deputies.Count];
                stored[i].AssignDeputy(deputy.FullName, deputy.Id);
                curated[deputy.Id].Add(CardsHub.DirectionGroup(stored[i].Id));
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        var cookies = new CookieIssuer(scope.ServiceProvider);
        var people = new List<Person>();
        foreach (var user in department)
        {
            people.Add(new Person(user.Id, PersonKind.Department, await cookies.IssueAsync(user), [CardsHub.DepartmentGroup], null));
        }

        foreach (var user in staff)
        {
            people.Add(new Person(user.Id, PersonKind.Executor, await cookies.IssueAsync(user), [CardsHub.ExecutorGroup(user.ExecutorId!.Value)], user.ExecutorId));
        }

        foreach (var user in deputies)
        {
            people.Add(new Person(user.Id, PersonKind.Deputy, await cookies.IssueAsync(user), curated[user.Id], null));
        }

        var registrar = new Actor(department[0].Id, department[0].FullName, Role.Operator);
        return new Organisation(executors, problems.ToDictionary(p => p.DefaultExecutorId, p => p.Id), people, registrar);
    }

    private static async Task<PortalUser> CreateUserAsync(UserManager<PortalUser> users, string email, string fullName, Role role, Guid? executorId)
    {
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, FullName = fullName, ExecutorId = executorId };
        Ensure(await users.CreateAsync(user), email);
        Ensure(await users.AddToRoleAsync(user, role.ToString()), email + " " + role);
        return user;
    }

    private static void Ensure(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }

    /// <summary>
    /// The cookie the sign-in page would set, made by the portal's own claims factory and cookie protector: the hub
    /// reads it exactly as it reads one from <c>/Account/Login</c>.
    /// </summary>
    private sealed class CookieIssuer(IServiceProvider services)
    {
        private readonly IUserClaimsPrincipalFactory<PortalUser> principals = services.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>();
        private readonly CookieAuthenticationOptions options = services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        private readonly TimeProvider clock = services.GetRequiredService<TimeProvider>();

        public async Task<string> IssueAsync(PortalUser user)
        {
            if (options.Cookie.Name != CookieName)
            {
                throw new InvalidOperationException($"The portal's sign-in cookie is '{options.Cookie.Name}', not '{CookieName}'.");
            }

            var principal = await principals.CreateAsync(user);
            var now = clock.GetUtcNow();
            var properties = new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now + options.ExpireTimeSpan };
            var ticket = new AuthenticationTicket(principal, properties, IdentityConstants.ApplicationScheme);
            return options.TicketDataFormat.Protect(ticket);
        }
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Executors.Count} executors, {People.Count} people");
}
