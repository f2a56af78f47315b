using ContactCenter.Portal.Features.Reports;
using Quartz;

namespace ContactCenter.Portal.Jobs;

/// <summary>Each night, and once as the scheduler starts (the catch-up): keeps the figures of the months that have ended.</summary>
[DisallowConcurrentExecution]
public sealed class ClosedMonthsJob(KeepClosedMonths months) : IJob
{
    public static readonly JobKey Key = new("closed-months", "reports");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await months.RunAsync(cancellationToken);
}
