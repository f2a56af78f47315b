using ContactCenter.Domain.Reporting;

namespace ContactCenter.Domain.Tests.Reporting;

public sealed class ReportingPeriodTests
{
    private static readonly TimeZoneInfo Kyiv = TimeZoneInfo.FindSystemTimeZoneById("Europe/Kyiv");

    private static DateTimeOffset Utc(int year, int month, int day, int hour = 0, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void Constructor_WhenToEqualsFrom_Throws()
    {
        var instant = Utc(2026, 3, 1);
        Assert.Throws<ArgumentException>(() => new ReportingPeriod(instant, instant));
    }

    [Fact]
    public void Constructor_WhenToBeforeFrom_Throws()
    {
        Assert.Throws<ArgumentException>(() => new ReportingPeriod(Utc(2026, 3, 2), Utc(2026, 3, 1)));
    }

    [Theory]
    [InlineData(0, true)]          // exactly From
    [InlineData(1, true)]          // one tick after From
    [InlineData(-1, false)]        // one tick before From
    public void Contains_AtFromBoundary_IncludesFrom(long ticksFromStart, bool expected)
    {
        var period = new ReportingPeriod(Utc(2026, 3, 1), Utc(2026, 3, 2));
        Assert.Equal(expected, period.Contains(period.From.AddTicks(ticksFromStart)));
    }

    [Theory]
    [InlineData(0, false)]         // exactly To
    [InlineData(-1, true)]         // one tick before To
    [InlineData(1, false)]
    public void Contains_AtToBoundary_ExcludesTo(long ticksFromEnd, bool expected)
    {
        var period = new ReportingPeriod(Utc(2026, 3, 1), Utc(2026, 3, 2));
        Assert.Equal(expected, period.Contains(period.To.AddTicks(ticksFromEnd)));
    }

    [Fact]
    public void Month_March2026InKyiv_StartsInWinterTimeAndEndsInSummerTime()
    {
        var march = ReportingPeriod.Month(2026, 3, Kyiv);

        // 01.03.2026 00:00 EET (+02:00) and 01.04.2026 00:00 EEST (+03:00); clocks go forward on 29.03.2026.
        Assert.Equal(Utc(2026, 2, 28, 22), march.From);
        Assert.Equal(Utc(2026, 3, 31, 21), march.To);
        Assert.Equal(TimeSpan.Zero, march.From.Offset);
        Assert.Equal(TimeSpan.Zero, march.To.Offset);
        Assert.Equal(TimeSpan.FromDays(31) - TimeSpan.FromHours(1), march.Length);
        Assert.Equal(ReportingPeriodKind.Month, march.Kind);
    }

    [Fact]
    public void Month_October2026InKyiv_StartsInSummerTimeAndEndsInWinterTime()
    {
        var october = ReportingPeriod.Month(2026, 10, Kyiv);

        // 01.10.2026 00:00 EEST (+03:00) and 01.11.2026 00:00 EET (+02:00); clocks go back on 25.10.2026.
        Assert.Equal(Utc(2026, 9, 30, 21), october.From);
        Assert.Equal(Utc(2026, 10, 31, 22), october.To);
        Assert.Equal(TimeSpan.FromDays(31) + TimeSpan.FromHours(1), october.Length);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    public void Month_WhenMonthOutOfRange_Throws(int month)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportingPeriod.Month(2026, month, Kyiv));
    }

    [Fact]
    public void Day_OnSpringClockChange_Lasts23Hours()
    {
        var day = ReportingPeriod.Day(new DateOnly(2026, 3, 29), Kyiv);

        Assert.Equal(Utc(2026, 3, 28, 22), day.From);
        Assert.Equal(Utc(2026, 3, 29, 21), day.To);
        Assert.Equal(ReportingPeriodKind.Day, day.Kind);
    }

    [Fact]
    public void Day_OnAutumnClockChange_Lasts25Hours()
    {
        var day = ReportingPeriod.Day(new DateOnly(2026, 10, 25), Kyiv);

        Assert.Equal(TimeSpan.FromHours(25), day.Length);
    }

