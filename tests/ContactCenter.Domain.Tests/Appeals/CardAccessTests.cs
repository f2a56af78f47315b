using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Common;
using static ContactCenter.Domain.Tests.Appeals.AppealBuilder;

namespace ContactCenter.Domain.Tests.Appeals;

public sealed class CardAccessTests
{
    public static TheoryData<string, bool> Viewers => new()
    {
        { "operator", true },
        { "admin", true },
        { "manager", true },
        { "mayor", true },
        { "staffA", true },
        { "performerA", true },
        { "headA", true },
        { "staffB", false },
        { "deputyA", true },
        { "deputyB", false },
        { "deputyNone", false },
        { "executorWithoutExecutor", false },
        { "applicant", false },
    };

    private static Actor ActorFor(string who) => who switch
    {
        "operator" => Operator,
        "admin" => new Actor("adm", "Адмін", Role.Admin),
        "manager" => new Actor("mgr", "Керуючий справами", Role.Manager),
        "mayor" => new Actor("may", "Міський голова", Role.Mayor),
        "staffA" => StaffA,
        "performerA" => PerformerActorA,
        "headA" => new Actor("head", "Керівник", Role.ExecutorHead, ExecutorAId),
        "staffB" => StaffB,
        "deputyA" => Deputy with { DirectionIds = [DirectionAId] },
        "deputyB" => Deputy with { DirectionIds = [DirectionBId] },
        "deputyNone" => Deputy,
        "executorWithoutExecutor" => new Actor("x", "Без виконавця", Role.ExecutorResponsible),
        "applicant" => Citizen,
        _ => throw new ArgumentOutOfRangeException(nameof(who)),
    };

    [Theory]
    [MemberData(nameof(Viewers))]
    public void CanView_ACardOfExecutorA_FollowsTheRoleAndTheData(string who, bool expected)
    {
        var appeal = Registered();

        Assert.Equal(expected, CardAccess.CanView(ActorFor(who), appeal));
    }

    [Fact]
    public void CanView_AfterRedirect_MovesWithTheCard()
    {
        var appeal = WithPendingRedirect(out var request);
        Assert.True(appeal.ApproveRedirect(Operator, Now.AddHours(1), request, ExecutorB(), "Компетенція іншого виконавця").IsSuccess);

        Assert.False(CardAccess.CanView(StaffA, appeal));
        Assert.True(CardAccess.CanView(StaffB, appeal));
        Assert.True(CardAccess.CanView(Deputy with { DirectionIds = [DirectionBId] }, appeal));
    }

    [Fact]
    public void ScopeOf_AnExecutor_IsTheirExecutorOnly()
    {
        var scope = CardAccess.ScopeOf(StaffA);

        Assert.Equal(CardScopeKind.Executor, scope.Kind);
        Assert.Equal(ExecutorAId, scope.ExecutorId);
    }
}
