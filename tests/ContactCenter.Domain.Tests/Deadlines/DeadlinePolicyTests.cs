using ContactCenter.Domain.Deadlines;
using static ContactCenter.Domain.Tests.Deadlines.Dates;

namespace ContactCenter.Domain.Tests.Deadlines;

// Kyiv is +02:00 in winter and +03:00 in summer (2026: from 29 March to 25 October), so the end of a local day
// is 21:59:59Z in winter and 20:59:59Z in summer.
public sealed class DeadlinePolicyTests
{
    [Theory]
    // Days: the weekend moves the last day to Monday.
    [InlineData("2026-02-02T10:00:00+02:00", TermUnit.Days, 5, false, false, "2026-02-09T21:59:59Z")]
    [InlineData("2026-02-02T10:00:00+02:00", TermUnit.Days, 15, false, false, "2026-02-17T21:59:59Z")]
    // The Classifier's term is cut to the Law's: 30 days without study -> 15; with study -> one month.
    [InlineData("2026-02-02T10:00:00+02:00", TermUnit.Days, 30, false, false, "2026-02-17T21:59:59Z")]
    [InlineData("2026-02-02T10:00:00+02:00", TermUnit.Days, 30, true, false, "2026-03-02T21:59:59Z")]
    // A shorter term stands.
    [InlineData("2026-02-02T10:00:00+02:00", TermUnit.Days, 10, true, false, "2026-02-12T21:59:59Z")]
    // 1 May (Friday) and the weekend; under martial law the holiday is a working day.
    [InlineData("2026-04-16T09:00:00+03:00", TermUnit.Days, 15, false, false, "2026-05-04T20:59:59Z")]
    [InlineData("2026-04-16T09:00:00+03:00", TermUnit.Days, 15, false, true, "2026-05-01T20:59:59Z")]
    // 8 May (Friday).
    [InlineData("2026-04-23T09:00:00+03:00", TermUnit.Days, 15, false, false, "2026-05-11T20:59:59Z")]
    [InlineData("2026-04-23T09:00:00+03:00", TermUnit.Days, 15, false, true, "2026-05-08T20:59:59Z")]
    // New Year (Friday) across the year end.
    [InlineData("2026-12-17T10:00:00+02:00", TermUnit.Days, 15, false, false, "2027-01-04T21:59:59Z")]
    [InlineData("2026-12-17T10:00:00+02:00", TermUnit.Days, 15, false, true, "2027-01-01T21:59:59Z")]
    // Month ends: 31 Jan + 1 month = 28 Feb (Saturday) -> 2 March; in a leap year 29 Feb; 29 Feb + 1 month = 29 March (summer time).
    [InlineData("2026-01-31T12:00:00+02:00", TermUnit.Days, 40, true, false, "2026-03-02T21:59:59Z")]
    [InlineData("2026-01-31T12:00:00+02:00", TermUnit.Days, 40, false, false, "2026-02-16T21:59:59Z")]
    [InlineData("2028-01-31T12:00:00+02:00", TermUnit.Days, 40, true, false, "2028-02-29T21:59:59Z")]
    [InlineData("2028-02-29T12:00:00+02:00", TermUnit.Days, 40, true, false, "2028-03-29T20:59:59Z")]
    // Hours run in absolute time: not moved by the weekend or a holiday, nor by the DST change.
    [InlineData("2026-02-06T15:00:00+02:00", TermUnit.Hours, 4, false, false, "2026-02-06T17:00:00Z")]
    [InlineData("2026-02-06T15:00:00+02:00", TermUnit.Hours, 72, false, false, "2026-02-09T13:00:00Z")]
    [InlineData("2026-04-30T10:00:00+03:00", TermUnit.Hours, 72, false, false, "2026-05-03T07:00:00Z")]
    [InlineData("2026-03-28T12:00:00+02:00", TermUnit.Hours, 24, false, false, "2026-03-29T10:00:00Z")]
    // 480 hours (20 days) exceed 15 days: capped; with study one month allows them.
    [InlineData("2026-02-06T15:00:00+02:00", TermUnit.Hours, 480, false, false, "2026-02-23T21:59:59Z")]
    [InlineData("2026-02-06T15:00:00+02:00", TermUnit.Hours, 480, true, false, "2026-02-26T13:00:00Z")]
    // Fractions of a second are dropped.
    [InlineData("2026-02-06T15:00:00.750+02:00", TermUnit.Hours, 4, false, false, "2026-02-06T17:00:00Z")]
    public void DueAt_WhenTermGiven_IsTheNormativeTermCappedByTheLaw(
        string receivedAt, TermUnit unit, int value, bool needsStudy, bool martialLaw, string expected)
    {
        var policy = Policy(martialLaw ? MartialLaw() : Peacetime());

        var due = policy.DueAt(At(receivedAt), new NormativeTerm(value, unit), needsStudy);

        Assert.Equal(At(expected), due);
        Assert.Equal(TimeSpan.Zero, due.Offset);
        Assert.Equal(0, due.Ticks % TimeSpan.TicksPerSecond);
    }

