using ContactCenter.Domain.Deadlines;
using ContactCenter.Domain.Reporting;
using static ContactCenter.Domain.Tests.Deadlines.Dates;

namespace ContactCenter.Domain.Tests.Reporting;

public sealed class DayToDateTests
{
    private static readonly TimeZoneInfo Kyiv = DeadlinePolicy.Kyiv;

    [Theory]
    // The last second of 28.03.2026 in Kyiv (EET, +02:00) is still that day.
    [InlineData("2026-03-28T21:59:59Z", "2026-03-27T22:00:00Z", "2026-03-28T22:00:00Z")]
    // Kyiv midnight starts 29.03.2026, the day the clocks go forward: 23 hours long.
    [InlineData("2026-03-28T22:00:00Z", "2026-03-28T22:00:00Z", "2026-03-29T21:00:00Z")]
    [InlineData("2026-03-29T20:59:59Z", "2026-03-28T22:00:00Z", "2026-03-29T21:00:00Z")]
    // 25.10.2026, the day the clocks go back: starts at +03:00, ends at +02:00, 25 hours long.
    [InlineData("2026-10-24T20:59:59Z", "2026-10-23T21:00:00Z", "2026-10-24T21:00:00Z")]
    [InlineData("2026-10-24T21:00:00Z", "2026-10-24T21:00:00Z", "2026-10-25T22:00:00Z")]
    [InlineData("2026-10-25T21:59:59Z", "2026-10-24T21:00:00Z", "2026-10-25T22:00:00Z")]
    public void Today_IsTheKyivCalendarDayOfTheMoment(string now, string from, string to)
    {
        var day = DayToDate.At(At(now), Kyiv);

        Assert.Equal(At(from), day.Today.From);
        Assert.Equal(At(to), day.Today.To);
        Assert.True(day.Today.Contains(At(now)));
    }

    [Fact]
    public void DaysOfTheClockChanges_Are23And25HoursLong()
    {
        Assert.Equal(TimeSpan.FromHours(23), DayToDate.At(At("2026-03-29T12:00:00Z"), Kyiv).Today.Length);
        Assert.Equal(TimeSpan.FromHours(25), DayToDate.At(At("2026-10-25T12:00:00Z"), Kyiv).Today.Length);
    }

    [Theory]
    // An ordinary morning: 10:15 Kyiv on 02.03.2026 against 10:15 on 01.03.
    [InlineData("2026-03-02T08:15:00Z", "2026-02-28T22:00:00Z", "2026-03-01T08:15:00Z")]
    // Right at midnight nothing of yesterday is compared yet.
    [InlineData("2026-03-01T22:00:00Z", "2026-02-28T22:00:00Z", "2026-02-28T22:00:00Z")]
    // 10:00 on the 23-hour day (EEST) against 10:00 the day before (EET): the same wall-clock time, two hours apart in UTC offsets.
    [InlineData("2026-03-29T07:00:00Z", "2026-03-27T22:00:00Z", "2026-03-28T08:00:00Z")]
    // 03:30 on 30.03: that time was skipped on 29.03 (03:00 became 04:00 at 01:00 UTC); the clock passed it at the jump.
    [InlineData("2026-03-30T00:30:00Z", "2026-03-28T22:00:00Z", "2026-03-29T01:00:00Z")]
    // 10:00 on the day after the 25-hour day against 10:00 of that day, in winter time.
    [InlineData("2026-10-26T08:00:00Z", "2026-10-24T21:00:00Z", "2026-10-25T08:00:00Z")]
    // 03:30 on 26.10: 25.10 showed 03:30 twice; the first showing (still +03:00) is taken.
    [InlineData("2026-10-26T01:30:00Z", "2026-10-24T21:00:00Z", "2026-10-25T00:30:00Z")]
    // 10:00 on 25.10 (winter time since 04:00) against 10:00 on 24.10 (summer time).
    [InlineData("2026-10-25T08:00:00Z", "2026-10-23T21:00:00Z", "2026-10-24T07:00:00Z")]
    public void Yesterday_IsCountedUpToTheSameWallClockTime(string now, string yesterdayFrom, string sameTime)
    {
        var day = DayToDate.At(At(now), Kyiv);

        Assert.Equal(At(yesterdayFrom), day.YesterdayFrom);
        Assert.Equal(At(sameTime), day.SameTimeYesterday);
        Assert.Equal(TimeSpan.Zero, day.SameTimeYesterday.Offset);
    }

    [Fact]
    public void Now_IsKeptInUtc()
    {
        var local = new DateTimeOffset(2026, 3, 2, 10, 15, 0, TimeSpan.FromHours(2));

        var day = DayToDate.At(local, Kyiv);

        Assert.Equal(local, day.Now);
        Assert.Equal(TimeSpan.Zero, day.Now.Offset);
    }
}
