using System.Globalization;
using ContactCenter.Domain.Deadlines;

namespace ContactCenter.Domain.Tests.Deadlines;

/// <summary>Builders for the table-driven deadline tests: dates and instants are written as ISO strings in the tables.</summary>
internal static class Dates
{
    public static DateOnly Day(string isoDate) =>
        DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateTimeOffset At(string isoInstant) =>
        DateTimeOffset.Parse(isoInstant, CultureInfo.InvariantCulture, DateTimeStyles.None);

    /// <summary>2026–2028 with the state holidays as days off (peacetime).</summary>
    public static WorkingCalendar Peacetime(params CalendarDay[] extra) =>
        new(HolidaysFrom2026To2028().Concat(extra), holidaysAreDaysOff: true);

    /// <summary>2026–2028 under martial law: holidays are working days.</summary>
    public static WorkingCalendar MartialLaw(params CalendarDay[] extra) =>
        new(HolidaysFrom2026To2028().Concat(extra), holidaysAreDaysOff: false);

    public static DeadlinePolicy Policy(WorkingCalendar? calendar = null) => new(calendar ?? Peacetime());

    private static IEnumerable<CalendarDay> HolidaysFrom2026To2028() =>
        Enumerable.Range(2026, 3).SelectMany(WorkingCalendar.UkrainianHolidays);
}
