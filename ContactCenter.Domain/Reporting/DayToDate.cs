namespace ContactCenter.Domain.Reporting;

/// <summary>
/// Today so far and the same stretch of yesterday, decided in a local zone (Europe/Kyiv, design.md): the Department's
/// wallboard compares the cards received today with those received yesterday by the same time of day.
/// </summary>
/// <param name="Today">The local calendar day that contains <paramref name="Now"/> (23 or 25 hours on clock-change days).</param>
/// <param name="Now">The moment the figures are taken.</param>
/// <param name="YesterdayFrom">The start of the local day before <paramref name="Today"/>.</param>
/// <param name="SameTimeYesterday">
/// The first moment yesterday at which the local clock showed the time it shows now: yesterday's figure counts
/// [<paramref name="YesterdayFrom"/>, <paramref name="SameTimeYesterday"/>).
/// </param>
public sealed record DayToDate(ReportingPeriod Today, DateTimeOffset Now, DateTimeOffset YesterdayFrom, DateTimeOffset SameTimeYesterday)
{
    public static DayToDate At(DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);

        var local = TimeZoneInfo.ConvertTime(now, zone).DateTime;
        var date = DateOnly.FromDateTime(local);
        var yesterday = date.AddDays(-1);
        var today = ReportingPeriod.Day(date, zone);
        var yesterdayFrom = ReportingPeriod.Day(yesterday, zone).From;
        var sameTime = FirstMomentShowing(yesterday.ToDateTime(TimeOnly.FromDateTime(local), DateTimeKind.Unspecified), zone);
        return new DayToDate(today, now.ToUniversalTime(), yesterdayFrom, sameTime);
    }

    /// <summary>
    /// The first instant at which the local clock of <paramref name="zone"/> shows <paramref name="local"/> or later.
    /// A time shown twice (the repeated hour when clocks go back, 25.10.2026 03:00–04:00 in Kyiv) is taken at its first
    /// showing, so both days count the same time since midnight; a time never shown (the hour skipped when clocks go
    /// forward, 29.03.2026 03:00–04:00) is the moment of the jump, when the clock passed it.
    /// </summary>
    private static DateTimeOffset FirstMomentShowing(DateTime local, TimeZoneInfo zone)
    {
        if (zone.IsInvalidTime(local))
        {
            // Back to the last valid minute before the gap: the jump happens right after it, at the offset in force then.
            var beforeGap = new DateTime(local.Ticks - (local.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Unspecified);
            do
            {
                beforeGap = beforeGap.AddMinutes(-1);
            }
            while (zone.IsInvalidTime(beforeGap));

            var jump = beforeGap.AddMinutes(1);
            return new DateTimeOffset(jump.Ticks - zone.GetUtcOffset(beforeGap).Ticks, TimeSpan.Zero);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local.Ticks - offset.Ticks, TimeSpan.Zero);
    }
}
