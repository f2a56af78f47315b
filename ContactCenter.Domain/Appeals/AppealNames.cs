namespace ContactCenter.Domain.Appeals;

/// <summary>The Ukrainian words users see for the domain's values (domain.md, "Words users see").</summary>
public static class AppealNames
{
    public static string Of(AppealStatus status) => status switch
    {
        AppealStatus.Registered => "Зареєстровано",
        AppealStatus.InWork => "В роботі",
        AppealStatus.ProposedForClosure => "Запропоновано до закриття",
        AppealStatus.ReturnedToWork => "Повернуто на доопрацювання",
        AppealStatus.Closed => "Закрито",
        AppealStatus.ToBeForwarded => "Підлягає пересиланню за належністю",
        AppealStatus.Forwarded => "Переслано за належністю",
        AppealStatus.ToBeReturned => "Підлягає поверненню заявнику",
        AppealStatus.ReturnedToApplicant => "Повернуто заявнику",
        AppealStatus.LeftWithoutConsideration => "Залишено без розгляду",
        _ => status.ToString(),
    };

    public static string Of(Channel channel) => channel switch
    {
        Channel.Phone => "Телефон",
        Channel.Web => "Веб-сайт",
        Channel.Api => "API (Open311)",
        _ => channel.ToString(),
    };

    public static string Of(AppealKind kind) => kind switch
    {
        AppealKind.Proposal => "Пропозиція (зауваження)",
        AppealKind.Statement => "Заява (клопотання)",
        AppealKind.Complaint => "Скарга",
        _ => kind.ToString(),
    };

    public static string Of(AppealSign sign) => sign switch
    {
        AppealSign.Primary => "Первинне",
        AppealSign.Repeated => "Повторне",
        AppealSign.Duplicate => "Дублетне",
        AppealSign.Multiple => "Неодноразове",
        AppealSign.Mass => "Масове",
        _ => sign.ToString(),
    };

    public static string Of(AppealResult result) => result switch
    {
        AppealResult.ResolvedPositively => "Вирішено позитивно",
        AppealResult.Refused => "Відмовлено у задоволенні",
        AppealResult.Explained => "Дано роз'яснення",
        AppealResult.Forwarded => "Переслано за належністю",
        AppealResult.ReturnedToAuthor => "Повернуто авторові",
        AppealResult.LeftWithoutConsideration => "Залишено без розгляду",
        _ => result.ToString(),
    };

    public static string Of(PrivilegedCategory category) => category switch
    {
        PrivilegedCategory.None => "Немає",
        PrivilegedCategory.HeroOfUkraine => "Герой України",
        PrivilegedCategory.HeroOfSovietUnion => "Герой Радянського Союзу",
        PrivilegedCategory.HeroOfSocialistLabour => "Герой Соціалістичної Праці",
        PrivilegedCategory.WarDisabled => "Особа з інвалідністю внаслідок війни",
        PrivilegedCategory.CombatParticipant => "Учасник бойових дій",
        PrivilegedCategory.FamilyOfFallenDefender => "Член сім'ї загиблого Захисника",
        _ => category.ToString(),
    };

    public static string Of(AuthorCategory category) => category switch
    {
        AuthorCategory.NotSpecified => "Не зазначено",
        AuthorCategory.Pensioner => "Пенсіонер",
        AuthorCategory.Worker => "Робітник",
        AuthorCategory.Employee => "Службовець",
        AuthorCategory.Entrepreneur => "Підприємець",
        AuthorCategory.Unemployed => "Безробітний",
        AuthorCategory.Student => "Учень, студент",
        AuthorCategory.Child => "Дитина",
        AuthorCategory.PersonWithDisability => "Особа з інвалідністю",
        AuthorCategory.WarVeteran => "Ветеран війни",
        AuthorCategory.CombatParticipant => "Учасник бойових дій",
        AuthorCategory.FamilyOfFallenDefender => "Член сім'ї загиблого",
        AuthorCategory.InternallyDisplacedPerson => "Внутрішньо переміщена особа",
        AuthorCategory.ChernobylSurvivor => "Постраждалий внаслідок Чорнобильської катастрофи",
        AuthorCategory.LargeFamily => "Багатодітна сім'я",
        AuthorCategory.Other => "Інше",
        _ => category.ToString(),
    };

    public static string Of(RequestKind kind) => kind switch
    {
        RequestKind.Redirect => "Переадресація",
        RequestKind.Extension => "Додатковий контроль (перенесення строку)",
        RequestKind.SerPlanInclusion => "Включення до планів СЕР",
        RequestKind.Closure => "Пропозиція до закриття",
        _ => kind.ToString(),
    };

    public static string Of(QualityCheckResult result) => result switch
    {
        QualityCheckResult.Confirmed => "Виконання підтверджено",
        QualityCheckResult.PartlyDone => "Виконано частково",
        QualityCheckResult.NotConfirmed => "Виконання не підтверджено",
        _ => result.ToString(),
    };
}
