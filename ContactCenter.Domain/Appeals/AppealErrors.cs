using ContactCenter.Domain.Common;

namespace ContactCenter.Domain.Appeals;

/// <summary>Every refusal of the card's rules, with the message a user reads.</summary>
public static class AppealErrors
{
    // Law art. 5, §2.2: mandatory data.
    public static readonly Error SurnameRequired = new("Appeal.SurnameRequired", "Вкажіть прізвище заявника (ст. 5 Закону «Про звернення громадян»).");
    public static readonly Error FirstNameRequired = new("Appeal.FirstNameRequired", "Вкажіть ім'я заявника (ст. 5 Закону).");
    public static readonly Error PatronymicRequired = new("Appeal.PatronymicRequired", "Вкажіть по батькові заявника (ст. 5 Закону).");
    public static readonly Error ResidenceRequired = new("Appeal.ResidenceRequired", "Вкажіть місце проживання заявника (ст. 5 Закону).");
    public static readonly Error ContactRequired = new("Appeal.ContactRequired", "Вкажіть контактний телефон або інший засіб зв'язку із заявником (ст. 5 Закону).");
    public static readonly Error PhoneInvalid = new("Appeal.PhoneInvalid", "Номер телефону має бути українським, наприклад 067 123 45 67 або +380 67 123 45 67.");
    public static readonly Error EmailInvalid = new("Appeal.EmailInvalid", "Адреса електронної пошти має вигляд ім'я@домен.ua.");
    public static readonly Error EmailRequiredForElectronic = new("Appeal.EmailRequired", "Для електронного звернення обов'язково вкажіть адресу електронної пошти (ст. 5 Закону).");
    public static readonly Error EssenceRequired = new("Appeal.EssenceRequired", "Опишіть суть порушеного питання (ст. 5 Закону).");
    public static readonly Error EssenceTooLong = new("Appeal.EssenceTooLong", "Суть питання не може перевищувати 4000 символів.");
    public static readonly Error ProblemAddressRequired = new("Appeal.ProblemAddressRequired", "Вкажіть адресу проблеми.");
    public static readonly Error ProblemInactive = new("Appeal.ProblemInactive", "Це питання класифікатора більше не використовується: оберіть інше.");
    public static readonly Error ExecutorInactive = new("Appeal.ExecutorInactive", "Обраний виконавець більше не приймає звернень.");

    // Law art. 7: a complaint never goes to the body complained about.
    public static readonly Error ComplaintAgainstExecutor = new("Appeal.ComplaintAgainstExecutor", "Скаргу не можна направляти на розгляд виконавцю, дії чи рішення якого оскаржуються (ст. 7 Закону). Оберіть іншого виконавця.");

    // Rights.
    public static readonly Error NotDepartment = new("Appeal.NotDepartment", "Цю дію виконує лише Відділ (п. 2.4 Регламенту).");
    public static readonly Error NotExecutorOfCard = new("Appeal.NotExecutorOfCard", "Ця картка належить іншому виконавцю: дію може виконати лише її виконавець або Відділ.");
    public static readonly Error NotAllowedToComment = new("Appeal.NotAllowedToComment", "У вас немає права коментувати цю картку.");
    public static readonly Error NotTheApplicant = new("Appeal.NotTheApplicant", "Підтвердити виконання може лише заявник.");

    // State.
    public static readonly Error AlreadyClosed = new("Appeal.AlreadyClosed", "Картку вже закрито: спершу поверніть її на доопрацювання.");
    public static readonly Error NotOpen = new("Appeal.NotOpen", "Картка не перебуває в роботі виконавця.");
    public static readonly Error NotRegistered = new("Appeal.NotRegistered", "Картку вже взято в роботу.");
    public static readonly Error NotClosed = new("Appeal.NotClosed", "Дія можлива лише для закритої картки.");
    public static readonly Error NothingToCheck = new("Appeal.NothingToCheck", "Перевіряти виконання можна лише для картки, запропонованої до закриття, або закритої.");
    public static readonly Error NotProposedOrClosed = new("Appeal.NotProposedOrClosed", "Повернути на доопрацювання можна лише картку, запропоновану до закриття, або закриту.");
    public static readonly Error NumberAlreadyAssigned = new("Appeal.NumberAlreadyAssigned", "Реєстраційний номер уже присвоєно.");

    // Performers and content.
    public static readonly Error PerformerOfAnotherExecutor = new("Appeal.PerformerOfAnotherExecutor", "Призначити можна лише працівника виконавця цієї картки.");
    public static readonly Error PerformerAlreadyAssigned = new("Appeal.PerformerAlreadyAssigned", "Цього працівника вже призначено.");
    public static readonly Error PerformerNotAssigned = new("Appeal.PerformerNotAssigned", "Цього працівника не призначено на картку.");
    public static readonly Error CommentRequired = new("Appeal.CommentRequired", "Коментар не може бути порожнім.");
    public static readonly Error CommentTooLong = new("Appeal.CommentTooLong", "Коментар не може перевищувати 4000 символів.");
    public static readonly Error AttachmentInvalid = new("Appeal.AttachmentInvalid", "Файл не має назви або порожній.");

