using ContactCenter.Domain.Common;

namespace ContactCenter.Domain.RepairWorks;

/// <summary>
/// A repair-works card (§3.1, розділ «Ремонтні роботи»): which service is cut, where, and when.
/// Operators see active works while they take calls, so a caller can be told at once that the water is off for repairs.
/// </summary>
public sealed class RepairWork : AggregateRoot
{
    /// <summary>
    /// §3.1: planned preventive works are registered "не менше ніж за добу" before they start,
    /// so the contact centre can warn residents in advance.
    /// </summary>
    public static readonly TimeSpan PlannedNotice = TimeSpan.FromDays(1);

    /// <summary>An emergency is registered as it happens; a few minutes of clock difference between devices are tolerated.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    // Not readonly: EF Core materialises the primitive collection into this field.
    private List<string> addresses = [];

    private RepairWork()
    {
        // For EF Core.
    }

    public Guid Id { get; private set; }

    public RepairWorkKind Kind { get; private set; }

    public UtilityService Service { get; private set; }

    public Guid ExecutorId { get; private set; }

    public string Description { get; private set; } = string.Empty;

    /// <summary>Streets ("вул. Шевченка": all its buildings) or single buildings ("вул. Шевченка, 12").</summary>
    public IReadOnlyList<string> Addresses => addresses;

    public Guid? TerritoryId { get; private set; }

    /// <summary>For an emergency: when it happened.</summary>
    public DateTimeOffset PlannedStart { get; private set; }

    /// <summary>For an emergency: the expected end.</summary>
    public DateTimeOffset PlannedEnd { get; private set; }

    public DateTimeOffset? ActualStart { get; private set; }

