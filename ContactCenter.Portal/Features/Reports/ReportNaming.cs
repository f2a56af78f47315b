using System.Globalization;
using System.Text;
using ContactCenter.Domain.Deadlines;
using ContactCenter.Domain.Reporting;

namespace ContactCenter.Portal.Features.Reports;

/// <summary>
/// How a report names its period and its file. File names are ASCII (a Latin transliteration of the scope, the period
/// in ISO form), so they survive every mail client, archive tool and file system: <c>daily-2026-11-27-vodokanal.xlsx</c>.
/// </summary>
public static class ReportNaming
{
    public static string SlugOf(ReportKind kind) => kind switch
    {
        ReportKind.DailyCompliance => "daily",
        ReportKind.WeeklyCompliance => "weekly",
        ReportKind.MonthlyCompliance => "monthly",
        ReportKind.AnalyticalNote => "analytical-note",
        ReportKind.WeeklyUnresolved => "unresolved",
        ReportKind.StateStatistics => "state-statistics",
        ReportKind.HeadLetter => "head-letter",
        ReportKind.Register => "register",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string FileName(ReportRun run, string scopeName, string extension)
    {
        ArgumentNullException.ThrowIfNull(run);
        var scope = run.Scope.Kind == ScopeKind.Community ? "hromada" : Transliterate(scopeName);
        return $"{SlugOf(run.Kind)}-{PeriodSlug(run.Period)}-{(scope.Length == 0 ? "scope" : scope)}.{extension}";
    }

    /// <summary>The period in ISO form: a day, an ISO week, a month, a quarter, or the two local dates.</summary>
    public static string PeriodSlug(ReportingPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        var first = Local(period.From);
        return period.Kind switch
        {
            ReportingPeriodKind.Day => first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ReportingPeriodKind.Week => string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(first):D4}-w{ISOWeek.GetWeekOfYear(first):D2}"),
            ReportingPeriodKind.Month => first.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            ReportingPeriodKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"{first.Year:D4}-q{((first.Month - 1) / 3) + 1}"),
            _ => $"{first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}_{LastDay(period).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}",
        };
    }

    /// <summary>The period as people read it: "27.11.2026" for a day, "01.11.2026 – 30.11.2026" for longer ones.</summary>
    public static string PeriodText(ReportingPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        var from = Local(period.From);
        var to = Local(period.To);
        if (from.TimeOfDay != TimeSpan.Zero || to.TimeOfDay != TimeSpan.Zero)
        {
            return $"{from.ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture)} – {to.ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture)}";
        }

        var last = LastDay(period);
        return last.Date == from.Date
            ? from.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)
            : $"{from.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)} – {last.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)}";
    }

    /// <summary>A month by name, for the analytical note's columns: "листопад 2026".</summary>
    public static string MonthText(ReportingPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        if (period.Kind != ReportingPeriodKind.Month)
        {
            return PeriodText(period);
        }

        var first = Local(period.From);
        return string.Create(CultureInfo.InvariantCulture, $"{MonthNames[first.Month - 1]} {first.Year}");
    }

    // Written out rather than taken from the culture: the nominative month names do not depend on the ICU data the
    // server happens to have.
    private static readonly string[] MonthNames =
    [
        "січень", "лютий", "березень", "квітень", "травень", "червень",
        "липень", "серпень", "вересень", "жовтень", "листопад", "грудень",
    ];

    /// <summary>An instant on Kyiv's clock, as the cell of a workbook holds it.</summary>
    public static DateTime Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, DeadlinePolicy.Kyiv).DateTime;

    private static DateTime LastDay(ReportingPeriod period) => Local(period.To).AddTicks(-1).Date;

    /// <summary>
    /// Ukrainian to Latin by the national transliteration table (CMU resolution No. 55 of 27.01.2010), lower case, words
    /// joined by hyphens, anything else dropped; at most 40 characters.
    /// </summary>
    public static string Transliterate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new StringBuilder(text.Length);
        var wordStart = true;
        foreach (var raw in text.ToLowerInvariant())
        {
            var latin = raw switch
            {
                'а' => "a", 'б' => "b", 'в' => "v", 'г' => "h", 'ґ' => "g", 'д' => "d", 'е' => "e",
                'є' => wordStart ? "ye" : "ie", 'ж' => "zh", 'з' => "z", 'и' => "y", 'і' => "i",
                'ї' => wordStart ? "yi" : "i", 'й' => wordStart ? "y" : "i", 'к' => "k", 'л' => "l", 'м' => "m",
                'н' => "n", 'о' => "o", 'п' => "p", 'р' => "r", 'с' => "s", 'т' => "t", 'у' => "u", 'ф' => "f",
                'х' => "kh", 'ц' => "ts", 'ч' => "ch", 'ш' => "sh", 'щ' => "shch", 'ю' => wordStart ? "yu" : "iu",
                'я' => wordStart ? "ya" : "ia", 'ь' or '\'' or '’' or 'ʼ' => string.Empty,
                _ when char.IsAsciiLetterOrDigit(raw) => raw.ToString(),
                _ => "-",
            };
            if (latin == "-")
            {
                if (result.Length > 0 && result[^1] != '-')
                {
                    result.Append('-');
                }

                wordStart = true;
                continue;
            }

            result.Append(latin);
            wordStart = latin.Length == 0 && wordStart;
        }

        var slug = result.ToString().Trim('-');
        return slug.Length <= 40 ? slug : slug[..40].TrimEnd('-');
    }
}
