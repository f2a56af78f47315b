using ContactCenter.Domain.Deadlines;

namespace ContactCenter.Domain.Reporting;

/// <summary>
/// When the reports of §4.1 fall due, as local times of the reporting zone (Europe/Kyiv). Settings, not code: the
/// administrator may move them (rows <c>Reports:*</c>); these defaults are the ones the regulation's practice uses.
/// </summary>
/// <param name="DailyAt">Every working day: the daily report to the executors' heads.</param>
/// <param name="WeeklyAt">Every Monday: the weekly report to the deputies for the previous week.</param>
/// <param name="MonthlyAt">The 1st of a month: the monthly report for the previous month.</param>
/// <param name="NoteAt">The 1st of a month: the mayor's analytical note for the previous month.</param>
/// <param name="UnresolvedAt">Every Monday: the cards unresolved at every level of control.</param>
/// <param name="StateStatisticsAt">The state statistics of appeals, on <paramref name="StateStatisticsDay"/> of a quarter's first month.</param>
/// <param name="StateStatisticsDay">Day of the quarter's first month (1–28) the previous quarter's statistics are due.</param>
public sealed record ReportScheduleSettings(
    TimeOnly DailyAt,
    TimeOnly WeeklyAt,
    TimeOnly MonthlyAt,
    TimeOnly NoteAt,
    TimeOnly UnresolvedAt,
    TimeOnly StateStatisticsAt,
    int StateStatisticsDay)
{
    private readonly int stateStatisticsDay = ValidDay(StateStatisticsDay);

    public int StateStatisticsDay
    {
        get => stateStatisticsDay;
        init => stateStatisticsDay = ValidDay(value);
    }

    public static ReportScheduleSettings Default { get; } = new(
        DailyAt: new TimeOnly(8, 0),
        WeeklyAt: new TimeOnly(8, 0),
        MonthlyAt: new TimeOnly(8, 0),
        NoteAt: new TimeOnly(9, 0),
        UnresolvedAt: new TimeOnly(8, 30),
        StateStatisticsAt: new TimeOnly(8, 0),
        StateStatisticsDay: 5);

    private static int ValidDay(int day) => day is >= 1 and <= 28
        ? day
        : throw new ArgumentOutOfRangeException(nameof(StateStatisticsDay), day, "A day that every month has (1–28).");
}

/// <summary>
/// One run the schedule asks for: the report, its period, the kind of scope it goes to (every executor, every
/// direction, the community) and the instant it fell due. The scopes themselves (which executors exist) are data.
/// </summary>
public sealed record DueRun(ReportKind Kind, ReportingPeriod Period, ScopeKind Scope, DateTimeOffset DueAt);

/// <summary>
/// The timetable of §4.1: daily reports on working days, weekly on Mondays, monthly on the 1st, the state statistics
/// quarterly. It answers one question — which runs had fallen due by a given instant — and so is the basis of both
/// the minute-by-minute schedule and the catch-up after the portal was down: whatever fell due while nobody was
/// running is still due, and the archive's unique key makes building it a second time impossible.
/// </summary>
public sealed class ReportSchedule
{
    /// <summary>How far back a kind's latest run is looked for: more than a quarter plus the longest run of days off.</summary>
    private const int LatestSearchDays = 400;

    private readonly ReportScheduleSettings settings;
    private readonly WorkingCalendar calendar;
    private readonly TimeZoneInfo zone;

    public ReportSchedule(ReportScheduleSettings settings, WorkingCalendar calendar, TimeZoneInfo? zone = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(calendar);
        this.settings = settings;
        this.calendar = calendar;
        this.zone = zone ?? DeadlinePolicy.Kyiv;
    }

    /// <summary>The kinds the schedule produces by itself; head letters and registers are only built on demand.</summary>
    public static IReadOnlyList<ReportKind> ScheduledKinds { get; } =
    [
        ReportKind.DailyCompliance, ReportKind.WeeklyCompliance, ReportKind.MonthlyCompliance,
        ReportKind.AnalyticalNote, ReportKind.WeeklyUnresolved, ReportKind.StateStatistics,
    ];

    /// <summary>
    /// Every run that fell due in (<paramref name="since"/>, <paramref name="now"/>], and for each kind its latest run
    /// due at or before <paramref name="now"/> even when that was earlier: a fresh archive starts with the last report
    /// of every kind, and a kind whose run was missed long ago still gets its latest one. Ordered by due instant.
    /// </summary>
    public IReadOnlyList<DueRun> DueRuns(DateTimeOffset now, DateTimeOffset since)
    {
        var runs = new List<DueRun>();
        var today = LocalDate(now);
        foreach (var kind in ScheduledKinds)
        {
            var foundLatest = false;
            for (var day = 0; day <= LatestSearchDays; day++)
            {
                var date = today.AddDays(-day);
                if (Occurrence(kind, date) is not { } occurrence || occurrence.DueAt > now)
                {
                    continue;
                }

                if (foundLatest && occurrence.DueAt <= since)
                {
                    break;
                }

                runs.AddRange(occurrence.Scopes.Select(scope => new DueRun(kind, occurrence.Period, scope, occurrence.DueAt)));
                foundLatest = true;
            }
        }

        return runs.OrderBy(r => r.DueAt).ThenBy(r => r.Kind).ThenBy(r => r.Scope).ToList();
    }

