using ContactCenter.Domain.Reporting;

namespace ContactCenter.Infrastructure.Reporting;

public enum ReportStatus
{
    /// <summary>Claimed by an instance that is building the file now (or died doing it: see <see cref="ArchivedReport.StaleAfter"/>).</summary>
    Building,

    /// <summary>Built, stored and delivered.</summary>
    Ready,

    /// <summary>The last attempt failed; the schedule tries again after <see cref="ArchivedReport.RetryFailedAfter"/>.</summary>
    Failed,
}

public enum ReportOrigin
{
    /// <summary>Built because the timetable of §4.1 said so (or by the catch-up after downtime).</summary>
    Schedule,

    /// <summary>Built because the Department asked for it at <c>/reports</c>.</summary>
    OnDemand,
}

/// <summary>
/// A report in the archive (<c>/reports</c>): which run it is, who asked, and where its file is. The row is written
/// BEFORE the file is built, as the claim on the run: the unique index on (kind, period, scope) lets one instance in
/// the whole cluster hold it, so a report is built and delivered once however many schedulers, catch-ups and requests
/// ask for it (design decision 7). The file itself lives in the reports folder, outside the database (decision 8).
/// </summary>
public sealed class ArchivedReport
{
    /// <summary>
    /// A claim older than this while still <see cref="ReportStatus.Building"/> belongs to an instance that died (a
    /// restart, a crash, a lost connection): any instance may take the run over. Far longer than a build takes (the
    /// largest, the register of a Kyiv-size month, takes seconds), so a live build is never taken from its builder; and
    /// if one ever were, the first builder finds its attempt superseded when it finishes and delivers nothing.
    /// </summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(30);

    /// <summary>How long a failed run waits before the schedule tries it again.</summary>
    public static readonly TimeSpan RetryFailedAfter = TimeSpan.FromMinutes(10);

    /// <summary>After this many attempts a run stays failed until the Department asks for it again.</summary>
    public const int MaxScheduledAttempts = 5;

    /// <summary>Stored for the community scope instead of null: a unique index treats NULLs as distinct on PostgreSQL and SQLite.</summary>
    public static readonly Guid CommunityScopeId = Guid.Empty;

    private ArchivedReport()
    {
        ScopeName = string.Empty;
        Title = string.Empty;
        RequestedByName = string.Empty;
    }

    public Guid Id { get; private set; }

    public ReportKind Kind { get; private set; }

    /// <summary>A calendar day, week, month or quarter, or custom bounds: what the period is rebuilt as.</summary>
    public ReportingPeriodKind PeriodKind { get; private set; }

    public DateTimeOffset PeriodFrom { get; private set; }

    /// <summary>The exclusive end of the period.</summary>
    public DateTimeOffset PeriodTo { get; private set; }

    public ScopeKind ScopeKind { get; private set; }

    /// <summary>The executor's or direction's id; <see cref="CommunityScopeId"/> for the community.</summary>
    public Guid ScopeId { get; private set; }

    /// <summary>The executor's or direction's name when the report was built, for the archive's list.</summary>
    public string ScopeName { get; private set; }

    public string Title { get; private set; }

    public ReportOrigin Origin { get; private set; }

    /// <summary>When the schedule made the run due; null for a report asked for on demand.</summary>
    public DateTimeOffset? DueAt { get; private set; }

    /// <summary>The person who asked for it on demand; null when the system built it on schedule.</summary>
    public string? RequestedById { get; private set; }

    public string RequestedByName { get; private set; }

    public ReportStatus Status { get; private set; }

    /// <summary>When the current attempt began.</summary>
    public DateTimeOffset ClaimedAt { get; private set; }

    /// <summary>Attempts so far; also the concurrency token, so an attempt that was taken over cannot finish.</summary>
    public int Attempts { get; private set; }

    public DateTimeOffset? BuiltAt { get; private set; }

    public string? FileName { get; private set; }

    public string? ContentType { get; private set; }

    /// <summary>The file's name inside the reports folder.</summary>
    public string? StoredName { get; private set; }

    public long Size { get; private set; }

    public string? Error { get; private set; }

    public static ArchivedReport Claim(ReportRun run, string scopeName, string title, ReportOrigin origin, DateTimeOffset? dueAt, string? requestedById, string requestedByName, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new ArchivedReport
        {
            Id = Guid.CreateVersion7(now),
            Kind = run.Kind,
            PeriodKind = run.Period.Kind,
            PeriodFrom = run.Period.From,
            PeriodTo = run.Period.To,
            ScopeKind = run.Scope.Kind,
            ScopeId = run.Scope.Id ?? CommunityScopeId,
            ScopeName = scopeName,
            Title = title,
            Origin = origin,
            DueAt = dueAt,
            RequestedById = requestedById,
            RequestedByName = requestedByName,
            Status = ReportStatus.Building,
            ClaimedAt = now,
            Attempts = 1,
        };
    }

