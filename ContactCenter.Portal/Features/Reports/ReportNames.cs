using System.Globalization;
using ContactCenter.Domain.Reporting;
using ContactCenter.Infrastructure.Reporting;

namespace ContactCenter.Portal.Features.Reports;

/// <summary>The Ukrainian words of the archive: periods, scopes, statuses.</summary>
public static class ReportNames
{
    public const string Community = "Громада (усі виконавці)";

    private static readonly CultureInfo Ukrainian = CultureInfo.GetCultureInfo("uk-UA");

    private static readonly string[] Months =
        ["січень", "лютий", "березень", "квітень", "травень", "червень", "липень", "серпень", "вересень", "жовтень", "листопад", "грудень"];

    public static string Of(ReportStatus status) => status switch
    {
        ReportStatus.Building => "Формується",
        ReportStatus.Ready => "Готовий",
        ReportStatus.Failed => "Помилка формування",
        _ => status.ToString(),
    };

    public static string Of(ScopeKind scope) => scope switch
    {
        ScopeKind.Community => "Громада",
        ScopeKind.Direction => "Напрямок",
        ScopeKind.Executor => "Виконавець",
        _ => scope.ToString(),
    };

    public static string Of(ReportingPeriodKind kind) => kind switch
    {
        ReportingPeriodKind.Day => "День",
        ReportingPeriodKind.Week => "Тиждень",
        ReportingPeriodKind.Month => "Місяць",
        ReportingPeriodKind.Quarter => "Квартал",
        _ => "Довільний період",
    };

    /// <summary>A period as people say it: "03.11.2026", "листопад 2026", "IV квартал 2026", "02.11.2026 – 08.11.2026".</summary>
    public static string Period(ReportingPeriodKind kind, DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone)
    {
        var start = TimeZoneInfo.ConvertTime(from, zone);
        var end = TimeZoneInfo.ConvertTime(to, zone);
        return kind switch
        {
            ReportingPeriodKind.Day => start.ToString("dd.MM.yyyy", Ukrainian),
            ReportingPeriodKind.Month => $"{Months[start.Month - 1]} {start.Year}",
            ReportingPeriodKind.Quarter => $"{new[] { "I", "II", "III", "IV" }[(start.Month - 1) / 3]} квартал {start.Year}",
            _ when end.TimeOfDay == TimeSpan.Zero => $"{start:dd.MM.yyyy} – {end.AddDays(-1):dd.MM.yyyy}",
            _ => $"{start:dd.MM.yyyy} – {end:dd.MM.yyyy HH:mm}",
        };
    }

    public static string Period(ReportingPeriod period, TimeZoneInfo zone) => Period(period.Kind, period.From, period.To, zone);

    public static string Size(long bytes) => bytes < 1024 * 1024
        ? string.Create(Ukrainian, $"{Math.Max(1, bytes / 1024)} КБ")
        : string.Create(Ukrainian, $"{bytes / (1024.0 * 1024.0):0.0} МБ");
}
