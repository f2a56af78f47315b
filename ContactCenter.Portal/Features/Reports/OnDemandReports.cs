using System.Collections.Concurrent;
using ContactCenter.Domain.Common;
using ContactCenter.Domain.Reporting;
using ContactCenter.Infrastructure.Reporting;

namespace ContactCenter.Portal.Features.Reports;

public enum OnDemandState
{
    Running,
    Done,
    Failed,
}

/// <summary>A build the Department started from <c>/reports</c>, as its page follows it.</summary>
public sealed record OnDemandBuild(Guid Id, string RequestedById, ReportRun Run, string Title, int Percent, OnDemandState State, Guid? ReportId, string? Message);

/// <summary>
/// Runs the Department's on-demand builds in the background of this instance, so a long build (a month's register)
/// neither blocks the page's circuit nor dies with it: the page starts a build, follows its progress through
/// <see cref="Changed"/>, and offers the file when it is done. The build itself goes through <see cref="BuildReport"/>,
/// so a run that is already in the archive is handed back instead of being built again.
/// </summary>
public sealed class OnDemandReports(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, ILogger<OnDemandReports> logger)
{
    private const int MaxRemembered = 100;

    private readonly ConcurrentDictionary<Guid, OnDemandBuild> builds = new();

    /// <summary>Raised on a background thread whenever a build moves; components marshal with InvokeAsync.</summary>
    public event Action<OnDemandBuild>? Changed;

    /// <summary>
    /// The scopes the Department may build a kind for: compliance and the register for any scope, a letter for one
    /// executor's head, the note and the state statistics for the community only.
    /// </summary>
    public static IReadOnlyList<ScopeKind> ScopesFor(ReportKind kind) => kind switch
    {
        ReportKind.DailyCompliance or ReportKind.WeeklyCompliance or ReportKind.MonthlyCompliance or ReportKind.Register =>
            [ScopeKind.Executor, ScopeKind.Direction, ScopeKind.Community],
        ReportKind.WeeklyUnresolved => [ScopeKind.Community, ScopeKind.Direction],
        ReportKind.HeadLetter => [ScopeKind.Executor],
        _ => [ScopeKind.Community],
    };

    /// <summary>
    /// The calendar period of <paramref name="kind"/> that contains <paramref name="date"/>. A period that has not ended
    /// yet is cut at the current minute ("this month so far"): a different run from the whole month, so it never takes
    /// the place of the report the schedule builds when the month is over. Null for a period that has not begun.
    /// </summary>
    public static ReportingPeriod? PeriodFor(ReportingPeriodKind kind, DateOnly date, DateTimeOffset now, TimeZoneInfo zone)
    {
        var period = kind switch
        {
            ReportingPeriodKind.Week => ReportingPeriod.Week(date.AddDays(-(((int)date.DayOfWeek + 6) % 7)), zone),
            ReportingPeriodKind.Month => ReportingPeriod.Month(date.Year, date.Month, zone),
            ReportingPeriodKind.Quarter => ReportingPeriod.Quarter(date.Year, ((date.Month - 1) / 3) + 1, zone),
            _ => ReportingPeriod.Day(date, zone),
        };
        if (period.To <= now)
        {
            return period;
        }

        var minute = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
        return minute > period.From ? new ReportingPeriod(period.From, minute) : null;
    }

    /// <summary>The builds a person started on this instance, newest first.</summary>
    public IReadOnlyList<OnDemandBuild> Of(string userId) =>
        builds.Values.Where(b => b.RequestedById == userId).OrderByDescending(b => b.Id).ToList();

    /// <summary>Starts a build for the Department; refused (null) for anyone else, as on the page.</summary>
    public OnDemandBuild? Start(Actor actor, ReportRun run)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(run);
        if (!actor.IsDepartment)
        {
            return null;
        }

        var build = new OnDemandBuild(Guid.CreateVersion7(), actor.Id, run, ReportBuilder.TitleOf(run.Kind), 0, OnDemandState.Running, null, null);
        Forget();
        builds[build.Id] = build;
        Changed?.Invoke(build);
        _ = Task.Run(() => RunAsync(build, actor), lifetime.ApplicationStopping);
        return build;
    }

    private async Task RunAsync(OnDemandBuild build, Actor actor)
    {
        var progress = new Progress<int>(percent => Update(build.Id, b => percent > b.Percent && b.State == OnDemandState.Running ? b with { Percent = percent } : b));
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var handler = scope.ServiceProvider.GetRequiredService<BuildReport>();
            var result = await handler.HandleAsync(new BuildReportCommand(build.Run, ReportOrigin.OnDemand, null, actor), progress, lifetime.ApplicationStopping);
            Update(build.Id, b => result.Outcome switch
            {
                BuildOutcome.Built => b with { Percent = 100, State = OnDemandState.Done, ReportId = result.ReportId, Message = "Звіт сформовано." },
                BuildOutcome.AlreadyBuilt => b with { Percent = 100, State = OnDemandState.Done, ReportId = result.ReportId, Message = "Цей звіт уже є в архіві." },
                BuildOutcome.InProgress => b with { State = OnDemandState.Failed, ReportId = result.ReportId, Message = "Цей звіт саме формується; він з'явиться в архіві, щойно буде готовий." },
                _ => b with { State = OnDemandState.Failed, ReportId = result.ReportId, Message = "Не вдалося сформувати звіт. Спробуйте ще раз пізніше." },
            });
        }
        catch (Exception e)
        {
            logger.LogError(e, "On-demand report {Kind} failed", build.Run.Kind);
            Update(build.Id, b => b with { State = OnDemandState.Failed, Message = "Не вдалося сформувати звіт. Спробуйте ще раз пізніше." });
        }
    }

    private void Update(Guid id, Func<OnDemandBuild, OnDemandBuild> change)
    {
        // Progress and the outcome arrive from different threads: retry until this change is applied to the latest state.
        while (builds.TryGetValue(id, out var current))
        {
            var next = change(current);
            if (next == current)
            {
                return;
            }

            if (builds.TryUpdate(id, next, current))
            {
                Changed?.Invoke(next);
                return;
            }
        }
    }

    /// <summary>Only the latest builds are remembered: the archive is where reports are kept.</summary>
    private void Forget()
    {
        foreach (var old in builds.Values.Where(b => b.State != OnDemandState.Running).OrderByDescending(b => b.Id).Skip(MaxRemembered))
        {
            builds.TryRemove(old.Id, out _);
        }
    }
}
