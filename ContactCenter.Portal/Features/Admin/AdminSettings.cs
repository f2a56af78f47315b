using ContactCenter.Infrastructure.Persistence;

namespace ContactCenter.Portal.Features.Admin;

/// <summary>The run-time settings the administrator edits, with what a form shows and the range it accepts.</summary>
public static class AdminSettings
{
    public const string AttachmentsMaxSizeMbKey = WorkingCalendarStore.AttachmentsMaxSizeMbKey;
    public const string AttachmentsMaxPerCardKey = WorkingCalendarStore.AttachmentsMaxPerCardKey;

    public sealed record NumberSetting(string Key, string Label, string Help, int Min, int Max, int Default)
    {
        public string RangeMessage => $"{Label}: ціле число від {Min} до {Max}.";
    }

    public static readonly NumberSetting RepeatWindowDays = new(
        WorkingCalendarStore.RepeatWindowDaysKey,
        "Вікно повторного звернення, днів",
        "Звернення того самого заявника з того самого питання за цей час позначається як повторне (п. 4.1 Регламенту).",
        1, 365, (int)ContactCenter.Domain.Intake.RepeatDetector.DefaultWindow.TotalDays);

    public static readonly NumberSetting AtRiskHours = new(
        WorkingCalendarStore.AtRiskHoursKey,
        "«Спливає строк» за, годин",
        "За скільки годин до кінця строку картка позначається як така, що в неї спливає строк.",
        1, 168, 24);

    public static readonly NumberSetting MaxSizeMb = new(
        AttachmentsMaxSizeMbKey,
        "Найбільший розмір вкладення, МБ",
        "Більший файл (документ, фото) до картки не приймається.",
        1, 50, 10);

    public static readonly NumberSetting MaxPerCard = new(
        AttachmentsMaxPerCardKey,
        "Найбільше вкладень в одній картці",
        "Скільки файлів можна додати до однієї картки звернення.",
        1, 100, 20);

    public static readonly IReadOnlyList<NumberSetting> Numbers = [RepeatWindowDays, AtRiskHours, MaxSizeMb, MaxPerCard];

    public const string BlockedMailDomainsLabel = "Заблоковані поштові домени";

    public const string BlockedMailDomainsHelp =
        "Через кому, наприклад: mail.ru, yandex.ru. Електронні звернення з адрес на цих доменах не реєструються (п. 2.1 Регламенту).";
}
