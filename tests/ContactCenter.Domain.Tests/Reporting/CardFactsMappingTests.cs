using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Reporting;
using static ContactCenter.Domain.Tests.Appeals.AppealBuilder;

namespace ContactCenter.Domain.Tests.Reporting;

public sealed class CardFactsMappingTests
{
    [Fact]
    public void TheTermsOfForwardingAndOfAReturn_ChangeTheDueDate_ButAreNoAdditionalControl()
    {
        // §2.4, §3.3: only an approved extension puts a card under additional control; the 5-day term of forwarding and
        // the 10-day term of a return (ст. 5, 7 Закону) are the card's new course, not an extension of its term.
        var forwarded = ToBeForwarded().ToFacts();
        var returned = ToBeReturned().ToFacts();

        Assert.Equal([DueDateChangeKind.Initial, DueDateChangeKind.Forwarding], forwarded.DueDates.Select(d => d.Kind));
        Assert.Equal([DueDateChangeKind.Initial, DueDateChangeKind.Return], returned.DueDates.Select(d => d.Kind));
        Assert.False(forwarded.IsExtendedAt(Now.AddDays(2)));
        Assert.False(returned.IsExtendedAt(Now.AddDays(2)));
        Assert.NotEqual(forwarded.DueDates[0].DueAt, forwarded.DueAtAsOf(Now.AddDays(2)));

        var extended = Extended().ToFacts();
        Assert.Equal(DueDateChangeKind.Extension, extended.DueDates[^1].Kind);
        Assert.True(extended.IsExtendedAt(Now.AddDays(6)));
    }

    [Fact]
    public void ToFacts_OfAnExtendedRedirectedRepeat_CarriesItsWholeHistory()
    {
        var appeal = Registered(repeatOf: new RepeatMatch(EarlierAppealId, "2026-000001", false));
        var redirect = appeal.RequestRedirect(StaffA, Now.AddHours(1), "Не наша мережа").Value;
        Assert.True(appeal.ApproveRedirect(Operator, Now.AddHours(2), redirect, ExecutorB(), "Погоджено").IsSuccess);
        var staffB = StaffB;
        var proof = appeal.AddAttachment(staffB, Now.AddHours(3), Photo).Value;
        var extension = appeal.RequestExtension(staffB, Now.AddHours(4), "Заміна труби", DueAt.AddDays(5), [proof]).Value;
        Assert.True(appeal.ApproveExtension(Operator, Now.AddHours(5), extension, DueAt.AddDays(5), "Погоджено").IsSuccess);

        var facts = appeal.ToFacts();

        Assert.Equal(ExecutorBId, facts.ExecutorId);
        Assert.Equal(DirectionBId, facts.DirectionId);
        Assert.True(facts.IsRepeat);
        Assert.Equal([DueAt, DueAt.AddDays(5)], facts.DueDates.Select(d => d.DueAt));
        var move = Assert.Single(facts.Redirects);
        Assert.Equal((ExecutorAId, ExecutorBId), (move.FromExecutorId, move.ToExecutorId));
        Assert.Equal(DueAt, facts.DueAtAsOf(Now.AddHours(4)));
        Assert.Equal(DueAt.AddDays(5), facts.DueAtAsOf(Now.AddHours(5)));
        Assert.True(facts.IsOpenAt(Now.AddDays(1)));
    }
}
