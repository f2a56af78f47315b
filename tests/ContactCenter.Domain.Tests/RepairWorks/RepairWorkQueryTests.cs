using ContactCenter.Domain.RepairWorks;
using static ContactCenter.Domain.Tests.RepairWorks.RepairWorkBuilder;

namespace ContactCenter.Domain.Tests.RepairWorks;

public sealed class RepairWorkQueryTests
{
    // ---- IsWorthNoticeAt ----

    [Theory]
    [InlineData(2, "вулиця Шевченка, 12", true)] // planned in two days on the street
    [InlineData(8, "вулиця Шевченка, 12", false)] // beyond the week operators are told about
    [InlineData(2, "вул. Соборна, 1", false)] // another street
    public void IsWorthNoticeAt_APlannedWork_IsTheWeekAheadAtItsAddresses(int daysAhead, string address, bool expected)
    {
        var work = RegisterPlanned(start: Now.AddDays(daysAhead)).Value;

        Assert.Equal(expected, work.IsWorthNoticeAt(address, Now));
    }

    [Fact]
    public void IsWorthNoticeAt_AnEmergencyGoingOn_IsAlwaysWorthTelling()
    {
        Assert.True(RegisterEmergency().Value.IsWorthNoticeAt("вул. Київська, 5", Now));
    }

    // ---- IsActiveAt ----

    [Theory]
    [InlineData(-1, false)] // a minute before the planned start
    [InlineData(0, true)] // at the planned start
    [InlineData(180, true)]
    [InlineData(359, true)] // the last minute of the 6-hour window
    [InlineData(360, false)] // at the planned end
    public void IsActiveAt_WhenPlannedNotStarted_IsActiveInsidePlannedWindow(int minutesFromStart, bool expected)
    {
        var work = Planned();

        Assert.Equal(expected, work.IsActiveAt(work.PlannedStart.AddMinutes(minutesFromStart)));
    }

    [Fact]
    public void IsActiveAt_WhenInProgressPastPlannedEnd_IsActive()
    {
        var work = InProgress();

        Assert.True(work.IsActiveAt(work.PlannedEnd.AddHours(3)));
    }

    [Fact]
    public void IsActiveAt_WhenEmergencyInProgress_IsActive()
    {
        var work = RegisterEmergency().Value;

        Assert.True(work.IsActiveAt(Now));
    }

    [Fact]
    public void IsActiveAt_WhenCompleted_IsNotActive()
    {
        var work = Completed();

        Assert.False(work.IsActiveAt(work.PlannedStart.AddHours(1)));
    }

    [Fact]
    public void IsActiveAt_WhenCancelled_IsNotActiveInPlannedWindow()
    {
        var work = Cancelled();

        Assert.False(work.IsActiveAt(work.PlannedStart.AddHours(1)));
    }

    // ---- IsUpcoming ----

    [Theory]
    [InlineData(47, false)] // starts an hour beyond the horizon
    [InlineData(48, true)] // starts exactly at the horizon
    [InlineData(72, true)]
    public void IsUpcoming_WhenPlanned_IsTrueIfStartWithinHorizon(int horizonHours, bool expected)
    {
        var work = Planned(); // starts at Now + 48 h

        Assert.Equal(expected, work.IsUpcoming(Now, TimeSpan.FromHours(horizonHours)));
    }

    [Fact]
    public void IsUpcoming_WhenPlannedStartAlreadyPassed_IsFalse()
    {
        var work = Planned();

        Assert.False(work.IsUpcoming(work.PlannedStart, TimeSpan.FromDays(7)));
    }

    [Fact]
    public void IsUpcoming_WhenInProgress_IsFalse()
    {
        var work = InProgress();

        Assert.False(work.IsUpcoming(Now, TimeSpan.FromDays(7)));
    }

    [Fact]
    public void IsUpcoming_WhenCancelled_IsFalse()
    {
        var work = Cancelled();

        Assert.False(work.IsUpcoming(Now, TimeSpan.FromDays(7)));
    }

    // ---- AffectsAddress ----

    [Theory]
    [InlineData("вулиця Шевченка, 12", true)] // a street entry covers its buildings
    [InlineData("вул. Шевченка", true)]
    [InlineData("ШЕВЧЕНКА 1а", true)]
    [InlineData("Шевченка, 12/3", true)]
    [InlineData("вул. Шевченка Тараса, 12", false)] // another street whose name begins the same
    [InlineData("вул. Шевченківська, 3", false)]
    [InlineData("вул. Київська, 5", true)] // a building entry covers that building
    [InlineData("вулиця Київська 5", true)]
    [InlineData("Київська, буд. 5", true)]
    [InlineData("вул. Київська, 7", false)] // only that building
    [InlineData("вул. Київська, 51", false)]
    [InlineData("вул. Київська", false)] // the street as a whole is not cut
    [InlineData("просп. Миру, 1", false)]
    [InlineData("", false)]
    [InlineData("  ", false)]
    public void AffectsAddress_WhenAddressWrittenAnyWay_MatchesNormalisedEntries(string address, bool expected)
    {
        var work = Planned(); // вул. Шевченка; вул. Київська, 5

        Assert.Equal(expected, work.AffectsAddress(address));
    }
}
