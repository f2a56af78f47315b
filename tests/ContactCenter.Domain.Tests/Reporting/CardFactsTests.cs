using ContactCenter.Domain.Reporting;

namespace ContactCenter.Domain.Tests.Reporting;

public sealed class CardFactsTests
{
    private static readonly DateTimeOffset Registered = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset InitialDue = Registered.AddDays(15);
    private static readonly DateTimeOffset ExtensionApproved = Registered.AddDays(10);
    private static readonly DateTimeOffset ExtendedDue = Registered.AddDays(30);

    private static CardFacts ExtendedCard() =>
        new CardFactsBuilder().RegisteredAt(Registered).DueAt(InitialDue).ExtendedAt(ExtensionApproved, ExtendedDue).Build();

    [Fact]
    public void Constructor_WhenNoDueDates_Throws()
    {
        Assert.Throws<ArgumentException>(() => new CardFacts(
            Guid.NewGuid(), "КЦ-1", TestIds.ExecutorA, null, Registered, null, [], null, [], false));
    }

    [Fact]
    public void DueAtAsOf_BeforeTheExtension_IsTheInitialDueDate()
    {
        Assert.Equal(InitialDue, ExtendedCard().DueAtAsOf(ExtensionApproved.AddTicks(-1)));
    }

    [Fact]
    public void DueAtAsOf_FromTheExtensionOn_IsTheExtendedDueDate()
    {
        var card = ExtendedCard();

        Assert.Equal(ExtendedDue, card.DueAtAsOf(ExtensionApproved));
        Assert.Equal(ExtendedDue, card.DueAtAsOf(ExtendedDue.AddYears(1)));
    }

    [Fact]
    public void DueAtAsOf_BeforeRegistration_IsTheInitialDueDate()
    {
        Assert.Equal(InitialDue, ExtendedCard().DueAtAsOf(Registered.AddDays(-1)));
    }

    [Fact]
    public void DueAtAsOf_WithTwoExtensions_FollowsTheHistory()
    {
        var second = ExtensionApproved.AddDays(25);
        var card = new CardFactsBuilder().RegisteredAt(Registered).DueAt(InitialDue)
            .ExtendedAt(ExtensionApproved, ExtendedDue)
            .ExtendedAt(second, ExtendedDue.AddDays(20))
            .Build();

        Assert.Equal(InitialDue, card.DueAtAsOf(Registered));
        Assert.Equal(ExtendedDue, card.DueAtAsOf(second.AddTicks(-1)));
        Assert.Equal(ExtendedDue.AddDays(20), card.DueAtAsOf(second));
    }

    [Fact]
    public void IsExtendedAt_IsFalseBeforeTheApprovalAndTrueFromIt()
    {
        var card = ExtendedCard();

        Assert.False(card.IsExtendedAt(ExtensionApproved.AddTicks(-1)));
        Assert.True(card.IsExtendedAt(ExtensionApproved));
    }

    [Fact]
    public void IsExtendedAt_WithOnlyTheInitialDueDate_IsFalse()
    {
        Assert.False(new CardFactsBuilder().RegisteredAt(Registered).Build().IsExtendedAt(Registered.AddYears(1)));
    }

    [Fact]
    public void IsOpenAt_AtTheRegistrationInstant_IsFalse()
    {
        Assert.False(new CardFactsBuilder().RegisteredAt(Registered).Build().IsOpenAt(Registered));
    }

    [Fact]
    public void IsOpenAt_AfterRegistrationWhileNotClosed_IsTrue()
    {
        Assert.True(new CardFactsBuilder().RegisteredAt(Registered).Build().IsOpenAt(Registered.AddTicks(1)));
    }

    [Fact]
    public void IsOpenAt_AtTheClosingInstant_IsStillTrue_AndFalseAfter()
    {
        var closed = Registered.AddDays(3);
        var card = new CardFactsBuilder().RegisteredAt(Registered).ClosedAt(closed).Build();

        Assert.True(card.IsOpenAt(closed));
        Assert.False(card.IsOpenAt(closed.AddTicks(1)));
    }
}
