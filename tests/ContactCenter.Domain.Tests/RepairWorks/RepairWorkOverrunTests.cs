using ContactCenter.Domain.RepairWorks;
using static ContactCenter.Domain.Tests.RepairWorks.RepairWorkBuilder;

namespace ContactCenter.Domain.Tests.RepairWorks;

public sealed class RepairWorkOverrunTests
{
    [Fact]
    public void FlagOverrun_WhenThePlannedEndHasPassedAndTheWorksAreOpen_FlagsOnceAndRaisesAnEvent()
    {
        var work = InProgress();
        var late = work.PlannedEnd.AddMinutes(1);

        Assert.False(work.FlagOverrun(work.PlannedEnd));
        Assert.True(work.FlagOverrun(late));
        Assert.False(work.FlagOverrun(late.AddHours(1)));

        Assert.Equal(late, work.OverrunFlaggedAt);
        var overrun = Assert.IsType<RepairWorkOverrun>(Assert.Single(work.DomainEvents));
        Assert.Equal(work.PlannedEnd, overrun.PlannedEnd);
        Assert.Equal(ExecutorId, overrun.ExecutorId);
        Assert.Equal(2, work.Version);
    }

    [Fact]
    public void FlagOverrun_PlannedWorksNeverStartedNorCancelled_AreFlaggedToo()
    {
        var work = Planned();

        Assert.True(work.FlagOverrun(work.PlannedEnd.AddHours(1)));
    }

    [Fact]
    public void FlagOverrun_ClosedWorks_AreNeverFlagged()
    {
        Assert.False(Completed().FlagOverrun(Now.AddDays(30)));
        Assert.False(Cancelled().FlagOverrun(Now.AddDays(30)));
    }

    [Fact]
    public void ExtendEnd_AfterAFlag_ClearsIt_SoTheNewEndIsWatched()
    {
        var work = InProgress();
        var late = work.PlannedEnd.AddHours(1);
        work.FlagOverrun(late);

        Assert.True(work.ExtendEnd(Responsible, late, late.AddHours(4)).IsSuccess);

        Assert.Null(work.OverrunFlaggedAt);
        Assert.False(work.FlagOverrun(late.AddHours(3)));
        Assert.True(work.FlagOverrun(late.AddHours(5)));
    }
}
