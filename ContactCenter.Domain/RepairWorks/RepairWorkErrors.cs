using ContactCenter.Domain.Common;

namespace ContactCenter.Domain.RepairWorks;

/// <summary>The named refusals of the repair-works card (§3.1). Messages tell the user what to do instead.</summary>
public static class RepairWorkErrors
{
    public static readonly Error NotAllowed = new(
        "RepairWork.NotAllowed",
        "Реєструвати та змінювати ремонтні роботи може лише відповідальна особа цього виконавця або спеціаліст Відділу.");

    public static readonly Error ExecutorRequired = new(
        "RepairWork.ExecutorRequired",
        "Вкажіть виконавця ремонтних робіт.");

    public static readonly Error DescriptionRequired = new(
        "RepairWork.DescriptionRequired",
        "Опишіть ремонтні роботи: що саме робиться і які послуги буде відключено.");

    public static readonly Error AddressRequired = new(
        "RepairWork.AddressRequired",
        "Вкажіть щонайменше одну вулицю або будинок, яких стосуються роботи.");

    public static readonly Error EndNotAfterStart = new(
        "RepairWork.EndNotAfterStart",
        "Час завершення робіт має бути пізніше за час їх початку.");

    public static readonly Error PlannedTooLate = new(
        "RepairWork.PlannedTooLate",
        "Планово-попереджувальні роботи реєструються не пізніше ніж за добу до початку (п. 3.1 Регламенту). Перенесіть початок щонайменше на добу вперед або, якщо це аварія, зареєструйте аварійні роботи.");

    public static readonly Error EmergencyStartInFuture = new(
        "RepairWork.EmergencyStartInFuture",
        "Аварійні роботи реєструються по факту виникнення аварії (п. 3.1 Регламенту): час початку не може бути в майбутньому. Для робіт, що лише плануються, зареєструйте планово-попереджувальні роботи.");

    public static readonly Error AlreadyClosed = new(
        "RepairWork.AlreadyClosed",
        "Картку ремонтних робіт уже закрито (роботи завершено або скасовано); змінити її неможливо. За потреби зареєструйте нові роботи.");

    public static readonly Error NotPlanned = new(
        "RepairWork.NotPlanned",
        "Це можна зробити лише із запланованими роботами, які ще не розпочалися.");

    public static readonly Error NotInProgress = new(
        "RepairWork.NotInProgress",
        "Це можна зробити лише з роботами, що тривають. Спочатку позначте початок робіт.");

    public static readonly Error NotStarted = new(
        "RepairWork.NotStarted",
        "Роботи ще не розпочато, тож їх не можна завершити. Позначте початок робіт або скасуйте їх.");

    public static readonly Error EndNotExtended = new(
        "RepairWork.EndNotExtended",
        "Новий очікуваний час завершення має бути пізніше за поточний і не в минулому.");

    public static readonly Error CompletedBeforeStart = new(
        "RepairWork.CompletedBeforeStart",
        "Час завершення не може бути раніше за фактичний початок робіт. Перевірте час початку.");

    public static readonly Error CancelReasonRequired = new(
        "RepairWork.CancelReasonRequired",
        "Вкажіть причину скасування робіт.");
}