    public DateTimeOffset? ActualEnd { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    /// <summary>§3.2: the person who registers repair works answers for the data, so who it was is kept.</summary>
    public string RegisteredById { get; private set; } = string.Empty;

    public string RegisteredByName { get; private set; } = string.Empty;

    public RepairWorkStatus Status { get; private set; }

    /// <summary>The executor's note on completion, or the reason of a cancellation.</summary>
    public string? ClosingNote { get; private set; }

    /// <summary>
    /// When the watcher found the works past their planned end and still not closed, and told the executor (§3.1: the
    /// executor closes the card of repair works when they are finished). Cleared when the end is moved.
    /// </summary>
    public DateTimeOffset? OverrunFlaggedAt { get; private set; }

    /// <summary>Optimistic concurrency token: every change increments it.</summary>
    public int Version { get; private set; }

    public bool IsClosed => Status is RepairWorkStatus.Completed or RepairWorkStatus.Cancelled;

    /// <summary>Registers planned preventive works (ППР), not less than a day before they start (§3.1).</summary>
    public static Result<RepairWork> RegisterPlanned(
        Actor actor,
        DateTimeOffset now,
        Guid executorId,
        UtilityService service,
        string description,
        IEnumerable<string> addresses,
        DateTimeOffset plannedStart,
        DateTimeOffset plannedEnd,
        Guid? territoryId = null)
    {
        var error = CheckRegistration(actor, executorId, description, addresses, plannedStart, plannedEnd, out var cleanAddresses);
        if (error is not null)
        {
            return error;
        }

        // §3.1: "не менше ніж за добу до початку проведення ППР". Exactly 24 hours is enough.
        if (plannedStart - now < PlannedNotice)
        {
            return RepairWorkErrors.PlannedTooLate;
        }

        var work = new RepairWork
        {
            Kind = RepairWorkKind.Planned,
            Status = RepairWorkStatus.Planned,
        };
        work.Fill(actor, now, executorId, service, description, cleanAddresses, plannedStart, plannedEnd, territoryId);
        return work;
    }

    /// <summary>Registers emergency works (аварійні), online as soon as the emergency happens (§3.1).</summary>
    public static Result<RepairWork> RegisterEmergency(
        Actor actor,
        DateTimeOffset now,
        Guid executorId,
        UtilityService service,
        string description,
        IEnumerable<string> addresses,
        DateTimeOffset startedAt,
        DateTimeOffset expectedEnd,
        Guid? territoryId = null)
    {
        var error = CheckRegistration(actor, executorId, description, addresses, startedAt, expectedEnd, out var cleanAddresses);
        if (error is not null)
        {
            return error;
        }

        // §3.1: "в режимі онлайн по факту виникнення аварійної ситуації" — an emergency that has not happened yet is a plan.
        if (startedAt > now + ClockSkew)
        {
            return RepairWorkErrors.EmergencyStartInFuture;
        }

        var work = new RepairWork
        {
            Kind = RepairWorkKind.Emergency,
            Status = RepairWorkStatus.InProgress,
            ActualStart = startedAt,
        };
        work.Fill(actor, now, executorId, service, description, cleanAddresses, startedAt, expectedEnd, territoryId);
        return work;
    }

    /// <summary>Planned works begin: the service is cut from now on.</summary>
    public Result Start(Actor actor, DateTimeOffset now)
    {
        var error = CheckCanChange(actor) ?? CheckPlanned();
        if (error is not null)
        {
            return error;
        }

        Status = RepairWorkStatus.InProgress;
        ActualStart = now;
        Version++;
        Raise(new RepairWorkStarted(Id, ExecutorId, Kind, Service, now, now));
        return Result.Success();
    }

    /// <summary>Moves planned works that have not started; the new start again needs a day's notice (§3.1).</summary>
    public Result Reschedule(Actor actor, DateTimeOffset now, DateTimeOffset newStart, DateTimeOffset newEnd)
    {
        var error = CheckCanChange(actor) ?? CheckPlanned();
        if (error is not null)
        {
            return error;
        }

        if (newEnd <= newStart)
        {
            return RepairWorkErrors.EndNotAfterStart;
        }

        // Otherwise the day's notice of §3.1 could be bypassed by registering far ahead and moving the date closer.
        if (newStart - now < PlannedNotice)
        {
            return RepairWorkErrors.PlannedTooLate;
        }

        PlannedStart = newStart;
        PlannedEnd = newEnd;
        OverrunFlaggedAt = null;
        Version++;
        Raise(new RepairWorkRescheduled(Id, ExecutorId, Service, newStart, newEnd, now));
        return Result.Success();
    }

    /// <summary>Works under way take longer than expected: operators must tell callers the new time.</summary>
    public Result ExtendEnd(Actor actor, DateTimeOffset now, DateTimeOffset newExpectedEnd)
    {
        var error = CheckCanChange(actor) ?? CheckInProgress();
        if (error is not null)
        {
            return error;
        }

        if (newExpectedEnd <= PlannedEnd || newExpectedEnd <= now)
        {
            return RepairWorkErrors.EndNotExtended;
        }

        PlannedEnd = newExpectedEnd;
        OverrunFlaggedAt = null;
        Version++;
        Raise(new RepairWorkRescheduled(Id, ExecutorId, Service, PlannedStart, newExpectedEnd, now));
        return Result.Success();
    }

    /// <summary>§3.1: "по факту закінчення ремонтних робіт виконавець зобов'язаний закрити картку ремонтних робіт".</summary>
    public Result Complete(Actor actor, DateTimeOffset now, string note)
    {
        var error = CheckCanChange(actor);
        if (error is not null)
        {
            return error;
        }

        // Works that never started cannot be finished; a plan that will not happen is cancelled instead.
        if (Status == RepairWorkStatus.Planned || ActualStart is null)
        {
            return RepairWorkErrors.NotStarted;
        }

        if (now < ActualStart.Value)
        {
            return RepairWorkErrors.CompletedBeforeStart;
        }

        Status = RepairWorkStatus.Completed;
        ActualEnd = now;
        ClosingNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        Version++;
        Raise(new RepairWorkCompleted(Id, ExecutorId, Kind, Service, now, now));
        return Result.Success();
    }

    /// <summary>Planned works that will not take place. Works under way are completed, not cancelled: the service was cut.</summary>
    public Result Cancel(Actor actor, DateTimeOffset now, string reason)
    {
        var error = CheckCanChange(actor) ?? CheckPlanned();
        if (error is not null)
        {
            return error;
        }

        // Residents were warned of the cut; the reason is what the operator tells them now.
        if (string.IsNullOrWhiteSpace(reason))
        {
            return RepairWorkErrors.CancelReasonRequired;
        }

        Status = RepairWorkStatus.Cancelled;
        ClosingNote = reason.Trim();
        Version++;
        Raise(new RepairWorkCancelled(Id, ExecutorId, Service, ClosingNote, now));
        return Result.Success();
    }

    /// <summary>
    /// Whether the service is (or should be) cut at <paramref name="instant"/>: works under way, or planned works inside their
    /// planned window even if nobody marked the start. The operator warns callers about these.
    /// </summary>
    public bool IsActiveAt(DateTimeOffset instant) => IsActive(Status, PlannedStart, PlannedEnd, instant);

    /// <summary>
    /// The rule of <see cref="IsActiveAt"/> on plain values, for screens that read works as projections (the Department's
    /// wallboard lists the emergencies going on now) rather than as loaded aggregates.
    /// </summary>
    public static bool IsActive(RepairWorkStatus status, DateTimeOffset plannedStart, DateTimeOffset plannedEnd, DateTimeOffset instant) => status switch
    {
        RepairWorkStatus.InProgress => true,
        RepairWorkStatus.Planned => plannedStart <= instant && instant < plannedEnd,
        _ => false,
    };

    /// <summary>
    /// Works whose planned (or expected) end has passed without the executor closing them: either they are still going on
    /// and callers are told a wrong time, or they are over and the card was not closed as §3.1 requires.
    /// </summary>
    public bool IsOverrunAt(DateTimeOffset now) => !IsClosed && now > PlannedEnd;

    /// <summary>
    /// The deadline watcher flags overrun works once, so their executor is told once per planned end. The version is not
    /// bumped: the flag is the system's observation and must not make the executor's own concurrent edit fail.
    /// Returns false when there is nothing to flag.
    /// </summary>
    public bool FlagOverrun(DateTimeOffset now)
    {
        if (!IsOverrunAt(now) || OverrunFlaggedAt is not null)
        {
            return false;
        }

        OverrunFlaggedAt = now;
        Raise(new RepairWorkOverrun(Id, ExecutorId, Service, PlannedEnd, now));
        return true;
    }

    /// <summary>Planned works that start after <paramref name="now"/> and within <paramref name="horizon"/>.</summary>
    public bool IsUpcoming(DateTimeOffset now, TimeSpan horizon) =>
        Status == RepairWorkStatus.Planned && PlannedStart > now && PlannedStart <= now + horizon;

    /// <summary>How far ahead planned works are worth telling a caller about.</summary>
    public static readonly TimeSpan NoticeHorizon = TimeSpan.FromDays(7);

    /// <summary>
    /// §3.1: what the operator tells a caller at once, and the card shows: works at this address going on now or
    /// starting within <see cref="NoticeHorizon"/>.
    /// </summary>
    public bool IsWorthNoticeAt(string address, DateTimeOffset now) =>
        AffectsAddress(address) && (IsActiveAt(now) || IsUpcoming(now, NoticeHorizon));

    /// <summary>
    /// Whether <paramref name="address"/> is among the affected ones: the same building, or a building on an affected street
    /// ("вулиця Шевченка, 12" is covered by "вул. Шевченка"). Spelling of street types, case and punctuation do not matter.
    /// </summary>
    public bool AffectsAddress(string address)
    {
        var wanted = AddressNormalizer.Normalize(address);
        if (wanted.Length == 0)
        {
            return false;
        }

        foreach (var entry in addresses)
        {
            var affected = AddressNormalizer.Normalize(entry);
            if (affected.Length == 0)
            {
                continue;
            }

            if (wanted == affected)
            {
                return true;
            }

            // A street entry covers its buildings: what follows the street name must be a building number,
            // so "шевченка" covers "шевченка 12" but not "шевченка тараса 12", another street.
            if (wanted.Length > affected.Length + 1
                && wanted.StartsWith(affected, StringComparison.Ordinal)
                && wanted[affected.Length] == ' '
                && char.IsDigit(wanted[affected.Length + 1]))
            {
                return true;
            }
        }

        return false;
    }

    private static Error? CheckRegistration(
        Actor actor,
        Guid executorId,
        string description,
        IEnumerable<string> addresses,
        DateTimeOffset start,
        DateTimeOffset end,
        out List<string> cleanAddresses)
    {
        cleanAddresses = [];

        if (executorId == Guid.Empty)
        {
            return RepairWorkErrors.ExecutorRequired;
        }

        if (!MayChange(actor, executorId))
        {
            return RepairWorkErrors.NotAllowed;
        }

        if (string.IsNullOrWhiteSpace(description))
        {
            return RepairWorkErrors.DescriptionRequired;
        }

        // Blank lines of a form are dropped; the same street written twice is kept once.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var address in addresses)
        {
            var normalized = AddressNormalizer.Normalize(address);
            if (normalized.Length > 0 && seen.Add(normalized))
            {
                cleanAddresses.Add(address.Trim());
            }
        }

        if (cleanAddresses.Count == 0)
        {
            return RepairWorkErrors.AddressRequired;
        }

        if (end <= start)
        {
            return RepairWorkErrors.EndNotAfterStart;
        }

        return null;
    }

    /// <summary>
    /// §3.1 puts registration on the executor (its responsible person), and §3.2 makes that person answer for the data;
    /// the Department may act for an executor. Another executor's staff may not.
    /// </summary>
    private static bool MayChange(Actor actor, Guid executorId) => actor.IsDepartment || actor.BelongsTo(executorId);

    private void Fill(
        Actor actor,
        DateTimeOffset now,
        Guid executorId,
        UtilityService service,
        string description,
        List<string> cleanAddresses,
        DateTimeOffset start,
        DateTimeOffset end,
        Guid? territoryId)
    {
        Id = Guid.CreateVersion7(now);
        ExecutorId = executorId;
        Service = service;
        Description = description.Trim();
        addresses = cleanAddresses;
        TerritoryId = territoryId;
        PlannedStart = start;
        PlannedEnd = end;
        RegisteredAt = now;
        RegisteredById = actor.Id;
        RegisteredByName = actor.Name;
        Version = 1;
        Raise(new RepairWorkRegistered(Id, ExecutorId, Kind, Service, Status, PlannedStart, PlannedEnd, now));
    }

    private Error? CheckCanChange(Actor actor)
    {
        if (!MayChange(actor, ExecutorId))
        {
            return RepairWorkErrors.NotAllowed;
        }

        return IsClosed ? RepairWorkErrors.AlreadyClosed : null;
    }

    private Error? CheckPlanned() => Status == RepairWorkStatus.Planned ? null : RepairWorkErrors.NotPlanned;

    private Error? CheckInProgress() => Status == RepairWorkStatus.InProgress ? null : RepairWorkErrors.NotInProgress;
}
