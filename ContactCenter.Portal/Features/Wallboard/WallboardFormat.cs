using System.Globalization;
using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Deadlines;

namespace ContactCenter.Portal.Features.Wallboard;

/// <summary>How the wallboard writes times: Kyiv wall-clock time, short enough to read from across the room.</summary>
public static class WallboardFormat
{
    private static readonly CultureInfo Ukrainian = CultureInfo.GetCultureInfo("uk-UA");

    public static DateTime Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, DeadlinePolicy.Kyiv).DateTime;

    public static string Time(DateTimeOffset instant, bool withSeconds = false) =>
        Local(instant).ToString(withSeconds ? "HH:mm:ss" : "HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"неділя, 29 березня 2026".</summary>
    public static string Date(DateTimeOffset instant) => Local(instant).ToString("dddd, d MMMM yyyy", Ukrainian);

    /// <summary>Only the time for a moment of today (in Kyiv); the date too for any other day.</summary>
    public static string When(DateTimeOffset instant, DateTimeOffset now) =>
        Local(instant).Date == Local(now).Date
            ? Time(instant)
            : Local(instant).ToString("dd.MM HH:mm", CultureInfo.InvariantCulture);

    /// <summary>How long something has waited: "менше хвилини", "25 хв.", "3 год. 5 хв.", "2 дн. 4 год." (as the deadline badge counts).</summary>
    public static string Waiting(TimeSpan waited)
    {
        if (waited < TimeSpan.FromMinutes(1))
        {
            return "менше хвилини";
        }

        if (waited < TimeSpan.FromHours(1))
        {
            return $"{waited.Minutes} хв.";
        }

        return waited < TimeSpan.FromDays(1)
            ? $"{waited.Hours} год. {waited.Minutes} хв."
            : $"{(int)waited.TotalDays} дн. {waited.Hours} год.";
    }

    /// <summary>
    /// The request kinds in the words of domain.md without their explanations in brackets, so each fits one line of a
    /// tile; the card and the Department's inbox show the full names (<see cref="AppealNames"/>).
    /// </summary>
    public static string Short(RequestKind kind) => kind switch
    {
        RequestKind.Extension => "Додатковий контроль",
        _ => AppealNames.Of(kind),
    };
}