    [Theory]
    // 23:30 in Kyiv is 20:30Z the same UTC day: the term counts from 14 April.
    [InlineData("2026-04-14T23:30:00+03:00", "2026-04-29T20:59:59Z")]
    [InlineData("2026-04-14T20:30:00Z", "2026-04-29T20:59:59Z")]
    [InlineData("2026-04-14T20:59:59Z", "2026-04-29T20:59:59Z")]
    // 00:30 in Kyiv on 15 April is still 14 April in UTC, yet the term counts from 15 April.
    [InlineData("2026-04-14T21:30:00Z", "2026-04-30T20:59:59Z")]
    [InlineData("2026-04-14T21:00:00Z", "2026-04-30T20:59:59Z")]
    // The same in winter, with +02:00.
    [InlineData("2026-01-20T21:30:00Z", "2026-02-04T21:59:59Z")]
    [InlineData("2026-01-20T22:30:00Z", "2026-02-05T21:59:59Z")]
    public void DueAt_WhenReceivedAroundMidnight_CountsKyivDates(string receivedAt, string expected)
    {
        var due = Policy().DueAt(At(receivedAt), NormativeTerm.Days(15), needsAdditionalStudy: false);

        Assert.Equal(At(expected), due);
    }

    [Theory]
    [InlineData("2026-04-14T20:30:00Z", "2026-04-14")]
    [InlineData("2026-04-14T21:00:00Z", "2026-04-15")]
    [InlineData("2026-04-14T21:30:00Z", "2026-04-15")]
    [InlineData("2026-01-20T21:59:59Z", "2026-01-20")]
    [InlineData("2026-01-20T22:00:00Z", "2026-01-21")]
    [InlineData("2026-03-29T00:59:59Z", "2026-03-29")] // 02:59:59 +02:00, the second before the change
    [InlineData("2026-10-24T21:00:00Z", "2026-10-25")] // 00:00 +03:00 on the day of the change back
    public void LocalDate_WhenInstantGiven_IsTheKyivDate(string instant, string expected)
    {
        Assert.Equal(Day(expected), Policy().LocalDate(At(instant)));
    }

    [Theory]
    [InlineData("2026-03-28", "2026-03-28T21:59:59Z")] // +02:00
    [InlineData("2026-03-29", "2026-03-29T20:59:59Z")] // 03:00 -> 04:00, ends at +03:00
    [InlineData("2026-07-01", "2026-07-01T20:59:59Z")]
    [InlineData("2026-10-24", "2026-10-24T20:59:59Z")]
    [InlineData("2026-10-25", "2026-10-25T21:59:59Z")] // 04:00 -> 03:00, ends at +02:00
    public void EndOfDay_WhenDateGiven_IsLocal235959InUtc(string date, string expected)
    {
        var policy = Policy();

        var end = policy.EndOfDay(Day(date));

        Assert.Equal(At(expected), end);
        Assert.Equal(TimeSpan.Zero, end.Offset);
        var local = TimeZoneInfo.ConvertTime(end, policy.Zone);
        Assert.Equal(Day(date).ToDateTime(new TimeOnly(23, 59, 59)), local.DateTime);
    }

