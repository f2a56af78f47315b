using ContactCenter.Domain.Common;

namespace ContactCenter.Portal.Features.RepairWorks;

public sealed record StartRepairWorkCommand(Guid RepairWorkId, int? SeenVersion = null);

/// <summary>Planned works begin: the service is cut from now on.</summary>
public sealed class StartRepairWork(RepairWorkCommand command)
{
    public Task<Result> HandleAsync(StartRepairWorkCommand input, Actor? actor, CancellationToken cancellationToken = default) =>
        command.ExecuteAsync(input.RepairWorkId, input.SeenVersion, actor, (work, who, now) => work.Start(who, now), cancellationToken: cancellationToken);
}
