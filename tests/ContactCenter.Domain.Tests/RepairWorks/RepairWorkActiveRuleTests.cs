using ContactCenter.Domain.RepairWorks;
using static ContactCenter.Domain.Tests.RepairWorks.RepairWorkBuilder;

namespace ContactCenter.Domain.Tests.RepairWorks;

/// <summary><see cref="RepairWork.IsActive"/> on plain values is the very rule of <see cref="RepairWork.IsActiveAt"/>.</summary>
public sealed class RepairWorkActiveRuleTests
{
    public static TheoryData<string> Works => new() { "planned", "in progress", "emergency", "completed", "cancelled" };

    [Theory]
    [MemberData(nameof(Works))]
    public void IsActive_OnTheWorksValues_AgreesWithIsActiveAt(string state)
    {
        var work = state switch
        {
            "planned" => Planned(),
            "in progress" => InProgress(),
            "emergency" => RegisterEmergency().Value,
            "completed" => Completed(),
            _ => Cancelled(),
        };

        foreach (var hours in new[] { -48, 0, 47, 48, 50, 54, 100 })
        {
            var instant = Now.AddHours(hours);
            Assert.Equal(work.IsActiveAt(instant), RepairWork.IsActive(work.Status, work.PlannedStart, work.PlannedEnd, instant));
        }
    }

    [Fact]
    public void AnEmergency_IsActiveUntilClosed()
    {
        var work = RegisterEmergency().Value;

        Assert.True(RepairWork.IsActive(work.Status, work.PlannedStart, work.PlannedEnd, work.PlannedEnd.AddDays(1)));

        Assert.True(work.Complete(Responsible, Now.AddHours(1), "Усунено").IsSuccess);
        Assert.False(RepairWork.IsActive(work.Status, work.PlannedStart, work.PlannedEnd, Now.AddHours(1)));
    }
}
