using ContactCenter.Domain.Common;

namespace ContactCenter.Portal.Features.RepairWorks;

public sealed record CancelRepairWorkCommand(Guid RepairWorkId, string Reason, int? SeenVersion = null);

/// <summary>Planned works that will not take place; the reason is what operators tell the residents who were warned.</summary>
public sealed class CancelRepairWork(RepairWorkCommand command)
{
    public Task<Result> HandleAsync(CancelRepairWorkCommand input, Actor? actor, CancellationToken cancellationToken = default) =>
        command.ExecuteAsync(input.RepairWorkId, input.SeenVersion, actor, (work, who, now) => work.Cancel(who, now, input.Reason), cancellationToken: cancellationToken);
}
