using ContactCenter.Portal.Features.Reports;
using Quartz;

namespace ContactCenter.Portal.Jobs;

/// <summary>Every minute, and once as the scheduler starts (the catch-up): builds the reports that have fallen due.</summary>
[DisallowConcurrentExecution]
public sealed class ReportsDueJob(ScheduledReports reports) : IJob
{
    public static readonly JobKey Key = new("reports-due", "reports");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await reports.RunAsync(cancellationToken);
}