    /// <summary>The scopes a kind goes to (§4.1): daily per executor, weekly per direction, monthly per direction and for the community.</summary>
    public static IReadOnlyList<ScopeKind> ScopesOf(ReportKind kind) => kind switch
    {
        ReportKind.DailyCompliance => [ScopeKind.Executor],
        ReportKind.WeeklyCompliance => [ScopeKind.Direction],
        ReportKind.MonthlyCompliance => [ScopeKind.Direction, ScopeKind.Community],
        ReportKind.AnalyticalNote or ReportKind.WeeklyUnresolved or ReportKind.StateStatistics or ReportKind.Register => [ScopeKind.Community],
        ReportKind.HeadLetter => [ScopeKind.Executor],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private sealed record Due(DateTimeOffset DueAt, ReportingPeriod Period, IReadOnlyList<ScopeKind> Scopes);

    /// <summary>The run of <paramref name="kind"/> due on the local <paramref name="date"/>, if there is one.</summary>
    private Due? Occurrence(ReportKind kind, DateOnly date)
    {
        var scopes = ScopesOf(kind);
        switch (kind)
        {
            case ReportKind.DailyCompliance when calendar.IsWorkingDay(date):
                // From the start of the previous working day, so Monday's report covers Friday and the weekend and a
                // day after a holiday covers the holiday: no day is left out of the daily reports (§4.1 "щодня").
                var previous = PreviousWorkingDay(date);
                var period = previous == date.AddDays(-1)
                    ? ReportingPeriod.Day(previous, zone)
                    : new ReportingPeriod(ReportingPeriod.Day(previous, zone).From, ReportingPeriod.Day(date, zone).From);
                return new Due(At(date, settings.DailyAt), period, scopes);
            case ReportKind.WeeklyCompliance when date.DayOfWeek == DayOfWeek.Monday:
                return new Due(At(date, settings.WeeklyAt), ReportingPeriod.Week(date.AddDays(-7), zone), scopes);
            case ReportKind.WeeklyUnresolved when date.DayOfWeek == DayOfWeek.Monday:
                return new Due(At(date, settings.UnresolvedAt), ReportingPeriod.Week(date.AddDays(-7), zone), scopes);
            case ReportKind.MonthlyCompliance when date.Day == 1:
                return new Due(At(date, settings.MonthlyAt), PreviousMonth(date), scopes);
            case ReportKind.AnalyticalNote when date.Day == 1:
                return new Due(At(date, settings.NoteAt), PreviousMonth(date), scopes);
            case ReportKind.StateStatistics when date.Day == settings.StateStatisticsDay && (date.Month - 1) % 3 == 0:
                var quarterStart = new DateOnly(date.Year, date.Month, 1).AddMonths(-3);
                return new Due(At(date, settings.StateStatisticsAt), ReportingPeriod.Quarter(quarterStart.Year, ((quarterStart.Month - 1) / 3) + 1, zone), scopes);
            default:
                return null;
        }
    }

    private ReportingPeriod PreviousMonth(DateOnly firstOfMonth)
    {
        var previous = firstOfMonth.AddMonths(-1);
        return ReportingPeriod.Month(previous.Year, previous.Month, zone);
    }

    private DateOnly PreviousWorkingDay(DateOnly date)
    {
        var day = date.AddDays(-1);

        // Bounded: a calendar cannot have a year without a working day, and a corrupt one must not hang the scheduler.
        for (var i = 0; i < 366 && !calendar.IsWorkingDay(day); i++)
        {
            day = day.AddDays(-1);
        }

        return day;
    }

    private DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>
    /// The instant a local date and time happens in the zone. A time the clock skips when it goes forward is read with
    /// the offset before the jump (an hour later by the new clock); a time it repeats happens at its first occurrence.
    /// </summary>
    private DateTimeOffset At(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        TimeSpan offset;
        if (zone.IsInvalidTime(local))
        {
            offset = zone.GetUtcOffset(local.AddHours(-12));
        }
        else if (zone.IsAmbiguousTime(local))
        {
            offset = zone.GetAmbiguousTimeOffsets(local).Max();
        }
        else
        {
            offset = zone.GetUtcOffset(local);
        }

        return new DateTimeOffset(local.Ticks - offset.Ticks, TimeSpan.Zero);
    }
}