    /// <summary>The run this row is the report of; calendar periods are rebuilt in <paramref name="zone"/>.</summary>
    public ReportRun ToRun(TimeZoneInfo zone)
    {
        var firstDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(PeriodFrom, zone).DateTime);
        var period = PeriodKind switch
        {
            ReportingPeriodKind.Day => ReportingPeriod.Day(firstDay, zone),
            ReportingPeriodKind.Week => ReportingPeriod.Week(firstDay, zone),
            ReportingPeriodKind.Month => ReportingPeriod.Month(firstDay.Year, firstDay.Month, zone),
            ReportingPeriodKind.Quarter => ReportingPeriod.Quarter(firstDay.Year, ((firstDay.Month - 1) / 3) + 1, zone),
            _ => new ReportingPeriod(PeriodFrom, PeriodTo),
        };
        var scope = ScopeKind switch
        {
            ScopeKind.Executor => ReportScope.Executor(ScopeId),
            ScopeKind.Direction => ReportScope.Direction(ScopeId),
            _ => ReportScope.Community,
        };
        return new ReportRun(Kind, period, scope);
    }

    /// <summary>
    /// Whether another attempt may take the run over: a claim whose builder died (<see cref="StaleAfter"/>), or a failed
    /// attempt after <see cref="RetryFailedAfter"/>. The schedule gives up after <see cref="MaxScheduledAttempts"/>;
    /// the Department's explicit request (<paramref name="onDemand"/>) retries a failed run at once.
    /// </summary>
    public bool CanBeTakenOverAt(DateTimeOffset now, bool onDemand = false) => Status switch
    {
        ReportStatus.Building => now - ClaimedAt >= StaleAfter,
        ReportStatus.Failed when onDemand => true,
        ReportStatus.Failed => Attempts < MaxScheduledAttempts && now - ClaimedAt >= RetryFailedAfter,
        _ => false,
    };

    /// <summary>Starts another attempt; saved under the concurrency token, so of two instances taking over one wins.</summary>
    public void TakeOver(DateTimeOffset now)
    {
        Status = ReportStatus.Building;
        ClaimedAt = now;
        Attempts++;
        Error = null;
    }

    public void MarkReady(string fileName, string contentType, string storedName, long size, DateTimeOffset now)
    {
        Status = ReportStatus.Ready;
        FileName = fileName;
        ContentType = contentType;
        StoredName = storedName;
        Size = size;
        BuiltAt = now;
        Error = null;
    }

    public void MarkFailed(string error)
    {
        Status = ReportStatus.Failed;
        Error = error.Length > 2000 ? error[..2000] : error;
    }
}

/// <summary>A person a report is addressed to: it is in their inbox (the badge counts the unread ones) and in their mail.</summary>
public sealed class ReportRecipient
{
    private ReportRecipient()
    {
        UserId = string.Empty;
    }

    public ReportRecipient(Guid reportId, string userId, DateTimeOffset addedAt)
    {
        ReportId = reportId;
        UserId = userId;
        AddedAt = addedAt;
    }

    public Guid ReportId { get; private set; }

    public string UserId { get; private set; }

    public DateTimeOffset AddedAt { get; private set; }

    /// <summary>When the person first downloaded it; null while unread.</summary>
    public DateTimeOffset? ReadAt { get; private set; }
}

/// <summary>One run of the retention of §2.6 (cards are kept five years): what it removed, for the administrator.</summary>
public sealed class RetentionRun
{
    private RetentionRun()
    {
    }

    public RetentionRun(DateTimeOffset ranAt, DateTimeOffset closedBefore, int cardsRemoved, int filesRemoved)
    {
        Id = Guid.CreateVersion7(ranAt);
        RanAt = ranAt;
        ClosedBefore = closedBefore;
        CardsRemoved = cardsRemoved;
        FilesRemoved = filesRemoved;
    }

    public Guid Id { get; private set; }

    public DateTimeOffset RanAt { get; private set; }

    /// <summary>Cards closed before this instant were removed.</summary>
    public DateTimeOffset ClosedBefore { get; private set; }

    public int CardsRemoved { get; private set; }

    public int FilesRemoved { get; private set; }
}
