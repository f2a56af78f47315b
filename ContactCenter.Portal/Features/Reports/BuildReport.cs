using ContactCenter.Domain.Common;
using ContactCenter.Domain.Reporting;
using ContactCenter.Infrastructure.Files;
using ContactCenter.Infrastructure.Mail;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Infrastructure.Reporting;
using ContactCenter.Portal.Features.Public;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Features.Reports;

/// <summary>A run to build: by the schedule (with the instant it fell due) or on demand by a person of the Department.</summary>
public sealed record BuildReportCommand(ReportRun Run, ReportOrigin Origin, DateTimeOffset? DueAt, Actor RequestedBy);

public enum BuildOutcome
{
    /// <summary>This call built, stored and delivered the report.</summary>
    Built,

    /// <summary>The run is in the archive already: nothing was built or sent again.</summary>
    AlreadyBuilt,

    /// <summary>Another instance (or call) holds the run and is building it now.</summary>
    InProgress,

    /// <summary>The build failed; the run is marked so and is tried again later.</summary>
    Failed,
}

public sealed record BuildReportResult(BuildOutcome Outcome, Guid? ReportId, string? Error = null);

/// <summary>
/// Builds one run exactly once (design decision 7). The archive row is the claim: inserting it under the unique index
/// on (kind, period, scope) succeeds for one caller in the whole cluster; everyone else is told the run is taken. The
/// holder builds the file, stores it, and in one transaction marks the row ready, addresses it to its recipients and
/// queues their letters, so the report and its letters exist together or not at all.
/// </summary>
/// <remarks>
/// A builder that dies half-way (a restart, a crash) leaves its claim <see cref="ReportStatus.Building"/>: after
/// <see cref="ArchivedReport.StaleAfter"/> any instance may take the run over, once, under the row's concurrency token.
/// The file of each attempt has its own name, and an attempt that finds itself superseded when it finishes delivers
/// nothing and removes its file, so even a taken-over build sends one set of letters.
/// </remarks>
public sealed class BuildReport(
    IDbContextFactory<ContactCenterDbContext> dbFactory,
    IReportContent content,
    ReportStore store,
    ReportInbox inbox,
    IConfiguration configuration,
    TimeProvider clock,
    ILogger<BuildReport> logger)
{
    public async Task<BuildReportResult> HandleAsync(BuildReportCommand command, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var zone = await ReportingZone.GetAsync(dbFactory, cancellationToken);
        var claim = await ClaimAsync(command, zone, cancellationToken);
        if (claim.Outcome is not null)
        {
            return claim.Outcome;
        }

        var (reportId, attempt) = (claim.ReportId, claim.Attempt);
        progress?.Report(5);
        ReportFile file;
        string storedName;
        try
        {
            var building = new Progress<int>(p => progress?.Report(5 + (Math.Clamp(p, 0, 100) * 80 / 100)));
            file = await content.BuildAsync(command.Run, building, cancellationToken);
            storedName = StoredName(reportId, attempt, command.Run.Period.From, file.FileName);
            await store.WriteAsync(storedName, file.Content, cancellationToken);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Report {Kind} {From:O}–{To:O} {Scope} failed", command.Run.Kind, command.Run.Period.From, command.Run.Period.To, command.Run.Scope);
            await MarkFailedAsync(reportId, attempt, e is OperationCanceledException ? "Формування перервано зупинкою порталу" : e.Message);
            if (e is OperationCanceledException)
            {
                throw;
            }

            return new BuildReportResult(BuildOutcome.Failed, reportId, e.Message);
        }

        progress?.Report(90);
        var finished = await FinishAsync(command, reportId, attempt, file, storedName, zone, cancellationToken);
        if (!finished)
        {
            // Taken over after being thought dead: the other attempt delivers; this one leaves nothing behind.
            store.Delete(storedName);
            logger.LogWarning("Report {Id} attempt {Attempt} was superseded and delivered nothing", reportId, attempt);
            return new BuildReportResult(BuildOutcome.InProgress, reportId);
        }

        for (var earlier = 1; earlier < attempt; earlier++)
        {
            store.Delete(StoredName(reportId, earlier, command.Run.Period.From, file.FileName));
        }

        progress?.Report(100);
        inbox.NotifyBuilt();
        return new BuildReportResult(BuildOutcome.Built, reportId);
    }

    private sealed record Claim(BuildReportResult? Outcome, Guid ReportId = default, int Attempt = 0);

    private async Task<Claim> ClaimAsync(BuildReportCommand command, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var run = command.Run;
        var now = clock.GetUtcNow();
        var onDemand = command.Origin == ReportOrigin.OnDemand;
        var existing = await FindAsync(run, cancellationToken);
        if (existing is null)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var scopeName = await ScopeNameAsync(db, run.Scope, cancellationToken);
            var requester = command.RequestedBy.Role == Role.System ? null : command.RequestedBy;
            var row = ArchivedReport.Claim(run, scopeName, ReportBuilder.TitleOf(run.Kind), command.Origin, command.DueAt, requester?.Id, requester?.Name ?? Actor.System.Name, now);
            db.Reports.Add(row);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new Claim(null, row.Id, row.Attempts);
            }
            catch (DbUpdateException)
            {
                // The unique index refused it: another caller claimed the run first. Anything else is a real error.
                existing = await FindAsync(run, cancellationToken);
                if (existing is null)
                {
                    throw;
                }
            }
        }

        if (existing.Status == ReportStatus.Ready)
        {
            return new Claim(new BuildReportResult(BuildOutcome.AlreadyBuilt, existing.Id));
        }

        if (!existing.CanBeTakenOverAt(now, onDemand))
        {
            return new Claim(new BuildReportResult(existing.Status == ReportStatus.Failed ? BuildOutcome.Failed : BuildOutcome.InProgress, existing.Id, existing.Error));
        }

        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            db.Reports.Attach(existing);
            existing.TakeOver(now);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return new Claim(new BuildReportResult(BuildOutcome.InProgress, existing.Id));
            }
        }

        logger.LogWarning("Report {Id} ({Kind}) taken over for attempt {Attempt}", existing.Id, existing.Kind, existing.Attempts);
        return new Claim(null, existing.Id, existing.Attempts);
    }

    private async Task<ArchivedReport?> FindAsync(ReportRun run, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var scopeId = run.Scope.Id ?? ArchivedReport.CommunityScopeId;
        return await db.Reports.AsNoTracking().FirstOrDefaultAsync(
            r => r.Kind == run.Kind && r.PeriodFrom == run.Period.From && r.PeriodTo == run.Period.To && r.ScopeKind == run.Scope.Kind && r.ScopeId == scopeId,
            cancellationToken);
    }

    private async Task<bool> FinishAsync(BuildReportCommand command, Guid reportId, int attempt, ReportFile file, string storedName, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var report = await db.Reports.FirstAsync(r => r.Id == reportId, ct);
            if (report.Status != ReportStatus.Building || report.Attempts != attempt)
            {
                return false;
            }

            var now = clock.GetUtcNow();
            report.MarkReady(file.FileName, file.ContentType, storedName, file.Content.LongLength, now);
            var addressees = await ReportRecipients.ResolveAsync(db, command.Run, report.RequestedById, ct);
            db.ReportRecipients.AddRange(addressees.Users.Select(u => new ReportRecipient(reportId, u.UserId, now)));

            // The Department's own request is downloaded from the page at once; letters go to the addressees of §4.1.
            var mails = addressees.Users.Where(u => u.UserId != report.RequestedById).Select(u => u.Email)
                .Concat(addressees.ExtraEmails)
                .Where(m => !string.IsNullOrWhiteSpace(m))
                .Select(m => m!.Trim())
                .Distinct(StringComparer.OrdinalIgnoreCase);
            var subject = $"{report.Title}: {report.ScopeName}, {ReportNames.Period(command.Run.Period, zone)}";
            var body = Body(report, command.Run.Period, zone);
            foreach (var to in mails)
            {
                db.OutgoingMails.Add(OutgoingMail.Create(to, subject, body, "report", null, now).WithAttachment(file.FileName, file.ContentType, storedName));
            }

            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return false;
            }

            await transaction.CommitAsync(ct);
            return true;
        }, cancellationToken);
    }

    private async Task MarkFailedAsync(Guid reportId, int attempt, string error)
    {
        // Not the caller's token: a build stopped by shutdown must still leave its row failed rather than claimed.
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        var report = await db.Reports.FirstOrDefaultAsync(r => r.Id == reportId && r.Attempts == attempt && r.Status == ReportStatus.Building, CancellationToken.None);
        if (report is null)
        {
            return;
        }

        report.MarkFailed(error);
        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Taken over meanwhile: the newer attempt owns the row.
        }
    }

    private string Body(ArchivedReport report, ReportingPeriod period, TimeZoneInfo zone)
    {
        var link = configuration[PublicLinks.BaseUrlKey] is { Length: > 0 } baseUrl ? $"{baseUrl.TrimEnd('/')}/reports" : null;
        var lines = new List<string>
        {
            "Доброго дня!",
            string.Empty,
            $"Надсилаємо {report.Title.ToLowerInvariant()} ({report.ScopeName}) за період {ReportNames.Period(period, zone)} (п. 4.1 Регламенту роботи Контакт-Центру).",
            "Файл звіту додано до листа.",
        };
        if (link is not null)
        {
            lines.Add($"Звіт також є в архіві звітів порталу: {link}");
        }

        lines.AddRange([string.Empty, "Контакт-Центр", "Лист надіслано автоматично, відповідати на нього не потрібно."]);
        return string.Join('\n', lines);
    }

    /// <summary>Each attempt writes its own file, so a superseded attempt can never overwrite the one that was delivered.</summary>
    private static string StoredName(Guid reportId, int attempt, DateTimeOffset periodFrom, string fileName) =>
        $"{periodFrom.UtcDateTime:yyyy}/{periodFrom.UtcDateTime:MM}/{reportId:N}-{attempt}{Path.GetExtension(fileName)}";

    internal static async Task<string> ScopeNameAsync(ContactCenterDbContext db, ReportScope scope, CancellationToken cancellationToken) => scope.Kind switch
    {
        ScopeKind.Executor => await db.Executors.AsNoTracking().Where(e => e.Id == scope.Id).Select(e => e.ShortName).FirstOrDefaultAsync(cancellationToken) ?? "Виконавець",
        ScopeKind.Direction => await db.Directions.AsNoTracking().Where(d => d.Id == scope.Id).Select(d => d.Name).FirstOrDefaultAsync(cancellationToken) ?? "Напрямок",
        _ => ReportNames.Community,
    };
}

/// <summary>The zone the calendar periods of reports are decided in: the setting <c>Reports:TimeZone</c>, Europe/Kyiv by default.</summary>
public static class ReportingZone
{
    public static async Task<TimeZoneInfo> GetAsync(IDbContextFactory<ContactCenterDbContext> dbFactory, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await GetAsync(db, cancellationToken);
    }

    public static async Task<TimeZoneInfo> GetAsync(ContactCenterDbContext db, CancellationToken cancellationToken)
    {
        var id = await WorkingCalendarStore.GetSettingAsync(db, WorkingCalendarStore.ReportsTimeZoneKey, cancellationToken);
        if (string.IsNullOrWhiteSpace(id) || id is "Europe/Kyiv" or "Europe/Kiev")
        {
            return Domain.Deadlines.DeadlinePolicy.Kyiv;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : Domain.Deadlines.DeadlinePolicy.Kyiv;
    }
}