    // Requests (§2.4, §3.3, §3.4).
    public static readonly Error JustificationRequired = new("Appeal.JustificationRequired", "Запит виконавця має бути мотивовано обґрунтованим (п. 3.3 Регламенту).");
    public static readonly Error ProofRequired = new("Appeal.ProofRequired", "Запит має бути документально підтверджений: прикріпіть акт, службову або фото (п. 3.3 Регламенту).");
    public static readonly Error RequestAlreadyPending = new("Appeal.RequestAlreadyPending", "Запит такого виду вже очікує рішення Відділу.");
    public static readonly Error RequestNotFound = new("Appeal.RequestNotFound", "Запит не знайдено.");
    public static readonly Error RequestAlreadyDecided = new("Appeal.RequestAlreadyDecided", "За цим запитом рішення вже ухвалено.");
    public static readonly Error DecisionReasonRequired = new("Appeal.DecisionReasonRequired", "Вкажіть підставу рішення.");
    public static readonly Error RequestOfAnotherKind = new("Appeal.RequestOfAnotherKind", "Запит іншого виду.");

    // Redirect.
    public static readonly Error RedirectToSameExecutor = new("Appeal.RedirectToSameExecutor", "Картка вже у цього виконавця.");

    // Additional control (§2.4, §3.3; Law art. 20).
    public static readonly Error ExtensionNotLater = new("Appeal.ExtensionNotLater", "Новий строк має бути пізнішим за чинний.");
    public static readonly Error ExtensionPastLegalLimit = new("Appeal.ExtensionPastLegalLimit", "Загальний строк розгляду не може перевищувати 45 днів від дня надходження (ст. 20 Закону).");
    public static readonly Error ExtensionInPast = new("Appeal.ExtensionInPast", "Новий строк не може бути в минулому.");
    public static readonly Error ExtensionAfterBreachNeedsMayor = new("Appeal.ExtensionAfterBreachNeedsMayor", "Додатковий контроль порушено: продовження можливе лише з відома міського голови (п. 3.3 Регламенту). Зафіксуйте його погодження.");

    // SER plans (§2.4).
    public static readonly Error AlreadyInSerPlan = new("Appeal.AlreadyInSerPlan", "Звернення вже включено до планів СЕР.");
    public static readonly Error SerPlanNameRequired = new("Appeal.SerPlanNameRequired", "Вкажіть план соціально-економічного розвитку, до якого включено звернення.");

    // Closure (§3.4, §2.4).
    public static readonly Error ReportRequired = new("Appeal.ReportRequired", "Опишіть, що зроблено для вирішення питання по суті (п. 3.4 Регламенту).");
    public static readonly Error ResultNotForClosure = new("Appeal.ResultNotForClosure", "Для закриття оберіть результат розгляду: вирішено позитивно, відмовлено або дано роз'яснення.");

    // Applicant's confirmation (§4.1).
    public static readonly Error AlreadyAnswered = new("Appeal.AlreadyAnswered", "Заявник уже відповів щодо виконання.");
    public static readonly Error RejectionCommentRequired = new("Appeal.RejectionCommentRequired", "Опишіть, що саме не виконано.");

    // Department's control (§4.1).
    public static readonly Error AlreadyOnDepartmentControl = new("Appeal.AlreadyOnDepartmentControl", "Картка вже на контролі Відділу.");

    // Forwarding and return (Law art. 5, 7, 8).
    public static readonly Error CompetentBodyRequired = new("Appeal.CompetentBodyRequired", "Вкажіть орган, до компетенції якого належить питання.");
    public static readonly Error NotToBeForwarded = new("Appeal.NotToBeForwarded", "Картку не позначено як таку, що не належить до компетенції ради.");
    public static readonly Error NotToBeReturned = new("Appeal.NotToBeReturned", "Картку не позначено як таку, що підлягає поверненню заявнику.");
    public static readonly Error ReturnOnlyForWritten = new("Appeal.ReturnOnlyForWritten", "Повертаються лише письмові (електронні) звернення; телефонне звернення оператор доповнює під час розмови.");
    public static readonly Error ExplanationRequired = new("Appeal.ExplanationRequired", "Вкажіть пояснення для заявника.");
    // Repair works (§3.1).
    public static readonly Error RepairWorkRequired = new("Appeal.RepairWorkRequired", "Оберіть ремонтні роботи, з якими пов'язане звернення.");
    public static readonly Error RepairWorkAlreadyLinked = new("Appeal.RepairWorkAlreadyLinked", "Звернення вже пов'язане з цими ремонтними роботами.");
    public static readonly Error RepairWorkNotLinked = new("Appeal.RepairWorkNotLinked", "Звернення не пов'язане з цими ремонтними роботами.");
    public static readonly Error NotOpenForLink = new("Appeal.NotOpenForLink", "Картку закрито: пов'язувати її з ремонтними роботами вже не потрібно.");

    public static readonly Error NotBeforeWork = new("Appeal.NotBeforeWork", "Дія можлива лише до закриття картки.");
}
