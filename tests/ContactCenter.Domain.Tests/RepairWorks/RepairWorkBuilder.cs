using ContactCenter.Domain.Common;
using ContactCenter.Domain.RepairWorks;

namespace ContactCenter.Domain.Tests.RepairWorks;

/// <summary>Fixed actors and times, and repair works in each state, for the tests.</summary>
internal static class RepairWorkBuilder
{
    public static readonly Guid ExecutorId = new("11111111-1111-1111-1111-111111111111");

    public static readonly Guid OtherExecutorId = new("22222222-2222-2222-2222-222222222222");

    /// <summary>Monday, 10 March 2025, 09:00 in Kyiv.</summary>
    public static readonly DateTimeOffset Now = new(2025, 3, 10, 9, 0, 0, TimeSpan.FromHours(2));

    public static readonly Actor Responsible = new("u-resp", "Петренко Олена", Role.ExecutorResponsible, ExecutorId);

    public static readonly Actor Performer = new("u-perf", "Коваль Іван", Role.Performer, ExecutorId);

    public static readonly Actor OtherResponsible = new("u-other", "Мельник Петро", Role.ExecutorResponsible, OtherExecutorId);

    public static readonly Actor Operator = new("u-op", "Бондар Марія", Role.Operator);

    public static readonly Actor Deputy = new("u-dep", "Ткаченко Андрій", Role.Deputy);

    public static readonly string[] Addresses = ["вул. Шевченка", "вул. Київська, 5"];

    public static Result<RepairWork> RegisterPlanned(
        Actor? actor = null,
        DateTimeOffset? now = null,
        DateTimeOffset? start = null,
        DateTimeOffset? end = null,
        string description = "Заміна засувки на водогоні",
        IEnumerable<string>? addresses = null,
        Guid? executorId = null)
    {
        var at = now ?? Now;
        var plannedStart = start ?? at.AddDays(2);
        return RepairWork.RegisterPlanned(
            actor ?? Responsible,
            at,
            executorId ?? ExecutorId,
            UtilityService.Water,
            description,
            addresses ?? Addresses,
            plannedStart,
            end ?? plannedStart.AddHours(6));
    }

    public static Result<RepairWork> RegisterEmergency(
        Actor? actor = null,
        DateTimeOffset? startedAt = null,
        DateTimeOffset? expectedEnd = null)
    {
        var started = startedAt ?? Now.AddMinutes(-30);
        return RepairWork.RegisterEmergency(
            actor ?? Responsible,
            Now,
            ExecutorId,
            UtilityService.Heating,
            "Порив тепломережі",
            Addresses,
            started,
            expectedEnd ?? started.AddHours(8));
    }

    /// <summary>Planned works starting at <see cref="Now"/> + 2 days, lasting 6 hours; events cleared.</summary>
    public static RepairWork Planned()
    {
        var work = RegisterPlanned().Value;
        work.ClearDomainEvents();
        return work;
    }

    /// <summary>Planned works started at their planned start; events cleared.</summary>
    public static RepairWork InProgress()
    {
        var work = Planned();
        work.Start(Responsible, work.PlannedStart).ThrowIfFailed();
        work.ClearDomainEvents();
        return work;
    }

    public static RepairWork Completed()
    {
        var work = InProgress();
        work.Complete(Responsible, work.PlannedStart.AddHours(5), "Засувку замінено").ThrowIfFailed();
        work.ClearDomainEvents();
        return work;
    }

    public static RepairWork Cancelled()
    {
        var work = Planned();
        work.Cancel(Responsible, Now.AddHours(1), "Перенесено на літо").ThrowIfFailed();
        work.ClearDomainEvents();
        return work;
    }

    private static void ThrowIfFailed(this Result result)
    {
        if (result.IsFailure)
        {
            throw new InvalidOperationException(result.Error.ToString());
        }
    }
}