    [Theory]
    // With those Sundays made working days, the term ends on the DST-change day itself.
    [InlineData("2026-03-14T10:00:00+02:00", true, "2026-03-29T20:59:59Z")]
    [InlineData("2026-10-10T10:00:00+03:00", true, "2026-10-25T21:59:59Z")]
    // Otherwise on the Monday after, at that Monday's offset.
    [InlineData("2026-03-14T10:00:00+02:00", false, "2026-03-30T20:59:59Z")]
    [InlineData("2026-10-10T10:00:00+03:00", false, "2026-10-26T21:59:59Z")]
    public void EndOfTermInDays_WhenLastDayIsDstChange_EndsAtLocal235959(string from, bool sundaysWorking, string expected)
    {
        CalendarDay[] sundays = sundaysWorking
            ?
            [
                new(Day("2026-03-29"), CalendarDayKind.WorkingDay, "Робоча неділя"),
                new(Day("2026-10-25"), CalendarDayKind.WorkingDay, "Робоча неділя"),
            ]
            : [];
        var policy = Policy(Peacetime(sundays));

        Assert.Equal(At(expected), policy.EndOfTermInDays(At(from), 15));
    }

    [Theory]
    [InlineData("2026-01-31T12:00:00+02:00", 1, "2026-03-02T21:59:59Z")] // 28 Feb is a Saturday
    [InlineData("2026-03-31T10:00:00+03:00", 1, "2026-04-30T20:59:59Z")] // no 31 April
    [InlineData("2027-01-30T10:00:00+02:00", 1, "2027-03-01T21:59:59Z")] // 28 Feb 2027 is a Sunday
    [InlineData("2028-01-31T12:00:00+02:00", 1, "2028-02-29T21:59:59Z")] // leap year
    [InlineData("2026-12-08T10:00:00+02:00", 1, "2027-01-08T21:59:59Z")]
    [InlineData("2026-02-02T10:00:00+02:00", 2, "2026-04-02T20:59:59Z")]
    public void EndOfTermInMonths_WhenMonthIsShorter_EndsOnItsLastDayOrNextWorkingDay(string from, int months, string expected)
    {
        Assert.Equal(At(expected), Policy().EndOfTermInMonths(At(from), months));
    }

    [Theory]
    [InlineData("2026-02-02T10:00:00+02:00", false, "2026-02-17T21:59:59Z")]
    [InlineData("2026-02-02T10:00:00+02:00", true, "2026-03-02T21:59:59Z")]
    [InlineData("2026-04-16T09:00:00+03:00", false, "2026-05-04T20:59:59Z")]
    [InlineData("2026-04-16T09:00:00+03:00", true, "2026-05-18T20:59:59Z")]
    public void LegalLimit_WhenStudyNeededOrNot_IsFifteenDaysOrOneMonth(string receivedAt, bool needsStudy, string expected)
    {
        Assert.Equal(At(expected), Policy().LegalLimit(At(receivedAt), needsStudy));
    }

    [Theory]
    [InlineData("2026-02-02T10:00:00+02:00", "2026-03-19T21:59:59Z")]
    [InlineData("2026-04-16T09:00:00+03:00", "2026-06-01T20:59:59Z")] // 31 May is Trinity, a Sunday
    [InlineData("2026-11-20T09:00:00+02:00", "2027-01-04T21:59:59Z")] // 4 January 2027, a Monday
    public void MaxDueAt_WhenReceived_IsFortyFiveDaysShiftedToWorkingDay(string receivedAt, string expected)
    {
        Assert.Equal(At(expected), Policy().MaxDueAt(At(receivedAt)));
    }

    [Theory]
    [InlineData(TermUnit.Days, 1)]
    [InlineData(TermUnit.Days, 15)]
    [InlineData(TermUnit.Days, 45)]
    [InlineData(TermUnit.Days, 365)]
    [InlineData(TermUnit.Hours, 24 * 60)]
    public void DueAt_WhenAnyTerm_NeverLaterThanMaxDueAt(TermUnit unit, int value)
    {
        var policy = Policy();
        var receivedAt = At("2026-01-31T12:00:00+02:00");

        foreach (var needsStudy in new[] { false, true })
        {
            Assert.True(policy.DueAt(receivedAt, new NormativeTerm(value, unit), needsStudy) <= policy.MaxDueAt(receivedAt));
        }
    }

