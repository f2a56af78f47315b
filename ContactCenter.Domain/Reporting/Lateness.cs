namespace ContactCenter.Domain.Reporting;

/// <summary>How late a card is, as the reports print it ("днів прострочення").</summary>
public static class Lateness
{
    /// <summary>
    /// The days begun past <paramref name="dueAt"/> at <paramref name="asOf"/>: 0 when not past due, 1 for the first
    /// 24 hours after it, and so on. A card an hour late is a day late: the regulation's terms are in days, and a
    /// late card must never read as "0 days overdue".
    /// </summary>
    public static int DaysPast(DateTimeOffset dueAt, DateTimeOffset asOf)
    {
        if (asOf <= dueAt)
        {
            return 0;
        }

        var late = asOf - dueAt;
        return (int)Math.Ceiling(late.Ticks / (double)TimeSpan.TicksPerDay);
    }
}
