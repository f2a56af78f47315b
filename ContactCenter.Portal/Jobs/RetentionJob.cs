using ContactCenter.Portal.Features.Retention;
using Quartz;

namespace ContactCenter.Portal.Jobs;

/// <summary>Daily at night: removes the cards kept longer than §2.6 allows.</summary>
[DisallowConcurrentExecution]
public sealed class RetentionJob(RemoveExpiredCards retention) : IJob
{
    public static readonly JobKey Key = new("retention", "retention");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await retention.RunAsync(cancellationToken);
}
