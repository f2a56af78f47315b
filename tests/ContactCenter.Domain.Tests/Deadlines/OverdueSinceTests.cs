using ContactCenter.Domain.Deadlines;
using static ContactCenter.Domain.Tests.Deadlines.Dates;

namespace ContactCenter.Domain.Tests.Deadlines;

public sealed class OverdueSinceTests
{
    [Fact]
    public void ACardDueAtTheEndOfYesterday_TurnsOverdueToday()
    {
        var policy = Policy();
        var todayStarts = At("2026-03-02T22:00:00Z"); // 03.03.2026 00:00 in Kyiv
        var dueYesterday = policy.EndOfDay(new DateOnly(2026, 3, 2)); // 02.03.2026 23:59:59
        var dueTheDayBefore = policy.EndOfDay(new DateOnly(2026, 3, 1));

        var earliest = DeadlinePolicy.EarliestDueAtTurningOverdueSince(todayStarts);

        Assert.True(dueYesterday >= earliest);
        Assert.False(dueTheDayBefore >= earliest);

        // It was on time through its last second and is overdue from midnight on.
        Assert.NotEqual(DeadlineState.Overdue, DeadlinePolicy.StateAt(dueYesterday, todayStarts.AddSeconds(-1), TimeSpan.Zero));
        Assert.Equal(DeadlineState.Overdue, DeadlinePolicy.StateAt(dueYesterday, todayStarts, TimeSpan.Zero));
    }

    [Theory]
    [InlineData("2026-03-02T22:00:00Z", "2026-03-02T21:59:59Z")]
    // DST days: the bound follows the instant, whatever the offset.
    [InlineData("2026-03-28T22:00:00Z", "2026-03-28T21:59:59Z")]
    [InlineData("2026-10-24T21:00:00Z", "2026-10-24T20:59:59Z")]
    // Inside a second: a card due in the previous whole second turned overdue before the instant.
    [InlineData("2026-03-02T10:00:00.5Z", "2026-03-02T10:00:00Z")]
    public void EarliestDueAt_IsTheSecondBeforeTheInstant(string instant, string expected)
    {
        Assert.Equal(At(expected), DeadlinePolicy.EarliestDueAtTurningOverdueSince(At(instant)));
    }
}
