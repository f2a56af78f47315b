using System.Globalization;
using ContactCenter.Domain.Deadlines;

namespace ContactCenter.Portal.Features.Admin;

/// <summary>The layout of the classifier workbook, shared by the export and the import so one reads what the other writes.</summary>
public static class ClassifierWorkbook
{
    public const string SheetName = "Класифікатор";

    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public const string Yes = "так";

    public const string No = "ні";

    public const string DaysWord = "дні";

    public const string HoursWord = "години";

    public static readonly IReadOnlyList<string> Headers =
        ["Код", "Розділ", "Питання", "Виконавець", "Строк", "Одиниця", "Потребує додаткового вивчення", "Ключові слова"];

    /// <summary>Column widths in characters: ClosedXML 0.95 cannot measure text on Linux, so they are fixed.</summary>
    public static readonly IReadOnlyList<double> Widths = [12, 36, 60, 40, 8, 10, 16, 60];

    public static string UnitWord(TermUnit unit) => unit == TermUnit.Hours ? HoursWord : DaysWord;

    public static TermUnit? ParseUnit(string text) =>
        text.Trim().ToLower(CultureInfo.GetCultureInfo("uk-UA")).TrimEnd('.') switch
        {
            "дні" or "днів" or "день" or "дн" or "д" or "days" or "day" => TermUnit.Days,
            "години" or "годин" or "година" or "год" or "г" or "hours" or "hour" => TermUnit.Hours,
            _ => null,
        };

    public static bool? ParseYesNo(string text) =>
        text.Trim().ToLower(CultureInfo.GetCultureInfo("uk-UA")) switch
        {
            "так" or "+" or "1" or "true" or "yes" => true,
            "ні" or "" or "-" or "0" or "false" or "no" => false,
            _ => null,
        };
}
