using ContactCenter.Domain.Common;
using ContactCenter.Domain.Deadlines;
using ContactCenter.Domain.RepairWorks;

namespace ContactCenter.Portal.Features.RepairWorks;

/// <summary>How repair works read on screen (domain.md, "Words users see").</summary>
public static class RepairWorkNames
{
    public static string Of(RepairWorkKind kind) => kind switch
    {
        RepairWorkKind.Planned => "Планово-попереджувальні (ППР)",
        RepairWorkKind.Emergency => "Аварійні",
        _ => kind.ToString(),
    };

    public static string Of(RepairWorkStatus status) => status switch
    {
        RepairWorkStatus.Planned => "Заплановано",
        RepairWorkStatus.InProgress => "Тривають",
        RepairWorkStatus.Completed => "Завершено",
        RepairWorkStatus.Cancelled => "Скасовано",
        _ => status.ToString(),
    };

    /// <summary>One line for a list or a card's history: service, kind, addresses, time.</summary>
    public static string Describe(RepairWorkKind kind, UtilityService service, IEnumerable<string> addresses, DateTimeOffset start, DateTimeOffset end) =>
        $"{UtilityServiceNames.Of(service)} ({Of(kind).ToLowerInvariant()}): {string.Join("; ", addresses)}, {KyivTime.Format(start)} — {KyivTime.Format(end)}";

    public static string Describe(RepairWork work) => Describe(work.Kind, work.Service, work.Addresses, work.PlannedStart, work.PlannedEnd);
}

/// <summary>Kyiv wall-clock time from a form's date and time pickers, and back (design.md: times are read in Europe/Kyiv).</summary>
public static class KyivInput
{
    public static DateTimeOffset? ToInstant(DateTime? date, TimeSpan? time)
    {
        if (date is not { } day)
        {
            return null;
        }

        var local = DateTime.SpecifyKind(day.Date + (time ?? TimeSpan.Zero), DateTimeKind.Unspecified);

        // The hour skipped when clocks go forward does not exist: the next valid one is meant.
        if (DeadlinePolicy.Kyiv.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, DeadlinePolicy.Kyiv), TimeSpan.Zero);
    }

    public static DateTime ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, DeadlinePolicy.Kyiv).DateTime;
}
