namespace ContactCenter.Domain.Deadlines;

/// <summary>What a calendar entry does to a date that would otherwise follow the Mon–Fri working week.</summary>
public enum CalendarDayKind
{
    /// <summary>A public holiday (свято, Labour Code art. 73). Off only while holidays are days off; martial law suspends that.</summary>
    Holiday,

    /// <summary>An extra day off (вихідний), e.g. a day transferred by the Cabinet or the council's order. Always off.</summary>
    DayOff,

    /// <summary>A Saturday or Sunday made a working day by a transfer. Always a working day.</summary>
    WorkingDay,
}

/// <summary>One special date of a <see cref="WorkingCalendar"/>; <see cref="Name"/> is what a user reads (Ukrainian).</summary>
public sealed record CalendarDay(DateOnly Date, CalendarDayKind Kind, string Name);
