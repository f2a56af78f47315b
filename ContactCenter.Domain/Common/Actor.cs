namespace ContactCenter.Domain.Common;

/// <summary>The roles of the regulation (domain.md, "Who uses it").</summary>
public enum Role
{
    /// <summary>Спеціаліст Відділу: registers cards and decides executors' requests (§2.1–2.5).</summary>
    Operator,

    /// <summary>Відповідальна особа виконавця (§3.1).</summary>
    ExecutorResponsible,

    /// <summary>Конкретний виконавець, assigned to a card.</summary>
    Performer,

    /// <summary>Керівник виконавця: receives the daily report (§4.1).</summary>
    ExecutorHead,

    /// <summary>Заступник міського голови: a direction's dashboards and reports (§4.1).</summary>
    Deputy,

    /// <summary>Керуючий справами: everything a deputy sees, for all directions.</summary>
    Manager,

    /// <summary>Міський голова: the monthly analytical note; knows of extensions after a breached one (§3.3).</summary>
    Mayor,

    /// <summary>Адміністратор: users, classifier, calendar, settings.</summary>
    Admin,

    /// <summary>Заявник, through the public form or the confirmation link.</summary>
    Applicant,

    /// <summary>The system itself: scheduled jobs, automatic routing, the public API.</summary>
    System,
}

/// <summary>Who performs an action: recorded in every timeline entry (§3.2).</summary>
/// <param name="Id">User id (or a fixed id for the system and applicants).</param>
/// <param name="Name">Display name recorded in the timeline as it was at the time.</param>
/// <param name="Role">The role the action is taken in.</param>
/// <param name="ExecutorId">For executors' people: the executor they belong to.</param>
/// <param name="DirectionIds">For deputies: the directions they curate.</param>
public sealed record Actor(string Id, string Name, Role Role, Guid? ExecutorId = null, IReadOnlyList<Guid>? DirectionIds = null)
{
    public static readonly Actor System = new("system", "Система", Role.System);

    public static Actor Applicant(string name) => new("applicant", name, Role.Applicant);

    /// <summary>The Department (Відділ) decides requests, closes and checks cards (§2.4).</summary>
    public bool IsDepartment => Role is Role.Operator or Role.Admin;

    public bool IsExecutorStaff => Role is Role.ExecutorResponsible or Role.Performer or Role.ExecutorHead;

    public bool BelongsTo(Guid executorId) => IsExecutorStaff && ExecutorId == executorId;
}
