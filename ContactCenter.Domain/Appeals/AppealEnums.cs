namespace ContactCenter.Domain.Appeals;

/// <summary>How the appeal reached the Contact Center (§2.1; CMU resolution No. 858 "канал надходження").</summary>
public enum Channel
{
    /// <summary>Телефон: registered by an operator during the call.</summary>
    Phone,

    /// <summary>Веб-сайт: the public web form; handled exactly like a phone appeal (§2.1).</summary>
    Web,

    /// <summary>API (Open311 GeoReport v2): another system files on the citizen's behalf; electronic like the web.</summary>
    Api,
}

/// <summary>Вид звернення, Law "Про звернення громадян" art. 3.</summary>
public enum AppealKind
{
    /// <summary>Пропозиція (зауваження).</summary>
    Proposal,

    /// <summary>Заява (клопотання).</summary>
    Statement,

    /// <summary>Скарга: never routed to the body whose actions it complains about (art. 7).</summary>
    Complaint,
}

/// <summary>Ознака надходження, CMU No. 858.</summary>
public enum AppealSign
{
    /// <summary>Первинне.</summary>
    Primary,

    /// <summary>Повторне: the same applicant on the same issue again.</summary>
    Repeated,

    /// <summary>Дублетне: the same appeal received again through another channel.</summary>
    Duplicate,

    /// <summary>Неодноразове.</summary>
    Multiple,

    /// <summary>Масове: many applicants on one issue.</summary>
    Mass,
}

/// <summary>Категорія (соціальний стан) автора, CMU No. 858.</summary>
public enum AuthorCategory
{
    NotSpecified,
    Pensioner,
    Worker,
    Employee,
    Entrepreneur,
    Unemployed,
    Student,
    Child,
    PersonWithDisability,
    WarVeteran,
    CombatParticipant,
    FamilyOfFallenDefender,
    InternallyDisplacedPerson,
    ChernobylSurvivor,
    LargeFamily,
    Other,
}

/// <summary>
/// Пільгова категорія, Law art. 20: appeals of these people are considered first (queues put them first).
/// </summary>
public enum PrivilegedCategory
{
    None,
    HeroOfUkraine,
    HeroOfSovietUnion,
    HeroOfSocialistLabour,
    WarDisabled,
    CombatParticipant,
    FamilyOfFallenDefender,
}

/// <summary>Результат розгляду, CMU No. 858.</summary>
public enum AppealResult
{
    /// <summary>Вирішено позитивно.</summary>
    ResolvedPositively,

    /// <summary>Відмовлено у задоволенні.</summary>
    Refused,

    /// <summary>Дано роз'яснення.</summary>
    Explained,

    /// <summary>Переслано за належністю (art. 7).</summary>
    Forwarded,

    /// <summary>Повернуто авторові (art. 5, 7).</summary>
    ReturnedToAuthor,

    /// <summary>Залишено без розгляду (art. 8).</summary>
    LeftWithoutConsideration,
}

/// <summary>The life of a card (domain.md, "The life of a card").</summary>
public enum AppealStatus
{
    /// <summary>Зареєстровано: delivered to the executor, not yet taken into work.</summary>
    Registered,

    /// <summary>В роботі.</summary>
    InWork,

    /// <summary>Запропоновано до закриття (§3.4).</summary>
    ProposedForClosure,

    /// <summary>Повернуто на доопрацювання.</summary>
    ReturnedToWork,

    /// <summary>Закрито (§2.4).</summary>
    Closed,

    /// <summary>Outside the council's competence: to be forwarded within 5 days (art. 7).</summary>
    ToBeForwarded,

    /// <summary>Переслано за належністю.</summary>
    Forwarded,

    /// <summary>A written appeal lacking art. 5's data: to be returned within 10 days.</summary>
    ToBeReturned,

    /// <summary>Повернуто заявнику.</summary>
    ReturnedToApplicant,

    /// <summary>Залишено без розгляду (art. 8, §2.5).</summary>
    LeftWithoutConsideration,
}

public static class AppealStatusExtensions
{
    /// <summary>Terminal states: the card is off the executor's queue and counted as closed.</summary>
    public static bool IsTerminal(this AppealStatus status) =>
        status is AppealStatus.Closed or AppealStatus.Forwarded or AppealStatus.ReturnedToApplicant or AppealStatus.LeftWithoutConsideration;

    /// <summary>States in which the executor works on the card.</summary>
    public static bool IsWithExecutor(this AppealStatus status) =>
        status is AppealStatus.Registered or AppealStatus.InWork or AppealStatus.ReturnedToWork or AppealStatus.ProposedForClosure;
}

/// <summary>Why the Department keeps a card on its own control (§4.1).</summary>
public enum DepartmentControlReason
{
    /// <summary>Повторні/неодноразові звернення з однієї причини.</summary>
    RepeatAppeal,

    /// <summary>Ескалація конфлікту.</summary>
    Conflict,

    /// <summary>The applicant said the work was not done.</summary>
    ApplicantRejected,
}

public enum QualityCheckKind
{
    /// <summary>Вибіркова перевірка (§2.4).</summary>
    Sample,

    /// <summary>Тотальна перевірка (§2.4).</summary>
    Total,

    /// <summary>Самостійний виїзд або комісійне обстеження (§4.1).</summary>
    OnSite,
}

public enum QualityCheckResult
{
    /// <summary>Виконання підтверджено.</summary>
    Confirmed,

    /// <summary>Виконано частково.</summary>
    PartlyDone,

    /// <summary>Не підтверджено: the card goes back to work.</summary>
    NotConfirmed,
}