    [Theory]
    // 3 May is a Sunday: forwarding ends on Monday 4 May; 8 May is a holiday: return ends on Monday 11 May.
    [InlineData("2026-04-28T10:00:00+03:00", false, "2026-05-04T20:59:59Z", "2026-05-11T20:59:59Z")]
    [InlineData("2026-04-28T10:00:00+03:00", true, "2026-05-04T20:59:59Z", "2026-05-08T20:59:59Z")]
    [InlineData("2026-04-26T10:00:00+03:00", false, "2026-05-04T20:59:59Z", "2026-05-06T20:59:59Z")]
    public void ForwardingAndReturnDueAt_WhenReceived_AreFiveAndTenDays(
        string receivedAt, bool martialLaw, string forwarding, string returning)
    {
        var policy = Policy(martialLaw ? MartialLaw() : Peacetime());

        Assert.Equal(At(forwarding), policy.ForwardingDueAt(At(receivedAt)));
        Assert.Equal(At(returning), policy.ReturnDueAt(At(receivedAt)));
    }

    [Theory]
    [InlineData("2026-04-29T20:59:59Z", 24, DeadlineState.AtRisk)]   // exactly at the term: not overdue
    [InlineData("2026-04-29T21:00:00Z", 24, DeadlineState.Overdue)]  // one second after
    [InlineData("2026-04-28T20:59:59Z", 24, DeadlineState.AtRisk)]   // the window's edge
    [InlineData("2026-04-28T20:59:58Z", 24, DeadlineState.OnTime)]   // a second before the window
    [InlineData("2026-04-01T00:00:00Z", 24, DeadlineState.OnTime)]
    [InlineData("2026-04-29T20:59:59Z", 0, DeadlineState.AtRisk)]
    [InlineData("2026-04-29T20:59:58Z", 0, DeadlineState.OnTime)]
    [InlineData("2026-05-10T00:00:00Z", 0, DeadlineState.Overdue)]
    public void StateAt_WhenNowAroundTheTerm_IsOnTimeAtRiskOrOverdue(string now, int windowHours, DeadlineState expected)
    {
        var dueAt = At("2026-04-29T20:59:59Z");

        Assert.Equal(expected, DeadlinePolicy.StateAt(dueAt, At(now), TimeSpan.FromHours(windowHours)));
    }

    [Fact]
    public void StateAt_WhenDefaultWindow_IsOneDay()
    {
        var dueAt = At("2026-04-29T20:59:59Z");

        Assert.Equal(TimeSpan.FromHours(24), DeadlinePolicy.DefaultAtRiskWindow);
        Assert.Equal(DeadlineState.AtRisk, DeadlinePolicy.StateAt(dueAt, dueAt.AddDays(-1), DeadlinePolicy.DefaultAtRiskWindow));
    }

    [Fact]
    public void Constructor_WhenNoZone_UsesKyiv()
    {
        var policy = new DeadlinePolicy(WorkingCalendar.WeekendsOnly);

        Assert.Same(WorkingCalendar.WeekendsOnly, policy.Calendar);
        Assert.Same(DeadlinePolicy.Kyiv, policy.Zone);
        Assert.Contains(DeadlinePolicy.Kyiv.Id, new[] { "Europe/Kyiv", "Europe/Kiev" });
    }

    [Fact]
    public void EndOfDay_WhenOtherZone_UsesThatZone()
    {
        var policy = new DeadlinePolicy(WorkingCalendar.WeekendsOnly, TimeZoneInfo.Utc);

        Assert.Equal(At("2026-03-29T23:59:59Z"), policy.EndOfDay(Day("2026-03-29")));
    }

    [Fact]
    public void Constants_AreTheTermsOfTheLaw()
    {
        Assert.Equal(
            [15, 45, 5, 10],
            new[] { DeadlinePolicy.NoStudyDays, DeadlinePolicy.MaxTotalDays, DeadlinePolicy.ForwardingDays, DeadlinePolicy.ReturnDays });
    }

    [Fact]
    public void Arguments_WhenInvalid_Throw()
    {
        var policy = Policy();
        var receivedAt = At("2026-02-02T10:00:00+02:00");

        Assert.Throws<ArgumentNullException>(() => new DeadlinePolicy(null!));
        Assert.Throws<ArgumentNullException>(() => policy.DueAt(receivedAt, null!, needsAdditionalStudy: false));
        Assert.Throws<ArgumentOutOfRangeException>(() => policy.EndOfTermInDays(receivedAt, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => policy.EndOfTermInMonths(receivedAt, -1));
    }
}
