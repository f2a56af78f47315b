using System.Globalization;
using ContactCenter.Domain.Common;
using ContactCenter.Domain.Reporting;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Infrastructure.Reporting;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Features.Reports;

/// <summary>
/// Builds every run of the timetable (§4.1) that has fallen due and is not in the archive: every minute, and at start,
/// which is the catch-up after downtime. What was handled is read from the archive itself — the latest instant a
/// scheduled report fell due — so a portal that was down from Friday to Tuesday builds Monday's reports on start,
/// and a fresh archive starts with the latest report of every kind. Building twice is impossible whatever this does:
/// <see cref="BuildReport"/> claims each run under the archive's unique key.
/// </summary>
public sealed class ScheduledReports(IDbContextFactory<ContactCenterDbContext> dbFactory, BuildReport build, TimeProvider clock, ILogger<ScheduledReports> logger)
{
    /// <summary>However long the portal was down, runs older than this are not caught up (except each kind's latest).</summary>
    public static readonly TimeSpan MaxCatchUp = TimeSpan.FromDays(14);

    /// <summary>
    /// The last day before the latest handled instant is looked at again, so runs of one instant that a crash left half
    /// done (some executors built, others not) are completed; the archive makes looking again cost one query.
    /// </summary>
    public static readonly TimeSpan Overlap = TimeSpan.FromDays(1);

    public const string DailyAtKey = "Reports:DailyAt";
    public const string WeeklyAtKey = "Reports:WeeklyAt";
    public const string MonthlyAtKey = "Reports:MonthlyAt";
    public const string NoteAtKey = "Reports:NoteAt";
    public const string UnresolvedAtKey = "Reports:UnresolvedAt";
    public const string StateStatisticsAtKey = "Reports:StateStatisticsAt";
    public const string StateStatisticsDayKey = "Reports:StateStatisticsDay";

    /// <summary>Builds what is due; returns how many reports this call built.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        List<(ReportRun Run, DateTimeOffset DueAt)> wanted;
        List<ArchivedReport> retries;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var schedule = await ScheduleAsync(db, cancellationToken);
            var lastDue = await db.Reports.AsNoTracking().Where(r => r.Origin == ReportOrigin.Schedule && r.DueAt != null).MaxAsync(r => r.DueAt, cancellationToken);
            var since = lastDue is { } last ? Max(last - Overlap, now - MaxCatchUp) : now;
            var due = schedule.DueRuns(now, since);
            if (due.Count == 0)
            {
                return 0;
            }

            var executors = await db.Executors.AsNoTracking().Where(e => e.IsActive).OrderBy(e => e.Name).Select(e => e.Id).ToListAsync(cancellationToken);
            var directions = await db.Directions.AsNoTracking().OrderBy(d => d.Name).Select(d => d.Id).ToListAsync(cancellationToken);
            wanted = due.SelectMany(r => ScopesOf(r.Scope, executors, directions).Select(s => (new ReportRun(r.Kind, r.Period, s), r.DueAt))).ToList();

            // One query for what the archive already has from the earliest period on; built runs are skipped without a claim.
            var earliest = wanted.Min(w => w.Run.Period.From);
            var ready = (await db.Reports.AsNoTracking()
                    .Where(r => r.PeriodFrom >= earliest && r.Status == ReportStatus.Ready)
                    .Select(r => new { r.Kind, r.PeriodFrom, r.PeriodTo, r.ScopeKind, r.ScopeId })
                    .ToListAsync(cancellationToken))
                .Select(r => (r.Kind, r.PeriodFrom, r.PeriodTo, r.ScopeKind, r.ScopeId))
                .ToHashSet();
            wanted = wanted.Where(w => !ready.Contains(Key(w.Run))).ToList();

            // Failed or abandoned runs of the schedule that are no longer in the window are retried too.
            var retryBefore = now - ArchivedReport.RetryFailedAfter;
            retries = await db.Reports.AsNoTracking()
                .Where(r => r.Origin == ReportOrigin.Schedule && r.Status != ReportStatus.Ready && r.ClaimedAt <= retryBefore && r.Attempts < ArchivedReport.MaxScheduledAttempts)
                .OrderBy(r => r.ClaimedAt)
                .Take(50)
                .ToListAsync(cancellationToken);
        }

        var zone = await ReportingZone.GetAsync(dbFactory, cancellationToken);
        var keys = wanted.Select(w => Key(w.Run)).ToHashSet();
        wanted.AddRange(retries.Select(r => (Run: r.ToRun(zone), DueAt: r.DueAt ?? now)).Where(r => !keys.Contains(Key(r.Run))));

        var built = 0;
        foreach (var (run, dueAt) in wanted)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = await build.HandleAsync(new BuildReportCommand(run, ReportOrigin.Schedule, dueAt, Actor.System), cancellationToken: cancellationToken);
            if (result.Outcome == BuildOutcome.Built)
            {
                built++;
            }
        }

        if (built > 0)
        {
            logger.LogInformation("Built {Count} scheduled reports", built);
        }

        return built;
    }

    /// <summary>The timetable with the administrator's settings, the working calendar and the reporting zone.</summary>
    public static async Task<ReportSchedule> ScheduleAsync(ContactCenterDbContext db, CancellationToken cancellationToken)
    {
        var policy = await WorkingCalendarStore.GetPolicyAsync(db, cancellationToken);
        var values = await db.Settings.AsNoTracking().Where(s => s.Key.StartsWith("Reports:")).ToDictionaryAsync(s => s.Key, s => s.Value, cancellationToken);
        var defaults = ReportScheduleSettings.Default;
        var settings = new ReportScheduleSettings(
            Time(values, DailyAtKey, defaults.DailyAt),
            Time(values, WeeklyAtKey, defaults.WeeklyAt),
            Time(values, MonthlyAtKey, defaults.MonthlyAt),
            Time(values, NoteAtKey, defaults.NoteAt),
            Time(values, UnresolvedAtKey, defaults.UnresolvedAt),
            Time(values, StateStatisticsAtKey, defaults.StateStatisticsAt),
            values.TryGetValue(StateStatisticsDayKey, out var day) && int.TryParse(day, NumberStyles.Integer, CultureInfo.InvariantCulture, out var d) && d is >= 1 and <= 28 ? d : defaults.StateStatisticsDay);
        return new ReportSchedule(settings, policy.Calendar, await ReportingZone.GetAsync(db, cancellationToken));
    }

    private static TimeOnly Time(Dictionary<string, string> values, string key, TimeOnly fallback) =>
        values.TryGetValue(key, out var text) && TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : fallback;

    private static IEnumerable<ReportScope> ScopesOf(ScopeKind kind, List<Guid> executors, List<Guid> directions) => kind switch
    {
        ScopeKind.Executor => executors.Select(ReportScope.Executor),
        ScopeKind.Direction => directions.Select(ReportScope.Direction),
        _ => [ReportScope.Community],
    };

    private static (ReportKind, DateTimeOffset, DateTimeOffset, ScopeKind, Guid) Key(ReportRun run) =>
        (run.Kind, run.Period.From, run.Period.To, run.Scope.Kind, run.Scope.Id ?? ArchivedReport.CommunityScopeId);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
