using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Reporting;
using static ContactCenter.Domain.Tests.Appeals.AppealBuilder;

namespace ContactCenter.Domain.Tests.Reporting;

public sealed class CardFactsMappingTests
{
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
