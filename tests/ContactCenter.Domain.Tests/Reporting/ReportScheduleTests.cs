using System.Globalization;
using ContactCenter.Domain.Deadlines;
using ContactCenter.Domain.Reporting;
using ContactCenter.Domain.Tests.Deadlines;

namespace ContactCenter.Domain.Tests.Reporting;

public sealed class ReportScheduleTests
{
    private static readonly TimeZoneInfo Kyiv = DeadlinePolicy.Kyiv;

    private static readonly ReportSchedule Peacetime = new(ReportScheduleSettings.Default, Dates.Peacetime());

    private static readonly ReportSchedule MartialLaw = new(ReportScheduleSettings.Default, Dates.MartialLaw());

    /// <summary>A Kyiv wall-clock time, "yyyy-MM-dd HH:mm", as the UTC instant it is.</summary>
    private static DateTimeOffset Local(string text)
    {
        var local = DateTime.ParseExact(text, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, Kyiv), TimeSpan.Zero);
    }

    private static DateTimeOffset Utc(string text) =>
        DateTimeOffset.ParseExact(text, "yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static string Names(IEnumerable<DueRun> runs) =>
        string.Join(", ", runs.Select(r => $"{r.Kind}/{r.Scope}"));

    /// <summary>What fell due in the minute ending at the given local time: what the every-minute job builds then.</summary>
    private static string DueInTheMinuteTo(ReportSchedule schedule, string localNow)
    {
        var now = Local(localNow);
        return Names(schedule.DueRuns(now, now.AddMinutes(-1)).Where(r => r.DueAt > now.AddMinutes(-1)));
    }

    [Theory]
    [InlineData("2026-11-03 07:59", "")]                                            // Tuesday, a minute early
    [InlineData("2026-11-03 08:00", "DailyCompliance/Executor")]                    // Tuesday 08:00 exactly
    [InlineData("2026-11-03 08:01", "")]                                            // already handled a minute ago
    [InlineData("2026-11-02 08:00", "DailyCompliance/Executor, WeeklyCompliance/Direction")] // Monday
    [InlineData("2026-11-02 08:30", "WeeklyUnresolved/Community")]
    [InlineData("2026-12-01 08:00", "DailyCompliance/Executor, MonthlyCompliance/Community, MonthlyCompliance/Direction")]
    [InlineData("2026-12-01 09:00", "AnalyticalNote/Community")]
    [InlineData("2026-11-01 08:00", "MonthlyCompliance/Community, MonthlyCompliance/Direction")] // a Sunday: no daily
    [InlineData("2026-11-07 08:00", "")]                                            // Saturday
    [InlineData("2026-10-05 08:00", "DailyCompliance/Executor, WeeklyCompliance/Direction, StateStatistics/Community")]
    [InlineData("2027-01-05 08:00", "DailyCompliance/Executor, StateStatistics/Community")]
    [InlineData("2026-11-05 08:00", "DailyCompliance/Executor")]                    // the 5th, but not of a quarter's first month
    [InlineData("2026-03-29 08:00", "")]                                            // the clocks go forward that Sunday
    [InlineData("2026-03-30 08:00", "DailyCompliance/Executor, WeeklyCompliance/Direction")] // first Monday of summer time
    [InlineData("2026-10-25 08:00", "")]                                            // the clocks go back that Sunday
    [InlineData("2026-10-26 08:00", "DailyCompliance/Executor, WeeklyCompliance/Direction")] // first Monday of winter time
    public void DueRuns_MinuteByMinute_FollowTheTimetableOfTheRegulation(string localNow, string expected)
    {
        Assert.Equal(expected, DueInTheMinuteTo(Peacetime, localNow));
    }

    [Theory]
    [InlineData("2026-12-25 08:00", "")]                          // Christmas, a Friday, off in peacetime
    [InlineData("2026-05-01 08:00", "")]                          // Labour Day
    [InlineData("2026-08-24 08:00", "")]                          // Independence Day, a Monday: no daily, the weekly still goes
    public void DueRuns_OnAHolidayInPeacetime_NoDailyReport(string localNow, string expectedDaily)
    {
        var due = DueInTheMinuteTo(Peacetime, localNow);
        Assert.Equal(expectedDaily, string.Join(", ", due.Split(", ", StringSplitOptions.RemoveEmptyEntries).Where(n => n.StartsWith("Daily", StringComparison.Ordinal))));
    }

    [Theory]
    [InlineData("2026-12-25 08:00")]
    [InlineData("2026-05-01 08:00")]
    [InlineData("2026-08-24 08:00")]
    public void DueRuns_OnAHolidayUnderMartialLaw_TheDailyReportGoes(string localNow)
    {
        Assert.StartsWith("DailyCompliance/Executor", DueInTheMinuteTo(MartialLaw, localNow), StringComparison.Ordinal);
    }

    [Fact]
    public void DueRuns_OnADayOffTransferredByTheCouncil_NoDailyReport_AndOnATransferredSaturdayThereIsOne()
    {
        var schedule = new ReportSchedule(
            ReportScheduleSettings.Default,
            Dates.MartialLaw(
                new CalendarDay(Dates.Day("2026-11-04"), CalendarDayKind.DayOff, "Перенесений вихідний"),
                new CalendarDay(Dates.Day("2026-11-07"), CalendarDayKind.WorkingDay, "Робоча субота")));

        Assert.Equal(string.Empty, DueInTheMinuteTo(schedule, "2026-11-04 08:00"));
        Assert.Equal("DailyCompliance/Executor", DueInTheMinuteTo(schedule, "2026-11-07 08:00"));
    }

    // Instants of the tables: UTC. Kyiv is +02:00 in winter and +03:00 from 29.03.2026 03:00 to 25.10.2026 04:00.
    [Theory]
    [InlineData("2026-11-03 08:00", "DailyCompliance", "2026-11-03 06:00Z", "2026-11-01 22:00Z", "2026-11-02 22:00Z", "Day")]
    [InlineData("2026-11-02 08:00", "DailyCompliance", "2026-11-02 06:00Z", "2026-10-29 22:00Z", "2026-11-01 22:00Z", "Custom")]   // Friday to Monday
    [InlineData("2026-03-30 08:00", "DailyCompliance", "2026-03-30 05:00Z", "2026-03-26 22:00Z", "2026-03-29 21:00Z", "Custom")]   // 71 hours
    [InlineData("2026-03-27 08:00", "DailyCompliance", "2026-03-27 06:00Z", "2026-03-25 22:00Z", "2026-03-26 22:00Z", "Day")]
    [InlineData("2026-03-30 08:00", "WeeklyCompliance", "2026-03-30 05:00Z", "2026-03-22 22:00Z", "2026-03-29 21:00Z", "Week")]   // 167 hours
    [InlineData("2026-10-26 08:00", "WeeklyCompliance", "2026-10-26 06:00Z", "2026-10-18 21:00Z", "2026-10-25 22:00Z", "Week")]   // 169 hours
    [InlineData("2026-10-26 08:30", "WeeklyUnresolved", "2026-10-26 06:30Z", "2026-10-18 21:00Z", "2026-10-25 22:00Z", "Week")]
    [InlineData("2026-04-01 08:00", "MonthlyCompliance", "2026-04-01 05:00Z", "2026-02-28 22:00Z", "2026-03-31 21:00Z", "Month")]
    [InlineData("2026-04-01 09:00", "AnalyticalNote", "2026-04-01 06:00Z", "2026-02-28 22:00Z", "2026-03-31 21:00Z", "Month")]
    [InlineData("2026-04-05 08:00", "StateStatistics", "2026-04-05 05:00Z", "2025-12-31 22:00Z", "2026-03-31 21:00Z", "Quarter")]
    [InlineData("2027-01-05 08:00", "StateStatistics", "2027-01-05 06:00Z", "2026-09-30 21:00Z", "2026-12-31 22:00Z", "Quarter")]
    public void DueRuns_PeriodsAndDueInstants_AreLocalCalendarPeriodsAcrossClockChanges(string localNow, string kind, string dueAt, string from, string to, string periodKind)
    {
        var now = Local(localNow);
        var run = Peacetime.DueRuns(now, now).First(r => r.Kind == Enum.Parse<ReportKind>(kind));

        Assert.Equal(Utc(dueAt), run.DueAt);
        Assert.Equal(Utc(from), run.Period.From);
        Assert.Equal(Utc(to), run.Period.To);
        Assert.Equal(Enum.Parse<ReportingPeriodKind>(periodKind), run.Period.Kind);
    }

    [Fact]
    public void DueRuns_TheDayAfterAHoliday_CoverTheHolidayToo()
    {
        // Christmas 2026 is a Friday: in peacetime Monday's daily report covers Thursday to Sunday.
        var monday = Local("2026-12-28 08:00");
        var peace = Peacetime.DueRuns(monday, monday).Single(r => r.Kind == ReportKind.DailyCompliance);
        var war = MartialLaw.DueRuns(monday, monday).Single(r => r.Kind == ReportKind.DailyCompliance);

        Assert.Equal(Local("2026-12-24 00:00"), peace.Period.From);
        Assert.Equal(Local("2026-12-25 00:00"), war.Period.From);
        Assert.Equal(Local("2026-12-28 00:00"), peace.Period.To);
    }

    [Fact]
    public void DueRuns_AfterDowntimeOverAWeekend_CatchUpEveryMissedRun_AndTheLatestOfTheOthers()
    {
        // Down from Friday evening to Tuesday 10:00.
        var since = Local("2026-11-06 18:00");
        var now = Local("2026-11-10 10:00");

        var runs = Peacetime.DueRuns(now, since);

        Assert.Equal(
            "StateStatistics/Community, MonthlyCompliance/Community, MonthlyCompliance/Direction, AnalyticalNote/Community, "
            + "DailyCompliance/Executor, WeeklyCompliance/Direction, WeeklyUnresolved/Community, DailyCompliance/Executor",
            Names(runs));
        var dailies = runs.Where(r => r.Kind == ReportKind.DailyCompliance).ToList();
        Assert.Equal([Local("2026-11-09 08:00"), Local("2026-11-10 08:00")], dailies.Select(r => r.DueAt));
        Assert.Equal(Local("2026-11-06 00:00"), dailies[0].Period.From);
        Assert.Equal(ReportingPeriod.Month(2026, 10, Kyiv), runs.First(r => r.Kind == ReportKind.MonthlyCompliance).Period);
        Assert.Equal(ReportingPeriod.Quarter(2026, 3, Kyiv), runs.Single(r => r.Kind == ReportKind.StateStatistics).Period);
    }

    [Fact]
    public void DueRuns_OnAFreshArchive_GiveTheLatestRunOfEveryKindOnce()
    {
        var now = Local("2026-11-10 10:00");

        var runs = Peacetime.DueRuns(now, now);

        Assert.Equal(7, runs.Count);
        Assert.Equal(ReportSchedule.ScheduledKinds.Order(), runs.Select(r => r.Kind).Distinct().Order());
        Assert.Equal(Local("2026-11-10 08:00"), runs.Single(r => r.Kind == ReportKind.DailyCompliance).DueAt);
        Assert.Equal(Local("2026-10-05 08:00"), runs.Single(r => r.Kind == ReportKind.StateStatistics).DueAt);
    }

    [Fact]
    public void DueRuns_ARunDueExactlyAtTheStartOfTheWindow_WasAlreadyHandled()
    {
        var due = Local("2026-11-03 08:00");
        var now = Local("2026-11-04 08:30");

        var runs = Peacetime.DueRuns(now, due);

        Assert.Equal([Local("2026-11-04 08:00")], runs.Where(r => r.Kind == ReportKind.DailyCompliance).Select(r => r.DueAt));
    }

    [Fact]
    public void DueRuns_FollowTheSettings()
    {
        var settings = ReportScheduleSettings.Default with { DailyAt = new TimeOnly(7, 30), StateStatisticsDay = 10 };
        var schedule = new ReportSchedule(settings, Dates.Peacetime());

        Assert.Equal("DailyCompliance/Executor", DueInTheMinuteTo(schedule, "2026-11-03 07:30"));
        Assert.Equal(string.Empty, DueInTheMinuteTo(schedule, "2026-11-03 08:00"));
        Assert.Equal("StateStatistics/Community", DueInTheMinuteTo(schedule, "2026-10-10 08:00"));
    }

    [Fact]
    public void Settings_AStateStatisticsDayNotInEveryMonth_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportScheduleSettings.Default with { StateStatisticsDay = 31 });
    }
}
