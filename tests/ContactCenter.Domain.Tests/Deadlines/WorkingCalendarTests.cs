using ContactCenter.Domain.Deadlines;
using static ContactCenter.Domain.Tests.Deadlines.Dates;

namespace ContactCenter.Domain.Tests.Deadlines;

public sealed class WorkingCalendarTests
{
    [Theory]
    [InlineData("2026-02-02", true)]  // Monday
    [InlineData("2026-02-06", true)]  // Friday
    [InlineData("2026-02-07", false)] // Saturday
    [InlineData("2026-02-08", false)] // Sunday
    public void IsWorkingDay_WhenWeekendsOnly_SaturdayAndSundayAreOff(string date, bool expected)
    {
        Assert.Equal(expected, WorkingCalendar.WeekendsOnly.IsWorkingDay(Day(date)));
    }

    [Fact]
    public void WeekendsOnly_HasNoSpecialDaysAndHolidaysAreDaysOff()
    {
        Assert.Empty(WorkingCalendar.WeekendsOnly.Days);
        Assert.True(WorkingCalendar.WeekendsOnly.HolidaysAreDaysOff);
    }

    [Theory]
    [InlineData("2026-05-01", true, false)]  // День праці, Friday, peacetime: off
    [InlineData("2026-05-01", false, true)]  // the same Friday under martial law: working
    [InlineData("2026-08-24", true, false)]  // День незалежності, Monday
    [InlineData("2026-08-24", false, true)]
    [InlineData("2026-06-28", true, false)]  // День Конституції on a Sunday: off either way
    [InlineData("2026-06-28", false, false)]
    [InlineData("2026-04-12", false, false)] // Великдень is a Sunday
    public void IsWorkingDay_WhenHoliday_OffOnlyWhileHolidaysAreDaysOff(string date, bool holidaysAreDaysOff, bool expected)
    {
        var calendar = new WorkingCalendar(WorkingCalendar.UkrainianHolidays(2026), holidaysAreDaysOff);

        Assert.Equal(expected, calendar.IsWorkingDay(Day(date)));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void IsWorkingDay_WhenSaturdayTransferredToWorkingDay_IsWorking(bool holidaysAreDaysOff)
    {
        var calendar = new WorkingCalendar(
            [new CalendarDay(Day("2026-02-07"), CalendarDayKind.WorkingDay, "Робоча субота")],
            holidaysAreDaysOff);

        Assert.True(calendar.IsWorkingDay(Day("2026-02-07")));
        Assert.False(calendar.IsWorkingDay(Day("2026-02-08")));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void IsWorkingDay_WhenDayOffEntry_IsOffEvenUnderMartialLaw(bool holidaysAreDaysOff)
    {
        var calendar = new WorkingCalendar(
            [new CalendarDay(Day("2026-02-04"), CalendarDayKind.DayOff, "Перенесений вихідний")],
            holidaysAreDaysOff);

        Assert.False(calendar.IsWorkingDay(Day("2026-02-04")));
        Assert.True(calendar.IsWorkingDay(Day("2026-02-05")));
    }

    [Theory]
    [InlineData("2026-02-04", true, "2026-02-04")]  // a working Wednesday is itself
    [InlineData("2026-02-07", true, "2026-02-09")]  // Saturday -> Monday
    [InlineData("2026-05-01", true, "2026-05-04")]  // holiday Friday + weekend
    [InlineData("2026-05-01", false, "2026-05-01")] // martial law: the holiday is a working day
    [InlineData("2026-12-25", true, "2027-01-04")]  // Christmas, weekend, days off 28–31 Dec, New Year, weekend
    [InlineData("2026-12-26", false, "2027-01-01")] // martial law: the days off still hold, New Year does not
    public void NextWorkingDayOnOrAfter_WhenRunOfDaysOff_SkipsToFirstWorkingDay(string date, bool holidaysAreDaysOff, string expected)
    {
        CalendarDay[] newYearBreak =
        [
            new(Day("2026-12-28"), CalendarDayKind.DayOff, "Перенесений вихідний"),
            new(Day("2026-12-29"), CalendarDayKind.DayOff, "Перенесений вихідний"),
            new(Day("2026-12-30"), CalendarDayKind.DayOff, "Перенесений вихідний"),
            new(Day("2026-12-31"), CalendarDayKind.DayOff, "Перенесений вихідний"),
        ];
        var calendar = new WorkingCalendar(
            WorkingCalendar.UkrainianHolidays(2026).Concat(WorkingCalendar.UkrainianHolidays(2027)).Concat(newYearBreak),
            holidaysAreDaysOff);

        var next = calendar.NextWorkingDayOnOrAfter(Day(date));

        Assert.Equal(Day(expected), next);
    }

    [Fact]
    public void NextWorkingDayOnOrAfter_WhenDayOffOnMonday_ItIsSkippedToo()
    {
        var calendar = new WorkingCalendar(
        [
            new CalendarDay(Day("2026-12-25"), CalendarDayKind.Holiday, "Різдво Христове"),
            new CalendarDay(Day("2026-12-28"), CalendarDayKind.DayOff, "Перенесений вихідний"),
        ]);

        Assert.Equal(Day("2026-12-29"), calendar.NextWorkingDayOnOrAfter(Day("2026-12-25")));
    }

    [Fact]
    public void Constructor_WhenDateRepeats_Throws()
    {
        CalendarDay[] days =
        [
            new(Day("2026-05-01"), CalendarDayKind.Holiday, "День праці"),
            new(Day("2026-05-01"), CalendarDayKind.DayOff, "Вихідний"),
        ];

        Assert.Throws<ArgumentException>(() => new WorkingCalendar(days));
    }

    [Fact]
    public void Days_WhenGivenUnordered_AreSortedByDate()
    {
        var calendar = new WorkingCalendar(
        [
            new CalendarDay(Day("2026-12-25"), CalendarDayKind.Holiday, "Різдво Христове"),
            new CalendarDay(Day("2026-01-01"), CalendarDayKind.Holiday, "Новий рік"),
            new CalendarDay(Day("2026-05-09"), CalendarDayKind.WorkingDay, "Робоча субота"),
        ]);

        Assert.Equal(
            [Day("2026-01-01"), Day("2026-05-09"), Day("2026-12-25")],
            calendar.Days.Select(d => d.Date));
    }

    [Theory]
    [InlineData(2016, "2016-05-01")] // coincides with День праці
    [InlineData(2023, "2023-04-16")]
    [InlineData(2024, "2024-05-05")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-12")]
    [InlineData(2027, "2027-05-02")]
    [InlineData(2028, "2028-04-16")]
    public void UkrainianHolidays_WhenYearGiven_EasterIsOrthodoxEaster(int year, string easter)
    {
        var holidays = WorkingCalendar.UkrainianHolidays(year);

        var day = Assert.Single(holidays, h => h.Name.Contains("Великдень", StringComparison.Ordinal));
        Assert.Equal(Day(easter), day.Date);
        Assert.Equal(DayOfWeek.Sunday, day.Date.DayOfWeek);
    }

    [Theory]
    [InlineData(2024, "2024-06-23")]
    [InlineData(2025, "2025-06-08")]
    [InlineData(2026, "2026-05-31")]
    [InlineData(2027, "2027-06-20")]
    public void UkrainianHolidays_WhenYearGiven_TrinityIsFortyNineDaysAfterEaster(int year, string trinity)
    {
        var day = Assert.Single(WorkingCalendar.UkrainianHolidays(year), h => h.Name == "Трійця");

        Assert.Equal(Day(trinity), day.Date);
    }

    [Fact]
    public void UkrainianHolidays_When2026_AreTheHolidaysInForceSince2023()
    {
        var holidays = WorkingCalendar.UkrainianHolidays(2026);

        Assert.Equal(
        [
            Day("2026-01-01"), Day("2026-03-08"), Day("2026-04-12"), Day("2026-05-01"), Day("2026-05-08"),
            Day("2026-05-31"), Day("2026-06-28"), Day("2026-07-15"), Day("2026-08-24"), Day("2026-10-01"),
            Day("2026-12-25"),
        ],
            holidays.Select(h => h.Date));
        Assert.All(holidays, h => Assert.Equal(CalendarDayKind.Holiday, h.Kind));
        Assert.All(holidays, h => Assert.False(string.IsNullOrWhiteSpace(h.Name)));
        Assert.Contains(holidays, h => h.Name == "Новий рік");
        Assert.Contains(holidays, h => h.Name == "День незалежності України");
        Assert.DoesNotContain(holidays, h => h.Date == Day("2026-01-07") || h.Date == Day("2026-05-09"));
    }

    [Fact]
    public void UkrainianHolidays_WhenEasterFallsOnFirstOfMay_OneEntryCarriesBothNames()
    {
        var holidays = WorkingCalendar.UkrainianHolidays(2016);

        var firstOfMay = Assert.Single(holidays, h => h.Date == Day("2016-05-01"));
        Assert.Contains("День праці", firstOfMay.Name, StringComparison.Ordinal);
        Assert.Contains("Великдень", firstOfMay.Name, StringComparison.Ordinal);
        _ = new WorkingCalendar(holidays); // no duplicate dates
    }
}
