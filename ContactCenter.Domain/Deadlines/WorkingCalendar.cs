namespace ContactCenter.Domain.Deadlines;

/// <summary>
/// Which dates are working days. Terms that end on a day off move to the next working day (Civil Code art. 254 p. 5),
/// so the calendar decides only that; it knows nothing about hours or time zones.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly Dictionary<DateOnly, CalendarDay> byDate;

    public WorkingCalendar(IEnumerable<CalendarDay> days, bool holidaysAreDaysOff = true)
    {
        ArgumentNullException.ThrowIfNull(days);

        byDate = [];
        foreach (var day in days)
        {
            ArgumentNullException.ThrowIfNull(day, nameof(days));

            // Two entries for one date would make the answer depend on their order.
            if (!byDate.TryAdd(day.Date, day))
            {
                throw new ArgumentException($"The date {day.Date:dd.MM.yyyy} appears more than once.", nameof(days));
            }
        }

        Days = byDate.Values.OrderBy(d => d.Date).ToList().AsReadOnly();
        HolidaysAreDaysOff = holidaysAreDaysOff;
    }

    /// <summary>Saturdays and Sundays off, nothing else.</summary>
    public static WorkingCalendar WeekendsOnly { get; } = new([]);

    /// <summary>
    /// False under martial law: the Law "Про правовий режим воєнного стану" suspends Labour Code art. 73,
    /// so public holidays are ordinary working days and do not extend a term.
    /// </summary>
    public bool HolidaysAreDaysOff { get; }

    /// <summary>The special dates, sorted by date.</summary>
    public IReadOnlyList<CalendarDay> Days { get; }

    public bool IsWorkingDay(DateOnly date)
    {
        if (byDate.TryGetValue(date, out var special))
        {
            switch (special.Kind)
            {
                case CalendarDayKind.WorkingDay:
                    return true;
                case CalendarDayKind.DayOff:
                    return false;
                case CalendarDayKind.Holiday when HolidaysAreDaysOff:
                    return false;
            }
        }

        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    public DateOnly NextWorkingDayOnOrAfter(DateOnly date)
    {
        // Ends: only finitely many dates are special, and every later Monday is a working day.
        while (!IsWorkingDay(date))
        {
            date = date.AddDays(1);
        }

        return date;
    }

    /// <summary>
    /// The state holidays of Labour Code art. 73 as in force since 2023: fixed dates, plus Easter and Trinity by the
    /// Orthodox (Julian) computus. The 2023 church calendar change moved Christmas but not Easter, so Easter stays Orthodox.
    /// The carry-over of a holiday that falls on a weekend (art. 67) is not generated: it is suspended under martial law,
    /// and when in force it is declared year by year, so it belongs in the calendar as <see cref="CalendarDayKind.DayOff"/> entries.
    /// </summary>
    public static IReadOnlyList<CalendarDay> UkrainianHolidays(int year)
    {
        // Below 1583 the Gregorian date of the Julian Easter is meaningless; above 9999 DateOnly ends.
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1583);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);

        var easter = OrthodoxEaster(year);
        var holidays = new (DateOnly Date, string Name)[]
        {
            (new DateOnly(year, 1, 1), "Новий рік"),
            (new DateOnly(year, 3, 8), "Міжнародний жіночий день"),
            (easter, "Великдень"),
            (new DateOnly(year, 5, 1), "День праці"),
            (new DateOnly(year, 5, 8), "День пам'яті та перемоги над нацизмом у Другій світовій війні 1939–1945 років"),
            (easter.AddDays(49), "Трійця"),
            (new DateOnly(year, 6, 28), "День Конституції України"),
            (new DateOnly(year, 7, 15), "День Української Державності"),
            (new DateOnly(year, 8, 24), "День незалежності України"),
            (new DateOnly(year, 10, 1), "День захисників і захисниць України"),
            (new DateOnly(year, 12, 25), "Різдво Христове"),
        };

        // Easter can fall on 1 or 8 May (e.g. 2016); one date, one entry, both names.
        return holidays
            .GroupBy(h => h.Date)
            .OrderBy(g => g.Key)
            .Select(g => new CalendarDay(g.Key, CalendarDayKind.Holiday, string.Join(", ", g.Select(h => h.Name))))
            .ToList()
            .AsReadOnly();
    }

    private static DateOnly OrthodoxEaster(int year)
    {
        // Meeus' Julian algorithm, then the Julian-to-Gregorian gap of that century (13 days in 1900–2099).
        var a = year % 4;
        var b = year % 7;
        var c = year % 19;
        var d = ((19 * c) + 15) % 30;
        var e = ((2 * a) + (4 * b) - d + 34) % 7;
        var month = (d + e + 114) / 31;
        var day = ((d + e + 114) % 31) + 1;
        var julianToGregorian = (year / 100) - (year / 400) - 2;
        return new DateOnly(year, month, day).AddDays(julianToGregorian);
    }
}
