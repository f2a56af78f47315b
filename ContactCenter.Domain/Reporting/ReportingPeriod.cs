namespace ContactCenter.Domain.Reporting;

/// <summary>What a <see cref="ReportingPeriod"/> was built as; decides what <see cref="ReportingPeriod.Previous"/> means.</summary>
public enum ReportingPeriodKind
{
    /// <summary>Arbitrary bounds: the previous period has the same length.</summary>
    Custom,

    /// <summary>A local calendar day (the daily report to an executor's head, §4.1).</summary>
    Day,

    /// <summary>A local week from Monday (the weekly reports to deputies, §4.1).</summary>
    Week,

    /// <summary>A local calendar month (monthly reports and the mayor's analytical note, §4.1).</summary>
    Month,

    /// <summary>A local calendar quarter (the state statistics of appeals).</summary>
    Quarter,
}

/// <summary>
/// A half-open interval of time [<see cref="From"/>, <see cref="To"/>) the figures are computed for.
/// Half-open so that consecutive periods neither overlap nor leave a gap: an event exactly at midnight
/// belongs to the day that starts then, never to two reports.
/// </summary>
/// <remarks>
/// The bounds are instants. Calendar periods are decided in a local zone (Europe/Kyiv, design.md) and
/// converted to UTC, so a month that contains a clock change is 1 hour shorter or longer than 31 × 24 h.
/// </remarks>
public sealed record ReportingPeriod(DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>The exclusive end; must be after <see cref="From"/>.</summary>
    public DateTimeOffset To { get; init; } = To > From
        ? To
        : throw new ArgumentException($"The end of a period ({To:O}) must be after its start ({From:O}).", nameof(To));

    /// <summary>How the period was built (a calendar day, week or month, or custom bounds).</summary>
    public ReportingPeriodKind Kind { get; private init; } = ReportingPeriodKind.Custom;

    /// <summary>The zone a calendar period was decided in; null for custom bounds.</summary>
    public TimeZoneInfo? Zone { get; private init; }

    public TimeSpan Length => To - From;

    /// <summary>True when <paramref name="instant"/> is in [From, To).</summary>
    public bool Contains(DateTimeOffset instant) => From <= instant && instant < To;

    /// <summary>The local calendar month <paramref name="month"/> of <paramref name="year"/> in <paramref name="zone"/>.</summary>
    public static ReportingPeriod Month(int year, int month, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9998);

        var start = new DateOnly(year, month, 1);
        return Calendar(start, start.AddMonths(1), zone, ReportingPeriodKind.Month);
    }

    /// <summary>The local calendar quarter <paramref name="quarter"/> (1–4) of <paramref name="year"/> in <paramref name="zone"/>.</summary>
    public static ReportingPeriod Quarter(int year, int quarter, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentOutOfRangeException.ThrowIfLessThan(quarter, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quarter, 4);
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9998);

        var start = new DateOnly(year, ((quarter - 1) * 3) + 1, 1);
        return Calendar(start, start.AddMonths(3), zone, ReportingPeriodKind.Quarter);
    }

    /// <summary>The local calendar day <paramref name="date"/> in <paramref name="zone"/> (23 or 25 hours on clock-change days).</summary>
    public static ReportingPeriod Day(DateOnly date, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return Calendar(date, date.AddDays(1), zone, ReportingPeriodKind.Day);
    }

    /// <summary>The local week Monday to Sunday starting on <paramref name="monday"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="monday"/> is not a Monday.</exception>
    public static ReportingPeriod Week(DateOnly monday, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (monday.DayOfWeek != DayOfWeek.Monday)
        {
            throw new ArgumentException($"A reporting week starts on a Monday; {monday:yyyy-MM-dd} is a {monday.DayOfWeek}.", nameof(monday));
        }

        return Calendar(monday, monday.AddDays(7), zone, ReportingPeriodKind.Week);
    }

    /// <summary>
    /// The period right before this one, for comparisons with the previous period (the mayor's note, §4.1).
    /// A calendar period gives the previous calendar day, week or month in the same zone (so March gives
    /// February, not "31 days before"); custom bounds give the same length ending at <see cref="From"/>.
    /// </summary>
    public ReportingPeriod Previous()
    {
        if (Kind == ReportingPeriodKind.Custom || Zone is null)
        {
            return new ReportingPeriod(From - Length, From);
        }

        var firstDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(From, Zone).DateTime);
        return Kind switch
        {
            ReportingPeriodKind.Day => Day(firstDay.AddDays(-1), Zone),
            ReportingPeriodKind.Week => Week(firstDay.AddDays(-7), Zone),
            ReportingPeriodKind.Month => Month(firstDay.AddMonths(-1).Year, firstDay.AddMonths(-1).Month, Zone),
            ReportingPeriodKind.Quarter => Quarter(firstDay.AddMonths(-3).Year, ((firstDay.AddMonths(-3).Month - 1) / 3) + 1, Zone),
            _ => throw new InvalidOperationException($"Unknown period kind {Kind}."),
        };
    }

    private static ReportingPeriod Calendar(DateOnly first, DateOnly next, TimeZoneInfo zone, ReportingPeriodKind kind) =>
        new(StartOfLocalDay(first, zone), StartOfLocalDay(next, zone)) { Kind = kind, Zone = zone };

    /// <summary>
    /// The UTC instant at which <paramref name="date"/> begins in <paramref name="zone"/>. Kyiv changes its
    /// clocks at 03:00/04:00, so midnight always exists there; for zones where it is skipped or repeated,
    /// the day starts at the first instant its local clock shows that date.
    /// </summary>
    private static DateTimeOffset StartOfLocalDay(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        TimeSpan offset;
        if (zone.IsInvalidTime(local))
        {
            // Skipped midnight: the day begins when the clock jumps, i.e. local time read with the offset before the jump.
            offset = zone.GetUtcOffset(local.AddDays(-1));
        }
        else if (zone.IsAmbiguousTime(local))
        {
            // Repeated midnight: its first occurrence, which has the larger offset.
            offset = zone.GetAmbiguousTimeOffsets(local).Max();
        }
        else
        {
            offset = zone.GetUtcOffset(local);
        }

        return new DateTimeOffset(local.Ticks - offset.Ticks, TimeSpan.Zero);
    }
}