    [Fact]
    public void Week_WhenMonday_SpansSevenLocalDays()
    {
        var week = ReportingPeriod.Week(new DateOnly(2026, 3, 23), Kyiv);

        Assert.Equal(Utc(2026, 3, 22, 22), week.From);
        Assert.Equal(Utc(2026, 3, 29, 21), week.To);
        Assert.Equal(ReportingPeriodKind.Week, week.Kind);
    }

    [Fact]
    public void Week_WhenTuesday_Throws()
    {
        Assert.Throws<ArgumentException>(() => ReportingPeriod.Week(new DateOnly(2026, 3, 24), Kyiv));
    }

    [Fact]
    public void Previous_OfMarch_IsFebruaryNotTheSameLength()
    {
        var previous = ReportingPeriod.Month(2026, 3, Kyiv).Previous();

        Assert.Equal(ReportingPeriod.Month(2026, 2, Kyiv), previous);
        Assert.Equal(Utc(2026, 1, 31, 22), previous.From);
        Assert.Equal(Utc(2026, 2, 28, 22), previous.To);
    }

    [Fact]
    public void Previous_OfJanuary_IsDecemberOfThePreviousYear()
    {
        Assert.Equal(ReportingPeriod.Month(2025, 12, Kyiv), ReportingPeriod.Month(2026, 1, Kyiv).Previous());
    }

    [Fact]
    public void Previous_OfNovember_IsOctoberWithItsExtraHour()
    {
        var previous = ReportingPeriod.Month(2026, 11, Kyiv).Previous();

        Assert.Equal(ReportingPeriod.Month(2026, 10, Kyiv), previous);
        Assert.Equal(ReportingPeriod.Month(2026, 11, Kyiv).From, previous.To);
    }

    [Fact]
    public void Previous_OfDayAfterSpringClockChange_IsThe23HourDay()
    {
        var previous = ReportingPeriod.Day(new DateOnly(2026, 3, 30), Kyiv).Previous();

        Assert.Equal(ReportingPeriod.Day(new DateOnly(2026, 3, 29), Kyiv), previous);
        Assert.Equal(TimeSpan.FromHours(23), previous.Length);
    }

    [Fact]
    public void Previous_OfWeek_IsThePreviousMondayToSunday()
    {
        Assert.Equal(
            ReportingPeriod.Week(new DateOnly(2026, 3, 23), Kyiv),
            ReportingPeriod.Week(new DateOnly(2026, 3, 30), Kyiv).Previous());
    }

    [Fact]
    public void Previous_OfCustomPeriod_HasTheSameLengthAndEndsAtFrom()
    {
        var period = new ReportingPeriod(Utc(2026, 3, 10, 6), Utc(2026, 3, 12, 18));

        var previous = period.Previous();

        Assert.Equal(new ReportingPeriod(Utc(2026, 3, 7, 18), Utc(2026, 3, 10, 6)), previous);
        Assert.Equal(ReportingPeriodKind.Custom, previous.Kind);
    }

    [Fact]
    public void Quarter_IsThreeLocalMonths_AndItsPreviousCrossesTheYear()
    {
        var first = ReportingPeriod.Quarter(2026, 1, Kyiv);

        // Kyiv is UTC+2 in winter: the quarter starts at 22:00 UTC on 31 December.
        Assert.Equal(Utc(2025, 12, 31, 22), first.From);
        Assert.Equal(Utc(2026, 3, 31, 21), first.To);
        Assert.Equal(ReportingPeriodKind.Quarter, first.Kind);
        Assert.Equal(ReportingPeriod.Quarter(2025, 4, Kyiv), first.Previous());
        Assert.Equal(ReportingPeriod.Quarter(2026, 3, Kyiv), ReportingPeriod.Quarter(2026, 4, Kyiv).Previous());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void Quarter_OutsideOneToFour_Throws(int quarter) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportingPeriod.Quarter(2026, quarter, Kyiv));
}
