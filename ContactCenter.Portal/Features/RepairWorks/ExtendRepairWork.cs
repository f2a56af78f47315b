using ContactCenter.Domain.Common;

namespace ContactCenter.Portal.Features.RepairWorks;

public sealed record ExtendRepairWorkCommand(Guid RepairWorkId, DateTimeOffset NewExpectedEnd, int? SeenVersion = null);

/// <summary>Works under way take longer: the new expected end is what operators tell callers.</summary>
public sealed class ExtendRepairWork(RepairWorkCommand command)
{
    public Task<Result> HandleAsync(ExtendRepairWorkCommand input, Actor? actor, CancellationToken cancellationToken = default) =>
        command.ExecuteAsync(input.RepairWorkId, input.SeenVersion, actor, (work, who, now) => work.ExtendEnd(who, now, input.NewExpectedEnd), cancellationToken: cancellationToken);
}
