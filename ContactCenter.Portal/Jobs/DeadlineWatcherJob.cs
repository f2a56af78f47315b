using ContactCenter.Portal.Features.Deadlines;
using ContactCenter.Portal.Realtime;
using Quartz;

namespace ContactCenter.Portal.Jobs;

/// <summary>
/// Every minute (§4.1: deadlines are controlled automatically): cards whose due date has passed are marked overdue,
/// cards entering the at-risk window are marked at risk, and repair works past their planned end are flagged to
/// their executor. A backlog after downtime is worked off batch by batch.
/// </summary>
[DisallowConcurrentExecution]
public sealed class DeadlineWatcherJob(OverdueWatcher overdue, MarkAtRiskCards atRisk, FlagOverrunRepairWorks repairWorks) : IJob
{
    public static readonly JobKey Key = new("deadline-watcher", "deadlines");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        while (await overdue.MarkAsync(ct) == OverdueWatcher.Batch)
        {
        }

        while (await atRisk.MarkAsync(ct) == MarkAtRiskCards.Batch)
        {
        }

        while (await repairWorks.FlagAsync(ct) == FlagOverrunRepairWorks.Batch)
        {
        }
    }
}
