using ContactCenter.Domain.Common;

namespace ContactCenter.Portal.Features.RepairWorks;

public sealed record RescheduleRepairWorkCommand(Guid RepairWorkId, DateTimeOffset NewStart, DateTimeOffset NewEnd, int? SeenVersion = null);

/// <summary>Moves planned works that have not started; the new start again needs a day's notice (§3.1).</summary>
public sealed class RescheduleRepairWork(RepairWorkCommand command)
{
    public Task<Result> HandleAsync(RescheduleRepairWorkCommand input, Actor? actor, CancellationToken cancellationToken = default) =>
        command.ExecuteAsync(input.RepairWorkId, input.SeenVersion, actor, (work, who, now) => work.Reschedule(who, now, input.NewStart, input.NewEnd), cancellationToken: cancellationToken);
}
